//! Values of the file that know where they were written: YAML strings with serde-saphyr's
//! spans, JSON strings as slices of the file, and the keys of mappings, read without allocating
//! for the field names a timeline uses.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::raw::FIELD_NAMES;

/// A required value the file leaves out: the mapping keeps going with this in its place, and
/// the checker reports the field missing instead of any problem with the value.
pub(super) trait Missing {
    fn missing() -> Self;
}

/// A string value of the file that knows where it was written, so that a problem found after
/// parsing can still be reported at its line and column.
pub(super) trait Located: Missing + Clone {
    /// A key of a mapping as read, without allocating for the keys the mappings know (a
    /// million events have several each).
    type Key: Located;
    /// A key that is no field of its mapping, kept as a value for the problem about it; its
    /// value, next in `map`, is skipped.
    fn unknown_key<'de, A: serde::de::MapAccess<'de>>(
        key: Self::Key,
        map: &mut A,
    ) -> Result<Self, A::Error>
    where
        Self: Sized;
    /// The value.
    fn text(&self) -> &str;
    /// The value, taken out.
    fn take(self) -> String;
    /// The 1-based line and column of the value in `source`.
    fn position(&self, source: &str) -> (u64, u64);
    /// True for the stand-in of a value the file leaves out ([`Missing`]).
    fn is_missing(&self) -> bool;
}

/// A string of a YAML timeline with its line and column: the value of serde-saphyr's `Spanned`,
/// kept small: a million events hold several each.
#[derive(Clone)]
pub(super) struct YamlText {
    pub(super) value: String,
    pub(super) line: u32,
    pub(super) column: u32,
}

impl<'de> Deserialize<'de> for YamlText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<String>::deserialize(deserializer)?;
        Ok(YamlText {
            value: spanned.value,
            line: spanned.referenced.line() as u32,
            column: spanned.referenced.column() as u32,
        })
    }
}

/// Line 0: no value of the file is there.
impl Missing for YamlText {
    fn missing() -> YamlText {
        YamlText {
            value: String::new(),
            line: 0,
            column: 0,
        }
    }
}

impl Located for YamlText {
    type Key = YamlKey;

    fn is_missing(&self) -> bool {
        self.line == 0
    }

    /// Located at the key's value, marked [`KEY_BEFORE`]: a span for every key would cost more
    /// than all else a key costs. The key is found before its value when a problem needs it.
    fn unknown_key<'de, A: serde::de::MapAccess<'de>>(
        key: YamlKey,
        map: &mut A,
    ) -> Result<YamlText, A::Error> {
        let value = map.next_value::<Spanned<serde::de::IgnoredAny>>()?;
        Ok(YamlText {
            value: key.take(),
            line: value.referenced.line() as u32,
            column: value.referenced.column() as u32 | KEY_BEFORE,
        })
    }

    fn text(&self) -> &str {
        &self.value
    }

    fn take(self) -> String {
        self.value
    }

    fn position(&self, source: &str) -> (u64, u64) {
        let (line, column) = (u64::from(self.line), u64::from(self.column & !KEY_BEFORE));
        if self.column & KEY_BEFORE == 0 {
            return (line, column);
        }
        // The key is the last occurrence of its text before its value.
        let Some(line_start) = line_offset(source, line) else {
            return (line, column);
        };
        let value = source[line_start..]
            .char_indices()
            .nth(column.saturating_sub(1) as usize)
            .map_or(source.len(), |(i, _)| line_start + i);
        match source[..value].rfind(self.value.as_str()) {
            Some(key) => {
                let before = &source[..key];
                let line = line_breaks(before) + 1;
                let start = before.rfind('\n').map_or(0, |i| i + 1);
                (line, before[start..].chars().count() as u64 + 1)
            }
            None => (line, column),
        }
    }
}

/// Marks a [`YamlText`] column as its value's: the text is a key written before it.
const KEY_BEFORE: u32 = 1 << 31;

/// The byte offset where the 1-based `line` of `source` starts.
fn line_offset(source: &str, line: u64) -> Option<usize> {
    if line <= 1 {
        return Some(0);
    }
    source
        .match_indices('\n')
        .nth(line as usize - 2)
        .map(|(i, _)| i + 1)
}

/// A key of a YAML mapping: a field name, or any other text.
#[derive(Clone)]
pub(super) struct YamlKey(Result<&'static str, String>);

impl<'de> Deserialize<'de> for YamlKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;

        impl serde::de::Visitor<'_> for Visit {
            type Value = YamlKey;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a field name")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<YamlKey, E> {
                Ok(YamlKey(
                    FIELD_NAMES
                        .iter()
                        .find(|name| **name == text)
                        .copied()
                        .ok_or_else(|| text.to_string()),
                ))
            }
        }

        deserializer.deserialize_str(Visit)
    }
}

