//! `timeline around DATE`: where the subject lived, the periods, the age and the events near a
//! date of any precision; the closest event either side when none is near.

use std::io::Write;

use super::Context;
use crate::around::Around;
use crate::date::Date;
use crate::error::Error;

/// The settings of `timeline around`.
#[derive(Debug, Clone)]
pub struct AroundSettings {
    /// The date to look around.
    pub date: Date,
    /// `--days`: how far either side to look; `None` for the precision's default.
    pub days: Option<u32>,
    /// `--key`: only the key events.
    pub key: bool,
}

/// Shows the life around the date.
pub fn run(args: &AroundSettings, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let around = Around::new(ctx.index, &args.date, args.days, args.key)?;
    let nothing = around.events.is_empty() && around.ongoing.is_empty();
    if nothing && around.before.is_none() && around.after.is_none() {
        return Err(Error::NoMatch("the timeline has no events".to_string()));
    }
    ctx.renderer.around(out, &around)?;
    Ok(())
}
