//! The command line as clap sees it: the top level, its subcommands and the flags every command
//! takes. Each subcommand's own flags are in `commands.rs`, the groups they share in `groups.rs`;
//! nothing here acts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use super::commands::{
    AroundArgs, BrowseArgs, ChartArgs, CheckArgs, CompletionsArgs, ExportArgs, OnArgs, PeriodsArgs,
    ShowArgs, StatsArgs, StaysArgs, TagsArgs, WhereArgs, WhoArgs,
};
use super::groups::ListViewArgs;
use crate::term::ColorChoice;

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
Dates: 1917, 1917-10, 1917-10-25, 1917-22 (summer), 191X, 1900~, 1917-10-25 O.S.; on the
command line also 'Oct 1917', '25 October 1917' and quarters such as 1917q4.
A list with dates marks with ~ the events only possibly in them; --certain leaves them out.
Exit status: 0 found, 1 nothing matched or a name names nothing known, 2 bad arguments or a
bad timeline file.
Environment: TIMELINE_FILE (as --file), NO_COLOR, CLICOLOR=0, CLICOLOR_FORCE, COLUMNS,
TIMELINE_PAGER and PAGER, TIMELINE_CACHE=off (no cache of parsed large YAML files in
$XDG_CACHE_HOME/timeline); `timeline man` describes each.";

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
    pub list: ListViewArgs,

    /// Flags every command takes, before or after its name.
    #[command(flatten)]
    pub global: GlobalArgs,
}

/// The subcommands, each with the flags it honours.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// People: a card for each person matching NAME, then their events; without NAME, the
    /// people of the matching events with their counts.
    Who(WhoArgs),
    /// Places: a card for each place matching NAME (any historical name), then the events there
    /// and at the places within it on the event's day; without NAME, the places of the matching
    /// events.
    Where(WhereArgs),
    /// The periods the filters touch, with their spans and how many matching events overlap them.
    Periods(PeriodsArgs),
    /// Every tag of the matching events with how many carry it, most used first.
    Tags(TagsArgs),
    /// One event in full: both calendars, age, place and its hierarchy, people, source.
    Show(ShowArgs),
    /// Validate a timeline file and report every problem with its line and column.
    Check(CheckArgs),
    /// A picture of the life: periods, places of stay and events along a time axis.
    ///
    /// A bar per period and per place of stay, a row of event ticks, and a histogram of events
    /// per year (per month on a short axis). The axis follows --from/--to/--in; without them it
    /// covers the subject's life. Fits --width; ASCII with --ascii or TERM=dumb. With --format
    /// svg, the same chart as an SVG page (A4 landscape) with the key events labelled.
    Chart(ChartArgs),
    /// Counts of the matching events: by period, tag, place, person, year and date precision.
    ///
    /// Every tag, the top 10 periods, places and people, the 10 busiest years, and the share of events
    /// dated to the day, month, season, year, decade or century.
    Stats(StatsArgs),
    /// Where the subject lived, and when: the file's stays, narrowed by dates and places.
    Stays(StaysArgs),
    /// Events on a day of the year, like calendar(1): today's by default, with how many years ago.
    On(OnArgs),
    /// What life was like around a date: where the subject lived, the periods, their age, and the
    /// events near it (the closest before and after when none are near).
    Around(AroundArgs),
    /// Export the matching events for other tools: TimelineJS, iCalendar, Markdown, markwhen, CSV
    /// or JSON. What a format cannot hold is said on stderr.
    Export(ExportArgs),
    /// Explore the matching events full screen: move, search as you type, open an event, follow
    /// a person or a place (`?` shows the keys).
    Browse(BrowseArgs),
    /// Print a JSON Schema of the timeline file, for editors and validators.
    Schema,
    /// Print a commented starter timeline that uses every field; `timeline check` accepts it:
    /// `timeline template > my-life.yaml`.
    Template,
    /// Print a shell completion script; it completes names, tags and ids from the timeline.
    Completions(CompletionsArgs),
    /// Print a man page (roff) for timeline(1).
    Man,
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
    fn on_takes_a_month_day_and_a_window() {
        use crate::anniversary::{CalendarChoice, MonthDay};
        let cli = Cli::try_parse_from(["timeline", "on", "02-29", "-A", "2", "-B", "1"]).unwrap();
        let Some(Command::On(on)) = cli.command else {
            panic!("not `on`")
        };
        assert_eq!(on.day, Some(MonthDay { month: 2, day: 29 }));
        assert_eq!((on.after, on.before), (2, 1));
        assert_eq!(on.calendar, CalendarChoice::Both);
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
