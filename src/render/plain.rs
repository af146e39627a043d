//! Plain output: tab-separated lines with no header and no truncation, for grep, sort and cut;
//! colored only on request (`--color always`), and then inside fields, never across a tab.
//! Events: start, date, title, place, people, tags, id; anniversaries: the event's fields, then
//! years ago and the anniversary day; stats: section, key, events, percent, label.

use std::io::{self, Write};

use super::{Renderer, listed_title};
use crate::anniversary::Anniversary;
use crate::around::Around;
use crate::stats::Stats;
use crate::term::Palette;
use crate::view::{EventDetail, EventRow, PeriodRow, PersonCard, PlaceCard, StayRow, TagRow};

/// Tab-separated lines.
pub struct Plain {
    /// Colors for the fields; off unless asked for.
    pub palette: Palette,
    /// Whether the key mark may be a star (else `*`).
    pub unicode: bool,
}

/// A field with the characters that would break a line or a column replaced by spaces.
fn field(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn line(out: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
    let fields: Vec<String> = fields.iter().map(|f| field(f)).collect();
    writeln!(out, "{}", fields.join("\t"))
}

/// Writes `text` as one field: the characters that would break a line or a column become
/// spaces, written as they go rather than into a new string (a list writes seven per event).
fn write_field(out: &mut dyn Write, text: &str) -> io::Result<()> {
    let mut rest = text;
    while let Some(at) = rest.find(['\t', '\n', '\r']) {
        out.write_all(&rest.as_bytes()[..at])?;
        out.write_all(b" ")?;
        rest = &rest[at + 1..];
    }
    out.write_all(rest.as_bytes())
}

/// Writes `items` joined by `separator` as one field.
fn write_joined(out: &mut dyn Write, items: &[String], separator: &str) -> io::Result<()> {
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            out.write_all(separator.as_bytes())?;
        }
        write_field(out, item)?;
    }
    Ok(())
}

/// Writes `text` as one field, colored by `style` when the palette is on.
fn write_styled(
    out: &mut dyn Write,
    text: &str,
    palette: &Palette,
    style: fn(&Palette, &str) -> String,
) -> io::Result<()> {
    if palette.enabled() {
        out.write_all(style(palette, &field(text)).as_bytes())
    } else {
        write_field(out, text)
    }
}

/// Writes an event's seven fields (start, date, title, place, people, tags, id), tab-separated
/// and each colored by its role when the palette is on; uncolored, no string is made on the way.
fn write_event_fields(
    out: &mut dyn Write,
    row: &EventRow,
    p: &Palette,
    unicode: bool,
) -> io::Result<()> {
    write_styled(out, &row.start, p, Palette::date)?;
    out.write_all(b"\t")?;
    out.write_all(super::possible_mark(row).as_bytes())?;
    write_styled(out, &row.date, p, Palette::date)?;
    out.write_all(b"\t")?;
    write_field(out, &listed_title(row, unicode))?;
    out.write_all(b"\t")?;
    write_styled(
        out,
        row.place.as_deref().unwrap_or_default(),
        p,
        Palette::place,
    )?;
    out.write_all(b"\t")?;
    if p.enabled() {
        write_styled(out, &row.people.join(", "), p, Palette::person)?;
    } else {
        write_joined(out, &row.people, ", ")?;
    }
    out.write_all(b"\t")?;
    write_joined(out, &row.tags, ",")?;
    out.write_all(b"\t")?;
    write_styled(out, &row.id, p, Palette::dim)
}

impl Plain {
    /// One event's line.
    fn event(&self, out: &mut dyn Write, row: &EventRow) -> io::Result<()> {
        write_event_fields(out, row, &self.palette, self.unicode)?;
        out.write_all(b"\n")
    }
}

impl Renderer for Plain {
    fn events(&self, out: &mut dyn Write, rows: &[EventRow]) -> io::Result<()> {
        rows.iter().try_for_each(|row| self.event(out, row))
    }

    fn joins_pieces(&self) -> bool {
        true
    }

