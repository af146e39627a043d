//! The index file: a parsed timeline laid out once so that a later run queries it in place
//! (memory-mapped) instead of decoding a million events first. Written by [`write`], opened and
//! checked by [`MappedEvents::open`]. The embedded timeline is one too: `build.rs` encodes it
//! (`encode.rs`, `layout.rs`) and the binary includes it, read by [`MappedEvents::embedded`].
//!
//! # Layout on disk
//!
//! Every number is little-endian; nothing relies on alignment (each value is read from its bytes).
//!
//! ```text
//! offset  size  what
//!      0     8  magic "TLINDEX\0"
//!      8     4  format version (FORMAT_VERSION)
//!     12     4  number of sections (SECTIONS)
//!     16    16  build fingerprint: the program's version and the source of its loader, model
//!               and cache (TIMELINE_MODEL_FINGERPRINT from build.rs), as 16 hex digits
//!     32    16  source key: xxh3-128 of the timeline file's bytes
//!     48     8  number of events N
//!     56    48  source stamp, as the source file was when it was parsed (see `stamp.rs`):
//!               device, inode, size, mtime and ctime in nanoseconds, and when the parse
//!               began on the cache folder's clock (u64, u64, u64, i64, i64, i64); zeros for none
//!    104     8  xxh3-64 of the stamp, so that a lookup trusts it reading no more than the header
//!    112     8  xxh3-64 of bytes 0..112, the section table and the META section
//!    120  16×S  section table: (offset u64, length u64) for each section, in the order below
//! ```
//!
//! Sections (each starts where the table says; every offset and length is checked against the
//! file before it is used, and each column's length against N):
//!
//! | # | name | content |
//! |---|---|---|
//! | 0 | META | postcard of the timeline without its events: title, subject, people, places, periods, stays |
//! | 1 | EARLIEST | i32 × N: first day of each event (days from 1 Jan of year 1; a day its `after:` allows, see [`Event::first_day`]), events in index order |
//! | 2 | LATEST | i32 × N: last day of each event |
//! | 3 | REACH | i32 × N: the largest LATEST up to each position, so a range's first event is found by binary search |
//! | 4 | PLACE | u32 × N: the event's place, or u32::MAX for none |
//! | 5 | PEOPLE_START | u32 × (N+1): where each event's people begin in PEOPLE |
//! | 6 | PEOPLE | u32 × M: the people of every event, one after the other (a posting of people by event) |
//! | 7 | RECORD_START | u64 × (N+1): where each event's record begins in RECORDS |
//! | 8 | RECORD_SUM | u64 × N: xxh3-64 of each record |
//! | 9 | RECORDS | each event in postcard, decoded only when it is shown or its text is searched |
//!
//! Events are in index order (first day, `after:` rank, latest day, file order), so positions here
//! are the positions [`crate::index::Index`] gives.
//!
//! # Trust
//!
//! The file is input like any other: the cache folder may hold anything. [`MappedEvents::open`]
//! refuses a file that is not a regular file, is larger than an entry can be, or whose header,
//! fingerprint, key, checksum, section bounds or columns do not hold (sorted keys, a REACH that is
//! the running maximum, places and people within the META's lists, starts that never go back);
//! META passes the loader's [`trusted`] rules. A record is checked when it is decoded: its
//! checksum, the loader's rules for an event (for the embedded timeline, which `build.rs`
//! validated, only that its period is within the list), and its day, place and people equal to
//! the columns,
//! so a filter and the row it keeps never disagree. A record that fails makes
//! [`MappedEvents::record`] answer `None`, which the index turns into
//! [`crate::error::Error::DamagedIndex`]; the run then parses the source instead (`cmd::run`).
//!
//! One thing the checks cannot cover: the mapping reads the file as it is on disk, so a process
//! that truncates the entry in place while it is mapped (entries are only ever replaced by rename)
//! makes the reader fault. The cache folder is the user's own.

mod encode;
mod layout;
mod stamp;
mod write;

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use memmap2::Mmap;
use xxhash_rust::xxh3::xxh3_64;

use crate::load::trust::{event_trusted, trusted};
use crate::model::{Event, Timeline};

use self::layout::{
    CHECKSUM_AT, FORMAT_VERSION, HEADER_BYTES, MAGIC, NO_PLACE, SECTIONS, STAMP_AT, STAMP_BYTES,
};
pub use self::stamp::{FileState, Stamp};
pub use self::write::{PendingEntry, write};

/// What shapes a parse in this build (see `build.rs`): a file from another build is no entry.
const FINGERPRINT: &str = env!("TIMELINE_MODEL_FINGERPRINT");

