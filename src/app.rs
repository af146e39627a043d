//! One run of the program: flags into a configuration, the timeline into an index, filters into a
//! query, a view into the chosen format. Every error ends in [`main`].

use std::io::{self, BufWriter, IsTerminal, Write};

use chrono::NaiveDate;
use clap::{CommandFactory, Parser};

use crate::anniversary::{on_days, window, window_words};
use crate::chart::{Selection, Style};
use crate::cli::{CalendarChoice, Cli, Command, FilterArgs, OnArgs};
use crate::config::Config;
use crate::date::Date;
use crate::error::Error;
use crate::index::{Index, Query, fold};
use crate::load::{Source, load_source};
use crate::render::renderer;
use crate::stats::Stats;
use crate::term::{Environment, Palette};
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

/// Today in the local time zone: the one place the program reads the clock.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Runs one parsed command line, writing the result to `out`.
pub fn run(cli: &Cli, config: &Config, out: &mut dyn Write) -> Result<(), Error> {
    // Commands about the program itself need no timeline.
    match &cli.command {
        Some(Command::Check { file }) => {
            let source = match file.as_ref().or(config.file.as_ref()) {
                Some(path) => Source::read(path)?,
                None => Source::embedded(),
            };
            return check(&source, out);
        }
        Some(Command::Schema) => {
            serde_json::to_writer_pretty(&mut *out, &crate::schema::schema())
                .map_err(io::Error::from)?;
            writeln!(out)?;
            return Ok(());
        }
        Some(Command::Completions { shell }) => {
            // clap_complete panics when a write fails; a buffer cannot fail, and a closed pipe
            // then ends quietly like any other output.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "timeline", &mut script);
            out.write_all(&script)?;
            return Ok(());
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(Cli::command()).render(out)?;
            return Ok(());
        }
        _ => {}
    }
    let index = crate::cache::open(config.file.as_deref(), config.cache_dir.as_deref())?;
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
            let events = nonempty(
                index.select(&query),
                &format!("`{name}` is in the timeline, but none of their events match the filters"),
            )?;
            renderer.who(out, &views.person_cards(&people), &views.rows(&events))?;
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
            let events = nonempty(
                index.select(&query),
                &format!("`{name}` is in the timeline, but none of its events match the filters"),
            )?;
            renderer.where_(out, &views.place_cards(&places), &views.rows(&events))?;
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
        Some(Command::Chart) => {
            let events = nonempty(index.select(&query), "no events match")?;
            let selection = Selection {
                events: &events,
                range: query.range,
                places: query.places.as_deref(),
            };
            let style = Style {
                width: config.width,
                unicode: config.unicode,
                palette: Palette::new(config.color),
            };
            crate::chart::draw(out, &index, &selection, &style)?;
        }
        Some(Command::Stats) => {
            let events = nonempty(index.select(&query), "no events match")?;
            renderer.stats(out, &Stats::new(&index, &events))?;
        }
        Some(Command::On(args)) => on(args, &index, query, renderer.as_ref(), out)?,
        Some(Command::Export(args)) => {
            let events = nonempty(index.select(&query), "no events match")?;
            crate::export::export(args, &index, &events, out)?;
        }
        Some(Command::Browse) => {
            if cli.output.format.is_some() || cli.output.width.is_some() {
                return Err(Error::Usage(
                    "browse fills the terminal; --format and --width do not apply to it".into(),
                ));
            }
            let events = nonempty(index.select(&query), "no events match")?;
            let options = crate::browse::Options {
                color: config.color,
                unicode: config.unicode,
            };
            crate::browse::run(&index, &events, &options)?;
        }
        Some(
            Command::Check { .. } | Command::Schema | Command::Completions { .. } | Command::Man,
        ) => unreachable!("handled before loading"),
    }
    Ok(())
}

/// `timeline on`: the events on the asked days of the year, with how long ago each was.
fn on(
    args: &OnArgs,
    index: &Index,
    mut query: Query,
    renderer: &dyn crate::render::Renderer,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let today = args.today.unwrap_or_else(today);
    let days = window(today, args.day, args.before, args.after);
    // Order and limit apply to the anniversaries, not to the events they are picked from.
    let (reverse, limit) = (query.reverse, query.limit);
    (query.reverse, query.limit) = (false, None);
    let mut found = on_days(index, &index.select(&query), &days, args.calendar);
    if reverse {
        found.reverse();
    }
    if let Some(limit) = limit {
        found.truncate(limit);
    }
    if found.is_empty() {
        let calendar = match args.calendar {
            CalendarChoice::Gregorian => "",
            CalendarChoice::Julian => " (Old Style)",
        };
        return Err(Error::NoMatch(format!(
            "no events known to the day fall on {}{calendar}",
            window_words(&days)
        )));
    }
    renderer.anniversaries(out, &found)?;
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
        text: filters
            .search
            .as_deref()
            .map(crate::search::WordQuery::parse),
        reverse: filters.reverse,
        limit: filters.limit,
    })
}
