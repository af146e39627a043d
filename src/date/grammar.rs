//! The date grammar: how a curator writes a date, and the canonical form it is written back in.
//!
//! A point is a year of four digits (`1917`), the last one or two of them possibly unspecified
//! (`191X`, `19XX`); a year and month (`1917-10`) or season (`1917-22`, 21–24 for spring to
//! winter); or a day (`1917-10-25`). It may end in `~` (approximate), `?` (uncertain) or `%`
//! (both), and then in ` O.S.` for the Julian calendar. A date is a point or two joined by `/`.
//!
//! ```
//! use timeline::date::{Date, Precision};
//!
//! let date: Date = "1917-10-25~ O.S./1918-22".parse().unwrap();
//! assert_eq!(date.start().precision(), Precision::Day);
//! assert!(date.is_approximate() && date.is_old_style());
//! assert_eq!(date.to_string(), "1917-10-25~ O.S./1918-22");
//! assert!("1917-13".parse::<Date>().unwrap_err().impossible);
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::calendar::{days_in_month, to_gregorian};
use super::{Calendar, Date, DateError, Point, Precision, error, impossible};
use crate::error::quote;

/// The forms a date may take, for error messages.
pub const GRAMMAR_HINT: &str = "dates look like 1917, 1917-10, 1917-10-25, 1917-22 (summer; 21..24 are \
     spring..winter), 191X, 1900~ (approximate), 1900? (uncertain), 1917-10-25 O.S. (Julian), or A/B";

/// A (year, month, day) of the calendar a point was written in.
type Day = (i32, u32, u32);

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
        let (year, unspecified) = parse_year(year_text, month_text.is_some())?;
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
        let (first, last) = match (month_text, day_text) {
            (None, _) => point.set_years(unspecified),
            (Some(month_text), None) => point.set_month_or_season(month_text)?,
            (Some(month_text), Some(day_text)) => point.set_day(month_text, day_text)?,
        };
        point.earliest = to_gregorian(calendar, first.0, first.1, first.2)?;
        point.latest = to_gregorian(calendar, last.0, last.1, last.2)?;
        Ok(point)
    }

    /// A year, decade (one X) or century (two): its precision, and its first and last days.
    fn set_years(&mut self, unspecified: usize) -> (Day, Day) {
        let year = self.year;
        match unspecified {
            2 => {
                self.precision = Precision::Century;
                ((year, 1, 1), (year + 99, 12, 31))
            }
            1 => {
                self.precision = Precision::Decade;
                ((year, 1, 1), (year + 9, 12, 31))
            }
            _ => ((year, 1, 1), (year, 12, 31)),
        }
    }

    /// A month (01–12) or a meteorological season (21–24): its fields, and its first and last
    /// days. Winter runs from December into the next year's February.
    fn set_month_or_season(&mut self, month_text: &str) -> Result<(Day, Day), DateError> {
        let (calendar, year) = (self.calendar, self.year);
        let month = two_digits(month_text, "month")?;
        self.month = month;
        match month {
            1..=12 => {
                self.precision = Precision::Month;
                let days = days_in_month(calendar, year, month);
                Ok(((year, month, 1), (year, month, days)))
            }
            24 => {
                self.precision = Precision::Season;
                let february = days_in_month(calendar, year + 1, 2);
                Ok(((year, 12, 1), (year + 1, 2, february)))
            }
            21..=23 => {
                self.precision = Precision::Season;
                let first_month = 3 * (month - 21) + 3;
                let last_month = first_month + 2;
                let days = days_in_month(calendar, year, last_month);
                Ok(((year, first_month, 1), (year, last_month, days)))
            }
            _ => Err(impossible(format!(
                "month {month_text} is neither a month 01–12 nor a season 21–24"
            ))),
        }
    }

    /// A day: its fields, and the day as both its first and last. Whether the month has that
    /// day is for the conversion to Gregorian days to say.
    fn set_day(&mut self, month_text: &str, day_text: &str) -> Result<(Day, Day), DateError> {
        let month = two_digits(month_text, "month")?;
        if !(1..=12).contains(&month) {
            return Err(impossible(format!("month {month_text} is not 01–12")));
        }
        let day = two_digits(day_text, "day")?;
        self.precision = Precision::Day;
        self.month = month;
        self.day = day;
        let day = (self.year, month, day);
        Ok((day, day))
    }
}

/// The year of four digits, each X of the last one or two a zero (`191X` is 1910), and how many
/// were X. `has_month` refuses an X before a month: `191X-01` is no month.
fn parse_year(year_text: &str, has_month: bool) -> Result<(i32, usize), DateError> {
    if year_text.len() != 4 || !year_text.is_ascii() {
        return Err(error("the year must have four digits"));
    }
    let unspecified = year_text.bytes().rev().take_while(|&b| b == b'X').count();
    let digits = &year_text[..4 - unspecified];
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(error(format!("`{}` is not a year", quote(year_text))));
    }
    if unspecified > 0 && (unspecified > 2 || has_month) {
        return Err(error(
            "only the last one or two digits of a year may be X, with no month or day",
        ));
    }
    // No text is built, as this runs for every date of a million-event file.
    let year = digits
        .bytes()
        .chain(std::iter::repeat_n(b'0', unspecified))
        .fold(0i32, |year, b| year * 10 + i32::from(b - b'0'));
    if year == 0 {
        return Err(error("there is no year 0"));
    }
    Ok((year, unspecified))
}

/// A month or a day of exactly two digits; `what` names it in the message.
fn two_digits(text: &str, what: &str) -> Result<u32, DateError> {
    if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(error(format!(
            "the {what} must have two digits, not `{}`",
            quote(text)
        )));
    }
    text.parse().map_err(|_| error(format!("bad {what}")))
}

/// `text` without the whitespace around it; at the cost of two bytes when there is none, as in
/// every date of a big file (a first and last byte that are visible ASCII are whole characters,
/// neither of them whitespace).
pub(super) fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// The parts of `text` between `-`s, as `text.split('-')` gives them, found byte by byte (`-`
/// is ASCII, so every cut is a character boundary).
pub(super) fn split_at_dashes(text: &str) -> impl Iterator<Item = &str> {
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

/// `text` without a trailing ` O.S.` (any case, dots optional), when it has one.
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
