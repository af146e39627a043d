//! The loader on arbitrary bytes: it may refuse them, never panic, hang or exhaust memory. What
//! it accepts must index and filter without panicking too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use timeline::index::{Index, Query};
use timeline::load::{Source, load};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = Source {
        name: "fuzz.yaml".to_string(),
        text: text.to_string(),
    };
    match load(&source) {
        Ok(timeline) => {
            let index = Index::new(timeline);
            let all = index.select(&Query::default()).expect("a parsed index has no damaged record");
            assert_eq!(all.len(), index.events().unwrap().len());
            for &i in &all {
                let event = &index.events().unwrap()[i];
                assert!(event.date.earliest() <= event.date.latest());
                let _ = index.subject_age(&event.date);
                let _ = event.date.dual_words();
            }
            let _ = index.place_counts(&all);
            let _ = index.person_event_counts();
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            for p in &problems {
                let _ = p.to_string();
            }
        }
    }
});
