//! `timeline show ID`: one event in full, in both calendars, with its place's hierarchy, the
//! people with their about lines, its periods and its source.

use std::io::Write;

use super::Context;
use crate::error::{Error, quote};
use crate::suggest::{closest, did_you_mean};
use crate::view::Preceding;

/// The settings of `timeline show`.
#[derive(Debug, Clone)]
pub struct ShowSettings {
    /// The id of the event to show.
    pub id: String,
}

/// Shows one event, or says which ids are close to the one asked for.
pub fn run(args: &ShowSettings, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let id = &args.id;
    let events = ctx.index.events()?;
    let event = events.iter().find(|e| e.id == *id).ok_or_else(|| {
        // The same ranked "did you mean" as tags and periods get.
        let close = closest(id, events.iter().map(|e| e.id.as_str()));
        let hint = if close.is_empty() {
            "; event ids are the last column of the plain output".to_string()
        } else {
            did_you_mean(&close)
        };
        Error::NoMatch(format!("no event has the id `{}`{hint}", quote(id)))
    })?;
    let mut detail = ctx.views.detail(event);
    detail.after = event.after.as_ref().and_then(|after| {
        let before = events.iter().find(|e| e.id == after.id)?;
        Some(Preceding {
            id: before.id.clone(),
            title: before.title.clone(),
        })
    });
    ctx.renderer.detail(out, &detail)?;
    Ok(())
}
