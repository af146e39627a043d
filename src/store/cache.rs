//! The cache folder: where a big YAML file's index file is kept once it is parsed, how an entry
//! is found again (by the source's stamp, else by its content's key), and how the folder is kept
//! small. Only YAML files of a megabyte or more are cached; JSON parses fast enough without.
//!
//! The folder is `$XDG_CACHE_HOME/timeline` (else `~/.cache/timeline`), never beside the user's
//! file. An entry is used only when its header, fingerprint, key, checksums and columns all hold
//! (see the "Trust" of [`super::index_file`]); anything else (a truncated, corrupt or foreign
//! file) is ignored and rewritten. Failing to write the cache is never an error.
//! `TIMELINE_CACHE=off` turns it off.

use std::path::{Path, PathBuf};

use super::index_file::{self, FileState, MappedEvents, PendingEntry, Stamp};
use super::key::{content_key, file_key, read_at};
use crate::error::Error;
use crate::load::{MAX_FILE_BYTES, Source, load_source};
use crate::model::Timeline;
use crate::term::Environment;

/// Files smaller than this are parsed every time: parsing them takes less than reading a cache.
pub const CACHE_MIN_BYTES: usize = 1 << 20;

/// The largest entry read: an entry holds less than the file it was parsed from, and no file
/// over [`MAX_FILE_BYTES`] is parsed. A larger (or sparse) file in its place is no entry.
pub(super) const MAX_ENTRY_BYTES: u64 = 2 * MAX_FILE_BYTES;

/// How many cache entries are kept; the least recently written go first.
pub(super) const KEEP_ENTRIES: usize = 4;

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

/// The cache entry of the file at `path` in `dir`, opened and checked, if there is one for the
/// file as it is now: first by its metadata, against the stamp each entry keeps of its source
/// (see [`Stamp`]), reading none of the file; where no stamp vouches for it, by the
/// [`content_key`] of its bytes, hashed as they stream past.
pub(super) fn cached(dir: &Path, path: &Path) -> Option<(Timeline, MappedEvents)> {
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
pub(super) fn vouched_entry(dir: &Path, now: &FileState) -> Option<(PathBuf, u128)> {
    let listing = std::fs::read_dir(dir).ok()?;
    listing.filter_map(Result::ok).find_map(|found| {
        let name = found.file_name();
        let key = name.to_str().and_then(entry_key)?;
        let path = found.path();
        let (recorded, stamp) = index_file::read_stamp(&path)?;
        (recorded == key && stamp.vouches_for(now)).then_some((path, key))
    })
}

/// The [`content_key`] of the file at `path`, when it is a regular file a cache entry may exist
/// for: a megabyte or more, no larger than any timeline, not JSON.
pub(super) fn cacheable_key(path: &Path) -> Option<u128> {
    let file = std::fs::File::open(path).ok()?;
    let metadata = file.metadata().ok()?;
    let len = metadata.len();
    if !metadata.is_file() || len < CACHE_MIN_BYTES as u64 || len > MAX_FILE_BYTES {
        return None;
    }
    if starts_as_json(&file) {
        return None;
    }
    file_key(&file, usize::try_from(len).ok()?)
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

/// Parses the file at `path` and, when it is a big YAML file and there is a cache folder,
/// writes its index file there, stamped with the file's state. The events come back in index
/// order when an entry was written (the entry holds them so), else as parsed.
pub(super) fn parse(path: &Path, cache_dir: Option<&Path>) -> Result<Timeline, Error> {
    let before = std::fs::metadata(path).ok();
    // The entry's temporary file is made before the source is read: its birth time is when the
    // read began (see [`Stamp`]). Not for a file too small to cache.
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
    let mut timeline = load_source(&source)?;
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
    if let (Some(pending), Some(key), Some(dir)) = (pending, key, cache_dir) {
        // An entry holds its events in index order; the index sorts them no more (a sorted
        // list is only checked).
        crate::load::order::sort_events(&mut timeline.events);
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
            &timeline,
            &timeline.events,
        );
        if written.is_ok() {
            prune(dir);
        }
    }
    Ok(timeline)
}

/// Where the index file of the source with `key` lives.
pub(super) fn entry_path(dir: &Path, key: u128) -> PathBuf {
    dir.join(format!("{key:032x}.{ENTRY_EXTENSION}"))
}

/// How the names of the cache's temporary files start and end: [`prune`] removes stale ones,
/// and nothing else that is not an entry.
pub(super) const TEMPORARY_PREFIX: &str = ".timeline-cache-";
pub(super) const TEMPORARY_SUFFIX: &str = ".tmp";

/// A temporary file older than this was left by a run that died mid-write.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// How an entry's name ends, after the 32 hex digits of its key.
const ENTRY_EXTENSION: &str = "index";

/// True for the name of an entry: the 32 hex digits of a key, then `.index` (or `.postcard`,
/// the whole-timeline entries of earlier builds, which are pruned like any old entry).
pub(super) fn is_entry_name(name: &str) -> bool {
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
pub(super) fn prune(dir: &Path) {
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
