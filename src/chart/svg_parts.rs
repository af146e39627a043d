//! What the SVG chart shows, laid out across the page: the periods in lanes with their labels
//! beside them, the places of stay in a row with their names, and the key events' labels; the
//! page (`svg`) stacks them and draws them.

use chrono::NaiveDate;

use super::Selection;
use super::axis::Axis;
use super::bars::{Bar, period_rows, stay_bars};
use super::svg_layout::{
    GAP, KEY_LABEL_MAX, LABEL_MAX, PLOT_LEFT, PLOT_RIGHT, TEXT, fit_text, pack_lanes, text_width,
};
use crate::date::Precision;
use crate::error::Error;
use crate::index::Index;
use crate::model::Event;
use crate::view::Views;

/// With no key events among them, this many events or fewer are labelled all.
const FEW: usize = 12;

/// A label that may need a row of its own: where it points, its text and its text's width.
#[derive(Debug, Clone)]
pub(super) struct Label {
    pub(super) anchor: f64,
    /// The label at length and cut shorter (the same where it is short): each a main text, a
    /// second part drawn in grey (the date), and their width.
    pub(super) forms: [(String, String, f64); 2],
    /// The whole text, shown on hovering in a browser.
    pub(super) tooltip: String,
}

impl Label {
    /// A label at `anchor`: `texts[0]` and `aside` in at most `rooms[0]` points, or `texts[1]`
    /// and `aside` in `rooms[1]` where that is all there is room for; a text is cut before its
    /// aside (the date) is.
    pub(super) fn new(
        anchor: f64,
        texts: [&str; 2],
        aside: &str,
        rooms: [f64; 2],
        tooltip: String,
    ) -> Label {
        let form = |text: &str, room: f64| {
            let cut = fit_text(text, TEXT, (room - text_width(aside, TEXT)).max(room / 2.0));
            let aside = fit_text(aside, TEXT, room - text_width(&cut, TEXT));
            let width = text_width(&cut, TEXT) + text_width(&aside, TEXT);
            (cut, aside, width)
        };
        Label {
            anchor,
            forms: [form(texts[0], rooms[0]), form(texts[1], rooms[1])],
            tooltip,
        }
    }
}

/// The periods on the axis, each a bar with its label inside, after or before it, in lanes.
pub(super) struct Periods {
    pub(super) bars: Vec<PeriodBar>,
    /// The lane of each bar, `None` where the lanes ran out.
    pub(super) lane: Vec<Option<usize>>,
    pub(super) lanes_needed: usize,
}

pub(super) struct PeriodBar {
    pub(super) color: usize,
    pub(super) start: f64,
    pub(super) end: f64,
    pub(super) label: String,
    pub(super) label_x: f64,
}

pub(super) fn period_layout(
    timeline: &crate::model::Timeline,
    axis: &Axis,
    x: &dyn Fn(NaiveDate) -> f64,
) -> Periods {
    let mut bars: Vec<PeriodBar> = period_rows(timeline, axis)
        .into_iter()
        .map(|(i, title, bar)| {
            let (start, end) = bar_span(&bar, axis, x);
            let (label, label_x) = beside(title, start, end);
            PeriodBar {
                color: i,
                start,
                end,
                label,
                label_x,
            }
        })
        .collect();
    let extent = |b: &PeriodBar| {
        let label_end = b.label_x + text_width(&b.label, TEXT);
        (b.start.min(b.label_x), b.end.max(label_end))
    };
    bars.sort_by(|a, b| extent(a).0.total_cmp(&extent(b).0));
    let spans: Vec<(f64, f64)> = bars.iter().map(extent).collect();
    let lane = pack_lanes(&spans, GAP * 2.0, 64);
    let lanes_needed = lane.iter().flatten().map(|l| l + 1).max().unwrap_or(0);
    Periods {
        bars,
        lane,
        lanes_needed,
    }
}

/// A bar's left and right ends on the page, at least a point wide so a day's period shows.
pub(super) fn bar_span(bar: &Bar, axis: &Axis, x: &dyn Fn(NaiveDate) -> f64) -> (f64, f64) {
    let start = x(bar.first.max(axis.first));
    let end = x(bar.last.min(axis.last) + chrono::Duration::days(1));
    (start, end.max(start + 1.0))
}

/// Where a bar's label goes: inside it when it fits, else after it, else before it, else cut to
/// the wider of those rooms. The label and the left end of its text.
pub(super) fn beside(title: &str, start: f64, end: f64) -> (String, f64) {
    let width = text_width(title, TEXT);
    if width + 6.0 <= end - start {
        return (title.to_string(), start + 3.0);
    }
    let after = PLOT_RIGHT - end - GAP;
    let before = start - PLOT_LEFT - GAP;
    let inside = end - start - 6.0;
    if width <= after.min(LABEL_MAX) {
        (title.to_string(), end + GAP)
    } else if width <= before.min(LABEL_MAX) {
        (title.to_string(), start - GAP - width)
    } else if after >= before && after >= inside {
        (fit_text(title, TEXT, after.min(LABEL_MAX)), end + GAP)
    } else if before >= inside {
        let label = fit_text(title, TEXT, before.min(LABEL_MAX));
        let width = text_width(&label, TEXT);
        (label, start - GAP - width)
    } else {
        (fit_text(title, TEXT, inside), start + 3.0)
    }
}

