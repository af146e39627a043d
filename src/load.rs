//! Reading a timeline file: YAML into the model, with every reference and date validated and every
//! problem reported at once with its line and column.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_saphyr::{MessageFormatter, Spanned};

use crate::date::{Date, GRAMMAR_HINT};
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

type Text = Spanned<String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTimeline {
    title: Text,
    subject: Option<Text>,
    #[serde(default)]
    people: Vec<RawPerson>,
    #[serde(default)]
    places: Vec<RawPlace>,
    #[serde(default)]
    periods: Vec<RawPeriod>,
    #[serde(default)]
    stays: Vec<RawStay>,
    events: Vec<RawEvent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    id: Text,
    name: Text,
    #[serde(default)]
    aliases: Vec<Text>,
    born: Option<Text>,
    died: Option<Text>,
    about: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    id: Text,
    name: Text,
    #[serde(default)]
    aliases: Vec<Text>,
    within: Option<Text>,
    #[serde(default)]
    names: Vec<RawName>,
    calendar: Option<RawCalendar>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawName {
    name: Text,
    from: Option<Text>,
    to: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    julian_until: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    id: Text,
    title: Text,
    from: Text,
    to: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStay {
    place: Text,
    from: Text,
    to: Text,
    note: Option<String>,
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: Text,
    date: Text,
    end: Option<Text>,
    title: Text,
    summary: Option<String>,
    place: Option<Text>,
    #[serde(default)]
    people: Vec<Text>,
    #[serde(default)]
    tags: Vec<String>,
    period: Option<Text>,
    source: Option<String>,
}

/// Parses and validates a timeline; on failure, returns every problem found.
pub fn load(source: &Source) -> Result<Timeline, Vec<Problem>> {
    let raw = parse_yaml(source)?;
    let mut checker = Checker {
        source,
        lines: source.text.lines().collect(),
        problems: Vec::new(),
    };
    let timeline = checker.build(raw);
    if checker.problems.is_empty() {
        Ok(timeline)
    } else {
        Err(checker.problems)
    }
}

fn parse_yaml(source: &Source) -> Result<RawTimeline, Vec<Problem>> {
    let problem = |line: u64, column: u64, message: String| Problem {
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
    };
    let blank = |line: &str| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    };
    if source.text.lines().all(blank) {
        return Err(vec![problem(
            0,
            0,
            "the file is empty; a timeline needs at least `title:` and `events:`".to_string(),
        )]);
    }
    // serde-saphyr's default budgets suit configuration files; scale them with the input so a
    // large honest timeline loads while a small hostile file still cannot blow up.
    let size = source.text.len();
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: (size / 2).max(1_000_000),
            max_nodes: (size / 4).max(250_000),
            max_total_scalar_bytes: size.max(64 * 1024 * 1024),
        },
    };
    serde_saphyr::from_str_with_options::<RawTimeline>(&source.text, options).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        let message = serde_saphyr::DefaultMessageFormatter
            .format_message(&e)
            .to_string();
        let message = if message.contains("expected mapping") && line <= 1 {
            format!("{message}: a timeline is a mapping with `title:` and `events:` at the top")
        } else {
            message
        };
        vec![problem(line, column, message)]
    })
}

