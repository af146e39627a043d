//! Reading a timeline file: YAML (or JSON) into the model, with every reference and date validated
//! and every problem reported at once with its line and column.
//!
//! One way through: the file is read as text ([`source`]), parsed as written in one pass
//! ([`json`] with serde_json, [`yaml`] with serde-saphyr, into [`raw`] and [`events`], whose
//! strings keep their places, see [`located`]), then checked into the model ([`check`]).

mod after;
mod check;
mod events;
mod json;
mod located;
pub mod order;
mod raw;
mod source;
mod syntax;
#[cfg(test)]
mod tests;
pub mod text;
pub mod trust;
mod yaml;

use crate::error::{Error, Problem};
use crate::model::Timeline;

use self::check::check;

pub use self::source::{MAX_FILE_BYTES, Source, is_standard_input};

/// The timeline shipped inside the binary.
pub const EMBEDDED: &str = include_str!("../../timeline.yaml");

/// Parses and validates a timeline; on failure, returns every problem found.
///
/// A file whose first character is `{` is read as JSON first (JSON is YAML, and serde_json reads
/// a million events several times faster); text that is not JSON after all, such as a YAML flow
/// mapping, is read as YAML.
pub fn load(source: &Source) -> Result<Timeline, Vec<Problem>> {
    if source.text.trim_start().starts_with('{')
        && let Some(parsed) = json::parse_json(source)
    {
        return check(source, parsed.map_err(|problem| vec![problem])?);
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
