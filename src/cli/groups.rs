//! The flag groups the commands share (filters, dates and places, list, format, layout), what a
//! command's flags settle into ([`CommandArgs`]), and how flags typed before a subcommand's name
//! are handed to it ([`ListViewArgs::hand_to`]).

use clap::Args;
use clap_complete::ArgValueCompleter;

use super::values::{parse_date, parse_limit};
use crate::cmd::{self, Filters, ListView, Listing};
use crate::config::Output;
use crate::date::Date;
use crate::error::Error;
use crate::render::Format;

/// What a command's flags give: the groups it takes and the plain command they settle into.
pub(super) trait CommandArgs {
    /// What kind of output the command writes.
    const OUTPUT: Output;

    /// What kind of output these flags ask for: [`Self::OUTPUT`] unless a flag changes it
    /// (`chart --format svg` writes data).
    fn output(&self) -> Output {
        Self::OUTPUT
    }

    /// The flag groups this command takes, to merge the ones given before its name into.
    fn groups_mut(&mut self) -> Groups<'_> {
        Groups::default()
    }

    /// The plain command, with its settings.
    fn into_command(self) -> Result<cmd::Command, Error>;
}

/// Mutable access to the flag groups a command has; `None` for a group it does not take.
#[derive(Default)]
pub struct Groups<'a> {
    /// Which events.
    pub filters: Option<&'a mut FilterArgs>,
    /// Only the dates and places of the filters, for a view of other things than events.
    pub window: Option<&'a mut WindowArgs>,
    /// How many and in which order.
    pub list: Option<&'a mut ListArgs>,
    /// The output format.
    pub format: Option<&'a mut FormatArgs>,
    /// Table width and drawing characters.
    pub layout: Option<&'a mut LayoutArgs>,
    /// `--key` alone, for a command that takes it without the other filters (`around`).
    pub key: Option<&'a mut bool>,
}

/// The flags of every view that lists things: which events, how many, in which format.
#[derive(Debug, Args, Default, Clone)]
pub struct ListViewArgs {
    /// Which events.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// How many and in which order.
    #[command(flatten)]
    pub list: ListArgs,
    /// The output format.
    #[command(flatten)]
    pub format: FormatArgs,
    /// Table width and drawing characters.
    #[command(flatten)]
    pub layout: LayoutArgs,
}

impl ListViewArgs {
    /// The plain settings of a list view (its format and layout go to the run's choices).
    pub fn into_view(self) -> ListView {
        ListView {
            filters: self.filters.into_filters(),
            list: self.list.into_listing(),
        }
    }

    /// Hands these flags, given before the name of the subcommand `name`, to that subcommand's
    /// `groups`, refusing those it does not take: `timeline --from 1917 who Kamenev` is
    /// `timeline who Kamenev --from 1917`, and `timeline --limit 3 show birth` is an error
    /// naming `show`.
    pub fn hand_to(self, groups: Groups<'_>, name: &str) -> Result<(), Error> {
        let refuse = |flags: Vec<&'static str>| -> Result<(), Error> {
            match flags.first() {
                None => Ok(()),
                Some(flag) => Err(super::not_taken(name, flag)),
            }
        };
        let usage = |e: String| Error::Usage(format!("timeline {name}: {e}"));
        let mut filters = self.filters;
        if let Some(key) = groups.key {
            take_switch(key, std::mem::take(&mut filters.key), "--key").map_err(usage)?;
        }
        match (groups.filters, groups.window) {
            (Some(group), _) => group.take(filters).map_err(usage)?,
            (None, Some(group)) => {
                let (window, rest) = WindowArgs::split(filters);
                refuse(rest.given())?;
                group.take(window).map_err(usage)?;
            }
            (None, None) => refuse(filters.given())?,
        }
        match groups.list {
            Some(group) => group.take(self.list).map_err(usage)?,
            None => refuse(self.list.given())?,
        }
        match groups.format {
            Some(group) => group.take(self.format).map_err(usage)?,
            None => refuse(self.format.given())?,
        }
        match groups.layout {
            Some(group) => group.take(self.layout).map_err(usage)?,
            None => refuse(self.layout.given())?,
        }
        Ok(())
    }
}

