//! Places within places over time: which places lay within a set of places, and on which days
//! (`where "Russian Empire"` keeps Yanovka in 1879, not in 1930). An event lies where its place
//! lay on its first possible day, the day its place's name and calendar are read on too.

use chrono::{Datelike, NaiveDate};

use crate::model::{Enclosure, Place};

/// Half-open ranges of day numbers (`NaiveDate::num_days_from_ce`), sorted, apart.
type Days = Vec<(i32, i32)>;

/// Every day there is.
const ALWAYS: (i32, i32) = (i32::MIN, i32::MAX);

/// The most ranges of days kept for one place. A place whose ancestors' borders moved more often
/// than this (only a hostile file: a chain of 50,000 places, each with a gap of its own) is
/// answered by walking up from it on the day instead, so memory stays linear in the places.
const MOST_RANGES: usize = 64;

/// For each place, the days on which it lay within one of a set of places (or was one of them).
#[derive(Debug, Clone)]
pub struct PlaceSet {
    /// Every one of these must hold: `where X --place Y` keeps what lay within both.
    all_of: Vec<Within>,
}

/// The days each place lay within one set of places.
#[derive(Debug, Clone)]
struct Within {
    /// For each place, its days; `None` for a place with too many ranges to keep, answered by
    /// walking up through `walk`.
    days: Vec<Option<Days>>,
    /// The enclosures of each place whose days are not kept (empty for the others).
    walk: Vec<Vec<Enclosure>>,
}

impl PlaceSet {
    /// The set of `places` and every place within them at any depth, each over the days it lay
    /// within them; `parents_first` is every place, each after the places it lies within (see
    /// [`parents_first`]).
    pub fn within(all: &[Place], parents_first: &[usize], places: &[usize]) -> PlaceSet {
        let mut days: Vec<Option<Days>> = vec![Some(Vec::new()); all.len()];
        let mut walk: Vec<Vec<Enclosure>> = vec![Vec::new(); all.len()];
        for &p in places {
            if let Some(d) = days.get_mut(p) {
                *d = Some(vec![ALWAYS]);
            }
        }
        for &p in parents_first {
            if days[p].as_ref().is_some_and(|d| d.first() == Some(&ALWAYS)) {
                continue;
            }
            let mut inherited: Days = Vec::new();
            let mut too_many = false;
            for e in &all[p].within {
                let range = (day_number(e.from, i32::MIN), day_number(e.to, i32::MAX));
                match days.get(e.place) {
                    Some(Some(parent)) => {
                        for &(from, to) in parent {
                            let (from, to) = (from.max(range.0), to.min(range.1));
                            if from < to {
                                inherited.push((from, to));
                            }
                        }
                    }
                    Some(None) => too_many = true,
                    None => {}
                }
            }
            let inherited = merged(inherited);
            if too_many || inherited.len() > MOST_RANGES {
                days[p] = None;
                walk[p] = all[p].within.clone();
            } else {
                days[p] = Some(inherited);
            }
        }
        PlaceSet {
            all_of: vec![Within { days, walk }],
        }
    }

    /// True when `place` lay within the set on `day` (a day number).
    pub fn contains(&self, place: usize, day: i32) -> bool {
        self.all_of.iter().all(|w| w.contains(place, day))
    }

    /// The places that lay within both sets, on the days they did: `where X --place Y`.
    pub fn intersect(mut self, other: PlaceSet) -> PlaceSet {
        self.all_of.extend(other.all_of);
        self
    }
}

impl Within {
    fn contains(&self, mut place: usize, day: i32) -> bool {
        // Each step goes up one place; the loader refuses cycles, the bound guards a bug there.
        for _ in 0..=self.days.len() {
            match self.days.get(place) {
                Some(Some(days)) => {
                    return days.iter().any(|&(from, to)| from <= day && day < to);
                }
                Some(None) => {
                    let parent = self.walk[place].iter().find(|e| {
                        day_number(e.from, i32::MIN) <= day && day < day_number(e.to, i32::MAX)
                    });
                    match parent {
                        Some(e) => place = e.place,
                        None => return false,
                    }
                }
                None => return false,
            }
        }
        false
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
        assert!(!empire.intersect(union.clone()).contains(3, n(1930)));
        let republic = PlaceSet::within(&places, &order, &[2]);
        assert!(republic.intersect(union).contains(3, n(1930)));
    }

    #[test]
    fn a_place_whose_borders_moved_too_often_is_answered_by_walking_up() {
        // A chain where each place leaves its parent for one day of its own: the ranges pile
        // up going down, past what is kept.
        let n = 200;
        let places: Vec<Place> = (0..n)
            .map(|i| {
                if i + 1 == n {
                    return place(vec![]);
                }
                let gap = day(1000 + i as i32);
                let next = gap.succ_opt().unwrap();
                place(vec![
                    Enclosure {
                        place: i + 1,
                        from: None,
                        to: Some(gap),
                    },
                    Enclosure {
                        place: i + 1,
                        from: Some(next),
                        to: None,
                    },
                ])
            })
            .collect();
        let order = parents_first(&places);
        let top = PlaceSet::within(&places, &order, &[n - 1]);
        let n_of = |d: NaiveDate| d.num_days_from_ce();
        assert!(top.contains(0, n_of(day(1917))));
        assert!(
            !top.contains(0, n_of(day(1000 + 150))),
            "a gap far up the chain"
        );
        assert!(!top.contains(0, n_of(day(1000))), "its own gap");
        assert!(top.contains(0, n_of(day(1000 + 150)) + 1));
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
