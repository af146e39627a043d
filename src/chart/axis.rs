//! The chart's time axis: which days it covers, how days map to columns, and its labels.

use chrono::{Datelike, Duration, NaiveDate};

use super::{MIN_ALIGNED_PERCENT, Selection};
use crate::date::{Date, Precision};
use crate::index::Index;
use crate::model::Event;

/// The unit the axis is counted in: histogram buckets, and the cells a whole-unit axis aligns to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Year,
    Month,
}

/// Maps days to (fractional) columns of the plot.
#[derive(Debug, Clone, Copy)]
pub(super) struct Axis {
    pub(super) first: NaiveDate,
    pub(super) last: NaiveDate,
    pub(super) unit: Unit,
    /// Plot columns.
    pub(super) columns: usize,
    /// Columns per unit when every unit gets the same whole number of columns (so year
    /// boundaries fall between cells); `None` for a plain linear scale.
    pub(super) per_unit: Option<usize>,
}

impl Axis {
    /// An axis over the inclusive days `first..=last`, in at most `room` columns. It counts in
    /// months when the span is under three years, or when every month can have a column and most
    /// events are known to the month; else in years. Whole units get whole columns when that
    /// wastes little of the room.
    ///
    /// `months_tell` says whether most events are known to the month, so that counting by month
    /// says more than counting by year.
    pub(super) fn new(first: NaiveDate, last: NaiveDate, room: usize, months_tell: bool) -> Axis {
        let room = room.max(1);
        let months = |d: NaiveDate| d.year() as i64 * 12 + d.month0() as i64;
        let month_count = (months(last) - months(first) + 1) as usize;
        let short = (last - first).num_days() < 3 * 365;
        let unit = if short || (months_tell && month_count <= room) {
            Unit::Month
        } else {
            Unit::Year
        };
        let mut axis = Axis {
            first,
            last,
            unit,
            columns: room,
            per_unit: None,
        };
        let units = axis.unit_index(last) as usize + 1;
        let whole = axis.unit_start(0) == first
            && axis.unit_start(units as i64) == last + Duration::days(1);
        let aligned = units * (room / units);
        if whole && aligned * 100 >= room * MIN_ALIGNED_PERCENT {
            axis.per_unit = Some(room / units);
            axis.columns = aligned;
        }
        axis
    }

    /// Which unit of the axis `day` falls in (0 for the first; may run past either end).
    pub(super) fn unit_index(&self, day: NaiveDate) -> i64 {
        match self.unit {
            Unit::Year => (day.year() - self.first.year()) as i64,
            Unit::Month => {
                let months = |d: NaiveDate| d.year() as i64 * 12 + d.month0() as i64;
                months(day) - months(self.first)
            }
        }
    }

    /// The first day of unit `index`.
    pub(super) fn unit_start(&self, index: i64) -> NaiveDate {
        match self.unit {
            Unit::Year => NaiveDate::from_ymd_opt(self.first.year() + index as i32, 1, 1),
            Unit::Month => {
                let month = self.first.year() as i64 * 12 + self.first.month0() as i64 + index;
                NaiveDate::from_ymd_opt(
                    month.div_euclid(12) as i32,
                    month.rem_euclid(12) as u32 + 1,
                    1,
                )
            }
        }
        .unwrap_or(self.first)
    }

    /// The column position where `day` begins, clamped to the plot.
    pub(super) fn position(&self, day: NaiveDate) -> f64 {
        let position = match self.per_unit {
            Some(per_unit) => {
                let index = self.unit_index(day);
                let start = self.unit_start(index);
                let length = (self.unit_start(index + 1) - start).num_days() as f64;
                let within = (day - start).num_days() as f64 / length;
                (index as f64 + within) * per_unit as f64
            }
            None => {
                let days = (self.last - self.first).num_days() as f64 + 1.0;
                (day - self.first).num_days() as f64 / days * self.columns as f64
            }
        };
        position.clamp(0.0, self.columns as f64)
    }

    /// The columns `first..=last` cover, as a half-open range of positions; `None` when the days
    /// lie outside the axis.
    pub(super) fn span(&self, first: NaiveDate, last: NaiveDate) -> Option<(f64, f64)> {
        if last < self.first || first > self.last {
            return None;
        }
        let start = self.position(first.max(self.first));
        let end = self.position(last.min(self.last) + Duration::days(1));
        Some((start, end))
    }

    /// The column a day falls in, if on the axis.
    pub(super) fn column(&self, day: NaiveDate) -> Option<usize> {
        (self.first..=self.last)
            .contains(&day)
            .then(|| (self.position(day) as usize).min(self.columns - 1))
    }
}

/// The axis for `selection` in `room` columns: over [`axis_days`], counted in months when most
/// of the events it holds are known to the month (see [`Axis::new`]).
pub(super) fn axis_for(
    index: &Index,
    events: &[Event],
    selection: &Selection,
    room: usize,
) -> Axis {
    let (first, last) = axis_days(index, events, selection);
    let in_range = |precision: Precision| {
        selection
            .events
            .iter()
            .map(|&i| events[i].date.start())
            .filter(|p| p.precision() <= precision && first <= p.earliest() && p.earliest() <= last)
            .count()
    };
    let months_tell = in_range(Precision::Month) * 2 >= in_range(Precision::Year).max(1);
    Axis::new(first, last, room, months_tell)
}

