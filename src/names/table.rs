//! The names of a set of owners (the people, or the places), folded and keyed once, and the
//! lookups on them: by name, by key, by part, and the closest names when nothing matched.

use super::{fold, key_of_folded};
use crate::suggest::Nearest;

/// Query keys shorter than this find nothing as the start of a word: `l` starts too many.
const SHORTEST_KEY_PART: usize = 3;

/// One name of an owner, as the lookups compare it.
#[derive(Debug, Clone)]
struct Spelling {
    owner: usize,
    folded: String,
}

/// The phonetic key of one spelling (same position in [`Keys::keys`] as in the spellings).
#[derive(Debug, Clone)]
struct SpellingKey {
    key: String,
    /// Where in `key` the words after the first begin: `levkamenev` has `[3]`.
    word_starts: Vec<u32>,
}

impl SpellingKey {
    /// The key from the start of each word on: `levkamenev`, `kamenev`.
    fn keys_from_words(&self) -> impl Iterator<Item = &str> {
        let starts = self.word_starts.iter().map(|&s| s as usize);
        std::iter::once(0)
            .chain(starts)
            .filter_map(|s| self.key.get(s..))
    }
}

/// Every spelling's key, and the spellings sorted by key: built only when a query is not a name
/// as folded (most queries are), as keying every name is most of a table's cost.
#[derive(Debug, Clone, Default)]
struct Keys {
    keys: Vec<SpellingKey>,
    /// Positions in the spellings, sorted by key.
    by_key: Vec<u32>,
}

/// Every name of every owner (person or place), folded once and keyed when first needed, and the
/// lookups on them. A folded name is looked up by one pass over the spellings (a process asks
/// once or twice: cheaper than sorting them); keys through spellings sorted by key (binary search).
#[derive(Debug, Clone, Default)]
pub struct NameTable {
    /// Every owner's names, owners in order.
    spellings: Vec<Spelling>,
    /// The keys, made on the first lookup that needs them.
    keys: std::sync::OnceLock<Keys>,
}

impl NameTable {
    /// A table of `owners`, each given as its names (the first the one shown).
    pub fn new<'a, N>(owners: impl IntoIterator<Item = N>) -> NameTable
    where
        N: IntoIterator<Item = &'a str>,
    {
        let mut spellings = Vec::new();
        for (owner, names) in owners.into_iter().enumerate() {
            for name in names {
                spellings.push(Spelling {
                    owner,
                    folded: fold(name),
                });
            }
        }
        NameTable {
            spellings,
            keys: std::sync::OnceLock::new(),
        }
    }

    /// Every spelling's key, made on first use.
    fn keys(&self) -> &Keys {
        self.keys.get_or_init(|| {
            let keys: Vec<SpellingKey> = self
                .spellings
                .iter()
                .map(|s| {
                    let mut word_starts = Vec::new();
                    let key = key_of_folded(&s.folded, Some(&mut word_starts));
                    SpellingKey { key, word_starts }
                })
                .collect();
            let mut by_key: Vec<u32> = positions(keys.len()).collect();
            by_key.sort_by(|&a, &b| keys[a as usize].key.cmp(&keys[b as usize].key));
            Keys { keys, by_key }
        })
    }

    /// The owners `query` names, by the first rule that finds any: a name as folded (`kamenev`);
    /// a name's phonetic key (`Kamenew`, `Trotzki`); a part of a folded name (`kamen`); the start
    /// of a name's key at one of its words (`Jakow` for Yakov Sverdlov). In owner order.
    pub fn find(&self, query: &str) -> Vec<usize> {
        let folded = fold(query);
        if folded.is_empty() {
            return Vec::new();
        }
        let exact = self.owners_where(|i| self.spellings[i].folded == folded);
        if !exact.is_empty() {
            return exact;
        }
        let key = key_of_folded(&folded, None);
        let keys = self.keys();
        let same_key = self.equal(&keys.by_key, |i| keys.keys[i].key.as_str(), &key);
        if !same_key.is_empty() {
            return same_key;
        }
        let within = self.owners_where(|i| self.spellings[i].folded.contains(folded.as_str()));
        if !within.is_empty() || key.len() < SHORTEST_KEY_PART {
            return within;
        }
        self.owners_where(|i| {
            keys.keys[i]
                .keys_from_words()
                .any(|k| k.starts_with(key.as_str()))
        })
    }

