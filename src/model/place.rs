//! A place, the places it lay within over time (as Gramps encloses places by date), and the
//! names it had over time.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A name a place bore over a range of days.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HistoricalName {
    /// The name, e.g. "Petrograd".
    pub name: String,
    /// First day in use; unbounded when absent.
    pub from: Option<NaiveDate>,
    /// First day no longer in use (the next name's `from`); unbounded when absent.
    pub to: Option<NaiveDate>,
}

impl HistoricalName {
    /// True when the name was in use on `day`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        covers(self.from, self.to, day)
    }
}

/// A place another lay within over a range of days: Yanovka within the Kherson Governorate
/// until the October rising, within Ukraine from the Union's founding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enclosure {
    /// The enclosing place, as an index into the timeline's places.
    pub place: usize,
    /// First day within it; unbounded when absent.
    pub from: Option<NaiveDate>,
    /// First day no longer within it; unbounded (to this day) when absent.
    pub to: Option<NaiveDate>,
}

impl Enclosure {
    /// True when the place lay within `self.place` on `day`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        covers(self.from, self.to, day)
    }

    /// True when the two ranges of days share a day.
    pub fn overlaps(&self, other: &Enclosure) -> bool {
        ranges_overlap((self.from, self.to), (other.from, other.to))
    }
}

/// True when `day` lies in `from..to`, either bound open when absent.
fn covers(from: Option<NaiveDate>, to: Option<NaiveDate>, day: NaiveDate) -> bool {
    from.is_none_or(|from| from <= day) && to.is_none_or(|to| day < to)
}

/// True when two half-open ranges of days (`from..to`, open when absent) share a day.
pub fn ranges_overlap(
    a: (Option<NaiveDate>, Option<NaiveDate>),
    b: (Option<NaiveDate>, Option<NaiveDate>),
) -> bool {
    let before = |from: Option<NaiveDate>, to: Option<NaiveDate>| match (from, to) {
        (Some(from), Some(to)) => from < to,
        _ => true,
    };
    before(a.0, b.1) && before(b.0, a.1)
}

/// A city, region or country.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Place {
    /// Unique id, e.g. `saint-petersburg`.
    pub id: String,
    /// The name outside every historical range.
    pub name: String,
    /// Other names with no dates of use, still searchable (e.g. Prinkipo).
    pub aliases: Vec<String>,
    /// Names in use over ranges of days (e.g. Petrograd 1914–1924).
    pub names: Vec<HistoricalName>,
    /// The places this one lay within, each over its range of days, in file order; the ranges
    /// never overlap (the loader checks), and a place within one place always has one
    /// unbounded enclosure.
    pub within: Vec<Enclosure>,
    /// Dates here were Julian (Old Style) before this Gregorian day.
    pub julian_until: Option<NaiveDate>,
}

impl Place {
    /// The name in use on `day`.
    pub fn name_on(&self, day: NaiveDate) -> &str {
        self.names
            .iter()
            .find(|n| n.covers(day))
            .map_or(self.name.as_str(), |n| n.name.as_str())
    }

    /// The name in use today: a dated name with no end (Mykolaiv since 1991), else the plain
    /// name (Saint Petersburg, after Petrograd and Leningrad).
    pub fn name_now(&self) -> &str {
        self.names
            .iter()
            .find(|n| n.to.is_none() && n.from.is_some())
            .map_or(self.name.as_str(), |n| n.name.as_str())
    }

    /// The place this one lay directly within on `day`, if any.
    pub fn within_on(&self, day: NaiveDate) -> Option<usize> {
        self.within.iter().find(|e| e.covers(day)).map(|e| e.place)
    }

    /// The place this one lies directly within today: the enclosure with no end, if any.
    pub fn within_now(&self) -> Option<usize> {
        self.within.iter().find(|e| e.to.is_none()).map(|e| e.place)
    }

    /// The plain name, the aliases and every historical name.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.names.iter().map(|n| n.name.as_str()))
    }
}
