//! Opening a timeline without parsing it where that can be avoided: the embedded timeline was
//! parsed at build time (see `build.rs`), and a big timeline file, once parsed, is kept in the
//! user's cache directory as an index file (see [`crate::index_file`]) under a hash of its
//! content, so a repeated query skips the parse and, for the event list and `who`, queries the
//! mapped file in place.
//!
//! Only YAML files of a megabyte or more are cached; JSON parses fast enough without.
//! The cache lives in `$XDG_CACHE_HOME/timeline` (else `~/.cache/timeline`), never beside the
//! user's file. An entry is used only when its header, fingerprint, key, checksums and columns
//! all hold; anything else (a truncated, corrupt or foreign file) is ignored and rewritten.
//! Failing to write the cache is never an error. `TIMELINE_CACHE=off` turns it off.

use std::ops::Deref;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_128;

use crate::error::Error;
use crate::index::Index;
use crate::index_file::{self, FileState, MappedEvents, PendingEntry, Stamp};
use crate::load::{MAX_FILE_BYTES, Source, load_source};
use crate::model::Timeline;
use crate::term::Environment;

/// The embedded timeline, validated and laid out as an index file by `build.rs`.
static EMBEDDED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded.index"));

/// Files smaller than this are parsed every time: parsing them takes less than reading a cache.
pub const CACHE_MIN_BYTES: usize = 1 << 20;

/// The largest entry read: an entry holds less than the file it was parsed from, and no file
/// over [`MAX_FILE_BYTES`] is parsed. A larger (or sparse) file in its place is no entry.
const MAX_ENTRY_BYTES: u64 = 2 * MAX_FILE_BYTES;

/// How many cache entries are kept; the least recently written go first.
const KEEP_ENTRIES: usize = 4;

/// An opened timeline. Dereferences to its [`Index`]. It is never freed: a process opens one
/// timeline (two after a damaged cache entry) and ends after its view, and freeing the events one
/// string at a time cost a third of a second for a million events and a seventh of the embedded
/// timeline's whole run, for memory the operating system reclaims at exit anyway.
#[derive(Debug)]
pub struct Opened(Option<Index>);

impl Opened {
    fn new(index: Index) -> Opened {
        Opened(Some(index))
    }
}

impl Deref for Opened {
    type Target = Index;

    fn deref(&self) -> &Index {
        self.0.as_ref().expect("present until dropped")
    }
}

impl Drop for Opened {
    fn drop(&mut self) {
        if let Some(index) = self.0.take() {
            std::mem::forget(index);
        }
    }
}

/// What a command needs of the events, so that a cached timeline is opened the cheapest way
/// that answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Only the events [`Index::select`] keeps, and counts over them: the index file is queried
    /// in place and only the kept records are decoded.
    Selected,
    /// Every event (stats, charts, exports, tags): the index file is decoded whole.
    All,
}

/// Opens `file`, or the embedded timeline, as an index.
///
/// A YAML file of [`CACHE_MIN_BYTES`] or more is looked up in the cache: first by its metadata,
/// against the stamp each entry keeps of its source (see [`index_file::Stamp`]), reading none of
/// the file; where no stamp vouches for it, by the [`content_key`] of its bytes, hashed as they
/// stream past. A hit is queried in place ([`Access::Selected`]) or decoded whole
/// ([`Access::All`]). A miss parses the file and writes its index file.
pub fn open(
    file: Option<&Path>,
    cache_dir: Option<&Path>,
    access: Access,
) -> Result<Opened, Error> {
    let Some(path) = file else {
        return Ok(Opened::new(embedded_index(access)?));
    };
    // Standard input is read once and has no key to look up before it is read.
    let cache_dir = cache_dir.filter(|_| !crate::load::is_standard_input(path));
    if let Some(dir) = cache_dir
        && let Some((meta, events)) = cached(dir, path)
    {
        match access {
            Access::Selected => return Ok(Opened::new(Index::mapped(meta, events))),
            Access::All => {
                if let Some(events) = events.all_records(&meta) {
                    let timeline = Timeline { events, ..meta };
                    return Ok(Opened::new(Index::new(timeline)));
                }
            }
        }
    }
    parse(path, cache_dir)
}

