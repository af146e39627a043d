//! `timeline` without a subcommand: the events that match the filters, in date order.

use std::io::Write;

use super::{Context, nonempty};
use crate::cli::ListView;
use crate::error::Error;

/// Lists the matching events.
pub fn run(view: &ListView, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let query = ctx.query(&view.filters, &view.list)?;
    let events = nonempty(ctx.index.select(&query), "no events match")?;
    ctx.renderer.events(out, &ctx.views.rows(&events))?;
    Ok(())
}
