//! How names are compared: folding (case, accents, scripts), the phonetic key that makes one
//! skeleton of a name's transliterations, the table of owners' names that lookups go through, and
//! the closest names for a query that matched nothing.
//!
//! A reader meets Trotsky as Trotski, Trotskii, Trockij, Trotzki or Троцкий, and Zinoviev as
//! Zinov'ev, Zinovyev or Sinowjew. Folding alone keeps those apart; the key merges the letters the
//! transliteration systems (English, scholarly, German, French, Polish) write differently for one
//! Russian sound, so the curator types none of them as aliases.

use std::collections::HashMap;

/// Folds a name for matching: accents and non-Latin letters transliterated to ASCII, lowercase,
/// inner white space collapsed. `Cárdenas`, `CARDENAS` and `cardenas` all fold to `cardenas`.
///
/// ```
/// use timeline::names::fold;
/// assert_eq!(fold("Büyükada"), "buyukada");
/// assert_eq!(fold("  Hønefoss "), "honefoss");
/// assert_eq!(fold("Lázaro   Cárdenas"), "lazaro cardenas");
/// assert_eq!(fold("Троцкий"), "trotskii");
/// ```
pub fn fold(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The phonetic key of a name: one spelling for the ways transliterations write a sound, so that
/// two spellings of one name share a key. Words are rewritten one by one and joined without
/// separators (hyphens, dots, spaces, apostrophes and soft signs do not count):
///
/// - `shch`, `schtsch`, `sch`, `zh` → `sh` (and `sht` → `st`: Bronshtein is Bronstein);
/// - `kh`, `ch`, `tch`, `tsch` → `h` (Bukharin, Bucharin; Kolchak, Koltschak);
/// - `ts`, `tz`, `z`, `s` and a soft `c` (before e, i, y, k) are one sibilant `s`; other `c`,
///   `q`, `qu` → `k`; `x` → `ks`; `w` → `v`; `ph` → `f`; a final `ff` → `v` (Kameneff);
/// - `i`, `y`, `j` before a vowel are a glide and dropped (Zinoviev, Zinovyev, Sinowjew); elsewhere
///   a run of them is one `i` (the endings `-y`, `-i`, `-ii`, `-iy`, `-ij`, `-yi`);
/// - `ou` → `u` (French), `oe`, `ue`, `ae` → `o`, `u`, `a` (German for ø/ö, ü, ä);
/// - a final `e` after a consonant is dropped in words of four letters or more (French Lénine);
/// - doubled letters are one; digits stay, and Roman numerals after the first word are numbers
///   (Nicholas II is Nicholas 2).
///
/// ```
/// use timeline::names::phonetic_key;
/// let trotsky = phonetic_key("Trotsky");
/// assert_eq!(trotsky, "troski");
/// for variant in ["Trotski", "Trotskii", "Trotskiy", "Trotskij", "Trockij", "Trotzki", "Троцкий"] {
///     assert_eq!(phonetic_key(variant), trotsky, "{variant}");
/// }
/// let zinoviev = phonetic_key("Zinoviev");
/// for variant in ["Zinov'ev", "Zinovyev", "Sinowjew", "Зиновьев"] {
///     assert_eq!(phonetic_key(variant), zinoviev, "{variant}");
/// }
/// assert_eq!(phonetic_key("Kamenew"), phonetic_key("Kamenev"));
/// assert_eq!(phonetic_key("Boukharine"), phonetic_key("Bukharin"));
/// assert_eq!(phonetic_key("Hoenefoss"), phonetic_key("Hønefoss"));
/// assert_eq!(phonetic_key("Alma-Ata"), phonetic_key("Alma Ata"));
/// // Still apart: a name and its feminine form, a name and its ending-less neighbour.
/// assert_ne!(phonetic_key("Kameneva"), phonetic_key("Kamenev"));
/// assert_ne!(phonetic_key("Trotsk"), phonetic_key("Trotsky"));
/// assert_ne!(phonetic_key("Nicholas II"), phonetic_key("Nicholas"));
/// ```
pub fn phonetic_key(name: &str) -> String {
    joined(&word_keys(name))
}

/// The key of each word of `name`, before doubled letters across words are made one.
fn word_keys(name: &str) -> Vec<String> {
    words(&fold(name))
        .enumerate()
        .map(|(position, word)| match roman_numeral(&word) {
            Some(number) if position > 0 => number.to_string(),
            _ => word_key(word.as_bytes()),
        })
        .collect()
}

/// Word keys as one key: Alma-Ata and Almaata both `almata`.
fn joined(word_keys: &[String]) -> String {
    collapse(word_keys.concat().as_bytes())
}

/// The words of a folded name: letters and digits, split at anything else, with apostrophes and
/// quotes (soft and hard signs, `Zinov'ev`) dropped inside a word.
fn words(folded: &str) -> impl Iterator<Item = String> + '_ {
    folded
        .split(|c: char| !(c.is_ascii_alphanumeric() || is_sign(c)))
        .map(|w| w.chars().filter(|c| !is_sign(*c)).collect::<String>())
        .filter(|w| !w.is_empty())
}

