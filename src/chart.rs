//! `timeline chart`: the life as a picture along a time axis. A row per period and a row per
//! place of stay, drawn as bars of block characters (eighth blocks for the part of a column a bar
//! fills), a row of ticks where events fall, and a histogram of events per year (per month on an
//! axis shorter than three years). Everything fits the configured width; without Unicode the
//! same picture is drawn with `#`, `=`, `-` and `|`.

use std::io::{self, Write};

use chrono::{Datelike, Duration, NaiveDate};
use unicode_width::UnicodeWidthStr;

use crate::date::{Date, Precision};
use crate::index::Index;
use crate::render::{fit, truncate};
use crate::term::Palette;

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
    /// The days the filters asked for; an open end is `NaiveDate::MIN` or `MAX`. Without it the
    /// axis covers the subject's life in whole years.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// Only places of stay in this membership table (when the filters name a place).
    pub places: Option<&'a [bool]>,
}

/// How much of the room a whole-unit layout must use; below it the axis is linear instead.
const MIN_ALIGNED_PERCENT: usize = 75;

/// Histogram rows from this width up; fewer below it.
const TALL_FROM_WIDTH: usize = 120;

/// The unit the axis is counted in: histogram buckets, and the cells a whole-unit axis aligns to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Year,
    Month,
}

/// Maps days to (fractional) columns of the plot.
#[derive(Debug, Clone, Copy)]
struct Axis {
    first: NaiveDate,
    last: NaiveDate,
    unit: Unit,
    /// Plot columns.
    columns: usize,
    /// Columns per unit when every unit gets the same whole number of columns (so year
    /// boundaries fall between cells); `None` for a plain linear scale.
    per_unit: Option<usize>,
}

