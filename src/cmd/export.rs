//! `timeline export FORMAT`: the matching events for other programs — TimelineJS, iCalendar, a
//! Markdown document, CSV or JSON — to standard output or a file never overwritten by accident.

use super::{Context, Filters, nonempty};
use crate::error::Error;
use crate::export::{Export, ExportFormat};
use std::io::Write;

/// The settings of `timeline export`.
#[derive(Debug, Clone)]
pub struct ExportSettings {
    /// The format and where it goes.
    pub export: Export,
    /// Which events are exported.
    pub filters: Filters,
}

/// Exports the matching events.
pub fn run(args: &ExportSettings, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    if args.export.anniversaries && args.export.format != ExportFormat::Ics {
        return Err(Error::Usage(
            "--anniversaries makes yearly iCalendar events; it works with `export ics` only"
                .to_string(),
        ));
    }
    let query = ctx.query(&args.filters)?;
    let events = nonempty(ctx.index.select(&query)?, "no events match")?;
    crate::export::export(&args.export, ctx.index, &events, out)
}
