//! The events list, turned into the model one event at a time as it is read, with the
//! references of each kept (or resolved at once) for the checker.

use std::fmt;

// A quick hash with a per-process seed: ids are hashed a million times on a big timeline.
use foldhash::HashMap;
use serde::Deserialize;

use super::check::{
    Owner, Which, date_of, span_of, text_problem, unknown_field, unknown_reference,
};
#[cfg(doc)]
use super::check::{assign_period, event_ids_clean};
use super::located::{Located, YamlText};
use super::raw::{Mapping, RawEvent, RawPeriod, RawPerson, RawPlace};
use super::text::{Shape, is_blank};
use crate::model::Event;

/// The events, turned into the model one by one as they are read, so that a million of them never
/// exist twice over (once as written, once as model). What needs the rest of the file (the ids of
/// people, places and periods, which may come after the events) waits in [`Pending`].
pub(super) struct Events<T> {
    /// The events with a valid date, in file order; their references are filled in later.
    pub(super) events: Vec<Event>,
    /// Every event's id as written, in file order.
    pub(super) refs: Vec<EventRefs<T>>,
    /// References still to resolve, for the events that have any and were read before the ids
    /// of people, places and periods were known.
    pub(super) pending: Vec<Pending<T>>,
    /// Problems found while reading, at the value they are about.
    pub(super) problems: Vec<(T, String)>,
    /// The following events of the same list, when it was read in blocks (see
    /// [`BLOCK_EVENTS`]); [`Events::append`] takes them in order.
    pub(super) rest: Vec<Events<T>>,
    /// True when the reader found every event id acceptable and none repeated
    /// ([`event_ids_clean`]): the checker need not look again. When false, it looks, and
    /// reports each problem.
    pub(super) ids_unique: bool,
    /// True when every event without a period already has the one [`assign_period`] gives (the
    /// threads of a big JSON file assign them, each for its part); else the checker does.
    pub(super) periods_assigned: bool,
}

/// An event's id as written, and where its event is.
pub(super) struct EventRefs<T> {
    pub(super) id: T,
    /// Its position in [`Events::events`]; `None` when its date was refused.
    pub(super) event: Option<u32>,
}

/// An event's references as written, resolved once the whole file is read.
pub(super) struct Pending<T> {
    /// The event's position in [`Events::refs`].
    pub(super) at: u32,
    pub(super) place: Option<T>,
    pub(super) people: Vec<T>,
    pub(super) period: Option<T>,
}

impl<'de, T: Located + Deserialize<'de>> Deserialize<'de> for Events<T>
where
    T::Key: Deserialize<'de>,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);

        impl<'de, T: Located + Deserialize<'de>> serde::de::Visitor<'de> for Visit<T>
        where
            T::Key: Deserialize<'de>,
        {
            type Value = Events<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of events")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Events<T>, A::Error> {
                let expected = EXPECTED_EVENTS.with(|e| e.replace(0));
                let block = BLOCK_EVENTS.with(|b| b.replace(0));
                let first = match block {
                    // A hint is trusted for a modest list only; `expected` was bounded by the
                    // bytes of the file when it was counted.
                    0 => seq.size_hint().unwrap_or(0).min(1 << 16).max(expected),
                    block => block,
                };
                let mut blocks = vec![Events::with_capacity(first)];
                let known = KNOWN_IDS.with(|k| k.borrow().clone());
                while let Some(raw) = seq.next_element::<RawEvent<T>>()? {
                    let full = blocks.last().is_some_and(|b| b.refs.len() == block);
                    if block > 0 && full {
                        blocks.push(Events::with_capacity(block));
                    }
                    let events = blocks.last_mut().expect("one block at least");
                    match &known {
                        Some(ids) => events.push_resolved(raw, ids.as_ref()),
                        None => events.push(raw),
                    }
                }
                let mut blocks = blocks.into_iter();
                let mut events = blocks.next().expect("one block at least");
                events.rest = blocks.collect();
                Ok(events)
            }
        }

        deserializer.deserialize_seq(Visit(std::marker::PhantomData))
    }
}

