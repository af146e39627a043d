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

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The calendar a date was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Calendar {
    /// New Style: the calendar used in the West since 1582 and in Russia from 14 February 1918.
    Gregorian,
    /// Old Style: the calendar of the Russian Empire until 31 January 1918 (O.S.).
    Julian,
}

/// How finely a point in time is known.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Date {
    start: Point,
    end: Option<Point>,
}

/// Why a date could not be read.
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

/// The forms a date may take, for error messages.
pub const GRAMMAR_HINT: &str = "dates look like 1917, 1917-10, 1917-10-25, 1917-22 (summer; 21..24 are \
     spring..winter), 191X, 1900~ (approximate), 1900? (uncertain), 1917-10-25 O.S. (Julian), or A/B";

const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const SEASON_NAMES: [&str; 3] = ["spring", "summer", "autumn"];

fn error(message: impl Into<String>) -> DateError {
    DateError {
        message: message.into(),
        impossible: false,
    }
}

fn impossible(message: impl Into<String>) -> DateError {
    DateError {
        message: message.into(),
        impossible: true,
    }
}

/// True when `year` has 29 February in `calendar`.
pub fn is_leap(calendar: Calendar, year: i32) -> bool {
    match calendar {
        Calendar::Julian => year.rem_euclid(4) == 0,
        Calendar::Gregorian => {
            (year.rem_euclid(4) == 0 && year.rem_euclid(100) != 0) || year.rem_euclid(400) == 0
        }
    }
}