fn is_sign(c: char) -> bool {
    matches!(c, '\'' | '"' | '`')
}

/// The number `ii`, `iv` or `xiv` stands for, so that Nicholas II is Nicholas 2, not Nicholas.
fn roman_numeral(word: &str) -> Option<u32> {
    if word.len() > 4 {
        return None;
    }
    let values: Vec<u32> = word
        .bytes()
        .map(|b| match b {
            b'i' => Some(1),
            b'v' => Some(5),
            b'x' => Some(10),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let mut number: i64 = 0;
    for (i, &value) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > value) {
            number -= i64::from(value);
        } else {
            number += i64::from(value);
        }
    }
    u32::try_from(number).ok()
}

fn word_key(word: &[u8]) -> String {
    let word = glides(&consonants(word));
    let mut word = vowels(&word);
    ending(&mut word);
    collapse(&word)
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'o' | b'u')
}

/// The consonant rules, left to right, longest spelling first.
fn consonants(w: &[u8]) -> Vec<u8> {
    const SPELLINGS: &[(&[u8], &[u8])] = &[
        (b"schtsch", b"sh"),
        (b"shch", b"sh"),
        (b"tsch", b"h"),
        (b"sch", b"sh"),
        (b"tch", b"h"),
        (b"sht", b"st"),
        (b"zh", b"sh"),
        (b"sh", b"sh"),
        (b"kh", b"h"),
        (b"ch", b"h"),
        (b"ph", b"f"),
        (b"ts", b"s"),
        (b"tz", b"s"),
        (b"qu", b"k"),
    ];
    let mut out = Vec::with_capacity(w.len() + 4);
    let mut i = 0;
    'scan: while i < w.len() {
        for (spelling, sound) in SPELLINGS {
            if w[i..].starts_with(spelling) {
                out.extend_from_slice(sound);
                i += spelling.len();
                continue 'scan;
            }
        }
        match w[i] {
            b'c' => {
                let soft = matches!(w.get(i + 1), Some(b'e' | b'i' | b'y' | b'k' | b'z'));
                out.push(if soft { b's' } else { b'k' });
            }
            b'q' => out.push(b'k'),
            b'x' => out.extend_from_slice(b"ks"),
            b'w' => out.push(b'v'),
            b'z' => out.push(b's'),
            other => out.push(other),
        }
        i += 1;
    }
    out
}

