//! `timeline chart --format svg`: the chart as a standalone SVG laid out for an A4 landscape page
//! (a viewBox of 842 × 595 points, so a point on screen is a point on paper and every text is
//! 9 pt or more printed). From the top: the title, the key events labelled with their dates over
//! a bar per year of how many events there were, the periods in lanes, the places of stay in one
//! row, and the year axis. The axis, the counts and the colors are the terminal chart's.
//!
//! No label is drawn over another: widths are measured conservatively and labels are stacked in
//! rows with leader lines (`svg_layout`); what goes on each part of the page is `svg_parts`'s.
//! Every text from the file is escaped for XML.

use std::fmt::Write as _;
use std::io::Write;

use chrono::{Datelike, NaiveDate};

use super::Selection;
use super::axis::{Axis, Unit, axis_for, range_words};
use super::counts::Counts;
use super::svg_layout::{
    BAR, GAP, LANE, MARGIN, OFFSET, PAGE_HEIGHT, PAGE_WIDTH, PLOT_LEFT, PLOT_RIGHT, Placed, ROW,
    SMALL, STRIP, TEXT, TITLE, fit_text, stack_labels, text_width,
};
use super::svg_parts::{Label, Periods, Stays, key_labels, period_layout, stay_layout};
use crate::error::Error;
use crate::index::Index;

/// Where the label rows may grow to before the periods give up lanes.
const KEY_ROWS: usize = 14;
const STAY_ROWS: usize = 8;

/// The terminal's six period colors (cyan, yellow, magenta, green, blue, red), for paper.
const COLORS: [&str; 6] = [
    "#1b9eb5", "#d4a200", "#b3479f", "#3f9b46", "#3b6fc4", "#cc4b3c",
];
const INK: &str = "#1a1a1a";
const GREY: &str = "#5a5a5a";
const RULE: &str = "#c8c8c8";

/// Draws the chart of `selection` as an SVG document to `out`.
pub fn draw_svg(out: &mut dyn Write, index: &Index, selection: &Selection) -> Result<(), Error> {
    let timeline = index.timeline();
    let events = index.events()?;
    // The terminal chart's axis at two points a column: a bar a year over a life, a bar a month
    // over a few years, as a terminal as wide as the page would draw it.
    let axis = axis_for(
        index,
        events,
        selection,
        ((PLOT_RIGHT - PLOT_LEFT) / 2.0) as usize,
    );
    let scale = (PLOT_RIGHT - PLOT_LEFT) / axis.columns.max(1) as f64;
    let x = |day: NaiveDate| PLOT_LEFT + axis.position(day) * scale;
    let counts = Counts::new(events, selection.events, &axis);
    let ticked: usize = counts.ticks.iter().sum();
    let (counted, not_drawn) = counts.left_off.words(ticked, selection.events.len(), &axis);

    let periods = period_layout(timeline, &axis, &x);
    let stays = stay_layout(timeline, &axis, selection, &x);
    let keys = key_labels(index, events, selection, &axis, &x)?;

    let mut notes: Vec<String> = not_drawn.into_iter().chain(keys.note.clone()).collect();
    // Stacked with all the rows they may have; again below only if rows must give way.
    let (key_places, stay_places) = (
        stack(&keys.labels, KEY_ROWS),
        stack(&stays.labels, STAY_ROWS),
    );
    let mut budget = Budget {
        key_rows: rows_used(&key_places),
        stay_rows: rows_used(&stay_places),
        lanes: periods.lanes_needed,
    };
    let stays_height = stays.lanes.max(1) as f64 * (BAR + 1.0);
    let fixed = |notes: usize| fixed_height(notes, stays_height);
    let crowded = budget.height() > PAGE_HEIGHT - fixed(notes.len());
    let room = PAGE_HEIGHT - fixed(notes.len() + usize::from(crowded));
    budget.shrink_to(room);
    let restack = |labels: &[Label], placed: Vec<Option<Placed>>, rows: usize| {
        // Stacked again in fewer rows than they took; in as many, the same.
        if rows < rows_used(&placed) {
            stack(labels, rows)
        } else {
            placed
        }
    };
    let key_places = restack(&keys.labels, key_places, budget.key_rows);
    let stay_places = restack(&stays.labels, stay_places, budget.stay_rows);
    notes.extend(no_room_note(
        &key_places,
        &stays,
        &stay_places,
        &periods,
        budget.lanes,
    ));
    // Room left over goes to the strip and the lanes, up to a point.
    let spare = (room - budget.height()).max(0.0);
    let strip = STRIP + (spare * 0.4).min(40.0);
    let lane = LANE + (spare * 0.4 / budget.lanes.max(1) as f64).min(6.0);

    let mut svg = String::new();
    let title = format!(
        "{} · {} · {counted}",
        timeline.title,
        range_words(axis.first, axis.last)
    );
    open_document(&mut svg, &title);
    let heading_lines: Vec<&String> = notes.iter().chain([&keys.heading]).collect();
    let mut y = draw_header(
        &mut svg,
        &title,
        &heading_lines,
        &busiest_words(&counts, &axis),
    );
    let grid_top = y + 4.0;
    y += ROW * budget.key_rows as f64 + 6.0;
    let strip_top = y;
    let strip_bottom = strip_top + strip;
    let periods_top = strip_bottom + ROW;
    let stays_top = periods_top + budget.lanes.max(1) as f64 * lane + ROW;
    let stay_rows_top = stays_top + stays_height + 2.0;
    let axis_y = stay_rows_top + budget.stay_rows as f64 * ROW + 8.0;

    draw_grid(&mut svg, &axis, &x, grid_top, axis_y);
    draw_strip(&mut svg, &axis, &counts, &x, strip_bottom, strip);
    let key_row = |row: usize| strip_top - 5.0 - row as f64 * ROW;
    draw_labels(
        &mut svg,
        &keys.labels,
        &key_places,
        key_row,
        strip_top,
        true,
    );
    heading(&mut svg, periods_top - 3.0, "Periods");
    draw_periods(
        &mut svg,
        timeline,
        &periods,
        budget.lanes,
        periods_top,
        lane,
    );
    heading(&mut svg, stays_top - 3.0, "Places of stay");
    draw_stays(&mut svg, &stays, stays_top);
    let stay_row = |row: usize| stay_rows_top + 9.0 + row as f64 * ROW;
    let under_stays = stays_top + stays_height - 1.0;
    draw_labels(
        &mut svg,
        &stays.labels,
        &stay_places,
        stay_row,
        under_stays,
        false,
    );
    draw_axis(&mut svg, &axis, &x, axis_y);
    svg.push_str("</svg>\n");
    out.write_all(svg.as_bytes())?;
    Ok(())
}

