//! `timeline check [FILE]`: validates a timeline and says how much it holds, or reports every
//! problem with its file, line and column.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::config::Config;
use crate::error::Error;
use crate::load::{Source, load_source};

/// The flags of `timeline check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The file to check; the embedded timeline (or --file) without it.
    #[arg(id = "check_file", value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// Checks the file (or the one --file names, or the embedded one).
pub fn run(args: &CheckArgs, config: &Config, out: &mut dyn Write) -> Result<(), Error> {
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
