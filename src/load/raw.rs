//! The file as written: serde types that keep the position of every value checked later, for
//! YAML (serde-saphyr's spans) and JSON (addresses of borrowed slices).

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::events::Events;

/// A string value of the file that knows where it was written, so that a problem found after
/// parsing can still be reported at its line and column.
pub(super) trait Located {
    /// The value.
    fn text(&self) -> &str;
    /// The value, taken out.
    fn take(self) -> String;
    /// The 1-based line and column of the value in `source`.
    fn position(&self, source: &str) -> (u64, u64);
}

/// A string of a YAML timeline with its line and column: the value of serde-saphyr's `Spanned`,
/// kept small (a million events hold several each) and with a line that can be shifted, for
/// pieces of a file parsed on their own (see [`parse_yaml_parallel`]).
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

impl Located for YamlText {
    fn text(&self) -> &str {
        &self.value
    }

    fn take(self) -> String {
        self.value
    }

    fn position(&self, _source: &str) -> (u64, u64) {
        (u64::from(self.line), u64::from(self.column))
    }
}

/// A string (or number) of a JSON timeline, borrowed from the file where it can be: serde_json
/// hands out positions only with its errors, so a value's position is recovered from the address
/// of its slice when a problem needs it.
pub(super) enum JsonText<'a> {
    /// The text between the quotes (or the digits of a number), as written.
    Plain(&'a str),
    /// A string with escapes: the raw slice (quotes included) and the value it means.
    Escaped(Box<(&'a str, String)>),
}

impl<'de> Deserialize<'de> for JsonText<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let raw = <&'de serde_json::value::RawValue>::deserialize(deserializer)?.get();
        match raw.as_bytes().first() {
            Some(b'"') if !raw.contains('\\') => Ok(JsonText::Plain(&raw[1..raw.len() - 1])),
            Some(b'"') => {
                let value = serde_json::from_str(raw).map_err(D::Error::custom)?;
                Ok(JsonText::Escaped(Box::new((raw, value))))
            }
            // `"date": 1917` means what YAML's `date: 1917` does.
            Some(b'-' | b'0'..=b'9') => Ok(JsonText::Plain(raw)),
            _ => Err(D::Error::custom("expected a string")),
        }
    }
}

impl Located for JsonText<'_> {
    fn text(&self) -> &str {
        match self {
            JsonText::Plain(text) => text,
            JsonText::Escaped(escaped) => &escaped.1,
        }
    }

    fn take(self) -> String {
        match self {
            JsonText::Plain(text) => text.to_string(),
            JsonText::Escaped(escaped) => escaped.1,
        }
    }

    fn position(&self, source: &str) -> (u64, u64) {
        let start = match self {
            JsonText::Plain(text) => text.as_ptr(),
            JsonText::Escaped(escaped) => escaped.0.as_ptr(),
        };
        let mut offset = (start as usize).wrapping_sub(source.as_ptr() as usize);
        // Point at a string's opening quote, as YAML positions do.
        if offset > 0 && source.as_bytes().get(offset - 1) == Some(&b'"') {
            offset -= 1;
        }
        match source.get(..offset) {
            Some(before) => {
                let line = memchr_count(before.as_bytes(), b'\n') + 1;
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                (line, before[line_start..].chars().count() as u64 + 1)
            }
            None => (0, 0),
        }
    }
}

pub(super) fn memchr_count(bytes: &[u8], byte: u8) -> u64 {
    bytes.iter().filter(|&&b| b == byte).count() as u64
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "T: Located + Deserialize<'de>")
)]
pub(super) struct RawTimeline<T> {
    pub(super) title: T,
    pub(super) subject: Option<T>,
    #[serde(default)]
    pub(super) people: Vec<RawPerson<T>>,
    #[serde(default)]
    pub(super) places: Vec<RawPlace<T>>,
    #[serde(default)]
    pub(super) periods: Vec<RawPeriod<T>>,
    #[serde(default)]
    pub(super) stays: Vec<RawStay<T>>,
    pub(super) events: Events<T>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub(super) struct RawPerson<T> {
    pub(super) id: T,
    pub(super) name: T,
    #[serde(default)]
    pub(super) aliases: Vec<T>,
    pub(super) born: Option<T>,
    pub(super) died: Option<T>,
    pub(super) about: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub(super) struct RawPlace<T> {
    pub(super) id: T,
    pub(super) name: T,
    #[serde(default)]
    pub(super) aliases: Vec<T>,
    pub(super) within: Option<T>,
    #[serde(default)]
    pub(super) names: Vec<RawName<T>>,
    pub(super) calendar: Option<RawCalendar<T>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub(super) struct RawName<T> {
    pub(super) name: T,
    pub(super) from: Option<T>,
    pub(super) to: Option<T>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub(super) struct RawCalendar<T> {
    pub(super) julian_until: T,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub(super) struct RawPeriod<T> {
    pub(super) id: T,
    pub(super) title: T,
    pub(super) from: T,
    pub(super) to: T,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub(super) struct RawStay<T> {
    pub(super) place: T,
    pub(super) from: T,
    pub(super) to: T,
    pub(super) note: Option<String>,
    pub(super) source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub(super) struct RawEvent<T> {
    pub(super) id: T,
    pub(super) date: T,
    pub(super) end: Option<T>,
    pub(super) title: T,
    pub(super) summary: Option<String>,
    pub(super) place: Option<T>,
    #[serde(default)]
    pub(super) people: Vec<T>,
    #[serde(default)]
    pub(super) tags: Vec<String>,
    pub(super) period: Option<T>,
    pub(super) source: Option<String>,
}