impl Missing for YamlKey {
    fn missing() -> YamlKey {
        YamlKey(Ok(""))
    }
}

impl Located for YamlKey {
    type Key = YamlKey;

    fn is_missing(&self) -> bool {
        false
    }

    fn unknown_key<'de, A: serde::de::MapAccess<'de>>(
        key: YamlKey,
        map: &mut A,
    ) -> Result<YamlKey, A::Error> {
        map.next_value::<serde::de::IgnoredAny>()?;
        Ok(key)
    }

    fn text(&self) -> &str {
        match &self.0 {
            Ok(name) => name,
            Err(other) => other,
        }
    }

    fn take(self) -> String {
        match self.0 {
            Ok(name) => name.to_string(),
            Err(other) => other,
        }
    }

    /// Unknown: a key is located by its value (see [`YamlText::unknown_key`]).
    fn position(&self, _source: &str) -> (u64, u64) {
        (0, 0)
    }
}

/// A key of a JSON mapping: the key's text borrowed from the file, read as serde_json reads a
/// key (no raw value to delimit first). A key with escapes is no field name; it keeps its
/// meaning, without a position.
#[derive(Clone)]
pub(super) struct JsonKey<'a>(JsonText<'a>);

impl<'de> Deserialize<'de> for JsonKey<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;

        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = JsonKey<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a field name")
            }

            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                text: &'de str,
            ) -> Result<Self::Value, E> {
                Ok(JsonKey(JsonText::Plain(text)))
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(JsonKey(JsonText::Escaped(Box::new(("", text.to_string())))))
            }
        }

        deserializer.deserialize_str(Visit)
    }
}

impl Missing for JsonKey<'_> {
    fn missing() -> Self {
        JsonKey(JsonText::missing())
    }
}

impl<'a> Located for JsonKey<'a> {
    type Key = JsonKey<'a>;

    fn is_missing(&self) -> bool {
        self.0.is_missing()
    }

    fn unknown_key<'de, A: serde::de::MapAccess<'de>>(
        key: JsonKey<'a>,
        map: &mut A,
    ) -> Result<JsonKey<'a>, A::Error> {
        map.next_value::<serde::de::IgnoredAny>()?;
        Ok(key)
    }

    fn text(&self) -> &str {
        self.0.text()
    }

    fn take(self) -> String {
        self.0.take()
    }

    fn position(&self, source: &str) -> (u64, u64) {
        self.0.position(source)
    }
}

/// A string (or number) of a JSON timeline, borrowed from the file where it can be: serde_json
/// hands out positions only with its errors, so a value's position is recovered from the address
/// of its slice when a problem needs it.
#[derive(Clone)]
pub(super) enum JsonText<'a> {
    /// The text between the quotes (or the digits of a number), as written.
    Plain(&'a str),
    /// A string with escapes: the raw slice (quotes included) and the value it means.
    Escaped(Box<(&'a str, String)>),
    /// A required value the file leaves out ([`Missing`]).
    Missing,
}

impl<'de> Deserialize<'de> for JsonText<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <&'de serde_json::value::RawValue>::deserialize(deserializer)?.get();
        JsonText::from_raw(raw)
    }
}

impl<'de> JsonText<'de> {
    /// The text of a raw JSON value of the file: a string, or a number as its digits.
    fn from_raw<E: serde::de::Error>(raw: &'de str) -> Result<JsonText<'de>, E> {
        match raw.as_bytes().first() {
            Some(b'"') if !raw.contains('\\') => Ok(JsonText::Plain(&raw[1..raw.len() - 1])),
            Some(b'"') => {
                let value = serde_json::from_str(raw).map_err(E::custom)?;
                Ok(JsonText::Escaped(Box::new((raw, value))))
            }
            // `"date": 1917` means what YAML's `date: 1917` does.
            Some(b'-' | b'0'..=b'9') => Ok(JsonText::Plain(raw)),
            // `"key": true` reads as YAML's `key: true`; the field judges the word.
            _ if raw == "true" || raw == "false" => Ok(JsonText::Plain(raw)),
            _ => Err(E::custom("expected a string")),
        }
    }
}

/// A value written either as one string or as a list of mappings (`within: ukraine`, or a list
/// of dated places).
pub(super) enum OneOrList<T, M> {
    One(T),
    List(Vec<M>),
}

/// Reading a value that is one located string or a list of mappings `M`, the string keeping its
/// place in the file as every other does (an untagged enum would lose it).
pub(super) trait OneOrMany<'de>: Sized {
    fn one_or_many<D: serde::Deserializer<'de>, M: Deserialize<'de>>(
        deserializer: D,
    ) -> Result<OneOrList<Self, M>, D::Error>;
}

