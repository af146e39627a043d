//! `timeline chart`: the matching events, the periods and the places of stay along a time axis,
//! drawn for the terminal or as an SVG page.

use std::io::Write;
use std::path::PathBuf;

use super::{Context, Filters, nonempty};
use crate::chart::{Selection, Style};
use crate::error::Error;
use crate::term::Palette;

/// What `timeline chart` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartFormat {
    /// Block characters for the terminal, as wide as it is.
    #[default]
    Text,
    /// A standalone SVG laid out for an A4 landscape page.
    Svg,
}

/// The settings of `timeline chart`.
#[derive(Debug, Clone)]
pub struct ChartSettings {
    /// Which events are drawn; their dates also set the axis.
    pub filters: Filters,
    /// For the terminal or as an SVG.
    pub format: ChartFormat,
    /// The file the SVG goes to (`-o`); standard output without one.
    pub output: Option<PathBuf>,
    /// Whether an existing `output` file may be replaced (`--force`).
    pub force: bool,
}

/// Draws the chart of the matching events.
pub fn run(args: &ChartSettings, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let query = ctx.query(&args.filters)?;
    let events = nonempty(ctx.index.select(&query)?, "no events match")?;
    let selection = Selection {
        events: &events,
        range: query.range,
        places: query.places.as_ref(),
        rule: crate::index::CountRule::of(query.certain),
    };
    match args.format {
        ChartFormat::Text => {
            let style = Style {
                width: ctx.config.width,
                unicode: ctx.config.unicode,
                palette: Palette::new(ctx.config.color),
            };
            crate::chart::draw(out, ctx.index, &selection, &style)
        }
        ChartFormat::Svg => {
            // Drawn whole before the file is opened, as the exports are: no half picture.
            let mut bytes = Vec::new();
            crate::chart::draw_svg(&mut bytes, ctx.index, &selection)?;
            crate::export::deliver(&bytes, args.output.as_deref(), args.force, out)
        }
    }
}
