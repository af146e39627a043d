//! `timeline on [MM-DD]`: the events on a day of the year, like calendar(1), with how many years
//! ago each was.

use std::io::Write;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::Context;
use crate::anniversary::{on_days, window, window_words};
use crate::cli::ListView;
use crate::error::Error;

/// The flags of `timeline on`.
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
    pub today: Option<NaiveDate>,

    /// Which events, how many anniversaries, and how they are shown.
    #[command(flatten)]
    pub view: ListView,
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

/// Today in the local time zone: the one place the program reads the clock.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Lists the anniversaries in the window.
pub fn run(args: &OnArgs, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let today = args.today.unwrap_or_else(today);
    let days = window(today, args.day, args.before, args.after);
    // Order and limit apply to the anniversaries, not to the events they are picked from.
    let query = ctx.query(&args.view.filters)?;
    let found = on_days(ctx.index, &ctx.index.select(&query)?, &days, args.calendar);
    let found = ctx.limited(&args.view.list, found, "events");
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
    ctx.renderer.anniversaries(out, &found)?;
    Ok(())
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
    NaiveDate::from_ymd_opt(2000, month, day)
        .map(|_| MonthDay { month, day })
        .ok_or_else(|| format!("{text} is no day of the year; {hint}"))
}

fn parse_window(text: &str) -> Result<u32, String> {
    match text.parse::<u32>() {
        Ok(n) if n <= 366 => Ok(n),
        _ => Err("expected a number of days from 0 to 366".to_string()),
    }
}

fn parse_today(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| "expected a day as YYYY-MM-DD".to_string())
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::{Cli, Command};

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
}
