//! `timeline who [NAME]`: cards for the people a name matches and their events; without a name,
//! the people of the matching events, busiest first.

use std::cmp::Reverse;
use std::io::Write;

use super::{Context, ListView, nonempty, people_named};
use crate::error::{Error, quote};

/// The settings of `timeline who`.
#[derive(Debug, Clone)]
pub struct WhoSettings {
    /// The name asked for; without one, every person of the matching events.
    pub name: Option<String>,
    /// Which events, how many, and in which order.
    pub view: ListView,
}

/// Shows the people a name matches with their events, or every person of the matching events.
pub fn run(args: &WhoSettings, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let filters = &args.view.filters;
    // Counts are within the filters, before --limit, so a card says how many events match.
    let matching = ctx.index.select(&ctx.query(filters)?)?;
    let counts = ctx.index.person_counts(&matching);
    match &args.name {
        None => {
            let mut people: Vec<usize> = (0..counts.len())
                .filter(|&p| !filters.any() || counts[p] > 0)
                .collect();
            people.sort_by_key(|&p| Reverse(counts[p]));
            let people = nonempty(people, "no events match")?;
            let people = ctx.limited(&args.view.list, people, "people");
            ctx.renderer
                .people(out, &ctx.views.person_cards(&people, &counts))?;
        }
        Some(name) => {
            let people = people_named(ctx.index, name)?;
            let mut query = ctx.query(filters)?;
            // With --person and --with, each must hold too.
            query.with.push(people.clone());
            let events = nonempty(
                ctx.index.select(&query)?,
                &format!(
                    "`{}` is in the timeline, but none of their events match the filters",
                    quote(name)
                ),
            )?;
            let events = ctx.limited(&args.view.list, events, "events");
            // Every row is made (and its record checked) before anything is written.
            let rows = ctx.views.rows(&events)?;
            ctx.renderer
                .who(out, &ctx.views.person_cards(&people, &counts), &rows)?;
            // As for the event list: the exit frees the rows (3% of a `who NAME`).
            std::mem::forget(rows);
        }
    }
    Ok(())
}
