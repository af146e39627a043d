//! "Did you mean": the nearest of the known words to one that matched nothing, for tags, period
//! ids, event ids, people's and places' names, and the loader's unknown references. One rule for
//! all of them:
//!
//! - words are compared folded ([`fold`]: case, accents and scripts aside), each candidate whole
//!   and word by word (words of three letters or more), so `kamnev` is near `Lev Kamenev` and
//!   `war` near `civil-war`;
//! - the distance is the optimal-string-alignment distance: an insertion, a deletion, a
//!   substitution or a swap of neighbours each counts one (`revolutoin` is one from `revolution`);
//!   a match of one word counts one more than the same match of a whole candidate, the rest of
//!   it (`lenim` is one from `lenin` and two from `lenin-trotsky`);
//! - a candidate is close when its distance is at most one for every three letters of the longer
//!   of the two, rounded up, and less than the shorter's length (`hear` is two from `here` and
//!   close; `b` is one from `a` and is not; `xyzzy` is close to nothing);
//! - only the nearest are offered: the close candidates at the smallest distance found, by name,
//!   [`MAX_SUGGESTIONS`] at most. So the answer does not depend on the order candidates come in.
//!
//! Bounded: a query or candidate longer than [`LONGEST`] bytes is near nothing (no tag, id or name
//! is that long), lengths are compared before letters, and a candidate whose length alone puts it
//! out of reach (or further than the nearest so far) is never compared letter by letter. So a
//! hostile megabyte answers at once, and the cost grows with the number of candidates only.
//!
//! ```
//! use timeline::suggest::{closest, did_you_mean};
//! let tags = ["exile", "prison", "civil-war", "war-communism"];
//! assert_eq!(closest("exil", tags), ["exile"]);
//! assert_eq!(closest("war", tags), ["civil-war", "war-communism"]);
//! assert_eq!(did_you_mean(&closest("prisn", tags)), "; did you mean `prison`?");
//! assert!(closest("zzzz", tags).is_empty());
//! ```

use std::borrow::Cow;

use crate::error::quote;
use crate::names::fold;

/// How many suggestions a message gives at most.
pub const MAX_SUGGESTIONS: usize = 3;

/// The longest query or candidate compared, in bytes: comparing costs the product of the two
/// lengths, and nothing a reader types or a curator names runs this long.
pub const LONGEST: usize = 256;

/// Words of a candidate shorter than this are not compared on their own: `of` and `la` are near
/// too much.
const SHORTEST_WORD: usize = 3;

/// The candidates nearest to `query`, by the module's rule: at most [`MAX_SUGGESTIONS`], at the
/// same distance, by name.
///
/// ```
/// use timeline::suggest::closest;
/// let periods = ["childhood", "civil-war", "revolution"];
/// assert_eq!(closest("civilwar", periods), ["civil-war"]);
/// assert_eq!(closest("Revolutoin", periods), ["revolution"]);
/// assert!(closest(&"x".repeat(1 << 20), periods).is_empty());
/// ```
pub fn closest<'a>(query: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut nearest = Nearest::new(query);
    for candidate in candidates {
        nearest.offer(candidate, candidate);
    }
    nearest.into_nearest()
}

/// "; did you mean `exile`?" or "; did you mean `a`, `b` or `c`?", or nothing: each suggestion
/// quoted as a message quotes a value from a file ([`quote`]).
///
/// ```
/// use timeline::suggest::did_you_mean;
/// assert_eq!(did_you_mean(&["exile"]), "; did you mean `exile`?");
/// assert_eq!(did_you_mean(&["a", "b", "c"]), "; did you mean `a`, `b` or `c`?");
/// assert_eq!(did_you_mean(&[]), "");
/// ```
pub fn did_you_mean(found: &[&str]) -> String {
    let quoted: Vec<String> = found.iter().map(|f| format!("`{}`", quote(f))).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        [rest @ .., last] => format!("; did you mean {} or {last}?", rest.join(", ")),
    }
}

/// The search for the candidates nearest to one query, fed one spelling at a time: for
/// candidates known by several spellings (a person's name and aliases), each offered under the
/// same candidate. `T` orders the ties, so it leads with the name (`&str`, or `(name, owner)`).
///
/// ```
/// use timeline::suggest::Nearest;
/// let mut nearest = Nearest::new("Bukarin");
/// nearest.offer(("nikolai bukharin", 7), "Nikolai Bukharin");
/// nearest.offer(("nikolai bukharin", 7), "Bukharin");
/// nearest.offer(("leon trotsky", 0), "Bronstein");
/// assert_eq!(nearest.into_nearest(), [("nikolai bukharin", 7)]);
/// ```
#[derive(Debug)]
pub struct Nearest<T> {
    query: String,
    query_letters: usize,
    /// The smallest distance found so far (`usize::MAX` before any).
    best: usize,
    /// The candidates at `best`, as offered (one may come once per spelling).
    found: Vec<T>,
}

