//! Checking a timeline as written into the model: ids unique, references resolved, dates
//! parsed and consistent, every problem collected with its position.

// A child of this module (it extends the `Checker`), kept beside it: build.rs fingerprints the
// files of `src/load/` and not its folders.
#[path = "places.rs"]
pub(super) mod places;

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::Source;
use super::events::{EventRefs, Events};
use super::located::Located;
use super::raw::{Mapping, RawCalendar, RawPerson, RawTimeline};
use super::text::{Shape, refusal};
use super::trust::{FIRST_YEAR, LAST_YEAR, day_in_range};
use crate::date::Date;
use crate::error::{Problem, quote};
use crate::model::{Period, Person, Stay, Timeline};
use crate::suggest::{Candidates, closest, did_you_mean};

pub(super) fn check<T: Located>(
    source: &Source,
    raw: RawTimeline<T>,
) -> Result<Timeline, Vec<Problem>> {
    let mut checker = Checker {
        source,
        line_starts: OnceCell::new(),
        problems: Vec::new(),
        nearest: HashMap::new(),
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

/// Why a reference is unknown, with the closest ids when any is close ([`crate::suggest`]).
pub(super) fn unknown_reference(
    close: &[String],
    kind: &str,
    reference: &impl Located,
    owner: Owner,
) -> String {
    let suggestion = if close.is_empty() {
        format!("; expected the id of one of the timeline's {kind} entries")
    } else {
        did_you_mean(&close.iter().map(String::as_str).collect::<Vec<_>>())
    };
    format!(
        "{owner}: unknown {kind} `{}`{suggestion}",
        quote(reference.text())
    )
}

/// Why `id` cannot be the id of a `kind` entry: empty, or outside the id alphabet.
fn id_problem(kind: &str, id: &str) -> Option<String> {
    if id.trim().is_empty() {
        return Some(format!("{kind} id is empty"));
    }
    refusal(id, Shape::Id).map(|why| format!("{kind} id {why}"))
}

/// The problem with the `field` of `owner` when its text breaks the rules of its `shape`.
pub(super) fn text_problem(owner: Owner, field: &str, value: &str, shape: Shape) -> Option<String> {
    refusal(value, shape).map(|why| format!("{owner}: the {field} {why}"))
}

/// The problem with a key of a mapping that is none of its fields, with the nearest field name
/// when one is close. ([`shape_problems`] says it for every mapping it is given.)
pub(super) fn unknown_field(owner: Owner, key: &str, what: &str, fields: &[&str]) -> String {
    let close = closest(key, fields.iter().copied());
    let hint = if close.is_empty() {
        format!("; {what} takes {}", fields.join(", "))
    } else {
        did_you_mean(&close)
    };
    format!("{owner}: unknown field `{}`{hint}", quote(key))
}

/// The problems with the shape of a mapping of `owner`, each where it is (`None`: nowhere in
/// particular): a key that is none of its fields, with the nearest field name when one is
/// close (`titel` for `title`); a key given twice; a required field left out, unless a misspelt
/// key already answers for it.
pub(super) fn shape_problems<'m, T: Located, M: Mapping<T>>(
    mapping: &'m M,
    owner: Owner,
) -> Vec<(Option<&'m T>, String)> {
    let mut problems = Vec::new();
    let mut meant = Vec::new();
    for key in mapping.unknown() {
        meant.extend(closest(key.text(), M::FIELDS.iter().copied()));
        let message = unknown_field(owner, key.text(), M::WHAT, M::FIELDS);
        problems.push((Some(key), message));
    }
    for key in mapping.repeated() {
        let message = format!(
            "{owner}: `{}` is given twice; each field is given once",
            quote(key.text())
        );
        problems.push((Some(key), message));
    }
    let missing: Vec<String> = mapping
        .missing()
        .iter()
        .filter(|field| !meant.contains(field))
        .map(|field| format!("`{field}`"))
        .collect();
    if !missing.is_empty() {
        let message = match missing.as_slice() {
            [one] => format!("{owner}: the field {one} is missing"),
            [rest @ .., last] => format!(
                "{owner}: the fields {} and {last} are missing",
                rest.join(", ")
            ),
            [] => unreachable!("not empty"),
        };
        problems.push((mapping.anchor(), message));
    }
    problems
}

/// Which of a span's two dates a problem is at.
pub(super) enum Which {
    From,
    To,
}

pub(super) fn date_of(text: &impl Located, owner: Owner) -> Result<Date, String> {
    let date = Date::parse(text.text()).map_err(|e| {
        format!(
            "{owner}: `{}` is not a date: {}",
            quote(text.text()),
            e.with_hint()
        )
    })?;
    if date.earliest().year() < FIRST_YEAR {
        return Err(format!(
            "{owner}: `{}` falls on {} in the Gregorian calendar, before the year {FIRST_YEAR} where dates (and iCalendar) begin",
            quote(text.text()),
            date.earliest().format("%d %b of the year before 1")
        ));
    }
    if !(day_in_range(date.earliest()) && day_in_range(date.latest())) {
        return Err(format!(
            "{owner}: `{}` falls on {} in the Gregorian calendar, past the year {LAST_YEAR} that dates (and iCalendar) can hold",
            quote(text.text()),
            date.latest()
        ));
    }
    Ok(date)
}

/// A span from two dates: `from`'s start to `to`'s end.
pub(super) fn span_of(
    from: &impl Located,
    to: &impl Located,
    owner: Owner,
) -> Result<Date, (Which, String)> {
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

/// Whose value a problem is in: "event `exile`", "stay at `prinkipo`", "subject". Written out
/// only when there is a problem to report.
#[derive(Clone, Copy)]
pub(super) struct Owner<'a> {
    pub(super) kind: &'static str,
    pub(super) id: Option<&'a str>,
}

impl<'a> Owner<'a> {
    pub(super) fn new(kind: &'static str, id: &'a str) -> Owner<'a> {
        Owner { kind, id: Some(id) }
    }
}

