//! `timeline check [FILE]`: validates a timeline and says how much it holds, or reports every
//! problem with its file, line and column.

use std::io::Write;
use std::path::PathBuf;

use crate::config::Config;
use crate::error::Error;
use crate::load::{Source, load_source};

/// The settings of `timeline check`.
#[derive(Debug, Clone)]
pub struct CheckSettings {
    /// The file to check; without one, the `--file` of the run, else the embedded timeline.
    pub file: Option<PathBuf>,
}

/// Checks the file (or the one --file names, or the embedded one).
pub fn run(args: &CheckSettings, config: &Config, out: &mut dyn Write) -> Result<(), Error> {
    let source = match args.file.as_ref().or(config.file.as_ref()) {
        Some(path) => Source::read(path)?,
        None => Source::embedded(),
    };
    let timeline = load_source(&source)?;
    writeln!(
        out,
        "{}: ok: {} events, {} people, {} places, {} periods",
        crate::error::visible(&source.name),
        timeline.events.len(),
        timeline.people.len(),
        timeline.places.len(),
        timeline.periods.len()
    )?;
    Ok(())
}
