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
//! The distance is computed only within the band of edits that can still be close, with the
//! table given up once nothing in it can be (strsim, which the tests compare against, has no
//! bound). For many queries against the same candidates (the loader's unknown references),
//! [`Candidates`] prepares them once, answers repeated queries from memory, and bounds the
//! letters compared for all of them: 10,000 misspelt references to 10,000 ids in under a second.
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
use std::collections::HashMap;

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

/// Known words prepared once to answer many queries: the loader asks, for each unknown
/// reference of a file, which of the ids of its kind are nearest, and a file may hold ten
/// thousand misspelt references to ten thousand ids.
///
/// Three things keep that near-linear: each id is folded and measured once, not per query; a
/// query asked before is answered from memory; and the letters compared for all queries
/// together are bounded ([`Candidates::BUDGET`]): past it, the rest of the file's unknown
/// references get no suggestion (a compiler stops suggesting too). Queries come in file
/// order and candidates are compared in name order, so the answers are the same on every run.
///
/// ```
/// use timeline::suggest::Candidates;
/// let mut ids = Candidates::new(["lenin", "kamenev", "zinoviev"]);
/// assert_eq!(ids.closest("lenim"), ["lenin"]);
/// assert!(ids.closest("xyzzy").is_empty());
/// ```
#[derive(Debug)]
pub struct Candidates {
    /// The candidates, in name order.
    names: Vec<String>,
    /// Every candidate's spellings to compare (whole, and word by word), by its place in
    /// `names`, shortest first.
    forms: Vec<(usize, Form)>,
    /// Each spelling's kinds of letters ([`kinds`]) and extra, beside `forms` so that the first
    /// test reads little memory.
    quick: Vec<(u64, usize)>,
    /// Where the spellings of each length start in `forms`: `forms[starts[n]..starts[n + 1]]`
    /// have `n` letters.
    starts: Vec<usize>,
    /// The answers given, by query.
    answered: HashMap<String, Vec<String>>,
    /// The spellings that may be close to the query at hand, by the fewest edits they can
    /// be from it (kept to reuse their room).
    by_fewest: Vec<Vec<usize>>,
    /// The comparisons of letters left to spend.
    budget: usize,
}

impl Candidates {
    /// How many comparisons of one letter with another all queries together may cost: a few
    /// tenths of a second, far more than a file of honest mistakes needs.
    pub const BUDGET: usize = 50_000_000;

    /// The candidates, prepared: folded and measured once.
    pub fn new<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Candidates {
        let mut names: Vec<String> = candidates
            .into_iter()
            .filter(|c| c.len() <= LONGEST)
            .map(str::to_string)
            .collect();
        names.sort_unstable();
        names.dedup();
        let mut forms = Vec::with_capacity(names.len());
        for (at, name) in names.iter().enumerate() {
            let whole = folded(name);
            for word in words(&whole) {
                forms.push((at, Form::new(word, 1)));
            }
            forms.push((at, Form::new(&whole, 0)));
        }
        forms.sort_by_key(|(_, form)| form.letters.len());
        let longest = forms.last().map_or(0, |(_, form)| form.letters.len());
        let starts = (0..=longest + 1)
            .map(|n| forms.partition_point(|(_, form)| form.letters.len() < n))
            .collect();
        let quick = forms
            .iter()
            .map(|(_, form)| (kinds(&form.letters), form.extra))
            .collect();
        Candidates {
            names,
            forms,
            quick,
            starts,
            answered: HashMap::new(),
            by_fewest: Vec::new(),
            budget: Self::BUDGET,
        }
    }