/// The number of days in `month` of `year` in `calendar`.
pub fn days_in_month(calendar: Calendar, year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(calendar, year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The Julian Day Number of a day of the Julian calendar.
pub fn julian_day_number(calendar: Calendar, year: i32, month: u32, day: u32) -> i64 {
    let a = (14 - month as i64) / 12;
    let y = year as i64 + 4800 - a;
    let m = month as i64 + 12 * a - 3;
    let base = day as i64 + (153 * m + 2) / 5 + 365 * y + y.div_euclid(4);
    match calendar {
        Calendar::Julian => base - 32083,
        Calendar::Gregorian => base - y.div_euclid(100) + y.div_euclid(400) - 32045,
    }
}

/// The Julian Day Number of 1 January of year 1 (Gregorian) is 1,721,426; chrono counts that day as 1.
const JDN_OF_CE_DAY_ZERO: i64 = 1_721_425;

/// The Gregorian day with Julian Day Number `jdn`, if chrono can represent it.
pub fn gregorian_from_jdn(jdn: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(jdn - JDN_OF_CE_DAY_ZERO).ok()?)
}

/// The Julian Day Number of a Gregorian day.
pub fn jdn_of(day: NaiveDate) -> i64 {
    day.num_days_from_ce() as i64 + JDN_OF_CE_DAY_ZERO
}

/// A day as ISO 8601 `YYYY-MM-DD`, from its (year, month, day) in either calendar. Years
/// outside 0–9999, which no checked timeline holds, are written by `format!`.
///
/// ```
/// use timeline::date::iso;
/// assert_eq!(iso(1917, 10, 25), "1917-10-25");
/// assert_eq!(iso(33, 1, 2), "0033-01-02");
/// ```
pub fn iso(year: i32, month: u32, day: u32) -> String {
    if !(0..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return format!("{year:04}-{month:02}-{day:02}");
    }
    // A list at a million events writes two of these per row: digits by hand, not `format!`.
    let (year, month, day) = (year as u32, month, day);
    let digits = [
        year / 1000,
        year / 100 % 10,
        year / 10 % 10,
        year % 10,
        10,
        month / 10,
        month % 10,
        10,
        day / 10,
        day % 10,
    ];
    digits
        .iter()
        .map(|&d| {
            if d == 10 {
                '-'
            } else {
                char::from(b'0' + d as u8)
            }
        })
        .collect()
}

/// A Gregorian day as ISO 8601, as chrono writes it (see [`iso`]).
///
/// ```
/// use chrono::NaiveDate;
/// use timeline::date::iso_day;
/// let day = NaiveDate::from_ymd_opt(1940, 8, 21).unwrap();
/// assert_eq!(iso_day(day), day.to_string());
/// ```
pub fn iso_day(day: NaiveDate) -> String {
    if !(0..=9999).contains(&day.year()) {
        return day.to_string();
    }
    iso(day.year(), day.month(), day.day())
}

/// The Julian-calendar (year, month, day) of a Gregorian day.
///
/// ```
/// use chrono::NaiveDate;
/// use timeline::date::to_julian;
/// let revolution = NaiveDate::from_ymd_opt(1917, 11, 7).unwrap();
/// assert_eq!(to_julian(revolution), (1917, 10, 25));
/// ```
pub fn to_julian(day: NaiveDate) -> (i32, u32, u32) {
    let c = jdn_of(day) + 32082;
    let d = (4 * c + 3).div_euclid(1461);
    let e = c - (1461 * d).div_euclid(4);
    let m = (5 * e + 2) / 153;
    let day_of_month = e - (153 * m + 2) / 5 + 1;
    let month = m + 3 - 12 * (m / 10);
    let year = d - 4800 + m / 10;
    (year as i32, month as u32, day_of_month as u32)
}

/// The Gregorian day of a valid day in `calendar`.
fn to_gregorian(
    calendar: Calendar,
    year: i32,
    month: u32,
    day: u32,
) -> Result<NaiveDate, DateError> {
    let days = days_in_month(calendar, year, month);
    if day == 0 || day > days {
        let name = MONTH_ABBREVIATIONS[(month - 1) as usize];
        let mut message = format!("{name} {year} has {days} days, not {day}");
        if month == 2
            && day == 29
            && calendar == Calendar::Gregorian
            && is_leap(Calendar::Julian, year)
        {
            message.push_str(&format!(
                " ({year} is not a leap year in the Gregorian calendar; write `{year}-02-29 O.S.` for a Julian date)"
            ));
        }
        return Err(impossible(message));
    }
    gregorian_from_jdn(julian_day_number(calendar, year, month, day))
        .ok_or_else(|| error(format!("year {year} is out of range")))
}

impl Point {
    /// Reads one point, such as `1917-10-25 O.S.`, `1902-22~` or `191X`.
    fn parse(text: &str) -> Result<Point, DateError> {
        let text = trim(text);
        let (text, calendar) = match strip_old_style(text) {
            Some(rest) => (rest.trim_end(), Calendar::Julian),
            None => (text, Calendar::Gregorian),
        };
        let (text, approximate, uncertain) = match text.as_bytes().last() {
            Some(b'~') => (&text[..text.len() - 1], true, false),
            Some(b'?') => (&text[..text.len() - 1], false, true),
            Some(b'%') => (&text[..text.len() - 1], true, true),
            _ => (text, false, false),
        };
        let mut parts = split_at_dashes(text);
        let year_text = parts.next().unwrap_or_default();
        let month_text = parts.next();
        let day_text = parts.next();
        if parts.next().is_some() {
            return Err(error("too many '-' separated parts"));
        }
        if year_text.len() != 4 || !year_text.is_ascii() {
            return Err(error("the year must have four digits"));
        }
        let unspecified = year_text.bytes().rev().take_while(|&b| b == b'X').count();
        let digits = &year_text[..4 - unspecified];
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(error(format!("`{year_text}` is not a year")));
        }
        if unspecified > 0 && (unspecified > 2 || month_text.is_some()) {
            return Err(error(
                "only the last one or two digits of a year may be X, with no month or day",
            ));
        }
        // The digits as written, each X a zero (`191X` is 1910): no text is built, as this runs
        // for every date of a million-event file.
        let year = digits
            .bytes()
            .chain(std::iter::repeat_n(b'0', unspecified))
            .fold(0i32, |year, b| year * 10 + i32::from(b - b'0'));
        if year == 0 {
            return Err(error("there is no year 0"));
        }
        let number = |text: &str, what: &str| -> Result<u32, DateError> {
            if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
                return Err(error(format!(
                    "the {what} must have two digits, not `{text}`"
                )));
            }
            text.parse().map_err(|_| error(format!("bad {what}")))
        };
        let mut point = Point {
            calendar,
            precision: Precision::Year,
            year,
            month: 0,
            day: 0,
            approximate,
            uncertain,
            earliest: NaiveDate::MIN,
            latest: NaiveDate::MIN,
        };
        let (first, last) = match (month_text, day_text, unspecified) {
            (None, _, 2) => {
                point.precision = Precision::Century;
                ((year, 1, 1), (year + 99, 12, 31))
            }
            (None, _, 1) => {
                point.precision = Precision::Decade;
                ((year, 1, 1), (year + 9, 12, 31))
            }
            (None, _, _) => ((year, 1, 1), (year, 12, 31)),
            (Some(month_text), None, _) => {
                let month = number(month_text, "month")?;
                point.month = month;
                match month {
                    1..=12 => {
                        point.precision = Precision::Month;
                        let days = days_in_month(calendar, year, month);
                        ((year, month, 1), (year, month, days))
                    }
                    21..=24 => {
                        point.precision = Precision::Season;
                        let first_month = 3 * (month - 21) + 3;
                        if month == 24 {
                            let february = days_in_month(calendar, year + 1, 2);
                            ((year, 12, 1), (year + 1, 2, february))
                        } else {
                            let last_month = first_month + 2;
                            let days = days_in_month(calendar, year, last_month);
                            ((year, first_month, 1), (year, last_month, days))
                        }
                    }
                    _ => {
                        return Err(impossible(format!(
                            "month {month_text} is neither a month 01–12 nor a season 21–24"
                        )));
                    }
                }
            }
            (Some(month_text), Some(day_text), _) => {
                let month = number(month_text, "month")?;
                if !(1..=12).contains(&month) {
                    return Err(impossible(format!("month {month_text} is not 01–12")));
                }
                let day = number(day_text, "day")?;
                point.precision = Precision::Day;
                point.month = month;
                point.day = day;
                ((year, month, day), (year, month, day))
            }
        };
        point.earliest = to_gregorian(calendar, first.0, first.1, first.2)?;
        point.latest = to_gregorian(calendar, last.0, last.1, last.2)?;
        Ok(point)
    }

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

    /// The point on its own in words, as written: "c. 7 Nov 1917?", "spring 1918", "Oct 1917 O.S.".
    ///
    /// ```
    /// use timeline::date::Date;
    /// let stay = Date::parse("1905-10~ O.S./1918-21").unwrap();
    /// assert_eq!(stay.start().words(), "c. Oct 1905 O.S.");
    /// assert_eq!(stay.end().unwrap().words(), "spring 1918");
    /// ```
    pub fn words(&self) -> String {
        self.words_with(Marks {
            qualifiers: true,
            calendar: true,
            year: true,
        })
    }

    /// The point in words under `marks`: "c. 7 Nov 1917?", "summer 1902", "Oct 1905 O.S.".
    fn words_with(&self, marks: Marks) -> String {
        self.qualify_with(self.bare_words(marks.year), marks)
    }

    /// The point in words, without qualifiers or calendar mark: "7 Nov 1917", "summer 1902";
    /// "7 Nov" when `year` is off for a day or a month.
    fn bare_words(&self, year: bool) -> String {
        let year = |y: i32| {
            if year { format!(" {y}") } else { String::new() }
        };
        match self.precision {
            Precision::Day => format!(
                "{} {}{}",
                self.day,
                MONTH_ABBREVIATIONS[(self.month - 1) as usize],
                year(self.year)
            ),
            Precision::Month => format!(
                "{}{}",
                MONTH_ABBREVIATIONS[(self.month - 1) as usize],
                year(self.year)
            ),
            // Winter straddles the new year: "winter 1919–20" cannot be misread as Jan–Feb 1919.
            Precision::Season if self.month == 24 => {
                format!("winter {}–{:02}", self.year, (self.year + 1) % 100)
            }
            Precision::Season => {
                format!("{} {}", SEASON_NAMES[(self.month - 21) as usize], self.year)
            }
            Precision::Year => self.year.to_string(),
            Precision::Decade => format!("{}s", self.year),
            Precision::Century => format!("{}–{}", self.year, self.year + 99),
        }
    }

    /// `words` with this point's qualifiers and calendar mark, as far as `marks` asks for them.
    fn qualify_with(&self, words: String, marks: Marks) -> String {
        let (approximate, uncertain) = match marks.qualifiers {
            true => (
                if self.approximate { "c. " } else { "" },
                if self.uncertain { "?" } else { "" },
            ),
            false => ("", ""),
        };
        let calendar = if marks.calendar && self.calendar == Calendar::Julian {
            " O.S."
        } else {
            ""
        };
        format!("{approximate}{words}{uncertain}{calendar}")
    }
}

