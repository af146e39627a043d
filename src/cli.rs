//! The command line as clap sees it: the top level, the flag groups the commands share, and the
//! value parsers. Each subcommand's own flags live with it in [`crate::cmd`]; nothing here acts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::ArgValueCompleter;

use crate::date::Date;
use crate::term::ColorChoice;

pub use crate::cmd::export::{ExportArgs, ExportFormat};
pub use crate::cmd::on::{CalendarChoice, MonthDay, OnArgs};

const EXAMPLES: &str = "\
Examples:
  timeline --from 1917 --to 1921            events of the revolution and civil war
  timeline who Kamenev                      Lev and Sergey Kamenev, and their events
  timeline where Petrograd                  the city under all its names
  timeline --in civil-war --tag war         a period, narrowed to a tag
  timeline show birth                       one event in full, in both calendars
  timeline chart --from 1917 --to 1929      periods, homes and events as bars over the years
  timeline on 11-07 -B 3                    what happened on and before 7 November
  timeline export ics -o trotsky.ics        the day-dated events for a calendar program
  timeline --from 1917 --to 1921 | grep -i brest
  timeline --format json | jq '.[].title'

Each command takes only the flags it honours; `timeline COMMAND --help` lists them.
Dates: 1917, 1917-10, 1917-10-25, 1917-22 (summer), 191X, 1900~, 1917-10-25 O.S.
Exit status: 0 found, 1 nothing matched, 2 bad arguments or a bad timeline file.
Environment: TIMELINE_FILE (as --file), NO_COLOR, CLICOLOR_FORCE, COLUMNS, TIMELINE_CACHE=off
(no cache of parsed large YAML files in $XDG_CACHE_HOME/timeline).";

/// Explore the life of Leon Trotsky (or any life in the same file format) from the terminal.
///
/// Lists events in date order, filtered by period, place, person, tag and text. Tables on a
/// terminal, tab-separated lines in a pipe, JSON, CSV or Markdown on request.
#[derive(Debug, Parser)]
#[command(name = "timeline", version, after_help = EXAMPLES, allow_negative_numbers = true)]
pub struct Cli {
    /// What to show; without one, the events that match the filters.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The flags of the event list (the view without a subcommand). Given before a subcommand,
    /// they go to it when it takes them and are refused when it does not.
    #[command(flatten)]
    pub list: ListView,

    /// Flags every command takes, before or after its name.
    #[command(flatten)]
    pub global: GlobalArgs,
}

/// The subcommands, each with the flags it honours.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// People: a card for each person matching NAME, then their events; without NAME, the
    /// people of the matching events with their counts.
    Who(crate::cmd::who::WhoArgs),
    /// Places: a card for each place matching NAME (any historical name), then the events there
    /// and at the places within it; without NAME, the places of the matching events.
    Where(crate::cmd::places::WhereArgs),
    /// The periods the filters touch, with their spans and how many matching events overlap them.
    Periods(crate::cmd::periods::PeriodsArgs),
    /// Every tag of the matching events with how many carry it, most used first.
    Tags(crate::cmd::tags::TagsArgs),
    /// One event in full: both calendars, age, place and its hierarchy, people, source.
    Show(crate::cmd::show::ShowArgs),
    /// Validate a timeline file and report every problem with its line and column.
    Check(crate::cmd::check::CheckArgs),
    /// A picture of the life: periods, places of stay and events along a time axis.
    ///
    /// A bar per period and per place of stay, a row of event ticks, and a histogram of events
    /// per year (per month on a short axis). The axis follows --from/--to/--in; without them it
    /// covers the subject's life. Fits --width; ASCII with --ascii or TERM=dumb.
    Chart(crate::cmd::chart::ChartArgs),
    /// Counts of the matching events: by period, tag, place, person, year and date precision.
    ///
    /// Every tag, the top 10 periods, places and people, the 10 busiest years, and the share of events
    /// dated to the day, month, season, year, decade or century.
    Stats(crate::cmd::stats::StatsArgs),
    /// Events on a day of the year, like calendar(1): today's by default, with how many years ago.
    On(OnArgs),
    /// What life was like around a date: where the subject lived, the periods, their age, and the
    /// events near it (the closest before and after when none are near).
    Around(crate::cmd::around::AroundArgs),
    /// Export the matching events for other tools: TimelineJS, iCalendar, Markdown, CSV or JSON.
    Export(ExportArgs),
    /// Explore the matching events full screen: move, search as you type, open an event, follow
    /// a person or a place (`?` shows the keys).
    Browse(crate::cmd::browse::BrowseArgs),
    /// Print a JSON Schema of the timeline file, for editors and validators.
    Schema,
    /// Print a shell completion script; it completes names, tags and ids from the timeline.
    Completions(crate::cmd::completions::CompletionsArgs),
    /// Print a man page (roff) for timeline(1).
    Man,
}

