//! The structure of a JSON document, found without parsing its values.

use std::ops::Range;

/// Top-level keys and the byte ranges of their values.
pub(super) type Fields<'a> = Vec<(&'a str, Range<usize>)>;

/// The top-level fields of an object (key and value's byte range) and the byte range of each
/// element of its `events` array; `None` unless the text is one object whose keys are plain
/// strings and whose `events`, if any, is an array. Values are delimited, not validated: each
/// is parsed from its slice afterwards.
///
/// An element of `events` shorter than `min_element` bytes is `None` too: no such element can be
/// an event, and a file of sixty million `{}` must not make room for sixty million events.
pub(super) fn scan(text: &str, min_element: usize) -> Option<(Fields<'_>, Vec<Range<usize>>)> {
    let b = text.as_bytes();
    let mut fields = Vec::new();
    let mut elements = Vec::new();
    let mut i = skip_space(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_space(b, i + 1);
    if b.get(i) == Some(&b'}') {
        i += 1;
    } else {
        loop {
            let key;
            (key, i) = key_at(text, i)?;
            let start = i;
            if key == "events" && b.get(i) == Some(&b'[') {
                i = skip_space(b, i + 1);
                if b.get(i) == Some(&b']') {
                    i += 1;
                } else {
                    loop {
                        let element = i;
                        i = end_of_value(b, i)?;
                        if i - element < min_element {
                            return None;
                        }
                        elements.push(element..i);
                        let (next, closed) = after_item(b, i, b']')?;
                        i = next;
                        if closed {
                            break;
                        }
                    }
                }
            } else {
                i = end_of_value(b, i)?;
            }
            fields.push((key, start..i));
            let (next, closed) = after_item(b, i, b'}')?;
            i = next;
            if closed {
                break;
            }
        }
    }
    (skip_space(b, i) == b.len()).then_some((fields, elements))
}

/// The top-level fields of an object up to its `events` key, whose value is an array, and the
/// byte just after that array's `[`; `None` unless the text starts so (see [`scan`]), and for
/// a file without `events`.
pub(super) fn fields_before_events(text: &str) -> Option<(Fields<'_>, usize)> {
    let b = text.as_bytes();
    let mut fields = Vec::new();
    let mut i = skip_space(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_space(b, i + 1);
    loop {
        let key;
        (key, i) = key_at(text, i)?;
        if key == "events" {
            return (b.get(i) == Some(&b'[')).then_some((fields, i + 1));
        }
        let start = i;
        i = end_of_value(b, i)?;
        fields.push((key, start..i));
        let (next, closed) = after_item(b, i, b'}')?;
        if closed {
            return None;
        }
        i = next;
    }
}

/// The key of an object's member whose opening quote is at `i`, and where its value starts;
/// `None` unless the key is a plain string (no escapes) followed by `:`.
fn key_at(text: &str, i: usize) -> Option<(&str, usize)> {
    let b = text.as_bytes();
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let key_end = end_of_string(b, i)?;
    let key = &text[i + 1..key_end - 1];
    if key.contains('\\') {
        return None;
    }
    let colon = skip_space(b, key_end);
    if b.get(colon) != Some(&b':') {
        return None;
    }
    Some((key, skip_space(b, colon + 1)))
}

/// After an item of an array or object: past a `,` to the next item (`false`), or past the
/// closing bracket `close` (`true`); `None` for anything else.
pub(super) fn after_item(b: &[u8], i: usize, close: u8) -> Option<(usize, bool)> {
    let i = skip_space(b, i);
    match *b.get(i)? {
        b',' => Some((skip_space(b, i + 1), false)),
        c if c == close => Some((i + 1, true)),
        _ => None,
    }
}

pub(super) fn skip_space(b: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\r' | b'\t') = b.get(i) {
        i += 1;
    }
    i
}

/// The end (exclusive) of the string whose opening quote is at `i`.
fn end_of_string(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        let k = j + memchr::memchr2(b'"', b'\\', b.get(j..)?)?;
        if b[k] == b'\\' {
            j = k + 2;
        } else {
            return Some(k + 1);
        }
    }
}

/// The end (exclusive) of the value starting at `i`.
pub(super) fn end_of_value(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => end_of_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match b.get(j)? {
                    b'"' => j = end_of_string(b, j)?,
                    b'{' | b'[' => {
                        depth += 1;
                        j += 1;
                    }
                    b'}' | b']' => {
                        depth -= 1;
                        j += 1;
                        if depth == 0 {
                            return Some(j);
                        }
                    }
                    _ => j += 1,
                }
            }
        }
        _ => {
            let mut j = i;
            while let Some(c) = b.get(j) {
                if matches!(c, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                    break;
                }
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_and_elements_and_refuses_what_is_not_json() {
        let text = r#" { "title" : "a \" } [" , "events": [ {"id": "x}"} , {"id": [1, {"a": "]"}]} ], "n": 12 } "#;
        let (fields, elements) = scan(text, 0).unwrap();
        let keys: Vec<&str> = fields.iter().map(|f| f.0).collect();
        assert_eq!(keys, ["title", "events", "n"]);
        assert_eq!(&text[fields[0].1.clone()], r#""a \" } [""#);
        assert_eq!(&text[fields[2].1.clone()], "12");
        assert_eq!(elements.len(), 2);
        assert_eq!(&text[elements[0].clone()], r#"{"id": "x}"}"#);
        for bad in [
            "",
            "[1]",
            "{",
            r#"{"a": 1,}"#,
            r#"{"events": [1,]}"#,
            r#"{"a" 1}"#,
            r#"{"a": "unterminated}"#,
            r#"{"a": 1} x"#,
            r#"{"a\u0041": 1}"#,
            r#"{"events": [{]}"#,
        ] {
            assert!(scan(bad, 0).is_none(), "{bad}");
        }
        assert!(scan("{}", 0).is_some());
    }
}
