//! `timeline on [MM-DD]`: the events on a day of the year, like calendar(1), with how many years
//! ago each was.

use std::io::Write;

use super::{Context, ListView};
use crate::anniversary::{CalendarChoice, MonthDay, on_days, window, window_words};
use crate::error::Error;
use chrono::NaiveDate;

/// The settings of `timeline on`.
#[derive(Debug, Clone)]
pub struct OnSettings {
    /// The day of the year; `None` for today's.
    pub day: Option<MonthDay>,
    /// `-A`: also this many days after the day.
    pub after: u32,
    /// `-B`: also this many days before the day.
    pub before: u32,
    /// The calendar the day is read in.
    pub calendar: CalendarChoice,
    /// The day taken as today (`--today`); `None` for the clock's.
    pub today: Option<NaiveDate>,
    /// Which events, how many anniversaries, and in which order.
    pub view: ListView,
}

/// Today in the local time zone: the one place the program reads the clock.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Lists the anniversaries in the window.
pub fn run(args: &OnSettings, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let today = args.today.unwrap_or_else(today);
    let days = window(today, args.day, args.before, args.after);
    // Order and limit apply to the anniversaries, not to the events they are picked from.
    let query = ctx.query(&args.view.filters)?;
    let positions = ctx.index.select(&query)?;
    let on = |calendar| on_days(&ctx.views, ctx.index, &positions, &days, calendar);
    let found = ctx.limited(&args.view.list, on(args.calendar)?, "events");
    if found.is_empty() {
        let calendar = match args.calendar {
            CalendarChoice::Both => String::new(),
            narrowed => format!(" ({})", narrowed.words()),
        };
        // What the other calendar would have found, so that `--calendar new` on 10-25 still
        // points at the rising.
        let hint = match args.calendar.other() {
            Some(other) => match on(other)?.len() {
                0 => String::new(),
                n => format!(
                    "; in {} {n} event{} fall{} on it (--calendar {})",
                    other.words(),
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "s" } else { "" },
                    other.flag()
                ),
            },
            None => String::new(),
        };
        return Err(Error::NoMatch(format!(
            "no events known to the day fall on {}{calendar}{hint}",
            window_words(&days)
        )));
    }
    ctx.renderer.anniversaries(out, &found)?;
    Ok(())
}
