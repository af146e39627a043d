//! Table output for terminals: sized to the width, titles wrapped, dates never cut, colors that
//! carry meaning (date, Old Style, age, title, place, people).

use std::io::{self, Write};

use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table as Grid, Width, presets};

mod cards;
mod grid;

use self::grid::{
    CHUNK_ROWS, event_room, fill, fix_columns, keep_whole, segments, widest, write_lines,
};
use super::{
    Renderer, break_long_words, listed_title, unbroken, wrap, wrap_indented, years_ago_words,
};
use crate::anniversary::Anniversary;
use crate::around::Around;
use crate::index::CountRule;
use crate::search::WordQuery;
use crate::stats::Stats;
use crate::term::Palette;
use crate::view::{EventDetail, EventRow, PeriodRow, PersonCard, PlaceCard, StayRow, TagRow};

/// From this width up, place and people have columns of their own.
const WIDE: usize = 100;

/// From this width up, the event ids (what `show ID` takes) have a column too.
const WIDEST: usize = 140;

/// Below this width the age moves under the date too.
const NARROW: usize = 60;

/// A dated interval longer than this is broken after its dash.
const DATE_LINE: usize = 18;

/// Tables drawn for a terminal.
pub struct Table {
    /// Columns to fit in.
    pub width: usize,
    /// Box-drawing characters allowed (else ASCII).
    pub unicode: bool,
    /// Colors, or none.
    pub palette: Palette,
    /// Words to highlight in titles, places and people (the `--search` words), when colored.
    pub highlight: Option<WordQuery>,
}

impl Table {
    fn grid(&self, header: &[&str]) -> Grid {
        let mut grid = Grid::new();
        if self.unicode {
            grid.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
        } else {
            grid.load_style(presets::ASCII_FULL_CONDENSED);
        }
        grid.force_no_tty()
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(self.width.min(u16::MAX as usize) as u16);
        // No header: the rows after the first of a long table, drawn under the first's.
        if !header.is_empty() {
            grid.set_header(header.iter().map(|h| Cell::new(self.palette.heading(h))));
        }
        grid
    }

    /// The date cell: New Style above its Old Style twin, long intervals broken after the dash.
    fn date_cell(&self, row: &EventRow) -> String {
        let split = |text: &str| -> Vec<String> {
            match text.split_once(" – ") {
                Some((a, b)) if text.chars().count() > DATE_LINE => {
                    vec![format!("{a} –"), b.to_string()]
                }
                _ => vec![text.to_string()],
            }
        };
        let dual = &row.date_parts;
        let new_style = format!("{}{}", super::possible_mark(row), dual.new_style());
        let mut lines: Vec<String> = split(&new_style)
            .iter()
            .map(|l| self.palette.date(l))
            .collect();
        if let Some(os) = dual.old_style() {
            let twin = format!("[O.S. {os}]");
            lines.extend(split(&twin).iter().map(|l| self.palette.old_style(l)));
        }
        lines.join("\n")
    }

    /// The date cell with an optional dim note below it.
    fn date_cell_with(&self, row: &EventRow, note: Option<String>) -> String {
        let mut cell = self.date_cell(row);
        if let Some(note) = note {
            cell.push_str(&format!("\n{}", self.palette.dim(&note)));
        }
        cell
    }

