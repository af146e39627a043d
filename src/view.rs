//! What the renderers show: rows and cards computed once from the index (display dates in both
//! calendars, ages, names in use at the time), so that every output format says the same thing.

use std::borrow::Cow;
use std::sync::OnceLock;

use chrono::NaiveDate;

use serde::Serialize;

use crate::date::{DualWords, Precision, day_words, iso, iso_day, to_julian};
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
    /// A turning point a reader needs first (`key: true` in the file; `--key` selects these).
    pub key: bool,
    /// A short name, where the file gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A web page about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// An image or other media, with its caption and credit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<crate::model::Media>,
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

/// A place another lay directly within over a range of days, for cards.
#[derive(Debug, Clone, Serialize)]
pub struct EnclosureRange {
    /// The enclosing place's id.
    pub id: String,
    /// Its plain name.
    pub name: String,
    /// First day within it (ISO), if bounded.
    pub from: Option<String>,
    /// First day no longer within it (ISO), if bounded.
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
    /// The places it lies within today, innermost first, by their names today.
    pub within: Vec<String>,
    /// The places it lay directly within, each over its range of days, in file order.
    pub enclosures: Vec<EnclosureRange>,
    /// The same in words, for the cards, where any range is dated: "Kherson Governorate (until
    /// 16 Mar 1917), Ukraine (from 30 Dec 1922)".
    #[serde(skip)]
    pub enclosure_words: Option<String>,
    /// How many events happened there or within it (on their first day).
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

/// A stay: where the subject lived, and when (`timeline stays`).
#[derive(Debug, Clone, Serialize)]
pub struct StayRow {
    /// The place's name as it was when the stay began.
    pub place: String,
    /// The place's id, for `--place` and `where`.
    pub place_id: String,
    /// The places it lay within when the stay began, innermost first, by their names then.
    pub within: Vec<String>,
    /// The span in words.
    pub date: String,
    /// First day (ISO 8601).
    pub start: String,
    /// Last day (ISO 8601).
    pub end: String,
    /// What the stay was (school, prison, exile…), where the file says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The section of the source it comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
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
    /// The place and the places it lay within on the event's first day, by their names then.
    pub place_hierarchy: Vec<String>,
    /// The place and the places it lies within today, by their names today.
    pub place_today: Vec<String>,
    /// Where the place lies today, in words, when that differs from `place_hierarchy`: the
    /// today's names after those both share ("Ukraine" for Yanovka in 1879, "Kyiv, Ukraine"
    /// for Kiev in 1905).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place_today_words: Option<String>,
    /// The people with their about lines.
    pub participants: Vec<Participant>,
    /// The titles of the periods its span overlaps.
    pub period_titles: Vec<String>,
    /// The event the source tells of just before it (its `after:`), which it is listed after;
    /// `show` fills it in, as only it has every event at hand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Preceding>,
}

/// The event another comes `after:`.
#[derive(Debug, Clone, Serialize)]
pub struct Preceding {
    /// Its id, for `timeline show`.
    pub id: String,
    /// Its title.
    pub title: String,
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
                .and_then(|p| timeline.julian_until(p, event.date.earliest()))
                .is_some_and(|until| event.date.earliest() < until)
    }

    /// The event's date in words as every view writes it ([`EventRow::date`] is its text), without
    /// the rest of the row: New Style first, Old Style beside it where it applies.
    pub fn date_parts(&self, event: &Event) -> DualWords {
        if self.old_style_applies(event) {
            event.date.dual()
        } else {
            DualWords::as_written(&event.date)
        }
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
        let dual = self.date_parts(event);
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
            key: event.key,
            label: event.label.clone(),
            link: event.link.clone(),
            media: event.media.clone(),
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
                        .place_chain_now(i)
                        .skip(1)
                        .map(|p| p.name_now().to_string())
                        .collect(),
                    enclosure_words: enclosure_words(timeline, p),
                    enclosures: p
                        .within
                        .iter()
                        .map(|e| EnclosureRange {
                            id: timeline.places[e.place].id.clone(),
                            name: timeline.places[e.place].name.clone(),
                            from: e.from.map(|d| d.to_string()),
                            to: e.to.map(|d| d.to_string()),
                        })
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

    /// Rows for these stays (positions in the timeline's stays).
    pub fn stays(&self, stays: &[usize]) -> Vec<StayRow> {
        let timeline = self.index.timeline();
        stays
            .iter()
            .map(|&i| {
                let stay = &timeline.stays[i];
                let day = stay.span.earliest();
                let mut chain = timeline
                    .place_chain_on(stay.place, day)
                    .map(|p| p.name_on(day).to_string());
                StayRow {
                    place: chain.next().unwrap_or_default(),
                    place_id: timeline.places[stay.place].id.clone(),
                    within: chain.collect(),
                    date: stay.span.words(),
                    start: iso_day(day),
                    end: iso_day(stay.span.latest()),
                    note: stay.note.clone(),
                    source: stay.source.clone(),
                }
            })
            .collect()
    }

    /// One event in full.
    pub fn detail(&self, event: &Event) -> EventDetail {
        let timeline = self.index.timeline();
        let day = event.date.earliest();
        let place_hierarchy: Vec<String> = event
            .place
            .map(|p| {
                timeline
                    .place_chain_on(p, day)
                    .map(|place| place.name_on(day).to_string())
                    .collect()
            })
            .unwrap_or_default();
        let place_today: Vec<String> = event
            .place
            .map(|p| {
                timeline
                    .place_chain_now(p)
                    .map(|place| place.name_now().to_string())
                    .collect()
            })
            .unwrap_or_default();
        EventDetail {
            row: self.row(event),
            place_today_words: today_words(&place_hierarchy, &place_today),
            place_hierarchy,
            place_today,
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
            after: None,
        }
    }
}

/// Where a place lies today, in words, when that is not where it lay then: today's chain
/// without the names both chains share at their start and at their end ("Ukraine" for Yanovka
/// in 1879, "Saint Petersburg" for Petrograd, Russia, "Kyiv, Ukraine" for Kiev in 1905).
fn today_words(then: &[String], today: &[String]) -> Option<String> {
    let first = then.iter().zip(today).take_while(|(a, b)| a == b).count();
    let (then, today) = (&then[first..], &today[first..]);
    let last = then
        .iter()
        .rev()
        .zip(today.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let differing = &today[..today.len() - last];
    (!differing.is_empty()).then(|| differing.join(", "))
}

/// A place's dated enclosures in words, each as names' ranges read ("until" the first day no
/// longer within); `None` when it lies within one place for all time, or none.
fn enclosure_words(
    timeline: &crate::model::Timeline,
    place: &crate::model::Place,
) -> Option<String> {
    if place
        .within
        .iter()
        .all(|e| e.from.is_none() && e.to.is_none())
    {
        return None;
    }
    let words: Vec<String> = place
        .within
        .iter()
        .map(|e| {
            let name = &timeline.places[e.place].name;
            match (e.from.map(day_words), e.to.map(day_words)) {
                (Some(f), Some(t)) => format!("{name} ({f} – {t})"),
                (Some(f), None) => format!("{name} (from {f})"),
                (None, Some(t)) => format!("{name} (until {t})"),
                (None, None) => name.clone(),
            }
        })
        .collect();
    Some(words.join(", "))
}
