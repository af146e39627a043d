//! `timeline stays`: where the subject lived, and when, from the file's stays; narrowed by the
//! dates (`--from`, `--to`, `--in`) the stays overlap and the places (`--place`) they were
//! within when they began, the rule `where` and `--place` apply to events.

use std::io::Write;

use chrono::Datelike;

use super::{Context, Filters, Listing, nonempty};
use crate::error::Error;

/// The settings of `timeline stays`.
#[derive(Debug, Clone)]
pub struct StaysSettings {
    /// Which stays: only the dates and the places of the filters (the command line refuses the
    /// others, which are about events).
    pub filters: Filters,
    /// How many, and in which order.
    pub list: Listing,
}

/// Lists the stays in order of their start, those the filters keep.
pub fn run(args: &StaysSettings, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let query = ctx.query(&args.filters)?;
    let timeline = ctx.index.timeline();
    let mut stays: Vec<usize> = (0..timeline.stays.len())
        .filter(|&s| {
            let stay = &timeline.stays[s];
            let (first, last) = (stay.span.earliest(), stay.span.latest());
            query
                .range
                .is_none_or(|(from, to)| first <= to && from <= last)
                && query
                    .places
                    .as_ref()
                    .is_none_or(|set| set.contains(stay.place, first.num_days_from_ce()))
        })
        .collect();
    // File order among stays that start on the same day.
    stays.sort_by_key(|&s| (timeline.stays[s].span.earliest(), s));
    let message = if timeline.stays.is_empty() {
        "this timeline has no stays"
    } else {
        "no stay matches the filters"
    };
    let stays = nonempty(stays, message)?;
    let stays = ctx.limited(&args.list, stays, "stays");
    ctx.renderer.stays(out, &ctx.views.stays(&stays))?;
    Ok(())
}