    /// `text` with no word wider than the table: see [`break_long_words`]. Every text a grid
    /// wraps goes through it.
    fn text<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        break_long_words(text, self.width)
    }

    fn write(&self, out: &mut dyn Write, grid: &Grid) -> io::Result<()> {
        for line in grid.lines() {
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }

    /// `text` in `style`, with the `--search` words in it highlighted.
    fn marked(&self, text: &str, style: impl Fn(&str) -> String) -> String {
        let Some(words) = &self.highlight else {
            return style(text);
        };
        let mut out = String::new();
        let mut at = 0;
        for range in words.highlights(text) {
            out.push_str(&style(&text[at..range.start]));
            out.push_str(&self.palette.matched(&text[range.clone()]));
            at = range.end;
        }
        out.push_str(&style(&text[at..]));
        out
    }

    /// The title, wrapped to `width`, then the place and people on lines of their own that start
    /// with a mark (`↳ in Petrograd · with Lev Kamenev`), so that they never read as the end of
    /// the title; a name is never split across lines. For layouts without their columns.
    fn event_with_context(&self, row: &EventRow, width: usize) -> String {
        let p = &self.palette;
        let title = listed_title(row, self.unicode);
        let mut lines: Vec<String> = wrap(&self.text(&title), width)
            .iter()
            .map(|line| self.marked(line, |t| p.title(t)))
            .collect();
        let place = row
            .place
            .as_deref()
            .map(|pl| format!("in {}", self.marked(&unbroken(pl), |t| p.place(t))));
        let names: Vec<String> = row
            .people
            .iter()
            .map(|n| self.marked(&unbroken(n), |t| p.person(t)))
            .collect();
        let people = (!names.is_empty()).then(|| format!("with {}", names.join(", ")));
        let context: Vec<String> = place.into_iter().chain(people).collect();
        if !context.is_empty() {
            let mark = if self.unicode { "↳ " } else { "> " };
            let text = format!("{mark}{}", context.join(" · "));
            // Broken at the table's width, not the line's: a name a little wider than the line
            // is split by comfy-table where it must, not at one of its spaces.
            lines.extend(wrap_indented(&self.text(&text), width, "  "));
        }
        lines.join("\n")
    }

    /// The people, one to a line, so that a name is never split.
    fn people_list(&self, row: &EventRow) -> String {
        let names: Vec<String> = row
            .people
            .iter()
            .map(|n| self.marked(&self.text(n), |t| self.palette.person(t)))
            .collect();
        names.join("\n")
    }

    /// The columns left for the event in the narrow layouts: the width less the date (and age)
    /// columns, which are never wrapped, and the borders.
    fn event_width(&self, dates: &[String], ages: Option<&[String]>) -> usize {
        // "│ date ┆ age ┆ event │": two columns of padding and a border each, and the outer one.
        let fixed = match ages {
            Some(ages) => widest(dates).max(4) + widest(ages).max(3) + 10,
            None => widest(dates).max(4) + 7,
        };
        // Never wider than what is left: at 40 columns a long date leaves little, but the table fits.
        self.width.saturating_sub(fixed).max(4)
    }

    /// Three layouts, so the title always has room: five columns from [`WIDE`] columns up; the
    /// place and people under the title below that; the age under the date below [`NARROW`].
    ///
    /// `below_date` gives each row (by position) an optional dim line under its date. With
    /// `measured` (the column widths of a long table's first rows, see [`Table::event_stream`])
    /// the grid has no header and is drawn to those widths.
    fn events_grid(
        &self,
        rows: &[EventRow],
        below_date: &dyn Fn(usize) -> Option<String>,
        measured: Option<&[usize]>,
    ) -> Grid {
        let header = |names: &'static [&'static str]| match measured {
            Some(_) => &[][..],
            None => names,
        };
        let p = &self.palette;
        let age = |row: &EventRow| p.age(row.age.as_deref().unwrap_or(""));
        let mut grid;
        if self.width < NARROW {
            grid = self.grid(header(&["Date", "Event"]));
            let dates: Vec<String> = rows
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    let mut date = self.date_cell_with(row, below_date(i));
                    if let Some(age) = &row.age {
                        date.push_str(&format!("\n{}", p.age(&format!("age {age}"))));
                    }
                    date
                })
                .collect();
            let width = match measured {
                None => self.event_width(&dates, None),
                Some(m) => event_room(m, 1, &[(&dates, 0)]),
            };
            for (row, date) in rows.iter().zip(dates) {
                grid.add_row(vec![
                    Cell::new(date),
                    Cell::new(self.event_with_context(row, width)),
                ]);
            }
            fill(&mut grid, 1, width);
        } else if self.width < WIDE {
            grid = self.grid(header(&["Date", "Age", "Event"]));
            let dates: Vec<String> = (0..rows.len())
                .map(|i| self.date_cell_with(&rows[i], below_date(i)))
                .collect();
            let ages: Vec<String> = rows.iter().map(age).collect();
            let width = match measured {
                None => self.event_width(&dates, Some(&ages)),
                Some(m) => event_room(m, 2, &[(&dates, 0), (&ages, 1)]),
            };
            for ((row, date), age) in rows.iter().zip(dates).zip(ages) {
                grid.add_row(vec![
                    Cell::new(date),
                    Cell::new(age),
                    Cell::new(self.event_with_context(row, width)),
                ]);
            }
            fill(&mut grid, 2, width);
        } else {
            let ids = self.width >= WIDEST;
            let names: &[&str] = if ids {
                &["Date", "Age", "Event", "Place", "People", "Id"]
            } else {
                &["Date", "Age", "Event", "Place", "People"]
            };
            grid = self.grid(header(names));
            for (i, row) in rows.iter().enumerate() {
                let mut cells = vec![
                    Cell::new(self.date_cell_with(row, below_date(i))),
                    Cell::new(age(row)),
                    Cell::new(
                        self.marked(&self.text(&listed_title(row, self.unicode)), |t| p.title(t)),
                    ),
                    Cell::new(self.marked(&self.text(place_of(row)), |t| p.place(t))),
                    Cell::new(self.people_list(row)),
                ];
                if ids {
                    cells.push(Cell::new(p.dim(&row.id)));
                }
                grid.add_row(cells);
            }
            // An id is typed back whole (`show ID`): never wrapped.
            if ids && let Some(c) = grid.column_mut(5) {
                c.set_constraint(ColumnConstraint::ContentWidth);
            }
            // Place and people are capped so the title keeps at least half of what is left.
            let share = self.width / 5;
            for column in [3, 4] {
                if let Some(c) = grid.column_mut(column) {
                    c.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(share as u16)));
                }
            }
        }
        // Dates and ages are never wrapped or cut.
        let last_fixed = if self.width < NARROW { 0 } else { 1 };
        for column in 0..=last_fixed {
            if let Some(c) = grid.column_mut(column) {
                c.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        if let Some(measured) = measured {
            let (event, whole): (usize, &[usize]) = match self.width {
                w if w < NARROW => (1, &[0]),
                w if w < WIDEST => (2, &[0, 1]),
                _ => (2, &[0, 1, 5]),
            };
            fix_columns(&mut grid, measured, event, whole);
        }
        grid
    }

    /// A card's first line, `heading  · N events`, wrapped when wider than the table.
    fn card_heading(&self, out: &mut dyn Write, heading: &str, count: usize) -> io::Result<()> {
        let text = format!(
            "{heading}  {}",
            self.palette.dim(&format!("· {}", events(count)))
        );
        if textwrap::core::display_width(&text) <= self.width {
            return writeln!(out, "{text}");
        }
        for line in lines(&text, self.width) {
            writeln!(out, "{line}")?;
        }
        Ok(())
    }

    fn card_line(&self, out: &mut dyn Write, text: &str) -> io::Result<()> {
        for line in lines(text, self.width.saturating_sub(2).max(20)) {
            writeln!(out, "  {line}")?;
        }
        Ok(())
    }
}