/// The event list (no subcommand) takes every group.
impl CommandArgs for ListViewArgs {
    const OUTPUT: Output = Output::View;

    fn groups_mut(&mut self) -> Groups<'_> {
        Groups {
            filters: Some(&mut self.filters),
            list: Some(&mut self.list),
            format: Some(&mut self.format),
            layout: Some(&mut self.layout),
            key: None,
            window: None,
        }
    }

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(cmd::Command::List(self.into_view()))
    }
}

/// A flag group that was given before a subcommand and must be handed to it.
pub trait FlagGroup {
    /// The flags of the group that were given, as typed (`--from`).
    fn given(&self) -> Vec<&'static str>;
    /// Takes over the flags given in `earlier`; a flag given in both places is an error.
    fn take(&mut self, earlier: Self) -> Result<(), String>;
}

/// Moves `earlier` into `later` unless `later` has it too.
fn take_one<T>(later: &mut Option<T>, earlier: Option<T>, flag: &str) -> Result<(), String> {
    match (later.is_some(), earlier) {
        (true, Some(_)) => Err(format!("{flag} is given twice")),
        (false, Some(value)) => {
            *later = Some(value);
            Ok(())
        }
        (_, None) => Ok(()),
    }
}

/// Moves a switch given earlier into `later`.
pub(super) fn take_switch(later: &mut bool, earlier: bool, flag: &str) -> Result<(), String> {
    if *later && earlier {
        return Err(format!("{flag} is given twice"));
    }
    *later |= earlier;
    Ok(())
}

/// Which events: the filters; they combine with AND.
#[derive(Debug, Args, Default, Clone)]
pub struct FilterArgs {
    /// Events that end on or after the start of DATE (e.g. 1917, 1917-10, 'Oct 1917',
    /// 1917-10-25, 1917q4).
    #[arg(long, value_name = "DATE", value_parser = parse_date,
        add = ArgValueCompleter::new(crate::cli::complete::years))]
    pub from: Option<Date>,

    /// Events that start on or before the end of DATE (`--to 1921` runs through 31 Dec 1921,
    /// `--to 'Nov 1917'` through 30 Nov 1917).
    #[arg(long, value_name = "DATE", value_parser = parse_date,
        add = ArgValueCompleter::new(crate::cli::complete::years))]
    pub to: Option<Date>,

    /// Events overlapping a year (1917), a month ('Oct 1917'), a quarter (1917q4) or a period
    /// (its id; see `timeline periods`); repeat for any of several.
    #[arg(long = "in", value_name = "YEAR|PERIOD",
        value_parser = clap::builder::NonEmptyStringValueParser::new(),
        add = ArgValueCompleter::new(crate::cli::complete::periods_and_years))]
    pub within: Vec<String>,

    /// Only the events certainly within the dates asked for (--from, --to, --in): an event
    /// dated more coarsely than them (a year, for a month asked) only possibly is, and is
    /// otherwise listed marked `~`.
    #[arg(long)]
    pub certain: bool,

    /// Events at a place or at the places within it on the event's day, by any of its names;
    /// repeat for any of several places.
    #[arg(long, value_name = "NAME", value_parser = clap::builder::NonEmptyStringValueParser::new(), add = ArgValueCompleter::new(crate::cli::complete::places))]
    pub place: Vec<String>,

    /// Events involving a person, by any of their names; repeat for any of several people.
    #[arg(short = 'p', long, value_name = "NAME", value_parser = clap::builder::NonEmptyStringValueParser::new(), add = ArgValueCompleter::new(crate::cli::complete::people))]
    pub person: Vec<String>,

    /// Only events that also involve NAME; repeat to ask for all of several people together
    /// (`who Kamenev --with Zinoviev`).
    #[arg(short = 'w', long, value_name = "NAME", value_parser = clap::builder::NonEmptyStringValueParser::new(), add = ArgValueCompleter::new(crate::cli::complete::people))]
    pub with: Vec<String>,

    /// Events with this tag (e.g. exile, war, trial); repeat for any of several tags; join
    /// tags with `+` for events carrying all of them (`--tag family+death`).
    #[arg(short = 't', long, value_name = "TAG", value_parser = clap::builder::NonEmptyStringValueParser::new(), add = ArgValueCompleter::new(crate::cli::complete::tags))]
    pub tag: Vec<String>,

    /// Events with every word of TEXT in the title, summary, place or people, in any order;
    /// "quoted words" keep a phrase (case and accents do not matter).
    #[arg(short = 's', long, value_name = "TEXT",
        value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub search: Option<String>,

    /// Only the key events: the turning points the timeline marks `key: true`.
    #[arg(short = 'k', long)]
    pub key: bool,
}