/// `text` without the whitespace around it; at the cost of two bytes when there is none, as in
/// every date of a big file (a first and last byte that are visible ASCII are whole characters,
/// neither of them whitespace).
fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// The parts of `text` between `-`s, as `text.split('-')` gives them, found byte by byte (`-`
/// is ASCII, so every cut is a character boundary).
fn split_at_dashes(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let part = rest?;
        match part.bytes().position(|b| b == b'-') {
            Some(i) => {
                rest = Some(&part[i + 1..]);
                Some(&part[..i])
            }
            None => {
                rest = None;
                Some(part)
            }
        }
    })
}

fn strip_old_style(text: &str) -> Option<&str> {
    // Compared in place, ignoring ASCII case: no lowercase copy for each of a million dates. A
    // matched suffix is ASCII, so the cut before it is a character boundary.
    let bytes = text.as_bytes();
    [" o.s.", " os", " o.s"].into_iter().find_map(|suffix| {
        let start = bytes.len().checked_sub(suffix.len())?;
        bytes[start..]
            .eq_ignore_ascii_case(suffix.as_bytes())
            .then(|| &text[..start])
    })
}

impl fmt::Display for Point {
    /// The canonical written form, which [`Date::from_str`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Century => write!(f, "{:02}XX", self.year / 100)?,
            Precision::Decade => write!(f, "{:03}X", self.year / 10)?,
            Precision::Year => write!(f, "{:04}", self.year)?,
            Precision::Month | Precision::Season => {
                write!(f, "{:04}-{:02}", self.year, self.month)?
            }
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?,
        }
        match (self.approximate, self.uncertain) {
            (true, true) => f.write_str("%")?,
            (true, false) => f.write_str("~")?,
            (false, true) => f.write_str("?")?,
            (false, false) => {}
        }
        if self.calendar == Calendar::Julian {
            f.write_str(" O.S.")?;
        }
        Ok(())
    }
}

