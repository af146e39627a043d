//! The event index: events sorted once by date, range lookups by binary search, and name lookups
//! (people, places, historical names, aliases) through the name tables of `names`.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::date::{Age, Date};
use crate::model::{Event, Timeline};
use crate::names::NameTable;
use crate::search::WordQuery;

pub use crate::names::fold;

/// What to keep of the events; every part must hold (AND).
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Keep events whose span overlaps these inclusive days.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// Keep events at one of these places (already widened to the places within them).
    pub places: Option<Vec<bool>>,
    /// Keep events involving one of these people.
    pub people: Option<Vec<usize>>,
    /// Keep events that also involve someone of each group (`who NAME`, `--with NAME`): every
    /// group must hold.
    pub with: Vec<Vec<usize>>,
    /// Keep events with one of these tags (folded); none means any tag.
    pub tags: Vec<String>,
    /// Keep events whose title, summary, place names or people's names hold every word.
    pub text: Option<WordQuery>,
    /// Newest first.
    pub reverse: bool,
    /// At most this many events (after `reverse`).
    pub limit: Option<usize>,
}

/// A timeline with its events in date order and its names indexed.
#[derive(Debug, Clone)]
pub struct Index {
    timeline: Timeline,
    /// For each position in the sorted events, the latest last day of the events up to there:
    /// non-decreasing, so the first event that can reach a day is found by binary search.
    latest_so_far: Vec<NaiveDate>,
    /// Every name and alias of each person, folded and keyed at the first name lookup: the
    /// commands that look up no name do not pay for it.
    person_names: OnceLock<NameTable>,
    /// Every name, alias and historical name of each place, likewise.
    place_names: OnceLock<NameTable>,
    /// For each place, the places directly within it.
    children: Vec<Vec<usize>>,
}

impl Index {
    /// Sorts the events (earliest day, then shorter span, then file order) and indexes names.
    pub fn new(mut timeline: Timeline) -> Index {
        sort_events(&mut timeline.events);
        let mut latest_so_far = Vec::with_capacity(timeline.events.len());
        let mut latest = NaiveDate::MIN;
        for event in &timeline.events {
            latest = latest.max(event.date.latest());
            latest_so_far.push(latest);
        }
        let mut children = vec![Vec::new(); timeline.places.len()];
        for (i, place) in timeline.places.iter().enumerate() {
            if let Some(parent) = place.within {
                children[parent].push(i);
            }
        }
        Index {
            timeline,
            latest_so_far,
            person_names: OnceLock::new(),
            place_names: OnceLock::new(),
            children,
        }
    }

    /// The timeline, with its events sorted.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The sorted events.
    pub fn events(&self) -> &[Event] {
        &self.timeline.events
    }

    /// The positions (in [`Index::events`]) of the events the query keeps, in order.
    pub fn select(&self, query: &Query) -> Vec<usize> {
        let events = &self.timeline.events;
        let (lo, hi) = match query.range {
            None => (0, events.len()),
            Some((from, to)) => (
                self.latest_so_far.partition_point(|&latest| latest < from),
                events.partition_point(|e| e.date.earliest() <= to),
            ),
        };
        let subject = self.timeline.subject;
        // The subject takes part in every event of their life without being listed.
        let involves = |e: &Event, people: &[usize]| {
            people
                .iter()
                .any(|p| Some(*p) == subject || e.people.contains(p))
        };
        let mut kept: Vec<usize> = (lo..hi.max(lo))
            .filter(|&i| {
                let e = &events[i];
                query.range.is_none_or(|(from, _)| e.date.latest() >= from)
                    && query
                        .places
                        .as_ref()
                        .is_none_or(|set| e.place.is_some_and(|p| set[p]))
                    && query
                        .people
                        .as_ref()
                        .is_none_or(|people| involves(e, people))
                    && query.with.iter().all(|people| involves(e, people))
                    && (query.tags.is_empty()
                        || e.tags.iter().any(|t| query.tags.contains(&fold(t))))
                    && query
                        .text
                        .as_ref()
                        .is_none_or(|words| words.matches_event(self, e))
            })
            .collect();
        if query.reverse {
            kept.reverse();
        }
        if let Some(limit) = query.limit {
            kept.truncate(limit);
        }
        kept
    }

