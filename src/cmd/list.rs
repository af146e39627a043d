//! `timeline` without a subcommand: the events that match the filters, in date order.

use std::io::Write;

use super::{Context, ListView, nonempty};
use crate::error::Error;

/// Lists the matching events.
pub fn run(view: &ListView, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let query = ctx.query(&view.filters)?;
    // Records are checked (and, mapped, decoded) only for the events --limit leaves.
    let events = nonempty(ctx.index.select(&query)?, "no events match")?;
    // Rows are made one at a time as the renderer asks: at a million events a range keeps
    // 97k, and holding their twenty strings each cost more than the rest of the run.
    super::events::write(ctx, &ctx.limited(&view.list, events, "events"), out)
}
