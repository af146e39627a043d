//! The word search of `--search` and of `browse`'s `/`: a query of words and "quoted phrases",
//! each of which must appear somewhere in an event's title, summary, place names (the place's
//! and those of the places it lay within that day) or people's names, case and accents aside;
//! and where the words sit in a text, for highlighting.

use std::ops::Range;

use crate::model::{Event, Timeline};
use crate::names::fold;

/// Separates an event's fields in its haystack. Folded terms never hold a newline (folding turns
/// every run of white space into one space), so no term can match across two fields.
const FIELD_SEPARATOR: char = '\n';

/// A parsed search: folded words and phrases, all of which must match (AND), in any order.
///
/// ```
/// use timeline::search::WordQuery;
/// let query = WordQuery::parse(r#"testament "to Lenin""#);
/// assert_eq!(query.terms(), ["testament", "to lenin"]);
/// assert!(query.matches("lenin's testament, dictated to lenin"));
/// assert!(!query.matches("lenin's testament"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordQuery {
    terms: Vec<String>,
}

impl WordQuery {
    /// Splits `text` into words at white space; text between double quotes stays one phrase
    /// (an unclosed quote runs to the end). Each term is folded as names are (see
    /// [`fold`]); terms that fold to nothing are dropped.
    ///
    /// ```
    /// use timeline::search::WordQuery;
    /// assert_eq!(WordQuery::parse("  Brest  LITOVSK ").terms(), ["brest", "litovsk"]);
    /// assert_eq!(WordQuery::parse(r#""Brest-Litovsk talks"#).terms(), ["brest-litovsk talks"]);
    /// assert!(WordQuery::parse(r#"  "" "#).is_empty());
    /// ```
    pub fn parse(text: &str) -> WordQuery {
        let mut terms = Vec::new();
        let mut current = String::new();
        let mut in_phrase = false;
        let mut push = |current: &mut String| {
            let term = fold(current);
            if !term.is_empty() && !terms.contains(&term) {
                terms.push(term);
            }
            current.clear();
        };
        for ch in text.chars() {
            match ch {
                '"' => {
                    push(&mut current);
                    in_phrase = !in_phrase;
                }
                c if c.is_whitespace() && !in_phrase => push(&mut current),
                c => current.push(c),
            }
        }
        push(&mut current);
        WordQuery { terms }
    }

    /// The folded words and phrases, in the order typed, without repeats.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// True when there is nothing to look for; an empty query matches everything.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when every term occurs in `haystack` where a word starts (`testam` finds
    /// "testament", `estament` does not); `haystack` must already be folded (as
    /// [`event_haystack`] is).
    pub fn matches(&self, haystack: &str) -> bool {
        self.terms
            .iter()
            .all(|term| word_starts(haystack, term).next().is_some())
    }

    /// True when every term occurs in the event's title, summary, place names or people's names
    /// (those of `timeline`, the event's).
    pub fn matches_event(&self, timeline: &Timeline, event: &Event) -> bool {
        self.is_empty() || self.matches(&event_haystack(timeline, event))
    }

    /// The byte ranges of `text` (as shown, not folded) where a term occurs as [`WordQuery::matches`]
    /// finds it, sorted, with
    /// overlapping and touching ranges merged. Each range covers whole characters, so slicing
    /// `text` with it is safe.
    ///
    /// ```
    /// use timeline::search::WordQuery;
    /// let query = WordQuery::parse("cardenas asylum");
    /// let text = "Asylum granted by Lázaro Cárdenas";
    /// let marked: Vec<&str> = query.highlights(text).into_iter().map(|r| &text[r]).collect();
    /// assert_eq!(marked, ["Asylum", "Cárdenas"]);
    /// ```
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        let folded = FoldedText::new(text);
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for term in &self.terms {
            for start in word_starts(&folded.text, term) {
                ranges.push(folded.original(start..start + term.len()));
            }
        }
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }
}

/// Where `term` occurs in the folded `text` at the start of a word (at the start, or after a
/// character that is not a letter or digit), overlapping occurrences included: `train` finds
/// "trains" and "training", not "restraint", as a search box does.
fn word_starts<'t>(text: &'t str, term: &'t str) -> impl Iterator<Item = usize> + 't {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        // Folded text is ASCII, so the byte after a match's start is a character boundary; on
        // any other text `get` ends the search instead of panicking.
        while let Some(found) = text.get(from..)?.find(term) {
            let at = from + found;
            from = at + 1;
            if at == 0 || !bytes[at - 1].is_ascii_alphanumeric() {
                return Some(at);
            }
        }
        None
    })
}

