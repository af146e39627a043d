//! Historical dates: the date grammar, the span of Gregorian days a date covers, and Old Style.
//!
//! A [`Date`] is what a curator writes in a timeline: a year, a month, a season, a day, an
//! unspecified decade or century, each possibly approximate or uncertain, possibly written in the
//! Julian calendar (Old Style), and possibly an interval of two such points. Whatever was written,
//! every date covers an exact, inclusive span of proleptic Gregorian days, which is what sorting,
//! filtering and overlap tests use; the written form is kept for display.
//!
//! For a reader a date is written New Style first with its Old Style twin beside it, and a twin
//! only where the date is known to the day ([`DualWords`]); an age runs over the whole span a date
//! may mean ([`Age`]).
//!
//! The module keeps apart what jiff keeps apart:
//!
//! - `grammar`: reading the written form, and writing it back ([`Date`]'s `FromStr` and `Display`);
//! - `calendar`: Julian and Gregorian days and the arithmetic between them ([`to_julian`],
//!   [`julian_day_number`], [`iso`]);
//! - `words`: how a date reads to a person ([`Date::words`], [`Date::dual_words`], [`DualWords`]);
//! - `age`: how old someone was over a date ([`Age`]).
//!
//! ```
//! use timeline::date::Date;
//!
//! let october: Date = "1917-10-25 O.S.".parse().unwrap();
//! assert_eq!(october.earliest().to_string(), "1917-11-07");
//! assert_eq!(october.words(), "25 Oct 1917 O.S.");
//! assert_eq!(october.dual_words(), "7 Nov 1917 [O.S. 25 Oct]");
//!
//! let summer: Date = "1902-22".parse().unwrap();
//! assert_eq!(summer.words(), "summer 1902");
//! assert_eq!((summer.earliest().to_string(), summer.latest().to_string()),
//!            ("1902-06-01".to_string(), "1902-08-31".to_string()));
//!
//! // 1900 was a leap year in the Julian calendar only.
//! assert!("1900-02-29 O.S.".parse::<Date>().is_ok());
//! assert!("1900-02-29".parse::<Date>().is_err());
//! ```

mod age;
mod calendar;
mod grammar;
mod query;
#[cfg(test)]
mod tests;
mod words;

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub use age::Age;
pub use calendar::{
    days_in_month, gregorian_from_jdn, is_leap, iso, iso_day, jdn_of, julian_day_number, to_julian,
};
pub use grammar::GRAMMAR_HINT;
pub use query::query_date;
pub use words::{DualWords, day_words};

/// The calendar a date was written in.
///
/// ```
/// use timeline::date::{Calendar, Date};
/// let date = Date::parse("1917-10-25 O.S.").unwrap();
/// assert_eq!(date.start().calendar(), Calendar::Julian);
/// assert_eq!(date.in_calendar(Calendar::Gregorian).to_string(), "1917-11-07");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Calendar {
    /// New Style: the calendar used in the West since 1582 and in Russia from 14 February 1918.
    Gregorian,
    /// Old Style: the calendar of the Russian Empire until 31 January 1918 (O.S.).
    Julian,
}

/// How finely a point in time is known.
///
/// ```
/// use timeline::date::{Date, Precision};
/// let precision = |text: &str| Date::parse(text).unwrap().start().precision();
/// assert_eq!(precision("1917-10-25"), Precision::Day);
/// assert_eq!(precision("1917-23"), Precision::Season);
/// assert_eq!(precision("191X").name(), "decade");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Precision {
    /// A single day: `1917-11-07`.
    Day,
    /// A month: `1917-11`.
    Month,
    /// A meteorological season of the northern hemisphere: `1902-22` (summer).
    Season,
    /// A year: `1902`.
    Year,
    /// A decade with its last digit unspecified: `191X`.
    Decade,
    /// A century with its last two digits unspecified: `19XX`.
    Century,
}

impl Precision {
    /// The lowercase name used in JSON and CSV output.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
        }
    }
}

/// One end of a date as written: its calendar fields, qualifiers and Gregorian bounds.
///
/// Serialized (for the embedded timeline and the parse cache) with its bounds as day numbers.
///
/// ```
/// use timeline::date::{Date, Precision};
/// let exile = Date::parse("1928-01~/1929-02-10").unwrap();
/// let (start, end) = (exile.start(), exile.end().unwrap());
/// assert!(start.is_approximate() && !end.is_approximate());
/// assert_eq!((start.precision(), end.precision()), (Precision::Month, Precision::Day));
/// assert_eq!(start.latest().to_string(), "1928-01-31");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Point {
    calendar: Calendar,
    precision: Precision,
    /// The year as written (for decades and centuries, the first year: 1910 for `191X`).
    year: i32,
    /// 1–12 for day and month precision, 21–24 for seasons, 0 otherwise.
    month: u32,
    /// 1–31 for day precision, 0 otherwise.
    day: u32,
    approximate: bool,
    uncertain: bool,
    #[serde(with = "day_number")]
    earliest: NaiveDate,
    #[serde(with = "day_number")]
    latest: NaiveDate,
}

