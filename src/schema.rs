//! The JSON Schema of the timeline file, for editors that validate YAML as it is typed
//! (yaml-language-server). The types below mirror the loader's file types field for field; the
//! loader reads with its own types (positions, borrowed text), and `tests/integration/views.rs`
//! validates the embedded timeline and rejects malformed documents against this schema, so the two
//! stay in step;
//! `tests/clients/schema.sh` does the same in ajv and Python's jsonschema. Where the grammar allows,
//! the schema is stricter than the shape: months 01–12 or seasons 21–24, days 01–31, ids of
//! `[A-Za-z0-9._-]`, titles and names that are not blank.

use schemars::JsonSchema;

use crate::date::GRAMMAR_HINT;

/// A timeline file: one life's people, places, periods, stays and events.
#[derive(JsonSchema)]
#[allow(dead_code)] // described, never read
#[serde(deny_unknown_fields)]
#[schemars(title = "timeline file")]
struct RawTimeline {
    /// The timeline's title, e.g. "Leon Trotsky".
    #[schemars(with = "Text")]
    title: String,
    /// The id of the person whose life this is (their age is shown beside events).
    #[schemars(with = "Option<Id>")]
    subject: Option<String>,
    /// Everyone named by an event.
    #[serde(default)]
    people: Vec<RawPerson>,
    /// Cities, regions and countries, each `within` another.
    #[serde(default)]
    places: Vec<RawPlace>,
    /// Named stretches of the life; `--in ID` selects one.
    #[serde(default)]
    periods: Vec<RawPeriod>,
    /// Where the subject lived, in order (the rows of `timeline chart`).
    #[serde(default)]
    stays: Vec<RawStay>,
    /// What happened, in any order.
    events: Vec<RawEvent>,
}

/// A person named by events.
#[derive(JsonSchema)]
#[allow(dead_code)] // described, never read
#[serde(deny_unknown_fields)]
struct RawPerson {
    /// Unique id, e.g. `lev-kamenev`.
    #[schemars(with = "Id")]
    id: String,
    /// Full name as usually written.
    #[schemars(with = "Text")]
    name: String,
    /// Other names a reader might type: surname, birth name, pseudonyms.
    #[serde(default)]
    aliases: Vec<String>,
    /// Date of birth.
    #[schemars(with = "Option<DateText>")]
    born: Option<String>,
    /// Date of death.
    #[schemars(with = "Option<DateText>")]
    died: Option<String>,
    /// One line about who they were.
    about: Option<String>,
}

/// A city, region or country.
#[derive(JsonSchema)]
#[allow(dead_code)] // described, never read
#[serde(deny_unknown_fields)]
struct RawPlace {
    /// Unique id, e.g. `saint-petersburg`.
    #[schemars(with = "Id")]
    id: String,
    /// The name outside every dated range of `names`.
    #[schemars(with = "Text")]
    name: String,
    /// Other names with no dates of use, still searchable.
    #[serde(default)]
    aliases: Vec<String>,
    /// The place this one lies within: one id for all time, or a list of places, each over a
    /// range of days (which must not overlap).
    within: Option<RawWithin>,
    /// Names in use over ranges of days, which must not overlap.
    #[serde(default)]
    names: Vec<RawName>,
    /// The calendar dates here were written in.
    calendar: Option<RawCalendar>,
}