/// An event's searchable text, folded: its title, summary, its place's names (every name, old
/// and new) and its people's names and aliases (the subject's among them), one field per line.
pub fn event_haystack(timeline: &Timeline, event: &Event) -> String {
    let mut fields: Vec<&str> = vec![event.title.as_str()];
    fields.extend(event.summary.as_deref());
    // The place and the places it lay within that day: `coyoacan raid` finds the raid at
    // Avenida Viena, `russian empire` the birth at Yanovka.
    if let Some(place) = event.place.filter(|&p| p < timeline.places.len()) {
        for place in timeline.place_chain_on(place, event.date.earliest()) {
            fields.extend(place.all_names());
        }
    }
    // The subject is in every event of their life, as `--person` has it: `trotsky train` finds
    // the train even where the title says "he".
    let subject = timeline.subject.filter(|s| !event.people.contains(s));
    for person in event
        .people
        .iter()
        .chain(subject.as_ref())
        .filter_map(|&p| timeline.people.get(p))
    {
        fields.extend(person.all_names());
    }
    let mut haystack = String::new();
    for field in fields {
        if !haystack.is_empty() {
            haystack.push(FIELD_SEPARATOR);
        }
        push_folded(&mut haystack, field);
    }
    haystack
}

/// Appends `text` folded to `out`, as [`fold`] folds it but in one pass and without a string of
/// its own: building every haystack of 100,000 events is the first search's whole cost.
fn push_folded(out: &mut String, text: &str) {
    let start = out.len();
    for ch in text.chars() {
        if ch.is_ascii() {
            push_folded_byte(out, start, ch as u8);
        } else {
            for byte in deunicode::deunicode_char(ch).unwrap_or("[?]").bytes() {
                push_folded_byte(out, start, byte);
            }
        }
    }
    if out.len() > start && out.ends_with(' ') {
        out.pop();
    }
}

/// One byte of folded text: lowercase, and white space as one space that never leads.
fn push_folded_byte(out: &mut String, start: usize, byte: u8) {
    if byte.is_ascii_whitespace() {
        if out.len() > start && !out.ends_with(' ') {
            out.push(' ');
        }
    } else {
        out.push(char::from(byte.to_ascii_lowercase()));
    }
}

/// A text folded as [`fold`] folds it, remembering for each folded byte which character of the
/// original it came from: one accented letter can fold to several bytes (`Ц` to `ts`), several
/// spaces to one.
struct FoldedText {
    text: String,
    /// For each byte of `text`, the byte range of the original character it came from.
    origin: Vec<Range<usize>>,
}

impl FoldedText {
    fn new(original: &str) -> FoldedText {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (at, ch) in original.char_indices() {
            let source = at..at + ch.len_utf8();
            let mut single = [0; 4];
            let ascii = if ch.is_ascii() {
                &*ch.encode_utf8(&mut single)
            } else {
                deunicode::deunicode_char(ch).unwrap_or("[?]")
            };
            for byte in ascii.bytes() {
                let byte = byte.to_ascii_lowercase();
                if byte.is_ascii_whitespace() {
                    // Runs of white space fold to one space, and none leads.
                    if text.is_empty() || text.ends_with(' ') {
                        continue;
                    }
                    text.push(' ');
                } else {
                    text.push(char::from(byte));
                }
                origin.push(source.clone());
            }
        }
        FoldedText { text, origin }
    }

