//! The event index: events sorted once by date, range lookups by binary search, and name lookups
//! (people, places, historical names, aliases) through the name tables of `names`.

use std::collections::HashMap;
use std::ops::Deref;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{Datelike, NaiveDate};

use crate::date::{Age, Date};
use crate::error::Error;
use crate::index_file::MappedEvents;
use crate::load::order;
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

/// A timeline with its events in date order and its names indexed. The events are either held
/// (parsed, or decoded whole) or read in place from a mapped index file (see
/// [`crate::index_file`]); every question is answered the same way from both.
#[derive(Debug)]
pub struct Index {
    /// The timeline; its `events` are empty when they are mapped.
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
    /// The events read in place, when the index was opened from an index file.
    mapped: Option<Mapped>,
}

/// The events of a mapped index, with the records decoded so far.
#[derive(Debug)]
struct Mapped {
    events: MappedEvents,
    /// Records checked by [`Index::select`], by position, for the views that show them.
    decoded: Mutex<HashMap<usize, Arc<Event>>>,
    /// Every event, decoded the first time something asks for all of them.
    all: OnceLock<Vec<Event>>,
}

/// One event of the index: borrowed from the held events, or decoded from a mapped record.
#[derive(Debug)]
pub enum EventRef<'a> {
    /// An event the index holds.
    Held(&'a Event),
    /// A record decoded from the index file, shared with the index's store of checked records.
    Decoded(Arc<Event>),
    /// A record decoded from the index file for one caller.
    Owned(Box<Event>),
}

impl Deref for EventRef<'_> {
    type Target = Event;

    fn deref(&self) -> &Event {
        match self {
            EventRef::Held(event) => event,
            EventRef::Decoded(event) => event,
            EventRef::Owned(event) => event,
        }
    }
}

/// What [`Index::select`] answers when a mapped record fails its checks: the caller opens the
/// timeline again from its source (see [`Error::is_damaged_index`]).
pub fn damaged_index() -> Error {
    Error::Io(std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        DamagedIndex,
    ))
}

/// The marker inside [`damaged_index`]'s error.
#[derive(Debug)]
pub struct DamagedIndex;

impl std::fmt::Display for DamagedIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a cache entry is damaged; remove the cache folder and run again")
    }
}

impl std::error::Error for DamagedIndex {}

/// True when `error` is [`damaged_index`]'s.
pub fn is_damaged_index(error: &Error) -> bool {
    matches!(error, Error::Io(e) if e.get_ref().is_some_and(|inner| inner.is::<DamagedIndex>()))
}

impl Index {
    /// Sorts the events (earliest day, then shorter span, then file order) and indexes names.
    pub fn new(mut timeline: Timeline) -> Index {
        // Events already in order (a big JSON file's are) cost one pass over them, not two.
        let latest_so_far = match order::running_latest(&timeline.events) {
            Some(latest_so_far) => latest_so_far,
            None => {
                order::sort_events(&mut timeline.events);
                order::running_latest(&timeline.events).unwrap_or_default()
            }
        };
        Index::with_events(timeline, latest_so_far, None)
    }

    /// An index over events read in place: `meta` is the timeline without its events (both as
    /// [`MappedEvents::open`] gives them, checked).
    pub fn mapped(meta: Timeline, events: MappedEvents) -> Index {
        let mapped = Mapped {
            events,
            decoded: Mutex::new(HashMap::new()),
            all: OnceLock::new(),
        };
        Index::with_events(meta, Vec::new(), Some(mapped))
    }

