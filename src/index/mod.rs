//! The event index: events sorted once by date, range lookups by binary search, and name lookups
//! (people, places, historical names, aliases) through the name tables of `names`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use crate::date::{Age, Date};
use crate::error::Error;
use crate::load::order;
use crate::model::{Event, Timeline};
use crate::names::NameTable;
use crate::search::WordQuery;
use crate::store::MappedEvents;

pub use self::open::Opened;
pub use self::places::PlaceSet;
pub use crate::names::fold;

mod open;
mod places;

/// What to keep of the events; every part must hold (AND).
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Keep events whose span overlaps these inclusive days.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// Keep events at one of these places or within them on the event's first day.
    pub places: Option<PlaceSet>,
    /// Keep events that overlap one of these inclusive spans as well (`--in` repeated, each
    /// span already cut to `range`, which holds them all): sorted, and apart (overlapping and
    /// touching spans merged), as [`certain_in`] needs. None means `range` alone.
    pub windows: Vec<(NaiveDate, NaiveDate)>,
    /// Keep only the events certainly within the window (`range`, or one of `windows`), not
    /// those only possibly in it (see [`Date::certainly_overlaps`]).
    pub certain: bool,
    /// Keep events involving one of these people.
    pub people: Option<Vec<usize>>,
    /// Keep events that also involve someone of each group (`who NAME`, `--with NAME`): every
    /// group must hold.
    pub with: Vec<Vec<usize>>,
    /// Keep events with every tag of one of these groups (folded): `--tag war --tag
    /// family+death` is war, or family and death together. None means any tag.
    pub tags: Vec<Vec<String>>,
    /// Keep events whose title, summary, place names or people's names hold every word.
    pub text: Option<WordQuery>,
    /// Keep only the events marked key.
    pub key: bool,
    /// Newest first.
    pub reverse: bool,
    /// At most this many events (after `reverse`).
    pub limit: Option<usize>,
}

/// Which events a count counts in a span of days (a period's, the dates asked for): the one rule
/// `periods`, `stats` and `chart` share, and say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CountRule {
    /// Every event whose days overlap the span: certainly or only possibly in it.
    Overlap,
    /// Only the events certainly in the span (`--certain`; see [`Date::certainly_overlaps`]).
    Certain,
}

impl CountRule {
    /// The rule `--certain` asks for, or not.
    pub fn of(certain: bool) -> CountRule {
        if certain {
            CountRule::Certain
        } else {
            CountRule::Overlap
        }
    }

    /// The name JSON, CSV and plain lines give it: `overlap` or `certain`.
    pub fn name(self) -> &'static str {
        match self {
            CountRule::Overlap => "overlap",
            CountRule::Certain => "certain",
        }
    }

    /// How a person reads it, after a count: "events overlapping …".
    pub fn words(self) -> &'static str {
        match self {
            CountRule::Overlap => "certainly or possibly in the dates",
            CountRule::Certain => "certainly in the dates",
        }
    }

    /// True when an event of `date` counts in the days `first..=last`.
    pub fn counts(self, date: &Date, first: NaiveDate, last: NaiveDate) -> bool {
        match self {
            CountRule::Overlap => date.earliest() <= last && first <= date.latest(),
            CountRule::Certain => date.certainly_overlaps(first, last),
        }
    }
}

impl Query {
    /// The spans an event is asked to fall in: each `--in` window, else the `--from`/`--to`
    /// range; none without dates.
    pub fn window(&self) -> Vec<(NaiveDate, NaiveDate)> {
        match (&self.windows[..], self.range) {
            ([], range) => range.into_iter().collect(),
            (windows, _) => windows.to_vec(),
        }
    }

    /// True when `date` certainly overlaps the window (one of its spans): always, without one.
    pub fn is_certain(&self, date: &Date) -> bool {
        certain_in(&self.window(), date)
    }
}

/// True when `date` certainly overlaps one of `window`'s spans, or `window` is empty (all of
/// time): the one rule of "certain" for lists, counts and exports. The spans are sorted and
/// apart ([`Query::windows`]), so only the last to start by the date's earliest possible end can
/// be the one: of the spans that start by then, it ends latest.
pub fn certain_in(window: &[(NaiveDate, NaiveDate)], date: &Date) -> bool {
    let earliest_end = date.last().earliest();
    let starting = window.partition_point(|&(first, _)| first <= earliest_end);
    window.is_empty()
        || starting
            .checked_sub(1)
            .is_some_and(|w| date.certainly_overlaps(window[w].0, window[w].1))
}

