//! The table renderer's cards: a person's and a place's above their events, one event in detail,
//! and the stats rankings with their bars.

use std::io::{self, Write};

use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table as Grid, presets};
use unicode_width::UnicodeWidthStr;

use super::{Table, lines};
use crate::index::CountRule;
use crate::render::{Renderer, fit, listed_title, media_words};
use crate::stats::Stats;
use crate::view::{EventDetail, EventRow, PersonCard, PlaceCard};

impl Table {
    /// Each ranking under its heading: label, count, share and a bar scaled to the largest count.
    pub(super) fn stats_rankings(&self, out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
        let p = &self.palette;
        let rule = match stats.rule {
            CountRule::Overlap => String::new(),
            CountRule::Certain => format!(" {}", stats.rule.words()),
        };
        writeln!(
            out,
            "{}",
            p.title(&format!("{} events{rule}", stats.events))
        )?;
        let sections = stats.sections();
        let longest = sections
            .iter()
            .flat_map(|s| s.counts.iter().map(|c| c.label.width()))
            .max()
            .unwrap_or(0);
        let label_width = longest.min(self.width * 2 / 5).max(8);
        let number_width = stats.events.to_string().len();
        // Two spaces of indent, the label, the count, "100.0%", and the gaps between.
        let bar_room = self
            .width
            .saturating_sub(2 + label_width + 2 + number_width + 2 + 6 + 2);
        let block = if self.unicode { "█" } else { "#" };
        for section in sections {
            if section.counts.is_empty() {
                continue;
            }
            writeln!(out, "\n{}", p.heading(section.heading))?;
            let largest = section.counts.iter().map(|c| c.events).max().unwrap_or(1);
            for c in section.counts {
                let bar = if bar_room >= 4 {
                    let length = (c.events * bar_room).div_ceil(largest);
                    p.date(&block.repeat(length))
                } else {
                    String::new()
                };
                let line = format!(
                    "  {}  {:>number_width$}  {:>5.1}%  {bar}",
                    fit(&c.label, label_width),
                    c.events,
                    c.percent
                );
                writeln!(out, "{}", line.trim_end())?;
            }
        }
        Ok(())
    }

    pub(super) fn person_cards(
        &self,
        out: &mut dyn Write,
        cards: &[PersonCard],
        rows: &[EventRow],
    ) -> io::Result<()> {
        let p = &self.palette;
        for card in cards {
            let mut heading = p.person(&p.title(&card.name));
            if !card.life.is_empty() {
                heading.push_str(&format!("  {}", p.date(&card.life)));
            }
            self.card_heading(out, &heading, card.events)?;
            if !card.aliases.is_empty() {
                self.card_line(out, &format!("also: {}", card.aliases.join(", ")))?;
            }
            if let Some(about) = &card.about {
                self.card_line(out, about)?;
            }
            writeln!(out)?;
        }
        self.events(out, rows)
    }

    pub(super) fn place_cards(
        &self,
        out: &mut dyn Write,
        cards: &[PlaceCard],
        rows: &[EventRow],
    ) -> io::Result<()> {
        let p = &self.palette;
        for card in cards {
            let mut heading = p.place(&p.title(&card.name));
            if !card.within.is_empty() {
                heading.push_str(&format!("  ({})", card.within.join(", ")));
            }
            self.card_heading(out, &heading, card.events)?;
            let mut names: Vec<String> = card
                .names
                .iter()
                .map(|n| {
                    let words = |iso: &Option<String>| {
                        iso.as_deref()
                            .and_then(|d| d.parse().ok())
                            .map(crate::date::day_words)
                    };
                    match (words(&n.from), words(&n.to)) {
                        (Some(f), Some(t)) => format!("{} ({f} – {t})", n.name),
                        (Some(f), None) => format!("{} (from {f})", n.name),
                        (None, Some(t)) => format!("{} (until {t})", n.name),
                        (None, None) => n.name.clone(),
                    }
                })
                .collect();
            names.extend(card.aliases.iter().cloned());
            if let Some(within) = &card.enclosure_words {
                self.card_line(out, &format!("within: {within}"))?;
            }
            if !names.is_empty() {
                self.card_line(out, &format!("also: {}", names.join(", ")))?;
            }
            writeln!(out)?;
        }
        self.events(out, rows)
    }

    pub(super) fn detail_card(&self, out: &mut dyn Write, detail: &EventDetail) -> io::Result<()> {
        let p = &self.palette;
        let row = &detail.row;
        for line in lines(&listed_title(row, self.unicode), self.width) {
            writeln!(out, "{}", p.title(&line))?;
        }
        let dual = &row.date_parts;
        let date = match dual.old_style() {
            Some(os) => {
                let twin = format!("[O.S. {os}]");
                // The twin goes on a line of its own rather than breaking inside it; 9 columns
                // are the labels' ("  Person ").
                let one_line = dual.to_string().chars().count() + 9 <= self.width;
                format!(
                    "{}{}{}",
                    p.date(dual.new_style()),
                    if one_line { " " } else { "\n" },
                    p.old_style(&twin)
                )
            }
            None => p.date(dual.new_style()),
        };
        let mut fields: Vec<(&str, String)> = vec![("Date", date)];
        if let Some(age) = &row.age {
            fields.push(("Age", p.age(age)));
        }
        if let Some((first, rest)) = detail.place_hierarchy.split_first() {
            let mut place = p.place(first);
            if !rest.is_empty() {
                place.push_str(&format!(", {}", rest.join(", ")));
            }
            if let Some(today) = &detail.place_today_words {
                place.push_str(&format!(" (today {today})"));
            }
            fields.push(("Place", place));
        }
        for person in &detail.participants {
            let text = match &person.about {
                Some(about) => format!("{} — {about}", p.person(&person.name)),
                None => p.person(&person.name),
            };
            fields.push(("Person", text));
        }
        if !row.tags.is_empty() {
            fields.push(("Tags", row.tags.join(", ")));
        }
        for period in &detail.period_titles {
            fields.push(("Period", period.clone()));
        }
        if let Some(source) = &row.source {
            fields.push(("Source", source.clone()));
        }
        if let Some(after) = &detail.after {
            fields.push((
                "After",
                format!("{} {}", after.title, p.dim(&format!("({})", after.id))),
            ));
        }
        if let Some(link) = &row.link {
            fields.push(("Link", link.clone()));
        }
        if let Some(media) = &row.media {
            fields.push(("Media", media_words(media)));
        }
        fields.push(("Id", p.dim(&row.id)));
        // A borderless two-column grid wraps long values (colored or not) under themselves.
        let mut card = Grid::new();
        card.load_style(presets::NOTHING)
            .force_no_tty()
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(self.width.min(u16::MAX as usize) as u16);
        for (label, value) in fields {
            card.add_row(vec![Cell::new(p.dim(label)), Cell::new(self.text(&value))]);
        }
        if let Some(column) = card.column_mut(0) {
            column
                .set_constraint(ColumnConstraint::ContentWidth)
                .set_padding((2, 1));
        }
        if let Some(column) = card.column_mut(1) {
            column.set_padding((0, 0));
        }
        self.write(out, &card)?;
        if let Some(summary) = &row.summary {
            writeln!(out)?;
            self.card_line(out, summary)?;
        }
        Ok(())
    }
}
