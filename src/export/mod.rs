//! `timeline export`: the selected events in formats other programs read — TimelineJS, iCalendar,
//! a Markdown document, a markwhen timeline, and the CSV and JSON of the listings — to standard
//! output or a file that is never overwritten by accident, nor left half written.

mod document;
mod ics;
mod markwhen;
mod timelinejs;

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::error::{Error, quote};
use crate::index::Index;
use crate::render::{Json, Renderer, events_for_spreadsheets};
use crate::view::Views;

pub use self::document::document;
pub use self::ics::{calendar, escape_text, fold_line};
pub use self::markwhen::markwhen;
pub use self::timelinejs::timelinejs;

/// Past this many slides a TimelineJS export is hard to read (Knight Lab advises about twenty):
/// a note on stderr suggests a period.
const MANY_SLIDES: usize = 100;

/// Formats `timeline export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// TimelineJS 3 JSON, with eras from the periods.
    Timelinejs,
    /// iCalendar (RFC 5545): one all-day event per event known to the day; one longer than a
    /// year as two, its first and last days.
    Ics,
    /// A Markdown document: a section per period, a bullet per event.
    Markdown,
    /// A markwhen document (markwhen.com): a section per period, an event per event.
    Markwhen,
    /// RFC 4180 CSV, as `--format csv`.
    Csv,
    /// One JSON document, as `--format json`.
    Json,
}

/// One export: its format and where it goes.
#[derive(Debug, Clone)]
pub struct Export {
    /// The format to write.
    pub format: ExportFormat,
    /// iCalendar only: each event a yearly anniversary of its first day.
    pub anniversaries: bool,
    /// The file to write (`-o`); standard output without one.
    pub output: Option<PathBuf>,
    /// Whether an existing `output` file may be replaced (`--force`).
    pub force: bool,
}

/// Writes the events at `positions` in the asked format to `out`, or to the `-o` file.
pub fn export(
    args: &Export,
    index: &Index,
    positions: &[usize],
    out: &mut dyn Write,
) -> Result<(), Error> {
    // The whole export is made before the file is opened, so a failure leaves no half file.
    let mut bytes = Vec::new();
    write(args, index, positions, &mut bytes)?;
    deliver(&bytes, args.output.as_deref(), args.force, out)
}

/// Writes finished `bytes` to the `-o` file (`output`), replaced only when `force`, or to `out`
/// without one: the one way exports and the SVG chart reach a file.
pub fn deliver(
    bytes: &[u8],
    output: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
) -> Result<(), Error> {
    match output {
        // `-o -` is standard output, as everywhere in Unix; a file named `-` is `./-`.
        Some(path) if path.as_os_str() != "-" => write_file(path, bytes, force)?,
        _ => out.write_all(bytes)?,
    }
    Ok(())
}

fn write(
    args: &Export,
    index: &Index,
    positions: &[usize],
    out: &mut dyn Write,
) -> Result<(), Error> {
    let views = Views::new(index);
    match args.format {
        ExportFormat::Timelinejs => {
            if positions.len() > MANY_SLIDES {
                crate::error::note(&format!(
                    "export timelinejs: {} slides; TimelineJS reads best with a few dozen, so \
                     consider the key events (--key) or one period: --in PERIOD (`timeline \
                     periods` lists them)",
                    positions.len()
                ));
            }
            serde_json::to_writer_pretty(&mut *out, &timelinejs(index, positions)?)
                .map_err(io::Error::from)?;
            writeln!(out)?;
        }
        ExportFormat::Ics => {
            let text = calendar(index, positions, args.anniversaries)?;
            if text.events == 0 {
                return Err(Error::NoMatch(format!(
                    "none of the {} matching events is dated to the day, and iCalendar events need a day",
                    positions.len()
                )));
            }
            // Said whether or not stdout is a terminal: whoever reads the file should know what
            // is not in it.
            if let Some(note) = text.note(positions.len()) {
                crate::error::note(&note);
            }
            out.write_all(text.text.as_bytes())?;
        }
        ExportFormat::Markdown => out.write_all(document(index, positions)?.as_bytes())?,
        ExportFormat::Markwhen => out.write_all(markwhen(index, positions)?.as_bytes())?,
        ExportFormat::Csv => events_for_spreadsheets(out, &views.rows(positions)?)?,
        ExportFormat::Json => Json { lines: false }.events(out, &views.rows(positions)?)?,
    }
    Ok(())
}

/// Writes `bytes` to `path`; an existing file is refused unless `force`.
///
/// A regular file is never written in place: the bytes go to a temporary file created
/// exclusively (under an unpredictable name) in the target's folder, are flushed to disk, and the
/// temporary is renamed over the target in one step. On a full disk, past `ulimit -f` or on any
/// other failure, the temporary is removed and an old file stays whole. Without `force`, the
/// rename refuses to replace a file that appeared meanwhile. What is no regular file (`-o
/// /dev/stdout`, a FIFO) cannot be replaced by renaming, and is written as it is, with `--force`.
fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), Error> {
    let shown = quote(&path.display().to_string());
    let cannot = |e: io::Error| Error::Usage(format!("cannot write {shown}: {e}"));
    let exists = || {
        Error::Usage(format!(
            "{shown} already exists; add --force to overwrite it, or choose another -o FILE"
        ))
    };
    let existing = std::fs::metadata(path).ok();
    match &existing {
        Some(_) if !force => return Err(exists()),
        Some(m) if m.is_dir() => {
            return Err(Error::Usage(format!(
                "{shown} is a directory; -o takes a file name"
            )));
        }
        Some(m) if !m.is_file() => {
            let mut file = OpenOptions::new().write(true).open(path).map_err(cannot)?;
            return file
                .write_all(bytes)
                .and_then(|()| file.flush())
                .map_err(cannot);
        }
        _ => {}
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".timeline-export-")
        .suffix(".tmp")
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(folder)
        .map_err(cannot)?;
    if let Some(old) = &existing {
        // --force replaces the contents, not who may read them.
        let _ = temporary.as_file().set_permissions(old.permissions());
    }
    temporary
        .write_all(bytes)
        .and_then(|()| temporary.flush())
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(cannot)?;
    let persisted = if force {
        temporary.persist(path)
    } else {
        temporary.persist_noclobber(path)
    };
    // On failure the temporary is dropped with the error, which removes it.
    persisted.map(drop).map_err(|e| match e.error.kind() {
        io::ErrorKind::AlreadyExists => exists(),
        _ => cannot(e.error),
    })
}