impl<'de> OneOrMany<'de> for JsonText<'de> {
    /// A list is read from its raw slice of the file, so its strings still point into it.
    fn one_or_many<D: serde::Deserializer<'de>, M: Deserialize<'de>>(
        deserializer: D,
    ) -> Result<OneOrList<Self, M>, D::Error> {
        use serde::de::Error as _;
        let raw = <&'de serde_json::value::RawValue>::deserialize(deserializer)?.get();
        if raw.starts_with('[') {
            let list = serde_json::from_str(raw).map_err(D::Error::custom)?;
            return Ok(OneOrList::List(list));
        }
        JsonText::from_raw(raw).map(OneOrList::One)
    }
}

impl<'de> OneOrMany<'de> for YamlText {
    /// Spanned as a whole, so the one string has its place; a list's mappings are read from the
    /// file itself, so their strings have theirs.
    fn one_or_many<D: serde::Deserializer<'de>, M: Deserialize<'de>>(
        deserializer: D,
    ) -> Result<OneOrList<Self, M>, D::Error> {
        let spanned = Spanned::<YamlOneOrList<M>>::deserialize(deserializer)?;
        let (line, column) = (
            spanned.referenced.line() as u32,
            spanned.referenced.column() as u32,
        );
        Ok(match spanned.value.0 {
            OneOrList::One(value) => OneOrList::One(YamlText {
                value,
                line,
                column,
            }),
            OneOrList::List(list) => OneOrList::List(list),
        })
    }
}

/// A YAML scalar (as its text) or a sequence of `M`.
struct YamlOneOrList<M>(OneOrList<String, M>);

impl<'de, M: Deserialize<'de>> Deserialize<'de> for YamlOneOrList<M> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<M>(std::marker::PhantomData<M>);

        impl<'de, M: Deserialize<'de>> serde::de::Visitor<'de> for Visit<M> {
            type Value = YamlOneOrList<M>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a place id or a list of places")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(YamlOneOrList(OneOrList::One(text.to_string())))
            }

            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Self::Value, E> {
                self.visit_str(&n.to_string())
            }

            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Self::Value, E> {
                self.visit_str(&n.to_string())
            }

            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Self::Value, E> {
                self.visit_str(&n.to_string())
            }

            fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<Self::Value, E> {
                self.visit_str(&b.to_string())
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut list = Vec::new();
                while let Some(item) = seq.next_element()? {
                    list.push(item);
                }
                Ok(YamlOneOrList(OneOrList::List(list)))
            }
        }

        deserializer.deserialize_any(Visit(std::marker::PhantomData))
    }
}

impl Missing for JsonText<'_> {
    fn missing() -> Self {
        JsonText::Missing
    }
}

impl<'a> Located for JsonText<'a> {
    type Key = JsonKey<'a>;

    fn is_missing(&self) -> bool {
        matches!(self, JsonText::Missing)
    }

    /// Located at the key itself, from the address of its slice.
    fn unknown_key<'de, A: serde::de::MapAccess<'de>>(
        key: JsonKey<'a>,
        map: &mut A,
    ) -> Result<JsonText<'a>, A::Error> {
        map.next_value::<serde::de::IgnoredAny>()?;
        Ok(key.0)
    }

    fn text(&self) -> &str {
        match self {
            JsonText::Plain(text) => text,
            JsonText::Escaped(escaped) => &escaped.1,
            JsonText::Missing => "",
        }
    }

    fn take(self) -> String {
        match self {
            JsonText::Plain(text) => text.to_string(),
            JsonText::Escaped(escaped) => escaped.1,
            JsonText::Missing => String::new(),
        }
    }

    fn position(&self, source: &str) -> (u64, u64) {
        let start = match self {
            JsonText::Plain(text) => text.as_ptr(),
            JsonText::Escaped(escaped) => escaped.0.as_ptr(),
            JsonText::Missing => return (0, 0),
        };
        let mut offset = (start as usize).wrapping_sub(source.as_ptr() as usize);
        // Point at a string's opening quote, as YAML positions do.
        if offset > 0 && source.as_bytes().get(offset - 1) == Some(&b'"') {
            offset -= 1;
        }
        match source.get(..offset) {
            Some(before) => {
                let line = line_breaks(before) + 1;
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                (line, before[line_start..].chars().count() as u64 + 1)
            }
            None => (0, 0),
        }
    }
}

/// How many line breaks `text` holds.
fn line_breaks(text: &str) -> u64 {
    text.bytes().filter(|&b| b == b'\n').count() as u64
}
