//! The values the flags take: how each plain choice is named and described on the command line
//! (clap's `ValueEnum`, written here so that the types themselves need not know clap), and the
//! parsers of dates, limits and days.

use chrono::NaiveDate;
use clap::ValueEnum;
use clap::builder::PossibleValue;

use crate::anniversary::{CalendarChoice, MonthDay};
use crate::cmd::chart::ChartFormat;
use crate::date::Date;
use crate::export::ExportFormat;
use crate::render::Format;
use crate::term::ColorChoice;

impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            Format::Table => "A table sized to the terminal, colored when color is on",
            Format::Plain => {
                "Tab-separated lines, no header, no truncation: for grep, sort and cut"
            }
            Format::Json => "One JSON document",
            Format::Ndjson => "One JSON object per line",
            Format::Csv => "RFC 4180 CSV with a header row",
            Format::Markdown => "A Markdown table",
        };
        Some(PossibleValue::new(self.name()).help(help))
    }
}

impl ValueEnum for ColorChoice {
    fn value_variants<'a>() -> &'a [Self] {
        &[ColorChoice::Auto, ColorChoice::Always, ColorChoice::Never]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            ColorChoice::Auto => PossibleValue::new("auto")
                .help("Color when writing to a terminal, unless NO_COLOR is set, CLICOLOR=0 or TERM is dumb"),
            ColorChoice::Always => {
                PossibleValue::new("always").help("Always color, even in a pipe")
            }
            ColorChoice::Never => PossibleValue::new("never").help("Never color"),
        })
    }
}

impl ValueEnum for CalendarChoice {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            CalendarChoice::Both,
            CalendarChoice::Gregorian,
            CalendarChoice::Julian,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            CalendarChoice::Both => PossibleValue::new("both").help(
                "Either: an event on its New Style day, or on its Old Style day where Old Style \
                 applies (Russia before 14 February 1918)",
            ),
            CalendarChoice::Gregorian => PossibleValue::new("new")
                .alias("gregorian")
                .help("New Style only: every event on its Gregorian day"),
            CalendarChoice::Julian => PossibleValue::new("old")
                .alias("julian")
                .help("Old Style only: the events Old Style applies to, on their Julian day"),
        })
    }
}

impl ValueEnum for ExportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            ExportFormat::Timelinejs,
            ExportFormat::Ics,
            ExportFormat::Markdown,
            ExportFormat::Markwhen,
            ExportFormat::Csv,
            ExportFormat::Json,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            ExportFormat::Timelinejs => PossibleValue::new("timelinejs").help(
                "TimelineJS 3 JSON: a slide per event dated in the timeline's words, eras from the \
                 periods that never overlap",
            ),
            ExportFormat::Ics => PossibleValue::new("ics").help(
                "iCalendar (RFC 5545): an all-day event per event known to the day (the rest are \
                     left out, and counted on stderr); a span longer than a year as two one-day \
                     events, its first and last day",
            ),
            ExportFormat::Markdown => PossibleValue::new("markdown")
                .help("A Markdown document: a section per period, a bullet per event"),
            ExportFormat::Markwhen => PossibleValue::new("markwhen").help(
                "A markwhen timeline (markwhen.com, its editor and VS Code extension): a section \
                 per period, every event with its dates",
            ),
            ExportFormat::Csv => PossibleValue::new("csv").help("RFC 4180 CSV, as `--format csv`"),
            ExportFormat::Json => {
                PossibleValue::new("json").help("One JSON document, as `--format json`")
            }
        })
    }
}

/// A date as `--from`, `--to` and `around` take it (month names and quarters too: `Oct 1917`,
/// `1917q4`), with a hint when it is not one.
pub(crate) fn parse_date(text: &str) -> Result<Date, String> {
    crate::date::query_date(text).map_err(|e| e.with_hint())
}

/// A `--limit`: 1 or more.
pub(crate) fn parse_limit(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("expected a whole number, 1 or more".to_string()),
    }
}

/// A day of the year as `timeline on` takes it: MM-DD, 02-29 included.
pub(crate) fn parse_month_day(text: &str) -> Result<MonthDay, String> {
    let hint = "expected a day of the year as MM-DD, e.g. 11-07 or 02-29";
    let (month, day) = text.split_once('-').ok_or(hint)?;
    let number = |part: &str| {
        (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (month, day) = (number(month).ok_or(hint)?, number(day).ok_or(hint)?);
    // 2000 was a leap year, so 02-29 is a day of the year too.
    NaiveDate::from_ymd_opt(2000, month, day)
        .map(|_| MonthDay { month, day })
        .ok_or_else(|| format!("{text} is no day of the year; {hint}"))
}

/// The days `-A` and `-B` of `timeline on` take: at most a year's.
pub(crate) fn parse_window(text: &str) -> Result<u32, String> {
    match text.parse::<u32>() {
        Ok(n) if n <= 366 => Ok(n),
        _ => Err("expected a number of days from 0 to 366".to_string()),
    }
}

/// The day `--today` takes: YYYY-MM-DD.
pub(crate) fn parse_today(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| "expected a day as YYYY-MM-DD".to_string())
}

impl ValueEnum for ChartFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[ChartFormat::Text, ChartFormat::Svg]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            ChartFormat::Text => PossibleValue::new("text")
                .help("Block characters for the terminal, as wide as it is (the default)"),
            ChartFormat::Svg => PossibleValue::new("svg").help(
                "A standalone SVG for an A4 landscape page: periods, places of stay, key events \
                 labelled, a year axis",
            ),
        })
    }
}