impl FilterArgs {
    /// The plain filters.
    pub fn into_filters(self) -> Filters {
        Filters {
            from: self.from,
            to: self.to,
            within: self.within,
            certain: self.certain,
            place: self.place,
            person: self.person,
            with: self.with,
            tag: self.tag,
            search: self.search,
            key: self.key,
        }
    }
}

impl FlagGroup for FilterArgs {
    fn given(&self) -> Vec<&'static str> {
        [
            // --certain first: it is the one a command without dates is refused for naming.
            (self.certain, "--certain"),
            (self.from.is_some(), "--from"),
            (self.to.is_some(), "--to"),
            (!self.within.is_empty(), "--in"),
            (!self.place.is_empty(), "--place"),
            (!self.person.is_empty(), "--person"),
            (!self.with.is_empty(), "--with"),
            (!self.tag.is_empty(), "--tag"),
            (self.search.is_some(), "--search"),
            (self.key, "--key"),
        ]
        .into_iter()
        .filter_map(|(given, flag)| given.then_some(flag))
        .collect()
    }

    fn take(&mut self, earlier: Self) -> Result<(), String> {
        take_one(&mut self.from, earlier.from, "--from")?;
        take_one(&mut self.to, earlier.to, "--to")?;
        take_switch(&mut self.certain, earlier.certain, "--certain")?;
        // Repeatable flags add up wherever they were typed.
        self.within.splice(0..0, earlier.within);
        self.place.splice(0..0, earlier.place);
        self.person.splice(0..0, earlier.person);
        self.with.splice(0..0, earlier.with);
        self.tag.splice(0..0, earlier.tag);
        take_one(&mut self.search, earlier.search, "--search")?;
        take_switch(&mut self.key, earlier.key, "--key")
    }
}

/// The filters that are about dates and places, for a view of things other than events
/// (`timeline stays`): the rest of [`FilterArgs`] would not shape it.
#[derive(Debug, Args, Default, Clone)]
pub struct WindowArgs {
    /// Those that end on or after the start of DATE (e.g. 1917, 1917-10, 1917-10-25).
    #[arg(long, value_name = "DATE", value_parser = parse_date,
        add = ArgValueCompleter::new(crate::cli::complete::years))]
    pub from: Option<Date>,

    /// Those that start on or before the end of DATE (`--to 1921` runs through 31 Dec 1921).
    #[arg(long, value_name = "DATE", value_parser = parse_date,
        add = ArgValueCompleter::new(crate::cli::complete::years))]
    pub to: Option<Date>,

    /// Those overlapping a year (1917), a month ('Oct 1917'), a quarter (1917q4) or a period
    /// (its id; see `timeline periods`); repeat for any of several.
    #[arg(long = "in", value_name = "YEAR|PERIOD",
        value_parser = clap::builder::NonEmptyStringValueParser::new(),
        add = ArgValueCompleter::new(crate::cli::complete::periods_and_years))]
    pub within: Vec<String>,

    /// Those at a place or within it when they began, by any of its names; repeat for any of
    /// several places.
    #[arg(long, value_name = "NAME", value_parser = clap::builder::NonEmptyStringValueParser::new(), add = ArgValueCompleter::new(crate::cli::complete::places))]
    pub place: Vec<String>,
}