impl Axis {
    /// An axis over the inclusive days `first..=last`, in at most `room` columns. It counts in
    /// months when the span is under three years, or when every month can have a column and most
    /// events are known to the month; else in years. Whole units get whole columns when that
    /// wastes little of the room.
    ///
    /// `months_tell` says whether most events are known to the month, so that counting by month
    /// says more than counting by year.
    fn new(first: NaiveDate, last: NaiveDate, room: usize, months_tell: bool) -> Axis {
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
    fn unit_index(&self, day: NaiveDate) -> i64 {
        match self.unit {
            Unit::Year => (day.year() - self.first.year()) as i64,
            Unit::Month => {
                let months = |d: NaiveDate| d.year() as i64 * 12 + d.month0() as i64;
                months(day) - months(self.first)
            }
        }
    }

    /// The first day of unit `index`.
    fn unit_start(&self, index: i64) -> NaiveDate {
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
    fn position(&self, day: NaiveDate) -> f64 {
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
    fn span(&self, first: NaiveDate, last: NaiveDate) -> Option<(f64, f64)> {
        if last < self.first || first > self.last {
            return None;
        }
        let start = self.position(first.max(self.first));
        let end = self.position(last.min(self.last) + Duration::days(1));
        Some((start, end))
    }

    /// The column a day falls in, if on the axis.
    fn column(&self, day: NaiveDate) -> Option<usize> {
        (self.first..=self.last)
            .contains(&day)
            .then(|| (self.position(day) as usize).min(self.columns - 1))
    }
}

/// One bar of a row: inclusive days and the period whose color it takes.
#[derive(Debug, Clone, Copy)]
struct Bar {
    first: NaiveDate,
    last: NaiveDate,
    color: Option<usize>,
}

/// A character of the plot and the period color it is drawn in.
type Cell = (char, Option<usize>);

const LEFT_EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
const LOWER_EIGHTHS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The character for a cell a bar covers `coverage` (0–1) of. `enters` and `leaves` tell
/// whether the bar runs on past the cell's left and right edges; `centre` (0–1) is where the
/// covered part lies. Left eighth blocks draw a bar that ends in the cell; a bar that starts in
/// it can only be drawn by a right half or right eighth block, which Unicode has alone.
fn bar_char(coverage: f64, enters: bool, leaves: bool, centre: f64, unicode: bool) -> char {
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
fn bar_cells(bars: &[Bar], axis: &Axis, unicode: bool) -> Vec<Cell> {
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

/// The tick for a column with `count` events: a dot for one or two, a colon up to six, a bar
/// for more; the histogram below gives the exact scale.
fn tick_char(count: usize, unicode: bool) -> char {
    match (count, unicode) {
        (0, _) => ' ',
        (1..=2, true) => '·',
        (1..=2, false) => '.',
        (3..=6, _) => ':',
        (_, true) => '│',
        (_, false) => '|',
    }
}

/// "Childhood and family (1879–1895)" → "Childhood and family": the bar shows the years.
fn without_years(title: &str) -> &str {
    match title.rsplit_once(" (") {
        Some((head, tail)) if tail.ends_with(')') && tail.chars().any(|c| c.is_ascii_digit()) => {
            head
        }
        _ => title,
    }
}

/// The axis's days: the filters' range where given, the subject's life in whole years where not
/// (so a legacy event in 2001 does not stretch it), else the events' years.
fn axis_days(index: &Index, selection: &Selection) -> (NaiveDate, NaiveDate) {
    let timeline = index.timeline();
    let year_start = |d: NaiveDate| NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d);
    let year_end = |d: NaiveDate| NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d);
    let life = timeline.subject().and_then(|s| {
        let born = s.born.as_ref()?.earliest();
        let died = s.died.as_ref().map_or(born, |d| d.latest());
        Some((born, died))
    });
    let events = index.events();
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
fn range_words(first: NaiveDate, last: NaiveDate) -> String {
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

/// The selected events the axis has no tick for, and why.
#[derive(Debug, Default)]
struct LeftOff {
    /// Starting before the axis's first day (a span that began earlier).
    before: usize,
    /// Starting after its last day (a legacy after the subject's death).
    after: usize,
    /// Known only to the decade or century.
    coarse: usize,
}

impl LeftOff {
    /// "316 events", or "310 of 316 events" and the note "Not drawn: 6 after 1940".
    fn words(&self, ticked: usize, selected: usize, axis: &Axis) -> (String, Option<String>) {
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

/// Draws the chart of `selection` to `out`.
pub fn draw(
    out: &mut dyn Write,
    index: &Index,
    selection: &Selection,
    style: &Style,
) -> io::Result<()> {
    let timeline = index.timeline();
    let events = index.events();
    let unicode = style.unicode;
    let p = &style.palette;
    let label_width = (style.width / 5).clamp(10, 28);
    let (first, last) = axis_days(index, selection);
    let room = style.width.saturating_sub(label_width + 1);
    let in_range = |precision: Precision| {
        selection
            .events
            .iter()
            .map(|&i| events[i].date.start())
            .filter(|p| p.precision() <= precision && first <= p.earliest() && p.earliest() <= last)
            .count()
    };
    let months_tell = in_range(Precision::Month) * 2 >= in_range(Precision::Year).max(1);
    let axis = Axis::new(first, last, room, months_tell);

    let period_rows: Vec<(usize, &str, Bar)> = timeline
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
        .collect();

    // One row per place, in the order of the first stay there; a stay takes the color of the
    // period its source names, else of the narrowest period it starts in.
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
                && selection.places.is_none_or(|set| set[stay.place])
        })
        .collect();
    stays.sort_by_key(|&s| (timeline.stays[s].span.earliest(), s));
    let mut place_rows: Vec<(String, Vec<Bar>)> = Vec::new();
    let mut row_of_place: Vec<Option<usize>> = vec![None; timeline.places.len()];
    for s in stays {
        let stay = &timeline.stays[s];
        let bar = Bar {
            first: stay.span.earliest(),
            last: stay.span.latest(),
            color: period_of_stay(stay.source.as_deref(), stay.span.earliest()),
        };
        match row_of_place[stay.place] {
            Some(row) => place_rows[row].1.push(bar),
            None => {
                row_of_place[stay.place] = Some(place_rows.len());
                let name = timeline.places[stay.place].name_on(bar.first.max(axis.first));
                place_rows.push((name.to_string(), vec![bar]));
            }
        }
    }

    // Events are ticked at the middle of their start (a year's event mid-year); those known only
    // to the decade or century have no place on a year axis.
    // A monthly histogram counts only the events known to the month.
    let mut ticks = vec![0usize; axis.columns];
    let fine_enough = match axis.unit {
        Unit::Year => Precision::Year,
        Unit::Month => Precision::Month,
    };
    let mut per_unit: Vec<usize> = vec![0; axis.unit_index(axis.last) as usize + 1];
    let mut left_off = LeftOff::default();
    for &i in selection.events {
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
        if start.precision() <= fine_enough && (axis.first..=axis.last).contains(&start.earliest())
        {
            per_unit[axis.unit_index(start.earliest()) as usize] += 1;
        }
    }
    let ticked: usize = ticks.iter().sum();

    // Each column shows the busiest unit whose span holds its middle, or that starts in it.
    let mut histogram = vec![0usize; axis.columns];
    for (unit, &count) in per_unit.iter().enumerate() {
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
    let busiest = histogram.iter().copied().max().unwrap_or(0);
    let height = if style.width >= TALL_FROM_WIDTH { 8 } else { 6 };

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
    let (counted, note) = left_off.words(ticked, selection.events.len(), &axis);
    let title = format!("{}{separator}{range}{separator}{counted}", timeline.title);
    lines.push(p.title(&truncate(&title, style.width)));
    // What the axis leaves off is said, not hidden: under the title, wrapped to the width.
    for line in note
        .iter()
        .flat_map(|n| crate::render::wrap(n, style.width))
    {
        lines.push(p.dim(&line));
    }
    lines.push(format!("{blank} {}", p.dim(&labels)));
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
    let tick_row: String = ticks.iter().map(|&n| tick_char(n, unicode)).collect();
    let pad = " ".repeat(label_width.saturating_sub("Events".len()));
    lines.push(format!("{}{pad} {tick_row}", heading("Events")));
    if busiest > 0 {
        let per = match axis.unit {
            Unit::Year => "a year",
            Unit::Month => "a month",
        };
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
    }
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

/// The tick columns and the line of labels under them: years, or months (with the year at each
/// January) on a short axis, at the finest step that leaves room between labels. A label may run
/// past the plot into the `room` a whole-unit axis left unused.
fn axis_labels(axis: &Axis, room: usize) -> (Vec<usize>, String) {
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

/// The cells as text, each run of one period's color painted once.
fn paint_cells(cells: &[Cell], palette: &Palette) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn whole_years_get_whole_columns() {
        let axis = Axis::new(day(1879, 1, 1), day(1940, 12, 31), 63, true);
        assert_eq!((axis.columns, axis.per_unit), (62, Some(1)));
        let axis = Axis::new(day(1879, 1, 1), day(1940, 12, 31), 131, true);
        assert_eq!((axis.columns, axis.per_unit), (124, Some(2)));
        assert_eq!(axis.position(day(1880, 1, 1)), 2.0);
        assert_eq!(axis.column(day(1940, 12, 31)), Some(123));
        assert_eq!(axis.column(day(1941, 1, 1)), None);
        let short = Axis::new(day(1918, 3, 1), day(1918, 5, 31), 60, false);
        assert_eq!((short.unit, short.columns), (Unit::Month, 60));
        let ragged = Axis::new(day(1917, 11, 7), day(1921, 3, 1), 50, false);
        assert_eq!((ragged.per_unit, ragged.columns), (None, 50));
        // Three years in 63 columns: a column per month would waste too much, so linear months.
        let civil_war = Axis::new(day(1918, 1, 1), day(1920, 12, 31), 63, true);
        assert_eq!((civil_war.unit, civil_war.per_unit), (Unit::Month, None));
        let by_years = Axis::new(day(1918, 1, 1), day(1920, 12, 31), 63, false);
        assert_eq!((by_years.unit, by_years.per_unit), (Unit::Year, Some(21)));
        let one_year = Axis::new(day(1917, 1, 1), day(1917, 12, 31), 63, false);
        assert_eq!((one_year.per_unit, one_year.columns), (Some(5), 60));
    }

    #[test]
    fn partial_cells_use_eighths_and_right_blocks() {
        assert_eq!(bar_char(1.0, true, true, 0.5, true), '█');
        assert_eq!(bar_char(0.5, true, false, 0.25, true), '▌');
        assert_eq!(bar_char(0.125, true, false, 0.06, true), '▏');
        assert_eq!(bar_char(0.5, false, true, 0.75, true), '▐');
        assert_eq!(bar_char(0.1, false, true, 0.95, true), '▕');
        assert_eq!(bar_char(0.2, false, false, 0.8, true), '▕');
        assert_eq!(bar_char(0.0, false, false, 0.0, true), ' ');
        assert_eq!(bar_char(1.0, true, true, 0.5, false), '#');
        assert_eq!(bar_char(0.5, true, false, 0.25, false), '=');
        assert_eq!(bar_char(0.1, true, false, 0.05, false), '-');
    }

    #[test]
    fn a_bar_covers_its_columns() {
        let axis = Axis::new(day(1900, 1, 1), day(1909, 12, 31), 20, false);
        let bar = Bar {
            first: day(1901, 1, 1),
            last: day(1903, 3, 31),
            color: Some(0),
        };
        let cells: String = bar_cells(&[bar], &axis, true).iter().map(|c| c.0).collect();
        assert_eq!(cells, "  ████▌             ");
    }

    #[test]
    fn year_spans_in_titles_are_left_to_the_axis() {
        assert_eq!(
            without_years("Childhood and family (1879–1895)"),
            "Childhood and family"
        );
        assert_eq!(
            without_years("Head of the Red Army (spring 1918)"),
            "Head of the Red Army"
        );
        assert_eq!(without_years("Legacy"), "Legacy");
        assert_eq!(without_years("Exile (Prinkipo)"), "Exile (Prinkipo)");
    }

    #[test]
    fn the_range_in_words() {
        assert_eq!(range_words(day(1879, 1, 1), day(1940, 12, 31)), "1879–1940");
        assert_eq!(
            range_words(day(1918, 3, 1), day(1918, 5, 31)),
            "Mar–May 1918"
        );
        assert_eq!(
            range_words(day(1917, 11, 7), day(1917, 11, 8)),
            "7–8 Nov 1917"
        );
    }

    #[test]
    fn labels_never_overlap() {
        let axis = Axis::new(day(1879, 1, 1), day(1940, 12, 31), 63, true);
        let (ticks, labels) = axis_labels(&axis, 63);
        assert_eq!(ticks[0], 1);
        assert!(labels.starts_with(" 1880      1890"), "{labels:?}");
        // 1940 would run past the room, so it is left out rather than cut.
        assert!(labels.trim_end().ends_with("1920      1930"), "{labels:?}");
        assert_eq!(labels.chars().count(), 63);
    }
}