/// The height of what are not rows that may give way: the header with `notes` lines, the strip,
/// the headings, the stays (`stays_height`), the axis.
fn fixed_height(notes: usize, stays_height: f64) -> f64 {
    let header = MARGIN + TITLE + 6.0 + ROW * (notes + 1) as f64 + 6.0;
    header + STRIP + 2.0 * ROW + stays_height + 8.0 + 24.0 + MARGIN
}

/// The title, the notes under it and the key events' heading with `busiest` at its right end;
/// the baseline of that last line.
fn draw_header(svg: &mut String, title: &str, lines: &[&String], busiest: &str) -> f64 {
    let mut y = MARGIN + TITLE;
    let shown = fit_text(title, TITLE, PLOT_RIGHT - PLOT_LEFT);
    text(svg, PLOT_LEFT, y, TITLE, "title", &shown, INK);
    y += 6.0;
    for line in lines {
        y += ROW;
        let line = fit_text(line, SMALL, PLOT_RIGHT - PLOT_LEFT);
        text(svg, PLOT_LEFT, y, SMALL, "note", &line, GREY);
    }
    let left = PLOT_RIGHT - text_width(busiest, SMALL);
    text(svg, left, y, SMALL, "note", busiest, GREY);
    y
}

/// "bars: events a year, at most 31"; empty when no event is counted.
fn busiest_words(counts: &Counts, axis: &Axis) -> String {
    let per = match axis.unit {
        Unit::Year => "a year",
        Unit::Month => "a month",
    };
    match counts.per_unit.iter().copied().max().filter(|&n| n > 0) {
        Some(busiest) => format!("bars: events {per}, at most {busiest}"),
        None => String::new(),
    }
}

