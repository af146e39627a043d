//! `timeline chart`: the matching events, the periods and the places of stay along a time axis.

use std::io::Write;

use super::{Context, Filters, nonempty};
use crate::chart::{Selection, Style};
use crate::error::Error;
use crate::term::Palette;

/// The settings of `timeline chart`.
#[derive(Debug, Clone)]
pub struct ChartSettings {
    /// Which events are drawn; their dates also set the axis.
    pub filters: Filters,
}

/// Draws the chart of the matching events.
pub fn run(args: &ChartSettings, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let query = ctx.query(&args.filters)?;
    let events = nonempty(ctx.index.select(&query)?, "no events match")?;
    let selection = Selection {
        events: &events,
        range: query.range,
        places: query.places.as_deref(),
        rule: crate::index::CountRule::of(query.certain),
    };
    let style = Style {
        width: ctx.config.width,
        unicode: ctx.config.unicode,
        palette: Palette::new(ctx.config.color),
    };
    crate::chart::draw(out, ctx.index, &selection, &style)?;
    Ok(())
}
