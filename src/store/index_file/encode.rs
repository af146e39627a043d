//! Encoding a timeline as an index file (layout in the parent module): columns built in memory,
//! records streamed. Shared with `build.rs`, which lays out the embedded timeline this way.

use std::io::Write;

use chrono::Datelike;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::layout::{
    CHECKSUM_AT, FORMAT_VERSION, HEADER_BYTES, MAGIC, NO_PLACE, SECTIONS, STAMP_BYTES,
};
use crate::model::{Event, Timeline};

/// Writes the index file of `timeline` (the small parts) and `events` (in index order) for the
/// source with `key` and `stamp` (none for a source that is not a file on disk), made by the
/// build with `fingerprint` (16 hex digits), to `temporary`.
pub fn encode(
    temporary: &mut impl Write,
    fingerprint: &str,
    key: u128,
    stamp: Option<&[u8; STAMP_BYTES]>,
    timeline: &Timeline,
    events: &[Event],
) -> std::io::Result<()> {
    // Field by field: cloning the timeline whole would copy its million events to drop them.
    let meta = Timeline {
        title: timeline.title.clone(),
        subject: timeline.subject,
        people: timeline.people.clone(),
        places: timeline.places.clone(),
        periods: timeline.periods.clone(),
        stays: timeline.stays.clone(),
        events: Vec::new(),
    };
    let meta = postcard::to_stdvec(&meta).map_err(std::io::Error::other)?;
    let n = events.len();
    let narrow = |value: usize| {
        u32::try_from(value).map_err(|_| std::io::Error::other("too many entries for u32"))
    };
    let mut earliest = Vec::with_capacity(4 * n);
    let mut latest = Vec::with_capacity(4 * n);
    let mut reach = Vec::with_capacity(4 * n);
    let mut place = Vec::with_capacity(4 * n);
    let mut people_start = Vec::with_capacity(4 * (n + 1));
    let mut people = Vec::new();
    let mut record_start = Vec::with_capacity(8 * (n + 1));
    let mut record_sum = Vec::with_capacity(8 * n);
    // Records are serialized twice, to measure them here and to write them at the end, rather
    // than held: a million of them are 140 MB on top of a first run's peak.
    let mut scratch = Vec::new();
    let mut records_len: u64 = 0;
    let mut running = i32::MIN;
    people_start.extend(0u32.to_le_bytes());
    record_start.extend(0u64.to_le_bytes());
    for event in events {
        let (first, last) = (
            event.first_day().num_days_from_ce(),
            event.date.latest().num_days_from_ce(),
        );
        running = running.max(last);
        earliest.extend(first.to_le_bytes());
        latest.extend(last.to_le_bytes());
        reach.extend(running.to_le_bytes());
        let p = event.place.map_or(Ok(NO_PLACE), narrow)?;
        place.extend(p.to_le_bytes());
        for &person in &event.people {
            people.extend(narrow(person)?.to_le_bytes());
        }
        people_start.extend(narrow(people.len() / 4)?.to_le_bytes());
        scratch.clear();
        postcard::to_io(event, &mut scratch).map_err(std::io::Error::other)?;
        record_sum.extend(xxh3_64(&scratch).to_le_bytes());
        records_len += scratch.len() as u64;
        record_start.extend(records_len.to_le_bytes());
    }
    let sections: [&[u8]; SECTIONS - 1] = [
        &meta,
        &earliest,
        &latest,
        &reach,
        &place,
        &people_start,
        &people,
        &record_start,
        &record_sum,
    ];
    let mut table = Vec::with_capacity(16 * SECTIONS);
    let mut offset = (HEADER_BYTES + 16 * SECTIONS) as u64;
    let lengths = sections.iter().map(|s| s.len() as u64);
    for length in lengths.chain([records_len]) {
        table.extend(offset.to_le_bytes());
        table.extend(length.to_le_bytes());
        offset += length;
    }
    let mut header = Vec::with_capacity(HEADER_BYTES);
    header.extend(MAGIC);
    header.extend(FORMAT_VERSION.to_le_bytes());
    header.extend((SECTIONS as u32).to_le_bytes());
    header.extend(fingerprint.as_bytes());
    header.extend(key.to_le_bytes());
    header.extend((n as u64).to_le_bytes());
    match stamp {
        Some(stamp) => {
            header.extend(stamp);
            header.extend(xxh3_64(stamp).to_le_bytes());
        }
        // No stamp: zeros, whose checksum never matches.
        None => header.extend([0; STAMP_BYTES + 8]),
    }
    debug_assert_eq!(header.len(), CHECKSUM_AT);
    let mut hasher = Xxh3::new();
    hasher.update(&header);
    hasher.update(&table);
    hasher.update(&meta);
    header.extend(hasher.digest().to_le_bytes());
    debug_assert_eq!(header.len(), HEADER_BYTES);
    temporary.write_all(&header)?;
    temporary.write_all(&table)?;
    for section in sections {
        temporary.write_all(section)?;
    }
    for event in events {
        postcard::to_io(event, &mut *temporary).map_err(std::io::Error::other)?;
    }
    Ok(())
}
