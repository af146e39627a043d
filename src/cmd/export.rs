//! `timeline export FORMAT`: the matching events for other programs — TimelineJS, iCalendar, a
//! Markdown document, CSV or JSON — to standard output or a file never overwritten by accident.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{Context, nonempty};
use crate::cli::FilterArgs;
use crate::error::Error;

/// The flags of `timeline export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to export.
    #[arg(value_enum, id = "export_format", value_name = "FORMAT")]
    pub format: ExportFormat,

    /// Write to FILE instead of standard output; an existing FILE is kept unless --force.
    #[arg(short = 'o', long = "output", id = "output_file", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite the -o FILE if it exists.
    #[arg(long, requires = "output_file")]
    pub force: bool,

    /// iCalendar only: each event becomes a one-day anniversary of its first day, every year
    /// (RRULE:FREQ=YEARLY).
    #[arg(long)]
    pub anniversaries: bool,

    /// Which events are exported.
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// Formats `timeline export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// TimelineJS 3 JSON, with eras from the periods.
    Timelinejs,
    /// iCalendar (RFC 5545): one all-day event per event known to the day.
    Ics,
    /// A Markdown document: a section per period, a bullet per event.
    Markdown,
    /// RFC 4180 CSV, as `--format csv`.
    Csv,
    /// One JSON document, as `--format json`.
    Json,
}

/// Exports the matching events.
pub fn run(args: &ExportArgs, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    if args.anniversaries && args.format != ExportFormat::Ics {
        return Err(Error::Usage(
            "--anniversaries makes yearly iCalendar events; it works with `export ics` only"
                .to_string(),
        ));
    }
    let query = ctx.query(&args.filters)?;
    let events = nonempty(ctx.index.select(&query)?, "no events match")?;
    crate::export::export(args, ctx.index, &events, out)
}
