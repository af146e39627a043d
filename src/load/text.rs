//! What a value of a timeline may hold: no control character in any of them (prose may break
//! lines), and ids from a safe alphabet. (The closest id to one that is unknown is
//! [`crate::suggest`]'s.)
//!
//! A timeline's text reaches terminals, CSV cells, iCalendar lines and Markdown; a control
//! character there can clear a screen, write the clipboard (OSC 52) or add a line to a calendar.
//! Refusing them here, where the file can still be blamed at a line and column, means no output
//! needs an escaper of its own for them. A decoded cache entry is checked by the same rules.

use crate::error::{is_control, quote};

/// How a field may be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// An id: letters, digits, `-`, `_` and `.` (safe in a UID, a URL or a file name).
    Id,
    /// A single line: a title, a name, a tag, a date, a reference.
    Line,
    /// Prose that may run over several lines and hold tabs: a summary, a note, an about.
    Prose,
}

/// The ASCII bytes an id may hold.
static QUICK_ID: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b'.';
        b += 1;
    }
    table
};

/// True when `value` is empty or only whitespace; at a byte's cost when it starts with visible
/// ASCII, as nearly every title does.
pub fn is_blank(value: &str) -> bool {
    !value.as_bytes().first().is_some_and(u8::is_ascii_graphic) && value.trim().is_empty()
}

/// True for the characters an id may hold.
pub fn id_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// Why `value` cannot be a field of this `shape`, completing "the title …"; `None` when it can.
/// Emptiness is the caller's to judge: an empty summary is no problem, an empty id is.
pub fn refusal(value: &str, shape: Shape) -> Option<String> {
    // The common case at a byte's cost, for a million events: no byte that can start a control
    // character (C0, DEL, or the lead bytes 0xC2 of U+0080–U+00BF, where the C1 controls are,
    // 0xE2 of U+2000–U+2FFF, where the bidirectional overrides, the line and paragraph
    // separators and the zero-width characters are, 0xEF of U+F000–U+FFFF, where the byte-order
    // mark and the annotation marks are, and 0xF3 of U+C0000–U+FFFFF, where the tag characters
    // are), and for an id only ASCII id characters.
    let quick = match shape {
        Shape::Id => value.bytes().all(|b| QUICK_ID[b as usize]),
        Shape::Line | Shape::Prose => !value
            .bytes()
            .any(|b| b < 0x20 || b == 0x7f || matches!(b, 0xc2 | 0xe2 | 0xef | 0xf3)),
    };
    if quick {
        return None;
    }
    let allowed = |c: char| match shape {
        Shape::Prose => matches!(c, '\n' | '\t'),
        Shape::Id | Shape::Line => false,
    };
    if shape == Shape::Id
        && let Some(c) = value.chars().find(|&c| !id_char(c))
    {
        return Some(format!(
            "`{}` holds `{}`: ids are letters, digits, `-`, `_` and `.`",
            quote(value),
            c.escape_default()
        ));
    }
    if shape == Shape::Line
        && let Some(c) = value.chars().find(|&c| is_invisible(c))
    {
        return Some(format!(
            "holds an invisible character, which hides or reorders what the text shows: `{}` ({})",
            c.escape_default(),
            invisible_name(c)
        ));
    }
    if let Some(c) = value.chars().find(|&c| is_control(c) && !allowed(c)) {
        let why = match c {
            '\n' | '\r' => "a line break, and this field is one line",
            '\t' => "a tab, and this field is one line (tabs separate the fields of plain output)",
            '\u{2028}' | '\u{2029}' => "a line or paragraph separator, and this field is one line",
            c if !c.is_control() => {
                "a bidirectional override, which shows the text around it in another order"
            }
            _ => "a control character, which a terminal would act on instead of showing",
        };
        return Some(format!("holds {why}: `{}`", c.escape_default()));
    }
    None
}

/// True for the characters that show nothing and are refused in a one-line field as control
/// characters are: a title that reads `Lenin` may hold `Le\u{200b}nin`, which no search for
/// Lenin finds, and a bidirectional mark or a tag character changes what a reader sees.
/// (Prose may keep them: the zero-width joiner builds emoji and some scripts' letters.)
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}'
            | '\u{2060}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

/// What an invisible character is, for the message.
fn invisible_name(c: char) -> &'static str {
    match c {
        '\u{200b}'..='\u{200d}' | '\u{2060}' => "a zero-width character",
        '\u{200e}' | '\u{200f}' => "a bidirectional mark",
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => "a bidirectional override",
        '\u{feff}' => "a byte-order mark inside the text",
        '\u{fff9}'..='\u{fffb}' => "an interlinear annotation mark",
        _ => "a tag character",
    }
}

/// True when `value` may be a field of this `shape` (and is not an empty id).
pub fn acceptable(value: &str, shape: Shape) -> bool {
    refusal(value, shape).is_none() && !(shape == Shape::Id && value.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_refused_and_prose_may_break_lines() {
        assert!(refusal("Exile to Alma-Ata", Shape::Line).is_none());
        assert!(refusal("one\ntwo\tthree", Shape::Prose).is_none());
        for bad in ["a\u{1b}[2J", "bell\u{7}", "del\u{7f}", "csi\u{9b}"] {
            let why = refusal(bad, Shape::Prose).expect(bad);
            assert!(why.contains("`\\u{"), "{why}");
        }
        assert!(refusal("cr\r", Shape::Prose).unwrap().contains("`\\r`"));
        assert!(
            refusal("two\nlines", Shape::Line)
                .unwrap()
                .contains("line break")
        );
        assert!(refusal("a\tb", Shape::Line).unwrap().contains("a tab"));
    }

    #[test]
    fn invisible_characters_are_refused_in_one_line() {
        for c in [
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{2060}',
            '\u{200e}',
            '\u{200f}',
            '\u{202a}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{feff}',
            '\u{e0000}',
            '\u{e0041}',
            '\u{e007f}',
            '\u{fff9}',
            '\u{fffb}',
        ] {
            let value = format!("Le{c}nin");
            let why = refusal(&value, Shape::Line).unwrap_or_else(|| panic!("{c:?}"));
            assert!(why.contains(&c.escape_default().to_string()), "{why}");
        }
        assert!(refusal("Лев Троцкий, 托洛茨基, ｆｕｌｌ", Shape::Line).is_none());
        assert!(refusal("a family: 👨\u{200d}👩\u{200d}👧", Shape::Prose).is_none());
    }

    #[test]
    fn ids_keep_to_their_alphabet() {
        assert!(acceptable("exile-1929.prinkipo_2", Shape::Id));
        assert!(acceptable("moskva-Москва", Shape::Id));
        assert!(!acceptable("", Shape::Id));
        for bad in ["a b", "a\r\nATTACH:x", "a/b", "a;b", "a,b"] {
            assert!(!acceptable(bad, Shape::Id), "{bad:?}");
        }
        assert!(refusal("a b", Shape::Id).unwrap().contains("holds ` `"));
    }
}
