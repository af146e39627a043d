//! Parsing YAML timelines: serde-saphyr's budgets scaled to the file, its errors located, and a
//! big file cut at the items of its events list to be parsed on every core.

use serde_saphyr::MessageFormatter;

use super::events::{BLOCK_EVENTS, EXPECTED_EVENTS, Events, KNOWN_IDS, Resolver};
use super::located::YamlText;
use super::raw::RawTimeline;
use super::{BLOCK, MIN_EVENT_BYTES, PARALLEL_MIN_BYTES, Source, problem_at};
use crate::error::Problem;

/// serde-saphyr's default budgets suit configuration files; scale them with the input so a large
/// honest timeline loads while a small hostile file still cannot blow up. Without aliases a node
/// or a parser event takes a byte at least (`[1,1]`), so one of each per byte is what an honest
/// file can need: a million-item flow list loads as its JSON twin does (issue 9), and only
/// aliases can go past it.
pub(super) fn yaml_options(size: usize) -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: size.max(1_000_000),
            max_nodes: size.max(250_000),
            max_total_scalar_bytes: size.max(64 * 1024 * 1024),
        },
    }
}

pub(super) fn parse_yaml(source: &Source) -> Result<RawTimeline<YamlText>, Vec<Problem>> {
    let blank = |line: &str| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    };
    if source.text.lines().all(blank) {
        return Err(vec![problem_at(
            source,
            0,
            0,
            "the file is empty; a timeline needs at least `title:` and `events:`".to_string(),
        )]);
    }
    if let Some(raw) = parse_yaml_parallel(&source.text) {
        return Ok(raw);
    }
    serde_saphyr::from_str_with_options(&source.text, yaml_options(source.text.len())).map_err(
        |e| {
            let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
            let message = serde_saphyr::DefaultMessageFormatter
                .format_message(&e)
                .to_string();
            let message = if message.contains("expected mapping") && line <= 1 {
                format!("{message}: a timeline is a mapping with `title:` and `events:` at the top")
            } else if let Some(breach) = message.strip_prefix("budget breached: ") {
                format!(
                    "the YAML holds more than a file of {} bytes may ({breach}): aliases expanding too far, or nesting too deep",
                    source.text.len()
                )
            } else {
                message
            };
            vec![problem_at(source, line, column, message)]
        },
    )
}

/// Parses a big YAML timeline on every core: when `events:` is the last key and a block list, the
/// list is cut at item boundaries into one piece per core, each parsed as a YAML document of its
/// own, and the rest of the file (with `events: []`) parsed beside them. YAML parsing is most of
/// the time a large timeline takes to load, and it is single-threaded.
///
/// `None` whenever the file does not have that shape or any piece fails to parse (an alias to an
/// anchor in another piece, a syntax error): the caller then parses the whole file, which gives
/// the same result, or the error with its true position. A piece's positions are shifted by the
/// lines before it, so problems found later still point into the file.
pub(super) fn parse_yaml_parallel(text: &str) -> Option<RawTimeline<YamlText>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if text.len() < PARALLEL_MIN_BYTES || threads < 2 || text.starts_with('%') {
        return None;
    }
    // The `events:` line, at the left margin with nothing after it but a comment.
    let mut head_end = 0;
    let mut events_line = None;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end();
        if let Some(rest) = content.strip_prefix("events:")
            && (rest.trim_start().is_empty() || rest.trim_start().starts_with('#'))
        {
            events_line = Some((number, line.len()));
            break;
        }
        head_end += line.len();
    }
    let (events_line, events_line_len) = events_line?;
    let head = &text[..head_end];
    let body = &text[head_end + events_line_len..];
    // Item starts: the lines at the list's indentation, each `- `; every other line with content
    // must be deeper, or the list is not the end of the file.
    let mut indent = None;
    let mut starts = Vec::new();
    let mut offset = 0;
    for (number, line) in body.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        let stripped = content.trim_start_matches(' ');
        let depth = content.len() - stripped.len();
        if !(stripped.is_empty() || stripped.starts_with('#')) {
            let list_indent = *indent.get_or_insert(depth);
            if depth < list_indent
                || (depth == list_indent && !(stripped.starts_with("- ") || stripped == "-"))
            {
                return None;
            }
            if depth == list_indent {
                // Room is made for every item counted: items too short to be events (`- `)
                // send the file to the whole parse, which refuses the first.
                if starts.len() > offset / MIN_EVENT_BYTES + 1 {
                    return None;
                }
                starts.push((offset, number));
            }
        }
        offset += line.len();
    }
    if starts.len() < threads * 64 {
        return None;
    }
    let per_piece = starts.len().div_ceil(threads);
    let total = starts.len();
    let pieces: Vec<(&str, usize)> = starts
        .chunks(per_piece)
        .enumerate()
        .map(|(i, chunk)| {
            let (from, first_line) = chunk[0];
            let to = starts.get((i + 1) * per_piece).map_or(body.len(), |s| s.0);
            (&body[from..to], events_line + 1 + first_line)
        })
        .collect();
    // The head first (people, places, periods: small), so the pieces can resolve references as
    // they read, keeping nothing of an event but its id until the end.
    let head = format!("{head}events: []\n");
    let mut raw: RawTimeline<YamlText> =
        serde_saphyr::from_str_with_options(&head, yaml_options(head.len())).ok()?;
    let ids: std::sync::Arc<Resolver<String>> =
        std::sync::Arc::new(Resolver::new(&raw.people, &raw.places, &raw.periods));
    let numbered: Vec<(usize, (&str, usize))> = pieces.into_iter().enumerate().collect();
    let pieces: Vec<Option<Events<YamlText>>> =
        crate::parallel::map(&numbered, |&(number, (piece, shift))| {
            KNOWN_IDS.with(|k| *k.borrow_mut() = Some(ids.clone()));
            // The first piece makes room for every event; the others are read in blocks
            // appended to it one by one, so no more than a block exists twice.
            if number == 0 {
                EXPECTED_EVENTS.with(|e| e.set(total));
            } else {
                BLOCK_EVENTS.with(|b| b.set(BLOCK));
            }
            let events: Option<Events<YamlText>> =
                serde_saphyr::from_str_with_options(piece, yaml_options(piece.len())).ok();
            KNOWN_IDS.with(|k| *k.borrow_mut() = None);
            let mut events = events?;
            events.shift_lines(shift as u32);
            Some(events)
        });
    for piece in pieces {
        raw.events.append(piece?);
    }
    Some(raw)
}
