//! iCalendar (RFC 5545): one all-day VEVENT per event known to the day, with CRLF line ends,
//! lines folded at 75 octets (never inside a character) and text values escaped. A span longer
//! than a year becomes two one-day events, its first and its last day: as one all-day event it
//! would lie as a banner across years of a calendar. What is left out, and why, is counted for a
//! note on stderr. The output depends on nothing but the timeline, so exporting twice gives the
//! same bytes.

use chrono::{Datelike, Duration, NaiveDate};

use crate::error::{Error, quote};
use crate::index::Index;
use crate::model::Event;
use crate::view::Views;

/// The creation stamp every event carries: RFC 5545 requires one, and a fixed one keeps the
/// export reproducible (the events are history, not appointments made today).
const DTSTAMP: &str = "19700101T000000Z";

/// The longest line RFC 5545 allows, in octets, not counting the CRLF.
const MAX_LINE_OCTETS: usize = 75;

/// The longest span written as one all-day event, in days: a leap year.
const LONGEST_ALL_DAY: i64 = 366;

/// A calendar's text, and what of the events it was given it holds.
pub struct Exported {
    /// The iCalendar text.
    pub text: String,
    /// The number of timeline events written (a long span written as two VEVENTs counts once).
    pub events: usize,
    /// The events left out: not known to the day.
    pub not_to_the_day: usize,
    /// The events longer than a year, written as their first and last days.
    pub split: usize,
}

impl Exported {
    /// What the export did beyond writing one all-day event per event, said for stderr; `None`
    /// when it wrote exactly that. `given` is the number of events it was given.
    pub fn note(&self, given: usize) -> Option<String> {
        let mut said = Vec::new();
        if self.not_to_the_day > 0 {
            said.push(format!(
                "left out {} of {given} events, not known to the day (an all-day event needs one)",
                self.not_to_the_day
            ));
        }
        if self.split > 0 {
            let (count, each) = match self.split {
                1 => ("1 event".to_string(), "is"),
                n => (format!("{n} events"), "are each"),
            };
            said.push(format!(
                "{count} longer than a year {each} written as two one-day events, its first and last day"
            ));
        }
        (!said.is_empty()).then(|| format!("export ics: {}", said.join("; ")))
    }
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
/// keeps the whole date). Refused when a day to write falls outside the years 0001–9999, which
/// are all an iCalendar DATE can hold.
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
    let mut exported = Exported {
        text: String::new(),
        events: 0,
        not_to_the_day: 0,
        split: 0,
    };
    let dated: Vec<&Event> = positions
        .iter()
        .map(|&i| &events[i])
        .filter(|e| e.date.is_day_precise())
        .collect();
    exported.not_to_the_day = positions.len() - dated.len();
    refuse_years_out_of_range(&dated)?;
    for event in dated {
        exported.events += 1;
        let detail = views.detail(event);
        let row = &detail.row;
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
        let mut properties = Vec::new();
        properties.push(format!(
            "DESCRIPTION:{}",
            escape_text(&description.join("\n"))
        ));
        if !detail.place_hierarchy.is_empty() {
            properties.push(format!(
                "LOCATION:{}",
                escape_text(&detail.place_hierarchy.join(", "))
            ));
        }
        // URIs are not TEXT (RFC 5545 3.3.13): written as they are, which the loader allows
        // since a link or media address has no line break, control character or space.
        if let Some(link) = &row.link {
            properties.push(format!("URL:{link}"));
        }
        if let Some(media) = &row.media {
            properties.push(format!("ATTACH:{}", media.url));
        }
        if !row.tags.is_empty() {
            let tags: Vec<String> = row.tags.iter().map(|t| escape_text(t)).collect();
            properties.push(format!("CATEGORIES:{}", tags.join(",")));
        }
        let (first, last) = (event.date.earliest(), event.date.latest());
        let title = escape_text(&row.title);
        // An anniversary is of the first day and lasts that day: a stay of 443 days repeated
        // yearly would overlap itself and read as a year-long event.
        let parts = if anniversaries {
            vec![(row.id.clone(), first, first, title)]
        } else if event.date.span_days() > LONGEST_ALL_DAY {
            exported.split += 1;
            vec![
                (
                    format!("{}-start", row.id),
                    first,
                    first,
                    format!("{title} (begins)"),
                ),
                (
                    format!("{}-end", row.id),
                    last,
                    last,
                    format!("{title} (ends)"),
                ),
            ]
        } else {
            vec![(row.id.clone(), first, last, title)]
        };
        for (uid, first, last, summary) in parts {
            lines.push("BEGIN:VEVENT".into());
            lines.push(format!("UID:{uid}@timeline"));
            lines.push(format!("DTSTAMP:{DTSTAMP}"));
            lines.push(format!("DTSTART;VALUE=DATE:{}", date_value(first)));
            // DTEND of an all-day event is the day after the last (RFC 5545 §3.6.1).
            let after_last = last + Duration::days(1);
            lines.push(format!("DTEND;VALUE=DATE:{}", date_value(after_last)));
            if anniversaries {
                lines.push("RRULE:FREQ=YEARLY".into());
            }
            lines.push(format!("SUMMARY:{summary}"));
            lines.extend(properties.iter().cloned());
            lines.push("TRANSP:TRANSPARENT".into());
            lines.push("END:VEVENT".into());
        }
    }
    lines.push("END:VCALENDAR".into());
    exported.text = lines.iter().map(|l| fold_line(l)).collect();
    Ok(exported)
}

/// An error naming the first of `events` with a day an iCalendar DATE cannot hold (four digits,
/// and year 0000 is none), and how many there are: the user leaves them out with the filters.
fn refuse_years_out_of_range(events: &[&Event]) -> Result<(), Error> {
    // The day after the last is written too (DTEND), so 9999-12-31 cannot be a last day.
    let fits = |e: &&&Event| {
        e.date.earliest().year() >= 1 && (e.date.latest() + Duration::days(1)).year() <= 9999
    };
    let outside: Vec<&&Event> = events.iter().filter(|e| !fits(e)).collect();
    let Some(first) = outside.first() else {
        return Ok(());
    };
    let others = match outside.len() {
        1 => String::new(),
        n => format!(" (and {} more)", n - 1),
    };
    Err(Error::Usage(format!(
        "iCalendar dates have years 0001–9999 (an event's end is written as the day after it), \
         and `{}` ({}) falls outside them{others}; \
         leave such events out with --from and --to",
        quote(&first.id),
        first.date.words()
    )))
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
