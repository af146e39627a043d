//! CSV output: RFC 4180, one header row, one record per event (or person, place, period).

use std::io::{self, Write};

use super::Renderer;
use crate::view::{EventDetail, EventRow, PeriodRow, PersonCard, PlaceCard};

/// RFC 4180 CSV.
pub struct Csv;

fn write_records<const N: usize>(
    out: &mut dyn Write,
    header: [&str; N],
    records: impl Iterator<Item = [String; N]>,
) -> io::Result<()> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(header).map_err(io_error)?;
    for record in records {
        writer.write_record(&record).map_err(io_error)?;
    }
    writer.flush()
}

/// The I/O error inside a CSV error as it is, so that a closed pipe stays a closed pipe (the
/// csv crate's own conversion turns every error into `ErrorKind::Other`).
fn io_error(error: ::csv::Error) -> io::Error {
    match error.into_kind() {
        ::csv::ErrorKind::Io(error) => error,
        other => io::Error::other(format!("CSV: {other:?}")),
    }
}

fn event_record(row: &EventRow) -> [String; 14] {
    [
        row.id.clone(),
        row.start.clone(),
        row.end.clone(),
        row.date.clone(),
        row.title.clone(),
        row.place.clone().unwrap_or_default(),
        row.people.join("; "),
        row.tags.join(";"),
        row.period.clone().unwrap_or_default(),
        row.source.clone().unwrap_or_default(),
        row.age.clone().unwrap_or_default(),
        row.start_os.clone().unwrap_or_default(),
        row.end_os.clone().unwrap_or_default(),
        row.summary.clone().unwrap_or_default(),
    ]
}

const EVENT_HEADER: [&str; 14] = [
    "id", "start", "end", "date", "title", "place", "people", "tags", "period", "source", "age",
    "start_os", "end_os", "summary",
];

impl Renderer for Csv {
    fn events(&self, out: &mut dyn Write, rows: &[EventRow]) -> io::Result<()> {
        write_records(out, EVENT_HEADER, rows.iter().map(event_record))
    }

    fn people(&self, out: &mut dyn Write, cards: &[PersonCard]) -> io::Result<()> {
        let records = cards.iter().map(|c| {
            [
                c.id.clone(),
                c.name.clone(),
                c.aliases.join("; "),
                c.born.clone().unwrap_or_default(),
                c.died.clone().unwrap_or_default(),
                c.events.to_string(),
                c.about.clone().unwrap_or_default(),
            ]
        });
        write_records(
            out,
            ["id", "name", "aliases", "born", "died", "events", "about"],
            records,
        )
    }

    fn places(&self, out: &mut dyn Write, cards: &[PlaceCard]) -> io::Result<()> {
        let records = cards.iter().map(|c| {
            let names: Vec<&str> = c.names.iter().map(|n| n.name.as_str()).collect();
            [
                c.id.clone(),
                c.name.clone(),
                c.within.join("; "),
                names.join("; "),
                c.aliases.join("; "),
                c.events.to_string(),
            ]
        });
        write_records(
            out,
            ["id", "name", "within", "names", "aliases", "events"],
            records,
        )
    }

    fn periods(&self, out: &mut dyn Write, rows: &[PeriodRow]) -> io::Result<()> {
        let records = rows.iter().map(|r| {
            [
                r.id.clone(),
                r.title.clone(),
                r.start.clone(),
                r.end.clone(),
                r.events.to_string(),
            ]
        });
        write_records(out, ["id", "title", "start", "end", "events"], records)
    }

    fn detail(&self, out: &mut dyn Write, detail: &EventDetail) -> io::Result<()> {
        self.events(out, std::slice::from_ref(&detail.row))
    }
}