impl Point {
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

    /// The date in words at its own precision, as written: "1902", "Jun 1902", "summer 1902",
    /// "c. 1900", "22 Dec 1917 – 10 Feb 1918", "1–3 Mar 1898 O.S.".
    pub fn words(&self) -> String {
        let all_julian = self.points().all(|p| p.calendar == Calendar::Julian);
        let text = self.phrase(Marks {
            qualifiers: true,
            calendar: !all_julian,
            year: true,
        });
        if all_julian {
            format!("{text} O.S.")
        } else {
            text
        }
    }

    /// The date in words as [`Date::words`], with the parts that could be compacted into one run
    /// ("1–3 Mar 1898") compacted, under `marks`.
    fn phrase(&self, marks: Marks) -> String {
        let Some(b) = &self.end else {
            return self.start.words_with(marks);
        };
        let a = &self.start;
        let same_marks = a.approximate == b.approximate
            && a.uncertain == b.uncertain
            && a.calendar == b.calendar
            && a.precision == b.precision;
        let month = |p: &Point| MONTH_ABBREVIATIONS[(p.month - 1) as usize];
        let year = |p: &Point| {
            if marks.year {
                format!(" {}", p.year)
            } else {
                String::new()
            }
        };
        let compact = match a.precision {
            _ if !same_marks || a.year != b.year => None,
            Precision::Day if a.month == b.month => {
                Some(format!("{}–{} {}{}", a.day, b.day, month(a), year(a)))
            }
            Precision::Day => Some(format!(
                "{} {} – {} {}{}",
                a.day,
                month(a),
                b.day,
                month(b),
                year(a)
            )),
            Precision::Month => Some(format!("{}–{}{}", month(a), month(b), year(a))),
            _ => None,
        };
        match compact {
            Some(text) => a.qualify_with(text, marks),
            None => format!("{} – {}", a.words_with(marks), b.words_with(marks)),
        }
    }

    /// The date New Style first, with its Old Style twin in brackets wherever it is known to the
    /// day, as the article writes "7 November [O.S. 26 October] 1879"; see [`DualWords`].
    ///
    /// Callers use it where Old Style applies (the date was written in it, or the place still
    /// kept the Julian calendar); [`Date::words`] elsewhere.
    pub fn dual_words(&self) -> String {
        self.dual().to_string()
    }

    /// The date New Style first, split into its New Style words and the Old Style twin that
    /// follows them (see [`DualWords`]).
    pub fn dual(&self) -> DualWords {
        let old_style_of = |date: &Date| {
            let gregorian = date.in_calendar(Calendar::Gregorian);
            let julian = date.in_calendar(Calendar::Julian);
            let one_year = gregorian
                .points()
                .chain(julian.points())
                .all(|p| p.year == date.start.earliest.year());
            let new_style = gregorian.phrase(Marks {
                qualifiers: true,
                calendar: false,
                year: true,
            });
            let old_style = julian.phrase(Marks {
                qualifiers: false,
                calendar: false,
                year: !one_year,
            });
            (new_style, old_style)
        };
        if self.is_day_precise() {
            let (new_style, old_style) = old_style_of(self);
            return DualWords {
                new_style,
                old_style: Some(old_style),
            };
        }
        // An interval of a coarse end and a day: each end on its own, the day with its twin.
        let as_written = |p: &Point| {
            p.words_with(Marks {
                qualifiers: true,
                calendar: true,
                year: true,
            })
        };
        match (&self.start, &self.end) {
            (start, Some(end)) if end.precision == Precision::Day => {
                let (day, twin) = old_style_of(&self.last());
                DualWords {
                    new_style: format!("{} – {day}", as_written(start)),
                    old_style: Some(twin),
                }
            }
            (start, Some(end)) if start.precision == Precision::Day => {
                let (day, twin) = old_style_of(&self.first());
                DualWords {
                    new_style: format!("{day} [O.S. {twin}] – {}", as_written(end)),
                    old_style: None,
                }
            }
            _ => DualWords {
                new_style: self.words(),
                old_style: None,
            },
        }
    }
}

