//! Parsing a big JSON timeline on every core: the events array cut where an element seems to
//! start and each part read on its own thread (checked to meet where the next began), or, for
//! a file of another shape, from the slices a structural scan finds.

use super::check::{assign_period, event_ids_clean, periods_as_kept};
use super::events::{Events, Resolver};
use super::located::JsonText;
use super::raw::RawTimeline;
use super::raw::{RawPeriod, RawPerson, RawPlace, RawStay};
use super::{MIN_EVENT_BYTES, PARALLEL_MIN_BYTES, fast, order, scan};

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
    let (top, has_events) = top_fields(text, fields)?;
    if !has_events {
        return None;
    }
    let Top {
        title,
        subject,
        people,
        places,
        periods,
        stays,
    } = top;
    let per_piece = elements.len().div_ceil(threads);
    let ids: Resolver<&str> = Resolver::new(&people, &places, &periods);
    let total = elements.len();
    // Each piece is read and sorted into index order on its own thread; the pieces are then
    // merged, each event moved once, so that `Index::new` finds them in order. The first piece
    // reads into room for every event, which the merge fills from the back.
    let numbered: Vec<(usize, &[std::ops::Range<usize>])> =
        elements.chunks(per_piece).enumerate().collect();
    let pieces: Vec<Option<Events<JsonText>>> =
        crate::parallel::map(&numbered, |&(number, piece)| {
            let room = if number == 0 { total } else { piece.len() };
            let mut events = Events::with_capacity(room);
            for range in piece {
                let raw = serde_json::from_str(&text[range.clone()]).ok()?;
                events.push_resolved(raw, &ids);
            }
            let first = number * per_piece;
            for event in &mut events.events {
                event.file_order += first;
            }
            order::sort_events(&mut events.events);
            Some(events)
        });
    drop(numbered);
    drop((elements, ids));
    let mut pieces = pieces.into_iter();
    let mut events = pieces.next()??;
    for piece in pieces {
        merge(&mut events, piece?);
    }
    // Every reference was resolved as read: an event's position in `refs` is no longer needed
    // (the sort moved the events), and nothing is left pending to need it.
    if !events.pending.is_empty() {
        return None;
    }
    Some(RawTimeline {
        title,
        subject,
        people,
        places,
        periods,
        stays,
        events,
        unknown: Vec::new(),
    })
}

/// Takes the next piece's events (in index order) into `events` (in index order), and its ids
/// and problems after `events`' own, in file order.
fn merge<'a>(events: &mut Events<JsonText<'a>>, next: Events<JsonText<'a>>) {
    let Events {
        events: more,
        mut refs,
        mut pending,
        mut problems,
        ..
    } = next;
    order::merge_sorted(&mut events.events, more);
    events.refs.append(&mut refs);
    events.pending.append(&mut pending);
    events.problems.append(&mut problems);
}

/// The top-level fields of a timeline other than `events`.
struct Top<'a> {
    title: JsonText<'a>,
    subject: Option<JsonText<'a>>,
    people: Vec<RawPerson<JsonText<'a>>>,
    places: Vec<RawPlace<JsonText<'a>>>,
    periods: Vec<RawPeriod<JsonText<'a>>>,
    stays: Vec<RawStay<JsonText<'a>>>,
}

/// The top-level fields, each parsed from its slice, and whether `events` was among them;
/// `None` for an unknown or repeated key, a value that does not parse, or no title.
fn top_fields<'a>(text: &'a str, fields: scan::Fields<'a>) -> Option<(Top<'a>, bool)> {
    let mut seen = Vec::new();
    let mut title = None;
    let mut top = Top {
        title: JsonText::Plain(""),
        subject: None,
        people: Vec::new(),
        places: Vec::new(),
        periods: Vec::new(),
        stays: Vec::new(),
    };
    for (key, range) in fields {
        if seen.contains(&key) {
            return None;
        }
        seen.push(key);
        let value = &text[range];
        match key {
            "title" => title = Some(serde_json::from_str(value).ok()?),
            "subject" => top.subject = serde_json::from_str(value).ok()?,
            "people" => top.people = serde_json::from_str(value).ok()?,
            "places" => top.places = serde_json::from_str(value).ok()?,
            "periods" => top.periods = serde_json::from_str(value).ok()?,
            "stays" => top.stays = serde_json::from_str(value).ok()?,
            "events" => {}
            _ => return None,
        }
    }
    top.title = title?;
    Some((top, seen.contains(&"events")))
}

