//! An index file of arbitrary bytes: it must be refused by `MappedEvents::open`, or be queried,
//! counted and shown without panicking, every kept record checked.
#![no_main]

use libfuzzer_sys::fuzz_target;
use timeline::index::{CountRule, Index, Query};
use timeline::store::MappedEvents;
use timeline::view::Views;

fuzz_target!(|data: &[u8]| {
    // The key the file claims (bytes 32..48), so that the checks past it are reached.
    let Some(key) = data.get(32..48) else { return };
    let key = u128::from_le_bytes(key.try_into().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("entry.index");
    std::fs::write(&path, data).unwrap();
    let Some((meta, events)) = MappedEvents::open(&path, key, 1 << 30) else {
        return;
    };
    let index = Index::mapped(meta, events);
    let Ok(all) = index.select(&Query::default()) else {
        return;
    };
    // A damaged record is refused whole (Error::DamagedIndex), never shown in part.
    if let Ok(rows) = Views::new(&index).rows(&all) {
        assert_eq!(rows.len(), all.len());
    }
    let _ = index.person_counts(&all);
    let _ = index.place_counts(&all);
    let _ = index.period_counts(&all, CountRule::Overlap);
    let _ = index.period_counts(&all, CountRule::Certain);
});