/// What a phrase of date words includes beyond the bare day, month, season or year.
#[derive(Clone, Copy, Debug)]
struct Marks {
    /// "c. " for approximate, "?" for uncertain.
    qualifiers: bool,
    /// " O.S." after each point written in the Julian calendar.
    calendar: bool,
    /// The year after a day or a month; off for an Old Style twin in the same year as its date.
    year: bool,
}

/// A date New Style first, with its Old Style twin: `7 Nov 1917 [O.S. 25 Oct]`.
///
/// Rows sort by the Gregorian day, so the first date a reader sees is the Gregorian one. The twin
/// is given only where the date is known to the day: a Julian day is one exact Gregorian day, but a
/// month or a year of one calendar is no month or year of the other, so a month entered as Old
/// Style keeps its Old Style name (`Jan 1898 O.S.`) and a year is just a year. The twin leaves out
/// the year when every day of both calendars falls in the same year.
///
/// ```
/// use timeline::date::Date;
///
/// let dual = |text: &str| Date::parse(text).unwrap().dual_words();
/// assert_eq!(dual("1879-10-26 O.S."), "7 Nov 1879 [O.S. 26 Oct]");
/// assert_eq!(dual("1917-11-07"), "7 Nov 1917 [O.S. 25 Oct]");
/// assert_eq!(dual("1917-11-07/1917-11-08"), "7–8 Nov 1917 [O.S. 25–26 Oct]");
/// assert_eq!(dual("1905-01-09 O.S."), "22 Jan 1905 [O.S. 9 Jan]");
/// assert_eq!(dual("1904-12-31 O.S."), "13 Jan 1905 [O.S. 31 Dec 1904]");
/// assert_eq!(dual("1905-11-26~ O.S."), "c. 9 Dec 1905 [O.S. 26 Nov]");
/// // Coarser than a day: as written, never a made-up Old Style day.
/// assert_eq!(dual("1898-01 O.S."), "Jan 1898 O.S.");
/// assert_eq!(dual("1888~/1889~"), "c. 1888 – c. 1889");
/// assert_eq!(dual("1905-10~ O.S./1905-11-26 O.S."), "c. Oct 1905 O.S. – 9 Dec 1905 [O.S. 26 Nov]");
///
/// let split = Date::parse("1898-03-01 O.S./1898-03-03 O.S.").unwrap().dual();
/// assert_eq!((split.new_style(), split.old_style()), ("13–15 Mar 1898", Some("1–3 Mar")));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DualWords {
    new_style: String,
    old_style: Option<String>,
}

impl DualWords {
    /// The date as written, with no Old Style twin: for dates Old Style does not apply to.
    pub fn as_written(date: &Date) -> DualWords {
        DualWords {
            new_style: date.words(),
            old_style: None,
        }
    }

    /// The New Style words, which come first: "7 Nov 1917", or the whole date as written when it
    /// has no day to give a twin for.
    pub fn new_style(&self) -> &str {
        &self.new_style
    }

    /// The Old Style twin of the day or days the New Style words end with, without the brackets:
    /// "25 Oct". None when there is none to give.
    pub fn old_style(&self) -> Option<&str> {
        self.old_style.as_deref()
    }

    /// The Old Style twin as it follows the New Style words: "[O.S. 25 Oct]".
    ///
    /// ```
    /// use timeline::date::Date;
    /// let dual = Date::parse("1917-11-07").unwrap().dual();
    /// assert_eq!(dual.twin().as_deref(), Some("[O.S. 25 Oct]"));
    /// ```
    pub fn twin(&self) -> Option<String> {
        self.old_style.as_ref().map(|os| format!("[O.S. {os}]"))
    }
}

impl fmt::Display for DualWords {
    /// "7 Nov 1917 [O.S. 25 Oct]".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.new_style)?;
        if let Some(twin) = self.twin() {
            write!(f, " {twin}")?;
        }
        Ok(())
    }
}

