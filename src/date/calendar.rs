//! Calendar arithmetic: the Julian and Gregorian calendars, day numbers between them, and ISO
//! 8601 days. Russia kept the Julian calendar (Old Style) until Wednesday 31 January 1918, and
//! the next day was Thursday 14 February (New Style); every date is kept as Gregorian days.
//!
//! ```
//! use chrono::NaiveDate;
//! use timeline::date::{Calendar, julian_day_number, gregorian_from_jdn, to_julian};
//!
//! // The last Julian day in Russia and the first Gregorian one are neighbours.
//! let last_julian = julian_day_number(Calendar::Julian, 1918, 1, 31);
//! let first_gregorian = gregorian_from_jdn(last_julian + 1).unwrap();
//! assert_eq!(first_gregorian, NaiveDate::from_ymd_opt(1918, 2, 14).unwrap());
//! assert_eq!(to_julian(first_gregorian), (1918, 2, 1));
//! ```

use chrono::{Datelike, NaiveDate};

use super::words::MONTH_ABBREVIATIONS;
use super::{Calendar, DateError, error, impossible};

/// True when `year` has 29 February in `calendar`.
///
/// ```
/// use timeline::date::{Calendar, is_leap};
/// assert!(is_leap(Calendar::Julian, 1900));
/// assert!(!is_leap(Calendar::Gregorian, 1900));
/// assert!(is_leap(Calendar::Gregorian, 2000));
/// ```
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
pub(super) fn to_gregorian(
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