    /// People whose name or alias is `name`: folded, then by phonetic key (Trotzki, Троцкий),
    /// then within names, then within keys (see [`NameTable::find`]). Namesakes all.
    pub fn find_people(&self, name: &str) -> Vec<usize> {
        self.person_names().find(name)
    }

    /// Places whose name, alias or historical name is `name`, by the rules of
    /// [`Index::find_people`].
    pub fn find_places(&self, name: &str) -> Vec<usize> {
        self.place_names().find(name)
    }

    /// For a name that found nobody: the people with the closest names, best first, at most
    /// three (see [`NameTable::suggest`]).
    pub fn suggest_people(&self, name: &str) -> Vec<usize> {
        self.person_names().suggest(name)
    }

    /// For a name that found no place: the places with the closest names, best first, at most
    /// three.
    pub fn suggest_places(&self, name: &str) -> Vec<usize> {
        self.place_names().suggest(name)
    }

    fn person_names(&self) -> &NameTable {
        self.person_names
            .get_or_init(|| NameTable::new(self.timeline.people.iter().map(|p| p.all_names())))
    }

    fn place_names(&self) -> &NameTable {
        self.place_names
            .get_or_init(|| NameTable::new(self.timeline.places.iter().map(|p| p.all_names())))
    }

    /// A membership table of `places` and every place within them, at any depth.
    pub fn places_within(&self, places: &[usize]) -> Vec<bool> {
        let mut set = vec![false; self.timeline.places.len()];
        let mut stack: Vec<usize> = places.to_vec();
        while let Some(p) = stack.pop() {
            if !set[p] {
                set[p] = true;
                stack.extend(&self.children[p]);
            }
        }
        set
    }

    /// The subject's age over `date`: "38", or "24–38" from the first day the date may mean to
    /// the last (see [`Age::over`]). None before birth, after death, or without a subject's birth
    /// date.
    pub fn subject_age(&self, date: &Date) -> Option<String> {
        let subject = self.timeline.subject()?;
        Age::over(subject.born.as_ref()?, subject.died.as_ref(), date).map(|age| age.to_string())
    }

    /// Every tag with its number of events, most used first (ties: first used first).
    pub fn tag_counts(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        let mut slot: HashMap<&str, usize> = HashMap::new();
        for event in &self.timeline.events {
            for tag in &event.tags {
                let i = *slot.entry(tag.as_str()).or_insert_with(|| {
                    counts.push((tag.clone(), 0));
                    counts.len() - 1
                });
                counts[i].1 += 1;
            }
        }
        // A stable sort keeps first use as the tie-break.
        counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        counts
    }

    /// The period with this id.
    pub fn period(&self, id: &str) -> Option<usize> {
        self.timeline.periods.iter().position(|p| p.id == id)
    }

    /// How many events of the whole timeline involve each person.
    pub fn person_event_counts(&self) -> Vec<usize> {
        let all: Vec<usize> = (0..self.timeline.events.len()).collect();
        self.person_counts(&all)
    }

    /// How many of the events at `positions` involve each person (the subject: all of them).
    pub fn person_counts(&self, positions: &[usize]) -> Vec<usize> {
        let events = &self.timeline.events;
        let mut counts = vec![0; self.timeline.people.len()];
        for &i in positions {
            for &p in &events[i].people {
                counts[p] += 1;
            }
        }
        if let Some(subject) = self.timeline.subject {
            counts[subject] = positions.len();
        }
        counts
    }

