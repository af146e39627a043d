//! The commands, one file each as in xsv's `src/cmd/`: each owns its flags and turns them into a
//! view. This module hands flags given before a subcommand to it, builds the query the filters
//! describe, and runs the command.

pub mod around;
pub mod browse;
pub mod chart;
pub mod check;
pub mod completions;
pub mod events;
pub mod export;
pub mod list;
pub mod man;
pub mod on;
pub mod periods;
pub mod places;
pub mod schema;
pub mod show;
pub mod stats;
pub mod tags;
pub mod who;

use std::io::Write;

use chrono::NaiveDate;
use clap::CommandFactory;

use crate::cache::Access;
use crate::cli::{Cli, Command, FilterArgs, FlagGroup, LayoutArgs, ListArgs, ListView};
use crate::config::{Config, Output};
use crate::date::Date;
use crate::error::{Error, quote};
use crate::index::{Index, Query, fold};
use crate::render::{Renderer, renderer};
use crate::suggest::{closest, did_you_mean};
use crate::view::Views;

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
    pub fn limited<T>(&self, list: &ListArgs, items: Vec<T>, what: &str) -> Vec<T> {
        let total = items.len();
        let kept = list.apply(items);
        if self.config.notes && kept.len() < total {
            crate::error::note(&format!("showing {} of {total} {what}", kept.len()));
        }
        kept
    }

    /// The query the filters describe, names resolved against the index. `--limit` and
    /// `--reverse` are not in it: each view applies them to what it lists ([`Context::limited`]).
    pub fn query(&self, filters: &FilterArgs) -> Result<Query, Error> {
        query(filters, self.index)
    }
}

/// Hands the flags given before the subcommand's name to the subcommand, refusing those it does
/// not take: `timeline --from 1917 who Kamenev` is `timeline who Kamenev --from 1917`, and
/// `timeline --limit 3 show birth` is an error naming `show`.
pub fn resolve(mut cli: Cli) -> Result<Cli, Error> {
    let Some(command) = cli.command.as_mut() else {
        return Ok(cli);
    };
    let name = command.name();
    let earlier = std::mem::take(&mut cli.list);
    let groups = command.groups_mut();
    let refuse = |flags: Vec<&'static str>| -> Result<(), Error> {
        match flags.first() {
            None => Ok(()),
            Some(flag) => Err(not_taken(name, flag)),
        }
    };
    let usage = |e: String| Error::Usage(format!("timeline {name}: {e}"));
    match groups.filters {
        Some(group) => group.take(earlier.filters).map_err(usage)?,
        None => refuse(earlier.filters.given())?,
    }
    match groups.list {
        Some(group) => group.take(earlier.list).map_err(usage)?,
        None => refuse(earlier.list.given())?,
    }
    match groups.format {
        Some(group) => group.take(earlier.format).map_err(usage)?,
        None => refuse(earlier.format.given())?,
    }
    match groups.layout {
        Some(group) => group.take(earlier.layout).map_err(usage)?,
        None => refuse(earlier.layout.given())?,
    }
    Ok(cli)
}

/// The error for a flag a command does not take, naming the commands that do.
pub fn not_taken(command: &str, flag: &str) -> Error {
    let long = flag.trim_start_matches('-');
    let root = Cli::command();
    let mut takers: Vec<String> = Vec::new();
    if root
        .get_arguments()
        .any(|a| a.get_long() == Some(long) && !a.is_global_set())
    {
        takers.push("the event list (no command)".to_string());
    }
    for sub in root.get_subcommands() {
        if sub.get_arguments().any(|a| a.get_long() == Some(long)) {
            takers.push(sub.get_name().to_string());
        }
    }
    let hint = if takers.is_empty() {
        String::new()
    } else {
        format!("; it works with {}", takers.join(", "))
    };
    Error::Usage(format!(
        "`timeline {command}` does not take {flag} (see `timeline {command} --help`){hint}"
    ))
}

/// How the command's output is shaped, for [`Config::new`].
pub fn output_of(cli: &Cli) -> (Output, LayoutArgs) {
    let view = |v: &ListView| (Output::View(v.format.format), v.layout.clone());
    match &cli.command {
        None => view(&cli.list),
        Some(Command::Who(a)) => view(&a.view),
        Some(Command::Where(a)) => view(&a.view),
        Some(Command::Periods(a)) => view(&a.view),
        Some(Command::Tags(a)) => view(&a.view),
        Some(Command::On(a)) => view(&a.view),
        Some(Command::Show(a)) => (Output::View(a.format.format), a.layout.clone()),
        Some(Command::Stats(a)) => (Output::View(a.format.format), a.layout.clone()),
        Some(Command::Around(a)) => (Output::View(a.format.format), a.layout.clone()),
        Some(Command::Chart(a)) => (Output::Picture, a.layout.clone()),
        Some(Command::Browse(_)) => (Output::Screen, LayoutArgs::default()),
        Some(Command::Check(_)) => (Output::Report, LayoutArgs::default()),
        Some(Command::Export(_) | Command::Schema | Command::Completions(_) | Command::Man) => {
            (Output::Data, LayoutArgs::default())
        }
    }
}

/// The `--search` text of the command, for highlighting.
pub fn search_of(cli: &Cli) -> Option<&str> {
    let filters = match &cli.command {
        None => &cli.list.filters,
        Some(Command::Who(a)) => &a.view.filters,
        Some(Command::Where(a)) => &a.view.filters,
        Some(Command::On(a)) => &a.view.filters,
        _ => return None,
    };
    filters.search.as_deref()
}

