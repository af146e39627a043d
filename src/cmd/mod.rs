//! The commands, one file each as in xsv's `src/cmd/`: each owns its plain settings and turns
//! them into a view. This module holds the settings the commands share (filters, order and
//! limit), builds the query the filters describe, and runs the command. Nothing here knows
//! clap: the command line is turned into these settings once, in `src/cli/`.

pub mod around;
pub mod browse;
pub mod chart;
pub mod check;
pub mod events;
pub mod export;
pub mod list;
pub mod on;
pub mod periods;
pub mod places;
pub mod schema;
pub mod show;
pub mod stats;
pub mod stays;
pub mod tags;
pub mod template;
pub mod who;

use std::io::Write;

use chrono::NaiveDate;

use crate::config::Config;
use crate::date::Date;
use crate::error::{Error, quote};
use crate::index::{Index, Opened, Query, fold};
use crate::render::{Csv, Format, Json, Markdown, Plain, Renderer, Table};
use crate::suggest::{closest, did_you_mean};
use crate::term::Palette;
use crate::view::Views;

/// What to run: the one list of commands the program matches on. Each carries its settings.
#[derive(Debug, Clone)]
pub enum Command {
    /// The event list (`timeline` without a subcommand).
    List(ListView),
    /// `timeline who`.
    Who(who::WhoSettings),
    /// `timeline where`.
    Where(places::WhereSettings),
    /// `timeline periods`.
    Periods(periods::PeriodsSettings),
    /// `timeline tags`.
    Tags(tags::TagsSettings),
    /// `timeline show`.
    Show(show::ShowSettings),
    /// `timeline check`.
    Check(check::CheckSettings),
    /// `timeline chart`.
    Chart(chart::ChartSettings),
    /// `timeline stats`.
    Stats(stats::StatsSettings),
    /// `timeline stays`.
    Stays(stays::StaysSettings),
    /// `timeline on`.
    On(on::OnSettings),
    /// `timeline around`.
    Around(around::AroundSettings),
    /// `timeline export`.
    Export(export::ExportSettings),
    /// `timeline browse`.
    Browse(browse::BrowseSettings),
    /// `timeline schema`.
    Schema,
    /// `timeline template`.
    Template,
    /// Text the command line makes about itself (`timeline man`, `timeline completions`), from
    /// clap's tree, which only the parser knows: written as it is.
    Print(Vec<u8>),
}

/// Which events: the filters; they combine with AND.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// `--from`: events that end on or after the start of this date.
    pub from: Option<Date>,
    /// `--to`: events that start on or before the end of this date.
    pub to: Option<Date>,
    /// `--in`: years, months, quarters or period ids the events overlap (any of them).
    pub within: Vec<String>,
    /// `--certain`: only the events certainly within the dates asked for.
    pub certain: bool,
    /// `--place`: events at any of these places or within them.
    pub place: Vec<String>,
    /// `--person`: events involving any of these people.
    pub person: Vec<String>,
    /// `--with`: only events that also involve every one of these people.
    pub with: Vec<String>,
    /// `--tag`: events with any of these tags.
    pub tag: Vec<String>,
    /// `--search`: events with every word of this text.
    pub search: Option<String>,
    /// `--key`: only the events marked key.
    pub key: bool,
}

impl Filters {
    /// True when any filter was given.
    pub fn any(&self) -> bool {
        self.from.is_some()
            || self.to.is_some()
            || !self.within.is_empty()
            || self.certain
            || !self.place.is_empty()
            || !self.person.is_empty()
            || !self.with.is_empty()
            || !self.tag.is_empty()
            || self.search.is_some()
            || self.key
    }
}

/// How many and in which order: for every view that lists things.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// `--limit`: show at most this many.
    pub limit: Option<usize>,
    /// `--reverse`: the list's order reversed.
    pub reverse: bool,
}

impl Listing {
    /// Applies `--reverse` and `--limit` to a list in its natural order.
    pub fn apply<T>(&self, mut items: Vec<T>) -> Vec<T> {
        if self.reverse {
            items.reverse();
        }
        if let Some(limit) = self.limit {
            items.truncate(limit);
        }
        items
    }
}

