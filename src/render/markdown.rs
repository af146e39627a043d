//! Markdown output: GitHub-flavoured tables, with headings for people and places. Every value
//! from the timeline goes through [`escape`], in the cards (`show`, `who`, `where`) as in the
//! tables: a title is text, never a heading, a list item or live HTML.

use std::io::{self, Write};

use super::{Renderer, listed_title, media_words, years_ago_words};
use crate::anniversary::Anniversary;
use crate::around::Around;
use crate::stats::Stats;
use crate::view::{EventDetail, EventRow, PeriodRow, PersonCard, PlaceCard, StayRow, TagRow};

/// Markdown tables.
pub struct Markdown;

/// Text as Markdown shows it literally, for both Markdown outputs (these tables and the
/// `export markdown` document): the characters Markdown reads as formatting are escaped, and a
/// line break becomes a space, so no value can end its line, table row or list item and start
/// another (a title holding "\n- [x]" would add a list item).
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => escaped.push(' '),
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' => {
                escaped.push('\\');
                escaped.push(c);
            }
            c => escaped.push(c),
        }
    }
    escaped
}

/// [`escape`] for a value that starts a line of its own (an `about`, a summary): a leading `-`,
/// `+`, `=`, `~` or `1.` would make it a list item, a rule or a fence, so that mark is escaped too.
fn paragraph(text: &str) -> String {
    let mut escaped = escape(text.trim_start());
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    let mark = match escaped.as_bytes().get(digits) {
        Some(b'-' | b'+' | b'=' | b'~') if digits == 0 => Some(0),
        Some(b'.' | b')') if digits > 0 => Some(digits),
        _ => None,
    };
    if let Some(at) = mark {
        escaped.insert(at, '\\');
    }
    escaped
}

fn cell(text: &str) -> String {
    escape(text)
}

