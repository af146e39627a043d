//! One run of the program: flags into a configuration, the timeline into an index, filters into a
//! query, a view into the chosen format. Every error ends in [`main`].

use std::io::{self, BufWriter, IsTerminal, Write};

use clap::Parser;

use crate::cli::{Cli, Command, FilterArgs};
use crate::config::Config;
use crate::date::Date;
use crate::error::Error;
use crate::index::{Index, Query, fold};
use crate::load::{Source, load_source};
use crate::render::renderer;
use crate::term::Environment;
use crate::view::Views;

/// Runs the program with the process's arguments and environment; returns the exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let env = Environment::from_process();
    let config = Config::new(&cli, &env, io::stdout().is_terminal());
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = run(&cli, &config, &mut out).and_then(|()| out.flush().map_err(Error::from));
    match result {
        Ok(()) => 0,
        // `timeline | head -1`: the reader has what it wanted.
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            drop(out);
            eprintln!("{e}");
            e.exit_code()
        }
    }
}

/// Runs one parsed command line, writing the result to `out`.
pub fn run(cli: &Cli, config: &Config, out: &mut dyn Write) -> Result<(), Error> {
    if let Some(Command::Check { file }) = &cli.command {
        let source = match file.as_ref().or(config.file.as_ref()) {
            Some(path) => Source::read(path)?,
            None => Source::embedded(),
        };
        return check(&source, out);
    }
    let index = crate::cache::open(config.file.as_deref())?;
    let mut query = query(&cli.filters, &index)?;
    let renderer = renderer(config);
    let views = Views::new(&index);
    match &cli.command {
        None => {
            let rows = views.rows(&nonempty(index.select(&query), "no events match")?);
            renderer.events(out, &rows)?;
        }
        Some(Command::Who { name: None }) => {
            let counts = index.person_event_counts();
            let mut people: Vec<usize> = (0..counts.len()).collect();
            people.sort_by_key(|&p| std::cmp::Reverse(counts[p]));
            renderer.people(out, &views.person_cards(&people))?;
        }
        Some(Command::Who { name: Some(name) }) => {
            let people = nonempty(
                index.find_people(name),
                &format!("no person matches `{name}`"),
            )?;
            query.people = Some(people.clone());
            let rows = views.rows(&index.select(&query));
            renderer.who(out, &views.person_cards(&people), &rows)?;
        }
        Some(Command::Where { name: None }) => {
            let places: Vec<usize> = (0..index.timeline().places.len()).collect();
            renderer.places(out, &views.place_cards(&places))?;
        }
        Some(Command::Where { name: Some(name) }) => {
            let places = nonempty(
                index.find_places(name),
                &format!("no place matches `{name}`"),
            )?;
            query.places = Some(index.places_within(&places));
            let rows = views.rows(&index.select(&query));
            renderer.where_(out, &views.place_cards(&places), &rows)?;
        }
        Some(Command::Periods) => renderer.periods(out, &views.periods())?,
        Some(Command::Show { id }) => {
            let event = index.events().iter().find(|e| e.id == *id).ok_or_else(|| {
                let close = index
                    .events()
                    .iter()
                    .filter(|e| strsim::jaro_winkler(&e.id, id) > 0.85)
                    .map(|e| format!("`{}`", e.id))
                    .take(3)
                    .collect::<Vec<_>>();
                let hint = if close.is_empty() {
                    "; event ids are the last column of the plain output".to_string()
                } else {
                    format!("; did you mean {}?", close.join(" or "))
                };
                Error::NoMatch(format!("no event has the id `{id}`{hint}"))
            })?;
            renderer.detail(out, &views.detail(event))?;
        }
        Some(Command::Check { .. }) => unreachable!("handled before loading"),
    }
    Ok(())
}

fn nonempty(found: Vec<usize>, message: &str) -> Result<Vec<usize>, Error> {
    if found.is_empty() {
        Err(Error::NoMatch(message.to_string()))
    } else {
        Ok(found)
    }
}

/// Validates a timeline and says how much it holds.
fn check(source: &Source, out: &mut dyn Write) -> Result<(), Error> {
    let timeline = load_source(source)?;
    writeln!(
        out,
        "{}: ok: {} events, {} people, {} places, {} periods",
        source.name,
        timeline.events.len(),
        timeline.people.len(),
        timeline.places.len(),
        timeline.periods.len()
    )?;
    Ok(())
}

/// Turns the filter flags into a query, resolving names against the index.
fn query(filters: &FilterArgs, index: &Index) -> Result<Query, Error> {
    let mut range = match (&filters.from, &filters.to) {
        (None, None) => None,
        (from, to) => {
            let first = from.map_or(chrono::NaiveDate::MIN, |d| d.earliest());
            let last = to.map_or(chrono::NaiveDate::MAX, |d| d.latest());
            if let (Some(from), Some(to)) = (from, to)
                && first > last
            {
                return Err(Error::Usage(format!(
                    "--from {from} is after --to {to}; give the earlier date to --from"
                )));
            }
            Some((first, last))
        }
    };
    if let Some(within) = &filters.within {
        let span = match index.period(within) {
            Some(p) => index.timeline().periods[p].span,
            None => Date::parse(within).map_err(|_| {
                let ids: Vec<&str> = index
                    .timeline()
                    .periods
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect();
                Error::Usage(format!(
                    "--in takes a year (e.g. 1917) or a period id ({}), not `{within}`",
                    if ids.is_empty() {
                        "this timeline has none".to_string()
                    } else {
                        ids.join(", ")
                    }
                ))
            })?,
        };
        let (first, last) = range.unwrap_or((chrono::NaiveDate::MIN, chrono::NaiveDate::MAX));
        range = Some((first.max(span.earliest()), last.min(span.latest())));
    }
    let places = match &filters.place {
        Some(name) => {
            let found = nonempty(
                index.find_places(name),
                &format!("no place matches `{name}`"),
            )?;
            Some(index.places_within(&found))
        }
        None => None,
    };
    let people = match &filters.person {
        Some(name) => Some(nonempty(
            index.find_people(name),
            &format!("no person matches `{name}`"),
        )?),
        None => None,
    };
    Ok(Query {
        range,
        places,
        people,
        tag: filters.tag.as_deref().map(fold),
        text: filters.search.as_deref().map(fold),
        reverse: filters.reverse,
        limit: filters.limit,
    })
}
