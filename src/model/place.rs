//! A place, its hierarchy and the names it had over time.

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
        self.from.is_none_or(|from| from <= day) && self.to.is_none_or(|to| day < to)
    }
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
    /// The place this one lies within, as an index into the timeline's places.
    pub within: Option<usize>,
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

    /// The plain name, the aliases and every historical name.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.names.iter().map(|n| n.name.as_str()))
    }
}
