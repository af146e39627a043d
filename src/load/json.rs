//! Parsing JSON timelines: serde_json over the whole file in one pass, its strings borrowed from
//! the file (see [`super::located::JsonText`]) so that problems found later keep their place.

use super::located::JsonText;
use super::raw::RawTimeline;
use super::{Source, problem_at};
use crate::error::Problem;

/// The timeline as written, or the problem that stopped the parse at its place; `None` when the
/// text is no JSON at all (such as a YAML flow mapping), for the YAML reader to read.
pub(super) fn parse_json(source: &Source) -> Option<Result<RawTimeline<JsonText<'_>>, Problem>> {
    match serde_json::from_str::<RawTimeline<JsonText>>(&source.text) {
        Ok(raw) => Some(Ok(raw)),
        Err(e) if e.is_data() => {
            let (line, column) = (e.line() as u64, e.column() as u64);
            let message = e.to_string();
            // serde_json appends " at line L column C"; the position leads instead.
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m)
                .to_string();
            Some(Err(problem_at(source, line, column, message)))
        }
        Err(_) => None,
    }
}
