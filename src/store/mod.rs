//! Where a timeline's events live between runs, and how a run gets them back without parsing
//! where that can be avoided. The store owns the index file's format, the cache folder and the
//! embedded timeline; [`crate::index::Index::open`] makes one index of whatever it gives, so no
//! caller knows (or chooses) where the events came from.
//!
//! | timeline | kept as | module |
//! |---|---|---|
//! | the embedded one | an index file `build.rs` writes and the binary includes | [`index_file`] |
//! | a YAML file of a megabyte or more | an index file in the cache folder, under its content's key | `cache.rs`, `key.rs` |
//! | anything else (small, JSON, standard input) | nothing: parsed every time | [`crate::load`] |
//!
//! An index file is queried in place (memory-mapped), and only the records a run shows are
//! decoded. The file is input like any other: see the "Trust" section of [`index_file`]. A
//! record found damaged after the file was opened is [`Error::DamagedIndex`], which the one
//! caller that runs commands answers by [`open_source`].

mod cache;
pub mod index_file;
mod key;

use std::path::Path;

use crate::error::Error;
use crate::load::{Source, load_source};
use crate::model::Timeline;

pub use self::cache::{CACHE_MIN_BYTES, directory};
pub use self::index_file::MappedEvents;
pub use self::key::content_key;

/// The embedded timeline, validated and laid out as an index file by `build.rs`.
static EMBEDDED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded.index"));

/// A timeline as the store gives it back.
#[derive(Debug)]
pub enum Stored {
    /// Parsed from its source: every event held.
    Parsed(Timeline),
    /// A checked index file, its events read in place: the timeline's small parts (without
    /// events) beside them.
    Mapped(Timeline, MappedEvents),
}

/// The timeline in `file`, or the embedded one: from its index file when there is one for it as
/// it is now (see `cache.rs`), else parsed (and, for a big YAML file, its index file written to
/// `cache_dir`).
pub fn open(file: Option<&Path>, cache_dir: Option<&Path>) -> Result<Stored, Error> {
    let Some(path) = file else {
        return embedded_stored();
    };
    // Standard input is read once and has no key to look up before it is read.
    let cache_dir = cache_dir.filter(|_| !crate::load::is_standard_input(path));
    if let Some(dir) = cache_dir
        && let Some((meta, events)) = cache::cached(dir, path)
    {
        return Ok(Stored::Mapped(meta, events));
    }
    cache::parse(path, cache_dir).map(Stored::Parsed)
}

/// The timeline in `file`, or the embedded one, parsed from its source without reading any
/// index file: the answer to an index file found damaged after it was opened. A big YAML file's
/// cache entry is written anew, over the damaged one.
pub fn open_source(file: Option<&Path>, cache_dir: Option<&Path>) -> Result<Stored, Error> {
    let timeline = match file {
        None => load_source(&Source::embedded())?,
        Some(path) => {
            let cache_dir = cache_dir.filter(|_| !crate::load::is_standard_input(path));
            cache::parse(path, cache_dir)?
        }
    };
    Ok(Stored::Parsed(timeline))
}

/// The embedded timeline: queried in place from its build-time index file, as a cache entry is
/// (parsed from the YAML should that ever fail, a bug).
fn embedded_stored() -> Result<Stored, Error> {
    match MappedEvents::embedded(EMBEDDED_INDEX) {
        Some((meta, events)) => Ok(Stored::Mapped(meta, events)),
        None => Ok(Stored::Parsed(load_source(&Source::embedded())?)),
    }
}

/// The embedded timeline, decoded whole from its build-time index file (parsed from the YAML
/// should that ever fail, which would be a bug), its events in file order as parsing gives them.
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

#[cfg(test)]
mod tests;
