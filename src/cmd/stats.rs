//! `timeline stats`: counts of the matching events by period, tag, place, person, year and
//! date precision.

use std::io::Write;

use super::{Context, Filters, nonempty};
use crate::error::Error;
use crate::index::CountRule;
use crate::stats::Stats;

/// The settings of `timeline stats`.
#[derive(Debug, Clone)]
pub struct StatsSettings {
    /// Which events are counted.
    pub filters: Filters,
}

/// Counts the matching events.
pub fn run(args: &StatsSettings, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let query = ctx.query(&args.filters)?;
    let events = nonempty(ctx.index.select(&query)?, "no events match")?;
    ctx.renderer.stats(
        out,
        &Stats::new(ctx.index, &events, CountRule::of(query.certain))?,
    )?;
    Ok(())
}
