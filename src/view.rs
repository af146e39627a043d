//! What the renderers show: rows and cards computed once from the index (display dates in both
//! calendars, ages, names in use at the time), so that every output format says the same thing.

use std::borrow::Cow;
use std::sync::OnceLock;

use chrono::NaiveDate;

use serde::Serialize;

use crate::date::{DualWords, Precision, iso, iso_day, to_julian};
use crate::error::Error;
use crate::index::{CountRule, Index, certain_in};
use crate::model::Event;

/// One event as every format shows it.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    /// The event's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// One or two sentences, where the file has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The date in words, New Style first: "7 Nov 1917 [O.S. 25 Oct]" where Old Style applies.
    pub date: String,
    /// First Gregorian day (ISO 8601), inclusive, of the date as written. (An event that came
    /// `after:` another is listed, and seen by `--from`/`--to`, no earlier than that one's first
    /// day, which may be later than this.)
    pub start: String,
    /// Last Gregorian day (ISO 8601), inclusive.
    pub end: String,
    /// First day in the Julian calendar, only where Old Style applies and the start is known to
    /// the day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_os: Option<String>,
    /// Last day in the Julian calendar, only where Old Style applies and the end is known to the
    /// day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_os: Option<String>,
    /// How finely the start is known: day, month, season, year, decade, century.
    pub precision: &'static str,
    /// The date is marked approximate.
    pub approximate: bool,
    /// The date is marked uncertain.
    pub uncertain: bool,
    /// The event certainly falls in the dates the query asked for (`--from`, `--to`, `--in`):
    /// false when its date is coarser than them and it only possibly does (tables and plain
    /// lines mark it `~`). Without dates asked for, every event is certain: the window is all
    /// of time.
    pub certain: bool,
    /// The subject's age, e.g. "38" or "16–17".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<String>,
    /// The place's name as it was on the date.
    pub place: Option<String>,
    /// The place's id.
    pub place_id: Option<String>,
    /// The people involved, by full name.
    pub people: Vec<String>,
    /// The people involved, by id.
    pub people_ids: Vec<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// The ids of the periods its span overlaps, in file order.
    pub periods: Vec<String>,
    /// The source section.
    pub source: Option<String>,
    /// The date split for a narrow column: the New Style words and their Old Style twin.
    #[serde(skip)]
    pub date_parts: DualWords,
}

/// A person with their number of events.
#[derive(Debug, Clone, Serialize)]
pub struct PersonCard {
    /// Id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Birth date as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub born: Option<String>,
    /// Death date as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub died: Option<String>,
    /// Life dates in words.
    pub life: String,
    /// One line about them.
    pub about: Option<String>,
    /// How many events involve them.
    pub events: usize,
}

/// A name a place had, for cards.
#[derive(Debug, Clone, Serialize)]
pub struct NameRange {
    /// The name.
    pub name: String,
    /// First day in use (ISO), if known.
    pub from: Option<String>,
    /// First day no longer in use (ISO), if known.
    pub to: Option<String>,
}

/// A place with its hierarchy and names.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceCard {
    /// Id.
    pub id: String,
    /// The plain name.
    pub name: String,
    /// Undated other names.
    pub aliases: Vec<String>,
    /// Dated names.
    pub names: Vec<NameRange>,
    /// The places it lies within, innermost first.
    pub within: Vec<String>,
    /// How many events happened there or within it.
    pub events: usize,
}

/// A period with its span and event count.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodRow {
    /// Id, for `--in`.
    pub id: String,
    /// Title.
    pub title: String,
    /// Span in words.
    pub date: String,
    /// First day (ISO).
    pub start: String,
    /// Last day (ISO).
    pub end: String,
    /// Events in it.
    pub events: usize,
    /// Which events `events` counts: `overlap` (every event overlapping the period, certainly or
    /// possibly in it) or `certain` (`--certain`: those certainly in it).
    pub counted: CountRule,
}

/// A tag with the number of events that carry it.
#[derive(Debug, Clone, Serialize)]
pub struct TagRow {
    /// The tag as the file writes it, for `--tag`.
    pub tag: String,
    /// How many matching events carry it.
    pub events: usize,
}