/// The cache entry of the file at `path` in `dir`, opened and checked, if there is one for the
/// file as it is now.
fn cached(dir: &Path, path: &Path) -> Option<(Timeline, MappedEvents)> {
    let now = std::fs::metadata(path).ok().and_then(|m| FileState::of(&m));
    if let Some(now) = now
        && let Some((entry, key)) = vouched_entry(dir, &now)
        && let Some(opened) = MappedEvents::open(&entry, key, MAX_ENTRY_BYTES)
    {
        return Some(opened);
    }
    // No stamp vouches for the file (it changed, was touched or copied, or was written in the
    // tick its entry's parse began): its content decides.
    let key = cacheable_key(path)?;
    MappedEvents::open(&entry_path(dir, key), key, MAX_ENTRY_BYTES)
}

/// The entry whose stamp vouches for a source in state `now`, and its key. Only the headers of
/// the few entries are read (see [`KEEP_ENTRIES`]), never the source.
fn vouched_entry(dir: &Path, now: &FileState) -> Option<(PathBuf, u128)> {
    let listing = std::fs::read_dir(dir).ok()?;
    listing.filter_map(Result::ok).find_map(|found| {
        let name = found.file_name();
        let key = name.to_str().and_then(entry_key)?;
        let path = found.path();
        let (recorded, stamp) = index_file::read_stamp(&path)?;
        (recorded == key && stamp.vouches_for(now)).then_some((path, key))
    })
}

/// Parses the file at `path` and, when it is a big YAML file and there is a cache folder,
/// writes its index file there, stamped with the file's state.
fn parse(path: &Path, cache_dir: Option<&Path>) -> Result<Opened, Error> {
    let before = std::fs::metadata(path).ok();
    // The entry's temporary file is made before the source is read: its birth time is when the
    // read began (see [`index_file::Stamp`]). Not for a file too small to cache.
    let pending = cache_dir
        .filter(|_| {
            before
                .as_ref()
                .is_some_and(|m| m.len() >= CACHE_MIN_BYTES as u64)
        })
        .and_then(|dir| PendingEntry::create(dir, TEMPORARY_PREFIX, TEMPORARY_SUFFIX).ok());
    let source = Source::read(path)?;
    // JSON parses fast enough on its own (a million events in about 1.5 s): writing a cache entry
    // would cost its first run more than later runs gain. YAML is ten times slower to parse.
    let json = source.text.trim_start().starts_with('{');
    let timeline = load_source(&source)?;
    let pending = pending.filter(|_| source.text.len() >= CACHE_MIN_BYTES && !json);
    // The key of the text parsed, not of the bytes hashed above: the file may have changed.
    let key = pending
        .as_ref()
        .map(|_| content_key(source.text.as_bytes()));
    // Giving a big file's text back to the system (15 ms for 200 MB) need not hold up the
    // answer (should no thread start, the closure, and the text with it, is dropped here).
    if source.text.len() >= 64 << 20 {
        let _ = std::thread::Builder::new().spawn(move || drop(source));
    } else {
        drop(source);
    }
    let index = Index::new(timeline);
    if let (Some(pending), Some(key), Some(dir)) = (pending, key, cache_dir) {
        // A stamp only for a file that stayed as it was from before the read to now.
        let state = |m: Option<std::fs::Metadata>| m.as_ref().and_then(FileState::of);
        let after = state(std::fs::metadata(path).ok());
        let stamp = state(before)
            .filter(|before| Some(*before) == after)
            .map(|source| Stamp {
                source,
                began: pending.began(),
            });
        // Best effort: a read-only or full disk only costs the next run a parse.
        let written = pending.finish(
            &entry_path(dir, key),
            key,
            stamp.as_ref(),
            index.timeline(),
            index.events(),
        );
        if written.is_ok() {
            prune(dir);
        }
    }
    Ok(Opened::new(index))
}

/// Where the index file of the source with `key` lives.
fn entry_path(dir: &Path, key: u128) -> PathBuf {
    dir.join(format!("{key:032x}.{ENTRY_EXTENSION}"))
}

