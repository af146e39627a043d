//! The file as written: its mappings (the timeline, people, places, periods, stays, events) as
//! serde types whose strings keep their positions (see [`super::located`]) and which keep the
//! keys they do not know, for the checker to report with everything else.

use serde::Deserialize;

use super::events::Events;
use super::located::{Located, Missing, OneOrList, OneOrMany};

/// Every field name of every mapping of the file: a key that is one of them is read as a
/// `&'static str`, no allocation.
pub(super) const FIELD_NAMES: &[&str] = &[
    "about",
    "after",
    "aliases",
    "born",
    "calendar",
    "caption",
    "credit",
    "date",
    "died",
    "end",
    "events",
    "from",
    "id",
    "julian_until",
    "key",
    "label",
    "link",
    "media",
    "name",
    "names",
    "note",
    "people",
    "period",
    "periods",
    "place",
    "places",
    "source",
    "stays",
    "subject",
    "summary",
    "tags",
    "title",
    "to",
    "url",
    "within",
];

/// A mapping of the file as written, which keeps the keys it does not know.
pub(super) trait Mapping<T: Located> {
    /// Its fields, for the message about an unknown one.
    const FIELDS: &'static [&'static str];
    /// What it is, for messages: "an event".
    const WHAT: &'static str;
    /// The keys that are none of its fields, as written.
    fn unknown(&self) -> &[T];
    /// The keys given twice (each second one, located at its value).
    fn repeated(&self) -> &[T];
    /// The required fields it lacks.
    fn missing(&self) -> &[&'static str];
    /// Where the mapping is, for a problem about the whole of it: its first located field.
    fn anchor(&self) -> Option<&T>;
}