    /// The owners whose names are closest to `query` (which found nothing), by the one rule of
    /// [`crate::suggest`]: every name of an owner compared folded, whole and word by word; only
    /// the nearest offered, by their first name, at most three. A query far longer than a name is
    /// not compared with it at all, so a hostile megabyte costs no more than reading it.
    pub fn suggest(&self, query: &str) -> Vec<usize> {
        let mut nearest = Nearest::new(query);
        // Spellings come owner by owner, each owner's first the one shown: the name ties go by.
        let mut shown = "";
        for (i, s) in self.spellings.iter().enumerate() {
            if i == 0 || self.spellings[i - 1].owner != s.owner {
                shown = &s.folded;
            }
            nearest.offer_folded((shown, s.owner), &s.folded);
        }
        nearest
            .into_nearest()
            .into_iter()
            .map(|(_, owner)| owner)
            .collect()
    }

    /// As [`NameTable::suggest`], each owner with the spelling (folded) it came closest under:
    /// `petrogard` is nearest Saint Petersburg as `petrograd`, which a suggestion should say.
    /// Ties go by spelling; an owner comes once, under its first.
    pub fn suggest_spellings(&self, query: &str) -> Vec<(usize, &str)> {
        let mut nearest = Nearest::new(query);
        for s in &self.spellings {
            nearest.offer_folded((s.folded.as_str(), s.owner), &s.folded);
        }
        let mut seen = Vec::new();
        nearest
            .into_nearest()
            .into_iter()
            .filter(|&(_, owner)| {
                let first = !seen.contains(&owner);
                seen.push(owner);
                first
            })
            .map(|(spelling, owner)| (owner, spelling))
            .collect()
    }

    /// The owners of the spellings whose `field` (of a spelling's position) is `wanted`, through
    /// `sorted` (positions sorted by that field), in owner order.
    fn equal<'t>(
        &self,
        sorted: &[u32],
        field: impl Fn(usize) -> &'t str,
        wanted: &str,
    ) -> Vec<usize> {
        let first = sorted.partition_point(|&p| field(p as usize) < wanted);
        let mut owners: Vec<usize> = sorted[first..]
            .iter()
            .take_while(|&&p| field(p as usize) == wanted)
            .map(|&p| self.spellings[p as usize].owner)
            .collect();
        owners.sort_unstable();
        owners.dedup();
        owners
    }

    /// The owners of the spellings (by position) that `matches`, in owner order.
    fn owners_where(&self, matches: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut owners: Vec<usize> = Vec::new();
        for (i, s) in self.spellings.iter().enumerate() {
            if owners.last() != Some(&s.owner) && matches(i) {
                owners.push(s.owner);
            }
        }
        owners
    }
}

/// The positions `0..len` as table indexes (a table never holds 4 billion names).
fn positions(len: usize) -> impl Iterator<Item = u32> {
    (0..len).filter_map(|i| u32::try_from(i).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> NameTable {
        NameTable::new([
            vec!["Leon Trotsky", "Trotsky", "Bronstein"],
            vec!["Lev Kamenev", "Kamenev"],
            vec!["Sergey Kamenev", "Kamenev"],
            vec!["Olga Kameneva", "Kameneva"],
            vec!["Joseph Stalin", "Stalin"],
        ])
    }

    #[test]
    fn find_tries_exact_then_key_then_parts() {
        let table = table();
        assert_eq!(
            table.find("kamenev"),
            [1, 2],
            "namesakes both, not Kameneva"
        );
        assert_eq!(table.find("Kamenew"), [1, 2], "by key, still both");
        assert_eq!(table.find("Trotzki"), [0]);
        assert_eq!(table.find("Троцкий"), [0]);
        assert_eq!(table.find("Sergei Kamenew"), [2]);
        assert_eq!(table.find("kamen"), [1, 2, 3], "a part of folded names");
        assert_eq!(table.find("Bronshtejn"), [0], "a key");
        assert_eq!(table.find("Bronsht"), [0], "the start of a key");
        assert_eq!(table.find("Kamien"), [1, 2, 3], "the start of a word's key");
        assert!(table.find("amenew").is_empty(), "not the middle of a key");
        assert!(table.find("").is_empty());
        assert!(table.find("xyzzy").is_empty());
    }

    #[test]
    fn suggestions_are_the_closest_few() {
        let table = table();
        assert_eq!(table.suggest("stalni"), [4]);
        assert_eq!(table.suggest("Kamnev"), [1, 2], "Kameneva is further");
        assert!(table.suggest("xyzzy").is_empty());
        assert!(table.suggest("").is_empty());
        let huge = "stalin".repeat(20_000);
        assert!(table.find(&huge).is_empty());
        assert!(table.suggest(&huge).is_empty());
    }

    #[test]
    fn a_suggestion_says_the_name_it_came_closest_under() {
        let table = NameTable::new([
            vec!["Saint Petersburg", "Petrograd", "Leningrad"],
            vec!["Moscow"],
        ]);
        assert_eq!(table.suggest_spellings("petrogard"), [(0, "petrograd")]);
        assert_eq!(table.suggest_spellings("lenigrad"), [(0, "leningrad")]);
        assert!(table.suggest_spellings("xyzzy").is_empty());
    }
}