    /// How many of the events at `positions` happened at each place or within it.
    pub fn place_counts(&self, positions: &[usize]) -> Vec<usize> {
        let events = &self.timeline.events;
        let mut counts = vec![0; self.timeline.places.len()];
        for &i in positions {
            if let Some(place) = events[i].place {
                for p in self.place_ancestry(place) {
                    counts[p] += 1;
                }
            }
        }
        counts
    }

    /// How many of the events at `positions` overlap each period: the one rule for "in a period"
    /// that `periods`, `--in`, `stats`, `chart` and JSON share.
    pub fn period_counts(&self, positions: &[usize]) -> Vec<usize> {
        let events = &self.timeline.events;
        let mut counts = vec![0; self.timeline.periods.len()];
        for &i in positions {
            for p in self.periods_of(&events[i].date) {
                counts[p] += 1;
            }
        }
        counts
    }

    /// The periods whose spans overlap `date`'s, in file order.
    pub fn periods_of<'a>(&'a self, date: &'a Date) -> impl Iterator<Item = usize> + 'a {
        let (first, last) = (date.earliest(), date.latest());
        self.timeline
            .periods
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.span.earliest() <= last && first <= p.span.latest())
            .map(|(i, _)| i)
    }

    fn place_ancestry(&self, place: usize) -> Vec<usize> {
        let mut chain = vec![place];
        while let Some(parent) = self.timeline.places[*chain.last().unwrap_or(&place)].within {
            if chain.contains(&parent) {
                break;
            }
            chain.push(parent);
        }
        chain
    }
}

