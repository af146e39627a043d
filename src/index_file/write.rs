//! Writing a cache entry: the index file (encoded by `encode.rs`) written through a temporary
//! file and renamed into place.

use std::io::Write;
use std::path::Path;

use super::FINGERPRINT;
use crate::model::{Event, Timeline};

/// Writes the index file of `timeline` (the small parts) and `events` (in index order) for the
/// source with `key` to `temporary`, a file open for writing. The caller renames it into place.
pub fn write(
    temporary: &mut impl Write,
    key: u128,
    timeline: &Timeline,
    events: &[Event],
) -> std::io::Result<()> {
    super::encode::encode(temporary, FINGERPRINT, key, timeline, events)
}

/// Writes the index file to `path` through a temporary file beside it, so a reader never sees
/// half of one; the temporary is created exclusively under an unpredictable name (a link planted
/// in the folder is never written through) and removed on any failure.
pub fn write_entry(
    path: &Path,
    prefix: &str,
    suffix: &str,
    key: u128,
    timeline: &Timeline,
    events: &[Event],
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("no folder"))?;
    std::fs::create_dir_all(dir)?;
    let temporary = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(suffix)
        .tempfile_in(dir)?;
    let mut file = std::io::BufWriter::with_capacity(1 << 20, temporary);
    write(&mut file, key, timeline, events)?;
    let temporary = file.into_inner().map_err(|e| e.into_error())?;
    // The rename replaces whatever has the entry's name, a planted link included.
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}