const META: usize = 0;
const EARLIEST: usize = 1;
const LATEST: usize = 2;
const REACH: usize = 3;
const PLACE: usize = 4;
const PEOPLE_START: usize = 5;
const PEOPLE: usize = 6;
const RECORD_START: usize = 7;
const RECORD_SUM: usize = 8;
const RECORDS: usize = 9;

/// The bytes of an index file: a mapped cache entry, or the embedded timeline's (`build.rs`
/// writes it, the binary includes it).
#[derive(Debug)]
enum Bytes {
    Mapped(Mmap),
    Embedded(&'static [u8]),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(map) => map,
            Bytes::Embedded(bytes) => bytes,
        }
    }
}

/// A checked index file, mapped: the timeline's small parts decoded, its events read in place.
#[derive(Debug)]
pub struct MappedEvents {
    map: Bytes,
    /// (start, end) in `map` of each section, checked.
    sections: [(usize, usize); SECTIONS],
    len: usize,
}

/// The fields of the header, as read.
struct Header<'a> {
    fingerprint: &'a [u8],
    key: u128,
    events: u64,
    checksum: u64,
}

impl MappedEvents {
    /// Maps the index file at `path` and checks it (see the module's "Trust"); `None` for
    /// anything that is not a whole, honest entry for the source with `key`. Returns the
    /// timeline's small parts (its events left out) beside the mapped events.
    pub fn open(path: &Path, key: u128, max_bytes: u64) -> Option<(Timeline, MappedEvents)> {
        let map = map_entry(path, max_bytes)?;
        Self::checked(Bytes::Mapped(map), Some(key))
    }

    /// The embedded timeline's index file (written by `build.rs` from the timeline it validated),
    /// checked like a cache entry but for its key: it is part of this binary, never looked up.
    pub fn embedded(bytes: &'static [u8]) -> Option<(Timeline, MappedEvents)> {
        Self::checked(Bytes::Embedded(bytes), None)
    }

    /// `map` and the small parts decoded, when its header (with `key`, if given), checksum,
    /// sections and columns hold.
    fn checked(map: Bytes, key: Option<u128>) -> Option<(Timeline, MappedEvents)> {
        let header = read_header(&map)?;
        if header.fingerprint != FINGERPRINT.as_bytes() || key.is_some_and(|k| header.key != k) {
            return None;
        }
        let sections = read_sections(&map)?;
        let (meta_start, meta_end) = sections[META];
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.update(&map[..CHECKSUM_AT]);
        hasher.update(&map[HEADER_BYTES..HEADER_BYTES + 16 * SECTIONS]);
        hasher.update(&map[meta_start..meta_end]);
        if hasher.digest() != header.checksum {
            return None;
        }
        let len = usize::try_from(header.events).ok()?;
        let meta: Timeline = postcard::from_bytes(&map[meta_start..meta_end]).ok()?;
        // The embedded timeline's small parts passed the loader when `build.rs` wrote them, and
        // no one but the compiler put them in this binary; checking them again was a tenth of a
        // lookup's start-up. A cache entry's may be anything.
        let embedded = matches!(map, Bytes::Embedded(_));
        if !meta.events.is_empty() || (!embedded && !trusted(&meta)) {
            return None;
        }
        let mapped = MappedEvents { map, sections, len };
        mapped.columns_hold(&meta)?;
        Some((meta, mapped))
    }