impl Command {
    /// The command's name as typed, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Who(_) => "who",
            Command::Where(_) => "where",
            Command::Periods(_) => "periods",
            Command::Tags(_) => "tags",
            Command::Show(_) => "show",
            Command::Check(_) => "check",
            Command::Chart(_) => "chart",
            Command::Stats(_) => "stats",
            Command::On(_) => "on",
            Command::Around(_) => "around",
            Command::Export(_) => "export",
            Command::Browse(_) => "browse",
            Command::Schema => "schema",
            Command::Completions(_) => "completions",
            Command::Man => "man",
        }
    }

    /// The flag groups this command takes, to merge the ones given before its name into.
    pub fn groups_mut(&mut self) -> Groups<'_> {
        match self {
            Command::Who(a) => a.view.groups_mut(),
            Command::Where(a) => a.view.groups_mut(),
            Command::Periods(a) => a.view.groups_mut(),
            Command::Tags(a) => a.view.groups_mut(),
            Command::On(a) => a.view.groups_mut(),
            Command::Show(a) => Groups {
                format: Some(&mut a.format),
                layout: Some(&mut a.layout),
                ..Groups::default()
            },
            Command::Chart(a) => Groups {
                filters: Some(&mut a.filters),
                layout: Some(&mut a.layout),
                ..Groups::default()
            },
            Command::Around(a) => Groups {
                format: Some(&mut a.format),
                layout: Some(&mut a.layout),
                ..Groups::default()
            },
            Command::Stats(a) => Groups {
                filters: Some(&mut a.filters),
                format: Some(&mut a.format),
                layout: Some(&mut a.layout),
                ..Groups::default()
            },
            Command::Browse(a) => Groups {
                filters: Some(&mut a.filters),
                ..Groups::default()
            },
            Command::Export(a) => Groups {
                filters: Some(&mut a.filters),
                ..Groups::default()
            },
            Command::Check(_) | Command::Schema | Command::Completions(_) | Command::Man => {
                Groups::default()
            }
        }
    }
}

/// Mutable access to the flag groups a command has; `None` for a group it does not take.
#[derive(Default)]
pub struct Groups<'a> {
    /// Which events.
    pub filters: Option<&'a mut FilterArgs>,
    /// How many and in which order.
    pub list: Option<&'a mut ListArgs>,
    /// The output format.
    pub format: Option<&'a mut FormatArgs>,
    /// Table width and drawing characters.
    pub layout: Option<&'a mut LayoutArgs>,
}

/// The flags of every view that lists things: which events, how many, in which format.
#[derive(Debug, Args, Default, Clone)]
pub struct ListView {
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

impl ListView {
    /// Every group of a list view.
    pub fn groups_mut(&mut self) -> Groups<'_> {
        Groups {
            filters: Some(&mut self.filters),
            list: Some(&mut self.list),
            format: Some(&mut self.format),
            layout: Some(&mut self.layout),
        }
    }
}

/// Flags every command takes, before or after its name.
#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Read this timeline (YAML, or JSON with the same fields) instead of the embedded one; `-`
    /// reads standard input.
    #[arg(
        short = 'f',
        long,
        value_name = "PATH",
        env = "TIMELINE_FILE",
        global = true
    )]
    pub file: Option<PathBuf>,

    /// When to color: tables, plain lines, cards and charts; never JSON, CSV or Markdown.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Never page: output taller than the terminal otherwise goes through $TIMELINE_PAGER, else
    /// $PAGER, else `less -FRX`.
    #[arg(long, global = true)]
    pub no_pager: bool,
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
fn take_switch(later: &mut bool, earlier: bool, flag: &str) -> Result<(), String> {
    if *later && earlier {
        return Err(format!("{flag} is given twice"));
    }
    *later |= earlier;
    Ok(())
}

/// Which events: the filters; they combine with AND.
#[derive(Debug, Args, Default, Clone)]
pub struct FilterArgs {
    /// Events that end on or after the start of DATE (e.g. 1917, 1917-10, 1917-10-25).
    #[arg(long, value_name = "DATE", value_parser = parse_date,
        add = ArgValueCompleter::new(crate::complete::years))]
    pub from: Option<Date>,

    /// Events that start on or before the end of DATE (`--to 1921` runs through 31 Dec 1921).
    #[arg(long, value_name = "DATE", value_parser = parse_date,
        add = ArgValueCompleter::new(crate::complete::years))]
    pub to: Option<Date>,

    /// Events overlapping a year (1917) or a period (its id; see `timeline periods`).
    #[arg(long = "in", value_name = "YEAR|PERIOD",
        add = ArgValueCompleter::new(crate::complete::periods_and_years))]
    pub within: Option<String>,

    /// Events at a place or at the places within it, by any of its names; repeat for any of
    /// several places.
    #[arg(long, value_name = "NAME", value_parser = clap::builder::NonEmptyStringValueParser::new(), add = ArgValueCompleter::new(crate::complete::places))]
    pub place: Vec<String>,

    /// Events involving a person, by any of their names; repeat for any of several people.
    #[arg(short = 'p', long, value_name = "NAME", value_parser = clap::builder::NonEmptyStringValueParser::new(), add = ArgValueCompleter::new(crate::complete::people))]
    pub person: Vec<String>,

    /// Only events that also involve NAME; repeat to ask for all of several people together
    /// (`who Kamenev --with Zinoviev`).
    #[arg(short = 'w', long, value_name = "NAME", value_parser = clap::builder::NonEmptyStringValueParser::new(), add = ArgValueCompleter::new(crate::complete::people))]
    pub with: Vec<String>,

    /// Events with this tag (e.g. exile, war, trial); repeat for any of several tags.
    #[arg(short = 't', long, value_name = "TAG", value_parser = clap::builder::NonEmptyStringValueParser::new(), add = ArgValueCompleter::new(crate::complete::tags))]
    pub tag: Vec<String>,

    /// Events with every word of TEXT in the title, summary, place or people, in any order;
    /// "quoted words" keep a phrase (case and accents do not matter).
    #[arg(short = 's', long, value_name = "TEXT")]
    pub search: Option<String>,
}