/// A person named in an event, with their one line.
#[derive(Debug, Clone, Serialize)]
pub struct Participant {
    /// Full name.
    pub name: String,
    /// One line about them.
    pub about: Option<String>,
}

/// One event in full, for `show`.
#[derive(Debug, Clone, Serialize)]
pub struct EventDetail {
    /// The row every listing shows.
    #[serde(flatten)]
    pub row: EventRow,
    /// The place and the places it lies within, by their names at the time.
    pub place_hierarchy: Vec<String>,
    /// The people with their about lines.
    pub participants: Vec<Participant>,
    /// The titles of the periods its span overlaps.
    pub period_titles: Vec<String>,
}

/// The texts of an event that its row shows as they are.
struct EventTexts {
    id: String,
    title: String,
    summary: Option<String>,
    tags: Vec<String>,
    source: Option<String>,
}

impl EventTexts {
    /// Copies of `event`'s texts.
    fn copied(event: &Event) -> EventTexts {
        EventTexts {
            id: event.id.clone(),
            title: event.title.clone(),
            summary: event.summary.clone(),
            tags: event.tags.clone(),
            source: event.source.clone(),
        }
    }

    /// `event`'s texts, left empty in it.
    fn taken(event: &mut Event) -> EventTexts {
        EventTexts {
            id: std::mem::take(&mut event.id),
            title: std::mem::take(&mut event.title),
            summary: event.summary.take(),
            tags: std::mem::take(&mut event.tags),
            source: event.source.take(),
        }
    }
}

/// Builds rows and cards from an index.
pub struct Views<'a> {
    index: &'a Index,
    /// The dates asked for, that a row's `certain` is judged against: set by the command's
    /// query ([`Views::judge_within`]); unset, all of time.
    window: OnceLock<Vec<(NaiveDate, NaiveDate)>>,
}

impl<'a> Views<'a> {
    /// Views over `index`.
    pub fn new(index: &'a Index) -> Self {
        Views {
            index,
            window: OnceLock::new(),
        }
    }

    /// Rows will say whether their event certainly falls in `window` (see
    /// [`crate::index::certain_in`]); the first window given holds.
    pub fn judge_within(&self, window: Vec<(NaiveDate, NaiveDate)>) {
        let _ = self.window.set(window);
    }

    /// True when Old Style applies to the event: written in it, or at a place that still used
    /// the Julian calendar on the date.
    pub fn old_style_applies(&self, event: &Event) -> bool {
        let timeline = self.index.timeline();
        event.date.is_old_style()
            || event
                .place
                .and_then(|p| timeline.julian_until(p))
                .is_some_and(|until| event.date.earliest() < until)
    }

    /// The row of one event.
    pub fn row(&self, event: &Event) -> EventRow {
        self.row_with(event, EventTexts::copied(event))
    }

    /// The row of one event, taking its texts when the event was decoded for this caller
    /// alone, instead of copying them: a list of 97k events makes 97k rows.
    pub fn into_row(&self, event: Cow<'_, Event>) -> EventRow {
        match event {
            Cow::Owned(mut event) => {
                let texts = EventTexts::taken(&mut event);
                self.row_with(&event, texts)
            }
            Cow::Borrowed(event) => self.row(event),
        }
    }

