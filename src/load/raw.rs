//! The file as written: its mappings (the timeline, people, places, periods, stays, events) as
//! serde types whose strings keep their positions (see [`super::located`]) and which keep the
//! keys they do not know, for the checker to report with everything else.

use serde::Deserialize;

use super::events::Events;
use super::located::{Located, OneOrList, OneOrMany};

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
pub(super) trait Mapping<T> {
    /// Its fields, for the message about an unknown one.
    const FIELDS: &'static [&'static str];
    /// What it is, for messages: "an event".
    const WHAT: &'static str;
    /// The keys that are none of its fields, as written.
    fn unknown(&self) -> &[T];
}

/// Declares a mapping of the file as written, with a deserializer that keeps going past a key
/// it does not know: the key is kept in `unknown` for the checker to report beside every other
/// problem, where `deny_unknown_fields` would end the parse at the first (issue 8). A field is
/// `one` (required), `opt` (may be missing or null) or `many` (a list, empty when missing).
macro_rules! raw_mapping {
    (
        $(#[$meta:meta])*
        $name:ident ($what:literal) {
            $($(#[$field_meta:meta])* $field:ident: $kind:ident $ty:ty),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub(super) struct $name<T> {
            $($(#[$field_meta])* pub(super) $field: raw_mapping!(@type $kind $ty),)*
            /// The keys that are no field of this mapping, as written.
            pub(super) unknown: Vec<T>,
        }

        impl<T> Mapping<T> for $name<T> {
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
            const WHAT: &'static str = $what;

            fn unknown(&self) -> &[T] {
                &self.unknown
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
                        use serde::de::Error as _;
                        $(let mut $field: Option<raw_mapping!(@type $kind $ty)> = None;)*
                        let mut unknown = Vec::new();
                        while let Some(key) = map.next_key::<T::Key>()? {
                            match key.text() {
                                $(stringify!($field) => {
                                    if $field.is_some() {
                                        return Err(A::Error::duplicate_field(stringify!($field)));
                                    }
                                    $field = Some(map.next_value()?);
                                })*
                                _ => unknown.push(T::unknown_key(key, &mut map)?),
                            }
                        }
                        Ok($name {
                            $($field: raw_mapping!(@finish $kind $field, A),)*
                            unknown,
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
    (@finish one $field:ident, $access:ident) => {
        $field.ok_or_else(|| <$access::Error as serde::de::Error>::missing_field(stringify!($field)))?
    };
    (@finish opt $field:ident, $access:ident) => { $field.flatten() };
    (@finish many $field:ident, $access:ident) => { $field.unwrap_or_default() };
}

raw_mapping! {
    /// The whole file.
    RawTimeline("the timeline") {
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
    RawPerson("a person") {
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
    RawPlace("a place") {
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
    RawEnclosure("a place of `within`") {
        place: one T,
        from: opt T,
        to: opt T,
    }
}

raw_mapping! {
    /// A former name of a place.
    RawName("a place name") {
        name: one T,
        from: opt T,
        to: opt T,
    }
}

raw_mapping! {
    /// A place's calendar.
    RawCalendar("a calendar") {
        julian_until: one T,
    }
}

raw_mapping! {
    /// An entry of `periods`.
    RawPeriod("a period") {
        id: one T,
        title: one T,
        from: one T,
        to: one T,
    }
}

raw_mapping! {
    /// An entry of `stays`.
    RawStay("a stay") {
        place: one T,
        from: one T,
        to: one T,
        note: opt T,
        source: opt T,
    }
}

raw_mapping! {
    /// An entry of `events`.
    RawEvent("an event") {
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
    RawMedia("a media") {
        url: one T,
        caption: opt T,
        credit: opt T,
    }
}
