//! Anniversaries, for `timeline on`: which events fall on a few days of the year, in the
//! Gregorian or the Julian calendar, and how many years ago each was.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use crate::date::{Precision, to_julian};
use crate::error::Error;
use crate::index::Index;
use crate::view::{EventRow, Views};

/// A month and a day of the month, as `timeline on` takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthDay {
    /// 1–12.
    pub month: u32,
    /// 1–31, valid for the month in a leap year.
    pub day: u32,
}

/// The calendar `timeline on` matches days in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarChoice {
    /// Either: an event on its New Style day, or, where Old Style applies, on its Old Style day
    /// (the rising of 7 Nov 1917 on 11-07 and on 10-25).
    Both,
    /// New Style: every event on its Gregorian day.
    Gregorian,
    /// Old Style: every event on its Julian day (as Russia counted before February 1918).
    Julian,
}

impl CalendarChoice {
    /// The calendar not asked for, when one was: where to look for a hint.
    pub fn other(self) -> Option<CalendarChoice> {
        match self {
            CalendarChoice::Both => None,
            CalendarChoice::Gregorian => Some(CalendarChoice::Julian),
            CalendarChoice::Julian => Some(CalendarChoice::Gregorian),
        }
    }

    /// "New Style", "Old Style", or "either calendar", for messages.
    pub fn words(self) -> &'static str {
        match self {
            CalendarChoice::Both => "either calendar",
            CalendarChoice::Gregorian => "New Style",
            CalendarChoice::Julian => "Old Style",
        }
    }

    /// How `--calendar` spells it.
    pub fn flag(self) -> &'static str {
        match self {
            CalendarChoice::Both => "both",
            CalendarChoice::Gregorian => "new",
            CalendarChoice::Julian => "old",
        }
    }
}

/// An event on one of the asked days, with its age.
#[derive(Debug, Clone, Serialize)]
pub struct Anniversary {
    /// The event as every listing shows it.
    #[serde(flatten)]
    pub row: EventRow,
    /// Years from the event to its anniversary in the window (this year's, or the neighbouring
    /// year's when the window wraps past a year end).
    pub years_ago: i32,
    /// The anniversary day, ISO 8601, in the calendar asked for.
    pub anniversary: String,
    /// Which of the event's days fell on it: `new` (its New Style day) or `old` (its Old Style
    /// day, as Russia counted it then).
    pub calendar: &'static str,
}

/// The days of the window around `day` (today's day without one), from `before` days before to
/// `after` days after, each dated in the year it falls in around today.
///
/// The window is laid out in today's year, so `12-31 -A 2` runs into next year's 1 and 2 January;
/// 29 February, asked for in a common year, is taken in the last leap year.
pub fn window(today: NaiveDate, day: Option<MonthDay>, before: u32, after: u32) -> Vec<NaiveDate> {
    let centre = match day {
        None => today,
        Some(MonthDay { month, day }) => (0..8)
            .find_map(|back| NaiveDate::from_ymd_opt(today.year() - back, month, day))
            .unwrap_or(today),
    };
    let mut days: Vec<NaiveDate> = (-(before as i64)..=after as i64)
        .map(|offset| centre + Duration::days(offset))
        .collect();
    // A window of a year or more would name a month-day twice; each is shown once.
    let mut seen = std::collections::HashSet::new();
    days.retain(|d| seen.insert((d.month(), d.day())));
    days
}

/// The events (of `positions`, in index order) whose start is known to the day and falls on a day
/// of `window` in `calendar`, ordered by the window's days, then by date. In the Julian calendar
/// only events that Old Style applies to count: a day in Paris or in 1923 had no Old Style date.
/// With both calendars an event's New Style day is tried first, then its Old Style day.
pub fn on_days(
    views: &Views,
    index: &Index,
    positions: &[usize],
    window: &[NaiveDate],
    calendar: CalendarChoice,
) -> Result<Vec<Anniversary>, Error> {
    let events = index.events()?;
    let mut found: Vec<(usize, usize, i32, &'static str)> = Vec::new();
    let slot_of = |(month, day): (u32, u32)| {
        window
            .iter()
            .position(|d| d.month() == month && d.day() == day)
    };
    for &i in positions {
        let date = &events[i].date;
        if date.start().precision() != Precision::Day {
            continue;
        }
        let new = date.earliest();
        let new = (new.year(), new.month(), new.day());
        let old = views
            .old_style_applies(&events[i])
            .then(|| to_julian(date.earliest()));
        let tries = match calendar {
            CalendarChoice::Gregorian => [Some((new, "new")), None],
            CalendarChoice::Julian => [old.map(|d| (d, "old")), None],
            CalendarChoice::Both => [Some((new, "new")), old.map(|d| (d, "old"))],
        };
        if let Some((slot, year, which)) = tries
            .into_iter()
            .flatten()
            .find_map(|((y, m, d), which)| slot_of((m, d)).map(|slot| (slot, y, which)))
        {
            found.push((slot, i, window[slot].year() - year, which));
        }
    }
    found.sort_by_key(|&(slot, i, _, _)| (slot, i));
    Ok(found
        .into_iter()
        .map(|(slot, i, years_ago, calendar)| Anniversary {
            row: views.row(&events[i]),
            years_ago,
            anniversary: window[slot].to_string(),
            calendar,
        })
        .collect())
}

/// "7 Nov", "7–9 Nov" or "30 Dec – 2 Jan": the window in words, for messages.
pub fn window_words(window: &[NaiveDate]) -> String {
    let words = |d: &NaiveDate| d.format("%-d %b").to_string();
    match (window.first(), window.last()) {
        (Some(first), Some(last)) if first == last => words(first),
        (Some(first), Some(last)) if first.month() == last.month() => {
            format!("{}–{}", first.day(), words(last))
        }
        (Some(first), Some(last)) => format!("{} – {}", words(first), words(last)),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_window_wraps_across_the_year_end() {
        let today = day(2025, 6, 1);
        let days = window(today, Some(MonthDay { month: 12, day: 31 }), 1, 2);
        assert_eq!(
            days,
            [
                day(2025, 12, 30),
                day(2025, 12, 31),
                day(2026, 1, 1),
                day(2026, 1, 2)
            ]
        );
        assert_eq!(window_words(&days), "30 Dec – 2 Jan");
        let days = window(today, Some(MonthDay { month: 1, day: 1 }), 1, 0);
        assert_eq!(days, [day(2024, 12, 31), day(2025, 1, 1)]);
    }

    #[test]
    fn leap_day_and_whole_years() {
        let days = window(day(2025, 6, 1), Some(MonthDay { month: 2, day: 29 }), 0, 1);
        assert_eq!(days, [day(2024, 2, 29), day(2024, 3, 1)]);
        assert_eq!(window(day(2024, 6, 1), None, 366, 366).len(), 366);
        assert_eq!(window_words(&[day(2025, 11, 7)]), "7 Nov");
        assert_eq!(
            window_words(&[day(2025, 11, 7), day(2025, 11, 9)]),
            "7–9 Nov"
        );
    }
}