impl fmt::Display for Owner<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.id {
            // A mapping without its id (`- {summary: …}`) is reported missing one.
            Some("") => write!(f, "{} (no id)", self.kind),
            Some(id) => write!(f, "{} `{}`", self.kind, quote(id)),
            None => f.write_str(self.kind),
        }
    }
}

/// Builds the model from the raw file while collecting problems.
pub(super) struct Checker<'a> {
    pub(super) source: &'a Source,
    /// Where each line starts, computed on the first problem.
    pub(super) line_starts: OnceCell<Vec<usize>>,
    pub(super) problems: Vec<Problem>,
    /// The ids of each kind prepared for suggestions, on the first unknown reference to one.
    pub(super) nearest: HashMap<String, Candidates>,
}

impl Checker<'_> {
    fn report(&mut self, at: &impl Located, message: String) {
        if at.is_missing() {
            // A problem with a value the file leaves out: the field is reported missing.
            return;
        }
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

    /// Reports `at` when its text breaks the rules of its shape (see [`refusal`]).
    fn text(&mut self, at: &impl Located, owner: Owner, field: &str, shape: Shape) {
        if let Some(message) = text_problem(owner, field, at.text(), shape) {
            self.report(at, message);
        }
    }

    /// [`Self::unknown`] for a mapping inside another (a dated `within:` entry): a problem with
    /// no value of its own to point at (a missing field) is reported at `owner_id`.
    pub(super) fn unknown_inside<T: Located, M: Mapping<T>>(
        &mut self,
        mapping: &M,
        owner: Owner,
        owner_id: &T,
    ) {
        for (at, message) in shape_problems(mapping, owner) {
            self.report(at.unwrap_or(owner_id), message);
        }
    }

    /// Reports what is wrong with the shape of a mapping of `owner` ([`shape_problems`]).
    fn unknown<T: Located, M: Mapping<T>>(&mut self, mapping: &M, owner: Owner) {
        for (at, message) in shape_problems(mapping, owner) {
            match at {
                Some(at) => self.report(at, message),
                None => self.report_file(message),
            }
        }
    }

    /// Reports a problem that is at no value in particular.
    pub(super) fn report_file(&mut self, message: String) {
        self.problems.push(Problem {
            file: self.source.name.clone(),
            line: 0,
            column: 0,
            message,
            source_line: None,
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
            if let Some(message) = id_problem(kind, id.text()) {
                self.report(id, message);
            } else if map.insert(id.text().to_string(), i).is_some() {
                self.report(id, format!("duplicate {kind} id `{}`", quote(id.text())));
            }
        }
        map
    }

    /// Reports empty and duplicate event ids without keeping them: there may be a million.
    fn unique_event_ids<T: Located>(&mut self, refs: &[EventRefs<T>]) {
        let mut seen: HashSet<&str> = HashSet::with_capacity(refs.len());
        let mut problems = Vec::new();
        for r in refs {
            let id = r.id.text();
            if let Some(message) = id_problem("event", id) {
                problems.push((&r.id, message));
            } else if !seen.insert(id) {
                problems.push((&r.id, format!("duplicate event id `{}`", quote(id))));
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
        let close = self
            .nearest
            .entry(kind.to_string())
            .or_insert_with(|| Candidates::new(map.keys().map(String::as_str)))
            .closest(reference.text());
        let message = unknown_reference(&close, kind, reference, owner);
        self.report(reference, message);
        None
    }

    fn build<T: Located>(&mut self, raw: RawTimeline<T>) -> Timeline {
        let person_ids = self.ids("person", raw.people.iter().map(|p| &p.id));
        let place_ids = self.ids("place", raw.places.iter().map(|p| &p.id));
        let period_ids = self.ids("period", raw.periods.iter().map(|p| &p.id));
        self.unique_event_ids(&raw.events.refs);
        let whole = Owner {
            kind: "the timeline",
            id: None,
        };
        self.unknown(&raw, whole);
        self.text(&raw.title, whole, "title", Shape::Line);

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
                let owner = Owner::new("period", p.id.text());
                self.unknown(&p, owner);
                self.text(&p.title, owner, "title", Shape::Line);
                let span = self.span(&p.from, &p.to, owner)?;
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
                self.unknown(&s, owner);
                let place = self.resolve(&place_ids, "place", &s.place, owner);
                let span = self.span(&s.from, &s.to, owner);
                for (field, value, shape) in [
                    ("note", &s.note, Shape::Prose),
                    ("source", &s.source, Shape::Line),
                ] {
                    if let Some(value) = value {
                        self.text(value, owner, field, shape);
                    }
                }
                Some(Stay {
                    place: place?,
                    span: span?,
                    note: s.note.map(Located::take),
                    source: s.source.map(Located::take),
                })
            })
            .collect();
        let Events {
            mut events,
            refs,
            pending,
            problems,
            unplaced,
        } = raw.events;
        for (at, message) in problems {
            self.report(&at, message);
        }
        for message in unplaced {
            self.report_file(message);
        }
        let mut afters = Vec::new();
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
                afters.extend(p.after.map(|after| (i, after)));
            }
        }
        for (at, message) in super::after::order_after(&mut events, &refs, afters) {
            self.report(&at, message);
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
        self.unknown(&raw, owner);
        self.text(&raw.name, owner, "name", Shape::Line);
        for alias in &raw.aliases {
            self.text(alias, owner, "alias", Shape::Line);
        }
        if let Some(about) = &raw.about {
            self.text(about, owner, "about", Shape::Prose);
        }
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
            about: raw.about.map(Located::take),
        }
    }
}

