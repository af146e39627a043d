//! Places within places over time: which places lay within a set of places, and on which days
//! (`where "Russian Empire"` keeps Yanovka in 1879, not in 1930). An event lies where its place
//! lay on its first possible day, the day its place's name and calendar are read on too.

use chrono::{Datelike, NaiveDate};

use crate::model::Place;

/// Half-open ranges of day numbers (`NaiveDate::num_days_from_ce`), sorted, apart.
type Days = Vec<(i32, i32)>;

/// Every day there is.
const ALWAYS: (i32, i32) = (i32::MIN, i32::MAX);

/// For each place, the days on which it lay within one of a set of places (or was one of them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceSet {
    days: Vec<Days>,
}

impl PlaceSet {
    /// The set of `places` and every place within them at any depth, each over the days it lay
    /// within them; `parents_first` is every place, each after the places it lies within (see
    /// [`parents_first`]).
    pub fn within(all: &[Place], parents_first: &[usize], places: &[usize]) -> PlaceSet {
        let mut days: Vec<Days> = vec![Vec::new(); all.len()];
        for &p in places {
            if let Some(d) = days.get_mut(p) {
                *d = vec![ALWAYS];
            }
        }
        for &p in parents_first {
            if days[p].first() == Some(&ALWAYS) {
                continue;
            }
            let mut inherited: Days = Vec::new();
            for e in &all[p].within {
                let range = (day_number(e.from, i32::MIN), day_number(e.to, i32::MAX));
                for &(from, to) in days.get(e.place).map_or(&[][..], Vec::as_slice) {
                    let (from, to) = (from.max(range.0), to.min(range.1));
                    if from < to {
                        inherited.push((from, to));
                    }
                }
            }
            days[p] = merged(inherited);
        }
        PlaceSet { days }
    }

    /// True when `place` lay within the set on `day` (a day number).
    pub fn contains(&self, place: usize, day: i32) -> bool {
        self.days
            .get(place)
            .is_some_and(|d| d.iter().any(|&(from, to)| from <= day && day < to))
    }

    /// The days on which a place lay within both sets: `where X --place Y`.
    pub fn intersect(&self, other: &PlaceSet) -> PlaceSet {
        let days = self
            .days
            .iter()
            .zip(&other.days)
            .map(|(a, b)| {
                let mut both = Vec::new();
                for &(af, at) in a {
                    for &(bf, bt) in b {
                        let (from, to) = (af.max(bf), at.min(bt));
                        if from < to {
                            both.push((from, to));
                        }
                    }
                }
                merged(both)
            })
            .collect();
        PlaceSet { days }
    }
}

/// The day number of a bound, or `open` when there is none.
fn day_number(day: Option<NaiveDate>, open: i32) -> i32 {
    day.map_or(open, |d| d.num_days_from_ce())
}

/// Ranges sorted and merged where they touch.
fn merged(mut ranges: Days) -> Days {
    ranges.sort_unstable();
    let mut out: Days = Vec::with_capacity(ranges.len());
    for (from, to) in ranges {
        match out.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => out.push((from, to)),
        }
    }
    out
}

/// Every place, each after all the places it ever lies within (Kahn's order); a place on a
/// cycle, which the loader refuses, is left out rather than looped on.
pub fn parents_first(places: &[Place]) -> Vec<usize> {
    let n = places.len();
    let mut waiting: Vec<usize> = places.iter().map(|p| p.within.len()).collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, p) in places.iter().enumerate() {
        for e in &p.within {
            match children.get_mut(e.place) {
                Some(c) => c.push(i),
                // An enclosure out of range (the loader refuses it) waits for nothing.
                None => waiting[i] -= 1,
            }
        }
    }
    let mut order: Vec<usize> = (0..n).filter(|&p| waiting[p] == 0).collect();
    let mut next = 0;
    while let Some(&p) = order.get(next) {
        next += 1;
        for &c in &children[p] {
            waiting[c] -= 1;
            if waiting[c] == 0 {
                order.push(c);
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Enclosure;

    fn day(y: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, 1, 1).unwrap()
    }

    fn place(within: Vec<Enclosure>) -> Place {
        Place {
            id: String::new(),
            name: String::new(),
            aliases: Vec::new(),
            names: Vec::new(),
            within,
            julian_until: None,
        }
    }

    #[test]
    fn a_place_is_within_its_enclosures_on_their_days_only() {
        // 0 empire, 1 union, 2 republic (in the union 1922–1991), 3 village (empire to 1917,
        // republic from 1922).
        let span = |place, from: Option<i32>, to: Option<i32>| Enclosure {
            place,
            from: from.map(day),
            to: to.map(day),
        };
        let places = vec![
            place(vec![]),
            place(vec![]),
            place(vec![span(1, Some(1922), Some(1991))]),
            place(vec![span(0, None, Some(1917)), span(2, Some(1922), None)]),
        ];
        let order = parents_first(&places);
        assert_eq!(order.len(), 4);
        let union = PlaceSet::within(&places, &order, &[1]);
        let n = |y: i32| day(y).num_days_from_ce();
        assert!(union.contains(3, n(1930)));
        assert!(!union.contains(3, n(1900)), "not before the union");
        assert!(!union.contains(3, n(1995)), "not after it");
        assert!(union.contains(1, n(1700)), "the union itself, always");
        let empire = PlaceSet::within(&places, &order, &[0]);
        assert!(empire.contains(3, n(1900)));
        assert!(!empire.contains(3, n(1930)));
        assert!(!empire.intersect(&union).contains(3, n(1930)));
        let republic = PlaceSet::within(&places, &order, &[2]);
        assert!(republic.intersect(&union).contains(3, n(1930)));
    }

    #[test]
    fn a_cycle_is_left_out_not_looped_on() {
        let always = |place| Enclosure {
            place,
            from: None,
            to: None,
        };
        let places = vec![
            place(vec![always(1)]),
            place(vec![always(0)]),
            place(vec![]),
        ];
        assert_eq!(parents_first(&places), [2]);
    }
}