/// A day as its number counted from 1 January of year 1: four bytes, no text to parse.
pub mod day_number {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    /// Writes the day's number.
    pub fn serialize<S: Serializer>(day: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i32(day.num_days_from_ce())
    }

    /// Reads a day's number, refusing one chrono cannot represent.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let days = i32::deserialize(deserializer)?;
        NaiveDate::from_num_days_from_ce_opt(days)
            .ok_or_else(|| D::Error::custom(format!("day number {days} is out of range")))
    }
}

/// A historical date: one point, or an interval from one point to another.
///
/// Dates sort, filter and overlap by the Gregorian days they cover ([`Date::earliest`],
/// [`Date::latest`]); they read back as written ([`Date`]'s `Display`).
///
/// ```
/// use timeline::date::Date;
/// let civil_war = Date::parse("1918/1922").unwrap();
/// assert_eq!(civil_war.earliest().to_string(), "1918-01-01");
/// assert_eq!(civil_war.latest().to_string(), "1922-12-31");
/// assert_eq!(civil_war.span_days(), 1826);
/// assert_eq!(civil_war.to_string(), "1918/1922");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Date {
    start: Point,
    end: Option<Point>,
}

/// Why a date could not be read.
///
/// ```
/// use timeline::date::Date;
/// let shape = Date::parse("17").unwrap_err();
/// assert!(!shape.impossible);
/// assert!(shape.with_hint().starts_with("the year must have four digits (dates look like 1917"));
/// let day = Date::parse("1917-02-30").unwrap_err();
/// assert!(day.impossible);
/// assert_eq!(day.with_hint(), "Feb 1917 has 28 days, not 30");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    /// What is wrong, in a phrase that can follow the offending text.
    pub message: String,
    /// True when the text has the right shape but names no real day (30 February, month 13, an
    /// interval that ends before it starts): the message then says all, with no grammar hint.
    pub impossible: bool,
}

