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
        .checked(ctx.limited(&view.list, events, "events"))?;
    let rows = ctx.views.rows(&events);
    ctx.renderer.events(out, &rows)?;
    // The process ends after the list: freeing 97k rows of twenty strings each was 8% of a
    // range query at a million events, for memory the exit returns anyway.
    std::mem::forget(rows);
    Ok(())
}
