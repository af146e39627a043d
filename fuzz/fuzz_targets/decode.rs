//! A cache entry's payload on arbitrary bytes: decoded, it must be refused by the checks of
//! `load::trust` or be safe to use: indexed, filtered, dated and exported without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use timeline::index::{Index, Query};
use timeline::load::trust::trusted;
use timeline::model::Timeline;

fuzz_target!(|data: &[u8]| {
    let Ok(timeline) = postcard::from_bytes::<Timeline>(data) else {
        return;
    };
    if !trusted(&timeline) {
        return;
    }
    let index = Index::new(timeline);
    let all = index.select(&Query::default()).unwrap_or_default();
    for &i in &all {
        let event = &index.events().unwrap()[i];
        assert!(event.date.earliest() <= event.date.latest());
        let _ = index.subject_age(&event.date);
        let _ = event.date.dual_words();
        let _ = event.date.words();
    }
    let _ = timeline::export::calendar(&index, &all, true);
    let _ = timeline::export::document(&index, &all);
    let _ = timeline::export::timelinejs(&index, &all);
    let _ = index.place_counts(&all);
    let _ = index.person_event_counts();
});