impl Renderer for Table {
    fn events(&self, out: &mut dyn Write, rows: &[EventRow]) -> io::Result<()> {
        self.write(out, &self.events_grid(rows, &|_| None, None))
    }

    /// A list too long for one grid is drawn [`CHUNK_ROWS`] rows at a time, so that neither its
    /// rows nor its lines are ever all held (a grid of a million events took 2 GB): the first
    /// rows as a table of their own, less its bottom border, then each next chunk without its
    /// header or top border, its columns as wide as the first's (see [`fix_columns`]). A list
    /// of at most [`CHUNK_ROWS`] events is drawn whole, as [`Renderer::events`] draws it.
    fn event_stream(
        &self,
        out: &mut dyn Write,
        rows: &mut dyn Iterator<Item = EventRow>,
    ) -> io::Result<()> {
        let mut chunk: Vec<EventRow> = (&mut *rows).take(CHUNK_ROWS).collect();
        let mut next = rows.next();
        if next.is_none() {
            return self.events(out, &chunk);
        }
        let lines: Vec<String> = self.events_grid(&chunk, &|_| None, None).lines().collect();
        let measured = lines.first().map(|top| segments(top)).unwrap_or_default();
        write_lines(out, &lines[..lines.len().saturating_sub(1)])?;
        while next.is_some() {
            chunk.clear();
            chunk.extend(next.take());
            chunk.extend((&mut *rows).take(CHUNK_ROWS - 1));
            next = rows.next();
            let grid = self.events_grid(&chunk, &|_| None, Some(&measured));
            let lines: Vec<String> = grid.lines().collect();
            let end = lines.len() - usize::from(next.is_some());
            write_lines(out, lines.get(1..end).unwrap_or_default())?;
        }
        Ok(())
    }