/// What the page had no room for, said in one line: key-event labels, place names, periods.
fn no_room_note(
    key_places: &[Option<Placed>],
    stays: &Stays,
    stay_places: &[Option<Placed>],
    periods: &Periods,
    lanes: usize,
) -> Option<String> {
    let missing = |placed: &[Option<Placed>]| placed.iter().filter(|p| p.is_none()).count();
    let unlaned = periods
        .lane
        .iter()
        .filter(|l| l.is_none_or(|l| l >= lanes))
        .count();
    let parts: Vec<String> = [
        (missing(key_places), key_places.len(), "key events labelled"),
        (stays.dropped, stays.all, "stays drawn"),
        (
            missing(stay_places),
            stays.labels.len(),
            "place names below the stays shown",
        ),
        (unlaned, periods.lane.len(), "periods drawn"),
    ]
    .into_iter()
    .filter(|&(missing, _, _)| missing > 0)
    .map(|(missing, all, what)| format!("{} of {all} {what}", all - missing))
    .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "No room for all: {} (a shorter span, --in or --from/--to, has room)",
            parts.join(", ")
        )
    })
}

/// How many rows and lanes each part gets on the page.
#[derive(Debug)]
struct Budget {
    key_rows: usize,
    stay_rows: usize,
    lanes: usize,
}

impl Budget {
    /// The height of the rows and lanes.
    fn height(&self) -> f64 {
        (self.key_rows + self.stay_rows) as f64 * ROW + self.lanes.max(1) as f64 * LANE
    }

    /// Gives up rows until everything fits `room` points: key-event rows first (down to three),
    /// then rows of place names (down to two), then lanes of periods.
    fn shrink_to(&mut self, room: f64) {
        while self.height() > room {
            if self.key_rows > 3 {
                self.key_rows -= 1;
            } else if self.stay_rows > 2 {
                self.stay_rows -= 1;
            } else if self.lanes > 1 {
                self.lanes -= 1;
            } else {
                break;
            }
        }
    }
}

fn stack(labels: &[Label], rows: usize) -> Vec<Option<Placed>> {
    let spans: Vec<(f64, [f64; 2])> = labels
        .iter()
        .map(|l| (l.anchor, [l.forms[0].2, l.forms[1].2]))
        .collect();
    stack_labels(&spans, PLOT_LEFT, PLOT_RIGHT, rows, GAP)
}

fn rows_used(placed: &[Option<Placed>]) -> usize {
    placed
        .iter()
        .flatten()
        .map(|p| p.row + 1)
        .max()
        .unwrap_or(0)
}

/// The XML header, the page size, the styles and the title.
fn open_document(svg: &mut String, title: &str) {
    let _ = write!(
        svg,
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"297mm\" height=\"210mm\" ",
            "viewBox=\"0 0 {w} {h}\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">\n",
            "<title>{title}</title>\n",
            "<style>text {{ paint-order: stroke; stroke: #fff; stroke-width: 2.5px; ",
            "stroke-linejoin: round; }} text.inside {{ stroke: none; }}</style>\n",
            "<rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>\n",
        ),
        w = PAGE_WIDTH,
        h = PAGE_HEIGHT,
        title = escape(title),
    );
}

/// A text element; `content` is escaped here.
fn text(svg: &mut String, x: f64, y: f64, size: f64, class: &str, content: &str, fill: &str) {
    text_anchored(svg, (x, y, ""), size, class, content, fill);
}

/// A text element at `(x, y, anchor)`: `anchor` is an SVG `text-anchor` (`end` sets the text's
/// right end at `x`), or empty for its start.
fn text_anchored(
    svg: &mut String,
    (x, y, anchor): (f64, f64, &str),
    size: f64,
    class: &str,
    content: &str,
    fill: &str,
) {
    if content.is_empty() {
        return;
    }
    let weight = if class == "title" {
        " font-weight=\"bold\""
    } else {
        ""
    };
    let anchor = if anchor.is_empty() {
        String::new()
    } else {
        format!(" text-anchor=\"{anchor}\"")
    };
    let _ = writeln!(
        svg,
        "<text class=\"{class}\" x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size}\" fill=\"{fill}\"{weight}{anchor}>{}</text>",
        escape(content)
    );
}

fn heading(svg: &mut String, y: f64, title: &str) {
    text(svg, PLOT_LEFT, y, SMALL, "heading", title, GREY);
}