/// Declares a mapping of the file as written, with a deserializer that keeps going past a key
/// it does not know, a key given twice and a required field left out: each is kept for the
/// checker to report beside every other problem, where `deny_unknown_fields` or a missing field
/// would end the parse at the first (issue 8, issue 20). A field is `one` (required), `opt` (may
/// be missing or null) or `many` (a list, empty when missing); `at` names the `one` fields that
/// say where the mapping is (without it, a problem about the whole mapping is at its first
/// unknown key, or nowhere in particular).
macro_rules! raw_mapping {
    (
        $(#[$meta:meta])*
        $name:ident ($what:literal) $(at [$($at:ident),*])? {
            $($(#[$field_meta:meta])* $field:ident: $kind:ident $ty:ty),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub(super) struct $name<T> {
            $($(#[$field_meta])* pub(super) $field: raw_mapping!(@type $kind $ty),)*
            /// The keys that are no field of this mapping, as written.
            pub(super) unknown: Vec<T>,
            /// The keys given a second time.
            pub(super) repeated: Vec<T>,
            /// The required fields left out.
            pub(super) missing: Vec<&'static str>,
        }

        impl<T: Located> Mapping<T> for $name<T> {
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
            const WHAT: &'static str = $what;

            fn unknown(&self) -> &[T] {
                &self.unknown
            }

            fn repeated(&self) -> &[T] {
                &self.repeated
            }

            fn missing(&self) -> &[&'static str] {
                &self.missing
            }

            fn anchor(&self) -> Option<&T> {
                let anchors: &[&T] = &[$($(&self.$at),*)?];
                anchors
                    .iter()
                    .copied()
                    .find(|at| !at.is_missing())
                    .or(self.unknown.first())
            }
        }

        impl<'de, T: Located + Deserialize<'de> + OneOrMany<'de>> Deserialize<'de> for $name<T>
        where
            T::Key: Deserialize<'de>,
        {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visit<T>(std::marker::PhantomData<T>);

                impl<'de, T: Located + Deserialize<'de> + OneOrMany<'de>> serde::de::Visitor<'de>
                    for Visit<T>
                where
                    T::Key: Deserialize<'de>,
                {
                    type Value = $name<T>;

                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        write!(f, "a mapping ({})", $what)
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$name<T>, A::Error> {
                                                $(let mut $field: Option<raw_mapping!(@type $kind $ty)> = None;)*
                        let mut unknown = Vec::new();
                        let mut repeated = Vec::new();
                        let mut missing = Vec::new();
                        while let Some(key) = map.next_key::<T::Key>()? {
                            match key.text() {
                                $(stringify!($field) if $field.is_some() => {
                                    repeated.push(T::unknown_key(key, &mut map)?);
                                })*
                                $(stringify!($field) => {
                                    $field = Some(map.next_value()?);
                                })*
                                _ => unknown.push(T::unknown_key(key, &mut map)?),
                            }
                        }
                        Ok($name {
                            $($field: raw_mapping!(@finish $kind $field, missing),)*
                            unknown,
                            repeated,
                            missing,
                        })
                    }
                }

                deserializer.deserialize_struct(
                    stringify!($name),
                    Self::FIELDS,
                    Visit(std::marker::PhantomData),
                )
            }
        }
    };
    (@type one $ty:ty) => { $ty };
    (@type opt $ty:ty) => { Option<$ty> };
    (@type many $ty:ty) => { Vec<$ty> };
    (@finish one $field:ident, $missing:ident) => {
        $field.unwrap_or_else(|| {
            $missing.push(stringify!($field));
            Missing::missing()
        })
    };
    (@finish opt $field:ident, $missing:ident) => { $field.flatten() };
    (@finish many $field:ident, $missing:ident) => { $field.unwrap_or_default() };
}

raw_mapping! {
    /// The whole file.
    RawTimeline("the timeline") at [title] {
        title: one T,
        subject: opt T,
        people: many RawPerson<T>,
        places: many RawPlace<T>,
        periods: many RawPeriod<T>,
        stays: many RawStay<T>,
        events: one Events<T>,
    }
}

raw_mapping! {
    /// An entry of `people`.
    RawPerson("a person") at [id, name] {
        id: one T,
        name: one T,
        aliases: many T,
        born: opt T,
        died: opt T,
        about: opt T,
    }
}

raw_mapping! {
    /// An entry of `places`.
    RawPlace("a place") at [id, name] {
        id: one T,
        name: one T,
        aliases: many T,
        within: opt RawWithin<T>,
        names: many RawName<T>,
        calendar: opt RawCalendar<T>,
    }
}

/// `within:` as written: one place id, for all time (`within: ukraine`), or a list of places,
/// each over a range of days (`- {place: russian-empire, to: 1917-11-07}`).
pub(super) enum RawWithin<T> {
    Always(T),
    Dated(Vec<RawEnclosure<T>>),
}

impl<'de, T: Located + Deserialize<'de> + OneOrMany<'de>> Deserialize<'de> for RawWithin<T>
where
    T::Key: Deserialize<'de>,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match T::one_or_many::<D, RawEnclosure<T>>(deserializer)? {
            OneOrList::One(one) => RawWithin::Always(one),
            OneOrList::List(list) => RawWithin::Dated(list),
        })
    }
}

raw_mapping! {
    /// One place of a dated `within:` list.
    RawEnclosure("a place of `within`") at [place] {
        place: one T,
        from: opt T,
        to: opt T,
    }
}

raw_mapping! {
    /// A former name of a place.
    RawName("a place name") at [name] {
        name: one T,
        from: opt T,
        to: opt T,
    }
}

raw_mapping! {
    /// A place's calendar.
    RawCalendar("a calendar") at [julian_until] {
        julian_until: one T,
    }
}

raw_mapping! {
    /// An entry of `periods`.
    RawPeriod("a period") at [id, title, from, to] {
        id: one T,
        title: one T,
        from: one T,
        to: one T,
    }
}

raw_mapping! {
    /// An entry of `stays`.
    RawStay("a stay") at [place, from, to] {
        place: one T,
        from: one T,
        to: one T,
        note: opt T,
        source: opt T,
    }
}

raw_mapping! {
    /// An entry of `events`.
    RawEvent("an event") at [id, date, title] {
        id: one T,
        date: one T,
        end: opt T,
        title: one T,
        summary: opt T,
        place: opt T,
        people: many T,
        tags: many T,
        period: opt T,
        source: opt T,
        key: opt T,
        label: opt T,
        link: opt T,
        media: opt RawMedia<T>,
        after: opt T,
    }
}

raw_mapping! {
    /// An event's media.
    RawMedia("a media") at [url] {
        url: one T,
        caption: opt T,
        credit: opt T,
    }
}