    fn anniversaries(&self, out: &mut dyn Write, rows: &[Anniversary]) -> io::Result<()> {
        let events: Vec<EventRow> = rows.iter().map(|a| a.row.clone()).collect();
        // An Old Style match says so: the day asked for is not the row's first date.
        let note = |i: usize| {
            let ago = years_ago_words(rows[i].years_ago);
            Some(match rows[i].calendar {
                "old" => format!("{ago}, O.S. day"),
                _ => ago,
            })
        };
        self.write(out, &self.events_grid(&events, &note, None))
    }

    fn stats(&self, out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
        self.stats_rankings(out, stats)
    }

    fn who(&self, out: &mut dyn Write, cards: &[PersonCard], rows: &[EventRow]) -> io::Result<()> {
        self.person_cards(out, cards, rows)
    }

    fn where_(
        &self,
        out: &mut dyn Write,
        cards: &[PlaceCard],
        rows: &[EventRow],
    ) -> io::Result<()> {
        self.place_cards(out, cards, rows)
    }

    fn people(&self, out: &mut dyn Write, cards: &[PersonCard]) -> io::Result<()> {
        let p = &self.palette;
        let mut grid = self.grid(&["Name", "Life", "Events", "About"]);
        for c in cards {
            grid.add_row(vec![
                Cell::new(p.person(&self.text(&c.name))),
                Cell::new(p.date(&c.life)),
                Cell::new(c.events),
                Cell::new(self.text(c.about.as_deref().unwrap_or(""))),
            ]);
        }
        keep_whole(&mut grid, &[0, 1, 2], self.width);
        self.write(out, &grid)
    }

    fn places(&self, out: &mut dyn Write, cards: &[PlaceCard]) -> io::Result<()> {
        let p = &self.palette;
        let mut grid = self.grid(&["Place", "Within", "Other names", "Events"]);
        for c in cards {
            let names: Vec<&str> = c
                .names
                .iter()
                .map(|n| n.name.as_str())
                .chain(c.aliases.iter().map(String::as_str))
                .collect();
            grid.add_row(vec![
                Cell::new(p.place(&self.text(&c.name))),
                Cell::new(self.text(&c.within.join(", "))),
                Cell::new(self.text(&names.join(", "))),
                Cell::new(c.events),
            ]);
        }
        keep_whole(&mut grid, &[0, 3], self.width);
        self.write(out, &grid)
    }

