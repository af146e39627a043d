//! Reading a timeline file: YAML (or JSON) into the model, with every reference and date validated and every
//! problem reported at once with its line and column.
//!
//! The file is read ([`source`]), cut and parsed as written ([`raw`], [`events`], [`yaml`],
//! [`json`], [`scan`]), then checked into the model ([`check`]).

mod arenas;
mod bytes;
mod check;
mod events;
mod fast;
mod json;
mod located;
pub mod order;
mod raw;
mod scan;
mod source;
#[cfg(test)]
mod tests;
pub mod text;
pub mod trust;
mod yaml;

use crate::error::{Error, Problem};
use crate::model::Timeline;

use self::check::check;
use self::located::JsonText;
use self::raw::RawTimeline;

pub use self::source::{MAX_FILE_BYTES, Source, is_standard_input};

/// The timeline shipped inside the binary.
pub const EMBEDDED: &str = include_str!("../../timeline.yaml");

/// How many events a block holds when a YAML piece after the first is read in blocks (fewer in
/// tests, so that they cross blocks).
const BLOCK: usize = if cfg!(test) { 16 } else { 8192 };

/// The fewest bytes an event can be written in (`{id: a,date: 1,title: b}`): room is made for
/// no more events than the bytes of a file can hold.
const MIN_EVENT_BYTES: usize = 24;

/// Below this size a file is parsed in one piece (smaller in tests, which run unoptimized).
const PARALLEL_MIN_BYTES: usize = if cfg!(test) { 16 << 10 } else { 1 << 20 };

/// Parses and validates a timeline; on failure, returns every problem found.
///
/// A file whose first character is `{` is read as JSON first (JSON is YAML, and serde_json reads
/// a million events several times faster); text that is not JSON after all, such as a YAML flow
/// mapping, is read as YAML.
pub fn load(source: &Source) -> Result<Timeline, Vec<Problem>> {
    if source.text.trim_start().starts_with('{') {
        if source.text.len() >= PARALLEL_MIN_BYTES {
            arenas::grow_in_big_steps();
        }
        if let Some(raw) =
            json::parse_json_split(&source.text).or_else(|| json::parse_json_parallel(&source.text))
        {
            return check(source, raw);
        }
        match serde_json::from_str::<RawTimeline<JsonText>>(&source.text) {
            Ok(raw) => return check(source, raw),
            Err(e) if e.is_data() => {
                let (line, column) = (e.line() as u64, e.column() as u64);
                let message = e.to_string();
                // serde_json appends " at line L column C"; the position leads instead.
                let message = message
                    .rsplit_once(" at line ")
                    .map_or(message.as_str(), |(m, _)| m)
                    .to_string();
                return Err(vec![problem_at(source, line, column, message)]);
            }
            Err(_) => {}
        }
    }
    let raw = yaml::parse_yaml(source)?;
    check(source, raw)
}

/// A problem at a line and column of the source, with that line for a snippet.
fn problem_at(source: &Source, line: u64, column: u64, message: String) -> Problem {
    Problem {
        file: source.name.clone(),
        line,
        column,
        source_line: source
            .text
            .lines()
            .nth(line.saturating_sub(1) as usize)
            .map(str::to_string)
            .filter(|_| line > 0),
        message,
    }
}

/// Reads and validates a source, turning problems into an [`Error`].
pub fn load_source(source: &Source) -> Result<Timeline, Error> {
    load(source).map_err(Error::Timeline)
}
