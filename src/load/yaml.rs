//! Parsing YAML timelines: serde-saphyr over the whole file in one pass, its budgets scaled to
//! the file and its errors located.

use serde_saphyr::MessageFormatter;

use super::located::YamlText;
use super::raw::RawTimeline;
use super::{Source, problem_at};
use crate::error::Problem;

/// serde-saphyr's default budgets suit configuration files; scale them with the input so a large
/// honest timeline loads while a small hostile file still cannot blow up. Without aliases a node
/// or a parser event takes a byte at least (`[1,1]`), so one of each per byte is what an honest
/// file can need: a million-item flow list loads as its JSON twin does (issue 9), and only
/// aliases can go past it.
fn yaml_options(size: usize) -> serde_saphyr::Options {
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
