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

/// The longest URL a link or media may have: browsers and servers refuse longer ones, and a
/// hostile file must not make every export carry a megabyte of address.
pub const URL_MAX: usize = 2048;

/// The longest label: it must fit a TimelineJS marker or a chart's label.
pub const LABEL_MAX: usize = 30;

/// Why `value` cannot be a link or a media's address, completing "the link …"; `None` when it
/// can: an absolute http or https URL with a host, on one line, with no spaces (a `javascript:`
/// or `file:` link in an export would run or read on the reader's machine).
pub fn url_refusal(value: &str) -> Option<String> {
    if let Some(why) = refusal(value, Shape::Line) {
        return Some(why);
    }
    if value.len() > URL_MAX {
        return Some(format!(
            "is {} bytes long, past the {URL_MAX} a URL may have",
            value.len()
        ));
    }
    let lower = value.get(..8).unwrap_or(value).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &value[8..]
    } else if lower.starts_with("http://") {
        &value[7..]
    } else {
        return Some(format!(
            "`{}` is not an http or https URL",
            crate::error::quote(&value.chars().take(60).collect::<String>())
        ));
    };
    if rest.is_empty() || rest.starts_with(['/', '?', '#']) {
        return Some("has no host after `//`".to_string());
    }
    if value.chars().any(char::is_whitespace) {
        return Some("holds a space; write it as %20".to_string());
    }
    None
}

/// Why `value` cannot be a label; `None` when it can.
pub fn label_refusal(value: &str) -> Option<String> {
    if let Some(why) = refusal(value, Shape::Line) {
        return Some(why);
    }
    let length = value.chars().count();
    (length > LABEL_MAX).then(|| {
        format!("has {length} characters, past the {LABEL_MAX} a label may have (the title is for the rest)")
    })
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
    fn only_http_and_https_urls_with_a_host_are_links() {
        for good in [
            "https://example.org",
            "HTTP://example.org/a?b=c&d#e",
            "https://upload.wikimedia.org/wikipedia/commons/a/a0/Trotsky.jpg",
        ] {
            assert_eq!(url_refusal(good), None, "{good}");
        }
        for (bad, why) in [
            ("javascript:alert(1)", "not an http or https URL"),
            ("data:text/html,<script>", "not an http or https URL"),
            ("file:///etc/passwd", "not an http or https URL"),
            ("//example.org", "not an http or https URL"),
            ("https://", "no host"),
            ("https:///path", "no host"),
            ("https://a b", "space"),
            ("https://a\u{1b}[2J", "control character"),
            ("https://a\u{202e}b", "bidirectional"),
        ] {
            let refused = url_refusal(bad).unwrap_or_default();
            assert!(refused.contains(why), "{bad}: {refused}");
        }
        let long = format!("https://example.org/{}", "a".repeat(URL_MAX));
        assert!(url_refusal(&long).unwrap().contains("past the 2048"));
        // A multi-byte character at the eighth byte is no panic.
        assert!(url_refusal("ééééé").is_some());
    }

    #[test]
    fn labels_are_short_single_lines() {
        assert_eq!(label_refusal("October rising"), None);
        assert!(
            label_refusal(&"x".repeat(LABEL_MAX + 1))
                .unwrap()
                .contains("past the 30")
        );
        assert!(label_refusal("two\nlines").is_some());
    }

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
