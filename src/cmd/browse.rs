//! `timeline browse`: the matching events in the full-screen explorer of [`crate::browse`].

use clap::Args;

use super::{Context, nonempty};
use crate::cli::FilterArgs;
use crate::error::Error;

/// The flags of `timeline browse`.
#[derive(Debug, Args)]
pub struct BrowseArgs {
    /// Which events the explorer opens on.
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// Opens the explorer on the matching events; refuses (exit 2) when stdout is not a terminal.
pub fn run(args: &BrowseArgs, ctx: &Context) -> Result<(), Error> {
    let query = ctx.query(&args.filters)?;
    let events = nonempty(ctx.index.select(&query)?, "no events match")?;
    let options = crate::browse::Options {
        color: ctx.config.color,
        unicode: ctx.config.unicode,
    };
    crate::browse::run(ctx.index, &events, &options)
}