impl Events<YamlText> {
    /// Moves every position down by `lines`: for a piece parsed apart from the lines before it.
    pub(super) fn shift_lines(&mut self, lines: u32) {
        let mut shift = |t: &mut YamlText| t.line += lines;
        for r in &mut self.refs {
            shift(&mut r.id);
        }
        for p in &mut self.pending {
            p.place.as_mut().map(&mut shift);
            p.people.iter_mut().for_each(&mut shift);
            p.period.as_mut().map(&mut shift);
        }
        for (at, _) in &mut self.problems {
            shift(at);
        }
        for block in &mut self.rest {
            block.shift_lines(lines);
        }
    }
}

impl<T: Located> Events<T> {
    pub(super) fn with_capacity(capacity: usize) -> Events<T> {
        Events {
            events: Vec::with_capacity(capacity),
            refs: Vec::with_capacity(capacity),
            pending: Vec::new(),
            problems: Vec::new(),
            rest: Vec::new(),
            ids_unique: false,
            periods_assigned: false,
        }
    }

    /// Adds the events of the next piece of the same list, block by block, each block freed as
    /// soon as it is in: appending never holds a second copy of more than one block.
    pub(super) fn append(&mut self, mut next: Events<T>) {
        let rest = std::mem::take(&mut next.rest);
        self.append_block(next);
        for block in rest {
            self.append_block(block);
        }
    }

    fn append_block(&mut self, mut next: Events<T>) {
        debug_assert!(self.rest.is_empty() && next.rest.is_empty());
        let (events, refs) = (self.events.len() as u32, self.refs.len());
        if refs == 0 {
            *self = next;
            return;
        }
        for e in &mut next.events {
            e.file_order += refs;
        }
        for r in &mut next.refs {
            r.event = r.event.map(|i| i + events);
        }
        for p in &mut next.pending {
            p.at += refs as u32;
        }
        self.events.append(&mut next.events);
        self.refs.append(&mut next.refs);
        self.pending.append(&mut next.pending);
        self.problems.append(&mut next.problems);
    }

    /// Converts one event as written: dates parsed, strings moved, references kept for later.
    pub(super) fn push(&mut self, raw: RawEvent<T>) {
        let file_order = self.refs.len();
        let owner = Owner::new("event", raw.id.text());
        let date = match &raw.end {
            Some(end) => span_of(&raw.date, end, owner),
            None => date_of(&raw.date, owner).map_err(|m| (Which::From, m)),
        };
        let date = match date {
            Ok(date) => Some(date),
            Err((Which::From, message)) => {
                self.problems.push((raw.date, message));
                None
            }
            Err((Which::To, message)) => {
                let end = raw.end.expect("a span's end");
                self.problems.push((end, message));
                None
            }
        };
        for key in raw.unknown {
            let message = unknown_field(
                owner,
                key.text(),
                RawEvent::<T>::WHAT,
                RawEvent::<T>::FIELDS,
            );
            self.problems.push((key, message));
        }
        let problems = &mut self.problems;
        let title = if is_blank(raw.title.text()) {
            let message = format!("{owner}: the title is empty");
            problems.push((raw.title, message));
            String::new()
        } else {
            checked(problems, owner, "title", raw.title, Shape::Line)
        };
        let summary = raw
            .summary
            .map(|s| checked(problems, owner, "summary", s, Shape::Prose));
        let tags = raw
            .tags
            .into_iter()
            .map(|t| checked(problems, owner, "tag", t, Shape::Line))
            .collect();
        let source = raw
            .source
            .map(|s| checked(problems, owner, "source", s, Shape::Line));
        let event = date.map(|date| {
            self.events.push(Event {
                id: raw.id.text().to_string(),
                date,
                title,
                summary,
                place: None,
                people: Vec::new(),
                tags,
                period: None,
                source,
                file_order,
            });
            (self.events.len() - 1) as u32
        });
        if raw.place.is_some() || !raw.people.is_empty() || raw.period.is_some() {
            self.pending.push(Pending {
                at: file_order as u32,
                place: raw.place,
                people: raw.people,
                period: raw.period,
            });
        }
        self.refs.push(EventRefs { id: raw.id, event });
    }
}