/// The settings of every view that lists things: which events, how many, in which order.
#[derive(Debug, Clone, Default)]
pub struct ListView {
    /// Which events.
    pub filters: Filters,
    /// How many and in which order.
    pub list: Listing,
}

/// What a command works with once the timeline is loaded.
pub struct Context<'a> {
    /// The timeline's index.
    pub index: &'a Index,
    /// The run's settings.
    pub config: &'a Config,
    /// Rows and cards built from the index.
    pub views: Views<'a>,
    /// The renderer of the configured format.
    pub renderer: Box<dyn Renderer>,
}

impl<'a> Context<'a> {
    /// A context over `index` with `config`.
    pub fn new(index: &'a Index, config: &'a Config) -> Context<'a> {
        Context {
            index,
            config,
            views: Views::new(index),
            renderer: renderer(config),
        }
    }

    /// `items` with `--reverse` and `--limit` applied; on a terminal, says on stderr what the
    /// limit left out ("showing 5 of 21 events"), as gh does.
    pub fn limited<T>(&self, list: &Listing, items: Vec<T>, what: &str) -> Vec<T> {
        let total = items.len();
        let kept = list.apply(items);
        if self.config.notes && kept.len() < total {
            crate::error::note(&format!("showing {} of {total} {what}", kept.len()));
        }
        kept
    }

    /// The query the filters describe, names resolved against the index. `--limit` and
    /// `--reverse` are not in it: each view applies them to what it lists ([`Context::limited`]).
    pub fn query(&self, filters: &Filters) -> Result<Query, Error> {
        let query = query(filters, self.index)?;
        // Rows say whether each event certainly falls in the dates asked for.
        self.views.judge_within(query.window());
        Ok(query)
    }
}

/// The renderer for the configured format: the settings it needs, read here, not by it.
fn renderer(config: &Config) -> Box<dyn Renderer> {
    match config.format {
        Format::Table => Box::new(Table {
            width: config.width,
            unicode: config.unicode,
            palette: Palette::new(config.color),
            highlight: config.highlight.clone(),
        }),
        Format::Plain => Box::new(Plain {
            palette: Palette::new(config.color),
            unicode: config.unicode,
        }),
        Format::Json => Box::new(Json { lines: false }),
        Format::Ndjson => Box::new(Json { lines: true }),
        Format::Csv => Box::new(Csv),
        Format::Markdown => Box::new(Markdown),
    }
}

/// Runs `command`, writing the result to `out`.
pub fn run(command: &Command, config: &Config, out: &mut dyn Write) -> Result<(), Error> {
    let (file, cache_dir) = (config.file.as_deref(), config.cache_dir.as_deref());
    match run_over(command, config, out, || Index::open(file, cache_dir)) {
        // The one place a damaged index file is answered. A record that fails its checks is
        // found before anything is written (see `events.rs`), so the command runs again over the
        // timeline parsed from its source, whose cache entry is rewritten.
        Err(Error::DamagedIndex) => {
            run_over(command, config, out, || Index::open_source(file, cache_dir))
        }
        done => done,
    }
}

/// Runs `command` over the timeline `open` gives (called only by the commands that read one).
fn run_over(
    command: &Command,
    config: &Config,
    out: &mut dyn Write,
    open: impl Fn() -> Result<Opened, Error>,
) -> Result<(), Error> {
    // `&*open()?`: the index the opened timeline holds, kept until the command returns.
    match command {
        Command::List(view) => list::run(view, &Context::new(&*open()?, config), out),
        Command::Who(who) => who::run(who, &Context::new(&*open()?, config), out),
        Command::Where(at) => places::run(at, &Context::new(&*open()?, config), out),
        Command::Periods(periods) => periods::run(periods, &Context::new(&*open()?, config), out),
        Command::Tags(tags) => tags::run(tags, &Context::new(&*open()?, config), out),
        Command::Show(show) => show::run(show, &Context::new(&*open()?, config), out),
        Command::Chart(chart) => chart::run(chart, &Context::new(&*open()?, config), out),
        Command::Stats(stats) => stats::run(stats, &Context::new(&*open()?, config), out),
        Command::Stays(stays) => stays::run(stays, &Context::new(&*open()?, config), out),
        Command::On(on) => on::run(on, &Context::new(&*open()?, config), out),
        Command::Around(around) => around::run(around, &Context::new(&*open()?, config), out),
        Command::Export(export) => export::run(export, &Context::new(&*open()?, config), out),
        Command::Browse(browse) => browse::run(browse, &Context::new(&*open()?, config)),
        // Commands about a file or the program itself open no timeline.
        Command::Check(check) => check::run(check, config, out),
        Command::Schema => schema::run(out),
        Command::Template => template::run(out),
        Command::Print(text) => Ok(out.write_all(text)?),
    }
}

