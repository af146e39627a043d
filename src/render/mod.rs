//! Output formats, one file each behind one small trait. Every renderer writes to any
//! `io::Write`, so tests render into a `Vec<u8>`; none reads the environment.

mod csv;
mod json;
mod markdown;
mod plain;
mod table;

use std::borrow::Cow;
use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::anniversary::Anniversary;
use crate::around::Around;
use crate::stats::Stats;
use crate::view::{EventDetail, EventRow, PeriodRow, PersonCard, PlaceCard, StayRow, TagRow};

pub use self::csv::{Csv, events_for_spreadsheets};
pub use self::json::Json;
pub use self::markdown::{Markdown, escape as escape_markdown};
pub use self::plain::Plain;
pub use self::table::Table;

/// The title as a listing shows it: a key event's starts with a star (`* ` in ASCII), so the
/// turning points stand out in a table, plain lines, Markdown and `show` alike.
pub fn listed_title(row: &EventRow, unicode: bool) -> Cow<'_, str> {
    match (row.key, unicode) {
        (false, _) => Cow::Borrowed(&row.title),
        (true, true) => Cow::Owned(format!("★ {}", row.title)),
        (true, false) => Cow::Owned(format!("* {}", row.title)),
    }
}

/// A media's address with its caption and credit, for a card: "URL — caption (credit)".
pub fn media_words(media: &crate::model::Media) -> String {
    let mut words = media.url.clone();
    if let Some(caption) = &media.caption {
        words.push_str(&format!(" — {caption}"));
    }
    if let Some(credit) = &media.credit {
        words.push_str(&format!(" ({credit})"));
    }
    words
}

/// Writes each view of the timeline in one format. Shared by the threads that write a long list
/// in pieces, so it holds only settings.
pub trait Renderer: Sync {
    /// A list of events.
    fn events(&self, out: &mut dyn Write, rows: &[EventRow]) -> io::Result<()>;

    /// A list of events made one at a time. The formats that can (plain, JSON, CSV) write each
    /// as it comes, so a list of a hundred thousand events never holds them all; the others
    /// (a table measures its columns first) gather them and write [`Renderer::events`].
    fn event_stream(
        &self,
        out: &mut dyn Write,
        rows: &mut dyn Iterator<Item = EventRow>,
    ) -> io::Result<()> {
        let rows: Vec<EventRow> = rows.collect();
        self.events(out, &rows)
    }

    /// True when a list written in pieces, joined, is the list written whole: one line per
    /// event, with no header, brackets or widths measured over all of them (plain, ndjson).
    fn joins_pieces(&self) -> bool {
        false
    }

    /// The people matching a name, then their events.
    fn who(&self, out: &mut dyn Write, cards: &[PersonCard], rows: &[EventRow]) -> io::Result<()> {
        let _ = cards;
        self.events(out, rows)
    }

    /// The places matching a name, then the events there.
    fn where_(
        &self,
        out: &mut dyn Write,
        cards: &[PlaceCard],
        rows: &[EventRow],
    ) -> io::Result<()> {
        let _ = cards;
        self.events(out, rows)
    }

    /// Every person.
    fn people(&self, out: &mut dyn Write, cards: &[PersonCard]) -> io::Result<()>;

    /// Every place.
    fn places(&self, out: &mut dyn Write, cards: &[PlaceCard]) -> io::Result<()>;

    /// The periods.
    fn periods(&self, out: &mut dyn Write, rows: &[PeriodRow]) -> io::Result<()>;

    /// Where the subject lived, and when (`timeline stays`).
    fn stays(&self, out: &mut dyn Write, rows: &[StayRow]) -> io::Result<()>;

    /// The tags with their counts (`timeline tags`).
    fn tags(&self, out: &mut dyn Write, rows: &[TagRow]) -> io::Result<()>;

    /// One event in full.
    fn detail(&self, out: &mut dyn Write, detail: &EventDetail) -> io::Result<()>;

    /// Events on a day of the year, each with how many years ago it was (`timeline on`).
    fn anniversaries(&self, out: &mut dyn Write, rows: &[Anniversary]) -> io::Result<()>;