/// The text of `value`, the `field` of `owner`; when it breaks the rules of its shape, the problem
/// is kept (at the value) and the text dropped, as the file will be refused anyway.
fn checked<T: Located>(
    problems: &mut Vec<(T, String)>,
    owner: Owner,
    field: &str,
    value: T,
    shape: Shape,
) -> String {
    match text_problem(owner, field, value.text(), shape) {
        Some(message) => {
            problems.push((value, message));
            String::new()
        }
        None => value.take(),
    }
}

/// The ids of people, places and periods, for events read after them (see
/// [`Events::push_resolved`]). A duplicate id maps to its last entry, as in [`Checker::ids`].
/// Keys borrow from the file (`&str`) or, to cross into a thread-local, own their text.
pub(super) struct Resolver<K> {
    pub(super) people: HashMap<K, usize>,
    pub(super) places: HashMap<K, usize>,
    pub(super) periods: HashMap<K, usize>,
}

impl<'a, K: From<&'a str> + Eq + std::hash::Hash> Resolver<K> {
    pub(super) fn new<T: Located>(
        people: &'a [RawPerson<T>],
        places: &'a [RawPlace<T>],
        periods: &'a [RawPeriod<T>],
    ) -> Resolver<K> {
        fn ids<'a, K: From<&'a str> + Eq + std::hash::Hash, T: Located + 'a>(
            ids: impl Iterator<Item = &'a T>,
        ) -> HashMap<K, usize> {
            ids.enumerate()
                .map(|(i, id)| (K::from(id.text()), i))
                .collect()
        }
        Resolver {
            people: ids(people.iter().map(|p| &p.id)),
            places: ids(places.iter().map(|p| &p.id)),
            periods: ids(periods.iter().map(|p| &p.id)),
        }
    }
}

thread_local! {
    /// The ids known before the events of a YAML piece are read (see [`parse_yaml_parallel`]):
    /// serde-saphyr takes no seed, so the piece's thread leaves them here for [`Events`].
    pub(super) static KNOWN_IDS: std::cell::RefCell<Option<std::sync::Arc<Resolver<String>>>> =
        const { std::cell::RefCell::new(None) };
    /// How many events the piece holds, counted by the cut: room is made for them at once.
    pub(super) static EXPECTED_EVENTS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// When not 0, the piece is read in blocks of this many events (see [`Events::append`]).
    pub(super) static BLOCK_EVENTS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl<T: Located> Events<T> {
    /// Converts one event as [`Events::push`] does, and resolves its references at once.
    pub(super) fn push_resolved<K: std::borrow::Borrow<str> + Eq + std::hash::Hash>(
        &mut self,
        mut raw: RawEvent<T>,
        ids: &Resolver<K>,
    ) {
        let (place, people, period) = (
            raw.place.take(),
            std::mem::take(&mut raw.people),
            raw.period.take(),
        );
        self.push(raw);
        let Events {
            events,
            refs,
            problems,
            ..
        } = self;
        let just_read = refs.last().expect("pushed");
        let owner = Owner::new("event", just_read.id.text());
        let mut resolve = |map: &HashMap<K, usize>, kind: &str, reference: T| {
            map.get(reference.text()).copied().or_else(|| {
                let keys = map.keys().map(|k| k.borrow());
                let message = unknown_reference(keys, kind, &reference, owner);
                problems.push((reference, message));
                None
            })
        };
        let place = place.and_then(|p| resolve(&ids.places, "place", p));
        let people: Vec<usize> = people
            .into_iter()
            .filter_map(|p| resolve(&ids.people, "person", p))
            .collect();
        let period = period.and_then(|p| resolve(&ids.periods, "period", p));
        if let Some(i) = just_read.event {
            let event = &mut events[i as usize];
            event.place = place;
            event.people = people;
            event.period = period;
        }
    }
}