    fn stays(&self, out: &mut dyn Write, rows: &[StayRow]) -> io::Result<()> {
        let p = &self.palette;
        let mut grid = self.grid(&["When", "Place", "Note"]);
        for r in rows {
            let mut place = p.place(&self.text(&r.place));
            if !r.within.is_empty() {
                place.push_str(&format!(", {}", self.text(&r.within.join(", "))));
            }
            grid.add_row(vec![
                Cell::new(p.date(&r.date)),
                Cell::new(place),
                Cell::new(self.text(r.note.as_deref().unwrap_or_default())),
            ]);
        }
        keep_whole(&mut grid, &[0], self.width);
        self.write(out, &grid)
    }

    fn periods(&self, out: &mut dyn Write, rows: &[PeriodRow]) -> io::Result<()> {
        let p = &self.palette;
        // The count's heading says its rule when it is not the plain overlap.
        let certain = rows
            .first()
            .is_some_and(|r| r.counted == CountRule::Certain);
        let events = if certain { "Certain" } else { "Events" };
        let mut grid = self.grid(&["Period", "Span", events, "Id"]);
        for r in rows {
            grid.add_row(vec![
                Cell::new(p.title(&self.text(&r.title))),
                Cell::new(p.date(&r.date)),
                Cell::new(r.events),
                Cell::new(p.dim(&self.text(&r.id))),
            ]);
        }
        keep_whole(&mut grid, &[3, 2, 1], self.width);
        self.write(out, &grid)
    }

    /// The facts as a short card, then the events near the date; when none is near, the closest
    /// before and after, each marked.
    fn around(&self, out: &mut dyn Write, around: &Around) -> io::Result<()> {
        let p = &self.palette;
        writeln!(out, "{}", p.title(&format!("Around {}", around.date)))?;
        for (label, text) in around.facts().into_iter().skip(1) {
            let label = format!("{label:<10}");
            for (i, line) in lines(&text, self.width.saturating_sub(13).max(20))
                .iter()
                .enumerate()
            {
                let head = if i == 0 { label.as_str() } else { "" };
                writeln!(out, "  {} {line}", p.heading(&format!("{head:<10}")))?;
            }
        }
        if !around.events.is_empty() {
            return self.write(out, &self.events_grid(&around.events, &|_| None, None));
        }
        writeln!(out, "  {}", p.dim("No event near; the closest:"))?;
        let closest: Vec<(&str, &EventRow)> =
            [("before", &around.before), ("after", &around.after)]
                .into_iter()
                .filter_map(|(side, row)| row.as_ref().map(|r| (side, r)))
                .collect();
        let rows: Vec<EventRow> = closest.iter().map(|(_, r)| (*r).clone()).collect();
        let note = |i: usize| Some(closest[i].0.to_string());
        self.write(out, &self.events_grid(&rows, &note, None))
    }

    fn tags(&self, out: &mut dyn Write, rows: &[TagRow]) -> io::Result<()> {
        let mut grid = self.grid(&["Tag", "Events"]);
        for r in rows {
            grid.add_row(vec![Cell::new(self.text(&r.tag)), Cell::new(r.events)]);
        }
        keep_whole(&mut grid, &[0, 1], self.width);
        self.write(out, &grid)
    }

    fn detail(&self, out: &mut dyn Write, detail: &EventDetail) -> io::Result<()> {
        self.detail_card(out, detail)
    }
}

/// `text` wrapped to `width` for a card, its words wider than that broken (see
/// [`break_long_words`]), so that no line of a card is wider than the tables under it.
fn lines(text: &str, width: usize) -> Vec<String> {
    wrap(&break_long_words(text, width), width)
}

/// The event's place, or nothing.
fn place_of(row: &EventRow) -> &str {
    row.place.as_deref().unwrap_or("")
}

/// "1 event", "3 events".
fn events(count: usize) -> String {
    if count == 1 {
        "1 event".to_string()
    } else {
        format!("{count} events")
    }
}
