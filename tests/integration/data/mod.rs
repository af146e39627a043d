//! The curated timeline, checked the way a reader holding the encyclopedia article would check it:
//! the dates (in both calendars where Old Style applies), places and people of the key events of
//! the life, then the curator's contract of CURATING.md — every person and place used, one fact one
//! event, names that find something, sources that are the article's headings, periods, titles and
//! tags.
//!
//! Every check names the event, person or place at fault, and the collecting checks report every
//! fault at once rather than stopping at the first.

mod curation;
mod family;
mod life;
mod readers;

use std::sync::OnceLock;

use chrono::NaiveDate;
use timeline::index::Index;
use timeline::load::{Source, load};
use timeline::model::Event;
use timeline::view::Views;

/// The embedded timeline, loaded and indexed once for all tests.
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let timeline = load(&Source::embedded()).unwrap_or_else(|problems| {
            let list: Vec<String> = problems
                .iter()
                .map(|p| format!("{}:{} {}", p.line, p.column, p.message))
                .collect();
            panic!("the embedded timeline does not load:\n{}", list.join("\n"))
        });
        Index::new(timeline)
    })
}

fn event(id: &str) -> &'static Event {
    index()
        .events()
        .unwrap()
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event `{id}` in the timeline"))
}

fn person_id(i: usize) -> &'static str {
    &index().timeline().people[i].id
}

fn place_id(i: usize) -> &'static str {
    &index().timeline().places[i].id
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test day is ISO")
}

/// Collects the facts of one stretch of the life and reports every one that is wrong.
struct Facts {
    stretch: &'static str,
    checked: usize,
    wrong: Vec<String>,
}

impl Facts {
    fn new(stretch: &'static str) -> Facts {
        Facts {
            stretch,
            checked: 0,
            wrong: Vec::new(),
        }
    }

    fn fail(&mut self, id: &str, message: String) {
        self.wrong.push(format!("event `{id}`: {message}"));
    }

    /// Each event's date as written in the file, and the first and last Gregorian days it covers.
    fn dates(&mut self, facts: &[(&str, &str, &str, &str)]) {
        for &(id, written, first, last) in facts {
            self.checked += 1;
            let date = event(id).date;
            let got = (
                date.to_string(),
                date.earliest().to_string(),
                date.latest().to_string(),
            );
            if (got.0.as_str(), got.1.as_str(), got.2.as_str()) != (written, first, last) {
                self.fail(
                    id,
                    format!(
                        "date is `{}` ({} to {}), the article gives `{written}` ({first} to {last})",
                        got.0, got.1, got.2
                    ),
                );
            }
        }
    }

    /// Each event's date as every output format shows it, both calendars where Old Style applies.
    fn shown(&mut self, facts: &[(&str, &str)]) {
        let views = Views::new(index());
        for &(id, words) in facts {
            self.checked += 1;
            let row = views.row(event(id));
            if row.date != words {
                self.fail(id, format!("shown as `{}`, expected `{words}`", row.date));
            }
        }
    }

    /// Each event's place is the given place or lies within it.
    fn places(&mut self, facts: &[(&str, &str)]) {
        let timeline = index().timeline();
        for &(id, place) in facts {
            self.checked += 1;
            let chain: Vec<&str> = event(id)
                .place
                .map(|p| {
                    let day = event(id).date.earliest();
                    timeline
                        .place_chain_on(p, day)
                        .map(|p| p.id.as_str())
                        .collect()
                })
                .unwrap_or_default();
            if !chain.contains(&place) {
                self.fail(id, format!("place is {chain:?}, expected within `{place}`"));
            }
        }
    }

    /// Each event has no place: the article does not say where it happened.
    fn no_place(&mut self, ids: &[&str]) {
        let timeline = index().timeline();
        for &id in ids {
            self.checked += 1;
            if let Some(p) = event(id).place {
                self.fail(
                    id,
                    format!(
                        "placed at `{}`, but the article gives no place",
                        timeline.places[p].id
                    ),
                );
            }
        }
    }

    /// Each event cites this article section (or the lead).
    fn sources(&mut self, facts: &[(&str, &str)]) {
        for &(id, source) in facts {
            self.checked += 1;
            let got = event(id).source.as_deref();
            if got != Some(source) {
                self.fail(id, format!("source is {got:?}, expected `{source}`"));
            }
        }
    }

    /// These people take part in each event (others may too).
    fn people(&mut self, facts: &[(&str, &[&str])]) {
        for &(id, people) in facts {
            self.checked += 1;
            let ids: Vec<&str> = event(id).people.iter().map(|&p| person_id(p)).collect();
            let missing: Vec<&&str> = people.iter().filter(|p| !ids.contains(p)).collect();
            if !missing.is_empty() {
                self.fail(id, format!("people are {ids:?}, missing {missing:?}"));
            }
        }
    }

    fn done(&self) {
        assert!(
            self.wrong.is_empty(),
            "{} wrong fact(s) of {} checked in {}:\n{}",
            self.wrong.len(),
            self.checked,
            self.stretch,
            self.wrong.join("\n")
        );
    }
}

/// The `source` of the facts only the article's untitled lead gives.
const LEAD: &str = "(lead)";

/// The ids `timeline ARGS --format json` lists, run as a reader runs it on the embedded timeline.
fn listed(args: &[&str]) -> Vec<String> {
    let output =
        crate::common::success(crate::common::clean().args(args).args(["--format", "json"]));
    let events: serde_json::Value = serde_json::from_str(&output).expect("the output is JSON");
    crate::common::json_ids(&events)
        .into_iter()
        .map(str::to_string)
        .collect()
}