/// A person's age in whole years over a date, from the youngest they can have been on its first
/// day to the oldest they can have been on its last.
///
/// A coarse birth date or a coarse event widens the range; an interval covers every age reached
/// during it, so "1904 – 1917" for someone born on 7 November 1879 is 24–38, not the 24–25 of
/// its first year alone. An interval that runs past the person's death stops at their age then.
///
/// ```
/// use timeline::date::{Age, Date};
///
/// let born = Date::parse("1879-10-26 O.S.").unwrap(); // 7 Nov 1879
/// let died = Date::parse("1940-08-21").unwrap();
/// let age = |text: &str| Age::over(&born, Some(&died), &Date::parse(text).unwrap());
///
/// assert_eq!(age("1917-11-07").unwrap().to_string(), "38");
/// assert_eq!(age("1917-11-06").unwrap().to_string(), "37");
/// assert_eq!(age("1896").unwrap().to_string(), "16–17");
/// assert_eq!(age("1904/1917").unwrap().to_string(), "24–38");
/// let exile = age("1929/1950").unwrap(); // runs past his death: no age after it
/// assert_eq!((exile.youngest(), exile.oldest()), (49, 60));
/// assert!(age("1870").is_none());
/// assert!(age("1941").is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Age {
    youngest: u32,
    oldest: u32,
}

impl Age {
    /// The age over `date` of someone born on `born` (and dead on `died`, if given). None when
    /// the date may begin before the person was born or begins after they died.
    pub fn over(born: &Date, died: Option<&Date>, date: &Date) -> Option<Age> {
        if date.earliest() < born.earliest() || died.is_some_and(|d| date.earliest() > d.latest()) {
            return None;
        }
        let last_day = match died {
            Some(died) => date.latest().min(died.latest()),
            None => date.latest(),
        };
        let youngest = whole_years(born.latest(), date.earliest()).max(0) as u32;
        let oldest = (whole_years(born.earliest(), last_day).max(0) as u32).max(youngest);
        Some(Age { youngest, oldest })
    }

    /// The youngest age the person can have had on the date's first day.
    pub fn youngest(&self) -> u32 {
        self.youngest
    }

    /// The oldest age the person can have had on the date's last day.
    pub fn oldest(&self) -> u32 {
        self.oldest
    }
}

impl fmt::Display for Age {
    /// "38" when the age is known, "24–38" for a range.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.youngest == self.oldest {
            write!(f, "{}", self.youngest)
        } else {
            write!(f, "{}–{}", self.youngest, self.oldest)
        }
    }
}

/// Whole years from `born` to `day`: negative before the first birthday.
fn whole_years(born: NaiveDate, day: NaiveDate) -> i32 {
    let before_birthday = (day.month(), day.day()) < (born.month(), born.day());
    day.year() - born.year() - i32::from(before_birthday)
}

/// A Gregorian day in words: "31 Aug 1914".
pub fn day_words(day: NaiveDate) -> String {
    format!(
        "{} {} {}",
        day.day(),
        MONTH_ABBREVIATIONS[day.month0() as usize],
        day.year()
    )
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        let text = trim(text);
        if text.is_empty() {
            return Err(error("the date is empty"));
        }
        // Searched byte by byte: a date is a dozen bytes, shorter than a `char` search's setup.
        let slash = text.bytes().position(|b| b == b'/');
        match slash.map(|i| (&text[..i], &text[i + 1..])) {
            None => Ok(Date {
                start: Point::parse(text)?,
                end: None,
            }),
            Some((first, second)) => {
                if second.bytes().any(|b| b == b'/') {
                    return Err(error("an interval has exactly one '/'"));
                }
                let start = Date {
                    start: Point::parse(first)?,
                    end: None,
                };
                let end = Date {
                    start: Point::parse(second)?,
                    end: None,
                };
                start.until(end)
            }
        }
    }
}