    /// The original byte range that the folded bytes `folded` came from.
    fn original(&self, folded: Range<usize>) -> Range<usize> {
        self.origin[folded.start].start..self.origin[folded.end - 1].end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Index;
    use crate::load::{Source, load};

    const FIXTURE: &str = "title: t
subject: me
people:
  - {id: me, name: Me, born: 1879-10-26 O.S.}
  - {id: lev, name: Lev Kamenev, aliases: [Rosenfeld]}
  - {id: lazaro, name: Lázaro Cárdenas}
places:
  - id: spb
    name: Saint Petersburg
    names: [{name: Petrograd, from: 1914-08-31, to: 1924-01-26}]
  - {id: coyoacan, name: Coyoacán}
events:
  - {id: testament, date: 1922-12-24, title: Lenin dictates his Testament, summary: It names Trotsky the most able., people: [lev]}
  - {id: rising, date: 1917-11-07, title: Uprising, place: spb}
  - {id: asylum, date: 1937-01-09, title: Asylum granted, place: coyoacan, people: [lazaro]}
";

    fn index() -> Index {
        Index::new(
            load(&Source {
                name: "t".into(),
                text: FIXTURE.into(),
            })
            .unwrap(),
        )
    }

    fn found(index: &Index, search: &str) -> Vec<String> {
        let query = WordQuery::parse(search);
        index
            .events()
            .unwrap()
            .iter()
            .filter(|e| query.matches_event(index.timeline(), e))
            .map(|e| e.id.clone())
            .collect()
    }

    #[test]
    fn every_word_must_appear_in_any_order_and_any_field() {
        let index = index();
        assert_eq!(found(&index, "testament lenin"), ["testament"]);
        assert_eq!(found(&index, "LENIN   testament"), ["testament"]);
        // The summary, a person's alias, a place's older name, a person's accented name.
        assert_eq!(found(&index, "most able"), ["testament"]);
        // A word matches where words start: the beginning of one is enough, the middle is not.
        assert_eq!(found(&index, "testam"), ["testament"]);
        assert!(found(&index, "estament").is_empty());
        assert_eq!(found(&index, "rosenfeld"), ["testament"]);
        assert_eq!(found(&index, "petrograd"), ["rising"]);
        assert_eq!(found(&index, "cardenas coyoacan"), ["asylum"]);
        assert!(found(&index, "testament petrograd").is_empty());
        // The subject takes part in every event of their life.
        assert_eq!(found(&index, "me uprising"), ["rising"]);
    }

    #[test]
    fn a_quoted_phrase_keeps_its_words_together() {
        let index = index();
        assert_eq!(found(&index, r#""dictates his""#), ["testament"]);
        assert!(found(&index, r#""his dictates""#).is_empty());
        // An unclosed quote runs to the end rather than being an error.
        assert_eq!(found(&index, r#"lenin "his testament"#), ["testament"]);
    }

    #[test]
    fn a_phrase_does_not_match_across_two_fields() {
        let index = index();
        // "granted" ends the title, "Coyoacán" is the place: no phrase spans them.
        assert!(found(&index, r#""granted coyoacan""#).is_empty());
    }

    #[test]
    fn an_empty_query_matches_everything() {
        let index = index();
        assert_eq!(found(&index, "").len(), 3);
        assert_eq!(found(&index, " \"\" ").len(), 3);
    }

    #[test]
    fn highlights_cover_the_original_characters_of_each_match() {
        let marked = |search: &str, text: &str| -> Vec<String> {
            let query = WordQuery::parse(search);
            let ranges = query.highlights(text);
            ranges.into_iter().map(|r| text[r].to_string()).collect()
        };
        assert_eq!(marked("cardenas", "Lázaro Cárdenas"), ["Cárdenas"]);
        assert_eq!(marked("cárd", "LÁZARO CÁRDENAS"), ["CÁRD"]);
        // One letter that folds to two: `ts` matches `Ц` whole.
        assert_eq!(marked("tsar", "Царь"), ["Цар"]);
        assert_eq!(marked(&fold("Троцкий"), "Лев Троцкий"), ["Троцкий"]);
        // Words match where a word starts, not inside one.
        assert_eq!(
            marked("train", "Trains, training, restraint"),
            ["Train", "train"]
        );
        assert!(marked("ana", "banana").is_empty());
        // Repeated and overlapping terms merge into one range.
        assert_eq!(marked("brest brest-lit", "Brest-Litovsk"), ["Brest-Lit"]);
        assert_eq!(marked("a", "a a"), ["a", "a"]);
        // A phrase spans the white space between its words, however wide.
        assert_eq!(
            marked(r#""brest litovsk""#, "at Brest   Litovsk."),
            ["Brest   Litovsk"]
        );
        assert!(marked("zzz", "Brest").is_empty());
        assert!(marked("", "Brest").is_empty());
    }

    #[test]
    fn highlight_folding_agrees_with_the_index_fold() {
        for text in [
            "Lázaro   Cárdenas",
            "  Hønefoss ",
            "Троцкий Лев Давидович",
            // (Not tabs: deunicode keeps an ASCII control character only before the first
            // non-ASCII one, and drops it after; here every ASCII character is kept as itself,
            // so a tab only shifts where a highlight falls, never whether a query matches.)
            "Büyükada island",
            "北京 and Æsir — «quotes»",
            "",
        ] {
            let folded = FoldedText::new(text);
            assert_eq!(folded.text.trim_end(), fold(text), "{text:?}");
            let mut pushed = String::from("x\n");
            push_folded(&mut pushed, text);
            assert_eq!(pushed, format!("x\n{}", fold(text)), "{text:?}");
            assert_eq!(folded.text.len(), folded.origin.len());
        }
    }
}
