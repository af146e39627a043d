//! The key a source is known by in the cache: a hash of its bytes, read in pieces on every core.
//! A lookup whose stamp vouches for no entry (see `index_file/stamp.rs`) pays for this and
//! nothing else before its query.

use xxhash_rust::xxh3::xxh3_128;

/// The bytes of a source hashed apart for its key, so that a big file is hashed on every core.
pub(super) const KEY_PIECE_BYTES: usize = 32 << 20;

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

/// The [`content_key`] of the `len` bytes of `file`. The file is streamed through a buffer
/// per core, never held: mapping it instead was as fast here but counted its 200 MB in the
/// process's resident memory, and a file truncated while mapped makes the reader fault. `None`
/// when the file cannot be read or is not `len` bytes long: it changed while it was read.
pub(super) fn file_key(file: &std::fs::File, len: usize) -> Option<u128> {
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
            digests.extend(piece_digest(file, from, to, &mut buffer)?.to_le_bytes());
        }
        Some(digests)
    })
    .into_iter()
    .collect();
    let digests = digests?.concat();
    // Nothing past the size the file had: it grew while it was read.
    let mut past_end = [0u8; 1];
    if read_at(file, &mut past_end, len as u64).ok()? != 0 {
        return None;
    }
    Some(xxh3_128(&digests))
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
pub(super) fn read_at(
    file: &std::fs::File,
    buffer: &mut [u8],
    offset: u64,
) -> std::io::Result<usize> {
    use std::os::unix::fs::FileExt;
    loop {
        match file.read_at(buffer, offset) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}
