//! Opening a timeline without parsing it where that can be avoided: the embedded timeline was
//! parsed at build time (see `build.rs`), and a big timeline file, once parsed, is kept in the
//! user's cache directory under a hash of its content, so a repeated query skips the parse.
//!
//! Only YAML files of a megabyte or more are cached; JSON parses fast enough without.
//! The cache lives in `$XDG_CACHE_HOME/timeline` (else `~/.cache/timeline`), never beside the
//! user's file. An entry is used only when its header, key and checksum all match; anything else
//! (a truncated, corrupt or foreign file) is ignored and rewritten. Failing to write the cache is
//! never an error. `TIMELINE_CACHE=off` turns it off.

use std::ops::Deref;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use crate::error::Error;
use crate::index::Index;
use crate::load::trust::trusted;
use crate::load::{MAX_FILE_BYTES, Source, load_source};
use crate::model::Timeline;
use crate::term::Environment;

/// The embedded timeline, validated and serialized by `build.rs`.
static EMBEDDED_POSTCARD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded.postcard"));

/// Files smaller than this are parsed every time: parsing them takes less than reading a cache.
pub const CACHE_MIN_BYTES: usize = 1 << 20;

/// Above this many events the index is not freed at exit: freeing a million events one string at
/// a time costs a third of a second, and the operating system reclaims the memory anyway.
const LEAK_ABOVE_EVENTS: usize = 10_000;

/// The largest entry read: an entry holds less than the file it was parsed from, and no file
/// over [`MAX_FILE_BYTES`] is parsed. A larger (or sparse) file in its place is no entry.
const MAX_ENTRY_BYTES: u64 = 2 * MAX_FILE_BYTES;

/// How many cache entries are kept; the least recently written go first.
const KEEP_ENTRIES: usize = 4;

/// The start of every cache file: the format, then a fingerprint of what shapes a parse (from
/// `build.rs`), so that no build reads an entry written by a build with another model.
const MAGIC: &[u8; 32] = &{
    let mut magic = *b"timeline-cache-1................";
    let fingerprint = env!("TIMELINE_MODEL_FINGERPRINT").as_bytes();
    let mut i = 0;
    while i < 16 {
        magic[16 + i] = fingerprint[i];
        i += 1;
    }
    magic
};

/// An opened timeline. Dereferences to its [`Index`].
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
        if let Some(index) = self.0.take()
            && index.events().len() > LEAK_ABOVE_EVENTS
        {
            std::mem::forget(index);
        }
    }
}

/// Opens `file`, or the embedded timeline, as an index.
pub fn open(file: Option<&Path>, cache_dir: Option<&Path>) -> Result<Opened, Error> {
    let Some(path) = file else {
        return Ok(Opened::new(Index::new(embedded()?)));
    };
    let source = Source::read(path)?;
    // JSON parses fast enough on its own (a million events in about 1.5 s): writing a cache entry
    // would cost its first run more than later runs gain. YAML is ten times slower to parse.
    let json = source.text.trim_start().starts_with('{');
    if source.text.len() < CACHE_MIN_BYTES || json || cache_dir.is_none() {
        return Ok(Opened::new(Index::new(load_source(&source)?)));
    }
    let key = xxh3_128(source.text.as_bytes());
    let entry = cache_dir.map(|dir| dir.join(format!("{key:032x}.postcard")));
    if let Some(timeline) = entry.as_deref().and_then(|entry| read(entry, key)) {
        drop(source);
        return Ok(Opened::new(Index::new(timeline)));
    }
    let timeline = load_source(&source)?;
    drop(source);
    let index = Index::new(timeline);
    if let Some(entry) = entry {
        // Best effort: a read-only or full disk only costs the next run a parse.
        let _ = write(&entry, key, index.timeline());
    }
    Ok(Opened::new(index))
}