/// Runs a resolved command line, writing the result to `out`.
pub fn run(cli: &Cli, config: &Config, out: &mut dyn Write) -> Result<(), Error> {
    // Commands about the program itself need no timeline.
    match &cli.command {
        Some(Command::Check(args)) => return check::run(args, config, out),
        Some(Command::Schema) => return schema::run(out),
        Some(Command::Completions(args)) => return completions::run(args, out),
        Some(Command::Man) => return man::run(out),
        _ => {}
    }
    match run_over(cli, config, out, access_of(cli)) {
        // A mapped record that failed its checks is found before anything is written: the
        // timeline is opened again whole, parsed from its source if the entry will not decode.
        Err(Error::DamagedIndex) => run_over(cli, config, out, Access::All),
        done => done,
    }
}

/// How much of the events the command needs: the event list and `who` only the events they
/// select (`--tag` checks the tag against every event's, so it needs them all).
fn access_of(cli: &Cli) -> Access {
    let selected = |filters: &FilterArgs| {
        if filters.tag.is_empty() {
            Access::Selected
        } else {
            Access::All
        }
    };
    match &cli.command {
        None => selected(&cli.list.filters),
        Some(Command::Who(args)) => selected(&args.view.filters),
        Some(_) => Access::All,
    }
}

/// Runs a command that needs the timeline, opened for `access`.
fn run_over(cli: &Cli, config: &Config, out: &mut dyn Write, access: Access) -> Result<(), Error> {
    let index = crate::cache::open(config.file.as_deref(), config.cache_dir.as_deref(), access)?;
    let ctx = Context::new(&index, config);
    match &cli.command {
        None => list::run(&cli.list, &ctx, out),
        Some(Command::Who(args)) => who::run(args, &ctx, out),
        Some(Command::Where(args)) => places::run(args, &ctx, out),
        Some(Command::Periods(args)) => periods::run(args, &ctx, out),
        Some(Command::Tags(args)) => tags::run(args, &ctx, out),
        Some(Command::Show(args)) => show::run(args, &ctx, out),
        Some(Command::Chart(args)) => chart::run(args, &ctx, out),
        Some(Command::Stats(args)) => stats::run(args, &ctx, out),
        Some(Command::On(args)) => on::run(args, &ctx, out),
        Some(Command::Around(args)) => around::run(args, &ctx, out),
        Some(Command::Export(args)) => export::run(args, &ctx, out),
        Some(Command::Browse(args)) => browse::run(args, &ctx),
        Some(Command::Check(_) | Command::Schema | Command::Completions(_) | Command::Man) => {
            unreachable!("handled before loading")
        }
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
/// matched" error (exit 1) that offers the closest names: "did you mean Joseph Stalin?".
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
    let places = &index.timeline().places;
    let closest = index.suggest_places(name).into_iter();
    Err(no_match(
        "place",
        name,
        closest.map(|p| places[p].name.as_str()),
    ))
}

/// "no KIND matches `NAME`; did you mean A, B or C?": the name cut short and both shown with
/// any control character escaped, since either may come from a file or a hostile argument.
pub fn no_match<'a>(kind: &str, name: &str, closest: impl Iterator<Item = &'a str>) -> Error {
    let closest: Vec<String> = closest
        .map(|c| crate::error::visible(c).into_owned())
        .collect();
    let hint = match closest.as_slice() {
        [] => String::new(),
        [only] => format!("; did you mean {only}?"),
        [first @ .., last] => format!("; did you mean {} or {last}?", first.join(", ")),
    };
    Error::NoMatch(format!("no {kind} matches `{}`{hint}", quote(name)))
}

/// Turns the filter flags into a query, resolving names against the index.
pub fn query(filters: &FilterArgs, index: &Index) -> Result<Query, Error> {
    let mut range = match (&filters.from, &filters.to) {
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
    if let Some(within) = &filters.within {
        let span = within_span(within, index)?;
        let (first, last) = range.unwrap_or((NaiveDate::MIN, NaiveDate::MAX));
        range = Some((first.max(span.earliest()), last.min(span.latest())));
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
    Ok(Query {
        range,
        places,
        people,
        with,
        tags: filters
            .tag
            .iter()
            .map(|t| known_tag(index, t))
            .collect::<Result<_, _>>()?,
        text: filters
            .search
            .as_deref()
            .map(crate::search::WordQuery::parse),
        ..Query::default()
    })
}

/// The folded tag, or a "nothing matched" error naming the closest tags.
fn known_tag(index: &Index, tag: &str) -> Result<String, Error> {
    let folded = fold(tag);
    let tags = index.tag_counts();
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

/// The span `--in` names: a period by id, else a date such as a year.
fn within_span(within: &str, index: &Index) -> Result<Date, Error> {
    if let Some(p) = index.period(within) {
        return Ok(index.timeline().periods[p].span);
    }
    Date::parse(within).map_err(|_| {
        let ids = index.timeline().periods.iter().map(|p| p.id.as_str());
        let close = closest(within, ids);
        let hint = if close.is_empty() {
            "; `timeline periods` lists them".to_string()
        } else {
            did_you_mean(&close)
        };
        Error::Usage(format!(
            "--in takes a year (e.g. 1917) or a period id, not `{}`{hint}",
            quote(within)
        ))
    })
}