    /// The candidates nearest to `query`, by the module's rule.
    pub fn closest(&mut self, query: &str) -> Vec<String> {
        if let Some(found) = self.answered.get(query) {
            return found.clone();
        }
        let mut nearest = Nearest::new(query);
        // First a quick test of every spelling of a length within reach, by the kinds of
        // letters it holds, grouping them by the fewest edits each can be from the query.
        for group in &mut self.by_fewest {
            group.clear();
        }
        let letters = nearest.query.len();
        let query_kinds = kinds(&nearest.query);
        let lengths = self.starts.len().saturating_sub(1);
        for n in letters.saturating_sub(reach(letters))
            ..lengths.min(letters + reach(2 * letters + 2) + 1)
        {
            let reach = reach(letters.max(n)).min(letters.min(n).saturating_sub(1));
            if letters.abs_diff(n) > reach {
                continue;
            }
            for at in self.starts[n]..self.starts[n + 1] {
                let (kinds, extra) = self.quick[at];
                let fewest = ((query_kinds ^ kinds).count_ones() as usize).div_ceil(2);
                if fewest <= reach {
                    let fewest = fewest + extra;
                    if self.by_fewest.len() <= fewest {
                        self.by_fewest.resize_with(fewest + 1, Vec::new);
                    }
                    self.by_fewest[fewest].push(at);
                }
            }
        }
        // Then each distance in turn, from none: at each, every spelling that may be that close
        // is compared, with the table bounded by that distance (a few letters a row), until
        // one is found.
        // (No spelling is further than the longest reach and a word's extra.)
        for distance in 0..=reach(2 * letters + 2) + 1 {
            nearest.best = distance;
            let groups = &self.by_fewest[..self.by_fewest.len().min(distance + 1)];
            for &at in groups.iter().flatten() {
                if nearest.spent >= self.budget {
                    // Out of budget: no answer rather than a partial one.
                    self.budget = 0;
                    return Vec::new();
                }
                let (candidate, form) = &self.forms[at];
                nearest.offer_form(*candidate, form);
            }
            if !nearest.found.is_empty() {
                break;
            }
        }
        self.budget = self.budget.saturating_sub(nearest.spent);
        let found: Vec<String> = nearest
            .into_nearest()
            .into_iter()
            .map(|at| self.names[at].clone())
            .collect();
        self.answered.insert(query.to_string(), found.clone());
        found
    }
}

/// One spelling of a candidate, folded, with what the quick tests need: its letters and how
/// many of each it holds ([`Signature`]); `extra` is what matching it costs beyond its edits
/// (one for a word of a longer candidate).
#[derive(Debug)]
struct Form {
    letters: Vec<char>,
    signature: Signature,
    extra: usize,
}

impl Form {
    fn new(folded: &str, extra: usize) -> Form {
        let letters: Vec<char> = folded.chars().collect();
        Form {
            signature: signature(&letters),
            letters,
            extra,
        }
    }
}

/// The words of a folded candidate compared on their own: three letters or more, and not the
/// whole of it.
fn words(whole: &str) -> impl Iterator<Item = &str> {
    whole
        .split(|c: char| !c.is_alphanumeric())
        .filter(move |word| word.len() >= SHORTEST_WORD && word.len() < whole.len())
}

/// How many letters of each kind a text holds, the kinds hashed into 32 counts: one edit
/// changes the counts by two at most (a substitution takes one from a count and adds one to
/// another), so half the difference of two signatures is never more than the distance. It
/// rules out most candidates before their letters are compared.
type Signature = [u8; 32];

fn signature(letters: &[char]) -> Signature {
    let mut counts = [0u8; 32];
    for &c in letters {
        let count = &mut counts[(c as usize) % 32];
        *count = count.saturating_add(1);
    }
    counts
}

/// Which kinds of letters a text holds, hashed into 64: one edit adds a kind or takes one away,
/// or both, so half the kinds two texts do not share is never more than their distance.
fn kinds(letters: &[char]) -> u64 {
    letters
        .iter()
        .fold(0, |kinds, &c| kinds | 1 << (c as u32 % 64))
}

/// The fewest edits two texts with these signatures can be apart.
fn fewest_edits(a: &Signature, b: &Signature) -> usize {
    let differ: usize = a
        .iter()
        .zip(b)
        .map(|(x, y)| usize::from(x.abs_diff(*y)))
        .sum();
    differ.div_ceil(2)
}