/// The bytes of a source hashed apart for its key, so that a big file is hashed on every core.
const KEY_PIECE_BYTES: usize = 32 << 20;

/// The key of a source's bytes in the cache: the xxh3-128 of the xxh3-128s of its 32 MiB
/// pieces. Hashing the pieces at once on two cores halves the one cost every cached run pays
/// before its query (about 25 ms at 200 MB); [`file_key`] gives the same key for a file.
pub fn content_key(bytes: &[u8]) -> u128 {
    let digests: Vec<u8> = bytes
        .chunks(KEY_PIECE_BYTES)
        .flat_map(|piece| xxh3_128(piece).to_le_bytes())
        .collect();
    xxh3_128(&digests)
}

/// The [`content_key`] of the file at `path`, when it is a regular file a cache entry may exist
/// for: a megabyte or more, no larger than any timeline, not JSON. The file is streamed through
/// a buffer per core, never held: mapping it instead was as fast here but counted its 200 MB in
/// the process's resident memory, and a file truncated while mapped makes the reader fault.
/// A file that changes size while it is read has no key.
fn cacheable_key(path: &Path) -> Option<u128> {
    let file = std::fs::File::open(path).ok()?;
    let metadata = file.metadata().ok()?;
    let len = metadata.len();
    if !metadata.is_file() || len < CACHE_MIN_BYTES as u64 || len > MAX_FILE_BYTES {
        return None;
    }
    let len = usize::try_from(len).ok()?;
    if starts_as_json(&file) {
        return None;
    }
    let pieces = len.div_ceil(KEY_PIECE_BYTES);
    let per_thread = pieces.div_ceil(crate::parallel::cores().min(pieces).max(1));
    let piece_ranges: Vec<(usize, usize)> = (0..pieces)
        .map(|i| (i * KEY_PIECE_BYTES, ((i + 1) * KEY_PIECE_BYTES).min(len)))
        .collect();
    let parts: Vec<&[(usize, usize)]> = piece_ranges.chunks(per_thread).collect();
    let digests: Option<Vec<Vec<u8>>> = crate::parallel::map(&parts, |ranges| {
        let mut buffer = vec![0; 1 << 18];
        let mut digests = Vec::new();
        for &(from, to) in *ranges {
            digests.extend(piece_digest(&file, from, to, &mut buffer)?.to_le_bytes());
        }
        Some(digests)
    })
    .into_iter()
    .collect();
    let digests = digests?.concat();
    // Nothing past the size the file had: it grew while it was read.
    let mut past_end = [0u8; 1];
    if read_at(&file, &mut past_end, len as u64).ok()? != 0 {
        return None;
    }
    Some(xxh3_128(&digests))
}

/// True when the first text of `file` opens a JSON object: JSON is never cached.
fn starts_as_json(file: &std::fs::File) -> bool {
    let mut head = vec![0; 1 << 16];
    let read = read_at(file, &mut head, 0).unwrap_or(0);
    head[..read]
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&first| first == b'{')
}

/// The xxh3-128 of the bytes `from..to` of `file`, read through `buffer`; `None` when the file
/// ends first or cannot be read.
fn piece_digest(file: &std::fs::File, from: usize, to: usize, buffer: &mut [u8]) -> Option<u128> {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut at = from;
    while at < to {
        let want = (to - at).min(buffer.len());
        let read = read_at(file, &mut buffer[..want], at as u64).ok()?;
        if read == 0 {
            return None;
        }
        hasher.update(&buffer[..read]);
        at += read;
    }
    Some(hasher.digest128())
}

