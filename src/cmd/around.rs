//! `timeline around DATE`: where the subject lived, the periods, the age and the events near a
//! date of any precision; the closest event either side when none is near.

use std::io::Write;

use clap::Args;

use super::Context;
use crate::around::Around;
use crate::cli::{FormatArgs, LayoutArgs, parse_date};
use crate::date::Date;
use crate::error::Error;

/// The flags of `timeline around`.
#[derive(Debug, Args)]
pub struct AroundArgs {
    /// The date: 1917-11-07, 1934-06, 1905, summer 1902 as 1902-22, 1917-10-25 O.S.
    #[arg(value_name = "DATE", value_parser = parse_date,
        add = clap_complete::ArgValueCompleter::new(crate::complete::years))]
    pub date: Date,

    /// Look DAYS days either side of the date [default: 7 for a day, 15 for a month or a season,
    /// none for a year].
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(0..=36_600))]
    pub days: Option<u32>,

    /// The output format.
    #[command(flatten)]
    pub format: FormatArgs,

    /// How tables are drawn.
    #[command(flatten)]
    pub layout: LayoutArgs,
}

/// Shows the life around the date.
pub fn run(args: &AroundArgs, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let around = Around::new(ctx.index, &args.date, args.days)?;
    let nothing = around.events.is_empty() && around.ongoing.is_empty();
    if nothing && around.before.is_none() && around.after.is_none() {
        return Err(Error::NoMatch("the timeline has no events".to_string()));
    }
    ctx.renderer.around(out, &around)?;
    Ok(())
}
