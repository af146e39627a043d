//! The command line as clap sees it: flags, subcommands and their help. Nothing here acts; see
//! [`crate::config`] for what the flags become.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::date::Date;
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

    /// Filters that narrow the events.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// People: a card for each person matching NAME, then their events; all people without NAME.
    Who {
        /// A name, surname, alias or pseudonym; case and accents do not matter.
        name: Option<String>,
    },
    /// Places: a card for each place matching NAME (any historical name), then the events there
    /// and at the places within it; all places without NAME.
    Where {
        /// A place name, old or new; case and accents do not matter.
        name: Option<String>,
    },
    /// The periods of the life, with their spans and event counts.
    Periods,
    /// One event in full: both calendars, age, place and its hierarchy, people, source.
    Show {
        /// The event's id (see the last column of the plain output, or `--format json`).
        id: String,
    },
    /// Validate a timeline file and report every problem with its line and column.
    Check {
        /// The file to check; the embedded timeline (or --file) without it.
        file: Option<PathBuf>,
    },
    /// A picture of the life: periods, places of stay and events along a time axis.
    ///
    /// A bar per period and per place of stay, a row of event ticks, and a histogram of events
    /// per year (per month on a short axis). The axis follows --from/--to/--in; without them it
    /// covers the subject's life. Fits --width; ASCII with --ascii or TERM=dumb.
    Chart,
    /// Counts of the matching events: by period, tag, place, person, year and date precision.
    ///
    /// The top 10 periods, tags, places and people, the 10 busiest years, and the share of events
    /// dated to the day, month, season, year, decade or century.
    Stats,
    /// Events on a day of the year, like calendar(1): today's by default, with how many years ago.
    On(OnArgs),
    /// Export the matching events for other tools: TimelineJS, iCalendar, Markdown, CSV or JSON.
    Export(ExportArgs),
    /// Explore the matching events full screen: move, search as you type, open an event, follow
    /// a person or a place (`?` shows the keys).
    Browse,
    /// Print a JSON Schema of the timeline file, for editors and validators.
    Schema,
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff) for timeline(1).
    Man,
}

/// The day and window of `timeline on`.
#[derive(Debug, Args)]
pub struct OnArgs {
    /// The day of the year as MM-DD (e.g. 11-07) [default: today].
    #[arg(value_name = "MM-DD", value_parser = parse_month_day)]
    pub day: Option<MonthDay>,

    /// Also show events up to DAYS days after the day (wrapping past 31 December).
    #[arg(short = 'A', long = "after", value_name = "DAYS", default_value_t = 0, value_parser = parse_window)]
    pub after: u32,

    /// Also show events up to DAYS days before the day (wrapping past 1 January).
    #[arg(short = 'B', long = "before", value_name = "DAYS", default_value_t = 0, value_parser = parse_window)]
    pub before: u32,

    /// The calendar the day is read in: Old Style events match their Julian day with `julian`.
    #[arg(long, value_enum, value_name = "CALENDAR", default_value_t = CalendarChoice::Gregorian)]
    pub calendar: CalendarChoice,

    /// Take this day (YYYY-MM-DD) as today, for reproducible output.
    #[arg(long, value_name = "DATE", value_parser = parse_today, hide = true)]
    pub today: Option<chrono::NaiveDate>,
}

/// A month and a day of the month, as `timeline on` takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthDay {
    /// 1–12.
    pub month: u32,
    /// 1–31, valid for the month in a leap year.
    pub day: u32,
}

/// The calendar `timeline on` matches days in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarChoice {
    /// New Style: every event on its Gregorian day.
    Gregorian,
    /// Old Style: every event on its Julian day (as Russia counted before February 1918).
    Julian,
}

/// What `timeline export` writes and where.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to export.
    #[arg(value_enum, id = "export_format", value_name = "FORMAT")]
    pub format: ExportFormat,

    /// Write to FILE instead of standard output; an existing FILE is kept unless --force.
    #[arg(short = 'o', long = "output", id = "output_file", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite the -o FILE if it exists.
    #[arg(long, requires = "output_file")]
    pub force: bool,

    /// iCalendar only: repeat each event every year on its day (RRULE:FREQ=YEARLY).
    #[arg(long)]
    pub anniversaries: bool,
}

/// Formats `timeline export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// TimelineJS 3 JSON, with eras from the periods.
    Timelinejs,
    /// iCalendar (RFC 5545): one all-day event per event known to the day.
    Ics,
    /// A Markdown document: a section per period, a bullet per event.
    Markdown,
    /// RFC 4180 CSV, as `--format csv`.
    Csv,
    /// One JSON document, as `--format json`.
    Json,
}