/// `found`, or a "nothing matched" error (exit 1) with `message` when it is empty.
pub fn nonempty<T>(found: Vec<T>, message: &str) -> Result<Vec<T>, Error> {
    if found.is_empty() {
        Err(Error::NoMatch(message.to_string()))
    } else {
        Ok(found)
    }
}

/// The people `name` finds (under any spelling [`Index::find_people`] knows), or a "nothing
/// matched" error (exit 1) that offers the closest names: "did you mean `Joseph Stalin`?".
pub fn people_named(index: &Index, name: &str) -> Result<Vec<usize>, Error> {
    let found = index.find_people(name);
    if !found.is_empty() {
        return Ok(found);
    }
    let people = &index.timeline().people;
    let closest = index.suggest_people(name).into_iter();
    Err(no_match(
        "person",
        name,
        closest.map(|p| people[p].name.as_str()),
    ))
}

/// The places `name` finds, or a "nothing matched" error offering the closest, as
/// [`people_named`].
pub fn places_named(index: &Index, name: &str) -> Result<Vec<usize>, Error> {
    let found = index.find_places(name);
    if !found.is_empty() {
        return Ok(found);
    }
    // Under the name it came closest to: `petrogard` suggests Petrograd, not Saint Petersburg.
    let closest = index.suggest_places(name).into_iter();
    Err(no_match("place", name, closest.map(|(_, written)| written)))
}

/// "no KIND matches `NAME`; did you mean `A`, `B` or `C`?": the name cut short and both shown
/// with any control character escaped, since either may come from a file or a hostile argument.
pub fn no_match<'a>(kind: &str, name: &str, closest: impl Iterator<Item = &'a str>) -> Error {
    let closest: Vec<&str> = closest.collect();
    let hint = did_you_mean(&closest);
    Error::NoMatch(format!("no {kind} matches `{}`{hint}", quote(name)))
}

/// Turns the filter flags into a query, resolving names against the index.
pub fn query(filters: &Filters, index: &Index) -> Result<Query, Error> {
    let (range, windows) = windows(filters, index)?;
    if filters.certain && range.is_none() {
        return Err(Error::Usage(
            "--certain keeps the events certainly within the dates asked for; give --from, \
             --to or --in"
                .to_string(),
        ));
    }
    let places = if filters.place.is_empty() {
        None
    } else {
        let mut found = Vec::new();
        for name in &filters.place {
            found.extend(places_named(index, name)?);
        }
        Some(index.places_within(&found))
    };
    let people = if filters.person.is_empty() {
        None
    } else {
        let mut found = Vec::new();
        for name in &filters.person {
            found.extend(people_named(index, name)?);
        }
        Some(found)
    };
    let with = filters
        .with
        .iter()
        .map(|name| people_named(index, name))
        .collect::<Result<Vec<_>, _>>()?;
    let text = match filters.search.as_deref() {
        None => None,
        Some(text) => match crate::search::WordQuery::parse(text) {
            words if words.is_empty() => {
                return Err(Error::Usage(
                    "--search needs a word to look for, and was given none".to_string(),
                ));
            }
            words => Some(words),
        },
    };
    Ok(Query {
        range,
        windows,
        certain: filters.certain,
        places,
        people,
        with,
        tags: filters
            .tag
            .iter()
            .map(|t| tag_group(index, t))
            .collect::<Result<_, _>>()?,
        text,
        key: filters.key,
        ..Query::default()
    })
}

