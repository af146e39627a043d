//! Writing a cache entry: the index file (encoded by `encode.rs`) written through a temporary
//! file and renamed into place.

use std::io::Write;
use std::path::Path;

use tempfile::NamedTempFile;

use super::FINGERPRINT;
use super::stamp::{FileState, Stamp};
use crate::model::{Event, Timeline};

/// Writes the index file of `timeline` (the small parts) and `events` (in index order) for the
/// source with `key` (and `stamp`, when it is a file on disk) to `out`.
pub fn write(
    out: &mut impl Write,
    key: u128,
    stamp: Option<&Stamp>,
    timeline: &Timeline,
    events: &[Event],
) -> std::io::Result<()> {
    let stamp = stamp.map(Stamp::to_bytes);
    super::encode::encode(out, FINGERPRINT, key, stamp.as_ref(), timeline, events)
}

/// An entry being made: its temporary file in the cache folder, created before the source is
/// read, so that its birth time, on the folder's clock, says when the read began (see
/// [`Stamp`]). Dropped unfinished, the temporary is removed.
#[derive(Debug)]
pub struct PendingEntry {
    temporary: NamedTempFile,
    began: i64,
}

impl PendingEntry {
    /// Creates the temporary file in `dir` (made if missing), named `prefix…suffix`, exclusively
    /// and under an unpredictable name: a link planted in the folder is never written through.
    pub fn create(dir: &Path, prefix: &str, suffix: &str) -> std::io::Result<PendingEntry> {
        std::fs::create_dir_all(dir)?;
        let temporary = tempfile::Builder::new()
            .prefix(prefix)
            .suffix(suffix)
            .tempfile_in(dir)?;
        let born = FileState::of(&temporary.as_file().metadata()?)
            .ok_or_else(|| std::io::Error::other("a clock outside 1678–2262"))?;
        Ok(PendingEntry {
            temporary,
            began: born.modified(),
        })
    }

    /// When the temporary was made, in nanoseconds since the epoch on the cache folder's clock.
    pub fn began(&self) -> i64 {
        self.began
    }

    /// Writes the index file and renames it to `path`, so a reader never sees half of one.
    pub fn finish(
        self,
        path: &Path,
        key: u128,
        stamp: Option<&Stamp>,
        timeline: &Timeline,
        events: &[Event],
    ) -> std::io::Result<()> {
        let mut file = std::io::BufWriter::with_capacity(1 << 20, self.temporary);
        write(&mut file, key, stamp, timeline, events)?;
        let temporary = file.into_inner().map_err(|e| e.into_error())?;
        // The rename replaces whatever has the entry's name, a planted link included.
        temporary.persist(path).map_err(|e| e.error)?;
        Ok(())
    }
}
