//! iCalendar (RFC 5545): one all-day VEVENT per event known to the day, with CRLF line ends,
//! lines folded at 75 octets (never inside a character) and text values escaped. The output
//! depends on nothing but the timeline, so exporting twice gives the same bytes.

use chrono::{Duration, NaiveDate};

use crate::error::Error;
use crate::index::Index;
use crate::view::Views;

/// The creation stamp every event carries: RFC 5545 requires one, and a fixed one keeps the
/// export reproducible (the events are history, not appointments made today).
const DTSTAMP: &str = "19700101T000000Z";

/// The longest line RFC 5545 allows, in octets, not counting the CRLF.
const MAX_LINE_OCTETS: usize = 75;

/// A calendar's text and how many events it holds.
pub struct Exported {
    /// The iCalendar text.
    pub text: String,
    /// The number of VEVENTs.
    pub events: usize,
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
pub fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// A content line folded (RFC 5545 §3.1): at most 75 octets a line, continuations starting with
/// one space, cut only between characters; each line ends in CRLF.
pub fn fold_line(line: &str) -> String {
    let mut folded = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_LINE_OCTETS {
            folded.push_str("\r\n ");
            used = 1;
        }
        folded.push(c);
        used += c.len_utf8();
    }
    folded.push_str("\r\n");
    folded
}

fn date_value(day: NaiveDate) -> String {
    day.format("%Y%m%d").to_string()
}

/// The calendar of the events at `positions` that are known to the day; with `anniversaries`,
/// each becomes the one-day anniversary of its first day, repeated every year (the description
/// keeps the whole date).
pub fn calendar(
    index: &Index,
    positions: &[usize],
    anniversaries: bool,
) -> Result<Exported, Error> {
    let timeline = index.timeline();
    let views = Views::new(index);
    let events = index.events()?;
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!(
            "PRODID:-//timeline//timeline {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape_text(&timeline.title)),
    ];
    let mut count = 0;
    for &i in positions {
        let event = &events[i];
        if !event.date.is_day_precise() {
            continue;
        }
        count += 1;
        let detail = views.detail(event);
        let row = &detail.row;
        let first = event.date.earliest();
        // An anniversary is of the first day and lasts that day: a stay of 443 days repeated
        // yearly would overlap itself and read as a year-long event.
        let last = if anniversaries {
            first
        } else {
            event.date.latest()
        };
        // DTEND of an all-day event is the day after the last (RFC 5545 §3.6.1).
        let after_last = last + Duration::days(1);
        let mut description = vec![row.date.clone()];
        if let Some(summary) = &row.summary {
            description.push(summary.clone());
        }
        if !row.people.is_empty() {
            description.push(format!("With {}.", row.people.join(", ")));
        }
        if let Some(source) = &row.source {
            description.push(format!("Source: {source}"));
        }
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@timeline", row.id));
        lines.push(format!("DTSTAMP:{DTSTAMP}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", date_value(first)));
        lines.push(format!("DTEND;VALUE=DATE:{}", date_value(after_last)));
        if anniversaries {
            lines.push("RRULE:FREQ=YEARLY".into());
        }
        lines.push(format!("SUMMARY:{}", escape_text(&row.title)));
        lines.push(format!(
            "DESCRIPTION:{}",
            escape_text(&description.join("\n"))
        ));
        if !detail.place_hierarchy.is_empty() {
            lines.push(format!(
                "LOCATION:{}",
                escape_text(&detail.place_hierarchy.join(", "))
            ));
        }
        if !row.tags.is_empty() {
            let tags: Vec<String> = row.tags.iter().map(|t| escape_text(t)).collect();
            lines.push(format!("CATEGORIES:{}", tags.join(",")));
        }
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    Ok(Exported {
        text: lines.iter().map(|l| fold_line(l)).collect(),
        events: count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_text("a\\b; c, d\ne"),
            "a\\\\b\\; c\\, d\\ne".to_string()
        );
    }

    #[test]
    fn folding_counts_octets_and_never_splits_a_character() {
        let short = "SUMMARY:short";
        assert_eq!(fold_line(short), "SUMMARY:short\r\n");
        let long = format!("SUMMARY:{}", "ж".repeat(100));
        let folded = fold_line(&long);
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= MAX_LINE_OCTETS, "{} octets", line.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
        let exact = "X".repeat(75);
        assert_eq!(fold_line(&exact), format!("{exact}\r\n"));
        assert_eq!(fold_line(&"X".repeat(76)), format!("{exact}\r\n X\r\n"));
    }
}