/// One positioned read, retried when interrupted; threads share the file without a cursor.
fn read_at(file: &std::fs::File, buffer: &mut [u8], offset: u64) -> std::io::Result<usize> {
    use std::os::unix::fs::FileExt;
    loop {
        match file.read_at(buffer, offset) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// The embedded timeline as an index for `access`: queried in place from its build-time index
/// file, as a mapped cache entry is (parsed from the YAML should that ever fail, a bug).
fn embedded_index(access: Access) -> Result<Index, Error> {
    if let Some((meta, events)) = MappedEvents::embedded(EMBEDDED_INDEX) {
        match access {
            Access::Selected => return Ok(Index::mapped(meta, events)),
            Access::All => {
                if let Some(events) = events.all_records(&meta) {
                    return Ok(Index::new(Timeline { events, ..meta }));
                }
            }
        }
    }
    Ok(Index::new(load_source(&Source::embedded())?))
}

/// The embedded timeline, decoded whole from its build-time index file (parsed from the YAML
/// should that ever fail, which would be a bug).
pub fn embedded() -> Result<Timeline, Error> {
    if let Some((meta, events)) = MappedEvents::embedded(EMBEDDED_INDEX)
        && let Some(mut events) = events.all_records(&meta)
    {
        // Back to file order (the file holds index order), as parsing gives them.
        events.sort_by_key(|e| e.file_order);
        return Ok(Timeline { events, ..meta });
    }
    load_source(&Source::embedded())
}

/// The cache folder: `$XDG_CACHE_HOME/timeline`, else `$HOME/.cache/timeline`; `None` when the
/// cache is off (`TIMELINE_CACHE=off`) or neither variable holds an absolute path.
pub fn directory(env: &Environment) -> Option<PathBuf> {
    if env.timeline_cache.as_deref().is_some_and(|v| v == "off") {
        return None;
    }
    let absolute = |value: &Option<std::ffi::OsString>| {
        value
            .as_ref()
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let base =
        absolute(&env.xdg_cache_home).or_else(|| absolute(&env.home).map(|h| h.join(".cache")))?;
    Some(base.join("timeline"))
}

/// How the names of the cache's temporary files start and end: [`prune`] removes stale ones,
/// and nothing else that is not an entry.
const TEMPORARY_PREFIX: &str = ".timeline-cache-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// A temporary file older than this was left by a run that died mid-write.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// How an entry's name ends, after the 32 hex digits of its key.
const ENTRY_EXTENSION: &str = "index";

/// True for the name of an entry: the 32 hex digits of a key, then `.index` (or `.postcard`,
/// the whole-timeline entries of earlier builds, which are pruned like any old entry).
fn is_entry_name(name: &str) -> bool {
    name.strip_suffix(".index")
        .or_else(|| name.strip_suffix(".postcard"))
        .is_some_and(is_key_text)
}

/// The key of the entry named `name` (32 hex digits, then `.index`).
fn entry_key(name: &str) -> Option<u128> {
    let key = name.strip_suffix(".index").filter(|key| is_key_text(key))?;
    u128::from_str_radix(key, 16).ok()
}

fn is_key_text(key: &str) -> bool {
    key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Keeps the most recent [`KEEP_ENTRIES`] entries and removes stale temporaries. Only files
/// named as this program names them are touched: a cache folder shared by mistake with other
/// files (or `XDG_CACHE_HOME` pointed at the wrong place) loses nothing else.
fn prune(dir: &Path) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    let mut entries = Vec::new();
    for found in listing.filter_map(Result::ok) {
        let name = found.file_name();
        let Some(name) = name.to_str() else { continue };
        // The listing's own type: a link is not followed to judge it.
        let Ok(metadata) = found.metadata() else {
            continue;
        };
        let Ok(modified) = metadata.modified() else {
            continue;
        };
        if is_entry_name(name) {
            entries.push((modified, found.path()));
        } else if name.starts_with(TEMPORARY_PREFIX)
            && name.ends_with(TEMPORARY_SUFFIX)
            && now
                .duration_since(modified)
                .is_ok_and(|age| age > STALE_AFTER)
        {
            let _ = std::fs::remove_file(found.path());
        }
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.0));
    for (_, path) in entries.into_iter().skip(KEEP_ENTRIES) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_read_in_pieces_has_the_key_of_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        // One piece and a bit, two and a bit: the last piece short, the pieces on two threads.
        for len in [
            CACHE_MIN_BYTES + 7,
            2 * KEY_PIECE_BYTES + 5,
            3 * KEY_PIECE_BYTES,
        ] {
            let bytes: Vec<u8> = (0..len).map(|i| b"title: t\n"[i % 9]).collect();
            let path = dir.path().join(format!("{len}.yaml"));
            std::fs::write(&path, &bytes).unwrap();
            assert_eq!(cacheable_key(&path), Some(content_key(&bytes)), "{len}");
            let mut changed = bytes.clone();
            changed[len - 1] ^= 1;
            assert_ne!(content_key(&changed), content_key(&bytes));
        }
        let json = dir.path().join("big.json");
        let mut text = b"  \n{".to_vec();
        text.resize(CACHE_MIN_BYTES + 1, b' ');
        std::fs::write(&json, &text).unwrap();
        assert_eq!(cacheable_key(&json), None, "JSON is never cached");
    }

    /// A YAML timeline of over a megabyte, its events' titles `title` and a number.
    fn big_yaml(title: &str) -> String {
        let mut text = String::from("title: Big\nevents:\n");
        for i in 0..12_000 {
            let year = 1800 + i % 200;
            text.push_str(&format!("  - {{id: e{i}, date: {year}, title: {title} event {i:05} of a long synthetic life somewhere}}\n"));
        }
        assert!(text.len() > CACHE_MIN_BYTES);
        text
    }

    #[test]
    fn a_file_changed_with_the_same_size_and_mtime_is_still_detected() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache");
        let file = dir.path().join("life.yaml");
        let text = big_yaml("Before");
        std::fs::write(&file, &text).unwrap();
        // Past the clock tick the file was written in: a parse that begins in that tick leaves
        // a stamp that vouches for nothing (the racy case), which is not what is tested here.
        std::thread::sleep(std::time::Duration::from_millis(50));
        parse(&file, Some(&cache)).unwrap();
        let state = |path: &Path| FileState::of(&std::fs::metadata(path).unwrap()).unwrap();
        let (_, key) = vouched_entry(&cache, &state(&file)).expect("the stamp vouches");
        assert_eq!(key, content_key(text.as_bytes()));
        assert!(cached(&cache, &file).is_some());

        // The same number of bytes, and the modification time set back as it was.
        let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
        let changed = big_yaml("Behind");
        assert_eq!(changed.len(), text.len());
        std::fs::write(&file, &changed).unwrap();
        let handle = std::fs::File::options().write(true).open(&file).unwrap();
        handle
            .set_times(std::fs::FileTimes::new().set_modified(modified))
            .unwrap();
        drop(handle);
        let now = std::fs::metadata(&file).unwrap();
        assert_eq!(
            (now.len(), now.modified().unwrap()),
            (text.len() as u64, modified)
        );
        // The change time moved: no stamp vouches, and the content's key finds no entry.
        assert!(vouched_entry(&cache, &state(&file)).is_none());
        assert!(cached(&cache, &file).is_none());
        let reopened = open(Some(&file), Some(&cache), Access::All).unwrap();
        assert!(reopened.events()[0].title.starts_with("Behind"));
    }

    #[test]
    fn a_touched_file_is_found_by_its_content() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache");
        let file = dir.path().join("life.yaml");
        std::fs::write(&file, big_yaml("Same")).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(50));
        parse(&file, Some(&cache)).unwrap();
        let touched = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
        let handle = std::fs::File::options().write(true).open(&file).unwrap();
        handle
            .set_times(std::fs::FileTimes::new().set_modified(touched))
            .unwrap();
        drop(handle);
        let now = FileState::of(&std::fs::metadata(&file).unwrap()).unwrap();
        assert!(vouched_entry(&cache, &now).is_none());
        assert!(
            cached(&cache, &file).is_some(),
            "the content key still finds it"
        );
    }

    #[test]
    fn the_embedded_index_file_opens_in_place_for_every_access() {
        // Were it refused, every start would quietly parse the YAML instead.
        let (meta, events) =
            MappedEvents::embedded(EMBEDDED_INDEX).expect("the embedded index opens");
        assert!(!events.is_empty());
        assert_eq!(
            events.all_records(&meta).map(|e| e.len()),
            Some(events.len())
        );
        assert!(embedded_index(Access::Selected).unwrap().is_mapped());
        assert!(!embedded_index(Access::All).unwrap().is_mapped());
    }

    #[test]
    fn the_embedded_timeline_decodes_to_what_parsing_gives() {
        let decoded = embedded().unwrap();
        let parsed = load_source(&Source::embedded()).unwrap();
        assert_eq!(decoded.events.len(), parsed.events.len());
        assert!(!decoded.events.is_empty());
        for (a, b) in decoded.events.iter().zip(&parsed.events) {
            assert_eq!((&a.id, a.date, &a.title), (&b.id, b.date, &b.title));
            assert_eq!(
                (a.place, &a.people, a.period),
                (b.place, &b.people, b.period)
            );
        }
        assert_eq!(decoded.people.len(), parsed.people.len());
        assert_eq!(decoded.places.len(), parsed.places.len());
    }

    /// Writes the index file of `timeline` for `key` at `path`, as [`open`] does.
    fn write(path: &Path, key: u128, timeline: &Timeline) -> std::io::Result<()> {
        let index = Index::new(timeline.clone());
        let pending =
            PendingEntry::create(path.parent().unwrap(), TEMPORARY_PREFIX, TEMPORARY_SUFFIX)?;
        pending.finish(path, key, None, index.timeline(), index.events())?;
        prune(path.parent().unwrap());
        Ok(())
    }

    fn read(path: &Path, key: u128) -> Option<Timeline> {
        let (meta, events) = MappedEvents::open(path, key, MAX_ENTRY_BYTES)?;
        let events = events.all_records(&meta)?;
        Some(Timeline { events, ..meta })
    }

    #[test]
    fn an_entry_round_trips_and_anything_else_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let entry = dir.path().join("timeline").join("k.index");
        let timeline = embedded().unwrap();
        write(&entry, 42, &timeline).unwrap();
        let back = read(&entry, 42).expect("a fresh entry reads back");
        assert_eq!(back.events.len(), timeline.events.len());
        assert!(read(&entry, 43).is_none(), "another key");
        let mut bytes = std::fs::read(&entry).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        std::fs::write(&entry, &bytes).unwrap();
        assert!(read(&entry, 42).is_none(), "a flipped bit");
        std::fs::write(&entry, &bytes[..100]).unwrap();
        assert!(read(&entry, 42).is_none(), "a truncated entry");
        std::fs::write(&entry, b"").unwrap();
        assert!(read(&entry, 42).is_none(), "an empty entry");
    }

    #[test]
    fn a_decoded_entry_that_breaks_a_rule_is_refused() {
        let timeline = embedded().unwrap();
        use crate::load::trust::trusted;
        assert!(trusted(&timeline));
        let mut bad = timeline.clone();
        bad.events[0].place = Some(usize::MAX);
        assert!(!trusted(&bad));
        let mut bad = timeline.clone();
        bad.events[0].title = "\u{1b}]52;c;aGk=\u{7}".into();
        assert!(!trusted(&bad));
        let mut bad = timeline.clone();
        bad.events[0].id = "a\r\nATTACH:x".into();
        assert!(!trusted(&bad));
        let mut bad = timeline.clone();
        bad.places[0].julian_until = Some(chrono::NaiveDate::MAX);
        assert!(!trusted(&bad));
    }

    #[test]
    fn only_files_named_as_ours_are_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let timeline = embedded().unwrap();
        std::fs::write(dir.path().join("notes.postcard"), "mine").unwrap();
        std::fs::write(dir.path().join("k.tmp123"), "mine").unwrap();
        for key in 0..(KEEP_ENTRIES as u128 + 2) {
            write(&entry_path(dir.path(), key), key, &timeline).unwrap();
        }
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(
            names.iter().filter(|n| is_entry_name(n)).count(),
            KEEP_ENTRIES
        );
        assert!(names.contains(&"notes.postcard".to_string()), "{names:?}");
        assert!(names.contains(&"k.tmp123".to_string()), "{names:?}");
        assert!(
            !names.iter().any(|n| n.starts_with(TEMPORARY_PREFIX)),
            "{names:?}"
        );
    }
}