    /// The life around a date (`timeline around`): its facts, then the events near it.
    fn around(&self, out: &mut dyn Write, around: &Around) -> io::Result<()>;

    /// Counts by period, tag, place, person, year and precision (`timeline stats`).
    fn stats(&self, out: &mut dyn Write, stats: &Stats) -> io::Result<()>;
}

/// What marks an event that only possibly falls in the dates asked for, before its date in
/// tables, plain lines and Markdown: `~`, which `grep -P '\t~'` finds and a table reads.
pub const POSSIBLE: &str = "~";

/// The mark before `row`'s date: [`POSSIBLE`] or nothing.
pub fn possible_mark(row: &EventRow) -> &'static str {
    if row.certain { "" } else { POSSIBLE }
}

/// "1 year ago", "106 years ago", "in 3 years".
pub fn years_ago_words(years: i32) -> String {
    match years {
        1 => "1 year ago".to_string(),
        -1 => "in 1 year".to_string(),
        n if n < 0 => format!("in {} years", -n),
        n => format!("{n} years ago"),
    }
}

/// `text` cut to at most `width` terminal columns, ending in `…` when cut. Widths are display
/// widths, so wide (East Asian) characters count twice and combining marks not at all.
pub fn truncate(text: &str, width: usize) -> String {
    truncate_with(text, width, "…")
}

/// [`truncate`] with another one-column `ellipsis` (ASCII screens use `~`).
pub fn truncate_with(text: &str, width: usize, ellipsis: &str) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut kept = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    if width > 0 {
        kept.push_str(ellipsis);
    }
    kept
}

/// `text` cut or padded with spaces to exactly `width` terminal columns.
pub fn fit(text: &str, width: usize) -> String {
    let mut cut = truncate(text, width);
    let pad = width.saturating_sub(cut.width());
    cut.extend(std::iter::repeat_n(' ', pad));
    cut
}

/// The output formats of the views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A table sized to the terminal, colored when color is on.
    Table,
    /// Tab-separated lines, no header, no truncation: for grep, sort and cut.
    Plain,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// A Markdown table.
    Markdown,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 6] = [
        Format::Table,
        Format::Plain,
        Format::Json,
        Format::Ndjson,
        Format::Csv,
        Format::Markdown,
    ];

    /// The name as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Plain => "plain",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
        }
    }

    /// True for formats other programs parse, which are never colored.
    pub fn is_data(self) -> bool {
        !matches!(self, Format::Table | Format::Plain)
    }
}

/// Breaks `text` into lines of at most `width` terminal columns at spaces, by display width
/// (wide characters count twice, color codes not at all); a word longer than a line stays whole.
/// A no-break space (U+00A0) holds a name together and is given back as a space.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_indented(text, width, "")
}

/// [`wrap`], with every line after the first starting with `indent`.
pub fn wrap_indented(text: &str, width: usize, indent: &str) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .subsequent_indent(indent)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        // "twenty-year" and "Brest-Litovsk" stay whole, as a name must.
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    // ASCII white space only: the no-break spaces inside names must survive.
    let text = text.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
    textwrap::wrap(&text, options)
        .into_iter()
        .map(|line| line.replace(NO_BREAK, " "))
        .filter(|line| !line.trim().is_empty())
        .collect()
}