/// Builds the model from the raw file while collecting problems.
struct Checker<'a> {
    source: &'a Source,
    lines: Vec<&'a str>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, at: &Text, message: String) {
        let line = at.referenced.line();
        self.problems.push(Problem {
            file: self.source.name.clone(),
            line,
            column: at.referenced.column(),
            message,
            source_line: self
                .lines
                .get(line.saturating_sub(1) as usize)
                .map(|s| s.to_string()),
        });
    }

    fn date(&mut self, text: &Text, owner: &str) -> Option<Date> {
        match Date::parse(&text.value) {
            Ok(date) => Some(date),
            Err(e) => {
                self.report(
                    text,
                    format!(
                        "{owner}: `{}` is not a date: {e} ({GRAMMAR_HINT})",
                        text.value
                    ),
                );
                None
            }
        }
    }

    fn ids<'r>(
        &mut self,
        kind: &str,
        ids: impl Iterator<Item = &'r Text>,
    ) -> HashMap<String, usize> {
        let mut map = HashMap::new();
        for (i, id) in ids.enumerate() {
            if id.value.trim().is_empty() {
                self.report(id, format!("{kind} id is empty"));
            } else if map.insert(id.value.clone(), i).is_some() {
                self.report(id, format!("duplicate {kind} id `{}`", id.value));
            }
        }
        map
    }

    fn resolve(
        &mut self,
        map: &HashMap<String, usize>,
        kind: &str,
        reference: &Text,
        owner: &str,
    ) -> Option<usize> {
        if let Some(&i) = map.get(&reference.value) {
            return Some(i);
        }
        let suggestion = map
            .keys()
            .map(|k| (strsim::jaro_winkler(k, &reference.value), k))
            .filter(|(score, _)| *score > 0.85)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| format!("; did you mean `{k}`?"))
            .unwrap_or_else(|| {
                format!("; expected the id of one of the timeline's {kind} entries")
            });
        self.report(
            reference,
            format!("{owner}: unknown {kind} `{}`{suggestion}", reference.value),
        );
        None
    }

    fn build(&mut self, raw: RawTimeline) -> Timeline {
        let person_ids = self.ids("person", raw.people.iter().map(|p| &p.id));
        let place_ids = self.ids("place", raw.places.iter().map(|p| &p.id));
        let period_ids = self.ids("period", raw.periods.iter().map(|p| &p.id));
        self.ids("event", raw.events.iter().map(|e| &e.id));

        let subject = raw
            .subject
            .as_ref()
            .and_then(|s| self.resolve(&person_ids, "person", s, "subject"));
        let people = raw.people.iter().map(|p| self.person(p)).collect();
        let places = self.places(&raw.places, &place_ids);
        let periods = raw
            .periods
            .iter()
            .filter_map(|p| {
                let owner = format!("period `{}`", p.id.value);
                let span = self.span(&p.from, &p.to, &owner)?;
                Some(Period {
                    id: p.id.value.clone(),
                    title: p.title.value.clone(),
                    span,
                })
            })
            .collect::<Vec<_>>();
        let stays = raw
            .stays
            .iter()
            .filter_map(|s| {
                let owner = format!("stay at `{}`", s.place.value);
                let place = self.resolve(&place_ids, "place", &s.place, &owner);
                let span = self.span(&s.from, &s.to, &owner);
                Some(Stay {
                    place: place?,
                    span: span?,
                    note: s.note.clone(),
                    source: s.source.clone(),
                })
            })
            .collect();
        let mut events = Vec::with_capacity(raw.events.len());
        for (file_order, e) in raw.events.iter().enumerate() {
            let owner = format!("event `{}`", e.id.value);
            let date = match &e.end {
                Some(end) => self.span(&e.date, end, &owner),
                None => self.date(&e.date, &owner),
            };
            if e.title.value.trim().is_empty() {
                self.report(&e.title, format!("{owner}: the title is empty"));
            }
            let place = e
                .place
                .as_ref()
                .and_then(|p| self.resolve(&place_ids, "place", p, &owner));
            let people = e
                .people
                .iter()
                .filter_map(|p| self.resolve(&person_ids, "person", p, &owner))
                .collect();
            let period = e
                .period
                .as_ref()
                .and_then(|p| self.resolve(&period_ids, "period", p, &owner));
            if let Some(date) = date {
                let period = period.or_else(|| assign_period(&periods, &date, e.source.as_deref()));
                events.push(Event {
                    id: e.id.value.clone(),
                    date,
                    title: e.title.value.clone(),
                    summary: e.summary.clone(),
                    place,
                    people,
                    tags: e.tags.clone(),
                    period,
                    source: e.source.clone(),
                    file_order,
                });
            }
        }
        Timeline {
            title: raw.title.value,
            subject,
            people,
            places,
            periods,
            stays,
            events,
        }
    }

    /// A span from two dates: `from`'s start to `to`'s end.
    fn span(&mut self, from: &Text, to: &Text, owner: &str) -> Option<Date> {
        let start = self.date(from, owner);
        let end = self.date(to, owner);
        let (start, end) = (start?, end?);
        if start == end {
            return Some(start);
        }
        let (first, last) = (
            Date::parse(&start.start().to_string()).ok()?,
            Date::parse(&end.end().unwrap_or(end.start()).to_string()).ok()?,
        );
        match first.until(last) {
            Ok(span) => Some(span),
            Err(e) => {
                self.report(to, format!("{owner}: {e}"));
                None
            }
        }
    }

    fn person(&mut self, raw: &RawPerson) -> Person {
        let owner = format!("person `{}`", raw.id.value);
        let born = raw.born.as_ref().and_then(|d| self.date(d, &owner));
        let died = raw.died.as_ref().and_then(|d| self.date(d, &owner));
        if let (Some(b), Some(d), Some(at)) = (&born, &died, &raw.died)
            && d.latest() < b.earliest()
        {
            self.report(at, format!("{owner}: died ({d}) before being born ({b})"));
        }
        Person {
            id: raw.id.value.clone(),
            name: raw.name.value.clone(),
            aliases: raw.aliases.iter().map(|a| a.value.clone()).collect(),
            born,
            died,
            about: raw.about.clone(),
        }
    }

    fn places(&mut self, raw: &[RawPlace], ids: &HashMap<String, usize>) -> Vec<Place> {
        let mut places = Vec::with_capacity(raw.len());
        for p in raw {
            let owner = format!("place `{}`", p.id.value);
            let within = p
                .within
                .as_ref()
                .and_then(|w| self.resolve(ids, "place", w, &owner));
            let julian_until = p
                .calendar
                .as_ref()
                .and_then(|c| self.date(&c.julian_until, &owner))
                .map(|d| d.earliest());
            let mut names: Vec<(HistoricalName, &Text)> = Vec::new();
            for n in &p.names {
                let bound = |checker: &mut Self, t: &Option<Text>| -> Option<Option<NaiveDate>> {
                    match t {
                        None => Some(None),
                        Some(t) => checker.date(t, &owner).map(|d| Some(d.earliest())),
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
                        format!("{owner}: the name `{}` ends before it begins", n.name.value),
                    );
                    continue;
                }
                let name = HistoricalName {
                    name: n.name.value.clone(),
                    from,
                    to,
                };
                if let Some((other, _)) = names.iter().find(|(o, _)| overlaps(o, &name)) {
                    let message = format!(
                        "{owner}: the name `{}` overlaps the name `{}`; a place has one name at a time",
                        name.name, other.name
                    );
                    self.report(&n.name, message);
                }
                names.push((name, &n.name));
            }
            places.push(Place {
                id: p.id.value.clone(),
                name: p.name.value.clone(),
                aliases: p.aliases.iter().map(|a| a.value.clone()).collect(),
                names: names.into_iter().map(|(n, _)| n).collect(),
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
                            format!("place `{}`: `within` goes round in a cycle", p.id.value),
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

    #[test]
    fn reports_every_problem_with_its_position() {
        let found = problems(
            "title: t\npeople:\n  - {id: a, name: A}\n  - {id: a, name: B}\nevents:\n  - id: e\n    date: 1917-02-30\n    title: x\n    place: nowhere\n    people: [b]\n",
        );
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(
            found[0].starts_with("4:10 duplicate person id `a`"),
            "{found:?}"
        );
        assert!(
            found[1].starts_with("7:11 event `e`: `1917-02-30` is not a date"),
            "{found:?}"
        );
        assert!(
            found[2].starts_with("9:12 event `e`: unknown place `nowhere`"),
            "{found:?}"
        );
        assert!(
            found[3].starts_with("10:14 event `e`: unknown person `b`"),
            "{found:?}"
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
}