impl WindowArgs {
    /// The dates and places of `filters`, and the rest of them (any filter added later stays
    /// in the rest, to be refused).
    pub(super) fn split(mut filters: FilterArgs) -> (WindowArgs, FilterArgs) {
        let window = WindowArgs {
            from: filters.from.take(),
            to: filters.to.take(),
            within: std::mem::take(&mut filters.within),
            place: std::mem::take(&mut filters.place),
        };
        (window, filters)
    }

    /// The plain filters, with only dates and places.
    pub fn into_filters(self) -> Filters {
        Filters {
            from: self.from,
            to: self.to,
            within: self.within,
            place: self.place,
            ..Filters::default()
        }
    }
}

impl FlagGroup for WindowArgs {
    fn given(&self) -> Vec<&'static str> {
        [
            (self.from.is_some(), "--from"),
            (self.to.is_some(), "--to"),
            (!self.within.is_empty(), "--in"),
            (!self.place.is_empty(), "--place"),
        ]
        .into_iter()
        .filter_map(|(given, flag)| given.then_some(flag))
        .collect()
    }

    fn take(&mut self, earlier: Self) -> Result<(), String> {
        take_one(&mut self.from, earlier.from, "--from")?;
        take_one(&mut self.to, earlier.to, "--to")?;
        self.within.splice(0..0, earlier.within);
        self.place.splice(0..0, earlier.place);
        Ok(())
    }
}

/// How many and in which order: for every view that lists things.
#[derive(Debug, Args, Default, Clone)]
pub struct ListArgs {
    /// Show at most N (events, people, places or periods: what the view lists).
    #[arg(short = 'n', long, value_name = "N", value_parser = parse_limit)]
    pub limit: Option<usize>,

    /// The other way round: newest events first; the list's order reversed in who, where and
    /// periods.
    #[arg(short = 'r', long)]
    pub reverse: bool,
}

impl FlagGroup for ListArgs {
    fn given(&self) -> Vec<&'static str> {
        [
            (self.limit.is_some(), "--limit"),
            (self.reverse, "--reverse"),
        ]
        .into_iter()
        .filter_map(|(given, flag)| given.then_some(flag))
        .collect()
    }

    fn take(&mut self, earlier: Self) -> Result<(), String> {
        take_one(&mut self.limit, earlier.limit, "--limit")?;
        take_switch(&mut self.reverse, earlier.reverse, "--reverse")
    }
}

impl ListArgs {
    /// The plain order and limit.
    pub fn into_listing(self) -> Listing {
        Listing {
            limit: self.limit,
            reverse: self.reverse,
        }
    }
}

/// The output format of a view that can be written as data.
#[derive(Debug, Args, Default, Clone)]
pub struct FormatArgs {
    /// Output format [default: table on a terminal, plain in a pipe].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
}

impl FlagGroup for FormatArgs {
    fn given(&self) -> Vec<&'static str> {
        self.format.iter().map(|_| "--format").collect()
    }

    fn take(&mut self, earlier: Self) -> Result<(), String> {
        take_one(&mut self.format, earlier.format, "--format")
    }
}

/// How tables and charts are drawn.
#[derive(Debug, Args, Default, Clone)]
pub struct LayoutArgs {
    /// Draw tables this many columns wide [default: COLUMNS, else the terminal's width, else 80];
    /// asks for a table even in a pipe.
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,

    /// Draw tables and charts with ASCII only (as on TERM=dumb); asks for a table even in a pipe.
    #[arg(long)]
    pub ascii: bool,
}

impl FlagGroup for LayoutArgs {
    fn given(&self) -> Vec<&'static str> {
        [(self.width.is_some(), "--width"), (self.ascii, "--ascii")]
            .into_iter()
            .filter_map(|(given, flag)| given.then_some(flag))
            .collect()
    }

    fn take(&mut self, earlier: Self) -> Result<(), String> {
        take_one(&mut self.width, earlier.width, "--width")?;
        take_switch(&mut self.ascii, earlier.ascii, "--ascii")
    }
}
