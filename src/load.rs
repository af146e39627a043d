//! Reading a timeline file: YAML (or JSON) into the model, with every reference and date validated and every
//! problem reported at once with its line and column.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
// A quick hash with a per-process seed: ids are hashed a million times on a big timeline.
use foldhash::HashMap;
use serde::Deserialize;
use serde_saphyr::{MessageFormatter, Spanned};

use crate::date::Date;
use crate::error::{Error, Problem};
use crate::model::{Event, HistoricalName, Period, Person, Place, Stay, Timeline};

/// The timeline shipped inside the binary.
pub const EMBEDDED: &str = include_str!("../timeline.yaml");

/// Files larger than this are refused before parsing: a timeline of a million events is ~200 MB.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The text of a timeline and the name to report it under.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it, or a label for the embedded timeline.
    pub name: String,
    /// The whole file.
    pub text: String,
}

impl Source {
    /// The timeline embedded at build time.
    pub fn embedded() -> Source {
        Source {
            name: "timeline.yaml (embedded)".to_string(),
            text: EMBEDDED.to_string(),
        }
    }

    /// Reads a timeline file, refusing directories, huge files and text that is not UTF-8.
    pub fn read(path: &Path) -> Result<Source, Error> {
        let name = path.display().to_string();
        let fail = |message: String| Error::Timeline(vec![Problem::whole_file(&name, message)]);
        let metadata = std::fs::metadata(path).map_err(|e| fail(describe_io(&e)))?;
        if metadata.is_dir() {
            return Err(fail("is a directory, not a timeline file".to_string()));
        }
        if metadata.len() > MAX_FILE_BYTES {
            return Err(fail(format!(
                "is {} MiB; timelines over {} MiB are refused",
                metadata.len() >> 20,
                MAX_FILE_BYTES >> 20
            )));
        }
        let bytes = std::fs::read(path).map_err(|e| fail(describe_io(&e)))?;
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source { name, text }),
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let valid = std::str::from_utf8(valid).unwrap_or_default();
                let line = valid.matches('\n').count() as u64 + 1;
                let column = valid
                    .rsplit('\n')
                    .next()
                    .unwrap_or_default()
                    .chars()
                    .count() as u64
                    + 1;
                Err(Error::Timeline(vec![Problem {
                    file: name,
                    line,
                    column,
                    message: "the file is not valid UTF-8 text".to_string(),
                    source_line: None,
                }]))
            }
        }
    }
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot be read: {e}"),
    }
}

impl Problem {
    fn whole_file(file: &str, message: String) -> Problem {
        Problem {
            file: file.to_string(),
            line: 0,
            column: 0,
            message,
            source_line: None,
        }
    }
}

// ---- The file as written: serde types that keep the position of every value checked later. ----

/// A string value of the file that knows where it was written, so that a problem found after
/// parsing can still be reported at its line and column.
trait Located {
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
struct YamlText {
    value: String,
    line: u32,
    column: u32,
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
enum JsonText<'a> {
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

fn memchr_count(bytes: &[u8], byte: u8) -> u64 {
    bytes.iter().filter(|&&b| b == byte).count() as u64
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "T: Located + Deserialize<'de>")
)]
struct RawTimeline<T> {
    title: T,
    subject: Option<T>,
    #[serde(default)]
    people: Vec<RawPerson<T>>,
    #[serde(default)]
    places: Vec<RawPlace<T>>,
    #[serde(default)]
    periods: Vec<RawPeriod<T>>,
    #[serde(default)]
    stays: Vec<RawStay<T>>,
    events: Events<T>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
struct RawPerson<T> {
    id: T,
    name: T,
    #[serde(default)]
    aliases: Vec<T>,
    born: Option<T>,
    died: Option<T>,
    about: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
struct RawPlace<T> {
    id: T,
    name: T,
    #[serde(default)]
    aliases: Vec<T>,
    within: Option<T>,
    #[serde(default)]
    names: Vec<RawName<T>>,
    calendar: Option<RawCalendar<T>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
struct RawName<T> {
    name: T,
    from: Option<T>,
    to: Option<T>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
struct RawCalendar<T> {
    julian_until: T,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
struct RawPeriod<T> {
    id: T,
    title: T,
    from: T,
    to: T,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
struct RawStay<T> {
    place: T,
    from: T,
    to: T,
    note: Option<String>,
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
struct RawEvent<T> {
    id: T,
    date: T,
    end: Option<T>,
    title: T,
    summary: Option<String>,
    place: Option<T>,
    #[serde(default)]
    people: Vec<T>,
    #[serde(default)]
    tags: Vec<String>,
    period: Option<T>,
    source: Option<String>,
}

/// The events, turned into the model one by one as they are read, so that a million of them never
/// exist twice over (once as written, once as model). What needs the rest of the file (the ids of
/// people, places and periods, which may come after the events) waits in [`Pending`].
struct Events<T> {
    /// The events with a valid date, in file order; their references are filled in later.
    events: Vec<Event>,
    /// Every event's id as written, in file order.
    refs: Vec<EventRefs<T>>,
    /// References still to resolve, for the events that have any and were read before the ids
    /// of people, places and periods were known.
    pending: Vec<Pending<T>>,
    /// Problems found while reading, at the value they are about.
    problems: Vec<(T, String)>,
    /// The following events of the same list, when it was read in blocks (see
    /// [`BLOCK_EVENTS`]); [`Events::append`] takes them in order.
    rest: Vec<Events<T>>,
}

/// An event's id as written, and where its event is.
struct EventRefs<T> {
    id: T,
    /// Its position in [`Events::events`]; `None` when its date was refused.
    event: Option<u32>,
}

/// An event's references as written, resolved once the whole file is read.
struct Pending<T> {
    /// The event's position in [`Events::refs`].
    at: u32,
    place: Option<T>,
    people: Vec<T>,
    period: Option<T>,
}

impl<'de, T: Located + Deserialize<'de>> Deserialize<'de> for Events<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);