impl<T: Ord> Nearest<T> {
    /// A search for what is nearest to `query`.
    pub fn new(query: &str) -> Nearest<T> {
        let query = if query.len() > LONGEST {
            String::new()
        } else {
            fold(query)
        };
        Nearest {
            query_letters: query.chars().count(),
            query,
            best: usize::MAX,
            found: Vec::new(),
        }
    }

    /// Compares one spelling of `candidate`, whole and word by word.
    pub fn offer(&mut self, candidate: T, spelling: &str) {
        if self.query.is_empty() || spelling.len() > LONGEST {
            return;
        }
        self.offer_folded(candidate, &folded(spelling));
    }

    /// As [`Nearest::offer`], for a spelling already folded ([`fold`]).
    pub fn offer_folded(&mut self, candidate: T, spelling: &str) {
        if self.query.is_empty() || spelling.len() > LONGEST {
            return;
        }
        let whole = self.distance(spelling, self.best);
        let words = spelling
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| word.len() >= SHORTEST_WORD && word.len() < spelling.len())
            .filter_map(|word| Some(self.distance(word, self.best.saturating_sub(1))? + 1));
        let Some(distance) = whole.into_iter().chain(words).min() else {
            return;
        };
        if distance < self.best {
            self.best = distance;
            self.found.clear();
        }
        if distance == self.best {
            self.found.push(candidate);
        }
    }

    /// The nearest candidates, by name, each once, at most [`MAX_SUGGESTIONS`].
    pub fn into_nearest(mut self) -> Vec<T> {
        self.found.sort();
        self.found.dedup();
        self.found.truncate(MAX_SUGGESTIONS);
        self.found
    }

    /// The distance from the query to `text` (folded), when it is close and at most `cap`;
    /// lengths first, so that most texts are never compared letter by letter.
    fn distance(&self, text: &str, cap: usize) -> Option<usize> {
        let letters = text.chars().count();
        let shorter = self.query_letters.min(letters);
        let reach = reach(self.query_letters.max(letters))
            .min(shorter.saturating_sub(1))
            .min(cap);
        // Each letter of difference in length is at least one edit.
        if self.query_letters.abs_diff(letters) > reach {
            return None;
        }
        let distance = strsim::osa_distance(&self.query, text);
        (distance <= reach).then_some(distance)
    }
}

/// How many edits a text of `letters` letters may be from a shorter one and still be close: one
/// for every three letters, rounded up. (`Nearest::distance` also keeps it below the shorter's
/// length.)
fn reach(letters: usize) -> usize {
    letters.div_ceil(3)
}

/// `text` folded, borrowed when folding would change nothing (ids and tags, as a rule: lowercase
/// ASCII with no space), as the loader compares every id of a kind for each unknown reference.
fn folded(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(fold(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_are_offered_by_name_whatever_their_order() {
        let tags = ["strike", "strife", "stride"];
        let mut reversed = tags;
        reversed.reverse();
        assert_eq!(closest("strie", tags), ["stride", "strife", "strike"]);
        assert_eq!(closest("strie", reversed), ["stride", "strife", "strike"]);
        assert_eq!(
            closest("strik", tags),
            ["strike"],
            "one nearer than the rest"
        );
        let many = ["aab", "aac", "aad", "aae"];
        assert_eq!(closest("aaa", many), ["aab", "aac", "aad"]);
    }

    #[test]
    fn close_is_one_edit_in_three_letters_rounded_up() {
        assert_eq!(closest("hear", ["here"]), ["here"], "two edits in four");
        assert!(
            closest("abcdef", ["abcxyz"]).is_empty(),
            "three edits in six"
        );
        assert_eq!(
            closest("war", ["war-communism", "war"]),
            ["war"],
            "whole before a word"
        );
        assert_eq!(closest("lenim", ["lenin", "lenin-trotsky"]), ["lenin"]);
        assert_eq!(closest("Cardnas", ["Lázaro Cárdenas"]), ["Lázaro Cárdenas"]);
        assert!(closest("", ["a"]).is_empty());
        assert!(closest("b", ["a"]).is_empty(), "no letter in common");
        assert!(closest("x", Vec::<&str>::new()).is_empty());
    }

    #[test]
    fn closest_suggests_near_ids_and_skips_far_lengths() {
        let ids = ["petrograd", "moscow", "lenin"];
        assert_eq!(closest("petrogard", ids), ["petrograd"]);
        assert!(closest("zzz", ids).is_empty());
        // A hostile megabyte is longer than LONGEST and never compared (no clock in tests: the
        // cap is what keeps it instant, and a benchmark would measure it).
        let huge = "p".repeat(1_000_000);
        assert!(huge.len() > LONGEST);
        assert!(closest(&huge, ids).is_empty());
    }
}