/// The axis's days: the filters' range where given, the subject's life in whole years where not
/// (so a legacy event in 2001 does not stretch it), else the events' years.
fn axis_days(index: &Index, events: &[Event], selection: &Selection) -> (NaiveDate, NaiveDate) {
    let timeline = index.timeline();
    let year_start = |d: NaiveDate| NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d);
    let year_end = |d: NaiveDate| NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d);
    let life = timeline.subject().and_then(|s| {
        let born = s.born.as_ref()?.earliest();
        let died = s.died.as_ref().map_or(born, |d| d.latest());
        Some((born, died))
    });
    let all = || {
        let first = events.iter().map(|e| e.date.earliest()).min();
        let last = events.iter().map(|e| e.date.latest()).max();
        first.zip(last)
    };
    let today = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let (life_first, life_last) = life.or_else(all).unwrap_or((today, today));
    let (life_first, life_last) = (year_start(life_first), year_end(life_last));
    let selected =
        |pick: fn(&Date) -> NaiveDate| selection.events.iter().map(move |&i| pick(&events[i].date));
    match selection.range {
        None => (life_first, life_last),
        // An open end reaches the life's end, or, when the other end lies beyond the life, the
        // selected events there (else the other end's own year).
        Some((from, to)) if from == NaiveDate::MIN && to != NaiveDate::MAX && to < life_first => {
            let first = selected(|d| d.earliest()).min().filter(|&f| f <= to);
            (year_start(first.unwrap_or(to)), to)
        }
        Some((from, to)) if to == NaiveDate::MAX && from != NaiveDate::MIN && from > life_last => {
            // By the events' starts: a `20XX` event must not run the axis to 2099.
            let last = selected(|d| d.earliest()).max().filter(|&l| l >= from);
            (from, year_end(last.unwrap_or(from)))
        }
        Some((from, to)) => (
            if from == NaiveDate::MIN {
                life_first
            } else {
                from
            },
            if to == NaiveDate::MAX { life_last } else { to },
        ),
    }
}

/// The axis range in words: "1879–1940", "Mar–May 1918", "7 Nov 1917".
pub(super) fn range_words(first: NaiveDate, last: NaiveDate) -> String {
    let whole_years = first.ordinal() == 1 && (last + Duration::days(1)).ordinal() == 1;
    let whole_months = first.day() == 1 && (last + Duration::days(1)).day() == 1;
    let text = if whole_years && first.year() == last.year() {
        format!("{:04}", first.year())
    } else if whole_years {
        format!("{:04}/{:04}", first.year(), last.year())
    } else if whole_months && first.format("%Y-%m").to_string() == last.format("%Y-%m").to_string()
    {
        first.format("%Y-%m").to_string()
    } else if whole_months {
        format!("{}/{}", first.format("%Y-%m"), last.format("%Y-%m"))
    } else if first == last {
        first.to_string()
    } else {
        format!("{first}/{last}")
    };
    let words = Date::parse(&text).map(|d| d.words()).unwrap_or(text);
    if whole_years {
        words.replace(" – ", "–")
    } else {
        words
    }
}

/// The tick columns and the line of labels under them: years, or months (with the year at each
/// January) on a short axis, at the finest step that leaves room between labels. A label may run
/// past the plot into the `room` a whole-unit axis left unused.
pub(super) fn axis_labels(axis: &Axis, room: usize) -> (Vec<usize>, String) {
    const STEPS_IN_MONTHS: [i64; 11] = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200];
    const ROOM: f64 = 6.0;
    let days = (axis.last - axis.first).num_days() as f64 + 1.0;
    let columns_per_month = axis.columns as f64 / (days / 30.44);
    let step = STEPS_IN_MONTHS
        .iter()
        .copied()
        .find(|&s| s as f64 * columns_per_month >= ROOM)
        .unwrap_or(1200);
    let months = |d: NaiveDate| d.year() as i64 * 12 + d.month0() as i64;
    let mut ticks = Vec::new();
    let room = room.max(axis.columns);
    let mut line: Vec<char> = vec![' '; room];
    let mut free_from = 0;
    for month in months(axis.first)..=months(axis.last) {
        if month.rem_euclid(step) != 0 {
            continue;
        }
        let Some(day) = NaiveDate::from_ymd_opt(
            month.div_euclid(12) as i32,
            month.rem_euclid(12) as u32 + 1,
            1,
        ) else {
            continue;
        };
        let Some(column) = axis.column(day) else {
            continue;
        };
        ticks.push(column);
        let label = if day.month() == 1 {
            day.year().to_string()
        } else {
            day.format("%b").to_string()
        };
        let length = label.chars().count();
        if column >= free_from && column + length <= room {
            for (slot, c) in line[column..].iter_mut().zip(label.chars()) {
                *slot = c;
            }
            free_from = column + length + 1;
        }
    }
    (ticks, line.into_iter().collect())
}
