//! `timeline chart`: the matching events, the periods and the places of stay along a time axis.

use std::io::Write;

use clap::Args;

use super::{Context, nonempty};
use crate::chart::{Selection, Style};
use crate::cli::{FilterArgs, LayoutArgs};
use crate::error::Error;
use crate::term::Palette;

/// The flags of `timeline chart`.
#[derive(Debug, Args)]
pub struct ChartArgs {
    /// Which events are drawn; --from/--to/--in also set the axis.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// How wide the chart is and whether it uses ASCII only.
    #[command(flatten)]
    pub layout: LayoutArgs,
}

/// Draws the chart of the matching events.
pub fn run(args: &ChartArgs, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let query = ctx.query(&args.filters)?;
    let events = nonempty(ctx.index.select(&query)?, "no events match")?;
    let selection = Selection {
        events: &events,
        range: query.range,
        places: query.places.as_deref(),
    };
    let style = Style {
        width: ctx.config.width,
        unicode: ctx.config.unicode,
        palette: Palette::new(ctx.config.color),
    };
    crate::chart::draw(out, ctx.index, &selection, &style)?;
    Ok(())
}
