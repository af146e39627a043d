//! Parsing YAML timelines: serde-saphyr over the whole file in one pass, its budgets scaled to
//! the file and its errors located.

use serde_saphyr::MessageFormatter;
use serde_saphyr::budget::BudgetBreach;

use super::located::YamlText;
use super::raw::RawTimeline;
use super::syntax::relocate;
use super::{Source, problem_at};
use crate::error::Problem;

/// serde-saphyr's default budgets suit configuration files; scale them with the input so a large
/// honest timeline loads while a small hostile file still cannot blow up. Without aliases a node
/// or a parser event takes a byte at least (`[1,1]`), so one of each per byte is what an honest
/// file can need: a million-item flow list loads as its JSON twin does (issue 9), and only
/// aliases can go past it.
///
/// A key given twice is passed on to the mappings of [`super::raw`], which report it with the
/// rest of the file's problems rather than end the parse.
fn yaml_options(size: usize) -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: size.max(1_000_000),
            max_nodes: size.max(250_000),
            max_total_scalar_bytes: size.max(64 * 1024 * 1024),
        },
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
    }
}

/// What a budget breach means in the file's terms, for the message: serde-saphyr names its
/// counters (`AliasAnchorRatio { aliases: 6968, anchors: 536 }`), which say nothing to a curator.
fn breach_in_words(breach: &BudgetBreach) -> String {
    match breach {
        BudgetBreach::AliasAnchorRatio { aliases, anchors } => format!(
            "{aliases} aliases (`*name`) repeat {anchors} anchors (`&name`) more often than a timeline needs"
        ),
        BudgetBreach::Aliases { aliases } => format!("{aliases} aliases (`*name`) are too many"),
        BudgetBreach::Anchors { anchors } => format!("{anchors} anchors (`&name`) are too many"),
        BudgetBreach::Depth { depth } => {
            format!("lists and mappings nest {depth} deep, deeper than a timeline needs")
        }
        BudgetBreach::Nodes { nodes } => {
            format!("{nodes} values, more than a file of this size holds without aliases expanding")
        }
        BudgetBreach::Events { .. } | BudgetBreach::ScalarBytes { .. } => {
            "aliases expand it past what a file of this size holds".to_string()
        }
        BudgetBreach::MergeKeys { merge_keys } => {
            format!("{merge_keys} merge keys (`<<`) are too many")
        }
        BudgetBreach::Documents { documents } => {
            format!("{documents} documents; a timeline is one")
        }
        _ => "it is too large or too deep for its size".to_string(),
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
            } else if let Some(breach) = breach(&e) {
                format!(
                    "the YAML holds more than a file of {} bytes may: {}",
                    source.text.len(),
                    breach_in_words(breach)
                )
            } else {
                message
            };
            let (line, column, message) = relocate(&source.text, line, column, &message);
            vec![problem_at(source, line, column, message)]
        },
    )
}

/// The budget breach that ended the parse, if one did.
fn breach(error: &serde_saphyr::Error) -> Option<&BudgetBreach> {
    let mut error = error;
    loop {
        match error {
            serde_saphyr::Error::Budget { breach, .. } => return Some(breach),
            serde_saphyr::Error::AliasError { error: inner, .. }
            | serde_saphyr::Error::WithSnippet { error: inner, .. } => error = inner,
            _ => return None,
        }
    }
}
