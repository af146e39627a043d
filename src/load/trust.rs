//! Checking a timeline that did not come through the checker, such as a decoded cache entry: the
//! checker's rules as a yes or no, so that a forged or stale entry is refused, never trusted into
//! a panic (a month 0, a day at the end of time) or a terminal escape.

use chrono::{Datelike, NaiveDate};

use super::text::{Shape, acceptable, label_refusal, url_refusal};
use crate::date::Date;
use crate::model::{Event, Timeline};

/// The last year a date may reach, in either calendar: the grammar writes four-digit years, and
/// iCalendar and the other exports hold no more (`9999-12-31 O.S.` falls in Gregorian 10000).
pub const LAST_YEAR: i32 = 9999;

/// The first year a date may reach in the Gregorian calendar: there is no year 0, and
/// `0001-01-01 O.S.` falls on 30 December of the year before 1 (issue 19: views wrote "30 Dec 0"
/// and an export year 0). Such a date is refused at load, with a message, not shown as a year
/// no calendar has.
pub const FIRST_YEAR: i32 = 1;

/// True when a day lies within the years a timeline may hold, [`FIRST_YEAR`] to [`LAST_YEAR`].
pub fn day_in_range(day: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&day.year())
}

/// True when `date` is one the grammar can make ([`Date::is_well_formed`]), within the years a
/// timeline may hold. A check of fields, not a round trip through text: a million dates are
/// checked on every run that reads a cache entry.
pub fn date_trusted(date: &Date) -> bool {
    day_in_range(date.earliest()) && day_in_range(date.latest()) && date.is_well_formed()
}

/// True when `timeline` keeps every rule the checker enforces that the rest of the program
/// relies on: indices in range, dates whole, text without control characters, ids in their
/// alphabet.
pub fn trusted(t: &Timeline) -> bool {
    let (people, places, periods) = (t.people.len(), t.places.len(), t.periods.len());
    let line = |s: &str| acceptable(s, Shape::Line);
    let prose = |s: &Option<String>| s.as_deref().is_none_or(|s| acceptable(s, Shape::Prose));
    let id = id_acceptable;
    let optional_day = |d: Option<NaiveDate>| d.is_none_or(day_in_range);
    line(&t.title)
        && t.subject.is_none_or(|s| s < people)
        && t.people.iter().all(|p| {
            id(&p.id)
                && line(&p.name)
                && p.aliases.iter().all(|a| line(a))
                && prose(&p.about)
                && p.born.as_ref().is_none_or(date_trusted)
                && p.died.as_ref().is_none_or(date_trusted)
        })
        && t.places.iter().all(|p| {
            id(&p.id)
                && line(&p.name)
                && p.aliases.iter().all(|a| line(a))
                && p.within
                    .iter()
                    .all(|e| e.place < places && optional_day(e.from) && optional_day(e.to))
                && optional_day(p.julian_until)
                && p.names
                    .iter()
                    .all(|n| line(&n.name) && optional_day(n.from) && optional_day(n.to))
        })
        && super::check::places::places_in_cycles(&t.places).is_empty()
        && t.periods
            .iter()
            .all(|p| id(&p.id) && line(&p.title) && date_trusted(&p.span))
        && t.stays.iter().all(|s| {
            s.place < places
                && date_trusted(&s.span)
                && prose(&s.note)
                && s.source.as_deref().is_none_or(line)
        })
        && t.events
            .iter()
            .all(|e| event_trusted(e, people, places, periods))
}

/// True when `e` keeps the loader's rules for an event of a timeline with this many people,
/// places and periods (see [`trusted`]).
pub fn event_trusted(e: &Event, people: usize, places: usize, periods: usize) -> bool {
    let line = |s: &str| acceptable(s, Shape::Line);
    id_acceptable(&e.id)
        && line(&e.title)
        && e.summary
            .as_deref()
            .is_none_or(|s| acceptable(s, Shape::Prose))
        && e.tags.iter().all(|t| line(t))
        && e.source.as_deref().is_none_or(line)
        && e.label
            .as_deref()
            .is_none_or(|l| label_refusal(l).is_none())
        && e.link.as_deref().is_none_or(|u| url_refusal(u).is_none())
        && e.media.as_ref().is_none_or(|m| {
            url_refusal(&m.url).is_none()
                && m.caption.as_deref().is_none_or(line)
                && m.credit.as_deref().is_none_or(line)
        })
        && date_trusted(&e.date)
        && e.place.is_none_or(|p| p < places)
        && e.period.is_none_or(|p| p < periods)
        && e.people.iter().all(|&p| p < people)
        && e.after.as_ref().is_none_or(|a| {
            id_acceptable(&a.id)
                && e.date.earliest() <= a.first_day
                && a.first_day <= e.date.latest()
        })
}

fn id_acceptable(s: &str) -> bool {
    acceptable(s, Shape::Id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    /// The fields of a serialized date, in order, to forge what no parse would make.
    #[derive(Serialize)]
    struct ForgedPoint {
        calendar: u32,
        precision: u32,
        year: i32,
        month: u32,
        day: u32,
        approximate: bool,
        uncertain: bool,
        earliest: i32,
        latest: i32,
    }

    fn forged(month: u32, day: u32, earliest: NaiveDate, latest: NaiveDate) -> Date {
        let point = ForgedPoint {
            calendar: 0,
            precision: 0,
            year: 1917,
            month,
            day,
            approximate: false,
            uncertain: false,
            earliest: earliest.num_days_from_ce(),
            latest: latest.num_days_from_ce(),
        };
        let bytes = postcard::to_stdvec(&(point, None::<ForgedPoint>)).unwrap();
        postcard::from_bytes(&bytes).expect("the forged bytes decode as a date")
    }

    #[test]
    fn forged_dates_are_refused() {
        let day = NaiveDate::from_ymd_opt(1917, 11, 7).unwrap();
        assert!(date_trusted(&forged(11, 7, day, day)), "the honest twin");
        assert!(!date_trusted(&forged(0, 7, day, day)), "month 0");
        assert!(!date_trusted(&forged(11, 31, day, day)), "31 November");
        assert!(
            !date_trusted(&forged(11, 7, day, NaiveDate::MAX)),
            "bounds that disagree"
        );
        assert!(!day_in_range(NaiveDate::MAX));
        // `0001-01-01 O.S.` is 30 December of the year before 1: refused (issue 19).
        assert!(!day_in_range(NaiveDate::from_ymd_opt(0, 12, 30).unwrap()));
        assert!(day_in_range(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()));
    }
}