/// The optimal-string-alignment distance of `a` and `b` when it is at most `cap`, and the
/// letters compared to find out. Only the band of the table within `cap` of its diagonal is
/// filled (a cell further off is more than `cap` edits already), and the rows are given up once
/// no path through them stays within `cap`: a comparison costs about `cap` letters a row.
fn bounded_distance(a: &[char], b: &[char], cap: usize) -> (Option<usize>, usize) {
    if a.len().abs_diff(b.len()) > cap {
        return (None, 0);
    }
    // Anything beyond `cap` is as good as `far`; the cells outside the band are set to it.
    let far = cap + 1;
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![far; width];
    let mut above: Vec<usize> = (0..width).map(|j| j.min(far)).collect();
    let mut row: Vec<usize> = vec![far; width];
    let mut above_lowest = 0;
    let mut spent = 0;
    for i in 1..=a.len() {
        let first = i.saturating_sub(cap).max(1);
        let last = (i + cap).min(b.len());
        row[first - 1] = if first == 1 { i.min(far) } else { far };
        let mut lowest = row[first - 1];
        for j in first..=last {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (above[j - 1] + cost).min(above[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d.min(far);
            lowest = lowest.min(row[j]);
        }
        if last < b.len() {
            row[last + 1] = far;
        }
        spent += last + 1 - first;
        // A transposition reaches back two rows: give up only when both are out of reach.
        if lowest > cap && above_lowest > cap {
            return (None, spent);
        }
        above_lowest = lowest;
        std::mem::swap(&mut before, &mut above);
        std::mem::swap(&mut above, &mut row);
    }
    let distance = above[b.len()];
    ((distance <= cap).then_some(distance), spent)
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
    /// The query folded, empty when it is too long to compare.
    query: Vec<char>,
    signature: Signature,
    /// The smallest distance found so far (`usize::MAX` before any).
    best: usize,
    /// The candidates at `best`, as offered (one may come once per spelling).
    found: Vec<T>,
    /// The letters compared so far.
    spent: usize,
}

impl<T: Ord> Nearest<T> {
    /// A search for what is nearest to `query`.
    pub fn new(query: &str) -> Nearest<T> {
        let query: Vec<char> = if query.len() > LONGEST {
            Vec::new()
        } else {
            fold(query).chars().collect()
        };
        Nearest {
            signature: signature(&query),
            query,
            best: usize::MAX,
            found: Vec::new(),
            spent: 0,
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
        let whole = Form::new(spelling, 0);
        let words = words(spelling).map(|word| Form::new(word, 1));
        let Some(distance) = std::iter::once(whole)
            .chain(words)
            .filter_map(|form| self.distance(&form))
            .min()
        else {
            return;
        };
        self.keep(candidate, distance);
    }

    /// Compares one prepared spelling of `candidate`.
    fn offer_form(&mut self, candidate: T, form: &Form) {
        if self.query.is_empty() {
            return;
        }
        if let Some(distance) = self.distance(form) {
            self.keep(candidate, distance);
        }
    }

    fn keep(&mut self, candidate: T, distance: usize) {
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

    /// How far the query may be from a spelling and still be close to it: one edit in three
    /// letters, fewer than the shorter has, and no further than the nearest so far.
    fn reach(&self, form: &Form) -> usize {
        let (query, letters) = (self.query.len(), form.letters.len());
        reach(query.max(letters))
            .min(query.min(letters).saturating_sub(1))
            .min(self.best.saturating_sub(form.extra))
    }

    /// The fewest edits (and extra) a spelling can be from the query, by its length and its
    /// counts of letters, when that is within reach.
    fn fewest(&self, form: &Form) -> Option<usize> {
        if self.query.is_empty() {
            return None;
        }
        let reach = self.reach(form);
        // Each letter of difference in length is at least one edit.
        if self.query.len().abs_diff(form.letters.len()) > reach {
            return None;
        }
        let fewest = fewest_edits(&self.signature, &form.signature);
        (fewest <= reach).then_some(fewest + form.extra)
    }

    /// The distance from the query to a spelling (its edits and its extra), when it is close
    /// and no further than the nearest so far; the quick tests first ([`Nearest::fewest`]), so
    /// that most spellings are never compared letter by letter.
    fn distance(&mut self, form: &Form) -> Option<usize> {
        self.fewest(form)?;
        let (distance, spent) = bounded_distance(&self.query, &form.letters, self.reach(form));
        self.spent += spent;
        Some(distance? + form.extra)
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

    /// Words from a small alphabet, so that many are near one another (a linear congruential
    /// generator: the same words on every run).
    fn words_from(seed: u64, count: usize) -> Vec<String> {
        let mut state = seed;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        (0..count)
            .map(|_| {
                let letters = 1 + next() % 12;
                (0..letters)
                    .map(|_| ['a', 'b', 'c', '-', 'é'][next() % 5])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_bounded_distance_is_the_distance_within_its_bound() {
        let words = words_from(7, 300);
        for a in &words {
            for b in words.iter().take(40) {
                let (a_letters, b_letters): (Vec<char>, Vec<char>) =
                    (a.chars().collect(), b.chars().collect());
                let full = strsim::osa_distance(a, b);
                for cap in 0..6 {
                    let (bounded, _) = bounded_distance(&a_letters, &b_letters, cap);
                    assert_eq!(bounded, (full <= cap).then_some(full), "{a} {b} {cap}");
                }
            }
        }
    }

    #[test]
    fn prepared_candidates_answer_as_one_search_does() {
        let known = words_from(11, 400);
        let mut prepared = Candidates::new(known.iter().map(String::as_str));
        for query in words_from(13, 300) {
            let one = closest(&query, known.iter().map(String::as_str));
            assert_eq!(prepared.closest(&query), one, "{query}");
            assert_eq!(prepared.closest(&query), one, "{query}, asked again");
        }
    }
}
