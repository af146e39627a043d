//! `timeline around DATE`: what the subject's life was like then — where they lived, the periods,
//! their age, and the events near the date, in a window that suits the date's precision.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::date::{Date, Precision, day_words};
use crate::error::Error;
use crate::index::{Index, Query};
use crate::load::trust::{FIRST_YEAR, LAST_YEAR};
use crate::view::{EventRow, Views};

/// The days either side of a date that "near" reaches, by how finely the date is known: a week
/// around a day, a fortnight around a month or a season, none around a year or coarser (the year
/// itself is wide enough).
///
/// ```
/// use timeline::around::margin_days;
/// use timeline::date::Precision;
/// assert_eq!(margin_days(Precision::Day), 7);
/// assert_eq!(margin_days(Precision::Month), 15);
/// assert_eq!(margin_days(Precision::Year), 0);
/// ```
pub fn margin_days(precision: Precision) -> u32 {
    match precision {
        Precision::Day => 7,
        Precision::Month | Precision::Season => 15,
        _ => 0,
    }
}

/// A stay that covers the date.
#[derive(Debug, Clone, Serialize)]
pub struct StayRow {
    /// The place's name as it was then.
    pub place: String,
    /// The place's id.
    pub place_id: String,
    /// The stay's span in words.
    pub date: String,
    /// What the stay was (school, prison, exile…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A period the date falls in.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodRef {
    /// Its id, for `--in`.
    pub id: String,
    /// Its title.
    pub title: String,
}

/// The life around one date.
#[derive(Debug, Clone, Serialize)]
pub struct Around {
    /// The date asked for, in words.
    pub date: String,
    /// The subject's age then, e.g. "38" or "37–38".
    pub age: Option<String>,
    /// Where the subject was living: the stays covering the date (none, one, or several when the
    /// date is coarse enough to span a move).
    pub stay: Vec<StayRow>,
    /// The periods the date falls in.
    pub periods: Vec<PeriodRef>,
    /// First day of the window searched for events (ISO 8601).
    pub from: String,
    /// Last day of the window (ISO 8601).
    pub to: String,
    /// The window in words: "31 Oct – 14 Nov 1917".
    pub window: String,
    /// The events that begin or end in the window, in date order.
    pub events: Vec<EventRow>,
    /// The events going on at the time: begun before the window and ending after it.
    pub ongoing: Vec<EventRow>,
    /// When no event is near: the last event before the window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<EventRow>,
    /// When no event is near: the first event after the window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<EventRow>,
}

impl Around {
    /// The life around `date`, with `days` either side (else [`margin_days`] of its precision);
    /// with `key`, only the key events count as near, before and after.
    pub fn new(index: &Index, date: &Date, days: Option<u32>, key: bool) -> Result<Around, Error> {
        let timeline = index.timeline();
        let views = Views::new(index);
        let margin = i64::from(days.unwrap_or_else(|| margin_days(date.start().precision())));
        // The window keeps to the years a date may have (it read "27 Dec 0 – 10 Jan 1").
        let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN);
        let last = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MAX);
        let shift = |day: NaiveDate, by: i64| {
            let shifted = day.checked_add_signed(Duration::days(by)).unwrap_or(day);
            shifted.clamp(first.min(day), last.max(day))
        };
        let (from, to) = (
            shift(date.earliest(), -margin),
            shift(date.latest(), margin),
        );
        let query = Query {
            range: Some((from, to)),
            key,
            ..Query::default()
        };
        // Rows say whether each event certainly falls in the window, or only possibly does.
        views.judge_within(vec![(from, to)]);
        let all = index.events()?;
        // Going on: certainly begun before the window and certainly ending after it. An event
        // known more coarsely than the window (1917, around 7 Nov 1917) is not: it may have
        // happened in it, and is listed with the events, marked as only possibly there.
        let (spanning, near): (Vec<usize>, Vec<usize>) =
            index.select(&query)?.into_iter().partition(|&i| {
                let date = &all[i].date;
                date.start().latest() < from && date.last().earliest() > to
            });
        let (events, ongoing) = (views.rows(&near)?, views.rows(&spanning)?);
        let (before, after) = if events.is_empty() {
            let before = all
                .iter()
                .filter(|e| (e.key || !key) && e.date.latest() < from)
                .max_by_key(|e| (e.date.latest(), e.date.earliest()));
            let after = all
                .iter()
                .find(|e| (e.key || !key) && e.date.earliest() > to);
            (before.map(|e| views.row(e)), after.map(|e| views.row(e)))
        } else {
            (None, None)
        };
        let stay = timeline
            .stays
            .iter()
            .filter(|s| s.span.earliest() <= date.latest() && date.earliest() <= s.span.latest())
            .map(|s| StayRow {
                place: timeline.places[s.place]
                    .name_on(date.earliest().max(s.span.earliest()))
                    .to_string(),
                place_id: timeline.places[s.place].id.clone(),
                date: s.span.words(),
                note: s.note.clone(),
            })
            .collect();
        let periods = index
            .periods_of(date)
            .map(|p| PeriodRef {
                id: timeline.periods[p].id.clone(),
                title: timeline.periods[p].title.clone(),
            })
            .collect();
        Ok(Around {
            date: date.words(),
            age: index.subject_age(date),
            stay,
            periods,
            from: from.to_string(),
            to: to.to_string(),
            window: window_words(from, to),
            events,
            ongoing,
            before,
            after,
        })
    }

    /// The facts about the date as label and text, in the order every format shows them.
    pub fn facts(&self) -> Vec<(&'static str, String)> {
        let mut facts = vec![("date", self.date.clone())];
        if let Some(age) = &self.age {
            facts.push(("age", age.clone()));
        }
        for stay in &self.stay {
            let note = stay
                .note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            facts.push(("living in", format!("{}, {}{note}", stay.place, stay.date)));
        }
        for period in &self.periods {
            facts.push(("period", period.title.clone()));
        }
        for row in &self.ongoing {
            facts.push(("going on", format!("{} ({})", row.title, row.date)));
        }
        facts.push(("near", self.window.clone()));
        facts
    }
}

/// "31 Oct – 14 Nov 1917", or one day's words.
fn window_words(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        day_words(from)
    } else {
        format!("{} – {}", day_words(from), day_words(to))
    }
}