        impl<'de, T: Located + Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
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
                    0 => seq.size_hint().unwrap_or(expected).min(1 << 24),
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
    fn shift_lines(&mut self, lines: u32) {
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
    fn with_capacity(capacity: usize) -> Events<T> {
        Events {
            events: Vec::with_capacity(capacity),
            refs: Vec::with_capacity(capacity),
            pending: Vec::new(),
            problems: Vec::new(),
            rest: Vec::new(),
        }
    }

    /// Adds the events of the next piece of the same list, block by block, each block freed as
    /// soon as it is in: appending never holds a second copy of more than one block.
    fn append(&mut self, mut next: Events<T>) {
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
    fn push(&mut self, raw: RawEvent<T>) {
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
        let title = raw.title.text().to_string();
        if title.trim().is_empty() {
            let message = format!("{owner}: the title is empty");
            self.problems.push((raw.title, message));
        }
        let event = date.map(|date| {
            self.events.push(Event {
                id: raw.id.text().to_string(),
                date,
                title,
                summary: raw.summary,
                place: None,
                people: Vec::new(),
                tags: raw.tags,
                period: None,
                source: raw.source,
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

/// Why a reference is unknown, with the closest id when one is close.
fn unknown_reference<'k>(
    ids: impl Iterator<Item = &'k str>,
    kind: &str,
    reference: &impl Located,
    owner: Owner,
) -> String {
    let suggestion = ids
        .map(|k| (strsim::jaro_winkler(k, reference.text()), k))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| format!("; did you mean `{k}`?"))
        .unwrap_or_else(|| format!("; expected the id of one of the timeline's {kind} entries"));
    format!("{owner}: unknown {kind} `{}`{suggestion}", reference.text())
}

/// The ids of people, places and periods, for events read after them (see
/// [`Events::push_resolved`]). A duplicate id maps to its last entry, as in [`Checker::ids`].
/// Keys borrow from the file (`&str`) or, to cross into a thread-local, own their text.
struct Resolver<K> {
    people: HashMap<K, usize>,
    places: HashMap<K, usize>,
    periods: HashMap<K, usize>,
}

impl<'a, K: From<&'a str> + Eq + std::hash::Hash> Resolver<K> {
    fn new<T: Located>(
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
    static KNOWN_IDS: std::cell::RefCell<Option<std::sync::Arc<Resolver<String>>>> =
        const { std::cell::RefCell::new(None) };
    /// How many events the piece holds, counted by the cut: room is made for them at once.
    static EXPECTED_EVENTS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// When not 0, the piece is read in blocks of this many events (see [`Events::append`]).
    static BLOCK_EVENTS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl<T: Located> Events<T> {
    /// Converts one event as [`Events::push`] does, and resolves its references at once.
    fn push_resolved<K: std::borrow::Borrow<str> + Eq + std::hash::Hash>(
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

/// Which of a span's two dates a problem is at.
enum Which {
    From,
    To,
}

fn date_of(text: &impl Located, owner: Owner) -> Result<Date, String> {
    Date::parse(text.text()).map_err(|e| {
        format!(
            "{owner}: `{}` is not a date: {}",
            text.text(),
            e.with_hint()
        )
    })
}

/// A span from two dates: `from`'s start to `to`'s end.
fn span_of(from: &impl Located, to: &impl Located, owner: Owner) -> Result<Date, (Which, String)> {
    let start = date_of(from, owner).map_err(|m| (Which::From, m))?;
    let end = date_of(to, owner).map_err(|m| (Which::To, m))?;
    if start == end {
        return Ok(start);
    }
    start
        .first()
        .until(end.last())
        .map_err(|e| (Which::To, format!("{owner}: {e}")))
}

/// Parses and validates a timeline; on failure, returns every problem found.
///
/// A file whose first character is `{` is read as JSON first (JSON is YAML, and serde_json reads
/// a million events several times faster); text that is not JSON after all, such as a YAML flow
/// mapping, is read as YAML.
pub fn load(source: &Source) -> Result<Timeline, Vec<Problem>> {
    if source.text.trim_start().starts_with('{') {
        if let Some(raw) = parse_json_parallel(&source.text) {
            return check(source, raw);
        }
        match serde_json::from_str::<RawTimeline<JsonText>>(&source.text) {
            Ok(raw) => return check(source, raw),
            Err(e) if e.is_data() => {
                let (line, column) = (e.line() as u64, e.column() as u64);
                let message = e.to_string();
                // serde_json appends " at line L column C"; the position leads instead.
                let message = message
                    .rsplit_once(" at line ")
                    .map_or(message.as_str(), |(m, _)| m)
                    .to_string();
                return Err(vec![problem_at(source, line, column, message)]);
            }
            Err(_) => {}
        }
    }
    let raw = parse_yaml(source)?;
    check(source, raw)
}

/// Parses a big JSON timeline on every core: a quick structural scan finds the top-level fields
/// and the elements of `events`; the fields are parsed from their slices of the file, and the
/// events, in one contiguous run per core, each from its own slice. Slices keep every value's
/// address in the file, so positions stay exact.
///
/// `None` for anything unusual (a small file, an unknown, duplicate or escaped key, a missing
/// field, a syntax error anywhere): the caller parses the whole file, which gives the same result
/// or the error at its position.
fn parse_json_parallel(text: &str) -> Option<RawTimeline<JsonText<'_>>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if text.len() < PARALLEL_MIN_BYTES || threads < 2 {
        return None;
    }
    let (fields, elements) = json::scan(text)?;
    if elements.len() < threads * 64 {
        return None;
    }
    let mut seen = Vec::new();
    let (mut title, mut subject) = (None, None);
    let (mut people, mut places, mut periods, mut stays) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (key, range) in fields {
        if seen.contains(&key) {
            return None;
        }
        seen.push(key);
        let value = &text[range];
        match key {
            "title" => title = Some(serde_json::from_str(value).ok()?),
            "subject" => subject = serde_json::from_str(value).ok()?,
            "people" => people = serde_json::from_str(value).ok()?,
            "places" => places = serde_json::from_str(value).ok()?,
            "periods" => periods = serde_json::from_str(value).ok()?,
            "stays" => stays = serde_json::from_str(value).ok()?,
            "events" => {}
            _ => return None,
        }
    }
    if !seen.contains(&"events") {
        return None;
    }
    let per_piece = elements.len().div_ceil(threads);
    let ids: Resolver<&str> = Resolver::new(&people, &places, &periods);
    let total = elements.len();
    // The first piece reads into room for every event; the others read in small blocks, each
    // freed as it is appended, so no more than one block of events ever exists twice.
    let pieces: Vec<Option<Vec<Events<JsonText>>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = elements
            .chunks(per_piece)
            .enumerate()
            .map(|(number, piece)| {
                let ids = &ids;
                scope.spawn(move || {
                    let block = if number == 0 { total } else { BLOCK };
                    let mut blocks = vec![Events::with_capacity(block.min(total))];
                    for range in piece {
                        let raw = serde_json::from_str(&text[range.clone()]).ok()?;
                        let last = blocks.last_mut().expect("one block at least");
                        if last.refs.len() == block {
                            blocks.push(Events::with_capacity(block));
                        }
                        blocks
                            .last_mut()
                            .expect("one block at least")
                            .push_resolved(raw, ids);
                    }
                    Some(blocks)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    drop((elements, ids));
    let mut blocks = Vec::new();
    for piece in pieces {
        blocks.extend(piece?);
    }
    let mut blocks = blocks.into_iter();
    let mut events = blocks.next()?;
    for block in blocks {
        events.append(block);
    }
    Some(RawTimeline {
        title: title?,
        subject,
        people,
        places,
        periods,
        stays,
        events,
    })
}

/// The structure of a JSON document, found without parsing its values.
mod json {
    use std::ops::Range;

    /// Top-level keys and the byte ranges of their values.
    pub(super) type Fields<'a> = Vec<(&'a str, Range<usize>)>;

    /// The top-level fields of an object (key and value's byte range) and the byte range of each
    /// element of its `events` array; `None` unless the text is one object whose keys are plain
    /// strings and whose `events`, if any, is an array. Values are delimited, not validated: each
    /// is parsed from its slice afterwards.
    pub(super) fn scan(text: &str) -> Option<(Fields<'_>, Vec<Range<usize>>)> {
        let b = text.as_bytes();
        let mut fields = Vec::new();
        let mut elements = Vec::new();
        let mut i = skip_space(b, 0);
        if b.get(i) != Some(&b'{') {
            return None;
        }
        i = skip_space(b, i + 1);
        if b.get(i) == Some(&b'}') {
            i += 1;
        } else {
            loop {
                if b.get(i) != Some(&b'"') {
                    return None;
                }
                let key_end = end_of_string(b, i)?;
                let key = &text[i + 1..key_end - 1];
                if key.contains('\\') {
                    return None;
                }
                i = skip_space(b, key_end);
                if b.get(i) != Some(&b':') {
                    return None;
                }
                i = skip_space(b, i + 1);
                let start = i;
                if key == "events" && b.get(i) == Some(&b'[') {
                    i = skip_space(b, i + 1);
                    if b.get(i) == Some(&b']') {
                        i += 1;
                    } else {
                        loop {
                            let element = i;
                            i = end_of_value(b, i)?;
                            elements.push(element..i);
                            let (next, closed) = after_item(b, i, b']')?;
                            i = next;
                            if closed {
                                break;
                            }
                        }
                    }
                } else {
                    i = end_of_value(b, i)?;
                }
                fields.push((key, start..i));
                let (next, closed) = after_item(b, i, b'}')?;
                i = next;
                if closed {
                    break;
                }
            }
        }
        (skip_space(b, i) == b.len()).then_some((fields, elements))
    }

    /// After an item of an array or object: past a `,` to the next item (`false`), or past the
    /// closing bracket `close` (`true`); `None` for anything else.
    fn after_item(b: &[u8], i: usize, close: u8) -> Option<(usize, bool)> {
        let i = skip_space(b, i);
        match *b.get(i)? {
            b',' => Some((skip_space(b, i + 1), false)),
            c if c == close => Some((i + 1, true)),
            _ => None,
        }
    }

    fn skip_space(b: &[u8], mut i: usize) -> usize {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = b.get(i) {
            i += 1;
        }
        i
    }

    /// The end (exclusive) of the string whose opening quote is at `i`.
    fn end_of_string(b: &[u8], i: usize) -> Option<usize> {
        let mut j = i + 1;
        loop {
            let k = j + memchr::memchr2(b'"', b'\\', b.get(j..)?)?;
            if b[k] == b'\\' {
                j = k + 2;
            } else {
                return Some(k + 1);
            }
        }
    }

    /// The end (exclusive) of the value starting at `i`.
    fn end_of_value(b: &[u8], i: usize) -> Option<usize> {
        match b.get(i)? {
            b'"' => end_of_string(b, i),
            b'{' | b'[' => {
                let mut depth = 0usize;
                let mut j = i;
                loop {
                    match b.get(j)? {
                        b'"' => j = end_of_string(b, j)?,
                        b'{' | b'[' => {
                            depth += 1;
                            j += 1;
                        }
                        b'}' | b']' => {
                            depth -= 1;
                            j += 1;
                            if depth == 0 {
                                return Some(j);
                            }
                        }
                        _ => j += 1,
                    }
                }
            }
            _ => {
                let mut j = i;
                while let Some(c) = b.get(j) {
                    if matches!(c, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    j += 1;
                }
                (j > i).then_some(j)
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn finds_fields_and_elements_and_refuses_what_is_not_json() {
            let text = r#" { "title" : "a \" } [" , "events": [ {"id": "x}"} , {"id": [1, {"a": "]"}]} ], "n": 12 } "#;
            let (fields, elements) = scan(text).unwrap();
            let keys: Vec<&str> = fields.iter().map(|f| f.0).collect();
            assert_eq!(keys, ["title", "events", "n"]);
            assert_eq!(&text[fields[0].1.clone()], r#""a \" } [""#);
            assert_eq!(&text[fields[2].1.clone()], "12");
            assert_eq!(elements.len(), 2);
            assert_eq!(&text[elements[0].clone()], r#"{"id": "x}"}"#);
            for bad in [
                "",
                "[1]",
                "{",
                r#"{"a": 1,}"#,
                r#"{"events": [1,]}"#,
                r#"{"a" 1}"#,
                r#"{"a": "unterminated}"#,
                r#"{"a": 1} x"#,
                r#"{"a\u0041": 1}"#,
                r#"{"events": [{]}"#,
            ] {
                assert!(scan(bad).is_none(), "{bad}");
            }
            assert!(scan("{}").is_some());
        }
    }
}

fn check<T: Located>(source: &Source, raw: RawTimeline<T>) -> Result<Timeline, Vec<Problem>> {
    let mut checker = Checker {
        source,
        line_starts: OnceCell::new(),
        problems: Vec::new(),
    };
    let timeline = checker.build(raw);
    if checker.problems.is_empty() {
        Ok(timeline)
    } else {
        // In file order, whichever pass found them.
        checker.problems.sort_by_key(|p| (p.line, p.column));
        Err(checker.problems)
    }
}

/// A problem at a line and column of the source, with that line for a snippet.
fn problem_at(source: &Source, line: u64, column: u64, message: String) -> Problem {
    Problem {
        file: source.name.clone(),
        line,
        column,
        source_line: source
            .text
            .lines()
            .nth(line.saturating_sub(1) as usize)
            .map(str::to_string)
            .filter(|_| line > 0),
        message,
    }
}

/// serde-saphyr's default budgets suit configuration files; scale them with the input so a large
/// honest timeline loads while a small hostile file still cannot blow up.
fn yaml_options(size: usize) -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: (size / 2).max(1_000_000),
            max_nodes: (size / 4).max(250_000),
            max_total_scalar_bytes: size.max(64 * 1024 * 1024),
        },
    }
}

fn parse_yaml(source: &Source) -> Result<RawTimeline<YamlText>, Vec<Problem>> {
    let blank = |line: &str| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    };
    if source.text.lines().all(blank) {
        return Err(vec![problem_at(
            source,
            0,
            0,
            "the file is empty; a timeline needs at least `title:` and `events:`".to_string(),
        )]);
    }
    if let Some(raw) = parse_yaml_parallel(&source.text) {
        return Ok(raw);
    }
    serde_saphyr::from_str_with_options(&source.text, yaml_options(source.text.len())).map_err(
        |e| {
            let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
            let message = serde_saphyr::DefaultMessageFormatter
                .format_message(&e)
                .to_string();
            let message = if message.contains("expected mapping") && line <= 1 {
                format!("{message}: a timeline is a mapping with `title:` and `events:` at the top")
            } else {
                message
            };
            vec![problem_at(source, line, column, message)]
        },
    )
}

/// How many events a block holds when a piece after the first is read in blocks (fewer in tests,
/// so that they cross blocks).
const BLOCK: usize = if cfg!(test) { 16 } else { 8192 };

/// Below this size a YAML file is parsed in one piece (smaller in tests, which run unoptimized).
const PARALLEL_MIN_BYTES: usize = if cfg!(test) { 16 << 10 } else { 1 << 20 };

/// Parses a big YAML timeline on every core: when `events:` is the last key and a block list, the
/// list is cut at item boundaries into one piece per core, each parsed as a YAML document of its
/// own, and the rest of the file (with `events: []`) parsed beside them. YAML parsing is most of
/// the time a large timeline takes to load, and it is single-threaded.
///
/// `None` whenever the file does not have that shape or any piece fails to parse (an alias to an
/// anchor in another piece, a syntax error): the caller then parses the whole file, which gives
/// the same result, or the error with its true position. A piece's positions are shifted by the
/// lines before it, so problems found later still point into the file.
fn parse_yaml_parallel(text: &str) -> Option<RawTimeline<YamlText>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if text.len() < PARALLEL_MIN_BYTES || threads < 2 || text.starts_with('%') {
        return None;
    }
    // The `events:` line, at the left margin with nothing after it but a comment.
    let mut head_end = 0;
    let mut events_line = None;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end();
        if let Some(rest) = content.strip_prefix("events:")
            && (rest.trim_start().is_empty() || rest.trim_start().starts_with('#'))
        {
            events_line = Some((number, line.len()));
            break;
        }
        head_end += line.len();
    }
    let (events_line, events_line_len) = events_line?;
    let head = &text[..head_end];
    let body = &text[head_end + events_line_len..];
    // Item starts: the lines at the list's indentation, each `- `; every other line with content
    // must be deeper, or the list is not the end of the file.
    let mut indent = None;
    let mut starts = Vec::new();
    let mut offset = 0;
    for (number, line) in body.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        let stripped = content.trim_start_matches(' ');
        let depth = content.len() - stripped.len();
        if !(stripped.is_empty() || stripped.starts_with('#')) {
            let list_indent = *indent.get_or_insert(depth);
            if depth < list_indent
                || (depth == list_indent && !(stripped.starts_with("- ") || stripped == "-"))
            {
                return None;
            }
            if depth == list_indent {
                starts.push((offset, number));
            }
        }
        offset += line.len();
    }
    if starts.len() < threads * 64 {
        return None;
    }
    let per_piece = starts.len().div_ceil(threads);
    let total = starts.len();
    let pieces: Vec<(&str, usize)> = starts
        .chunks(per_piece)
        .enumerate()
        .map(|(i, chunk)| {
            let (from, first_line) = chunk[0];
            let to = starts.get((i + 1) * per_piece).map_or(body.len(), |s| s.0);
            (&body[from..to], events_line + 1 + first_line)
        })
        .collect();
    // The head first (people, places, periods: small), so the pieces can resolve references as
    // they read, keeping nothing of an event but its id until the end.
    let head = format!("{head}events: []\n");
    let mut raw: RawTimeline<YamlText> =
        serde_saphyr::from_str_with_options(&head, yaml_options(head.len())).ok()?;
    let ids: std::sync::Arc<Resolver<String>> =
        std::sync::Arc::new(Resolver::new(&raw.people, &raw.places, &raw.periods));
    let pieces: Vec<Option<Events<YamlText>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = pieces
            .iter()
            .enumerate()
            .map(|(number, &(piece, shift))| {
                let ids = ids.clone();
                scope.spawn(move || {
                    KNOWN_IDS.with(|k| *k.borrow_mut() = Some(ids));
                    // The first piece makes room for every event; the others are read in blocks
                    // appended to it one by one, so no more than a block exists twice.
                    if number == 0 {
                        EXPECTED_EVENTS.with(|e| e.set(total));
                    } else {
                        BLOCK_EVENTS.with(|b| b.set(BLOCK));
                    }
                    let events: Option<Events<YamlText>> =
                        serde_saphyr::from_str_with_options(piece, yaml_options(piece.len())).ok();
                    KNOWN_IDS.with(|k| *k.borrow_mut() = None);
                    let mut events = events?;
                    events.shift_lines(shift as u32);
                    Some(events)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    for piece in pieces {
        raw.events.append(piece?);
    }
    Some(raw)
}

/// Whose value a problem is in: "event `exile`", "stay at `prinkipo`", "subject". Written out
/// only when there is a problem to report.
#[derive(Clone, Copy)]
struct Owner<'a> {
    kind: &'static str,
    id: Option<&'a str>,
}

impl<'a> Owner<'a> {
    fn new(kind: &'static str, id: &'a str) -> Owner<'a> {
        Owner { kind, id: Some(id) }
    }
}

impl fmt::Display for Owner<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.id {
            Some(id) => write!(f, "{} `{id}`", self.kind),
            None => f.write_str(self.kind),
        }
    }
}

/// Builds the model from the raw file while collecting problems.
struct Checker<'a> {
    source: &'a Source,
    /// Where each line starts, computed on the first problem.
    line_starts: OnceCell<Vec<usize>>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, at: &impl Located, message: String) {
        let text = &self.source.text;
        let (line, column) = at.position(text);
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let source_line = (line > 0)
            .then(|| starts.get(line as usize - 1))
            .flatten()
            .map(|&start| {
                let rest = &text[start..];
                let end = rest.find('\n').unwrap_or(rest.len());
                rest[..end].trim_end_matches('\r').to_string()
            });
        self.problems.push(Problem {
            file: self.source.name.clone(),
            line,
            column,
            message,
            source_line,
        });
    }

    fn date(&mut self, text: &impl Located, owner: Owner) -> Option<Date> {
        date_of(text, owner)
            .map_err(|message| self.report(text, message))
            .ok()
    }

    fn ids<'r, T: Located + 'r>(
        &mut self,
        kind: &str,
        ids: impl Iterator<Item = &'r T>,
    ) -> HashMap<String, usize> {
        let mut map = HashMap::default();
        for (i, id) in ids.enumerate() {
            if id.text().trim().is_empty() {
                self.report(id, format!("{kind} id is empty"));
            } else if map.insert(id.text().to_string(), i).is_some() {
                self.report(id, format!("duplicate {kind} id `{}`", id.text()));
            }
        }
        map
    }

    /// Reports empty and duplicate event ids without keeping them: there may be a million.
    fn unique_event_ids<T: Located>(&mut self, refs: &[EventRefs<T>]) {
        let mut seen: foldhash::HashSet<&str> =
            foldhash::HashSet::with_capacity_and_hasher(refs.len(), Default::default());
        let mut problems = Vec::new();
        for r in refs {
            let id = r.id.text();
            if id.trim().is_empty() {
                problems.push((&r.id, "event id is empty".to_string()));
            } else if !seen.insert(id) {
                problems.push((&r.id, format!("duplicate event id `{id}`")));
            }
        }
        drop(seen);
        for (at, message) in problems {
            self.report(at, message);
        }
    }

    fn resolve(
        &mut self,
        map: &HashMap<String, usize>,
        kind: &str,
        reference: &impl Located,
        owner: Owner,
    ) -> Option<usize> {
        if let Some(&i) = map.get(reference.text()) {
            return Some(i);
        }
        let message = unknown_reference(map.keys().map(String::as_str), kind, reference, owner);
        self.report(reference, message);
        None
    }

    fn build<T: Located>(&mut self, raw: RawTimeline<T>) -> Timeline {
        let person_ids = self.ids("person", raw.people.iter().map(|p| &p.id));
        let place_ids = self.ids("place", raw.places.iter().map(|p| &p.id));
        let period_ids = self.ids("period", raw.periods.iter().map(|p| &p.id));
        self.unique_event_ids(&raw.events.refs);

        let subject = raw.subject.as_ref().and_then(|s| {
            let owner = Owner {
                kind: "subject",
                id: None,
            };
            self.resolve(&person_ids, "person", s, owner)
        });
        let people = raw.people.into_iter().map(|p| self.person(p)).collect();
        let places = self.places(raw.places, &place_ids);
        let periods = raw
            .periods
            .into_iter()
            .filter_map(|p| {
                let span = self.span(&p.from, &p.to, Owner::new("period", p.id.text()))?;
                Some(Period {
                    id: p.id.take(),
                    title: p.title.take(),
                    span,
                })
            })
            .collect::<Vec<_>>();
        let stays = raw
            .stays
            .into_iter()
            .filter_map(|s| {
                let owner = Owner::new("stay at", s.place.text());
                let place = self.resolve(&place_ids, "place", &s.place, owner);
                let span = self.span(&s.from, &s.to, owner);
                Some(Stay {
                    place: place?,
                    span: span?,
                    note: s.note,
                    source: s.source,
                })
            })
            .collect();
        let Events {
            mut events,
            refs,
            pending,
            problems,
            ..
        } = raw.events;
        for (at, message) in problems {
            self.report(&at, message);
        }
        for p in pending {
            let r = &refs[p.at as usize];
            let owner = Owner::new("event", r.id.text());
            let place = p
                .place
                .as_ref()
                .and_then(|x| self.resolve(&place_ids, "place", x, owner));
            let people = p
                .people
                .iter()
                .filter_map(|x| self.resolve(&person_ids, "person", x, owner))
                .collect();
            let period = p
                .period
                .as_ref()
                .and_then(|x| self.resolve(&period_ids, "period", x, owner));
            if let Some(i) = r.event {
                let event = &mut events[i as usize];
                event.place = place;
                event.people = people;
                event.period = period;
            }
        }
        for event in &mut events {
            if event.period.is_none() {
                event.period = assign_period(&periods, &event.date, event.source.as_deref());
            }
        }
        Timeline {
            title: raw.title.take(),
            subject,
            people,
            places,
            periods,
            stays,
            events,
        }
    }

    /// A span from two dates: `from`'s start to `to`'s end.
    fn span(&mut self, from: &impl Located, to: &impl Located, owner: Owner) -> Option<Date> {
        match span_of(from, to, owner) {
            Ok(span) => Some(span),
            Err((Which::From, message)) => {
                self.report(from, message);
                None
            }
            Err((Which::To, message)) => {
                self.report(to, message);
                None
            }
        }
    }

    fn person<T: Located>(&mut self, raw: RawPerson<T>) -> Person {
        let owner = Owner::new("person", raw.id.text());
        let born = raw.born.as_ref().and_then(|d| self.date(d, owner));
        let died = raw.died.as_ref().and_then(|d| self.date(d, owner));
        if let (Some(b), Some(d), Some(at)) = (&born, &died, &raw.died)
            && d.latest() < b.earliest()
        {
            self.report(at, format!("{owner}: died ({d}) before being born ({b})"));
        }
        Person {
            id: raw.id.take(),
            name: raw.name.take(),
            aliases: raw.aliases.into_iter().map(Located::take).collect(),
            born,
            died,
            about: raw.about,
        }
    }

    fn places<T: Located>(
        &mut self,
        raw: Vec<RawPlace<T>>,
        ids: &HashMap<String, usize>,
    ) -> Vec<Place> {
        let mut places = Vec::with_capacity(raw.len());
        for p in &raw {
            let owner = Owner::new("place", p.id.text());
            let within = p
                .within
                .as_ref()
                .and_then(|w| self.resolve(ids, "place", w, owner));
            let julian_until = p
                .calendar
                .as_ref()
                .and_then(|c| self.date(&c.julian_until, owner))
                .map(|d| d.earliest());
            let mut names: Vec<HistoricalName> = Vec::new();
            for n in &p.names {
                let bound = |checker: &mut Self, t: &Option<T>| -> Option<Option<NaiveDate>> {
                    match t {
                        None => Some(None),
                        Some(t) => checker.date(t, owner).map(|d| Some(d.earliest())),
                    }
                };
                let (Some(from), Some(to)) = (bound(self, &n.from), bound(self, &n.to)) else {
                    continue;
                };
                if let (Some(f), Some(t), Some(at)) = (from, to, &n.to)
                    && t <= f
                {
                    self.report(
                        at,
                        format!(
                            "{owner}: the name `{}` ends before it begins",
                            n.name.text()
                        ),
                    );
                    continue;
                }
                let name = HistoricalName {
                    name: n.name.text().to_string(),
                    from,
                    to,
                };
                if let Some(other) = names.iter().find(|o| overlaps(o, &name)) {
                    let message = format!(
                        "{owner}: the name `{}` overlaps the name `{}`; a place has one name at a time",
                        name.name, other.name
                    );
                    self.report(&n.name, message);
                }
                names.push(name);
            }
            places.push(Place {
                id: p.id.text().to_string(),
                name: p.name.text().to_string(),
                aliases: p.aliases.iter().map(|a| a.text().to_string()).collect(),
                names,
                within,
                julian_until,
            });
        }
        // A `within` cycle would make "the places within Mexico" endless.
        for (i, p) in raw.iter().enumerate() {
            let mut seen = HashSet::from([i]);
            let mut next = places[i].within;
            while let Some(j) = next {
                if !seen.insert(j) {
                    if j == i {
                        let w = p.within.as_ref().expect("a cycle starts with a `within`");
                        self.report(
                            w,
                            format!("place `{}`: `within` goes round in a cycle", p.id.text()),
                        );
                    }
                    break;
                }
                next = places[j].within;
            }
        }
        places
    }
}

fn overlaps(a: &HistoricalName, b: &HistoricalName) -> bool {
    let starts_before_b_ends = match (a.from, b.to) {
        (Some(from), Some(to)) => from < to,
        _ => true,
    };
    let b_starts_before_a_ends = match (b.from, a.to) {
        (Some(from), Some(to)) => from < to,
        _ => true,
    };
    starts_before_b_ends && b_starts_before_a_ends
}

/// The period an event falls in when the file does not say: among the periods containing the
/// event's first day, the one whose title is the event's source section, else the narrowest.
fn assign_period(periods: &[Period], date: &Date, source: Option<&str>) -> Option<usize> {
    let day = date.earliest();
    let containing = || {
        periods
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.span.earliest() <= day && day <= p.span.latest())
    };
    if let Some(source) = source
        && let Some((i, _)) = containing().find(|(_, p)| p.title == source)
    {
        return Some(i);
    }
    containing()
        .min_by_key(|(_, p)| p.span.span_days())
        .map(|(i, _)| i)
}

/// Reads and validates a source, turning problems into an [`Error`].
pub fn load_source(source: &Source) -> Result<Timeline, Error> {
    load(source).map_err(Error::Timeline)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source {
            name: "test.yaml".to_string(),
            text: text.to_string(),
        }
    }

    fn problems(text: &str) -> Vec<String> {
        load(&source(text))
            .unwrap_err()
            .iter()
            .map(|p| format!("{}:{} {}", p.line, p.column, p.message))
            .collect()
    }

    /// The problems found, in order, each starting with its expected "line:column message".
    fn assert_problems(found: &[String], expected: &[&str]) {
        assert_eq!(found.len(), expected.len(), "{found:?}");
        for (problem, prefix) in found.iter().zip(expected) {
            assert!(
                problem.starts_with(prefix),
                "{problem:?} should start with {prefix:?}"
            );
        }
    }

    #[test]
    fn reports_every_problem_with_its_position() {
        let found = problems(
            "title: t\npeople:\n  - {id: a, name: A}\n  - {id: a, name: B}\nevents:\n  - id: e\n    date: 1917-02-30\n    title: x\n    place: nowhere\n    people: [b]\n",
        );
        assert_problems(
            &found,
            &[
                "4:10 duplicate person id `a`",
                "7:11 event `e`: `1917-02-30` is not a date",
                "9:12 event `e`: unknown place `nowhere`",
                "10:14 event `e`: unknown person `b`",
            ],
        );
    }

    #[test]
    fn suggests_a_close_id() {
        let found = problems(
            "title: t\nplaces: [{id: petrograd, name: P}]\nevents:\n  - {id: e, date: 1917, title: x, place: petrogard}\n",
        );
        assert!(found[0].contains("did you mean `petrograd`?"), "{found:?}");
    }

    #[test]
    fn refuses_overlapping_names_and_cycles() {
        let found = problems(
            "title: t\nplaces:\n  - id: a\n    name: A\n    within: b\n    names:\n      - {name: X, from: 1900, to: 1920}\n      - {name: Y, from: 1910, to: 1930}\n  - {id: b, name: B, within: a}\nevents: []\n",
        );
        assert!(
            found.iter().any(|m| m.contains("overlaps the name `X`")),
            "{found:?}"
        );
        assert_eq!(
            found.iter().filter(|m| m.contains("cycle")).count(),
            2,
            "{found:?}"
        );
    }

    #[test]
    fn refuses_an_end_before_its_start() {
        let found = problems("title: t\nevents:\n  - {id: e, date: 1921, end: 1917, title: x}\n");
        assert!(
            found[0].contains("ends (1917) before it starts (1921)"),
            "{found:?}"
        );
    }

    #[test]
    fn period_comes_from_source_then_narrowest() {
        let timeline = load(&source(
            "title: t\nperiods:\n  - {id: war, title: War, from: 1914, to: 1917}\n  - {id: rev, title: Revolution, from: 1917, to: 1918}\n  - {id: all, title: All, from: 1900, to: 1940}\nevents:\n  - {id: a, date: 1917-05, title: x, source: War}\n  - {id: b, date: 1917-05, title: y}\n  - {id: c, date: 1930, title: z}\n  - {id: d, date: 1950, title: w}\n",
        ))
        .unwrap();
        let periods: Vec<_> = timeline
            .events
            .iter()
            .map(|e| e.period.map(|p| timeline.periods[p].id.as_str()))
            .collect();
        assert_eq!(periods, [Some("war"), Some("rev"), Some("all"), None]);
    }

    #[test]
    fn syntax_errors_point_at_the_line() {
        let found = problems("title: 'x\nevents: []\n");
        assert!(found[0].starts_with("1:8 unclosed quote"), "{found:?}");
        let found = problems("- 1\n- 2\n");
        assert!(found[0].contains("a timeline is a mapping"), "{found:?}");
        let found = problems("");
        assert!(found[0].contains("empty"), "{found:?}");
    }

    /// A timeline of `n` events in block YAML, with the line of each event's `date:`.
    fn big_yaml(n: usize, bad_date_at: usize, bad_place_at: usize) -> (String, Vec<usize>) {
        let mut text = "title: Big\nsubject: me\npeople:\n  - {id: me, name: Me, born: 1879}\nplaces:\n  - {id: here, name: Here}\nevents:\n".to_string();
        let mut date_lines = Vec::new();
        for i in 0..n {
            let date = if i == bad_date_at {
                "1917-02-30".to_string()
            } else {
                format!("{}-{:02}", 1880 + i % 60, 1 + i % 12)
            };
            let place = if i == bad_place_at { "nowhere" } else { "here" };
            text.push_str(&format!("- id: e{i}\n"));
            date_lines.push(text.lines().count() + 1);
            text.push_str(&format!("  date: {date}\n  title: Event number {i} of a long synthetic list\n  place: {place}\n  people: [me]\n  tags: [t]\n"));
        }
        (text, date_lines)
    }

    #[test]
    fn a_big_yaml_file_parsed_in_pieces_equals_one_parsed_whole() {
        let (text, date_lines) = big_yaml(600, usize::MAX, usize::MAX);
        assert!(text.len() > PARALLEL_MIN_BYTES);
        if std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
            eprintln!("note: one core: a file is never parsed in pieces here");
            return;
        }
        let pieces = parse_yaml_parallel(&text).expect("this file has the shape for pieces");
        let whole: RawTimeline<YamlText> =
            serde_saphyr::from_str_with_options(&text, yaml_options(text.len())).unwrap();
        assert_eq!(pieces.events.refs.len(), whole.events.refs.len());
        for (a, b) in pieces.events.refs.iter().zip(&whole.events.refs) {
            assert_eq!(
                (a.id.text(), a.id.line, a.id.column),
                (b.id.text(), b.id.line, b.id.column)
            );
            assert_eq!(a.event, b.event);
        }
        for (a, b) in pieces.events.events.iter().zip(&whole.events.events) {
            assert_eq!((&a.id, a.date, a.file_order), (&b.id, b.date, b.file_order));
        }
        let timeline = load(&source(&text)).unwrap();
        assert_eq!(timeline.events.len(), 600);
        assert_eq!(timeline.events[599].file_order, 599);
        assert!(date_lines.len() == 600);
    }

    #[test]
    fn problems_in_a_later_piece_point_into_the_file() {
        let (text, date_lines) = big_yaml(600, 450, 590);
        let found = problems(&text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with(&format!(
                "{}:9 event `e450`: `1917-02-30` is not a date",
                date_lines[450]
            )),
            "{found:?}"
        );
        assert!(
            found[1].starts_with(&format!(
                "{}:10 event `e590`: unknown place `nowhere`",
                date_lines[590] + 2
            )),
            "{found:?}"
        );
    }

    #[test]
    fn pieces_give_way_to_the_whole_file_when_the_shape_is_unusual() {
        let (text, _) = big_yaml(600, usize::MAX, usize::MAX);
        // A key after the events: the list is not the end of the file.
        assert!(parse_yaml_parallel(&format!("{text}stays: []\n")).is_none());
        assert!(load(&source(&format!("{text}stays: []\n"))).is_ok());
        // An alias to an anchor in another piece: the pieces fail, the whole file does not.
        let anchored = text.replacen("tags: [t]", "tags: &tags [t]", 1);
        let anchored = format!("{anchored}- {{id: last, date: 1917, title: x, tags: *tags}}\n");
        assert!(parse_yaml_parallel(&anchored).is_none());
        let timeline = load(&source(&anchored)).unwrap();
        assert_eq!(timeline.events.last().unwrap().tags, ["t"]);
    }

    #[test]
    fn json_reads_like_yaml_and_reports_positions() {
        let yaml = "title: t\nplaces: [{id: spb, name: Petersburg}]\nevents:\n  - {id: a, date: 1917-10-25 O.S., title: Uprising, place: spb}\n  - {id: b, date: 1918, title: \"Tab\\there\"}\n";
        let json = r#"{"title": "t", "places": [{"id": "spb", "name": "Petersburg"}],
"events": [
  {"id": "a", "date": "1917-10-25 O.S.", "title": "Uprising", "place": "spb"},
  {"id": "b", "date": 1918, "title": "Tab\there"}
]}"#;
        let (y, j) = (load(&source(yaml)).unwrap(), load(&source(json)).unwrap());
        assert_eq!(y.events.len(), j.events.len());
        for (a, b) in y.events.iter().zip(&j.events) {
            assert_eq!(
                (&a.id, a.date, &a.title, a.place),
                (&b.id, b.date, &b.title, b.place)
            );
        }
        assert_eq!(j.events[1].title, "Tab\there");

        let bad = r#"{"title": "t",
"events": [
  {"id": "a", "date": "1917-02-30", "title": "x", "place": "nowhere"},
  {"id": "a", "date": "1917", "title": "y\u0041", "people": ["n\u00f6body"]}
]}"#;
        let found = problems(bad);
        assert_problems(
            &found,
            &[
                "3:23 event `a`: `1917-02-30` is not a date",
                "3:60 event `a`: unknown place `nowhere`",
                "4:10 duplicate event id `a`",
                "4:62 event `a`: unknown person `nöbody`",
            ],
        );
    }

    #[test]
    fn json_shape_errors_and_yaml_flow_mappings() {
        let found = problems("{\"title\": \"t\",\n \"events\": [{\"id\": [1, 2]}]}");
        assert!(
            found[0].starts_with("2:") && found[0].contains("expected a string"),
            "{found:?}"
        );
        let found = problems("{\"title\": \"t\", \"events\": [], \"extra\": 1}");
        assert!(found[0].contains("unknown field `extra`"), "{found:?}");
        // Not JSON after all: a YAML flow mapping, read as YAML.
        let flow = load(&source(
            "{title: t, events: [{id: a, date: 1917, title: x}]}",
        ))
        .unwrap();
        assert_eq!(flow.events[0].id, "a");
        // Broken JSON is reported by the YAML reader, which reads JSON too.
        let found = problems("{\"title\": \"t\",\n \"events\": [\n");
        assert!(
            found[0].starts_with("3:") || found[0].starts_with("2:"),
            "{found:?}"
        );
    }

    /// A timeline of `n` events in JSON, one event a line (line `i + 4` holds event `i`).
    fn big_json(n: usize, bad_date_at: usize, bad_person_at: usize) -> String {
        let mut text = "{\"title\": \"Big\", \"subject\": \"me\",\n\"people\": [{\"id\": \"me\", \"name\": \"Me\"}, {\"id\": \"lenin\", \"name\": \"Lenin\"}],\n\"events\": [\n".to_string();
        for i in 0..n {
            let date = if i == bad_date_at {
                "1917-02-30".to_string()
            } else {
                format!("{}-{:02}", 1880 + i % 60, 1 + i % 12)
            };
            let person = if i == bad_person_at { "lenim" } else { "lenin" };
            let comma = if i + 1 < n { "," } else { "" };
            text.push_str(&format!("{{\"id\": \"e{i}\", \"date\": \"{date}\", \"title\": \"Event {i} of a long synthetic list\", \"people\": [\"{person}\"]}}{comma}\n"));
        }
        text.push_str("]}\n");
        text
    }

    #[test]
    fn a_big_json_file_parsed_in_pieces_equals_one_parsed_whole() {
        let text = big_json(600, usize::MAX, usize::MAX);
        assert!(text.len() > PARALLEL_MIN_BYTES);
        if std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
            return;
        }
        let pieces = parse_json_parallel(&text).expect("this file has the shape for pieces");
        let pieces = check(&source(&text), pieces).unwrap();
        let whole: RawTimeline<JsonText> = serde_json::from_str(&text).unwrap();
        let whole = check(&source(&text), whole).unwrap();
        assert_eq!(pieces.events.len(), 600);
        for (a, b) in pieces.events.iter().zip(&whole.events) {
            assert_eq!((&a.id, a.date, a.file_order), (&b.id, b.date, b.file_order));
            assert_eq!((&a.people, a.period), (&b.people, b.period));
        }
    }

    #[test]
    fn problems_in_a_later_json_piece_point_into_the_file() {
        let found = problems(&big_json(600, 450, 590));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with("454:24 event `e450`: `1917-02-30`"),
            "{found:?}"
        );
        assert!(
            found[1]
                .starts_with("594:93 event `e590`: unknown person `lenim`; did you mean `lenin`?"),
            "{found:?}"
        );
        // An unknown key sends the file to the whole-file parse, which names it.
        let extra = big_json(600, usize::MAX, usize::MAX).replacen(
            "{\"title\"",
            "{\"extra\": 1, \"title\"",
            1,
        );
        assert!(parse_json_parallel(&extra).is_none());
        assert!(problems(&extra)[0].contains("unknown field `extra`"));
    }
}