/// Sorts events by earliest day, then latest day, then file order. The keys are sorted rather
/// than the events, which are large; each event then moves at most once, and not at all when the
/// file was already in order (the curated timeline, a cached index).
fn sort_events(events: &mut [Event]) {
    let mut keys: Vec<(NaiveDate, NaiveDate, usize, usize)> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.date.earliest(), e.date.latest(), e.file_order, i))
        .collect();
    // File order is unique, so an unstable sort gives the stable order.
    keys.sort_unstable();
    // `destination[i]`: where the event now at `i` belongs.
    let mut destination = vec![0; events.len()];
    for (position, key) in keys.iter().enumerate() {
        destination[key.3] = position;
    }
    drop(keys);
    for i in 0..events.len() {
        while destination[i] != i {
            let j = destination[i];
            events.swap(i, j);
            destination.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Source, load};

    const FIXTURE: &str = "title: t
subject: me
people:
  - {id: me, name: Me, born: 1879-10-26 O.S., died: 1940-08-21}
  - {id: lev, name: Lev Kamenev, aliases: [Kamenev]}
  - {id: sergey, name: Sergey Kamenev, aliases: [Kamenev]}
  - {id: lazaro, name: Lázaro Cárdenas}
places:
  - {id: mexico, name: Mexico}
  - {id: coyoacan, name: Coyoacán, within: mexico}
  - id: spb
    name: Saint Petersburg
    names: [{name: Petrograd, from: 1914-08-31, to: 1924-01-26}]
events:
  - {id: late, date: 1920, title: A long year, people: [lev]}
  - {id: early, date: 1917-11-07, title: Uprising, place: spb}
  - {id: span, date: 1917-12-22/1918-02-10, title: Talks at Brest, people: [sergey]}
  - {id: mex, date: 1937-01-09, title: Arrived, place: coyoacan, people: [lazaro]}
  - {id: same-day-longer, date: 1917-11, title: November, tags: [Revolution]}
";

    fn index() -> Index {
        Index::new(
            load(&Source {
                name: "t".into(),
                text: FIXTURE.into(),
            })
            .unwrap(),
        )
    }

    fn ids(index: &Index, positions: Vec<usize>) -> Vec<&str> {
        positions
            .iter()
            .map(|&i| index.events()[i].id.as_str())
            .collect()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn sorts_by_start_then_shorter_span_then_file_order() {
        let index = index();
        let all = index.select(&Query::default());
        assert_eq!(
            ids(&index, all),
            ["same-day-longer", "early", "span", "late", "mex"]
        );
    }

    #[test]
    fn range_keeps_events_that_overlap_it() {
        let index = index();
        let query = |from, to| Query {
            range: Some((from, to)),
            ..Query::default()
        };
        // The Brest talks began in 1917 and still overlap January 1918.
        let january = index.select(&query(day(1918, 1, 1), day(1918, 1, 31)));
        assert_eq!(ids(&index, january), ["span"]);
        let nothing = index.select(&query(day(1930, 1, 1), day(1936, 12, 31)));
        assert!(nothing.is_empty());
        let edge = index.select(&query(day(1920, 12, 31), day(1937, 1, 9)));
        assert_eq!(ids(&index, edge), ["late", "mex"]);
    }

    #[test]
    fn names_fold_accents_and_find_namesakes() {
        let index = index();
        assert_eq!(index.find_people("kamenev").len(), 2);
        assert_eq!(index.find_people("LEV KAMENEV"), [1]);
        assert_eq!(index.find_people("cardenas"), [3]);
        assert_eq!(index.find_places("petrograd"), [2]);
        assert_eq!(index.find_places("coyoacan"), [1]);
        assert!(index.find_people("nobody").is_empty());
    }

    #[test]
    fn names_are_found_under_other_spellings_and_namesakes_stay_shown() {
        let index = index();
        assert_eq!(index.find_people("Kamenew"), [1, 2]);
        assert_eq!(index.find_people("Каменев"), [1, 2]);
        assert_eq!(index.find_people("Lev Kamenew"), [1]);
        assert_eq!(index.find_people("Sergej Kamenew"), [2]);
        assert_eq!(index.find_people("Kardenas"), [3]);
        assert_eq!(index.find_places("Koyoakan"), [1]);
        assert_eq!(index.find_places("Petrograd"), [2]);
        assert_eq!(index.find_places("Петроград"), [2]);
    }

    #[test]
    fn a_name_that_finds_nothing_suggests_the_closest() {
        let index = index();
        assert!(index.find_people("Cardnas").is_empty());
        assert_eq!(index.suggest_people("Cardnas"), [3]);
        assert_eq!(index.suggest_people("Kamnev"), [1, 2]);
        assert_eq!(index.suggest_places("Petrogard"), [2]);
        assert!(index.suggest_people("zzzzzz").is_empty());
        assert!(index.suggest_places(&"x".repeat(1 << 20)).is_empty());
    }

    #[test]
    fn a_place_includes_the_places_within_it() {
        let index = index();
        let mexico = index.find_places("Mexico");
        let query = Query {
            places: Some(index.places_within(&mexico)),
            ..Query::default()
        };
        assert_eq!(ids(&index, index.select(&query)), ["mex"]);
    }

    #[test]
    fn tag_text_reverse_and_limit_filters() {
        let index = index();
        let tag = Query {
            tags: vec!["revolution".into()],
            ..Query::default()
        };
        assert_eq!(ids(&index, index.select(&tag)), ["same-day-longer"]);
        let text = Query {
            text: Some(WordQuery::parse("BREST")),
            ..Query::default()
        };
        assert_eq!(ids(&index, index.select(&text)), ["span"]);
        let last = Query {
            reverse: true,
            limit: Some(2),
            ..Query::default()
        };
        assert_eq!(ids(&index, index.select(&last)), ["mex", "late"]);
        let person = Query {
            people: Some(vec![2]),
            ..Query::default()
        };
        assert_eq!(ids(&index, index.select(&person)), ["span"]);
    }

    #[test]
    fn age_is_honest_about_coarse_dates() {
        let index = index();
        let age = |t: &str| index.subject_age(&Date::parse(t).unwrap());
        assert_eq!(age("1917-11-07").as_deref(), Some("38"));
        assert_eq!(age("1917-11-06").as_deref(), Some("37"));
        assert_eq!(age("1896").as_deref(), Some("16–17"));
        assert_eq!(age("1870"), None);
        assert_eq!(age("2001"), None);
    }
}
