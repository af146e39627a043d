//! `timeline chart`: the life as a picture along a time axis. A row per period and a row per
//! place of stay, drawn as bars of block characters (eighth blocks for the part of a column a bar
//! fills), a row of ticks where events fall, and a histogram of events per year (per month on an
//! axis shorter than three years). Everything fits the configured width; without Unicode the
//! same picture is drawn with `#`, `=`, `-` and `|`.
//!
//! The module's parts: `axis` (the days shown, their columns and labels), `bars` (the rows of
//! periods and places) and `counts` (the ticks, the histogram, and what is left off); `svg` draws
//! the same chart as an SVG page (`--format svg`), its parts laid out by `svg_parts` and
//! `svg_layout`.

mod axis;
mod bars;
mod counts;
mod svg;
mod svg_layout;
mod svg_parts;
#[cfg(test)]
mod tests;

use std::io::Write;

use crate::error::Error;
use crate::index::Index;
use crate::render::{fit, truncate};
use crate::term::Palette;

use self::axis::{axis_for, axis_labels, range_words};
use self::bars::{bar_cells, paint_cells, period_rows, place_rows};
use self::counts::{Counts, histogram_lines, tick_char};

pub use self::svg::draw_svg;

/// How the chart is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Terminal columns to fit in.
    pub width: usize,
    /// Block characters allowed (else ASCII).
    pub unicode: bool,
    /// Colors, or none.
    pub palette: Palette,
}

/// What the chart shows, as the filters chose it.
#[derive(Debug, Clone, Copy)]
pub struct Selection<'a> {
    /// The events (positions in the index) to tick and count.
    pub events: &'a [usize],
    /// The days the filters asked for; an open end is `chrono::NaiveDate::MIN` or `MAX`. Without it the
    /// axis covers the subject's life in whole years.
    pub range: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// Only stays at places within these (on the stay's first day), when the filters name a
    /// place.
    pub places: Option<&'a crate::index::PlaceSet>,
    /// Which events were selected in the dates asked for; the title says it when `--certain`
    /// narrowed them, as `stats` and `periods` do.
    pub rule: crate::index::CountRule,
}

/// How much of the room a whole-unit layout must use; below it the axis is linear instead.
const MIN_ALIGNED_PERCENT: usize = 75;

/// Histogram rows from this width up; fewer below it.
const TALL_FROM_WIDTH: usize = 120;

/// Draws the chart of `selection` to `out`: a title (with what the axis leaves off), the rows of
/// periods and places, the event ticks and histogram, and the axis with its labels.
pub fn draw(
    out: &mut dyn Write,
    index: &Index,
    selection: &Selection,
    style: &Style,
) -> Result<(), Error> {
    let timeline = index.timeline();
    let events = index.events()?;
    let unicode = style.unicode;
    let p = &style.palette;
    let label_width = (style.width / 5).clamp(10, 28);
    let room = style.width.saturating_sub(label_width + 1);
    let axis = axis_for(index, events, selection, room);
    let counts = Counts::new(events, selection.events, &axis);
    let ticked: usize = counts.ticks.iter().sum();
    // The year (or month) labels, each at its tick, dropped where it would run into the next.
    let (ticks_at, labels) = axis_labels(&axis, room);

    let mut lines: Vec<String> = Vec::new();
    let blank = " ".repeat(label_width);
    let heading = |text: &str| p.heading(text.trim_end());
    let (separator, range) = if unicode {
        (" · ", range_words(axis.first, axis.last))
    } else {
        (" - ", range_words(axis.first, axis.last).replace('–', "-"))
    };
    let (counted, note) = counts.left_off.words(ticked, selection.events.len(), &axis);
    let rule = match selection.rule {
        crate::index::CountRule::Overlap => String::new(),
        certain => format!(" {}", certain.words()),
    };
    let title = format!(
        "{}{separator}{range}{separator}{counted}{rule}",
        timeline.title
    );
    lines.push(p.title(&truncate(&title, style.width)));
    // What the axis leaves off is said, not hidden: under the title, wrapped to the width.
    for line in note
        .iter()
        .flat_map(|n| crate::render::wrap(n, style.width))
    {
        lines.push(p.dim(&line));
    }
    lines.push(format!("{blank} {}", p.dim(&labels)));
    let period_rows = period_rows(timeline, &axis);
    if !period_rows.is_empty() {
        lines.push(heading("Periods"));
        for (i, label, bar) in &period_rows {
            let cells = bar_cells(std::slice::from_ref(bar), &axis, unicode);
            lines.push(format!(
                "{} {}",
                p.period(*i, &fit(label, label_width)),
                paint_cells(&cells, p)
            ));
        }
    }
    let place_rows = place_rows(timeline, &axis, selection);
    if !place_rows.is_empty() {
        lines.push(heading("Places of stay"));
        for (label, bars) in &place_rows {
            let cells = bar_cells(bars, &axis, unicode);
            lines.push(format!(
                "{} {}",
                fit(label, label_width),
                paint_cells(&cells, p)
            ));
        }
    }
    let tick_row: String = counts
        .ticks
        .iter()
        .map(|&n| tick_char(n, unicode))
        .collect();
    let pad = " ".repeat(label_width.saturating_sub("Events".len()));
    lines.push(format!("{}{pad} {tick_row}", heading("Events")));
    let height = if style.width >= TALL_FROM_WIDTH { 8 } else { 6 };
    let histogram = counts.histogram(&axis);
    lines.extend(histogram_lines(
        &histogram,
        axis.unit,
        height,
        label_width,
        unicode,
        p,
    ));
    let (rule, mark) = if unicode { ('─', '┴') } else { ('-', '+') };
    let axis_line: String = (0..axis.columns)
        .map(|c| if ticks_at.contains(&c) { mark } else { rule })
        .collect();
    lines.push(format!("{blank} {}", p.dim(&axis_line)));
    lines.push(format!("{blank} {}", p.dim(&labels)));
    for line in lines {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
