//! "Did you mean": the closest few of a list of known words to one that matched nothing, for
//! tags, period ids, event ids and commands. Bounded: a query far longer than every candidate is
//! not compared at all, so a hostile megabyte answers at once.

use crate::index::fold;

/// How many suggestions a message gives at most.
pub const MAX_SUGGESTIONS: usize = 3;

/// The candidates closest to `query` (case and accents aside), best first: those that contain it
/// or that it contains, then those within a small edit distance.
///
/// ```
/// use timeline::suggest::closest;
/// let tags = ["exile", "prison", "war"];
/// assert_eq!(closest("exil", tags), ["exile"]);
/// assert_eq!(closest("prisn", tags), ["prison"]);
/// assert!(closest("zzzz", tags).is_empty());
/// ```
pub fn closest<'a>(query: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let longest = candidates.iter().map(|c| c.len()).max().unwrap_or(0);
    if query.len() > 2 * longest + 8 {
        return Vec::new();
    }
    let query = fold(query);
    if query.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, f64, &str)> = candidates
        .into_iter()
        .filter_map(|candidate| {
            let folded = fold(candidate);
            let distance = strsim::levenshtein(&query, &folded);
            let similarity = strsim::jaro_winkler(&query, &folded);
            let contains = folded.contains(&query) || query.contains(&folded);
            let allowed = (query.chars().count().max(3)) / 3;
            (contains || distance <= allowed || similarity >= 0.88).then_some((
                usize::from(!contains),
                -similarity,
                candidate,
            ))
        })
        .collect();
    scored.sort_by(|a, b| {
        (a.0, a.1)
            .partial_cmp(&(b.0, b.1))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    scored.dedup_by_key(|s| s.2);
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|s| s.2)
        .collect()
}

/// "; did you mean `exile`?" or "; did you mean `a`, `b` or `c`?", or nothing.
///
/// ```
/// use timeline::suggest::did_you_mean;
/// assert_eq!(did_you_mean(&["exile"]), "; did you mean `exile`?");
/// assert_eq!(did_you_mean(&["a", "b", "c"]), "; did you mean `a`, `b` or `c`?");
/// assert_eq!(did_you_mean(&[]), "");
/// ```
pub fn did_you_mean(found: &[&str]) -> String {
    let quoted: Vec<String> = found.iter().map(|f| format!("`{f}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        [rest @ .., last] => format!("; did you mean {} or {last}?", rest.join(", ")),
    }
}
