//! `timeline stats`: counts of the matching events by period, tag, place, person, year and
//! date precision.

use std::io::Write;

use clap::Args;

use super::{Context, nonempty};
use crate::cli::{FilterArgs, FormatArgs, LayoutArgs};
use crate::error::Error;
use crate::stats::Stats;

/// The flags of `timeline stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Which events are counted.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// The output format.
    #[command(flatten)]
    pub format: FormatArgs,

    /// How tables are drawn.
    #[command(flatten)]
    pub layout: LayoutArgs,
}

/// Counts the matching events.
pub fn run(args: &StatsArgs, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let query = ctx.query(&args.filters)?;
    let events = nonempty(ctx.index.select(&query)?, "no events match")?;
    ctx.renderer.stats(out, &Stats::new(ctx.index, &events))?;
    Ok(())
}