/// A timeline with its events in date order and its names indexed. The events are either held
/// (parsed) or read in place from a mapped index file (see [`crate::store`]); every question is
/// answered the same way from both, and no caller knows which: [`Index::select`] reads columns,
/// [`Index::event`] one record, [`Index::events`] all of them, decoded once on first asking.
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
    /// Every place, each after the places it ever lies within.
    parents_first: Vec<usize>,
    /// The events read in place, when the index was opened from an index file.
    mapped: Option<Mapped>,
}

/// The events of a mapped index.
#[derive(Debug)]
struct Mapped {
    events: MappedEvents,
    /// Every event, decoded the first time something asks for all of them; `None` when a
    /// record failed its checks then.
    all: OnceLock<Option<Vec<Event>>>,
}

impl Index {
    /// Sorts the events (first day, `after:` rank, shorter span, file order: see
    /// [`Event::order_key`]) and indexes names.
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
            all: OnceLock::new(),
        };
        Index::with_events(meta, Vec::new(), Some(mapped))
    }

    fn with_events(
        timeline: Timeline,
        latest_so_far: Vec<NaiveDate>,
        mapped: Option<Mapped>,
    ) -> Index {
        let parents_first = places::parents_first(&timeline.places);
        Index {
            timeline,
            latest_so_far,
            person_names: OnceLock::new(),
            place_names: OnceLock::new(),
            parents_first,
            mapped,
        }
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

    /// The event at position `i` (from [`Index::select`]): borrowed where the index holds its
    /// events, else decoded from its record and checked for this caller alone (nothing is kept,
    /// which suits a list that shows each event once). A record that fails its checks answers
    /// [`Error::DamagedIndex`].
    pub fn event(&self, i: usize) -> Result<Cow<'_, Event>, Error> {
        let event = match &self.mapped {
            None => self.timeline.events.get(i).map(Cow::Borrowed),
            Some(mapped) => match mapped.all.get() {
                Some(Some(all)) => all.get(i).map(Cow::Borrowed),
                // Not decoded whole (or not all of it held): this record alone.
                _ => mapped.events.record(i, &self.timeline).map(Cow::Owned),
            },
        };
        event.ok_or(Error::DamagedIndex)
    }

    /// The first and last day of the event at `i`, as day numbers.
    fn days(&self, i: usize) -> (i32, i32) {
        match &self.mapped {
            Some(mapped) => (mapped.events.earliest_day(i), mapped.events.latest_day(i)),
            None => {
                let event = &self.timeline.events[i];
                (
                    event.first_day().num_days_from_ce(),
                    event.date.latest().num_days_from_ce(),
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
                    .partition_point(|e| e.first_day() <= to),
            ),
        }
    }

    /// The timeline, with its events sorted; for a mapped index, without its events (ask
    /// [`Index::events`] or [`Index::event`]).
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// Every event, sorted: what the commands that look at all of them (stats, charts, exports,
    /// tags, the explorer) ask for. A mapped index decodes and checks them all on the first call
    /// and keeps them; the event list and `who` never call it, and decode only what they show.
    /// A record that fails its checks answers [`Error::DamagedIndex`].
    pub fn events(&self) -> Result<&[Event], Error> {
        match &self.mapped {
            None => Ok(&self.timeline.events),
            Some(mapped) => mapped
                .all
                .get_or_init(|| mapped.events.all_records(&self.timeline))
                .as_deref()
                .ok_or(Error::DamagedIndex),
        }
    }

    /// The positions (in [`Index::events`]) of the events the query keeps, in order. A mapped
    /// index reads its columns and decodes only the records a tag or text filter must look at;
    /// ask [`Index::event`] for the events to show.
    pub fn select(&self, query: &Query) -> Result<Vec<usize>, Error> {
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
        // The windows are sorted and apart: the one that may hold an event is the last to start
        // by its last day, found by binary search (a hostile command line may repeat --in).
        let in_a_window = |i: usize| {
            let (first, last) = self.days(i);
            let starting = query
                .windows
                .partition_point(|(from, _)| from.num_days_from_ce() <= last);
            query.windows.is_empty()
                || starting
                    .checked_sub(1)
                    .is_some_and(|w| query.windows[w].1.num_days_from_ce() >= first)
        };
        let needs_record =
            !query.tags.is_empty() || query.text.is_some() || query.certain || query.key;
        let mut kept: Vec<usize> = Vec::new();
        for i in lo..hi.max(lo) {
            let keep = from_day.is_none_or(|from| self.days(i).1 >= from)
                && query.places.as_ref().is_none_or(|set| {
                    self.place_of(i)
                        .is_some_and(|p| set.contains(p, self.days(i).0))
                })
                && query
                    .people
                    .as_ref()
                    .is_none_or(|people| involves(i, people))
                && query.with.iter().all(|people| involves(i, people))
                && in_a_window(i);
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

    /// True when the event at `i` is key if asked, has the tags of one of the query's groups
    /// and its text, and, asked for, is certainly within its window.
    fn record_matches(&self, i: usize, query: &Query) -> Result<bool, Error> {
        let event = self.event(i)?;
        let has = |tag: &String| event.tags.iter().any(|t| fold(t) == *tag);
        Ok((event.key || !query.key)
            && (query.tags.is_empty() || query.tags.iter().any(|group| group.iter().all(has)))
            && query
                .text
                .as_ref()
                .is_none_or(|words| words.matches_event(&self.timeline, &event))
            && (!query.certain || query.is_certain(&event.date)))
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

    /// For a name that found no place: the places with the closest names, at most three, each
    /// with the name it came closest under, as written (`petrogard`: Saint Petersburg, as
    /// Petrograd).
    pub fn suggest_places(&self, name: &str) -> Vec<(usize, &str)> {
        let places = &self.timeline.places;
        self.place_names()
            .suggest_spellings(name)
            .into_iter()
            .map(|(p, folded)| {
                let place = &places[p];
                let written = place.all_names().find(|n| fold(n) == folded);
                (p, written.unwrap_or(place.name.as_str()))
            })
            .collect()
    }

    fn person_names(&self) -> &NameTable {
        self.person_names
            .get_or_init(|| NameTable::new(self.timeline.people.iter().map(|p| p.all_names())))
    }

    fn place_names(&self) -> &NameTable {
        self.place_names
            .get_or_init(|| NameTable::new(self.timeline.places.iter().map(|p| p.all_names())))
    }

    /// `places` and every place within them at any depth, each over the days it lay within
    /// them (see [`PlaceSet`]).
    pub fn places_within(&self, places: &[usize]) -> PlaceSet {
        PlaceSet::within(&self.timeline.places, &self.parents_first, places)
    }

    /// The subject's age over `date`: "38", or "24–38" from the first day the date may mean to
    /// the last (see [`Age::over`]). None before birth, after death, or without a subject's birth
    /// date.
    pub fn subject_age(&self, date: &Date) -> Option<String> {
        let subject = self.timeline.subject()?;
        Age::over(subject.born.as_ref()?, subject.died.as_ref(), date).map(|age| age.to_string())
    }

    /// Every tag with its number of events, most used first (ties: first used first).
    pub fn tag_counts(&self) -> Result<Vec<(String, usize)>, Error> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        let mut slot: HashMap<&str, usize> = HashMap::new();
        for event in self.events()? {
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
        Ok(counts)
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
                let day = day_of(self.days(i).0);
                for p in self.place_ancestry(place, day) {
                    counts[p] += 1;
                }
            }
        }
        counts
    }

    /// How many of the events at `positions` are in each period by `rule`: the one rule for
    /// "in a period" that `periods`, `--in` (with `--certain` or not), `stats` and `chart`
    /// share.
    pub fn period_counts(&self, positions: &[usize], rule: CountRule) -> Result<Vec<usize>, Error> {
        let mut counts = vec![0; self.timeline.periods.len()];
        for &i in positions {
            let (first, last) = self.days(i);
            let date = match rule {
                CountRule::Overlap => None,
                CountRule::Certain => Some(self.event(i)?.date),
            };
            for p in self.periods_between(day_of(first), day_of(last)) {
                let span = &self.timeline.periods[p].span;
                if date.is_none_or(|d| rule.counts(&d, span.earliest(), span.latest())) {
                    counts[p] += 1;
                }
            }
        }
        Ok(counts)
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

    /// The place and the places it lay within on `day`, innermost first.
    fn place_ancestry(&self, place: usize, day: NaiveDate) -> impl Iterator<Item = usize> + '_ {
        let places = &self.timeline.places;
        // The loader refuses cycles; the bound only guards against a bug there.
        std::iter::successors(Some(place), move |&p| places.get(p)?.within_on(day))
            .take(places.len())
    }
}

/// The day of a day number (see [`Index::days`]).
fn day_of(number: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(number).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests;
