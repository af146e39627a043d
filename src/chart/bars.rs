//! The chart's rows of bars: a row per period and a row per place of stay, drawn in block
//! characters (eighth blocks for the part of a column a bar fills) or in `#`, `=` and `-`.

use chrono::{Datelike, NaiveDate};

use super::Selection;
use super::axis::Axis;
use crate::model::Timeline;
use crate::term::Palette;

/// One bar of a row: inclusive days and the period whose color it takes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Bar {
    pub(super) first: NaiveDate,
    pub(super) last: NaiveDate,
    pub(super) color: Option<usize>,
}

/// A character of the plot and the period color it is drawn in.
pub(super) type Cell = (char, Option<usize>);

const LEFT_EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

/// The character for a cell a bar covers `coverage` (0–1) of. `enters` and `leaves` tell
/// whether the bar runs on past the cell's left and right edges; `centre` (0–1) is where the
/// covered part lies. Left eighth blocks draw a bar that ends in the cell; a bar that starts in
/// it can only be drawn by a right half or right eighth block, which Unicode has alone.
pub(super) fn bar_char(
    coverage: f64,
    enters: bool,
    leaves: bool,
    centre: f64,
    unicode: bool,
) -> char {
    if coverage <= 0.0 {
        return ' ';
    }
    if !unicode {
        return if coverage >= 0.875 {
            '#'
        } else if coverage >= 0.375 {
            '='
        } else {
            '-'
        };
    }
    let eighths = ((coverage * 8.0).round() as usize).clamp(1, 8);
    if eighths == 8 || (enters && leaves) {
        return '█';
    }
    let right_aligned = leaves || (!enters && centre > 0.5);
    if right_aligned {
        if eighths >= 3 { '▐' } else { '▕' }
    } else {
        LEFT_EIGHTHS[eighths - 1]
    }
}

/// The cells of a row of bars.
pub(super) fn bar_cells(bars: &[Bar], axis: &Axis, unicode: bool) -> Vec<Cell> {
    let spans: Vec<(f64, f64, Option<usize>)> = bars
        .iter()
        .filter_map(|b| axis.span(b.first, b.last).map(|(s, e)| (s, e, b.color)))
        .collect();
    (0..axis.columns)
        .map(|c| {
            let (left, right) = (c as f64, c as f64 + 1.0);
            let mut coverage = 0.0;
            let (mut enters, mut leaves) = (false, false);
            let (mut low, mut high) = (right, left);
            let mut color = (0.0, None);
            for &(start, end, bar_color) in &spans {
                let overlap = (end.min(right) - start.max(left)).max(0.0);
                if overlap <= 0.0 {
                    continue;
                }
                coverage += overlap;
                enters |= start <= left;
                leaves |= end >= right;
                low = low.min(start.max(left));
                high = high.max(end.min(right));
                if overlap > color.0 {
                    color = (overlap, bar_color);
                }
            }
            let centre = (low + high) / 2.0 - left;
            let ch = bar_char(coverage.min(1.0), enters, leaves, centre, unicode);
            (ch, color.1)
        })
        .collect()
}

/// "Childhood and family (1879–1895)" → "Childhood and family": the bar shows the years.
pub(super) fn without_years(title: &str) -> &str {
    match title.rsplit_once(" (") {
        Some((head, tail)) if tail.ends_with(')') && tail.chars().any(|c| c.is_ascii_digit()) => {
            head
        }
        _ => title,
    }
}

/// A row per period the axis shows: the period's position (its color), its title without the
/// years the bar shows, and its bar.
pub(super) fn period_rows<'t>(timeline: &'t Timeline, axis: &Axis) -> Vec<(usize, &'t str, Bar)> {
    timeline
        .periods
        .iter()
        .enumerate()
        .filter(|(_, period)| {
            axis.span(period.span.earliest(), period.span.latest())
                .is_some()
        })
        .map(|(i, period)| {
            let bar = Bar {
                first: period.span.earliest(),
                last: period.span.latest(),
                color: Some(i),
            };
            (i, without_years(&period.title), bar)
        })
        .collect()
}

/// The stays the axis shows (of the places the selection keeps), in order of their first day:
/// each stay's position in the timeline and its bar. A stay takes the color of the period its
/// source names, else of the narrowest period it starts in.
pub(super) fn stay_bars(
    timeline: &Timeline,
    axis: &Axis,
    selection: &Selection,
) -> Vec<(usize, Bar)> {
    let period_of_stay = |source: Option<&str>, day: NaiveDate| {
        timeline
            .periods
            .iter()
            .position(|period| Some(period.title.as_str()) == source)
            .or_else(|| {
                (0..timeline.periods.len())
                    .filter(|&i| {
                        let span = &timeline.periods[i].span;
                        span.earliest() <= day && day <= span.latest()
                    })
                    .min_by_key(|&i| timeline.periods[i].span.span_days())
            })
    };
    let mut stays: Vec<usize> = (0..timeline.stays.len())
        .filter(|&s| {
            let stay = &timeline.stays[s];
            axis.span(stay.span.earliest(), stay.span.latest())
                .is_some()
                && selection.places.is_none_or(|set| {
                    set.contains(stay.place, stay.span.earliest().num_days_from_ce())
                })
        })
        .collect();
    stays.sort_by_key(|&s| (timeline.stays[s].span.earliest(), s));
    stays
        .into_iter()
        .map(|s| {
            let stay = &timeline.stays[s];
            let bar = Bar {
                first: stay.span.earliest(),
                last: stay.span.latest(),
                color: period_of_stay(stay.source.as_deref(), stay.span.earliest()),
            };
            (s, bar)
        })
        .collect()
}

/// One row per place, in the order of the first stay there, named as the place was called at
/// its first stay on the axis; a stay colored as [`stay_bars`] says.
pub(super) fn place_rows(
    timeline: &Timeline,
    axis: &Axis,
    selection: &Selection,
) -> Vec<(String, Vec<Bar>)> {
    let mut place_rows: Vec<(String, Vec<Bar>)> = Vec::new();
    let mut row_of_place: Vec<Option<usize>> = vec![None; timeline.places.len()];
    for (s, bar) in stay_bars(timeline, axis, selection) {
        let stay = &timeline.stays[s];
        match row_of_place[stay.place] {
            Some(row) => place_rows[row].1.push(bar),
            None => {
                row_of_place[stay.place] = Some(place_rows.len());
                let name = timeline.places[stay.place].name_on(bar.first.max(axis.first));
                place_rows.push((name.to_string(), vec![bar]));
            }
        }
    }
    place_rows
}

/// The cells as text, each run of one period's color painted once.
pub(super) fn paint_cells(cells: &[Cell], palette: &Palette) -> String {
    let mut text = String::new();
    let mut run = String::new();
    let mut run_color: Option<usize> = None;
    let flush = |run: &mut String, color: Option<usize>, text: &mut String| {
        match color {
            Some(i) => text.push_str(&palette.period(i, run)),
            None => text.push_str(run),
        }
        run.clear();
    };
    for &(ch, color) in cells {
        // Blanks join any run: they show no color.
        let color = if ch == ' ' { run_color } else { color };
        if color != run_color && !run.is_empty() {
            flush(&mut run, run_color, &mut text);
        }
        run_color = color;
        run.push(ch);
    }
    flush(&mut run, run_color, &mut text);
    text
}
