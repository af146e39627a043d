//! The stamp an index file keeps of the source file it was parsed from, so that a later run
//! knows the source unchanged from its metadata alone, reading none of its bytes: as git
//! validates its index, by device, inode, size, and modification and change times in
//! nanoseconds, with git's rule for "racy" timestamps.
//!
//! # Why metadata is enough
//!
//! Every write to a file sets its change time (ctime) to the filesystem's clock, and nothing a
//! user can do sets it back (`touch -d` sets the modification time and, in doing so, the change
//! time to now). So if the source's ctime now is the one recorded, and that time is older than
//! the moment the parse began reading, no write has happened since before the read: the bytes
//! parsed are the bytes on disk. "The moment the parse began" is read on the filesystem's own
//! clock, as git reads its index file's: it is the birth time of the entry's temporary file,
//! made before the source is opened ([`super::PendingEntry`]).
//!
//! A source changed in the same clock tick as that moment (the "racy" case) has a ctime no
//! older than it, and the stamp does not vouch for it: the caller checks the source by its
//! content key instead, as before stamps. So does a source on a filesystem whose clock is not
//! the machine's (a network share), should its times ever run behind: there, as for git, the
//! guarantee is only as good as the clocks.

use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;

use super::layout::STAMP_BYTES;

/// What a file's metadata says of its identity and last write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState {
    device: u64,
    inode: u64,
    size: u64,
    /// Modification time, nanoseconds since the epoch.
    modified: i64,
    /// Change time (of the content or the metadata), nanoseconds since the epoch.
    changed: i64,
}

impl FileState {
    /// The state `metadata` describes; `None` for times outside what 64 bits of nanoseconds
    /// hold (before 1678 or after 2262), which no stamp records.
    pub fn of(metadata: &Metadata) -> Option<FileState> {
        Some(FileState {
            device: metadata.dev(),
            inode: metadata.ino(),
            size: metadata.size(),
            modified: nanoseconds(metadata.mtime(), metadata.mtime_nsec())?,
            changed: nanoseconds(metadata.ctime(), metadata.ctime_nsec())?,
        })
    }

    /// The state's modification time, in nanoseconds since the epoch: a temporary file's is
    /// the moment it was made, on its filesystem's clock.
    pub fn modified(&self) -> i64 {
        self.modified
    }
}

fn nanoseconds(seconds: i64, nanoseconds: i64) -> Option<i64> {
    seconds.checked_mul(1_000_000_000)?.checked_add(nanoseconds)
}

/// A source file's state when it was parsed, and when the parse began reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The source as it was, unchanged from before the read to after the parse.
    pub source: FileState,
    /// When the read began, on the cache folder's clock (nanoseconds since the epoch).
    pub began: i64,
}

impl Stamp {
    /// True when a source whose metadata now says `now` is, byte for byte, the file the entry
    /// was parsed from: the same file in the same state, last written before the parse began.
    pub fn vouches_for(&self, now: &FileState) -> bool {
        self.source == *now && self.source.modified < self.began && self.source.changed < self.began
    }

    /// The stamp as the index file's header holds it (see the layout in the parent module).
    pub fn to_bytes(&self) -> [u8; STAMP_BYTES] {
        let s = &self.source;
        let fields = [
            s.device,
            s.inode,
            s.size,
            s.modified as u64,
            s.changed as u64,
            self.began as u64,
        ];
        let mut bytes = [0; STAMP_BYTES];
        for (slot, field) in bytes.chunks_exact_mut(8).zip(fields) {
            slot.copy_from_slice(&field.to_le_bytes());
        }
        bytes
    }

    /// The stamp in a header's `bytes`, when its checksum `sum` holds.
    pub fn from_bytes(bytes: &[u8; STAMP_BYTES], sum: u64) -> Option<Stamp> {
        if xxhash_rust::xxh3::xxh3_64(bytes) != sum {
            return None;
        }
        let field = |i: usize| {
            let mut word = [0; 8];
            word.copy_from_slice(&bytes[8 * i..8 * i + 8]);
            u64::from_le_bytes(word)
        };
        Some(Stamp {
            source: FileState {
                device: field(0),
                inode: field(1),
                size: field(2),
                modified: field(3) as i64,
                changed: field(4) as i64,
            },
            began: field(5) as i64,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(size: u64, modified: i64, changed: i64) -> FileState {
        FileState {
            device: 7,
            inode: 42,
            size,
            modified,
            changed,
        }
    }

    #[test]
    fn a_stamp_vouches_only_for_the_same_state_written_before_the_parse() {
        let stamp = Stamp {
            source: state(100, 10, 20),
            began: 30,
        };
        assert!(stamp.vouches_for(&state(100, 10, 20)));
        assert!(!stamp.vouches_for(&state(101, 10, 20)), "size");
        assert!(!stamp.vouches_for(&state(100, 11, 20)), "mtime");
        assert!(!stamp.vouches_for(&state(100, 10, 21)), "ctime");
        let other_file = FileState {
            inode: 43,
            ..state(100, 10, 20)
        };
        assert!(!stamp.vouches_for(&other_file), "inode");
        // Racy: written in the tick the parse began in, or after; checked by content instead.
        for (modified, changed) in [(30, 20), (10, 30), (31, 31)] {
            let racy = Stamp {
                source: state(100, modified, changed),
                began: 30,
            };
            assert!(!racy.vouches_for(&racy.source), "{modified} {changed}");
        }
    }

    #[test]
    fn a_stamp_round_trips_and_a_damaged_one_is_none() {
        let stamp = Stamp {
            source: state(1 << 40, -5, i64::MAX),
            began: 1_700_000_000_000_000_000,
        };
        let bytes = stamp.to_bytes();
        let sum = xxhash_rust::xxh3::xxh3_64(&bytes);
        assert_eq!(Stamp::from_bytes(&bytes, sum), Some(stamp));
        let mut damaged = bytes;
        damaged[9] ^= 1;
        assert_eq!(Stamp::from_bytes(&damaged, sum), None);
        assert_eq!(Stamp::from_bytes(&[0; STAMP_BYTES], 0), None, "no stamp");
    }
}
