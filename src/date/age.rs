//! Ages: how old a person was over a date, as a range wide enough for both dates' precision.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::Date;

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
