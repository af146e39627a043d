//! `timeline periods`: the periods the filters touch, each with the number of matching events
//! that overlap it — the same rule as `--in`, `stats` and `chart`.

use std::io::Write;

use super::{Context, ListView, nonempty};
use crate::error::Error;
use crate::index::CountRule;

/// The settings of `timeline periods`.
#[derive(Debug, Clone)]
pub struct PeriodsSettings {
    /// Which events are counted, how many periods, and in which order.
    pub view: ListView,
}

/// Lists the periods with their matching events; all of them when no filter is given.
pub fn run(args: &PeriodsSettings, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let filters = &args.view.filters;
    let query = ctx.query(filters)?;
    let rule = CountRule::of(query.certain);
    let counts = ctx.index.period_counts(&ctx.index.select(&query)?, rule)?;
    let timeline = ctx.index.timeline();
    // A period the filters touch overlaps their dates and holds a matching event.
    let overlaps_range = |p: usize| {
        let span = &timeline.periods[p].span;
        query
            .range
            .is_none_or(|(first, last)| span.earliest() <= last && first <= span.latest())
    };
    let periods: Vec<usize> = (0..counts.len())
        .filter(|&p| overlaps_range(p) && (!filters.any() || counts[p] > 0))
        .collect();
    let message = if timeline.periods.is_empty() {
        "this timeline has no periods"
    } else {
        "no period holds a matching event"
    };
    let periods = nonempty(periods, message)?;
    let periods = ctx.limited(&args.view.list, periods, "periods");
    ctx.renderer
        .periods(out, &ctx.views.periods(&periods, &counts, rule))?;
    Ok(())
}