    /// Each line is written as its row is made, so a list holds one row at a time.
    fn event_stream(
        &self,
        out: &mut dyn Write,
        rows: &mut dyn Iterator<Item = EventRow>,
    ) -> io::Result<()> {
        for row in rows {
            self.event(out, &row)?;
        }
        Ok(())
    }

    fn anniversaries(&self, out: &mut dyn Write, rows: &[Anniversary]) -> io::Result<()> {
        // The event's own fields come first, as in every view; what `on` adds follows them.
        for a in rows {
            write_event_fields(out, &a.row, &self.palette, self.unicode)?;
            write!(out, "\t{}\t", a.years_ago)?;
            write_styled(out, &a.anniversary, &self.palette, Palette::date)?;
            writeln!(out, "\t{}", a.calendar)?;
        }
        Ok(())
    }

    fn stats(&self, out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
        let total = stats.events.to_string();
        // The label of the total is the rule its counts follow: overlap, or certain.
        line(out, &["events", "", &total, "100.0", stats.rule.name()])?;
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
            let name = self.palette.person(&field(&card.name));
            line(
                out,
                &[
                    &card.id,
                    &name,
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
            let name = self.palette.place(&field(&card.name));
            line(
                out,
                &[
                    &card.id,
                    &name,
                    &card.within.join(", "),
                    &other_names.join(", "),
                    &card.events.to_string(),
                ],
            )?;
        }
        Ok(())
    }

    /// One line a stay: start, end, place, the places it lay within, note, place id.
    fn stays(&self, out: &mut dyn Write, rows: &[StayRow]) -> io::Result<()> {
        for row in rows {
            let (start, end) = (self.palette.date(&row.start), self.palette.date(&row.end));
            let place = self.palette.place(&field(&row.place));
            line(
                out,
                &[
                    &start,
                    &end,
                    &place,
                    &row.within.join(", "),
                    row.note.as_deref().unwrap_or_default(),
                    &row.place_id,
                ],
            )?;
        }
        Ok(())
    }

    fn periods(&self, out: &mut dyn Write, rows: &[PeriodRow]) -> io::Result<()> {
        for row in rows {
            let (start, end) = (self.palette.date(&row.start), self.palette.date(&row.end));
            line(
                out,
                &[&row.id, &start, &end, &row.events.to_string(), &row.title],
            )?;
        }
        Ok(())
    }

    /// The facts as `label<TAB>text` lines, then the events as every view writes them (seven
    /// fields; `before` and `after` when none is near).
    fn around(&self, out: &mut dyn Write, around: &Around) -> io::Result<()> {
        for (label, text) in around.facts() {
            line(out, &[&self.palette.heading(label), &text])?;
        }
        let closest = around.before.iter().chain(&around.after);
        for row in around.events.iter().chain(closest) {
            self.event(out, row)?;
        }
        Ok(())
    }

    fn tags(&self, out: &mut dyn Write, rows: &[TagRow]) -> io::Result<()> {
        for r in rows {
            line(out, &[&r.tag, &r.events.to_string()])?;
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
            ("key", if row.key { "true" } else { "" }.to_string()),
            ("date", row.date.clone()),
            ("start", row.start.clone()),
            ("end", row.end.clone()),
            ("age", row.age.clone().unwrap_or_default()),
            ("place", detail.place_hierarchy.join(", ")),
            (
                "today",
                detail.place_today_words.clone().unwrap_or_default(),
            ),
            ("people", people.join("; ")),
            ("tags", row.tags.join(",")),
            ("periods", detail.period_titles.join("; ")),
            ("source", row.source.clone().unwrap_or_default()),
            (
                "after",
                detail
                    .after
                    .as_ref()
                    .map(|a| a.id.clone())
                    .unwrap_or_default(),
            ),
            ("label", row.label.clone().unwrap_or_default()),
            ("link", row.link.clone().unwrap_or_default()),
            (
                "media",
                row.media
                    .as_ref()
                    .map(|m| m.url.clone())
                    .unwrap_or_default(),
            ),
            ("summary", row.summary.clone().unwrap_or_default()),
        ];
        for (name, value) in fields {
            if !value.is_empty() {
                line(out, &[&self.palette.heading(name), &value])?;
            }
        }
        Ok(())
    }
}