/// Where a place lies: one place for all time, or a list of places over ranges of days.
#[derive(JsonSchema)]
#[allow(dead_code)] // described, never read
#[serde(untagged)]
enum RawWithin {
    /// The id of the place this one lies within, for all time.
    Always(#[schemars(with = "Id")] String),
    /// The places this one lay within, each over its range of days.
    Dated(Vec<RawEnclosure>),
}

/// A place another lay within over a range of days.
#[derive(JsonSchema)]
#[allow(dead_code)] // described, never read
#[serde(deny_unknown_fields)]
struct RawEnclosure {
    /// The id of the enclosing place.
    #[schemars(with = "Id")]
    place: String,
    /// First day within it; unbounded when absent.
    #[schemars(with = "Option<DateText>")]
    from: Option<String>,
    /// First day no longer within it; unbounded (to this day) when absent.
    #[schemars(with = "Option<DateText>")]
    to: Option<String>,
}

/// A name a place bore over a range of days.
#[derive(JsonSchema)]
#[allow(dead_code)] // described, never read
#[serde(deny_unknown_fields)]
struct RawName {
    /// The name, e.g. "Petrograd".
    #[schemars(with = "Text")]
    name: String,
    /// First day in use; unbounded when absent.
    #[schemars(with = "Option<DateText>")]
    from: Option<String>,
    /// First day no longer in use; unbounded when absent.
    #[schemars(with = "Option<DateText>")]
    to: Option<String>,
}

/// The calendar of a place.
#[derive(JsonSchema)]
#[allow(dead_code)] // described, never read
#[serde(deny_unknown_fields)]
struct RawCalendar {
    /// Dates here were Julian (Old Style) before this Gregorian day, e.g. 1918-02-14 in Russia.
    #[schemars(with = "DateText")]
    julian_until: String,
}

/// A named stretch of the life.
#[derive(JsonSchema)]
#[allow(dead_code)] // described, never read
#[serde(deny_unknown_fields)]
struct RawPeriod {
    /// Unique id, used by `--in ID`.
    #[schemars(with = "Id")]
    id: String,
    /// Title; events whose `source` is this title belong to the period.
    #[schemars(with = "Text")]
    title: String,
    /// Where the period starts.
    #[schemars(with = "DateText")]
    from: String,
    /// Where the period ends (through the end of this date).
    #[schemars(with = "DateText")]
    to: String,
}

/// A stretch of time the subject lived in one place.
#[derive(JsonSchema)]
#[allow(dead_code)] // described, never read
#[serde(deny_unknown_fields)]
struct RawStay {
    /// The place's id.
    #[schemars(with = "Id")]
    place: String,
    /// When the stay began.
    #[schemars(with = "DateText")]
    from: String,
    /// When the stay ended (through the end of this date).
    #[schemars(with = "DateText")]
    to: String,
    /// What the stay was (school, prison, exile…).
    note: Option<String>,
    /// The section of the source it comes from.
    source: Option<String>,
}

/// Something that happened.
#[derive(JsonSchema)]
#[allow(dead_code)] // described, never read
#[serde(deny_unknown_fields)]
struct RawEvent {
    /// Unique id, used by `timeline show ID`.
    #[schemars(with = "Id")]
    id: String,
    /// When it happened, as precisely as the source says; an interval as `A/B`.
    #[schemars(with = "DateText")]
    date: String,
    /// Where a lasting event ended; the same as writing `date: A/B`.
    #[schemars(with = "Option<DateText>")]
    end: Option<String>,
    /// One line, at most about 70 characters.
    #[schemars(with = "Text")]
    title: String,
    /// One or two sentences of context.
    summary: Option<String>,
    /// The id of the place it happened at.
    #[schemars(with = "Option<Id>")]
    place: Option<String>,
    /// The ids of the people who took part (besides the subject).
    #[serde(default)]
    #[schemars(with = "Vec<Id>")]
    people: Vec<String>,
    /// Tags from the timeline's vocabulary, e.g. exile, war, trial.
    #[serde(default)]
    #[schemars(with = "Vec<Text>")]
    tags: Vec<String>,
    /// The id of its period; by default the period whose title is `source`, else the narrowest.
    #[schemars(with = "Option<Id>")]
    period: Option<String>,
    /// The section of the source it comes from.
    source: Option<String>,
    /// A turning point a reader needs first; `--key` selects these.
    key: Option<bool>,
    /// A short name (at most 30 characters) where room is short: TimelineJS's markers, chart
    /// labels, e.g. "October".
    #[schemars(length(max = 30))]
    label: Option<String>,
    /// A web page about the event.
    #[schemars(with = "Option<Url>")]
    link: Option<String>,
    /// An image or other media to show with it (TimelineJS shows it on the slide).
    media: Option<RawMedia>,
    /// The id of the event the source tells of just before this one within the same month,
    /// season or year: this one is never listed before it. Checked: the event exists, no chain
    /// of `after` runs in a circle, and its date can begin before this one is over.
    #[schemars(with = "Option<Id>")]
    after: Option<String>,
}

/// An image, video or other media, with its words.
#[derive(JsonSchema)]
#[allow(dead_code)] // described, never read
#[serde(deny_unknown_fields)]
struct RawMedia {
    /// Where it is.
    #[schemars(with = "Url")]
    url: String,
    /// What it shows.
    caption: Option<String>,
    /// Whose it is: the author, the license.
    credit: Option<String>,
}

/// The schema of a link or a media's address: an absolute http or https URL, no spaces.
struct Url;

impl JsonSchema for Url {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Url".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An http or https URL, e.g. https://example.org/picture.jpg.",
            "type": "string",
            "maxLength": crate::load::text::URL_MAX,
            "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#][^\s]*$",
        })
    }
}

/// The schema of a date field: a string in the date grammar, or a bare year, which YAML reads as
/// a number. Only for [`JsonSchema`]; the loader reads dates with [`Date::parse`].
struct DateText;

/// One point of the date grammar, as a regular expression (ECMA 262, as JSON Schema uses): a
/// year 0001–9999, then a month 01–12 and a day 01–31, or a season 21–24; or a decade or century
/// with its last digits X (never year 0); then a qualifier and ` O.S.`. Whether the day exists in
/// its month is left to the loader, which says why.
const DATE_POINT_PATTERN: &str = concat!(
    r"(?:",
    r"(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)",
    r"(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?|-2[1-4])?",
    r"|(?:[0-9]{2}[1-9]|[0-9][1-9]0|[1-9]00)X",
    r"|(?:[0-9][1-9]|[1-9]0)XX",
    r")[~?%]?(?:\s+(?:[Oo]\.[Ss]\.?|[Oo][Ss]))?",
);

/// What an id may be: ASCII letters, digits, `.`, `_` and `-` (CURATING.md asks for lowercase
/// words joined by `-`); ids name events on the command line and in URLs.
const ID_PATTERN: &str = r"^[A-Za-z0-9._-]+$";

/// The schema of an id or a reference to one.
struct Id;

impl JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An id: ASCII letters, digits, '.', '_' and '-', e.g. lev-kamenev.",
            "type": "string",
            "minLength": 1,
            "pattern": ID_PATTERN,
        })
    }
}

/// The schema of a title, a name or a tag: text with something in it besides spaces.
struct Text;

impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Text that is not empty or only spaces.",
            "type": "string",
            "minLength": 1,
            "pattern": r"\S",
        })
    }
}

impl JsonSchema for DateText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let point = DATE_POINT_PATTERN;
        schemars::json_schema!({
            "description": format!("A date: {GRAMMAR_HINT}."),
            "anyOf": [
                {
                    "type": "string",
                    "pattern": format!(r"^\s*{point}\s*(?:/\s*{point}\s*)?$"),
                },
                { "type": "integer", "minimum": 1, "maximum": 9999 },
            ],
        })
    }
}

/// A JSON Schema (draft 7, which most editors read) of the timeline file.
pub fn schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    generator.into_root_schema_for::<RawTimeline>().to_value()
}