impl fmt::Display for Date {
    /// The canonical written form: `1917-10-25 O.S.`, `1935-06-18/1936-09-02`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.start)?;
        if let Some(end) = &self.end {
            write!(f, "/{end}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_style_is_read_in_any_case_and_years_with_x_are_their_first_year() {
        for text in [
            "1917-10-25 O.S.",
            "1917-10-25 o.s.",
            "1917-10-25 os",
            "1917-10-25 O.s",
        ] {
            let date = Date::parse(text).unwrap();
            assert!(date.is_old_style(), "{text}");
            assert_eq!(date.earliest(), day(1917, 11, 7), "{text}");
        }
        assert!(Date::parse("1917-10-25O.S.").is_err());
        assert!(Date::parse("1917-10-25 é").is_err());
        assert_eq!(Date::parse("191X").unwrap().earliest(), day(1910, 1, 1));
        assert_eq!(Date::parse("19XX").unwrap().latest(), day(1999, 12, 31));
        assert_eq!(Date::parse("0042").unwrap().earliest().year(), 42);
        assert!(Date::parse("00XX").is_err());
        for text in [
            "1917-",
            "-1917",
            "1917--01",
            "1917-01-01-01",
            " 1917 ",
            "\u{a0}1917",
            "1917/",
        ] {
            let parts: Vec<&str> = split_at_dashes(text).collect();
            assert_eq!(parts, text.split('-').collect::<Vec<_>>(), "{text:?}");
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
        assert_eq!(
            Date::parse(" 1917-10 ").unwrap(),
            Date::parse("1917-10").unwrap()
        );
        assert!(Date::parse("1917/1918/1919").is_err());
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn span(text: &str) -> (NaiveDate, NaiveDate) {
        let date: Date = text.parse().unwrap();
        (date.earliest(), date.latest())
    }

    #[test]
    fn precisions_cover_their_whole_unit() {
        assert_eq!(span("1902"), (day(1902, 1, 1), day(1902, 12, 31)));
        assert_eq!(span("1902-06"), (day(1902, 6, 1), day(1902, 6, 30)));
        assert_eq!(span("1904-02"), (day(1904, 2, 1), day(1904, 2, 29)));
        assert_eq!(span("1902-21"), (day(1902, 3, 1), day(1902, 5, 31)));
        assert_eq!(span("1902-22"), (day(1902, 6, 1), day(1902, 8, 31)));
        assert_eq!(span("1902-23"), (day(1902, 9, 1), day(1902, 11, 30)));
        assert_eq!(span("1919-24"), (day(1919, 12, 1), day(1920, 2, 29)));
        assert_eq!(span("191X"), (day(1910, 1, 1), day(1919, 12, 31)));
        assert_eq!(span("19XX"), (day(1900, 1, 1), day(1999, 12, 31)));
    }

    #[test]
    fn qualifiers_keep_strict_bounds_and_show_in_words() {
        let date: Date = "1900~".parse().unwrap();
        assert_eq!(
            (date.earliest(), date.latest()),
            (day(1900, 1, 1), day(1900, 12, 31))
        );
        assert!(date.is_approximate() && !date.is_uncertain());
        assert_eq!(date.words(), "c. 1900");
        assert_eq!(Date::parse("1917-10?").unwrap().words(), "Oct 1917?");
        assert_eq!(Date::parse("1917-10%").unwrap().words(), "c. Oct 1917?");
    }

    #[test]
    fn old_style_around_the_1900_leap_day() {
        // Julian 1900 is a leap year; Gregorian 1900 is not. The gap was 12 days until
        // Julian 29 Feb 1900 and 13 days after it.
        assert_eq!(span("1900-02-28 O.S.").0, day(1900, 3, 12));
        assert_eq!(span("1900-02-29 O.S.").0, day(1900, 3, 13));
        assert_eq!(span("1900-03-01 O.S.").0, day(1900, 3, 14));
        let refused = Date::parse("1900-02-29").unwrap_err();
        assert!(refused.message.contains("not a leap year"), "{refused}");
        assert!(Date::parse("1901-02-29 O.S.").is_err());
    }

    #[test]
    fn old_style_around_the_1918_switch() {
        // Soviet Russia went from Wednesday 31 January 1918 (O.S.) to Thursday 14 February.
        assert_eq!(span("1918-01-31 O.S.").0, day(1918, 2, 13));
        assert_eq!(span("1918-02-01 O.S.").0, day(1918, 2, 14));
        assert_eq!(span("1917-10-25 O.S.").0, day(1917, 11, 7));
        assert_eq!(span("1879-10-26 O.S.").0, day(1879, 11, 7));
        assert_eq!(to_julian(day(1918, 2, 14)), (1918, 2, 1));
    }

    #[test]
    fn old_style_months_and_seasons_convert_their_bounds() {
        assert_eq!(span("1917-10 O.S."), (day(1917, 10, 14), day(1917, 11, 13)));
        assert_eq!(span("1905-24 O.S."), (day(1905, 12, 14), day(1906, 3, 13)));
    }

    #[test]
    fn impossible_dates_are_refused_with_a_reason() {
        for (text, reason) in [
            ("1917-02-30", "has 28 days"),
            ("1917-13", "neither a month"),
            ("1917-00-01", "not 01–12"),
            ("abc", "four digits"),
            ("17", "four digits"),
            ("1917-1", "two digits"),
            ("1917-10-25-1", "too many"),
            ("1X17", "not a year"),
            ("191X-01", "only the last"),
            ("0000", "no year 0"),
            ("", "empty"),
            ("1921/1917", "ends"),
            ("1917/1918/1919", "exactly one"),
        ] {
            let err = Date::parse(text).unwrap_err();
            assert!(err.message.contains(reason), "{text}: {err}");
        }
    }

    #[test]
    fn words_follow_precision_and_compact_intervals() {
        let words = |t: &str| Date::parse(t).unwrap().words();
        assert_eq!(words("1902"), "1902");
        assert_eq!(words("1902-06"), "Jun 1902");
        assert_eq!(words("1902-22"), "summer 1902");
        assert_eq!(words("1919-24"), "winter 1919–20");
        assert_eq!(words("1917-11-07"), "7 Nov 1917");
        assert_eq!(words("191X"), "1910s");
        assert_eq!(words("1917-12-22/1918-02-10"), "22 Dec 1917 – 10 Feb 1918");
        assert_eq!(words("1935-06-18/1936-09-02"), "18 Jun 1935 – 2 Sep 1936");
        assert_eq!(words("1936-06-18/1936-09-02"), "18 Jun – 2 Sep 1936");
        assert_eq!(
            words("1898-03-01 O.S./1898-03-03 O.S."),
            "1–3 Mar 1898 O.S."
        );
        assert_eq!(words("1918-05/1918-06"), "May–Jun 1918");
        assert_eq!(words("1920-09~/1920-12~"), "c. Sep–Dec 1920");
        assert_eq!(words("1917-10-25 O.S./1918"), "25 Oct 1917 O.S. – 1918");
    }

    #[test]
    fn dual_words_show_both_calendars_whichever_was_entered() {
        let entered_old = Date::parse("1917-10-25 O.S.").unwrap();
        let entered_new = Date::parse("1917-11-07").unwrap();
        assert_eq!(entered_old.dual_words(), "7 Nov 1917 [O.S. 25 Oct]");
        assert_eq!(entered_new.dual_words(), "7 Nov 1917 [O.S. 25 Oct]");
        let uprising = Date::parse("1917-11-07/1917-11-08").unwrap();
        assert_eq!(uprising.dual_words(), "7–8 Nov 1917 [O.S. 25–26 Oct]");
        assert_eq!(Date::parse("1905").unwrap().dual_words(), "1905");
        assert_eq!(
            Date::parse("1905-02 O.S.").unwrap().dual_words(),
            "Feb 1905 O.S."
        );
        // A year that changes between the calendars is written on both sides.
        let new_year = Date::parse("1904-12-25 O.S./1905-01-09 O.S.").unwrap();
        assert_eq!(
            new_year.dual_words(),
            "7–22 Jan 1905 [O.S. 25 Dec 1904 – 9 Jan 1905]"
        );
        let across = Date::parse("1904-12-20 O.S./1904-12-30 O.S.").unwrap();
        assert_eq!(across.dual_words(), "2–12 Jan 1905 [O.S. 20–30 Dec 1904]");
        // Qualifiers stay on the New Style words; the twin is the bare day.
        let approximate = Date::parse("1917-09-03~ O.S.").unwrap();
        assert_eq!(approximate.dual_words(), "c. 16 Sep 1917 [O.S. 3 Sep]");
        let start_day = Date::parse("1905-10-15 O.S./1905-12~ O.S.").unwrap();
        assert_eq!(
            start_day.dual_words(),
            "28 Oct 1905 [O.S. 15 Oct] – c. Dec 1905 O.S."
        );
    }

    #[test]
    fn canonical_form_reads_back() {
        for text in [
            "1902",
            "1902-06",
            "1902-22~",
            "1917-10-25 O.S.",
            "191X?",
            "19XX%",
            "1935-06-18/1936-09-02",
            "1898-03-01 O.S./1898-03-03 O.S.",
        ] {
            let date = Date::parse(text).unwrap();
            assert_eq!(date.to_string(), text);
            assert_eq!(Date::parse(&date.to_string()).unwrap(), date);
        }
    }

    proptest::proptest! {
        #[test]
        fn julian_round_trip(days in 0i64..(365 * 600)) {
            // Every Gregorian day from 1582 to ~2182 has one Julian name that maps back to it.
            let gregorian = day(1582, 10, 15) + chrono::Duration::days(days);
            let (y, m, d) = to_julian(gregorian);
            let text = format!("{y:04}-{m:02}-{d:02} O.S.");
            let date = Date::parse(&text).unwrap();
            proptest::prop_assert_eq!(date.earliest(), gregorian);
            proptest::prop_assert_eq!(date.to_string(), text);
        }

        #[test]
        fn jdn_agrees_with_chrono(days in 0i64..(365 * 600)) {
            let gregorian = day(1582, 10, 15) + chrono::Duration::days(days);
            let jdn = julian_day_number(Calendar::Gregorian, gregorian.year(), gregorian.month(), gregorian.day());
            proptest::prop_assert_eq!(gregorian_from_jdn(jdn), Some(gregorian));
        }
    }
}