/// `text` with a space put into every word wider than `longest` terminal columns, every
/// `longest` columns, so that no word is wider than that, and a line break for the first space
/// after [`LONGEST_LINE`] columns; other text is given back as it is.
///
/// comfy-table splits a word too wide for its column by copying the rest of the word for every
/// line it cuts off: the square of the word's length (a 400 KB title took 36 s). A word no wider
/// than the table (at most [`crate::term::MAX_WIDTH`] columns) costs it little, and could not
/// have been shown on one line anyway. It measures lines in 16 bits: a longer line overflowed.
/// Color codes count no columns and are never cut.
pub fn break_long_words(text: &str, longest: usize) -> Cow<'_, str> {
    let longest = longest.max(1);
    // Most text has no word or line that long: the measure is cheap and nothing is copied
    // (a line has no more columns than bytes).
    let too_long = text.len() > LONGEST_LINE
        || text
            .split(|c: char| c.is_ascii_whitespace())
            .any(|word| word.len() > longest && textwrap::core::display_width(word) > longest);
    if !too_long {
        return Cow::Borrowed(text);
    }
    let mut broken = String::with_capacity(text.len() + text.len() / longest + 1);
    let mut used = 0;
    let mut line = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // An escape sequence (CSI: ESC [ … final byte) is copied whole and takes no room.
            broken.push(c);
            let mut rest = chars.clone();
            if rest.next() == Some('[') {
                broken.push('[');
                for c in rest.by_ref() {
                    broken.push(c);
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
                chars = rest;
            }
            continue;
        }
        if c.is_ascii_whitespace() {
            used = 0;
            if c == '\n' || line >= LONGEST_LINE {
                line = 0;
                broken.push('\n');
            } else {
                line += 1;
                broken.push(c);
            }
            continue;
        }
        let width = c.width().unwrap_or(0);
        if used + width > longest && used > 0 {
            // A space that ends a line would be lost: the break is where the line ends.
            if line >= LONGEST_LINE {
                broken.push('\n');
                line = 0;
            } else {
                broken.push(' ');
                line += 1;
            }
            used = 0;
        }
        broken.push(c);
        used += width;
        line += width;
    }
    Cow::Owned(broken)
}

/// The widest line [`break_long_words`] leaves, give or take a word: many screens wide, and far
/// from the 65,535 columns comfy-table can count.
pub const LONGEST_LINE: usize = 8192;

/// Joins the words of a name so that wrapping never splits it.
pub fn unbroken(name: &str) -> String {
    name.replace(' ', &NO_BREAK.to_string())
}

/// The no-break space that [`unbroken`] puts between the words of a name.
const NO_BREAK: char = '\u{a0}';

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_and_fit_count_display_columns() {
        assert_eq!(truncate("Büyükada", 8), "Büyükada");
        assert_eq!(truncate("Büyükada", 5), "Büyü…");
        assert_eq!(truncate("東京都", 5), "東京…");
        assert_eq!(fit("Oslo", 6), "Oslo  ");
        assert_eq!(fit("Coyoacán", 5), "Coyo…");
        assert_eq!(years_ago_words(1), "1 year ago");
        assert_eq!(years_ago_words(106), "106 years ago");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_long_words() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("extraordinarily long", 5), ["extraordinarily", "long"]);
        assert!(wrap("", 5).is_empty());
        // Display width: 東京 is four columns wide; names stay whole.
        assert_eq!(wrap("東京 東京 東京", 9), ["東京 東京", "東京"]);
        let names = format!(
            "with {}, {}",
            unbroken("Lev Kamenev"),
            unbroken("Grigory Zinoviev")
        );
        assert_eq!(wrap(&names, 18), ["with Lev Kamenev,", "Grigory Zinoviev"]);
        assert_eq!(
            wrap_indented("one two three", 8, "  "),
            ["one two", "  three"]
        );
    }

    #[test]
    fn long_words_are_broken_and_short_ones_left_alone() {
        assert!(matches!(break_long_words("a bb ccc", 3), Cow::Borrowed(_)));
        assert_eq!(break_long_words("abcdefg hi", 3), "abc def g hi");
        // Wide characters count twice; a color code counts nothing and is never cut.
        assert_eq!(break_long_words("東京都市", 4), "東京 都市");
        let red = "\x1b[31mabcdef\x1b[0m";
        assert_eq!(break_long_words(red, 3), "\x1b[31mabc def\x1b[0m");
        // A line longer than LONGEST_LINE ends at its next space, or at the next break.
        let long = "ab ".repeat(LONGEST_LINE);
        let broken = break_long_words(&long, 80);
        assert!(broken.lines().all(|l| l.len() <= LONGEST_LINE + 3));
        assert_eq!(broken.matches("ab").count(), LONGEST_LINE);
        let word = "x".repeat(3 * LONGEST_LINE);
        let broken = break_long_words(&word, 100);
        assert!(broken.lines().all(|l| l.len() <= LONGEST_LINE + 100));
        assert_eq!(broken.matches('x').count(), 3 * LONGEST_LINE);
    }
}
