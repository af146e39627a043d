//! The usual shape of a JSON event read in one pass over its bytes, without serde: the
//! events of a big file are almost all alike, and reading them directly costs a fraction of
//! serde_json's visitor (whose values are delimited once as raw values and then read again).
//!
//! Only what is certainly plain is read here: an object of known fields, each once, whose
//! values are strings without escapes or control characters (or `null` where a field may be
//! missing), and lists of such strings. Anything else (an escape, a number, an unknown or
//! repeated field, a missing one, a syntax error) answers `None`, and the caller reads the
//! element with serde_json, which gives the same event or the same problem at its position.

use super::bytes::string_end;
use super::located::JsonText;
use super::raw::RawEvent;
use super::scan::skip_space;

/// The event whose object starts at byte `at` (a `{`), and the byte after its `}`; `None`
/// unless it has the usual shape (see the module's comment).
pub(super) fn event(text: &str, at: usize) -> Option<(RawEvent<JsonText<'_>>, usize)> {
    let b = text.as_bytes();
    if b.get(at) != Some(&b'{') {
        return None;
    }
    let mut event = RawEvent {
        id: JsonText::Plain(""),
        date: JsonText::Plain(""),
        end: None,
        title: JsonText::Plain(""),
        summary: None,
        place: None,
        people: Vec::new(),
        tags: Vec::new(),
        period: None,
        source: None,
        unknown: Vec::new(),
    };
    // One bit per field seen, to refuse a repeated one and find a missing one.
    let mut seen = 0u16;
    let mut i = skip_space(b, at + 1);
    loop {
        let (key, after) = plain_string(text, i)?;
        i = skip_space(b, after);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_space(b, i + 1);
        let bit = match key {
            "id" => 1,
            "date" => 2,
            "end" => 4,
            "title" => 8,
            "summary" => 16,
            "place" => 32,
            "people" => 64,
            "tags" => 128,
            "period" => 256,
            "source" => 512,
            _ => return None,
        };
        if seen & bit != 0 {
            return None;
        }
        seen |= bit;
        i = match key {
            "id" => one(text, i, &mut event.id)?,
            "date" => one(text, i, &mut event.date)?,
            "title" => one(text, i, &mut event.title)?,
            "end" => optional(text, i, &mut event.end)?,
            "summary" => optional(text, i, &mut event.summary)?,
            "place" => optional(text, i, &mut event.place)?,
            "period" => optional(text, i, &mut event.period)?,
            "source" => optional(text, i, &mut event.source)?,
            "people" => list(text, i, &mut event.people)?,
            _ => list(text, i, &mut event.tags)?,
        };
        i = skip_space(b, i);
        match b.get(i)? {
            b',' => i = skip_space(b, i + 1),
            b'}' => break,
            _ => return None,
        }
    }
    // `id`, `date` and `title` are required.
    (seen & 11 == 11).then_some((event, i + 1))
}

/// The string whose opening quote is at `at`, when it holds no escape and no control
/// character, and the byte after its closing quote.
fn plain_string(text: &str, at: usize) -> Option<(&str, usize)> {
    let b = text.as_bytes();
    if b.get(at) != Some(&b'"') {
        return None;
    }
    let start = at + 1;
    let length = string_end(b.get(start..)?)?;
    let end = start + length;
    // A quote, a single byte, ends the string on a character boundary.
    (b[end] == b'"').then(|| (&text[start..end], end + 1))
}

/// A required string field.
fn one<'a>(text: &'a str, at: usize, value: &mut JsonText<'a>) -> Option<usize> {
    let (plain, after) = plain_string(text, at)?;
    *value = JsonText::Plain(plain);
    Some(after)
}

/// A field that may be missing: a string, or `null` for none.
fn optional<'a>(text: &'a str, at: usize, value: &mut Option<JsonText<'a>>) -> Option<usize> {
    if text.as_bytes().get(at..at + 4) == Some(b"null") {
        *value = None;
        return Some(at + 4);
    }
    let (plain, after) = plain_string(text, at)?;
    *value = Some(JsonText::Plain(plain));
    Some(after)
}

/// A list of strings.
fn list<'a>(text: &'a str, at: usize, values: &mut Vec<JsonText<'a>>) -> Option<usize> {
    let b = text.as_bytes();
    if b.get(at) != Some(&b'[') {
        return None;
    }
    let mut i = skip_space(b, at + 1);
    if b.get(i) == Some(&b']') {
        return Some(i + 1);
    }
    loop {
        let (plain, after) = plain_string(text, i)?;
        values.push(JsonText::Plain(plain));
        i = skip_space(b, after);
        match b.get(i)? {
            b',' => i = skip_space(b, i + 1),
            b']' => return Some(i + 1),
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::located::Located;

    /// What serde_json reads from the same element, for comparison.
    fn by_serde(text: &str) -> Option<RawEvent<JsonText<'_>>> {
        serde_json::from_str(text).ok()
    }

    fn fields(e: &RawEvent<JsonText>) -> Vec<String> {
        let one = |t: &JsonText| t.text().to_string();
        let opt = |t: &Option<JsonText>| format!("{:?}", t.as_ref().map(|t| t.text()));
        let many =
            |v: &Vec<JsonText>| format!("{:?}", v.iter().map(|t| t.text()).collect::<Vec<_>>());
        vec![
            one(&e.id),
            one(&e.date),
            opt(&e.end),
            one(&e.title),
            opt(&e.summary),
            opt(&e.place),
            many(&e.people),
            many(&e.tags),
            opt(&e.period),
            opt(&e.source),
        ]
    }

    #[test]
    fn plain_events_read_as_serde_reads_them() {
        for text in [
            r#"{"id":"a","date":"1917","title":"x"}"#,
            r#"{ "id" : "a" , "date": "1917-10-25 O.S.", "end": "1918", "title": "Уход",
                "summary": "two words", "place": "spb", "people": ["p1", "p2"], "tags": [],
                "period": null, "source": "S" }"#,
            r#"{"title":"x","tags":["a"],"date":"1917","id":"a","summary":null}"#,
        ] {
            let (fast, end) = event(text, 0).expect(text);
            assert_eq!(end, text.len());
            assert_eq!(fields(&fast), fields(&by_serde(text).unwrap()), "{text}");
        }
    }

    #[test]
    fn anything_unusual_is_left_to_serde() {
        for text in [
            r#"{"id":"a","date":1917,"title":"x"}"#,
            r#"{"id":"a\u0041","date":"1917","title":"x"}"#,
            r#"{"id":"a","date":"1917","title":"x","venue":"y"}"#,
            r#"{"id":"a","id":"b","date":"1917","title":"x"}"#,
            r#"{"id":"a","date":"1917"}"#,
            r#"{"id":"a","date":"1917","title":null}"#,
            r#"{"id":"a","date":"1917","title":"x","people":null}"#,
            r#"{"id":"a","date":"1917","title":"x","people":["p",]}"#,
            r#"{"id":"a","date":"1917","title":"x",}"#,
            r#"{"id":"a","date":"1917","title":"x"]"#,
            "{\"id\":\"a\nb\",\"date\":\"1917\",\"title\":\"x\"}",
            r#"{"id":"a","date":"1917","title":"x""#,
            r#"{}"#,
            r#"{"id":"a","date":"1917","title":"x","summary":nul}"#,
            "{\"id\":\"a\",\"date\":\"1917\",\"title\":\"tab\there\"}",
        ] {
            assert!(event(text, 0).is_none(), "{text}");
        }
    }
}