fn table(
    out: &mut dyn Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> io::Result<()> {
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(header.len()))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

impl Renderer for Markdown {
    fn events(&self, out: &mut dyn Write, rows: &[EventRow]) -> io::Result<()> {
        table(
            out,
            &["Date", "Age", "Event", "Place", "People"],
            rows.iter().map(|r| {
                vec![
                    format!("{}{}", super::possible_mark(r), r.date),
                    r.age.clone().unwrap_or_default(),
                    listed_title(r, true).into_owned(),
                    r.place.clone().unwrap_or_default(),
                    r.people.join(", "),
                ]
            }),
        )
    }

    fn anniversaries(&self, out: &mut dyn Write, rows: &[Anniversary]) -> io::Result<()> {
        table(
            out,
            &["Years ago", "Date", "Event", "Place", "People"],
            rows.iter().map(|a| {
                let r = &a.row;
                vec![
                    match a.calendar {
                        "old" => format!("{}, O.S. day", years_ago_words(a.years_ago)),
                        _ => years_ago_words(a.years_ago),
                    },
                    format!("{}{}", super::possible_mark(r), r.date),
                    listed_title(r, true).into_owned(),
                    r.place.clone().unwrap_or_default(),
                    r.people.join(", "),
                ]
            }),
        )
    }

    fn stats(&self, out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
        writeln!(out, "{} events.", stats.events)?;
        for section in stats.sections() {
            if section.counts.is_empty() {
                continue;
            }
            writeln!(out, "\n## {}\n", section.heading)?;
            let mut kind = section.kind.to_string();
            kind[..1].make_ascii_uppercase();
            table(
                out,
                &[&kind, "Events", "Share"],
                section.counts.iter().map(|c| {
                    vec![
                        c.label.clone(),
                        c.events.to_string(),
                        format!("{:.1}%", c.percent),
                    ]
                }),
            )?;
        }
        Ok(())
    }

    fn who(&self, out: &mut dyn Write, cards: &[PersonCard], rows: &[EventRow]) -> io::Result<()> {
        for card in cards {
            writeln!(out, "## {}\n", escape(&card.name))?;
            if !card.life.is_empty() {
                writeln!(out, "*{}*\n", escape(&card.life))?;
            }
            if let Some(about) = &card.about {
                writeln!(out, "{}\n", paragraph(about))?;
            }
        }
        self.events(out, rows)
    }

    fn where_(
        &self,
        out: &mut dyn Write,
        cards: &[PlaceCard],
        rows: &[EventRow],
    ) -> io::Result<()> {
        for card in cards {
            writeln!(out, "## {}\n", escape(&card.name))?;
            if !card.within.is_empty() {
                writeln!(out, "In {}.\n", escape(&card.within.join(", ")))?;
            }
            if let Some(within) = &card.enclosure_words {
                writeln!(out, "Within {}.\n", escape(within))?;
            }
        }
        self.events(out, rows)
    }

    fn people(&self, out: &mut dyn Write, cards: &[PersonCard]) -> io::Result<()> {
        table(
            out,
            &["Name", "Life", "Events", "About"],
            cards.iter().map(|c| {
                vec![
                    c.name.clone(),
                    c.life.clone(),
                    c.events.to_string(),
                    c.about.clone().unwrap_or_default(),
                ]
            }),
        )
    }

    fn places(&self, out: &mut dyn Write, cards: &[PlaceCard]) -> io::Result<()> {
        table(
            out,
            &["Place", "Within", "Events"],
            cards
                .iter()
                .map(|c| vec![c.name.clone(), c.within.join(", "), c.events.to_string()]),
        )
    }

    fn stays(&self, out: &mut dyn Write, rows: &[StayRow]) -> io::Result<()> {
        table(
            out,
            &["When", "Place", "Within", "Note"],
            rows.iter().map(|r| {
                vec![
                    r.date.clone(),
                    r.place.clone(),
                    r.within.join(", "),
                    r.note.clone().unwrap_or_default(),
                ]
            }),
        )
    }

    fn periods(&self, out: &mut dyn Write, rows: &[PeriodRow]) -> io::Result<()> {
        table(
            out,
            &["Period", "Span", "Events", "Id"],
            rows.iter().map(|r| {
                vec![
                    r.title.clone(),
                    r.date.clone(),
                    r.events.to_string(),
                    r.id.clone(),
                ]
            }),
        )
    }

    fn around(&self, out: &mut dyn Write, around: &Around) -> io::Result<()> {
        writeln!(out, "## Around {}\n", escape(&around.date))?;
        for (label, text) in around.facts().into_iter().skip(1) {
            writeln!(out, "- **{label}:** {}", escape(&text))?;
        }
        writeln!(out)?;
        if around.events.is_empty() {
            writeln!(out, "No event near; the closest:\n")?;
        }
        let closest = around.before.iter().chain(&around.after).cloned();
        let rows: Vec<EventRow> = around.events.iter().cloned().chain(closest).collect();
        self.events(out, &rows)
    }

    fn tags(&self, out: &mut dyn Write, rows: &[TagRow]) -> io::Result<()> {
        table(
            out,
            &["Tag", "Events"],
            rows.iter()
                .map(|r| vec![r.tag.clone(), r.events.to_string()]),
        )
    }

    fn detail(&self, out: &mut dyn Write, detail: &EventDetail) -> io::Result<()> {
        let row = &detail.row;
        writeln!(out, "## {}\n", escape(&listed_title(row, true)))?;
        writeln!(out, "- **Date:** {}", escape(&row.date))?;
        if let Some(age) = &row.age {
            writeln!(out, "- **Age:** {}", escape(age))?;
        }
        if !detail.place_hierarchy.is_empty() {
            let mut places = detail.place_hierarchy.join(", ");
            if let Some(today) = &detail.place_today_words {
                places.push_str(&format!(" (today {today})"));
            }
            writeln!(out, "- **Place:** {}", escape(&places))?;
        }
        for p in &detail.participants {
            match &p.about {
                Some(about) => {
                    writeln!(out, "- **Person:** {} — {}", escape(&p.name), escape(about))?
                }
                None => writeln!(out, "- **Person:** {}", escape(&p.name))?,
            }
        }
        if !row.tags.is_empty() {
            writeln!(out, "- **Tags:** {}", escape(&row.tags.join(", ")))?;
        }
        for period in &detail.period_titles {
            writeln!(out, "- **Period:** {}", escape(period))?;
        }
        if let Some(source) = &row.source {
            writeln!(out, "- **Source:** {}", escape(source))?;
        }
        if let Some(after) = &detail.after {
            let words = format!("{} ({})", after.title, after.id);
            writeln!(out, "- **After:** {}", escape(&words))?;
        }
        if let Some(link) = &row.link {
            writeln!(
                out,
                "- **Link:** <{}>",
                link.replace('<', "%3C").replace('>', "%3E")
            )?;
        }
        if let Some(media) = &row.media {
            writeln!(out, "- **Media:** {}", escape(&media_words(media)))?;
        }
        if let Some(summary) = &row.summary {
            writeln!(out, "\n{}", paragraph(summary))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cannot_add_lines_rows_or_formatting() {
        assert_eq!(escape("*Pravda* [Vienna]"), "\\*Pravda\\* \\[Vienna\\]");
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(escape("x\n- [x] y\r\n# z"), "x - \\[x\\] y  \\# z");
    }

    #[test]
    fn a_paragraph_cannot_start_a_list_a_rule_or_a_fence() {
        assert_eq!(paragraph("- item"), "\\- item");
        assert_eq!(paragraph("  1917. A year"), "1917\\. A year");
        assert_eq!(paragraph("---"), "\\---");
        assert_eq!(paragraph("~~~"), "\\~~~");
        assert_eq!(paragraph("Bolshevik; 2. wife"), "Bolshevik; 2. wife");
    }
}