/// Filters shared by every listing; they combine with AND.
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Events that end on or after the start of DATE (e.g. 1917, 1917-10, 1917-10-25).
    #[arg(long, value_name = "DATE", value_parser = parse_date, global = true)]
    pub from: Option<Date>,

    /// Events that start on or before the end of DATE (`--to 1921` runs through 31 Dec 1921).
    #[arg(long, value_name = "DATE", value_parser = parse_date, global = true)]
    pub to: Option<Date>,

    /// Events within a year (1917) or a period (its id; see `timeline periods`).
    #[arg(long = "in", value_name = "YEAR|PERIOD", global = true)]
    pub within: Option<String>,

    /// Events at a place or at the places within it, by any of its names.
    #[arg(long, value_name = "NAME", global = true)]
    pub place: Option<String>,

    /// Events involving a person, by any of their names.
    #[arg(long, value_name = "NAME", global = true)]
    pub person: Option<String>,

    /// Events with this tag (e.g. exile, war, trial).
    #[arg(long, value_name = "TAG", global = true)]
    pub tag: Option<String>,

    /// Events with every word of TEXT in the title, summary, place or people, in any order;
    /// "quoted words" keep a phrase (case and accents do not matter).
    #[arg(long, value_name = "TEXT", global = true)]
    pub search: Option<String>,

    /// Show at most N events.
    #[arg(long, value_name = "N", value_parser = parse_limit, global = true)]
    pub limit: Option<usize>,

    /// Newest first.
    #[arg(long, global = true)]
    pub reverse: bool,
}

/// Where the timeline comes from and how output looks.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Read this timeline (YAML, or JSON with the same fields) instead of the embedded one.
    #[arg(long, value_name = "PATH", env = "TIMELINE_FILE", global = true)]
    pub file: Option<PathBuf>,

    /// Output format [default: table on a terminal, plain in a pipe].
    #[arg(long, value_enum, value_name = "FORMAT", global = true)]
    pub format: Option<Format>,

    /// When to color the output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Draw tables this many columns wide [default: COLUMNS, else the terminal's width, else 80].
    #[arg(long, value_name = "COLUMNS", global = true)]
    pub width: Option<usize>,

    /// Draw tables and charts with ASCII only (as on TERM=dumb): no box drawing, no blocks.
    #[arg(long, global = true)]
    pub ascii: bool,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table sized to the terminal, colored when color is on.
    Table,
    /// Tab-separated lines, no header, no color: for grep, sort and cut.
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

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|e| e.with_hint())
}

fn parse_month_day(text: &str) -> Result<MonthDay, String> {
    let hint = "expected a day of the year as MM-DD, e.g. 11-07 or 02-29";
    let (month, day) = text.split_once('-').ok_or(hint)?;
    let number = |part: &str| {
        (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (month, day) = (number(month).ok_or(hint)?, number(day).ok_or(hint)?);
    // 2000 was a leap year, so 02-29 is a day of the year too.
    chrono::NaiveDate::from_ymd_opt(2000, month, day)
        .map(|_| MonthDay { month, day })
        .ok_or_else(|| format!("{text} is no day of the year; {hint}"))
}

fn parse_window(text: &str) -> Result<u32, String> {
    match text.parse::<u32>() {
        Ok(n) if n <= 366 => Ok(n),
        _ => Err("expected a number of days from 0 to 366".to_string()),
    }
}

fn parse_today(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| "expected a day as YYYY-MM-DD".to_string())
}

fn parse_limit(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("expected a whole number of events, 1 or more".to_string()),
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
        assert!(cli.filters.from.is_some());
        assert!(matches!(cli.command, Some(Command::Who { name: Some(_) })));
    }

    #[test]
    fn export_takes_its_format_beside_the_global_one() {
        let cli = Cli::try_parse_from(["timeline", "export", "ics", "--format", "json"]).unwrap();
        let Some(Command::Export(export)) = cli.command else {
            panic!("not `export`")
        };
        assert_eq!(export.format, ExportFormat::Ics);
        assert_eq!(cli.output.format, Some(Format::Json));
    }

    #[test]
    fn on_takes_a_month_day_and_a_window() {
        let cli = Cli::try_parse_from(["timeline", "on", "02-29", "-A", "2", "-B", "1"]).unwrap();
        let Some(Command::On(on)) = cli.command else {
            panic!("not `on`")
        };
        assert_eq!(on.day, Some(MonthDay { month: 2, day: 29 }));
        assert_eq!((on.after, on.before), (2, 1));
        assert_eq!(on.calendar, CalendarChoice::Gregorian);
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