    fn with_events(
        timeline: Timeline,
        latest_so_far: Vec<NaiveDate>,
        mapped: Option<Mapped>,
    ) -> Index {
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
            mapped,
        }
    }

    /// True when the events are read in place from an index file.
    pub fn is_mapped(&self) -> bool {
        self.mapped.is_some()
    }

    /// How many events.
    pub fn len(&self) -> usize {
        match &self.mapped {
            Some(mapped) => mapped.events.len(),
            None => self.timeline.events.len(),
        }
    }

    /// True when the timeline has no events.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The event at position `i` of the index; `None` past the end, or for a mapped record that
    /// fails its checks (positions from [`Index::select`] were checked there and are kept, so
    /// they always answer).
    pub fn event(&self, i: usize) -> Option<EventRef<'_>> {
        let Some(mapped) = &self.mapped else {
            return self.timeline.events.get(i).map(EventRef::Held);
        };
        if let Some(event) = mapped.decoded.lock().ok().and_then(|d| d.get(&i).cloned()) {
            return Some(EventRef::Decoded(event));
        }
        let event = mapped.events.record(i, &self.timeline)?;
        Some(EventRef::Decoded(Arc::new(event)))
    }

    /// The first and last day of the event at `i`, as day numbers.
    fn days(&self, i: usize) -> (i32, i32) {
        match &self.mapped {
            Some(mapped) => (mapped.events.earliest_day(i), mapped.events.latest_day(i)),
            None => {
                let date = &self.timeline.events[i].date;
                (
                    date.earliest().num_days_from_ce(),
                    date.latest().num_days_from_ce(),
                )
            }
        }
    }

    /// The place of the event at `i`.
    fn place_of(&self, i: usize) -> Option<usize> {
        match &self.mapped {
            Some(mapped) => mapped.events.place(i),
            None => self.timeline.events[i].place,
        }
    }

    /// Calls `each` with every person the event at `i` lists.
    fn for_each_person(&self, i: usize, mut each: impl FnMut(usize)) {
        match &self.mapped {
            Some(mapped) => mapped.events.people(i).for_each(each),
            None => self.timeline.events[i].people.iter().for_each(|&p| each(p)),
        }
    }

    /// True when the event at `i` lists one of `people`.
    fn lists_any(&self, i: usize, people: &[usize]) -> bool {
        match &self.mapped {
            Some(mapped) => mapped.events.people(i).any(|p| people.contains(&p)),
            None => self.timeline.events[i]
                .people
                .iter()
                .any(|p| people.contains(p)),
        }
    }

    /// The positions `lo..hi` whose events may overlap `from..=to`: every event outside ends
    /// before `from` or starts after `to`.
    fn range_bounds(&self, from: NaiveDate, to: NaiveDate) -> (usize, usize) {
        match &self.mapped {
            Some(mapped) => (
                mapped.events.first_reaching(from.num_days_from_ce()),
                mapped.events.first_starting_after(to.num_days_from_ce()),
            ),
            None => (
                self.latest_so_far.partition_point(|&latest| latest < from),
                self.timeline
                    .events
                    .partition_point(|e| e.date.earliest() <= to),
            ),
        }
    }

    /// The timeline, with its events sorted; for a mapped index, without its events (ask
    /// [`Index::events`] or [`Index::event`]).
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The sorted events. A mapped index decodes all of them the first time (commands that need
    /// every event open the timeline whole instead: see [`crate::cache::Access`]); should a
    /// record fail its checks then, there are none.
    pub fn events(&self) -> &[Event] {
        match &self.mapped {
            None => &self.timeline.events,
            Some(mapped) => mapped.all.get_or_init(|| {
                mapped
                    .events
                    .all_records(&self.timeline)
                    .unwrap_or_default()
            }),
        }
    }

    /// The positions (in [`Index::events`]) of the events the query keeps, in order. For a
    /// mapped index, every kept record is decoded and checked here; a damaged one answers
    /// [`damaged_index`] before anything is shown.
    pub fn select(&self, query: &Query) -> Result<Vec<usize>, Error> {
        let kept = self.select_for_counts(query)?;
        self.check_records(&kept)?;
        Ok(kept)
    }

    /// The positions the query keeps, as [`Index::select`], for counting only: a mapped index
    /// reads its columns and decodes no record the query does not need (a tag or text filter
    /// reads and checks the records it looks at). Positions from here are for
    /// [`Index::person_counts`] and the like, not for rows.
    pub fn select_for_counts(&self, query: &Query) -> Result<Vec<usize>, Error> {
        let (lo, hi) = match query.range {
            None => (0, self.len()),
            Some((from, to)) => self.range_bounds(from, to),
        };
        let from_day = query.range.map(|(from, _)| from.num_days_from_ce());
        let subject = self.timeline.subject;
        // The subject takes part in every event of their life without being listed.
        let involves = |i: usize, people: &[usize]| {
            people.iter().any(|p| Some(*p) == subject) || self.lists_any(i, people)
        };
        let needs_record = !query.tags.is_empty() || query.text.is_some();
        let mut kept: Vec<usize> = Vec::new();
        for i in lo..hi.max(lo) {
            let keep = from_day.is_none_or(|from| self.days(i).1 >= from)
                && query.places.as_ref().is_none_or(|set| {
                    self.place_of(i)
                        .is_some_and(|p| set.get(p).copied().unwrap_or(false))
                })
                && query
                    .people
                    .as_ref()
                    .is_none_or(|people| involves(i, people))
                && query.with.iter().all(|people| involves(i, people));
            if !keep || (needs_record && !self.record_matches(i, query)?) {
                continue;
            }
            kept.push(i);
        }
        if query.reverse {
            kept.reverse();
        }
        if let Some(limit) = query.limit {
            kept.truncate(limit);
        }
        Ok(kept)
    }

    /// True when the event at `i` has one of the query's tags and its text.
    fn record_matches(&self, i: usize, query: &Query) -> Result<bool, Error> {
        let event = match &self.mapped {
            None => EventRef::Held(&self.timeline.events[i]),
            Some(mapped) => EventRef::Owned(Box::new(
                mapped
                    .events
                    .record(i, &self.timeline)
                    .ok_or_else(damaged_index)?,
            )),
        };
        Ok(
            (query.tags.is_empty() || event.tags.iter().any(|t| query.tags.contains(&fold(t))))
                && query
                    .text
                    .as_ref()
                    .is_none_or(|words| words.matches_event(self, &event)),
        )
    }

    /// The event at position `i`, its record (in a mapped index) decoded and checked for this
    /// caller alone: unlike [`Index::event`], nothing is kept, which suits a list that shows each
    /// event once. A damaged record answers [`damaged_index`].
    pub fn event_checked(&self, i: usize) -> Result<EventRef<'_>, Error> {
        let event = match &self.mapped {
            None => self.timeline.events.get(i).map(EventRef::Held),
            Some(mapped) => mapped
                .events
                .record(i, &self.timeline)
                .map(|event| EventRef::Owned(Box::new(event))),
        };
        event.ok_or_else(damaged_index)
    }

    /// `positions` (from [`Index::select_for_counts`], cut to what will be shown) with their
    /// records checked, as [`Index::select`] gives them: only the rows shown are decoded.
    pub fn checked(&self, positions: Vec<usize>) -> Result<Vec<usize>, Error> {
        self.check_records(&positions)?;
        Ok(positions)
    }

    /// For a mapped index: decodes and checks the records at `positions`, keeping them for
    /// [`Index::event`].
    fn check_records(&self, positions: &[usize]) -> Result<(), Error> {
        let Some(mapped) = &self.mapped else {
            return Ok(());
        };
        let mut decoded = mapped.decoded.lock().map_err(|_| damaged_index())?;
        for &i in positions {
            if decoded.contains_key(&i) {
                continue;
            }
            let event = mapped
                .events
                .record(i, &self.timeline)
                .ok_or_else(damaged_index)?;
            decoded.insert(i, Arc::new(event));
        }
        Ok(())
    }

    /// People whose name or alias is `name`: folded, then by phonetic key (Trotzki, Троцкий),
    /// then within names, then within keys (see [`NameTable::find`]). Namesakes all.
    pub fn find_people(&self, name: &str) -> Vec<usize> {
        let people = self.timeline.people.iter().map(|p| p.all_names());
        let named = crate::names::owners_named(people, name);
        if !named.is_empty() {
            return named;
        }
        self.person_names().find(name)
    }

    /// Places whose name, alias or historical name is `name`, by the rules of
    /// [`Index::find_people`].
    pub fn find_places(&self, name: &str) -> Vec<usize> {
        let places = self.timeline.places.iter().map(|p| p.all_names());
        let named = crate::names::owners_named(places, name);
        if !named.is_empty() {
            return named;
        }
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
        for event in self.events() {
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
        let all: Vec<usize> = (0..self.len()).collect();
        self.person_counts(&all)
    }

    /// How many of the events at `positions` involve each person (the subject: all of them).
    pub fn person_counts(&self, positions: &[usize]) -> Vec<usize> {
        let mut counts = vec![0; self.timeline.people.len()];
        for &i in positions {
            self.for_each_person(i, |p| counts[p] += 1);
        }
        if let Some(subject) = self.timeline.subject {
            counts[subject] = positions.len();
        }
        counts
    }

    /// How many of the events at `positions` happened at each place or within it.
    pub fn place_counts(&self, positions: &[usize]) -> Vec<usize> {
        let mut counts = vec![0; self.timeline.places.len()];
        for &i in positions {
            if let Some(place) = self.place_of(i) {
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
        let mut counts = vec![0; self.timeline.periods.len()];
        for &i in positions {
            let (first, last) = self.days(i);
            let day = |n: i32| NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MIN);
            for p in self.periods_between(day(first), day(last)) {
                counts[p] += 1;
            }
        }
        counts
    }

    /// The periods whose spans overlap `date`'s, in file order.
    pub fn periods_of<'a>(&'a self, date: &'a Date) -> impl Iterator<Item = usize> + 'a {
        self.periods_between(date.earliest(), date.latest())
    }

    /// The periods whose spans overlap `first..=last`, in file order.
    fn periods_between(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> impl Iterator<Item = usize> + '_ {
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

    #[test]
    fn a_name_finds_what_the_name_table_finds_for_every_name_embedded() {
        let index = Index::new(crate::cache::embedded().unwrap());
        let people = NameTable::new(index.timeline.people.iter().map(|p| p.all_names()));
        let places = NameTable::new(index.timeline.places.iter().map(|p| p.all_names()));
        let names = index.timeline.people.iter().flat_map(|p| p.all_names());
        let names = names.chain(index.timeline.places.iter().flat_map(|p| p.all_names()));
        for name in names.chain(["kamenev", "LEV  kamenev", "Trotzki", "Троцкий", "kamen", ""])
        {
            assert_eq!(index.find_people(name), people.find(name), "{name}");
            assert_eq!(index.find_places(name), places.find(name), "{name}");
        }
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
        let all = index.select(&Query::default()).unwrap();
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
        let january = index
            .select(&query(day(1918, 1, 1), day(1918, 1, 31)))
            .unwrap();
        assert_eq!(ids(&index, january), ["span"]);
        let nothing = index
            .select(&query(day(1930, 1, 1), day(1936, 12, 31)))
            .unwrap();
        assert!(nothing.is_empty());
        let edge = index
            .select(&query(day(1920, 12, 31), day(1937, 1, 9)))
            .unwrap();
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
        assert_eq!(ids(&index, index.select(&query).unwrap()), ["mex"]);
    }

    #[test]
    fn tag_text_reverse_and_limit_filters() {
        let index = index();
        let tag = Query {
            tags: vec!["revolution".into()],
            ..Query::default()
        };
        assert_eq!(
            ids(&index, index.select(&tag).unwrap()),
            ["same-day-longer"]
        );
        let text = Query {
            text: Some(WordQuery::parse("BREST")),
            ..Query::default()
        };
        assert_eq!(ids(&index, index.select(&text).unwrap()), ["span"]);
        let last = Query {
            reverse: true,
            limit: Some(2),
            ..Query::default()
        };
        assert_eq!(ids(&index, index.select(&last).unwrap()), ["mex", "late"]);
        let person = Query {
            people: Some(vec![2]),
            ..Query::default()
        };
        assert_eq!(ids(&index, index.select(&person).unwrap()), ["span"]);
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
