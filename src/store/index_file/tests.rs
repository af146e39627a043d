//! The index file against a fresh parse (same answers to every filter, same rows), and against
//! hostile bytes (refused or answered without a panic, never out of bounds).

use super::*;
use crate::error::Error;
use crate::index::{Index, Query, fold};
use crate::store::embedded;
use crate::view::Views;

const KEY: u128 = 0x1234_5678_9abc_def0_0fed_cba9_8765_4321;

/// The index file of the embedded timeline.
fn file_bytes(fresh: &Index) -> Vec<u8> {
    let mut bytes = Vec::new();
    write(
        &mut bytes,
        KEY,
        None,
        fresh.timeline(),
        fresh.events().unwrap(),
    )
    .unwrap();
    bytes
}

fn open_bytes(bytes: &[u8]) -> Option<Index> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("entry.index");
    std::fs::write(&path, bytes).unwrap();
    let (meta, events) = MappedEvents::open(&path, KEY, 1 << 30)?;
    Some(Index::mapped(meta, events))
}

/// Every kind of filter the command line builds, over the index's own people, places and tags.
fn queries(index: &Index) -> Vec<Query> {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let mut all = vec![Query::default()];
    for year in (1870..1945).step_by(3) {
        all.push(Query {
            range: Some((day(year, 1, 1), day(year + 2, 6, 30))),
            ..Query::default()
        });
    }
    for p in 0..index.timeline().people.len() {
        all.push(Query {
            people: Some(vec![p]),
            ..Query::default()
        });
        all.push(Query {
            with: vec![vec![p], vec![(p + 1) % index.timeline().people.len()]],
            range: Some((day(1917, 1, 1), day(1921, 12, 31))),
            ..Query::default()
        });
    }
    for p in 0..index.timeline().places.len() {
        all.push(Query {
            places: Some(index.places_within(&[p])),
            ..Query::default()
        });
    }
    // A damaged file may have no tags to give: the other queries still run.
    for (tag, _) in index.tag_counts().unwrap_or_default() {
        all.push(Query {
            tags: vec![vec![fold(&tag)]],
            reverse: true,
            ..Query::default()
        });
    }
    for text in ["revolution", "lenin", "x"] {
        all.push(Query {
            text: Some(crate::search::WordQuery::parse(text)),
            limit: Some(7),
            ..Query::default()
        });
    }
    all
}

#[test]
fn the_mapped_index_answers_every_filter_as_a_fresh_parse_does() {
    let fresh = Index::new(embedded().unwrap());
    let mapped = open_bytes(&file_bytes(&fresh)).expect("a fresh file opens");
    assert_eq!(mapped.len(), fresh.len());
    let (fresh_views, mapped_views) = (Views::new(&fresh), Views::new(&mapped));
    for query in queries(&fresh) {
        let want = fresh.select(&query).unwrap();
        let got = mapped.select(&query).unwrap();
        assert_eq!(got, want, "{query:?}");
        let rows = |views: &Views, positions| {
            serde_json::to_string(&views.rows(positions).unwrap()).unwrap()
        };
        assert_eq!(rows(&mapped_views, &got), rows(&fresh_views, &want));
        assert_eq!(mapped.person_counts(&got), fresh.person_counts(&want));
        assert_eq!(mapped.place_counts(&got), fresh.place_counts(&want));
        let rule = crate::index::CountRule::Overlap;
        assert_eq!(
            mapped.period_counts(&got, rule).ok(),
            fresh.period_counts(&want, rule).ok()
        );
    }
    assert_eq!(mapped.tag_counts().unwrap(), fresh.tag_counts().unwrap());
    assert_eq!(mapped.find_people("Kamenev"), fresh.find_people("Kamenev"));
}

#[test]
fn another_key_or_build_is_no_entry() {
    let fresh = Index::new(embedded().unwrap());
    let bytes = file_bytes(&fresh);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("entry.index");
    std::fs::write(&path, &bytes).unwrap();
    assert!(MappedEvents::open(&path, KEY, 1 << 30).is_some());
    assert!(MappedEvents::open(&path, KEY + 1, 1 << 30).is_none(), "key");
    assert!(MappedEvents::open(&path, KEY, 100).is_none(), "size");
    let mut other = bytes.clone();
    other[16] ^= 1;
    std::fs::write(&path, &other).unwrap();
    assert!(MappedEvents::open(&path, KEY, 1 << 30).is_none(), "build");
}

