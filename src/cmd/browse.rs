//! `timeline browse`: the matching events in the full-screen explorer of [`crate::browse`].

use super::{Context, Filters, nonempty};
use crate::error::Error;

/// The settings of `timeline browse`.
#[derive(Debug, Clone)]
pub struct BrowseSettings {
    /// Which events the explorer opens on.
    pub filters: Filters,
}

/// Opens the explorer on the matching events; refuses (exit 2) when stdout is not a terminal.
pub fn run(args: &BrowseSettings, ctx: &Context) -> Result<(), Error> {
    let query = ctx.query(&args.filters)?;
    let events = nonempty(ctx.index.select(&query)?, "no events match")?;
    // The explorer reads every event; decoding them before it takes the screen finds a damaged
    // index file (answered by `cmd::run`) while the terminal is still the shell's.
    ctx.index.events()?;
    let options = crate::browse::Options {
        color: ctx.config.color,
        unicode: ctx.config.unicode,
    };
    crate::browse::run(ctx.index, &events, &options)
}
