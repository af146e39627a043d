//! The chart's events: a row of ticks where they fall, a histogram of how many there are per
//! year (or month), and the count of those the axis has no place for.

use chrono::{Datelike, Duration, NaiveDate};
use unicode_width::UnicodeWidthStr;

use super::axis::{Axis, Unit};
use crate::date::Precision;
use crate::model::Event;
use crate::render::truncate;
use crate::term::Palette;

const LOWER_EIGHTHS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// for more; the histogram below gives the exact scale.
pub(super) fn tick_char(count: usize, unicode: bool) -> char {
    match (count, unicode) {
        (0, _) => ' ',
        (1..=2, true) => '·',
        (1..=2, false) => '.',
        (3..=6, _) => ':',
        (_, true) => '│',
        (_, false) => '|',
    }
}

/// The selected events the axis has no tick for, and why.
#[derive(Debug, Default)]
pub(super) struct LeftOff {
    /// Starting before the axis's first day (a span that began earlier).
    before: usize,
    /// Starting after its last day (a legacy after the subject's death).
    after: usize,
    /// Known only to the decade or century.
    coarse: usize,
}

impl LeftOff {
    /// "316 events", or "310 of 316 events" and the note "Not drawn: 6 after 1940".
    pub(super) fn words(
        &self,
        ticked: usize,
        selected: usize,
        axis: &Axis,
    ) -> (String, Option<String>) {
        let plural = |n: usize| if n == 1 { "event" } else { "events" };
        if ticked == selected {
            return (format!("{selected} {}", plural(selected)), None);
        }
        let year = |day: NaiveDate| format!("{:04}", day.year());
        let mut why = Vec::new();
        if self.before > 0 {
            why.push(format!(
                "{} starting before {}",
                self.before,
                year(axis.first)
            ));
        }
        if self.after > 0 {
            why.push(format!("{} after {}", self.after, year(axis.last)));
        }
        if self.coarse > 0 {
            why.push(format!(
                "{} dated only to the decade or century",
                self.coarse
            ));
        }
        (
            format!("{ticked} of {selected} events"),
            Some(format!("Not drawn: {}", why.join(", "))),
        )
    }
}

/// The selected events as the chart counts them.
#[derive(Debug)]
pub(super) struct Counts {
    /// Events per plot column, ticked at the middle of their start.
    pub(super) ticks: Vec<usize>,
    /// Events per unit of the axis (year or month), for the histogram: only those known to it.
    pub(super) per_unit: Vec<usize>,
    /// The events with no tick, and why.
    pub(super) left_off: LeftOff,
}

impl Counts {
    /// Counts `selected` (positions in `events`) on `axis`. Events are ticked at the middle of
    /// their start (a year's event mid-year); those known only to the decade or century have no
    /// place on a year axis. A monthly histogram counts only the events known to the month.
    pub(super) fn new(events: &[Event], selected: &[usize], axis: &Axis) -> Counts {
        let mut ticks = vec![0usize; axis.columns];
        let fine_enough = match axis.unit {
            Unit::Year => Precision::Year,
            Unit::Month => Precision::Month,
        };
        let mut per_unit: Vec<usize> = vec![0; axis.unit_index(axis.last) as usize + 1];
        let mut left_off = LeftOff::default();
        for &i in selected {
            let start = events[i].date.start();
            if start.precision() > Precision::Year {
                left_off.coarse += 1;
                continue;
            }
            let middle = start.earliest() + (start.latest() - start.earliest()) / 2;
            match axis.column(middle) {
                Some(column) => ticks[column] += 1,
                None if middle < axis.first => left_off.before += 1,
                None => left_off.after += 1,
            }
            if start.precision() <= fine_enough
                && (axis.first..=axis.last).contains(&start.earliest())
            {
                per_unit[axis.unit_index(start.earliest()) as usize] += 1;
            }
        }
        Counts {
            ticks,
            per_unit,
            left_off,
        }
    }

    /// The histogram's count per column: each column shows the busiest unit whose span holds
    /// its middle, or that starts in it.
    pub(super) fn histogram(&self, axis: &Axis) -> Vec<usize> {
        let mut histogram = vec![0usize; axis.columns];
        for (unit, &count) in self.per_unit.iter().enumerate() {
            let start = axis.position(axis.unit_start(unit as i64).max(axis.first));
            let end = axis.position(
                axis.unit_start(unit as i64 + 1)
                    .min(axis.last + Duration::days(1)),
            );
            let mut claimed = false;
            for (c, slot) in histogram.iter_mut().enumerate() {
                let middle = c as f64 + 0.5;
                if start <= middle && middle < end {
                    *slot = (*slot).max(count);
                    claimed = true;
                }
            }
            if !claimed {
                let c = (start as usize).min(axis.columns - 1);
                histogram[c] = histogram[c].max(count);
            }
        }
        histogram
    }
}

/// The histogram's `height` lines, the busiest count labelled on the first ("12 a year") within
/// `label_width`; none when no event was counted.
pub(super) fn histogram_lines(
    histogram: &[usize],
    unit: Unit,
    height: usize,
    label_width: usize,
    unicode: bool,
    p: &Palette,
) -> Vec<String> {
    let busiest = histogram.iter().copied().max().unwrap_or(0);
    if busiest == 0 {
        return Vec::new();
    }
    let per = match unit {
        Unit::Year => "a year",
        Unit::Month => "a month",
    };
    let mut lines = Vec::new();
    for row in 0..height {
        let label = match row {
            0 => format!("{busiest} {per}"),
            _ => String::new(),
        };
        let floor = (height - 1 - row) * 8;
        let cells: String = histogram
            .iter()
            .map(|&n| {
                let eighths = if n == 0 {
                    0
                } else {
                    ((n * height * 8) as f64 / busiest as f64).round().max(1.0) as usize
                };
                let level = eighths.saturating_sub(floor).min(8);
                match (level, unicode) {
                    (0, _) => ' ',
                    (l, true) => LOWER_EIGHTHS[l - 1],
                    (l, false) if l >= 4 => '#',
                    // A count too small for half a row still shows, at the bottom only.
                    (_, false) if floor == 0 => '.',
                    _ => ' ',
                }
            })
            .collect();
        let label = truncate(&label, label_width);
        let pad = " ".repeat(label_width - label.width());
        lines.push(format!("{pad}{} {cells}", p.dim(&label)));
    }
    lines
}