impl DateError {
    /// The message, followed by the accepted forms when the text was not shaped like a date.
    pub fn with_hint(&self) -> String {
        if self.impossible {
            self.message.clone()
        } else {
            format!("{} ({GRAMMAR_HINT})", self.message)
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DateError {}

/// A date that is not shaped like one: the message is followed by the grammar hint.
fn error(message: impl Into<String>) -> DateError {
    DateError {
        message: message.into(),
        impossible: false,
    }
}

/// A date shaped right that names no real day: the message says all.
fn impossible(message: impl Into<String>) -> DateError {
    DateError {
        message: message.into(),
        impossible: true,
    }
}

impl Point {
    /// The first Gregorian day this point may mean.
    pub fn earliest(&self) -> NaiveDate {
        self.earliest
    }

    /// The last Gregorian day this point may mean.
    pub fn latest(&self) -> NaiveDate {
        self.latest
    }

    /// How finely the point is known.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The calendar it was written in.
    pub fn calendar(&self) -> Calendar {
        self.calendar
    }

    /// Marked `~` or `%`.
    pub fn is_approximate(&self) -> bool {
        self.approximate
    }

    /// Marked `?` or `%`.
    pub fn is_uncertain(&self) -> bool {
        self.uncertain
    }

    /// The same day written in the other calendar. Only day-precision points convert: a month or a
    /// year of one calendar is no whole month or year of the other, so those stay as written.
    fn in_calendar(&self, calendar: Calendar) -> Point {
        if self.precision != Precision::Day || self.calendar == calendar {
            return *self;
        }
        let (year, month, day) = match calendar {
            Calendar::Julian => to_julian(self.earliest),
            Calendar::Gregorian => (
                self.earliest.year(),
                self.earliest.month(),
                self.earliest.day(),
            ),
        };
        Point {
            calendar,
            year,
            month,
            day,
            ..*self
        }
    }

    /// True when the fields are ones the grammar makes: month and day in range for the
    /// precision, a year of four digits, bounds in order (see [`Date::is_well_formed`]).
    fn is_well_formed(&self) -> bool {
        let (month, day) = (self.month, self.day);
        let fields = match self.precision {
            Precision::Year | Precision::Decade | Precision::Century => month == 0 && day == 0,
            Precision::Month => (1..=12).contains(&month) && day == 0,
            Precision::Season => (21..=24).contains(&month) && day == 0,
            Precision::Day => {
                (1..=12).contains(&month)
                    && (1..=days_in_month(self.calendar, self.year, month)).contains(&day)
            }
        };
        fields && (1..=9999).contains(&self.year) && self.earliest <= self.latest
    }
}

impl Date {
    /// True when the date could have come from the grammar: each point well formed, an
    /// interval in order. A date decoded from somewhere else (the parse cache) is checked with
    /// this before use, as the rest of the program relies on it (a month 0 has no name).
    pub fn is_well_formed(&self) -> bool {
        self.start.is_well_formed()
            && self
                .end
                .is_none_or(|end| end.is_well_formed() && self.start.earliest <= end.latest)
    }

    /// The first point (the only one unless the date is an interval).
    pub fn start(&self) -> &Point {
        &self.start
    }

    /// The last point of an interval.
    pub fn end(&self) -> Option<&Point> {
        self.end.as_ref()
    }

    /// The first point on its own: `1917-12-22/1918-02-10` gives `1917-12-22`.
    pub fn first(&self) -> Date {
        Date {
            start: self.start,
            end: None,
        }
    }

    /// The last point on its own: `1917-12-22/1918-02-10` gives `1918-02-10`; a single point
    /// gives itself.
    pub fn last(&self) -> Date {
        Date {
            start: self.end.unwrap_or(self.start),
            end: None,
        }
    }

    /// An interval from `self` to `end`, refused when `end` is over before `self` begins.
    ///
    /// ```
    /// use timeline::date::Date;
    /// let talks = Date::parse("1917-12-22").unwrap().until(Date::parse("1918-02-10").unwrap()).unwrap();
    /// assert_eq!(talks.words(), "22 Dec 1917 – 10 Feb 1918");
    /// assert!(Date::parse("1921").unwrap().until(Date::parse("1917").unwrap()).is_err());
    /// ```
    pub fn until(self, end: Date) -> Result<Date, DateError> {
        if self.end.is_some() || end.end.is_some() {
            return Err(error("an interval's ends must be single dates"));
        }
        if end.start.latest < self.start.earliest {
            return Err(impossible(format!(
                "it ends ({end}) before it starts ({self})"
            )));
        }
        Ok(Date {
            start: self.start,
            end: Some(end.start),
        })
    }

    /// Reads a date; the same as `text.parse()`.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        text.parse()
    }

    /// The first Gregorian day the date may mean.
    pub fn earliest(&self) -> NaiveDate {
        self.start.earliest
    }

    /// The last Gregorian day the date may mean.
    pub fn latest(&self) -> NaiveDate {
        self.end.as_ref().unwrap_or(&self.start).latest
    }

    /// True when the date certainly overlaps the days `first..=last`: it may start no later
    /// than `last` and end no earlier than `first`. A date known more coarsely than the days
    /// (1917, asked about April 1917) only possibly overlaps them; `earliest()..=latest()`
    /// overlapping says that much.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use timeline::date::Date;
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let (first, last) = (day(1917, 4, 1), day(1917, 4, 30));
    /// assert!(!Date::parse("1917").unwrap().certainly_overlaps(first, last));
    /// assert!(!Date::parse("1904/1917").unwrap().certainly_overlaps(first, last));
    /// assert!(Date::parse("1917-04").unwrap().certainly_overlaps(first, last));
    /// assert!(Date::parse("1917-03/1917-04-29").unwrap().certainly_overlaps(first, last));
    /// ```
    pub fn certainly_overlaps(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.start.latest <= last && self.end.unwrap_or(self.start).earliest >= first
    }

    /// Inclusive length in days.
    pub fn span_days(&self) -> i64 {
        (self.latest() - self.earliest()).num_days() + 1
    }

    /// True when any point was written in the Julian calendar.
    pub fn is_old_style(&self) -> bool {
        self.points().any(|p| p.calendar == Calendar::Julian)
    }

    /// True when any point is approximate.
    pub fn is_approximate(&self) -> bool {
        self.points().any(|p| p.approximate)
    }

    /// True when any point is uncertain.
    pub fn is_uncertain(&self) -> bool {
        self.points().any(|p| p.uncertain)
    }

    /// True when every point is known to the day.
    pub fn is_day_precise(&self) -> bool {
        self.points().all(|p| p.precision == Precision::Day)
    }

    fn points(&self) -> impl Iterator<Item = &Point> {
        std::iter::once(&self.start).chain(self.end.as_ref())
    }

    /// The same date with every day-precision point written in `calendar`.
    pub fn in_calendar(&self, calendar: Calendar) -> Date {
        Date {
            start: self.start.in_calendar(calendar),
            end: self.end.map(|p| p.in_calendar(calendar)),
        }
    }
}
