//! `timeline export`: the selected events in formats other programs read — TimelineJS, iCalendar,
//! a Markdown document, and the CSV and JSON of the listings — to standard output or a file that
//! is never overwritten by accident.

mod document;
mod ics;
mod timelinejs;

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::Path;

use crate::cli::{ExportArgs, ExportFormat};
use crate::error::Error;
use crate::index::Index;
use crate::render::{Csv, Json, Renderer};
use crate::view::Views;

pub use self::document::document;
pub use self::ics::{calendar, escape_text, fold_line};
pub use self::timelinejs::timelinejs;

/// Writes the events at `positions` in the asked format to `out`, or to the `-o` file.
pub fn export(
    args: &ExportArgs,
    index: &Index,
    positions: &[usize],
    out: &mut dyn Write,
) -> Result<(), Error> {
    // The whole export is made before the file is opened, so a failure leaves no half file.
    let mut bytes = Vec::new();
    write(args, index, positions, &mut bytes)?;
    match &args.output {
        None => out.write_all(&bytes)?,
        Some(path) => write_file(path, &bytes, args.force)?,
    }
    Ok(())
}

fn write(
    args: &ExportArgs,
    index: &Index,
    positions: &[usize],
    out: &mut dyn Write,
) -> Result<(), Error> {
    let views = Views::new(index);
    match args.format {
        ExportFormat::Timelinejs => {
            serde_json::to_writer_pretty(&mut *out, &timelinejs(index, positions))
                .map_err(io::Error::from)?;
            writeln!(out)?;
        }
        ExportFormat::Ics => {
            let text = calendar(index, positions, args.anniversaries);
            if text.events == 0 {
                return Err(Error::NoMatch(format!(
                    "none of the {} matching events is dated to the day, and iCalendar events need a day",
                    positions.len()
                )));
            }
            out.write_all(text.text.as_bytes())?;
        }
        ExportFormat::Markdown => out.write_all(document(index, positions).as_bytes())?,
        ExportFormat::Csv => Csv.events(out, &views.rows(positions))?,
        ExportFormat::Json => Json { lines: false }.events(out, &views.rows(positions))?,
    }
    Ok(())
}

/// Writes `bytes` to `path`; an existing file is refused unless `force`.
fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), Error> {
    let shown = path.display();
    let mut options = OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        // create_new checks and creates in one step, so no other program can slip a file in
        // between a check and the write.
        options.create_new(true);
    }
    let mut file = options.open(path).map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => Error::Usage(format!(
            "{shown} already exists; add --force to overwrite it, or choose another -o FILE"
        )),
        _ => Error::Usage(format!("cannot write {shown}: {e}")),
    })?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|e| Error::Usage(format!("cannot write {shown}: {e}")))
}
