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
  timeline --from 1917 --to 1921 | grep -i brest
  timeline --format json | jq '.[].title'

Dates: 1917, 1917-10, 1917-10-25, 1917-22 (summer), 191X, 1900~, 1917-10-25 O.S.
Exit status: 0 found, 1 nothing matched, 2 bad arguments or a bad timeline file.";

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

    /// Events whose title or summary contains TEXT (case and accents do not matter).
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
    /// Read this timeline instead of the embedded one.
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
    fn bad_values_are_refused() {
        for args in [
            &["timeline", "--from", "abc"][..],
            &["timeline", "--to", "1917-13"],
            &["timeline", "--from", "1917-02-30"],
            &["timeline", "--limit", "-1"],
            &["timeline", "--limit", "0"],
            &["timeline", "--format", "yaml"],
        ] {
            assert!(Cli::try_parse_from(args).is_err(), "{args:?}");
        }
    }
}