    /// How many events.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are no events.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn section(&self, which: usize) -> &[u8] {
        let (start, end) = self.sections[which];
        &self.map[start..end]
    }

    /// The first day of the event at `i` (days from the common era, as chrono counts them).
    pub fn earliest_day(&self, i: usize) -> i32 {
        i32_at(self.section(EARLIEST), i)
    }

    /// The last day of the event at `i`.
    pub fn latest_day(&self, i: usize) -> i32 {
        i32_at(self.section(LATEST), i)
    }

    /// The first position whose event can reach `day` (its last day, or an earlier event's, is
    /// on or after it): every event before it ends before `day`.
    pub fn first_reaching(&self, day: i32) -> usize {
        let reach = self.section(REACH);
        partition(self.len, |i| i32_at(reach, i) < day)
    }

    /// The first position whose event starts after `day`.
    pub fn first_starting_after(&self, day: i32) -> usize {
        let earliest = self.section(EARLIEST);
        partition(self.len, |i| i32_at(earliest, i) <= day)
    }

    /// The place of the event at `i`.
    pub fn place(&self, i: usize) -> Option<usize> {
        let place = u32_at(self.section(PLACE), i);
        (place != NO_PLACE).then_some(place as usize)
    }

    /// The people of the event at `i`, as listed.
    pub fn people(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let starts = self.section(PEOPLE_START);
        let (from, to) = (u32_at(starts, i) as usize, u32_at(starts, i + 1) as usize);
        let people = self.section(PEOPLE);
        (from..to).map(move |j| u32_at(people, j) as usize)
    }

    /// The event at `i`, decoded from its record and checked against `meta` (the timeline's
    /// small parts) and the columns; `None` when the record is damaged or forged.
    pub fn record(&self, i: usize, meta: &Timeline) -> Option<Event> {
        if i >= self.len {
            return None;
        }
        let starts = self.section(RECORD_START);
        let (from, to) = (u64_at(starts, i) as usize, u64_at(starts, i + 1) as usize);
        let bytes = self.section(RECORDS).get(from..to)?;
        if xxh3_64(bytes) != u64_at(self.section(RECORD_SUM), i) {
            return None;
        }
        let (event, rest): (Event, &[u8]) = postcard::take_from_bytes(bytes).ok()?;
        // The embedded timeline's records passed the loader's rules when `build.rs` wrote them,
        // as its small parts did (see `checked`): its text is not checked again (a tenth of a
        // lookup's own work), only what indexes a list. A cache entry's may be anything.
        let keeps_the_rules = match self.map {
            Bytes::Embedded(_) => event.period.is_none_or(|p| p < meta.periods.len()),
            Bytes::Mapped(_) => event_trusted(
                &event,
                meta.people.len(),
                meta.places.len(),
                meta.periods.len(),
            ),
        };
        let agrees = rest.is_empty()
            && event.first_day().num_days_from_ce() == self.earliest_day(i)
            && event.date.latest().num_days_from_ce() == self.latest_day(i)
            && event.place == self.place(i)
            && event.people.iter().copied().eq(self.people(i))
            && keeps_the_rules;
        agrees.then_some(event)
    }

    /// Every event, decoded and checked, in index order; `None` if any record fails.
    pub fn all_records(&self, meta: &Timeline) -> Option<Vec<Event>> {
        (0..self.len).map(|i| self.record(i, meta)).collect()
    }

    /// Checks the columns against each other and against `meta`; `None` if any fails.
    fn columns_hold(&self, meta: &Timeline) -> Option<()> {
        let n = self.len;
        let sized = |which: usize, width: usize, count: usize| {
            let (start, end) = self.sections[which];
            (count.checked_mul(width) == Some(end - start)).then_some(())
        };
        sized(EARLIEST, 4, n)?;
        sized(LATEST, 4, n)?;
        sized(REACH, 4, n)?;
        sized(PLACE, 4, n)?;
        sized(PEOPLE_START, 4, n.checked_add(1)?)?;
        sized(RECORD_START, 8, n.checked_add(1)?)?;
        sized(RECORD_SUM, 8, n)?;
        let people_len = self.section(PEOPLE).len();
        if !people_len.is_multiple_of(4) {
            return None;
        }
        let (earliest, latest, reach) = (
            self.section(EARLIEST),
            self.section(LATEST),
            self.section(REACH),
        );
        let (first_day, last_day) = day_bounds();
        let mut running = i32::MIN;
        for i in 0..n {
            let (e, l) = (i32_at(earliest, i), i32_at(latest, i));
            running = running.max(l);
            let sorted = i == 0 || i32_at(earliest, i - 1) <= e;
            if !(first_day <= e && e <= l && l <= last_day && sorted && i32_at(reach, i) == running)
            {
                return None;
            }
            if self.place(i).is_some_and(|p| p >= meta.places.len()) {
                return None;
            }
        }
        monotone(self.section(PEOPLE_START), 4, n, people_len as u64 / 4)?;
        if !self
            .section(PEOPLE)
            .chunks_exact(4)
            .all(|c| (u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize) < meta.people.len())
        {
            return None;
        }
        monotone(
            self.section(RECORD_START),
            8,
            n,
            self.section(RECORDS).len() as u64,
        )
    }
}

/// The first and last day a timeline may hold, as day numbers.
fn day_bounds() -> (i32, i32) {
    let first = NaiveDate::from_ymd_opt(0, 1, 1).map_or(i32::MIN, |d| d.num_days_from_ce());
    let last = NaiveDate::from_ymd_opt(crate::load::trust::LAST_YEAR, 12, 31)
        .map_or(i32::MAX, |d| d.num_days_from_ce());
    (first, last)
}

/// Checks that a column of `n + 1` starts (each `width` bytes) begins at 0, never goes back and
/// ends at `end`.
fn monotone(column: &[u8], width: usize, n: usize, end: u64) -> Option<()> {
    let at = |i: usize| {
        if width == 4 {
            u32_at(column, i) as u64
        } else {
            u64_at(column, i)
        }
    };
    let mut previous = 0;
    if at(0) != 0 || at(n) != end {
        return None;
    }
    for i in 1..=n {
        let current = at(i);
        if current < previous {
            return None;
        }
        previous = current;
    }
    Some(())
}