/// The embedded timeline, decoded from its build-time form (parsed from the YAML should that
/// ever fail, which would be a bug).
pub fn embedded() -> Result<Timeline, Error> {
    match postcard::from_bytes(EMBEDDED_POSTCARD) {
        Ok(timeline) => Ok(timeline),
        Err(_) => load_source(&Source::embedded()),
    }
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

/// The timeline in a cache entry, if the entry is whole, is for this content, and keeps every
/// rule the loader enforces (a decoded entry is input like any other: see [`trusted`]).
///
/// An entry is the magic, the content's key, the postcard payload, and a checksum of the payload.
fn read(entry: &Path, key: u128) -> Option<Timeline> {
    let bytes = read_entry(entry)?;
    let (header, rest) = bytes.split_at_checked(MAGIC.len() + 16)?;
    let (payload, checksum) = rest.split_at_checked(rest.len().checked_sub(8)?)?;
    let (magic, stored_key) = header.split_at(MAGIC.len());
    if magic != MAGIC
        || stored_key != key.to_le_bytes()
        || checksum != xxh3_64(payload).to_le_bytes()
    {
        return None;
    }
    let timeline: Timeline = postcard::from_bytes(payload).ok()?;
    trusted(&timeline).then_some(timeline)
}

/// The bytes of a cache entry, when it is a regular file of a size an entry can have. It is
/// opened without following a link and without blocking (a FIFO planted in the cache folder
/// would wait forever for a writer), and judged by the file it opened, not by its name.
fn read_entry(entry: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;

    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(entry)
        .ok()?;
    let metadata = file.metadata().ok()?;
    if !metadata.is_file() || metadata.len() > MAX_ENTRY_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // Read no more than it claimed: a file growing while it is read is no entry of ours.
    (&mut file)
        .take(MAX_ENTRY_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    (bytes.len() as u64 == metadata.len()).then_some(bytes)
}

/// Writes a cache entry through a temporary file, so a reader never sees half of one. The payload
/// is streamed to the file and hashed on the way, never held in memory whole.
fn write(entry: &Path, key: u128, timeline: &Timeline) -> std::io::Result<()> {
    use std::io::Write;

    struct Hashing<W> {
        inner: W,
        hasher: Xxh3,
    }

    impl<W: Write> Write for Hashing<W> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let written = self.inner.write(buf)?;
            self.hasher.update(&buf[..written]);
            Ok(written)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            self.inner.flush()
        }
    }

    let dir = entry.parent().expect("an entry is in the cache directory");
    std::fs::create_dir_all(dir)?;
    // Created exclusively under an unpredictable name, so a link planted in the folder is never
    // written through; removed on any failure (a full disk, `ulimit -f`) when it is dropped.
    let temporary = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(dir)?;
    let mut file = std::io::BufWriter::with_capacity(1 << 20, temporary);
    file.write_all(MAGIC)?;
    file.write_all(&key.to_le_bytes())?;
    let mut hashing = Hashing {
        inner: file,
        hasher: Xxh3::new(),
    };
    postcard::to_io(timeline, &mut hashing).map_err(std::io::Error::other)?;
    let Hashing { mut inner, hasher } = hashing;
    inner.write_all(&hasher.digest().to_le_bytes())?;
    let temporary = inner.into_inner().map_err(|e| e.into_error())?;
    // The rename replaces whatever has the entry's name, a planted link included, and never
    // writes through it.
    temporary.persist(entry).map_err(|e| e.error)?;
    prune(dir);
    Ok(())
}

/// How the names of the cache's temporary files start and end: [`prune`] removes stale ones,
/// and nothing else that is not an entry.
const TEMPORARY_PREFIX: &str = ".timeline-cache-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// A temporary file older than this was left by a run that died mid-write.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// True for the name of an entry: the 32 hex digits of a key, then `.postcard`.
fn is_entry_name(name: &str) -> bool {
    name.strip_suffix(".postcard")
        .is_some_and(|key| key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit()))
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

    #[test]
    fn an_entry_round_trips_and_anything_else_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let entry = dir.path().join("timeline").join("k.postcard");
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
            write(
                &dir.path().join(format!("{key:032x}.postcard")),
                key,
                &timeline,
            )
            .unwrap();
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