impl Checker<'_> {
    /// The first day of the Gregorian calendar at a place: a single day, as a switch of
    /// calendars happens on one (`1700/1918` or a bare year would leave it to guesswork).
    fn calendar<T: Located>(
        &mut self,
        calendar: &RawCalendar<T>,
        owner: Owner,
    ) -> Option<NaiveDate> {
        self.unknown(calendar, owner);
        let at = &calendar.julian_until;
        let date = self.date(at, owner)?;
        if date.earliest() != date.latest() {
            let message = format!(
                "{owner}: `julian_until: {}` is not a single day; give the first day of the Gregorian calendar there, e.g. 1918-02-14",
                quote(at.text())
            );
            self.report(at, message);
            return None;
        }
        Some(date.earliest())
    }
}

/// The period an event falls in when the file does not say: among the periods containing the
/// event's first day, the one whose title is the event's source section, else the narrowest.
fn assign_period(periods: &[Period], date: &Date, source: Option<&str>) -> Option<usize> {
    let day = date.earliest();
    // One pass (it runs for each of a million events): the first containing period titled
    // as the source wins at once; else the first of the narrowest.
    let mut narrowest: Option<(i64, usize)> = None;
    for (i, p) in periods.iter().enumerate() {
        if !(p.span.earliest() <= day && day <= p.span.latest()) {
            continue;
        }
        if source.is_some_and(|source| p.title == source) {
            return Some(i);
        }
        let days = p.span.span_days();
        if narrowest.is_none_or(|(fewest, _)| days < fewest) {
            narrowest = Some((days, i));
        }
    }
    narrowest.map(|(_, i)| i)
}
