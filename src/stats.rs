//! Counts that sum up a selection of events: by period, tag, place and person, the busiest years,
//! and how precisely the events are dated.

use std::collections::HashMap;

use chrono::Datelike;
use serde::Serialize;

use crate::date::Precision;
use crate::error::Error;
use crate::index::{CountRule, Index};

/// How many of each kind the rankings keep.
pub const TOP: usize = 10;

/// One line of a ranking: something and the number of selected events it has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Count {
    /// What is counted, as a machine reads it: an id, a tag, a year, a precision name.
    pub key: String,
    /// What is counted, as a person reads it: a title, a name.
    pub label: String,
    /// How many selected events.
    pub events: usize,
    /// `events` as a percentage of all selected events, to one decimal.
    pub percent: f64,
}

/// Every ranking of one selection of events.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// How many events were selected.
    pub events: usize,
    /// Which events count in a period and in the dates asked for: `overlap` (certainly or
    /// possibly in them) or `certain` (`--certain`).
    pub rule: CountRule,
    /// The periods with the most events.
    pub periods: Vec<Count>,
    /// Every tag, most used first.
    pub tags: Vec<Count>,
    /// The places with the most events (each event counts at its own place only).
    pub places: Vec<Count>,
    /// The people in the most events (the subject, in all of them, is left out).
    pub people: Vec<Count>,
    /// The busiest years, by the year each event starts in (events known only to the decade or
    /// century are left out).
    pub years: Vec<Count>,
    /// How finely the events' starts are known, finest first; every precision that occurs.
    pub precision: Vec<Count>,
}

/// One ranking with the names its output uses.
pub struct Section<'a> {
    /// The singular key for tab-separated and CSV lines: "period", "tag", …
    pub kind: &'static str,
    /// The heading for tables and documents: "Periods", "Tags", …
    pub heading: &'static str,
    /// The lines.
    pub counts: &'a [Count],
}

impl Stats {
    /// The rankings in the order they are shown.
    pub fn sections(&self) -> [Section<'_>; 6] {
        [
            Section {
                kind: "period",
                heading: "Periods",
                counts: &self.periods,
            },
            Section {
                kind: "tag",
                heading: "Tags",
                counts: &self.tags,
            },
            Section {
                kind: "place",
                heading: "Places",
                counts: &self.places,
            },
            Section {
                kind: "person",
                heading: "People",
                counts: &self.people,
            },
            Section {
                kind: "year",
                heading: "Busiest years",
                counts: &self.years,
            },
            Section {
                kind: "precision",
                heading: "Dated to the",
                counts: &self.precision,
            },
        ]
    }

    /// Counts the events at these positions of the index.
    pub fn new(index: &Index, positions: &[usize], rule: CountRule) -> Result<Stats, Error> {
        let timeline = index.timeline();
        let events = index.events()?;
        let total = positions.len();
        let percent = |n: usize| {
            if total == 0 {
                0.0
            } else {
                (n as f64 * 1000.0 / total as f64).round() / 10.0
            }
        };
        let count = |key: String, label: String, events: usize| Count {
            key,
            label,
            events,
            percent: percent(events),
        };

        // An event is in every period its span overlaps, as in `periods` and `--in`.
        let periods = index.period_counts(positions, rule)?;
        let mut places = vec![0; timeline.places.len()];
        let mut people = vec![0; timeline.people.len()];
        // Tags keep the order they are first met in, which breaks ties in the ranking.
        let mut tags: Vec<(String, usize)> = Vec::new();
        let mut tag_slot: HashMap<String, usize> = HashMap::new();
        let mut years: HashMap<i32, usize> = HashMap::new();
        let mut precision: HashMap<Precision, usize> = HashMap::new();
        for &i in positions {
            let event = &events[i];
            if let Some(p) = event.place {
                places[p] += 1;
            }
            for &p in &event.people {
                if Some(p) != timeline.subject {
                    people[p] += 1;
                }
            }
            for tag in &event.tags {
                let slot = *tag_slot.entry(tag.clone()).or_insert_with(|| {
                    tags.push((tag.clone(), 0));
                    tags.len() - 1
                });
                tags[slot].1 += 1;
            }
            let start = event.date.start().precision();
            if start <= Precision::Year {
                *years.entry(event.date.earliest().year()).or_default() += 1;
            }
            *precision.entry(start).or_default() += 1;
        }

        let periods = top(periods.iter().enumerate().map(|(p, &n)| {
            let period = &timeline.periods[p];
            count(period.id.clone(), period.title.clone(), n)
        }));
        let places = top(places.iter().enumerate().map(|(p, &n)| {
            let place = &timeline.places[p];
            count(place.id.clone(), place.name.clone(), n)
        }));
        let people = top(people.iter().enumerate().map(|(p, &n)| {
            let person = &timeline.people[p];
            count(person.id.clone(), person.name.clone(), n)
        }));
        // Every tag: there are few, and a reader wants the whole vocabulary.
        let tags = ranked(tags.into_iter().map(|(tag, n)| count(tag.clone(), tag, n)));
        let mut years: Vec<(i32, usize)> = years.into_iter().collect();
        years.sort_by_key(|&(year, n)| (std::cmp::Reverse(n), year));
        let years = top(years
            .into_iter()
            .map(|(year, n)| count(year.to_string(), year.to_string(), n)));
        let mut precision: Vec<(Precision, usize)> = precision.into_iter().collect();
        precision.sort();
        let precision = precision
            .into_iter()
            .map(|(p, n)| count(p.name().to_string(), p.name().to_string(), n))
            .collect();
        Ok(Stats {
            events: total,
            rule,
            periods,
            tags,
            places,
            people,
            years,
            precision,
        })
    }
}

/// The [`TOP`] largest non-zero counts, largest first; ties keep their order.
fn top(counts: impl Iterator<Item = Count>) -> Vec<Count> {
    let mut counts = ranked(counts);
    counts.truncate(TOP);
    counts
}

/// Every non-zero count, largest first; ties keep their order.
fn ranked(counts: impl Iterator<Item = Count>) -> Vec<Count> {
    let mut counts: Vec<Count> = counts.filter(|c| c.events > 0).collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.events));
    counts
}