/// About how many bytes an event takes in a big file, to make room for a part's events at
/// once (a guess: the room grows if it is short, and a part of absurd elements is refused at
/// its first).
const BYTES_PER_EVENT: usize = 200;

/// Parses a big JSON timeline whose `events` come last, on every core, without a structural
/// scan first: the array is cut into one part per core where an element seems to start (after
/// a `,`, a `{`), and each part is read on its own thread, each event in one pass
/// ([`fast::event`], or serde_json for an unusual one). A cut is trusted only when the part
/// before it, read from the start of the array, ends exactly there; so every event is read
/// as a read from the start would read it.
///
/// `None` for anything unusual (a small file, fields after `events`, a cut that was no
/// element's start, a syntax error): the caller reads the file another way.
pub(super) fn parse_json_split(text: &str) -> Option<RawTimeline<JsonText<'_>>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if text.len() < PARALLEL_MIN_BYTES || threads < 2 {
        return None;
    }
    let (fields, events_at) = scan::fields_before_events(text)?;
    let (top, _) = top_fields(text, fields)?;
    let b = text.as_bytes();
    let first = scan::skip_space(b, events_at);
    if b.get(first) != Some(&b'{') {
        return None;
    }
    let starts = cuts(b, first, threads);
    let ids: Resolver<&str> = Resolver::new(&top.people, &top.places, &top.periods);
    let periods = periods_as_kept(&top.periods);
    let numbers: Vec<usize> = (0..starts.len()).collect();
    let pieces: Vec<Option<Part>> = crate::parallel::map(&numbers, |&number| {
        let start = starts[number];
        let stop = starts.get(number + 1).copied();
        let bytes = stop.unwrap_or(b.len()) - start;
        let room = if number == 0 { b.len() - first } else { bytes };
        let (mut events, end) = read_part(text, start, stop, &ids, room / BYTES_PER_EVENT)?;
        for event in &mut events.events {
            if event.period.is_none() {
                let source = event.source.as_deref();
                event.period = assign_period(&periods, &event.date, source);
            }
        }
        order::sort_events(&mut events.events);
        let refs_read = events.refs.len();
        Some(Part {
            events,
            end,
            refs_read,
        })
    });
    let mut parts: Vec<Part> = pieces.into_iter().collect::<Option<_>>()?;
    let end = parts.last()?.end;
    // The ids are checked on one thread while the events are merged on another.
    let refs: Vec<_> = parts
        .iter_mut()
        .map(|part| std::mem::take(&mut part.events.refs))
        .collect();
    let count = refs.iter().map(Vec::len).sum();
    let (events, ids_unique) = std::thread::scope(|scope| {
        let clean = std::thread::Builder::new()
            .spawn_scoped(scope, || event_ids_clean(refs.iter().flatten(), count));
        let events = merge_parts(parts);
        // Unknown (no thread, or it failed) counts as not clean: the checker looks.
        let clean = clean.ok().and_then(|h| h.join().ok()).unwrap_or(false);
        (events, clean)
    });
    let mut events = events?;
    for mut part_refs in refs {
        events.refs.append(&mut part_refs);
    }
    events.ids_unique = ids_unique;
    events.periods_assigned = true;
    // Only whitespace after the events array closes the object.
    if b.get(scan::skip_space(b, end)) != Some(&b'}') || scan::skip_space(b, end + 1) != b.len() {
        return None;
    }
    if !events.pending.is_empty() {
        return None;
    }
    Some(RawTimeline {
        title: top.title,
        subject: top.subject,
        people: top.people,
        places: top.places,
        periods: top.periods,
        stays: top.stays,
        events,
        unknown: Vec::new(),
    })
}

