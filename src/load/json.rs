//! Parsing a big JSON timeline on every core, from the slices the structural scan finds.

use super::events::{Events, Resolver};
use super::located::JsonText;
use super::raw::RawTimeline;
use super::{BLOCK, MIN_EVENT_BYTES, PARALLEL_MIN_BYTES, scan};

/// Parses a big JSON timeline on every core: a quick structural scan finds the top-level fields
/// and the elements of `events`; the fields are parsed from their slices of the file, and the
/// events, in one contiguous run per core, each from its own slice. Slices keep every value's
/// address in the file, so positions stay exact.
///
/// `None` for anything unusual (a small file, an unknown, duplicate or escaped key, a missing
/// field, a syntax error anywhere): the caller parses the whole file, which gives the same result
/// or the error at its position.
pub(super) fn parse_json_parallel(text: &str) -> Option<RawTimeline<JsonText<'_>>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if text.len() < PARALLEL_MIN_BYTES || threads < 2 {
        return None;
    }
    let (fields, elements) = scan::scan(text, MIN_EVENT_BYTES)?;
    if elements.len() < threads * 64 {
        return None;
    }
    let mut seen = Vec::new();
    let (mut title, mut subject) = (None, None);
    let (mut people, mut places, mut periods, mut stays) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (key, range) in fields {
        if seen.contains(&key) {
            return None;
        }
        seen.push(key);
        let value = &text[range];
        match key {
            "title" => title = Some(serde_json::from_str(value).ok()?),
            "subject" => subject = serde_json::from_str(value).ok()?,
            "people" => people = serde_json::from_str(value).ok()?,
            "places" => places = serde_json::from_str(value).ok()?,
            "periods" => periods = serde_json::from_str(value).ok()?,
            "stays" => stays = serde_json::from_str(value).ok()?,
            "events" => {}
            _ => return None,
        }
    }
    if !seen.contains(&"events") {
        return None;
    }
    let per_piece = elements.len().div_ceil(threads);
    let ids: Resolver<&str> = Resolver::new(&people, &places, &periods);
    let total = elements.len();
    // The first piece reads into room for every event; the others read in small blocks, each
    // freed as it is appended, so no more than one block of events ever exists twice.
    let numbered: Vec<(usize, &[std::ops::Range<usize>])> =
        elements.chunks(per_piece).enumerate().collect();
    let pieces: Vec<Option<Vec<Events<JsonText>>>> =
        crate::parallel::map(&numbered, |&(number, piece)| {
            let block = if number == 0 { total } else { BLOCK };
            let mut blocks = vec![Events::with_capacity(block.min(total))];
            for range in piece {
                let raw = serde_json::from_str(&text[range.clone()]).ok()?;
                let last = blocks.last_mut().expect("one block at least");
                if last.refs.len() == block {
                    blocks.push(Events::with_capacity(block));
                }
                blocks
                    .last_mut()
                    .expect("one block at least")
                    .push_resolved(raw, &ids);
            }
            Some(blocks)
        });
    drop(numbered);
    drop((elements, ids));
    let mut blocks = Vec::new();
    for piece in pieces {
        blocks.extend(piece?);
    }
    let mut blocks = blocks.into_iter();
    let mut events = blocks.next()?;
    for block in blocks {
        events.append(block);
    }
    Some(RawTimeline {
        title: title?,
        subject,
        people,
        places,
        periods,
        stays,
        events,
        unknown: Vec::new(),
    })
}
