//! How a date reads: "c. Nov 1917", "summer 1902", "22 Dec 1917 – 10 Feb 1918", and New Style
//! first with its Old Style twin, "7–8 Nov 1917 [O.S. 25–26 Oct]".
//!
//! ```
//! use timeline::date::Date;
//!
//! let words = |text: &str| Date::parse(text).unwrap().words();
//! assert_eq!(words("1917-11~"), "c. Nov 1917");
//! assert_eq!(words("1936-06-18/1936-09-02"), "18 Jun – 2 Sep 1936");
//! let uprising = Date::parse("1917-11-07/1917-11-08").unwrap();
//! assert_eq!(uprising.dual_words(), "7–8 Nov 1917 [O.S. 25–26 Oct]");
//! ```

use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::{Calendar, Date, Point, Precision};

/// Month names as the article abbreviates them.
pub(super) const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// Seasons 21–23 by name; winter (24) straddles two years and is written apart.
const SEASON_NAMES: [&str; 3] = ["spring", "summer", "autumn"];

impl Point {
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

impl Date {
    /// The date in words at its own precision, as written: "1902", "Jun 1902", "summer 1902",
    /// "c. 1900", "22 Dec 1917 – 10 Feb 1918", "1–3 Mar 1898 O.S.".
    ///
    /// ```
    /// use timeline::date::Date;
    /// let words = |text: &str| Date::parse(text).unwrap().words();
    /// assert_eq!(words("1900~"), "c. 1900");
    /// assert_eq!(words("1919-24"), "winter 1919–20");
    /// assert_eq!(words("1898-03-01 O.S./1898-03-03 O.S."), "1–3 Mar 1898 O.S.");
    /// ```
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

/// A Gregorian day in words: "31 Aug 1914".
///
/// ```
/// use chrono::NaiveDate;
/// use timeline::date::day_words;
/// assert_eq!(day_words(NaiveDate::from_ymd_opt(1914, 8, 31).unwrap()), "31 Aug 1914");
/// ```
pub fn day_words(day: NaiveDate) -> String {
    format!(
        "{} {} {}",
        day.day(),
        MONTH_ABBREVIATIONS[day.month0() as usize],
        day.year()
    )
}
