//! `timeline tags`: every tag of the matching events with how many carry it, most used first.

use std::collections::HashMap;
use std::io::Write;

use super::{Context, ListView, nonempty};
use crate::error::Error;
use crate::view::TagRow;

/// The settings of `timeline tags`.
#[derive(Debug, Clone)]
pub struct TagsSettings {
    /// Which events are counted, how many tags, and in which order.
    pub view: ListView,
}

/// Lists the tags with their counts within the filters.
pub fn run(args: &TagsSettings, ctx: &Context, out: &mut dyn Write) -> Result<(), Error> {
    let query = ctx.query(&args.view.filters)?;
    let events = ctx.index.events()?;
    // Each tag's row found by hash, not by a search of the rows: a file may hold 50,000 tags.
    let mut row_of: HashMap<&str, usize> = HashMap::new();
    let mut rows: Vec<TagRow> = Vec::new();
    for &i in &ctx.index.select(&query)? {
        for tag in &events[i].tags {
            match row_of.get(tag.as_str()) {
                Some(&row) => rows[row].events += 1,
                None => {
                    row_of.insert(tag, rows.len());
                    rows.push(TagRow {
                        tag: tag.clone(),
                        events: 1,
                    });
                }
            }
        }
    }
    // Most used first; a stable sort keeps first use as the tie-break.
    rows.sort_by_key(|r| std::cmp::Reverse(r.events));
    let rows = nonempty(rows, "no matching event has a tag")?;
    let rows = ctx.limited(&args.view.list, rows, "tags");
    ctx.renderer.tags(out, &rows)?;
    Ok(())
}