/// Light vertical lines at the axis's labelled years, under everything.
fn draw_grid(svg: &mut String, axis: &Axis, x: &dyn Fn(NaiveDate) -> f64, top: f64, bottom: f64) {
    for (day, _) in axis_ticks(axis, x) {
        let at = x(day);
        let _ = writeln!(
            svg,
            "<line class=\"grid\" x1=\"{at:.1}\" y1=\"{top:.1}\" x2=\"{at:.1}\" y2=\"{bottom:.1}\" stroke=\"#ececec\" stroke-width=\"0.6\"/>"
        );
    }
}

/// A bar per year (or month) of how many events there were, with the busiest count.
fn draw_strip(
    svg: &mut String,
    axis: &Axis,
    counts: &Counts,
    x: &dyn Fn(NaiveDate) -> f64,
    bottom: f64,
    strip: f64,
) {
    let busiest = counts.per_unit.iter().copied().max().unwrap_or(0);
    let _ = writeln!(
        svg,
        "<line x1=\"{PLOT_LEFT}\" y1=\"{bottom:.1}\" x2=\"{PLOT_RIGHT}\" y2=\"{bottom:.1}\" stroke=\"{RULE}\" stroke-width=\"0.6\"/>"
    );
    if busiest == 0 {
        return;
    }
    for (unit, &count) in counts.per_unit.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let start = x(axis.unit_start(unit as i64).max(axis.first));
        let end = x(axis
            .unit_start(unit as i64 + 1)
            .min(axis.last + chrono::Duration::days(1)));
        let height = (strip - 4.0) * count as f64 / busiest as f64;
        let _ = writeln!(
            svg,
            "<rect class=\"count\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.2}\" height=\"{height:.2}\" fill=\"#9a9a9a\"><title>{count}</title></rect>",
            start + 0.3,
            bottom - height,
            (end - start - 0.6).max(0.3),
        );
    }
}

/// Labels in their rows with leader lines to their anchors: above `from` when `up`, else below.
fn draw_labels(
    svg: &mut String,
    labels: &[Label],
    placed: &[Option<Placed>],
    baseline: impl Fn(usize) -> f64,
    from: f64,
    up: bool,
) {
    // Key events above their bars, place names below theirs.
    let class = if up { "key" } else { "place" };
    for (label, place) in labels.iter().zip(placed) {
        let Some(place) = place else { continue };
        let y = baseline(place.row);
        // The leader ends beside its text, at the middle of its lower-case letters.
        let to = y - 3.0;
        let a = label.anchor;
        let _ = writeln!(
            svg,
            "<line class=\"leader\" x1=\"{a:.1}\" y1=\"{from:.1}\" x2=\"{a:.1}\" y2=\"{to:.1}\" stroke=\"{GREY}\" stroke-width=\"0.5\"/>"
        );
        if up {
            let _ = writeln!(
                svg,
                "<circle cx=\"{a:.1}\" cy=\"{from:.1}\" r=\"2\" fill=\"{INK}\"/>"
            );
        }
        // A text left of its leader ends at it (set by its end: a real text is narrower than
        // its estimate, and would stop short of the line).
        let (x, end) = if place.x < a {
            (a - OFFSET, " text-anchor=\"end\"")
        } else {
            (place.x, "")
        };
        let _ = writeln!(
            svg,
            "<text class=\"label {class}\" x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{TEXT}\" fill=\"{INK}\"{end}><title>{}</title>{}<tspan fill=\"{GREY}\">{}</tspan></text>",
            escape(&label.tooltip),
            escape(&label.forms[place.form].0),
            escape(&label.forms[place.form].1),
        );
    }
}

fn draw_periods(
    svg: &mut String,
    timeline: &crate::model::Timeline,
    periods: &Periods,
    lanes: usize,
    top: f64,
    lane_height: f64,
) {
    for (bar, lane) in periods.bars.iter().zip(&periods.lane) {
        let Some(lane) = lane.filter(|&l| l < lanes) else {
            continue;
        };
        let y = top + lane as f64 * lane_height;
        let color = COLORS[bar.color % COLORS.len()];
        let title = &timeline.periods[bar.color].title;
        let _ = writeln!(
            svg,
            "<rect class=\"period\" x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.2}\" height=\"{BAR}\" fill=\"{color}\" fill-opacity=\"0.22\" stroke=\"{color}\" stroke-width=\"0.8\"><title>{}</title></rect>",
            bar.start,
            bar.end - bar.start,
            escape(title),
        );
        let inside = bar.label_x >= bar.start && bar.label_x < bar.end;
        let class = if inside { "label inside" } else { "label" };
        // A label before its bar ends next to it, as a label after it starts next to it.
        let at = if bar.label_x < bar.start {
            (bar.start - GAP, y + 9.0, "end")
        } else {
            (bar.label_x, y + 9.0, "")
        };
        text_anchored(svg, at, TEXT, class, &bar.label, INK);
    }
}

