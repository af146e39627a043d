//! The date grammar on arbitrary text: refuse or accept, never panic; what it accepts reads back
//! from its canonical form to the same date.
#![no_main]

use libfuzzer_sys::fuzz_target;
use timeline::date::Date;

fuzz_target!(|text: &str| {
    if let Ok(date) = Date::parse(text) {
        assert!(date.earliest() <= date.latest());
        let canonical = date.to_string();
        assert_eq!(Date::parse(&canonical), Ok(date), "{canonical}");
        let _ = date.dual_words();
        let _ = date.words();
    }
});