/// The first `i` in `0..len` for which `before(i)` is false, `before` being true then false.
fn partition(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The `i`th little-endian u32 of `bytes`; 0 past the end (the columns' lengths are checked when
/// the file is opened, so that never happens for a position below the event count).
fn u32_at(bytes: &[u8], i: usize) -> u32 {
    bytes
        .get(i * 4..i * 4 + 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn i32_at(bytes: &[u8], i: usize) -> i32 {
    u32_at(bytes, i) as i32
}

fn u64_at(bytes: &[u8], i: usize) -> u64 {
    bytes.get(i * 8..i * 8 + 8).map_or(0, |b| {
        u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
    })
}

fn read_header(map: &[u8]) -> Option<Header<'_>> {
    let header = map.get(..HEADER_BYTES + 16 * SECTIONS)?;
    let version = u32::from_le_bytes(header[8..12].try_into().ok()?);
    let sections = u32::from_le_bytes(header[12..16].try_into().ok()?);
    if &header[..8] != MAGIC || version != FORMAT_VERSION || sections as usize != SECTIONS {
        return None;
    }
    Some(Header {
        fingerprint: &header[16..32],
        key: u128::from_le_bytes(header[32..48].try_into().ok()?),
        events: u64_at(&header[48..56], 0),
        checksum: u64_at(&header[CHECKSUM_AT..CHECKSUM_AT + 8], 0),
    })
}

/// The section table, each (offset, length) checked to lie within the file after the table.
fn read_sections(map: &[u8]) -> Option<[(usize, usize); SECTIONS]> {
    let table = map.get(HEADER_BYTES..HEADER_BYTES + 16 * SECTIONS)?;
    let mut sections = [(0, 0); SECTIONS];
    for (i, section) in sections.iter_mut().enumerate() {
        let offset = usize::try_from(u64_at(table, 2 * i)).ok()?;
        let length = usize::try_from(u64_at(table, 2 * i + 1)).ok()?;
        let end = offset.checked_add(length)?;
        if offset < HEADER_BYTES + 16 * SECTIONS || end > map.len() {
            return None;
        }
        *section = (offset, end);
    }
    Some(sections)
}

/// The source key and stamp in the header of the entry at `path`, reading nothing past the
/// header: what a lookup needs to learn whether the entry is its source's (the entry itself is
/// checked whole when it is opened). `None` for anything that is not a stamped entry of this
/// build.
pub fn read_stamp(path: &Path) -> Option<(u128, Stamp)> {
    use std::os::unix::fs::FileExt;

    let file = open_regular(path)?;
    let mut header = [0; HEADER_BYTES];
    file.read_exact_at(&mut header, 0).ok()?;
    let version = u32::from_le_bytes(header[8..12].try_into().ok()?);
    if &header[..8] != MAGIC
        || version != FORMAT_VERSION
        || &header[16..32] != FINGERPRINT.as_bytes()
    {
        return None;
    }
    let key = u128::from_le_bytes(header[32..48].try_into().ok()?);
    let stamp: &[u8; STAMP_BYTES] = header[STAMP_AT..STAMP_AT + STAMP_BYTES].try_into().ok()?;
    let sum = u64_at(&header[STAMP_AT + STAMP_BYTES..CHECKSUM_AT], 0);
    Some((key, Stamp::from_bytes(stamp, sum)?))
}

/// The file at `path` opened for reading when it is a regular file, without following a link
/// and without blocking (a FIFO planted in the cache folder would wait forever for a writer):
/// judged by the file it opened, not by its name.
fn open_regular(path: &Path) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;

    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .ok()?;
    file.metadata().ok()?.is_file().then_some(file)
}

/// The entry at `path`, mapped, when it is a regular file no larger than `max_bytes`. Opened
/// without following a link and without blocking (a FIFO planted in the cache folder would wait
/// forever for a writer), and judged by the file it opened, not by its name.
fn map_entry(path: &Path, max_bytes: u64) -> Option<Mmap> {
    let file = open_regular(path)?;
    let metadata = file.metadata().ok()?;
    if metadata.len() > max_bytes || metadata.len() < (HEADER_BYTES + 16 * SECTIONS) as u64 {
        return None;
    }
    // SAFETY: the map is only ever read, and through bounds-checked slices; entries are
    // replaced by rename, never written in place (see the module's "Trust" for what is left).
    let map = unsafe { Mmap::map(&file) }.ok()?;
    // Records are read where a query lands, not in order: no read-ahead around each one, which
    // would map (and count as resident) whole stretches of the file that are never read.
    let _ = map.advise(memmap2::Advice::Random);
    (map.len() as u64 == metadata.len()).then_some(map)
}

#[cfg(test)]
mod tests;