/// The events of one part of the array, in index order, and where reading stopped.
struct Part<'a> {
    events: Events<JsonText<'a>>,
    end: usize,
    /// How many elements the part read (its events and those whose date was refused).
    refs_read: usize,
}

/// The parts' events merged into the first part's, in index order (their refs taken out
/// before), with their file order continued from the parts before.
fn merge_parts<'a>(parts: Vec<Part<'a>>) -> Option<Events<JsonText<'a>>> {
    let mut parts = parts.into_iter();
    let first = parts.next()?;
    let mut before = first.refs_read;
    let mut events = first.events;
    for mut part in parts {
        for event in &mut part.events.events {
            event.file_order += before;
        }
        before += part.refs_read;
        merge(&mut events, part.events);
    }
    Some(events)
}

/// Where each part of the events array starts: the first element, then for each further core
/// the first `{` after a `,` past an even share of the bytes (a guess the reading checks).
fn cuts(b: &[u8], first: usize, parts: usize) -> Vec<usize> {
    let mut starts = vec![first];
    let share = (b.len() - first) / parts;
    for part in 1..parts {
        let mut from = first + part * share;
        let cut = loop {
            let Some(comma) = memchr::memchr(b',', b.get(from..).unwrap_or_default()) else {
                break None;
            };
            let next = scan::skip_space(b, from + comma + 1);
            if b.get(next) == Some(&b'{') {
                break Some(next);
            }
            from = next;
        };
        match cut {
            Some(cut) if cut > *starts.last().expect("the first part") => starts.push(cut),
            _ => break,
        }
    }
    starts
}

/// Reads the events of the array from `start` (an element's start) to `stop` (where the next
/// part starts), or to the array's end for the last part (`stop` is `None`): the events, and
/// where reading stopped (past the `]` for the last part). `None` when an element does not
/// parse, or when reading does not meet `stop` exactly.
fn read_part<'a>(
    text: &'a str,
    start: usize,
    stop: Option<usize>,
    ids: &Resolver<&str>,
    room: usize,
) -> Option<(Events<JsonText<'a>>, usize)> {
    let b = text.as_bytes();
    let mut events = Events::with_capacity(room);
    let mut i = start;
    loop {
        let (raw, after) = match fast::event(text, i) {
            Some(read) => read,
            None => {
                let end = scan::end_of_value(b, i)?;
                (serde_json::from_str(&text[i..end]).ok()?, end)
            }
        };
        events.push_resolved(raw, ids);
        let (next, closed) = scan::after_item(b, after, b']')?;
        match stop {
            None if closed => return Some((events, next)),
            Some(stop) if !closed && next == stop => return Some((events, next)),
            Some(stop) if closed || next > stop => return None,
            _ => i = next,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_trusted_only_when_the_part_before_ends_at_its_start() {
        let text = r#"{"title": "t", "events": [{"id": "a", "date": "1917", "title": "x, {\"id\": y"}, {"id": "b", "date": "1918", "title": "z"}]}"#;
        let first = text.find("[{").unwrap() + 1;
        let real = text.find(r#"{"id": "b""#).unwrap();
        let inside = text.find(r#"{\"id\": y"#).unwrap();
        let ids = Resolver::<&str>::new::<JsonText>(&[], &[], &[]);
        assert!(read_part(text, first, Some(inside), &ids, 0).is_none());
        let (events, at) = read_part(text, first, Some(real), &ids, 0).unwrap();
        assert_eq!((events.refs.len(), at), (1, real));
        let (events, end) = read_part(text, real, None, &ids, 0).unwrap();
        assert_eq!((events.refs.len(), end), (1, text.len() - 1));
        // A cut past the end of the array is never met.
        assert!(read_part(text, first, Some(text.len() - 1), &ids, 0).is_none());
        // The guess for two parts is the first `{` after a `,` past the middle.
        assert_eq!(cuts(text.as_bytes(), first, 2), [first, real]);
    }
}