/// The places of stay in one row: each stay a bar (a stay overlapping the one before by more
/// than half of itself goes to a lane below, up to [`STAY_LANES`]), named inside where the name
/// fits, else below.
pub(super) struct Stays {
    /// Left and right ends, period color, lane.
    pub(super) bars: Vec<(f64, f64, Option<usize>, usize)>,
    /// Names inside their bars: left end, lane, text.
    pub(super) inside: Vec<(f64, usize, String)>,
    /// Names that need a row below the bars.
    pub(super) labels: Vec<Label>,
    /// Lanes of bars (one unless stays overlap).
    pub(super) lanes: usize,
    /// Stays with no lane left, and all the axis shows.
    pub(super) dropped: usize,
    pub(super) all: usize,
}

/// Lanes for stays that overlap (which a life's stays should not).
pub(super) const STAY_LANES: usize = 3;

/// A run of bars at one place under one name, named once: left and right ends, place, name.
pub(super) struct Run {
    start: f64,
    end: f64,
    place: usize,
    name: String,
}

pub(super) fn stay_layout(
    timeline: &crate::model::Timeline,
    axis: &Axis,
    selection: &Selection,
    x: &dyn Fn(NaiveDate) -> f64,
) -> Stays {
    let on_axis = stay_bars(timeline, axis, selection);
    let mut stays = Stays {
        bars: Vec::new(),
        inside: Vec::new(),
        labels: Vec::new(),
        lanes: 0,
        dropped: 0,
        all: on_axis.len(),
    };
    // Per lane: where its last bar ends, and its runs.
    let mut lane_ends: Vec<f64> = Vec::new();
    let mut runs: Vec<Vec<Run>> = Vec::new();
    for (s, bar) in on_axis {
        let (start, end) = bar_span(&bar, axis, x);
        let place = timeline.stays[s].place;
        let name = timeline.places[place].name_on(bar.first.max(axis.first));
        let free = lane_ends
            .iter()
            .position(|&e| e <= start + (end - start) / 2.0);
        let lane = match free {
            Some(lane) => lane,
            None if lane_ends.len() < STAY_LANES => {
                lane_ends.push(f64::MIN);
                runs.push(Vec::new());
                lane_ends.len() - 1
            }
            None => {
                stays.dropped += 1;
                continue;
            }
        };
        let start = start.max(lane_ends[lane]);
        lane_ends[lane] = end.max(start);
        stays.bars.push((start, end.max(start), bar.color, lane));
        // A stay right after one at the same place, under the same name, extends its run.
        match runs[lane].last_mut() {
            Some(run) if run.place == place && run.name == name && start <= run.end + 0.5 => {
                run.end = run.end.max(end)
            }
            _ => runs[lane].push(Run {
                start,
                end,
                place,
                name: name.to_string(),
            }),
        }
    }
    stays.lanes = lane_ends.len();
    for (lane, run) in runs
        .into_iter()
        .enumerate()
        .flat_map(|(lane, runs)| runs.into_iter().map(move |run| (lane, run)))
    {
        let width = text_width(&run.name, TEXT);
        if width + 6.0 <= run.end - run.start {
            stays.inside.push((run.start + 3.0, lane, run.name));
        } else {
            let anchor = (run.start + run.end) / 2.0;
            let name = run.name.as_str();
            let label = Label::new(anchor, [name, name], "", [LABEL_MAX; 2], name.to_string());
            stays.labels.push(label);
        }
    }
    stays
}

/// The key events to label, and what the chart says about them.
pub(super) struct Keys {
    pub(super) labels: Vec<Label>,
    pub(super) heading: String,
    pub(super) note: Option<String>,
}

/// The selected key events on the axis, labelled "title, date"; with none among the selection,
/// all of a few selected events, else none (and a note saying how to have some).
pub(super) fn key_labels(
    index: &Index,
    events: &[Event],
    selection: &Selection,
    axis: &Axis,
    x: &dyn Fn(NaiveDate) -> f64,
) -> Result<Keys, Error> {
    let anchor = |event: &Event| {
        let start = event.date.start();
        let middle = start.earliest() + (start.latest() - start.earliest()) / 2;
        (start.precision() <= Precision::Year && axis.column(middle).is_some())
            .then(|| x(middle).clamp(PLOT_LEFT, PLOT_RIGHT))
    };
    let drawn: Vec<usize> = selection
        .events
        .iter()
        .copied()
        .filter(|&i| anchor(&events[i]).is_some())
        .collect();
    let key: Vec<usize> = drawn.iter().copied().filter(|&i| events[i].key).collect();
    let (chosen, heading, note) = if !key.is_empty() {
        (key, "Key events", None)
    } else if drawn.len() <= FEW {
        (drawn, "Events", None)
    } else {
        let note = format!(
            "None of the {} events drawn is a key event (key: true in the file), so none is labelled",
            drawn.len()
        );
        (Vec::new(), "Events", Some(note))
    };
    let views = Views::new(index);
    let labels = chosen
        .iter()
        .map(|&i| {
            let event = &events[i];
            let date = views.date_parts(event).to_string();
            // The New Style day as every view writes it; the Old Style one is in the tooltip.
            let aside = format!(", {}", date.split(" [O.S.").next().unwrap_or(&date));
            // The short form is the event's title cut to its room. (Where events have a short
            // name for where room is short, it is that.)
            let short = event.label.as_deref().unwrap_or(&event.title);
            Label::new(
                anchor(event).unwrap_or(PLOT_LEFT),
                [&event.title, short],
                &aside,
                [LABEL_MAX, KEY_LABEL_MAX],
                format!("{}, {date}", event.title),
            )
        })
        .collect();
    Ok(Keys {
        labels,
        heading: heading.to_string(),
        note,
    })
}
