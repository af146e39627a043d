//! JSON output: one pretty document, or (ndjson) one compact object per line.

use std::cell::RefCell;
use std::io::{self, Write};

use serde::Serialize;

use super::Renderer;
use crate::anniversary::Anniversary;
use crate::around::Around;
use crate::stats::Stats;
use crate::view::{EventDetail, EventRow, PeriodRow, PersonCard, PlaceCard, StayRow, TagRow};

/// JSON or newline-delimited JSON.
pub struct Json {
    /// One object per line instead of one document.
    pub lines: bool,
}

#[derive(Serialize)]
struct Matches<'a, T> {
    matches: &'a [T],
    events: &'a [EventRow],
}

impl Json {
    fn document(&self, out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, value)?;
        writeln!(out)
    }

    fn list<T: Serialize>(&self, out: &mut dyn Write, items: &[T]) -> io::Result<()> {
        if !self.lines {
            return self.document(out, &items);
        }
        for item in items {
            serde_json::to_writer(&mut *out, item)?;
            writeln!(out)?;
        }
        Ok(())
    }
}

impl Json {
    /// `{"matches": [...], "events": [...]}`; ndjson gives just the events, one per line.
    fn matches<T: Serialize>(
        &self,
        out: &mut dyn Write,
        matches: &[T],
        events: &[EventRow],
    ) -> io::Result<()> {
        if self.lines {
            return self.list(out, events);
        }
        self.document(out, &Matches { matches, events })
    }
}

/// A sequence serialized as its items come, taken from the iterator once.
struct Streamed<'a>(RefCell<Option<&'a mut dyn Iterator<Item = EventRow>>>);

impl Serialize for Streamed<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rows = self.0.borrow_mut().take();
        serializer.collect_seq(rows.into_iter().flatten())
    }
}

impl Renderer for Json {
    fn events(&self, out: &mut dyn Write, rows: &[EventRow]) -> io::Result<()> {
        self.list(out, rows)
    }

    /// One object per line joins; one document does not.
    fn joins_pieces(&self) -> bool {
        self.lines
    }

    fn event_stream(
        &self,
        out: &mut dyn Write,
        rows: &mut dyn Iterator<Item = EventRow>,
    ) -> io::Result<()> {
        if self.lines {
            for row in rows {
                serde_json::to_writer(&mut *out, &row)?;
                writeln!(out)?;
            }
            return Ok(());
        }
        self.document(out, &Streamed(RefCell::new(Some(rows))))
    }

    fn who(&self, out: &mut dyn Write, cards: &[PersonCard], rows: &[EventRow]) -> io::Result<()> {
        self.matches(out, cards, rows)
    }

    fn where_(
        &self,
        out: &mut dyn Write,
        cards: &[PlaceCard],
        rows: &[EventRow],
    ) -> io::Result<()> {
        self.matches(out, cards, rows)
    }

    fn people(&self, out: &mut dyn Write, cards: &[PersonCard]) -> io::Result<()> {
        self.list(out, cards)
    }

    fn places(&self, out: &mut dyn Write, cards: &[PlaceCard]) -> io::Result<()> {
        self.list(out, cards)
    }

    fn stays(&self, out: &mut dyn Write, rows: &[StayRow]) -> io::Result<()> {
        self.list(out, rows)
    }

    fn periods(&self, out: &mut dyn Write, rows: &[PeriodRow]) -> io::Result<()> {
        self.list(out, rows)
    }

    fn tags(&self, out: &mut dyn Write, rows: &[TagRow]) -> io::Result<()> {
        self.list(out, rows)
    }

    fn around(&self, out: &mut dyn Write, around: &Around) -> io::Result<()> {
        if self.lines {
            serde_json::to_writer(&mut *out, around)?;
            return writeln!(out);
        }
        self.document(out, around)
    }

    fn anniversaries(&self, out: &mut dyn Write, rows: &[Anniversary]) -> io::Result<()> {
        self.list(out, rows)
    }

    fn stats(&self, out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
        if self.lines {
            serde_json::to_writer(&mut *out, stats)?;
            return writeln!(out);
        }
        self.document(out, stats)
    }

    fn detail(&self, out: &mut dyn Write, detail: &EventDetail) -> io::Result<()> {
        if self.lines {
            serde_json::to_writer(&mut *out, detail)?;
            return writeln!(out);
        }
        self.document(out, detail)
    }
}
