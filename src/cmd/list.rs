//! `timeline` without a subcommand: the events that match the filters, in date order.

use std::io::Write;

use super::{Context, nonempty};
use crate::cli::ListView;
use crate::error::Error;

/// Lists the matching events.
pub fn run(view: &ListView, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let query = ctx.query(&view.filters)?;
    // Records are checked (and, mapped, decoded) only for the events --limit leaves.
    let events = nonempty(ctx.index.select_for_counts(&query)?, "no events match")?;
    let events = ctx
        .index
        .events_at(&ctx.limited(&view.list, events, "events"))?;
    // Rows are made one at a time as the renderer asks (a table gathers them): at a million
    // events a range keeps 97k, and holding their twenty strings each cost more than the rest.
    ctx.renderer
        .event_stream(out, &mut events.iter().map(|event| ctx.views.row(event)))?;
    // The process ends after the list: freeing the decoded events is work the exit does anyway.
    std::mem::forget(events);
    Ok(())
}
