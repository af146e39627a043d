//! The events list, turned into the model one event at a time as it is read, with the
//! references of each kept for the checker.

use std::fmt;

use serde::Deserialize;

use super::check::{Owner, Which, date_of, shape_problems, span_of, text_problem};
use super::located::{Located, OneOrMany};
use super::raw::{RawEvent, RawMedia};
use super::text::{Shape, is_blank, label_refusal, url_refusal};
use crate::model::{Event, Media};

/// How many problems the events may have before the rest of them are read past unchecked.
const MOST_PROBLEMS: usize = 1000;

/// The events, turned into the model one by one as they are read, so that a million of them never
/// exist twice over (once as written, once as model). What needs the rest of the file (the ids of
/// people, places and periods, which may come after the events) waits in [`Pending`].
pub(super) struct Events<T> {
    /// The events with a valid date, in file order; their references are filled in later.
    pub(super) events: Vec<Event>,
    /// Every event's id as written, in file order.
    pub(super) refs: Vec<EventRefs<T>>,
    /// The references of the events that have any, resolved by the checker once the ids of
    /// people, places and periods (which may come after the events) are known.
    pub(super) pending: Vec<Pending<T>>,
    /// Problems found while reading, at the value they are about.
    pub(super) problems: Vec<(T, String)>,
    /// Problems found while reading that are at no value (an event with no field to show).
    pub(super) unplaced: Vec<String>,
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
    /// The id of the event it came after.
    pub(super) after: Option<T>,
}

impl<'de, T: Located + Deserialize<'de> + OneOrMany<'de>> Deserialize<'de> for Events<T>
where
    T::Key: Deserialize<'de>,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);

        impl<'de, T: Located + Deserialize<'de> + OneOrMany<'de>> serde::de::Visitor<'de> for Visit<T>
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
                // A hint is trusted for a modest list only: a hostile file may claim any length.
                let mut events = Events::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
                while let Some(raw) = seq.next_element::<RawEvent<T>>()? {
                    events.push(raw);
                    if events.problems.len() + events.unplaced.len() >= MOST_PROBLEMS {
                        // Twenty million `{}` would be sixty million problems: the rest of the
                        // list is read past, unkept, as a compiler stops after many errors.
                        let mut rest = 0usize;
                        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                            rest += 1;
                        }
                        if rest > 0 {
                            events.unplaced.push(format!(
                                "{MOST_PROBLEMS} problems among the events, and the {rest} events after them are not checked: fix these and check again"
                            ));
                        }
                        break;
                    }
                }
                Ok(events)
            }
        }

        deserializer.deserialize_seq(Visit(std::marker::PhantomData))
    }
}

impl<T> super::located::Missing for Events<T> {
    fn missing() -> Events<T> {
        Events {
            events: Vec::new(),
            refs: Vec::new(),
            pending: Vec::new(),
            problems: Vec::new(),
            unplaced: Vec::new(),
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
            unplaced: Vec::new(),
        }
    }

    /// Converts one event as written: dates parsed, strings moved, references kept for later.
    pub(super) fn push(&mut self, raw: RawEvent<T>) {
        let file_order = self.refs.len();
        let owner = Owner::new("event", raw.id.text());
        for (at, message) in shape_problems(&raw, owner) {
            match at {
                Some(at) => self.problems.push((at.clone(), message)),
                None => self.unplaced.push(message),
            }
        }
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
        let key = raw.key.and_then(|key| flag(problems, owner, "key", key));
        let label = raw
            .label
            .and_then(|l| judged(problems, owner, "label", l, label_refusal));
        let link = raw
            .link
            .and_then(|l| judged(problems, owner, "link", l, url_refusal));
        let media = raw.media.and_then(|m| media(problems, owner, &raw.id, m));
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
                key: key.unwrap_or(false),
                label,
                link,
                media,
                file_order,
                after: None,
            });
            (self.events.len() - 1) as u32
        });
        if raw.place.is_some()
            || !raw.people.is_empty()
            || raw.period.is_some()
            || raw.after.is_some()
        {
            self.pending.push(Pending {
                at: file_order as u32,
                place: raw.place,
                people: raw.people,
                period: raw.period,
                after: raw.after,
            });
        }
        self.refs.push(EventRefs { id: raw.id, event });
    }
}

/// `true` or `false` as written in the `field` of `owner`; anything else is a problem.
fn flag<T: Located>(
    problems: &mut Vec<(T, String)>,
    owner: Owner,
    field: &str,
    value: T,
) -> Option<bool> {
    match value.text() {
        "true" => Some(true),
        "false" => Some(false),
        other => {
            let message = format!(
                "{owner}: `{field}` must be true or false, not `{}`",
                crate::error::quote(other)
            );
            problems.push((value, message));
            None
        }
    }
}

/// The text of `value`, the `field` of `owner`, when `refusal` finds nothing wrong with it;
/// else the problem is kept (at the value).
fn judged<T: Located>(
    problems: &mut Vec<(T, String)>,
    owner: Owner,
    field: &str,
    value: T,
    refusal: fn(&str) -> Option<String>,
) -> Option<String> {
    match refusal(value.text()) {
        Some(why) => {
            problems.push((value, format!("{owner}: the {field} {why}")));
            None
        }
        None => Some(value.take()),
    }
}

/// An event's media, its address and words checked, what is wrong with the mapping itself
/// (unknown, repeated or missing fields) reported at its key or, having none, at the event's id.
fn media<T: Located>(
    problems: &mut Vec<(T, String)>,
    owner: Owner,
    event_id: &T,
    raw: RawMedia<T>,
) -> Option<Media> {
    for (at, message) in shape_problems(&raw, owner) {
        problems.push((at.unwrap_or(event_id).clone(), message));
    }
    if raw.url.is_missing() {
        return None;
    }
    let caption = raw
        .caption
        .map(|c| checked(problems, owner, "media caption", c, Shape::Line));
    let credit = raw
        .credit
        .map(|c| checked(problems, owner, "media credit", c, Shape::Line));
    let url = judged(problems, owner, "media url", raw.url, url_refusal)?;
    Some(Media {
        url,
        caption,
        credit,
    })
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