/// The days `--from`, `--to` and `--in` ask for: the range that holds them all, and each
/// `--in` span cut to `--from`/`--to` (none without `--in`).
type Windows = (Option<(NaiveDate, NaiveDate)>, Vec<(NaiveDate, NaiveDate)>);

/// The range and windows of the date filters, refusing a `--from` after the `--to`.
fn windows(filters: &Filters, index: &Index) -> Result<Windows, Error> {
    let range = match (&filters.from, &filters.to) {
        (None, None) => None,
        (from, to) => {
            let first = from.map_or(NaiveDate::MIN, |d| d.earliest());
            let last = to.map_or(NaiveDate::MAX, |d| d.latest());
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
    if filters.within.is_empty() {
        return Ok((range, Vec::new()));
    }
    let (first, last) = range.unwrap_or((NaiveDate::MIN, NaiveDate::MAX));
    let windows = filters
        .within
        .iter()
        .map(|within| {
            let span = within_span(within, index)?;
            Ok((first.max(span.earliest()), last.min(span.latest())))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    // A span --from/--to leave nothing of keeps no event (and is no window to match in).
    let mut windows: Vec<_> = windows.into_iter().filter(|(a, b)| a <= b).collect();
    // Sorted and merged where they overlap or touch, so that an event is looked for in one
    // (by binary search), and one certainly within the four quarters of 1917 is certainly
    // within 1917.
    windows.sort_unstable();
    let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(windows.len());
    for (first, last) in windows {
        match merged.last_mut() {
            Some(previous) if first <= previous.1.succ_opt().unwrap_or(NaiveDate::MAX) => {
                previous.1 = previous.1.max(last);
            }
            _ => merged.push((first, last)),
        }
    }
    let windows = merged;
    // The range holds every window, so the index's binary search still narrows the events.
    let hull = windows
        .iter()
        .fold((NaiveDate::MAX, NaiveDate::MIN), |(lo, hi), &(a, b)| {
            (lo.min(a), hi.max(b))
        });
    Ok((Some(hull), windows))
}

/// The folded tags `--tag` asks for together: one known tag, else tags joined by `+`
/// (`family+death`), each known; an unknown one is a "nothing matched" error naming the
/// closest.
fn tag_group(index: &Index, tag: &str) -> Result<Vec<String>, Error> {
    match known_tag(index, tag) {
        Ok(tag) => Ok(vec![tag]),
        Err(e) => {
            let parts: Vec<&str> = tag.split('+').map(str::trim).collect();
            if parts.len() < 2 || parts.iter().any(|t| t.is_empty()) {
                return Err(e);
            }
            parts.into_iter().map(|t| known_tag(index, t)).collect()
        }
    }
}

/// The folded tag, or a "nothing matched" error naming the closest tags.
fn known_tag(index: &Index, tag: &str) -> Result<String, Error> {
    let folded = fold(tag);
    let tags = index.tag_counts()?;
    if tags.iter().any(|(t, _)| fold(t) == folded) {
        return Ok(folded);
    }
    let close = closest(tag, tags.iter().map(|(t, _)| t.as_str()));
    let hint = if close.is_empty() {
        "; `timeline tags` lists them".to_string()
    } else {
        did_you_mean(&close)
    };
    Err(Error::NoMatch(format!("no tag `{}`{hint}", quote(tag))))
}

/// The span `--in` names: a period by id, else a date such as a year. A word that names no
/// period is a name that finds nothing, as an unknown tag, person or place is: the same "nothing
/// matched" error (exit 1), whatever the flag.
fn within_span(within: &str, index: &Index) -> Result<Date, Error> {
    if let Some(p) = index.period(within) {
        return Ok(index.timeline().periods[p].span);
    }
    crate::date::query_date(within).map_err(|_| {
        let ids = index.timeline().periods.iter().map(|p| p.id.as_str());
        let close = closest(within, ids);
        let hint = if close.is_empty() {
            "; `timeline periods` lists them".to_string()
        } else {
            did_you_mean(&close)
        };
        Error::NoMatch(format!(
            "--in takes a year (1917), a month (Oct 1917), a quarter (1917q4) or a period id, \
             and no period is `{}`{hint}",
            quote(within)
        ))
    })
}
