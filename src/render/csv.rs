//! CSV output: RFC 4180, one header row, one record per event (or person, place, period).

use std::io::{self, Write};

use super::Renderer;
use crate::anniversary::Anniversary;
use crate::around::Around;
use crate::stats::Stats;
use crate::view::{EventDetail, EventRow, PeriodRow, PersonCard, PlaceCard, StayRow, TagRow};

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
    writer.write_record(header).map_err(into_io)?;
    for record in records {
        writer.write_record(&record).map_err(into_io)?;
    }
    writer.flush()
}

/// The csv crate wraps write errors; unwrap them so a closed pipe stays recognisable as one.
fn into_io(error: ::csv::Error) -> io::Error {
    match error.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The separator of every list in a cell (people, tags, periods, aliases): one for all, so a
/// spreadsheet's "split text to columns" or a `split("; ")` works on any of them. Ids and tags
/// never hold it; a name is split on it only if its own text has a semicolon and a space.
pub const LIST_SEPARATOR: &str = "; ";

/// The age as two numbers, for a spreadsheet to compute with: "38–41" gives 38 and 41, "38"
/// gives 38 twice; empty when there is no subject.
fn age_bounds(age: Option<&str>) -> [String; 2] {
    let Some(age) = age else {
        return Default::default();
    };
    let (first, last) = age.split_once('–').unwrap_or((age, age));
    [first.trim().to_string(), last.trim().to_string()]
}

fn event_record(row: &EventRow) -> [String; EVENT_COLUMNS] {
    let [age_start, age_end] = age_bounds(row.age.as_deref());
    [
        row.id.clone(),
        row.start.clone(),
        row.end.clone(),
        row.date.clone(),
        row.title.clone(),
        row.place.clone().unwrap_or_default(),
        row.people.join(LIST_SEPARATOR),
        row.tags.join(LIST_SEPARATOR),
        row.periods.join(LIST_SEPARATOR),
        row.source.clone().unwrap_or_default(),
        row.age.clone().unwrap_or_default(),
        age_start,
        age_end,
        row.start_os.clone().unwrap_or_default(),
        row.end_os.clone().unwrap_or_default(),
        row.key.to_string(),
        row.label.clone().unwrap_or_default(),
        row.link.clone().unwrap_or_default(),
        row.media
            .as_ref()
            .map(|m| m.url.clone())
            .unwrap_or_default(),
        row.summary.clone().unwrap_or_default(),
        row.certain.to_string(),
    ]
}

/// A cell as a spreadsheet may safely open it: one starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return would be read as a formula (`=HYPERLINK(…)`, `@SUM(…)`), so it is prefixed
/// with a single quote, as OWASP advises against CSV injection. Only `export csv` does this;
/// `--format csv` is data for programs and stays exactly as the timeline holds it.
fn neutralise(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The events as `export csv` writes them, for spreadsheets: the columns of `--format csv`, with
/// every cell that a spreadsheet would run as a formula neutralised (see [`neutralise`]).
pub fn events_for_spreadsheets(out: &mut dyn Write, rows: &[EventRow]) -> io::Result<()> {
    write_records(
        out,
        EVENT_HEADER,
        rows.iter().map(|r| event_record(r).map(neutralise)),
    )
}

const EVENT_COLUMNS: usize = 21;

const EVENT_HEADER: [&str; EVENT_COLUMNS] = [
    "id",
    "start",
    "end",
    "date",
    "title",
    "place",
    "people",
    "tags",
    "periods",
    "source",
    "age",
    "age_start",
    "age_end",
    "start_os",
    "end_os",
    "key",
    "label",
    "link",
    "media",
    "summary",
    "certain",
];

impl Renderer for Csv {
    fn events(&self, out: &mut dyn Write, rows: &[EventRow]) -> io::Result<()> {
        write_records(out, EVENT_HEADER, rows.iter().map(event_record))
    }

    fn event_stream(
        &self,
        out: &mut dyn Write,
        rows: &mut dyn Iterator<Item = EventRow>,
    ) -> io::Result<()> {
        write_records(out, EVENT_HEADER, rows.map(|row| event_record(&row)))
    }

    fn anniversaries(&self, out: &mut dyn Write, rows: &[Anniversary]) -> io::Result<()> {
        let mut header = ["years_ago"; EVENT_COLUMNS + 2];
        header[1..=EVENT_COLUMNS].copy_from_slice(&EVENT_HEADER);
        header[EVENT_COLUMNS + 1] = "calendar";
        let records = rows.iter().map(|a| {
            let mut record: [String; EVENT_COLUMNS + 2] = Default::default();
            record[0] = a.years_ago.to_string();
            for (slot, field) in record[1..].iter_mut().zip(event_record(&a.row)) {
                *slot = field;
            }
            record[EVENT_COLUMNS + 1] = a.calendar.to_string();
            record
        });
        write_records(out, header, records)
    }

    fn stats(&self, out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
        let total = [
            "events".to_string(),
            String::new(),
            String::new(),
            stats.events.to_string(),
            "100.0".to_string(),
        ];
        let sections = stats.sections();
        let records = sections.iter().flat_map(|section| {
            section.counts.iter().map(|c| {
                [
                    section.kind.to_string(),
                    c.key.clone(),
                    c.label.clone(),
                    c.events.to_string(),
                    format!("{:.1}", c.percent),
                ]
            })
        });
        write_records(
            out,
            ["section", "key", "label", "events", "percent"],
            std::iter::once(total).chain(records),
        )
    }

    fn people(&self, out: &mut dyn Write, cards: &[PersonCard]) -> io::Result<()> {
        let records = cards.iter().map(|c| {
            [
                c.id.clone(),
                c.name.clone(),
                c.aliases.join(LIST_SEPARATOR),
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
                c.within.join(LIST_SEPARATOR),
                names.join(LIST_SEPARATOR),
                c.aliases.join(LIST_SEPARATOR),
                c.events.to_string(),
            ]
        });
        write_records(
            out,
            ["id", "name", "within", "names", "aliases", "events"],
            records,
        )
    }

    fn stays(&self, out: &mut dyn Write, rows: &[StayRow]) -> io::Result<()> {
        let records = rows.iter().map(|r| {
            [
                r.start.clone(),
                r.end.clone(),
                r.place.clone(),
                r.place_id.clone(),
                r.within.join(LIST_SEPARATOR),
                r.note.clone().unwrap_or_default(),
                r.source.clone().unwrap_or_default(),
            ]
        });
        write_records(
            out,
            [
                "start", "end", "place", "place_id", "within", "note", "source",
            ],
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

    /// The events near the date (or the closest either side), as the event list writes them.
    fn around(&self, out: &mut dyn Write, around: &Around) -> io::Result<()> {
        let closest = around.before.iter().chain(&around.after).cloned();
        let rows: Vec<EventRow> = around.events.iter().cloned().chain(closest).collect();
        self.events(out, &rows)
    }

    fn tags(&self, out: &mut dyn Write, rows: &[TagRow]) -> io::Result<()> {
        let records = rows.iter().map(|r| [r.tag.clone(), r.events.to_string()]);
        write_records(out, ["tag", "events"], records)
    }

    fn detail(&self, out: &mut dyn Write, detail: &EventDetail) -> io::Result<()> {
        self.events(out, std::slice::from_ref(&detail.row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        for formula in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(formula.to_string()), format!("'{formula}"));
        }
        assert_eq!(neutralise("1917-10-25".to_string()), "1917-10-25");
        assert_eq!(neutralise(String::new()), "");
    }
}
