//! Plain output: tab-separated lines with no header, no color and no truncation, for grep, sort
//! and cut. Events: start, date, title, place, people, tags, id; anniversaries: years ago, then
//! the event's fields; stats: section, key, events, percent, label.

use std::io::{self, Write};

use super::Renderer;
use crate::anniversary::Anniversary;
use crate::stats::Stats;
use crate::view::{EventDetail, EventRow, PeriodRow, PersonCard, PlaceCard};

/// Tab-separated lines.
pub struct Plain;

/// A field with the characters that would break a line or a column replaced by spaces.
fn field(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn line(out: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
    let fields: Vec<String> = fields.iter().map(|f| field(f)).collect();
    writeln!(out, "{}", fields.join("\t"))
}

/// The fields of an event's line.
fn event_fields(row: &EventRow) -> [String; 7] {
    [
        row.start.clone(),
        row.date.clone(),
        row.title.clone(),
        row.place.clone().unwrap_or_default(),
        row.people.join(", "),
        row.tags.join(","),
        row.id.clone(),
    ]
}

impl Renderer for Plain {
    fn events(&self, out: &mut dyn Write, rows: &[EventRow]) -> io::Result<()> {
        for row in rows {
            let fields = event_fields(row);
            line(out, &fields.each_ref().map(String::as_str))?;
        }
        Ok(())
    }

    fn anniversaries(&self, out: &mut dyn Write, rows: &[Anniversary]) -> io::Result<()> {
        for a in rows {
            let years = a.years_ago.to_string();
            let fields = event_fields(&a.row);
            let mut all = vec![years.as_str()];
            all.extend(fields.iter().map(String::as_str));
            line(out, &all)?;
        }
        Ok(())
    }

    fn stats(&self, out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
        line(out, &["events", "", &stats.events.to_string(), "100.0", ""])?;
        for section in stats.sections() {
            for c in section.counts {
                line(
                    out,
                    &[
                        section.kind,
                        &c.key,
                        &c.events.to_string(),
                        &format!("{:.1}", c.percent),
                        &c.label,
                    ],
                )?;
            }
        }
        Ok(())
    }

    fn people(&self, out: &mut dyn Write, cards: &[PersonCard]) -> io::Result<()> {
        for card in cards {
            line(
                out,
                &[
                    &card.id,
                    &card.name,
                    &card.life,
                    &card.events.to_string(),
                    card.about.as_deref().unwrap_or(""),
                ],
            )?;
        }
        Ok(())
    }

    fn places(&self, out: &mut dyn Write, cards: &[PlaceCard]) -> io::Result<()> {
        for card in cards {
            let other_names: Vec<&str> = card
                .names
                .iter()
                .map(|n| n.name.as_str())
                .chain(card.aliases.iter().map(String::as_str))
                .collect();
            line(
                out,
                &[
                    &card.id,
                    &card.name,
                    &card.within.join(", "),
                    &other_names.join(", "),
                    &card.events.to_string(),
                ],
            )?;
        }
        Ok(())
    }

    fn periods(&self, out: &mut dyn Write, rows: &[PeriodRow]) -> io::Result<()> {
        for row in rows {
            line(
                out,
                &[
                    &row.id,
                    &row.start,
                    &row.end,
                    &row.events.to_string(),
                    &row.title,
                ],
            )?;
        }
        Ok(())
    }

    fn detail(&self, out: &mut dyn Write, detail: &EventDetail) -> io::Result<()> {
        let row = &detail.row;
        let people: Vec<String> = detail
            .participants
            .iter()
            .map(|p| match &p.about {
                Some(about) => format!("{} ({about})", p.name),
                None => p.name.clone(),
            })
            .collect();
        let fields = [
            ("id", row.id.clone()),
            ("title", row.title.clone()),
            ("date", row.date.clone()),
            ("start", row.start.clone()),
            ("end", row.end.clone()),
            ("age", row.age.clone().unwrap_or_default()),
            ("place", detail.place_hierarchy.join(", ")),
            ("people", people.join("; ")),
            ("tags", row.tags.join(",")),
            ("period", detail.period_title.clone().unwrap_or_default()),
            ("source", row.source.clone().unwrap_or_default()),
            ("summary", row.summary.clone().unwrap_or_default()),
        ];
        for (name, value) in fields {
            if !value.is_empty() {
                line(out, &[name, &value])?;
            }
        }
        Ok(())
    }
}