/// Runs of `i`, `y`, `j`: dropped before a vowel (a glide: `ia`, `ya`, `ja` are `a`), else one `i`.
fn glides(w: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(w.len());
    let mut i = 0;
    while i < w.len() {
        if matches!(w[i], b'i' | b'y' | b'j') {
            while i < w.len() && matches!(w[i], b'i' | b'y' | b'j') {
                i += 1;
            }
            let before_vowel = w.get(i).is_some_and(|&b| is_vowel(b));
            if !before_vowel {
                out.push(b'i');
            }
        } else {
            out.push(w[i]);
            i += 1;
        }
    }
    out
}

/// French `ou` and the German spellings of umlauts.
fn vowels(w: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(w.len());
    let mut i = 0;
    while i < w.len() {
        let pair = (w[i], w.get(i + 1).copied());
        match pair {
            (b'o', Some(b'u')) | (b'u', Some(b'e')) => {
                out.push(b'u');
                i += 2;
            }
            (b'o', Some(b'e')) => {
                out.push(b'o');
                i += 2;
            }
            (b'a', Some(b'e')) => {
                out.push(b'a');
                i += 2;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Old `-off`/`-eff` endings are `-ov`/`-ev`; French adds an `e` that English leaves off.
fn ending(w: &mut Vec<u8>) {
    if w.ends_with(b"ff") {
        w.truncate(w.len() - 2);
        w.push(b'v');
    } else if w.len() >= 4
        && w.ends_with(b"e")
        && w[w.len() - 2].is_ascii_alphabetic()
        && !is_vowel(w[w.len() - 2])
    {
        w.pop();
    }
}

/// Doubled letters as one (digits stay: 1522 is not 152).
fn collapse(w: &[u8]) -> String {
    let mut out = String::with_capacity(w.len());
    let mut last = None;
    for &b in w {
        if !(b.is_ascii_alphabetic() && last == Some(b)) {
            out.push(char::from(b));
        }
        last = Some(b);
    }
    out
}

/// The least similarity (0 to 1) a name must have to a query to be offered as "did you mean":
/// one edit in four letters passes, two in six (Person for Pero) do not.
const CLOSE_ENOUGH: f64 = 0.7;

/// Offered names are at most this much less similar than the best: who typed "Kamnev" meant a
/// Kamenev, not Kameneva.
const MARGIN: f64 = 0.1;

/// A query like one word of a name counts a little less than one like a whole name or alias.
const WORD_ONLY: f64 = 0.05;

/// How many names "did you mean" offers at most.
const SUGGESTIONS: usize = 3;

/// Query keys shorter than this find nothing as the start of a word: `l` starts too many.
const SHORTEST_KEY_PART: usize = 3;

/// The words of a name from which a key part may start (the first 16 are enough for any name a
/// reader types; a hostile name of thousands of words costs no more).
const KEY_PART_WORDS: usize = 16;

/// One name of an owner, as the lookups compare it.
#[derive(Debug, Clone)]
struct Spelling {
    folded: String,
    /// The name's key from each of its first words on: `[levkamenev, kamenev]`.
    keys_from_word: Vec<String>,
}

/// Every name of every owner (person or place), folded and keyed once, and the lookups on them.
#[derive(Debug, Clone, Default)]
pub struct NameTable {
    /// Folded name → its owners, in order.
    folded: HashMap<String, Vec<usize>>,
    /// Phonetic key → its owners, in order.
    keys: HashMap<String, Vec<usize>>,
    /// Each owner's names.
    names: Vec<Vec<Spelling>>,
}

impl NameTable {
    /// A table of `owners`, each given as its names (the first the one shown).
    pub fn new<'a, N>(owners: impl IntoIterator<Item = N>) -> NameTable
    where
        N: IntoIterator<Item = &'a str>,
    {
        let mut table = NameTable::default();
        for (owner, names) in owners.into_iter().enumerate() {
            let mut spellings = Vec::new();
            for name in names {
                let folded = fold(name);
                let words = word_keys(name);
                let keys_from_word: Vec<String> = (0..words.len().clamp(1, KEY_PART_WORDS))
                    .map(|w| joined(&words[w.min(words.len())..]))
                    .collect();
                add(&mut table.folded, &folded, owner);
                add(&mut table.keys, &keys_from_word[0], owner);
                spellings.push(Spelling {
                    folded,
                    keys_from_word,
                });
            }
            table.names.push(spellings);
        }
        table
    }

    /// The owners `query` names, by the first rule that finds any: a name as folded (`kamenev`);
    /// a name's phonetic key (`Kamenew`, `Trotzki`); a part of a folded name (`kamen`); the start
    /// of a name's key at one of its words (`Jakow` for Yakov Sverdlov). In owner order.
    pub fn find(&self, query: &str) -> Vec<usize> {
        let folded = fold(query);
        if folded.is_empty() {
            return Vec::new();
        }
        if let Some(owners) = self.folded.get(&folded) {
            return owners.clone();
        }
        let key = phonetic_key(query);
        if let Some(owners) = self.keys.get(&key) {
            return owners.clone();
        }
        let within = self.owners_where(|name| name.folded.contains(folded.as_str()));
        if !within.is_empty() || key.len() < SHORTEST_KEY_PART {
            return within;
        }
        self.owners_where(|name| {
            name.keys_from_word
                .iter()
                .any(|from_word| from_word.starts_with(key.as_str()))
        })
    }

    /// The owners whose names are closest to `query` (which found nothing), best first: at most
    /// three, none below a similarity of 0.7 nor 0.1 below the best. Names are compared folded and
    /// by key, whole and word by word; a query far longer than a name is not compared with it at
    /// all, so a hostile megabyte costs no more than reading it.
    pub fn suggest(&self, query: &str) -> Vec<usize> {
        let folded = fold(query);
        if folded.is_empty() {
            return Vec::new();
        }
        let key = phonetic_key(query);
        let mut scored: Vec<(f64, usize)> = Vec::new();
        for (owner, names) in self.names.iter().enumerate() {
            let best = names
                .iter()
                .flat_map(|name| {
                    let whole = similarity(&folded, &name.folded)
                        .max(similarity(&key, &name.keys_from_word[0]));
                    let words = name.folded.split(' ').filter(|w| w.len() > 2);
                    let word = words
                        .map(|w| similarity(&folded, w) - WORD_ONLY)
                        .fold(0.0, f64::max);
                    [whole, word]
                })
                .fold(0.0, f64::max);
            if best >= CLOSE_ENOUGH {
                scored.push((best, owner));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let best = scored.first().map_or(0.0, |s| s.0);
        scored
            .into_iter()
            .take_while(|(score, _)| *score >= best - MARGIN)
            .take(SUGGESTIONS)
            .map(|(_, owner)| owner)
            .collect()
    }

    fn owners_where(&self, matches: impl Fn(&Spelling) -> bool) -> Vec<usize> {
        (0..self.names.len())
            .filter(|&owner| self.names[owner].iter().any(&matches))
            .collect()
    }
}

fn add(map: &mut HashMap<String, Vec<usize>>, name: &str, owner: usize) {
    if name.is_empty() {
        return;
    }
    let owners = map.entry(name.to_string()).or_default();
    if owners.last() != Some(&owner) {
        owners.push(owner);
    }
}

/// 1 for the same text, 0 for nothing in common: one less the optimal-string-alignment distance
/// (edits, a swap of neighbours counting one) over the longer length. Lengths too far apart to
/// reach [`CLOSE_ENOUGH`] are not compared.
fn similarity(a: &str, b: &str) -> f64 {
    let (la, lb) = (a.len(), b.len());
    let longer = la.max(lb);
    if longer == 0 || (la.min(lb) as f64) < CLOSE_ENOUGH * longer as f64 {
        return 0.0;
    }
    1.0 - strsim::osa_distance(a, b) as f64 / longer as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        phonetic_key(a) == phonetic_key(b)
    }

    #[test]
    fn endings_of_the_sky_family_are_one() {
        for ending in ["sky", "ski", "skii", "skiy", "skij", "skyi", "skyj"] {
            assert!(same(&format!("Rakov{ending}"), "Rakovsky"), "{ending}");
        }
        assert!(same("Rakowski", "Rakovsky"));
        assert!(same("Dzerzhinskii", "Dzerzhinsky"));
        assert!(same("Dserschinski", "Dzerzhinsky"));
        assert!(same("Tuchatschewski", "Tukhachevsky"));
        assert!(same("Toukhatchevski", "Tukhachevsky"));
    }

    #[test]
    fn vowel_glides_ya_ia_ja_yu_iu_ju_ye_ie_je() {
        assert!(same("Natalya", "Natalia"));
        assert!(same("Natal'ja", "Natalia"));
        assert!(same("Наталья", "Natalia"));
        assert!(same("Yuri", "Iurii"));
        assert!(same("Jurij", "Yury"));
        assert!(same("Yakov", "Jakow"));
        assert!(same("Yevgeni", "Evgenii"));
        assert!(same("Jewgeni", "Yevgeny"));
        assert!(same("Pyatakov", "Piatakov"));
        assert!(same("Nikolayev", "Nikolaev"));
        assert!(same("Ilyich", "Il'ich"));
        assert!(same("Sergey", "Sergei"));
        assert!(same("Sergej", "Сергей"));
        assert!(same("Khrustalyov", "Хрусталёв"));
    }

    #[test]
    fn consonant_families() {
        assert!(same("Bukharin", "Bucharin"));
        assert!(same("Kolchak", "Koltschak"));
        assert!(same("Plekhanov", "Plechanow"));
        assert!(same("Chkheidze", "Tschcheidse"));
        assert!(same("Vatsetis", "Vācietis"));
        assert!(same("Uritsky", "Urizki"));
        assert!(same("Alexandra", "Aleksandra"));
        assert!(same("Victor", "Viktor"));
        assert!(same("Bronstein", "Бронштейн"));
        assert!(same("Kronstadt", "Kronshtadt"));
        assert!(same("Preobrazhensky", "Preobraschenski"));
        assert!(same("Joffe", "Ioffe"));
        assert!(same("Kamenev", "Kameneff"));
        assert!(same("Coyoacán", "Koyoakan"));
        assert!(same("Coyoacán", "Койоакан"));
    }

    #[test]
    fn separators_accents_and_umlaut_spellings() {
        assert!(same("Khrustalyov-Nosar", "Khrustalyov Nosar"));
        assert!(same("Ust-Kut", "Ustkut"));
        assert!(same("St. Petersburg", "St Petersburg"));
        assert!(same("Büyükada", "Bueyuekada"));
        assert!(same("Hønefoss", "Hoenefoss"));
        assert!(same("Atatürk", "Atatuerk"));
        assert!(same("Lénine", "Lenin"));
        assert!(same("Staline", "Stalin"));
    }

    #[test]
    fn keys_keep_apart_what_readers_keep_apart() {
        assert!(!same("Kameneva", "Kamenev"));
        assert!(!same("Sedova", "Sedov"));
        assert!(!same("Volkova", "Volkov"));
        assert!(!same("Lev Kamenev", "Sergey Kamenev"));
        assert!(!same("Lev Sedov", "Sergei Sedov"));
        assert!(!same("Trotsk", "Trotsky"));
        assert!(!same("Nicholas II", "Nicholas"));
        assert!(same("Nicholas II", "Nicholas 2"));
        assert!(!same("Nicholas II", "Nicholas III"));
        assert!(!same("1522 Vyse Avenue", "152 Vyse Avenue"));
    }

    #[test]
    fn a_key_of_nothing_is_empty() {
        assert_eq!(phonetic_key(""), "");
        assert_eq!(phonetic_key(" - . ' "), "");
        assert_eq!(phonetic_key("ʹ"), "");
    }

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
}
