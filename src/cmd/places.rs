//! `timeline where [NAME]`: cards for the places a name matches (under any of their names) and the
//! events there and within them on the event's first day (`where "Russian Empire"` keeps Yanovka
//! in 1879; see `index::places`); without a name, the places of the matching events.

use std::io::Write;

use super::{Context, ListView, nonempty, places_named};
use crate::error::{Error, quote};

/// The settings of `timeline where`.
#[derive(Debug, Clone)]
pub struct WhereSettings {
    /// The place name asked for; without one, every place of the matching events.
    pub name: Option<String>,
    /// Which events, how many, and in which order.
    pub view: ListView,
}

/// Shows the places a name matches with their events, or every place of the matching events.
pub fn run(args: &WhereSettings, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let filters = &args.view.filters;
    // Counts are within the filters, before --limit: a place counts the events within it too.
    let matching = ctx.index.select(&ctx.query(filters)?)?;
    let counts = ctx.index.place_counts(&matching);
    match &args.name {
        None => {
            let places: Vec<usize> = (0..counts.len())
                .filter(|&p| !filters.any() || counts[p] > 0)
                .collect();
            let places = nonempty(places, "no events match")?;
            let places = ctx.limited(&args.view.list, places, "places");
            ctx.renderer
                .places(out, &ctx.views.place_cards(&places, &counts))?;
        }
        Some(name) => {
            let places = places_named(ctx.index, name)?;
            let mut query = ctx.query(filters)?;
            let within = ctx.index.places_within(&places);
            // Also narrowed by --place: both must hold.
            query.places = Some(match query.places.take() {
                Some(other) => within.intersect(other),
                None => within,
            });
            let events = nonempty(
                ctx.index.select(&query)?,
                &format!(
                    "`{}` is in the timeline, but none of its events match the filters",
                    quote(name)
                ),
            )?;
            let events = ctx.limited(&args.view.list, events, "events");
            ctx.renderer.where_(
                out,
                &ctx.views.place_cards(&places, &counts),
                &ctx.views.rows(&events)?,
            )?;
        }
    }
    Ok(())
}