    /// The row of `event`, whose own texts are `texts`.
    fn row_with(&self, event: &Event, texts: EventTexts) -> EventRow {
        let timeline = self.index.timeline();
        let old_style = self.old_style_applies(event);
        let date = &event.date;
        let dual = if old_style {
            date.dual()
        } else {
            DualWords::as_written(date)
        };
        let julian_iso = |day: chrono::NaiveDate| {
            let (y, m, d) = to_julian(day);
            iso(y, m, d)
        };
        let start_os = (old_style && date.start().precision() == Precision::Day)
            .then(|| julian_iso(date.earliest()));
        let end_os = (old_style && date.last().start().precision() == Precision::Day)
            .then(|| julian_iso(date.latest()));
        let place_name = event
            .place
            .map(|p| timeline.places[p].name_on(date.earliest()).to_string());
        EventRow {
            id: texts.id,
            title: texts.title,
            summary: texts.summary,
            date: dual.to_string(),
            start: iso_day(date.earliest()),
            end: iso_day(date.latest()),
            start_os,
            end_os,
            precision: date.start().precision().name(),
            approximate: date.is_approximate(),
            uncertain: date.is_uncertain(),
            certain: certain_in(self.window.get().map_or(&[], Vec::as_slice), date),
            age: self.index.subject_age(date),
            place: place_name,
            place_id: event.place.map(|p| timeline.places[p].id.clone()),
            people: event
                .people
                .iter()
                .map(|&p| timeline.people[p].name.clone())
                .collect(),
            people_ids: event
                .people
                .iter()
                .map(|&p| timeline.people[p].id.clone())
                .collect(),
            tags: texts.tags,
            periods: self
                .index
                .periods_of(date)
                .map(|p| timeline.periods[p].id.clone())
                .collect(),
            source: texts.source,
            date_parts: dual,
        }
    }

    /// The rows of the events at these positions of the index (see [`Index::event`]).
    pub fn rows(&self, positions: &[usize]) -> Result<Vec<EventRow>, Error> {
        positions
            .iter()
            .map(|&i| Ok(self.into_row(self.index.event(i)?)))
            .collect()
    }

    /// Cards for these people, each with its count in `counts` (see [`Index::person_counts`]).
    pub fn person_cards(&self, people: &[usize], counts: &[usize]) -> Vec<PersonCard> {
        let timeline = self.index.timeline();
        people
            .iter()
            .map(|&i| {
                let p = &timeline.people[i];
                PersonCard {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    aliases: p.aliases.clone(),
                    born: p.born.map(|d| d.to_string()),
                    died: p.died.map(|d| d.to_string()),
                    life: p.life_words(),
                    about: p.about.clone(),
                    events: counts[i],
                }
            })
            .collect()
    }

    /// Cards for these places, each with its count in `counts` (see [`Index::place_counts`]).
    pub fn place_cards(&self, places: &[usize], counts: &[usize]) -> Vec<PlaceCard> {
        let timeline = self.index.timeline();
        places
            .iter()
            .map(|&i| {
                let p = &timeline.places[i];
                PlaceCard {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    aliases: p.aliases.clone(),
                    names: p
                        .names
                        .iter()
                        .map(|n| NameRange {
                            name: n.name.clone(),
                            from: n.from.map(|d| d.to_string()),
                            to: n.to.map(|d| d.to_string()),
                        })
                        .collect(),
                    within: timeline
                        .place_chain(i)
                        .skip(1)
                        .map(|p| p.name.clone())
                        .collect(),
                    events: counts[i],
                }
            })
            .collect()
    }

    /// Rows for these periods, each with its count in `counts` (see [`Index::period_counts`]).
    pub fn periods(&self, periods: &[usize], counts: &[usize], rule: CountRule) -> Vec<PeriodRow> {
        let timeline = self.index.timeline();
        periods
            .iter()
            .map(|&i| {
                let p = &timeline.periods[i];
                PeriodRow {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    date: p.span.words(),
                    start: p.span.earliest().to_string(),
                    end: p.span.latest().to_string(),
                    events: counts[i],
                    counted: rule,
                }
            })
            .collect()
    }

    /// One event in full.
    pub fn detail(&self, event: &Event) -> EventDetail {
        let timeline = self.index.timeline();
        let day = event.date.earliest();
        EventDetail {
            row: self.row(event),
            place_hierarchy: event
                .place
                .map(|p| {
                    timeline
                        .place_chain(p)
                        .map(|place| place.name_on(day).to_string())
                        .collect()
                })
                .unwrap_or_default(),
            participants: event
                .people
                .iter()
                .map(|&p| Participant {
                    name: timeline.people[p].name.clone(),
                    about: timeline.people[p].about.clone(),
                })
                .collect(),
            period_titles: self
                .index
                .periods_of(&event.date)
                .map(|p| timeline.periods[p].title.clone())
                .collect(),
        }
    }
}
