//! `timeline` without a subcommand: the events that match the filters, in date order.

use std::io::Write;

use super::{Context, nonempty};
use crate::cli::{ListArgs, ListView};
use crate::error::Error;

/// Lists the matching events.
pub fn run(view: &ListView, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let query = ctx.query(&view.filters, &ListArgs::default())?;
    // Records are checked (and, mapped, decoded) only for the events --limit leaves.
    let events = nonempty(ctx.index.select_for_counts(&query)?, "no events match")?;
    let events = ctx
        .index
        .checked(ctx.limited(&view.list, events, "events"))?;
    ctx.renderer.events(out, &ctx.views.rows(&events))?;
    Ok(())
}