/// Runs every query over a damaged file: any answer but a panic will do, and a kept event's row
/// is built from a record that passed its checks.
fn exercise(bytes: &[u8]) {
    let Some(index) = open_bytes(bytes) else {
        return;
    };
    let views = Views::new(&index);
    let all = queries(&index);
    // A few of each kind: the default, ranges, people, places, tags and text.
    let few = [0, 5, 30, 31, all.len() - 12, all.len() - 4, all.len() - 1];
    for query in few.iter().filter_map(|&i| all.get(i)) {
        if let Ok(kept) = index.select(query) {
            // Every row is made from a record that passed its checks, or there are none.
            if let Ok(rows) = views.rows(&kept) {
                assert_eq!(rows.len(), kept.len());
            }
            index.person_counts(&kept);
            index.place_counts(&kept);
            let _ = index.period_counts(&kept, crate::index::CountRule::Certain);
        }
    }
    let _ = index.events();
}

#[test]
fn every_truncation_is_refused() {
    let fresh = Index::new(embedded().unwrap());
    let bytes = file_bytes(&fresh);
    for cut in (0..bytes.len()).step_by(97).chain([bytes.len() - 1]) {
        assert!(open_bytes(&bytes[..cut]).is_none(), "cut at {cut}");
    }
}

#[test]
fn flipped_bytes_anywhere_are_refused_or_answered_without_a_panic() {
    let fresh = Index::new(embedded().unwrap());
    let bytes = file_bytes(&fresh);
    let header_and_table = HEADER_BYTES + 16 * SECTIONS;
    for at in (0..header_and_table).chain((header_and_table..bytes.len()).step_by(211)) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x5a;
        if at < header_and_table {
            assert!(open_bytes(&damaged).is_none(), "byte {at}");
        }
        exercise(&damaged);
    }
}

/// The start and end of a section in a file's bytes, read from its table.
fn section_of(bytes: &[u8], which: usize) -> (usize, usize) {
    let at = HEADER_BYTES + 16 * which;
    let offset = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap()) as usize;
    let length = u64::from_le_bytes(bytes[at + 8..at + 16].try_into().unwrap()) as usize;
    (offset, offset + length)
}

#[test]
fn forged_columns_are_refused_or_kept_consistent() {
    let fresh = Index::new(embedded().unwrap());
    let bytes = file_bytes(&fresh);
    // Columns are not under the header's checksum: each is checked on its own.
    for which in [
        EARLIEST,
        LATEST,
        REACH,
        PLACE,
        PEOPLE_START,
        PEOPLE,
        RECORD_START,
    ] {
        let (start, end) = section_of(&bytes, which);
        for at in (start..end).step_by(41) {
            for value in [0x00, 0xff] {
                let mut forged = bytes.clone();
                forged[at] = value;
                exercise(&forged);
            }
        }
    }
}

#[test]
fn a_forged_record_with_a_matching_checksum_is_refused_and_reparsed_by_the_caller() {
    let fresh = Index::new(embedded().unwrap());
    let mut bytes = file_bytes(&fresh);
    // The first record's title turned into a terminal escape, its checksum made to match.
    let mut event = fresh.events().unwrap()[0].clone();
    let title_len = event.title.len();
    event.title = format!("\u{1b}]52;{}", "x".repeat(title_len.saturating_sub(5)));
    let record = postcard::to_stdvec(&event).unwrap();
    let (records, _) = section_of(&bytes, RECORDS);
    let (sums, _) = section_of(&bytes, RECORD_SUM);
    let (starts, _) = section_of(&bytes, RECORD_START);
    let first_len = u64::from_le_bytes(bytes[starts + 8..starts + 16].try_into().unwrap());
    assert_eq!(
        record.len() as u64,
        first_len,
        "the forgery keeps the length"
    );
    bytes[records..records + record.len()].copy_from_slice(&record);
    bytes[sums..sums + 8].copy_from_slice(&xxh3_64(&record).to_le_bytes());
    let index = open_bytes(&bytes).expect("the columns still hold");
    assert!(
        index
            .event(0)
            .is_err_and(|e| matches!(e, Error::DamagedIndex)),
        "the record is refused"
    );
    // The rows of a select that keeps it: the one way to read the events it keeps.
    let rows_of = |query: &Query| {
        index
            .select(query)
            .and_then(|kept| Views::new(&index).rows(&kept))
    };
    assert!(
        rows_of(&Query::default()).is_err_and(|e| matches!(e, Error::DamagedIndex)),
        "a select that keeps it says the index is damaged"
    );
    let later = Query {
        range: Some((
            fresh.events().unwrap()[0].date.latest().succ_opt().unwrap(),
            NaiveDate::from_ymd_opt(9999, 1, 1).unwrap(),
        )),
        ..Query::default()
    };
    assert!(rows_of(&later).is_ok(), "others still answer");
}