impl FilterArgs {
    /// True when any filter was given.
    pub fn any(&self) -> bool {
        !self.given().is_empty()
    }
}

impl FlagGroup for FilterArgs {
    fn given(&self) -> Vec<&'static str> {
        [
            (self.from.is_some(), "--from"),
            (self.to.is_some(), "--to"),
            (self.within.is_some(), "--in"),
            (!self.place.is_empty(), "--place"),
            (!self.person.is_empty(), "--person"),
            (!self.with.is_empty(), "--with"),
            (!self.tag.is_empty(), "--tag"),
            (self.search.is_some(), "--search"),
        ]
        .into_iter()
        .filter_map(|(given, flag)| given.then_some(flag))
        .collect()
    }

    fn take(&mut self, earlier: Self) -> Result<(), String> {
        take_one(&mut self.from, earlier.from, "--from")?;
        take_one(&mut self.to, earlier.to, "--to")?;
        take_one(&mut self.within, earlier.within, "--in")?;
        // Repeatable flags add up wherever they were typed.
        self.place.splice(0..0, earlier.place);
        self.person.splice(0..0, earlier.person);
        self.with.splice(0..0, earlier.with);
        self.tag.splice(0..0, earlier.tag);
        take_one(&mut self.search, earlier.search, "--search")
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

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table sized to the terminal, colored when color is on.
    Table,
    /// Tab-separated lines, no header, no truncation: for grep, sort and cut.
    Plain,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// A Markdown table.
    Markdown,
}

impl Format {
    /// The name as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Plain => "plain",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
        }
    }

    /// True for formats other programs parse, which are never colored.
    pub fn is_data(self) -> bool {
        !matches!(self, Format::Table | Format::Plain)
    }
}

pub(crate) fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|e| e.with_hint())
}

fn parse_limit(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("expected a whole number, 1 or more".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn filters_work_after_a_subcommand() {
        let cli = Cli::try_parse_from(["timeline", "who", "Kamenev", "--from", "1917"]).unwrap();
        let Some(Command::Who(who)) = cli.command else {
            panic!("not `who`")
        };
        assert!(who.view.filters.from.is_some());
        assert_eq!(who.name.as_deref(), Some("Kamenev"));
    }

    #[test]
    fn flags_a_command_does_not_take_are_refused() {
        for args in [
            &["timeline", "show", "birth", "--from", "1930"][..],
            &["timeline", "chart", "--format", "json"],
            &["timeline", "export", "ics", "--format", "json"],
            &["timeline", "schema", "--tag", "war"],
            &["timeline", "completions", "bash", "--limit", "2"],
            &["timeline", "man", "--reverse"],
            &["timeline", "check", "--in", "1917"],
        ] {
            assert!(Cli::try_parse_from(args).is_err(), "{args:?}");
        }
    }

    #[test]
    fn file_and_color_go_before_or_after_any_command() {
        for args in [
            &["timeline", "check", "--file", "x.yaml"][..],
            &["timeline", "--file", "x.yaml", "check"],
            &["timeline", "schema", "--color", "never"],
            &["timeline", "who", "--color", "always", "--file", "x.yaml"],
        ] {
            assert!(Cli::try_parse_from(args).is_ok(), "{args:?}");
        }
    }

    #[test]
    fn bad_values_are_refused() {
        for args in [
            &["timeline", "--from", "abc"][..],
            &["timeline", "--to", "1917-13"],
            &["timeline", "--from", "1917-02-30"],
            &["timeline", "--limit", "-1"],
            &["timeline", "--limit", "0"],
            &["timeline", "--format", "yaml"],
            &["timeline", "on", "13-01"],
            &["timeline", "on", "02-30"],
            &["timeline", "on", "1-1"],
            &["timeline", "on", "-A", "400"],
            &["timeline", "export", "pdf"],
            &["timeline", "export", "ics", "--force"],
            &["timeline", "completions", "tcsh"],
        ] {
            assert!(Cli::try_parse_from(args).is_err(), "{args:?}");
        }
    }
}
