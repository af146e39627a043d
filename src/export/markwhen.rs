//! markwhen (markwhen.com's plain-text timelines, read by its editor, its VS Code extension and
//! `@markwhen/parser`): a header with the title, a section per period (`# Title`, a group in
//! markwhen's view), and per event a line `DATE: title #tags`, its id as a property, then the date
//! in words, the summary, the place and the people as its description.
//!
//! markwhen reads dates as EDTF-like Gregorian days, months or years (`1917-11-07`, `1917-11`,
//! `1917`, `A/B`), each reaching the end of its last unit; so each date is written as the coarsest
//! of these that covers exactly its Gregorian days, which `tests/clients/markwhen.sh` checks
//! against `--format json`. The words keep what those fields cannot say (c., seasons, Old Style).

use chrono::{Datelike, NaiveDate};

use crate::date::Date;
use crate::error::Error;
use crate::index::Index;
use crate::view::Views;

/// The markwhen document of the events at `positions`.
pub fn markwhen(index: &Index, positions: &[usize]) -> Result<String, Error> {
    let timeline = index.timeline();
    let views = Views::new(index);
    let events = index.events()?;
    // Properties are YAML to markwhen: a JSON string is a YAML string that needs no escaping.
    let mut text = format!("---\ntitle: {}\n---\n", json_string(&timeline.title));
    let mut periods: Vec<usize> = (0..timeline.periods.len()).collect();
    periods.sort_by_key(|&p| timeline.periods[p].span.earliest());
    // Sections are greedy (one runs until the next): events without a period go last, in a
    // section of their own, as in the Markdown export.
    for section in periods.into_iter().map(Some).chain([None]) {
        let members: Vec<usize> = positions
            .iter()
            .copied()
            .filter(|&i| events[i].period == section)
            .collect();
        if members.is_empty() {
            continue;
        }
        let heading = match section {
            Some(p) => timeline.periods[p].title.as_str(),
            None => "Other events",
        };
        text.push_str(&format!("\n# {}\n", plain(heading)));
        for &i in &members {
            let detail = views.detail(&events[i]);
            let row = &detail.row;
            let tags: String = row.tags.iter().map(|t| format!(" #{}", tag(t))).collect();
            text.push_str(&format!(
                "\n{}: {}{tags}\n",
                date_text(&events[i].date),
                untagged(&row.title)
            ));
            text.push_str(&format!("id: {}\n", json_string(&row.id)));
            // Properties, as quoted strings (no `#` or `:` inside reads as markup there).
            if let Some(link) = &row.link {
                text.push_str(&format!("link: {}\n", json_string(link)));
            }
            if let Some(media) = &row.media {
                text.push_str(&format!("media: {}\n", json_string(&media.url)));
            }
            text.push('\n');
            let mut description = vec![row.date.clone()];
            if let Some(summary) = &row.summary {
                description.extend(summary.lines().map(str::to_string));
            }
            if !detail.place_hierarchy.is_empty() {
                description.push(format!("At {}.", detail.place_hierarchy.join(", ")));
            }
            if !row.people.is_empty() {
                description.push(format!("With {}.", row.people.join(", ")));
            }
            // Blank lines between: markwhen shows the description as Markdown, where lines
            // next to each other run into one paragraph.
            let paragraphs: Vec<String> = description.iter().map(|l| plain(l)).collect();
            text.push_str(&paragraphs.join("\n\n"));
            text.push('\n');
        }
    }
    Ok(text)
}

/// The date as markwhen reads it: the coarsest of years, months or days whose span is exactly
/// the date's Gregorian days (a season is its months, an Old Style month its days).
pub fn date_text(date: &Date) -> String {
    let (first, last) = (date.earliest(), date.latest());
    let next = last.succ_opt();
    let (from, to) = if first.ordinal() == 1 && next.is_none_or(|n| n.ordinal() == 1) {
        (year(first), year(last))
    } else if first.day() == 1 && next.is_none_or(|n| n.day() == 1) {
        (month(first), month(last))
    } else {
        (day(first), day(last))
    };
    if from == to {
        from
    } else {
        format!("{from}/{to}")
    }
}

fn year(d: NaiveDate) -> String {
    format!("{:04}", d.year())
}

fn month(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

fn day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// A tag as a markwhen tag, which is a word (`#\w+`) and not all digits.
fn tag(tag: &str) -> String {
    let word: String = tag
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    if word.chars().all(|c| c.is_ascii_digit()) {
        format!("t{word}")
    } else {
        word
    }
}

/// Text kept as text: markwhen reads a line's start as an event (`1917: …`, `Nov 7 1917: …`,
/// `now: …`), a header key (`title: …`), a section (`# …`), a list item, a comment or a fence,
/// and `#word` anywhere as a tag. A zero-width space before any line that could start so (any
/// with a colon), and after a `#`, shows nothing and keeps it plain text.
fn plain(text: &str) -> String {
    if text.contains(':') || text.trim_start().starts_with(['#', '-', '/', '[']) {
        format!("{ZWSP}{}", untagged(text))
    } else {
        untagged(text)
    }
}

/// An invisible character that breaks what markwhen would read as markup.
const ZWSP: char = '\u{200B}';

/// Text with no `#word` read as a tag: for a title, which follows its date on the event's line.
/// A `#` before digits alone (`#1`) is no tag to markwhen, and is left as it is.
fn untagged(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 3);
    for (i, c) in text.char_indices() {
        out.push(c);
        if c != '#' {
            continue;
        }
        // `#` is one byte: the word starts right after it.
        let word: String = text[i + 1..]
            .chars()
            .take_while(|&n| n.is_alphanumeric() || n == '_')
            .collect();
        if !word.is_empty() && !word.chars().all(|n| n.is_ascii_digit()) {
            out.push(ZWSP);
        }
    }
    out
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(date: &str) -> String {
        date_text(&Date::parse(date).unwrap())
    }

    #[test]
    fn dates_are_the_coarsest_exact_cover() {
        assert_eq!(text("1917-11-07"), "1917-11-07");
        assert_eq!(text("1917-11"), "1917-11");
        assert_eq!(text("1917"), "1917");
        assert_eq!(text("191X"), "1910/1919");
        assert_eq!(text("1902-22"), "1902-06/1902-08");
        assert_eq!(
            text("1917-10-25 O.S./1917-10-26 O.S."),
            "1917-11-07/1917-11-08"
        );
        assert_eq!(text("1917-10 O.S."), "1917-10-14/1917-11-13");
        assert_eq!(text("1904/1917"), "1904/1917");
    }

    #[test]
    fn text_never_reads_as_markup() {
        assert_eq!(plain("Lenin's #1 man"), "Lenin's #1 man");
        assert_eq!(plain("a #tag b"), "a #\u{200B}tag b");
        assert_eq!(plain("1917: the year"), "\u{200B}1917: the year");
        assert_eq!(plain("# heading"), "\u{200B}# heading");
        assert_eq!(plain("November 7: x"), "\u{200B}November 7: x");
        assert_eq!(plain("- a list"), "\u{200B}- a list");
        assert_eq!(plain("Plain words"), "Plain words");
        assert_eq!(tag("civil-war"), "civil_war");
    }
}