fn draw_stays(svg: &mut String, stays: &Stays, top: f64) {
    for &(start, end, color, lane) in &stays.bars {
        let y = top + lane as f64 * (BAR + 1.0);
        let fill = color.map_or("#bbbbbb", |c| COLORS[c % COLORS.len()]);
        let _ = writeln!(
            svg,
            "<rect class=\"stay\" x=\"{start:.1}\" y=\"{y:.1}\" width=\"{:.2}\" height=\"{BAR}\" fill=\"{fill}\" fill-opacity=\"0.3\" stroke=\"#fff\" stroke-width=\"0.6\"/>",
            end - start
        );
    }
    for (x, lane, name) in &stays.inside {
        let y = top + *lane as f64 * (BAR + 1.0) + 9.0;
        text(svg, *x, y, TEXT, "label inside", name, INK);
    }
}

/// The days the axis labels, at the finest step that leaves room between its labels.
fn axis_ticks(axis: &Axis, x: &dyn Fn(NaiveDate) -> f64) -> Vec<(NaiveDate, String)> {
    const STEPS_IN_MONTHS: [i64; 13] = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 6000, 12000];
    let days = (axis.last - axis.first).num_days() as f64 + 1.0;
    let points_per_month = (PLOT_RIGHT - PLOT_LEFT) / (days / 30.44);
    let room = text_width("0000", SMALL) + 10.0;
    let step = STEPS_IN_MONTHS
        .iter()
        .copied()
        .find(|&s| s as f64 * points_per_month >= room)
        .unwrap_or(12000);
    let months = |d: NaiveDate| d.year() as i64 * 12 + d.month0() as i64;
    let first = months(axis.first);
    let start = first + (step - first.rem_euclid(step)) % step;
    let mut ticks = Vec::new();
    let mut month = start;
    while month <= months(axis.last) {
        let day = NaiveDate::from_ymd_opt(
            month.div_euclid(12) as i32,
            month.rem_euclid(12) as u32 + 1,
            1,
        );
        if let Some(day) = day.filter(|d| axis.column(*d).is_some()) {
            let label = if day.month() == 1 {
                format!("{:04}", day.year())
            } else {
                day.format("%b").to_string()
            };
            ticks.push((day, label));
        }
        month += step;
    }
    let _ = x;
    ticks
}

/// The axis line, a tick and a label at each labelled day, each label kept on the page.
fn draw_axis(svg: &mut String, axis: &Axis, x: &dyn Fn(NaiveDate) -> f64, y: f64) {
    let _ = writeln!(
        svg,
        "<line x1=\"{PLOT_LEFT}\" y1=\"{y:.1}\" x2=\"{PLOT_RIGHT}\" y2=\"{y:.1}\" stroke=\"{GREY}\" stroke-width=\"0.8\"/>"
    );
    for (day, label) in axis_ticks(axis, x) {
        let at = x(day);
        let _ = writeln!(
            svg,
            "<line x1=\"{at:.1}\" y1=\"{y:.1}\" x2=\"{at:.1}\" y2=\"{:.1}\" stroke=\"{GREY}\" stroke-width=\"0.8\"/>",
            y + 4.0
        );
        let width = text_width(&label, SMALL);
        let left = (at - width / 2.0).clamp(PLOT_LEFT, PLOT_RIGHT - width);
        text(svg, left, y + 14.0, SMALL, "axis", &label, GREY);
    }
}

/// `text` for XML character data and attribute values: the five markup characters escaped, and
/// what XML 1.0 cannot hold (controls, noncharacters) and what reorders text (bidi controls)
/// written out visibly, as the terminal shows them.
pub(super) fn escape(text: &str) -> String {
    let visible = crate::error::visible(text);
    let mut escaped = String::with_capacity(visible.len());
    for c in visible.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\u{fffe}' | '\u{ffff}' => escaped.push('\u{fffd}'),
            c => escaped.push(c),
        }
    }
    escaped
}
