//! Properties of dates, calendars, filtering and sorting, over generated inputs.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use timeline::date::{
    Calendar, Date, days_in_month, gregorian_from_jdn, is_leap, jdn_of, julian_day_number,
    to_julian,
};
use timeline::index::{Index, Query};
use timeline::load::{Source, load};

/// One point of the grammar in its canonical written form: every precision, both calendars,
/// every qualifier.
fn point() -> impl Strategy<Value = String> {
    let calendar = prop_oneof![Just(Calendar::Gregorian), Just(Calendar::Julian)];
    let qualifier = prop_oneof![Just(""), Just("~"), Just("?"), Just("%")];
    (
        1000i32..2100,
        1u32..=12,
        1u32..=31,
        0usize..6,
        calendar,
        qualifier,
    )
        .prop_map(|(year, month, day, precision, calendar, qualifier)| {
            let body = match precision {
                0 => {
                    let day = day.min(days_in_month(calendar, year, month));
                    format!("{year:04}-{month:02}-{day:02}")
                }
                1 => format!("{year:04}-{month:02}"),
                2 => format!("{year:04}-{}", 21 + month % 4),
                3 => format!("{year:04}"),
                4 => format!("{:03}X", year / 10),
                _ => format!("{:02}XX", year / 100),
            };
            let old_style = if calendar == Calendar::Julian {
                " O.S."
            } else {
                ""
            };
            format!("{body}{qualifier}{old_style}")
        })
}

/// A date: a point, or an interval of two points (which may be refused when it runs backwards).
fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => point(),
        1 => (point(), point()).prop_map(|(a, b)| format!("{a}/{b}")),
    ]
}

proptest! {
    #[test]
    fn the_canonical_form_reads_back_to_the_same_date(text in date_text()) {
        let is_interval = text.contains('/');
        match Date::parse(&text) {
            Ok(date) => {
                prop_assert_eq!(date.to_string(), text.clone());
                prop_assert_eq!(Date::parse(&date.to_string()), Ok(date));
                // Other spellings of Old Style and surrounding space mean the same.
                let spelled = text.replace(" O.S.", " os");
                prop_assert_eq!(Date::parse(&format!("  {spelled} ")), Ok(date));
            }
            Err(e) => {
                // Only an interval that ends before it starts may be refused.
                prop_assert!(is_interval, "{} refused: {}", text, e);
                let (a, b) = text.split_once('/').unwrap();
                let (a, b) = (Date::parse(a).unwrap(), Date::parse(b).unwrap());
                prop_assert!(b.latest() < a.earliest());
            }
        }
    }

    #[test]
    fn spans_are_well_ordered(text in date_text()) {
        if let Ok(date) = Date::parse(&text) {
            prop_assert!(date.earliest() <= date.latest());
            prop_assert_eq!(date.span_days(), (date.latest() - date.earliest()).num_days() + 1);
            prop_assert_eq!(date.first().earliest(), date.earliest());
            prop_assert_eq!(date.last().latest(), date.latest());
            // An interval is refused only when its end is over before its start begins.
            prop_assert!(date.first().earliest() <= date.last().latest());
            if date.is_day_precise() && date.end().is_none() {
                prop_assert_eq!(date.span_days(), 1);
            }
        }
    }

    #[test]
    fn a_month_covers_exactly_its_days(year in 1000i32..2100, month in 1u32..=12, julian: bool) {
        let calendar = if julian { Calendar::Julian } else { Calendar::Gregorian };
        let text = format!("{year:04}-{month:02}{}", if julian { " O.S." } else { "" });
        let date = Date::parse(&text).unwrap();
        prop_assert_eq!(date.span_days(), i64::from(days_in_month(calendar, year, month)));
    }
}

/// Every day from 1582 to 2100, against the Julian Day Number's definition: a count of days in
/// which 1 January 2000 (Gregorian) is day 2,451,545, and each calendar is walked day by day by
/// its own leap rule, independently of the formulas under test.
#[test]
fn julian_and_gregorian_agree_with_the_julian_day_number_for_every_day() {
    fn next(calendar: Calendar, (y, m, d): (i32, u32, u32)) -> (i32, u32, u32) {
        let days = match m {
            2 if is_leap_by_rule(calendar, y) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        match (d < days, m < 12) {
            (true, _) => (y, m, d + 1),
            (false, true) => (y, m + 1, 1),
            (false, false) => (y + 1, 1, 1),
        }
    }
    fn is_leap_by_rule(calendar: Calendar, y: i32) -> bool {
        match calendar {
            Calendar::Julian => y % 4 == 0,
            Calendar::Gregorian => y % 4 == 0 && (y % 100 != 0 || y % 400 == 0),
        }
    }
    // 1 January 1582 (Gregorian, proleptic) was 22 December 1581 in the Julian calendar.
    let mut gregorian = (1582, 1, 1);
    let mut julian = (1581, 12, 22);
    let mut jdn = 2_298_874i64;
    let mut day = NaiveDate::from_ymd_opt(1582, 1, 1).unwrap();
    let mut checked = 0;
    while gregorian.0 <= 2100 {
        if gregorian == (2000, 1, 1) {
            assert_eq!(jdn, 2_451_545, "the walk lost a day before 2000");
        }
        let (gy, gm, gd) = gregorian;
        let (jy, jm, jd) = julian;
        assert_eq!((day.year(), day.month(), day.day()), gregorian);
        assert_eq!(julian_day_number(Calendar::Gregorian, gy, gm, gd), jdn);
        assert_eq!(julian_day_number(Calendar::Julian, jy, jm, jd), jdn);
        assert_eq!(jdn_of(day), jdn);
        assert_eq!(gregorian_from_jdn(jdn), Some(day));
        assert_eq!(to_julian(day), julian, "{day}");
        assert_eq!(
            is_leap(Calendar::Julian, jy),
            is_leap_by_rule(Calendar::Julian, jy)
        );
        assert_eq!(
            is_leap(Calendar::Gregorian, gy),
            is_leap_by_rule(Calendar::Gregorian, gy)
        );
        let old_style = format!("{jy:04}-{jm:02}-{jd:02} O.S.");
        assert_eq!(
            Date::parse(&old_style).unwrap().earliest(),
            day,
            "{old_style}"
        );
        gregorian = next(Calendar::Gregorian, gregorian);
        julian = next(Calendar::Julian, julian);
        jdn += 1;
        day = day.succ_opt().unwrap();
        checked += 1;
    }
    assert_eq!(checked, 189_561, "1 Jan 1582 to 31 Dec 2100");
}

/// A timeline whose events have the given dates (as written), in file order.
fn timeline_of(dates: &[String]) -> Index {
    let mut text = "title: Generated\nevents:\n".to_string();
    if dates.is_empty() {
        text.push_str("  []\n");
    }
    for (i, date) in dates.iter().enumerate() {
        text.push_str(&format!(
            "  - {{id: e{i}, date: '{date}', title: Event {i}}}\n"
        ));
    }
    let source = Source {
        name: "generated.yaml".to_string(),
        text,
    };
    Index::new(load(&source).expect("generated dates are valid"))
}

/// Dates that parse (backwards intervals left out), so that a generated timeline loads.
fn valid_dates(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(date_text(), 0..max).prop_map(|dates| {
        dates
            .into_iter()
            .filter(|d| Date::parse(d).is_ok())
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn from_and_to_keep_exactly_the_overlapping_events(
        dates in valid_dates(40),
        from in point(),
        to in point(),
        reverse: bool,
        limit in prop::option::of(1usize..10),
    ) {
        let index = timeline_of(&dates);
        let (from, to) = (Date::parse(&from).unwrap(), Date::parse(&to).unwrap());
        let range = (from.earliest(), to.latest());
        let query = Query { range: Some(range), reverse, limit, ..Query::default() };
        let mut expected: Vec<usize> = (0..index.events().unwrap().len())
            .filter(|&i| {
                let e = &index.events().unwrap()[i];
                e.date.latest() >= range.0 && e.date.earliest() <= range.1
            })
            .collect();
        if reverse {
            expected.reverse();
        }
        if let Some(limit) = limit {
            expected.truncate(limit);
        }
        prop_assert_eq!(index.select(&query).unwrap(), expected);
    }

    #[test]
    fn sorting_is_total_and_stable(dates in valid_dates(60), repeat in 1usize..4) {
        // Repeating the list makes ties: equal dates must keep their order in the file.
        let dates: Vec<String> = dates.iter().cycle().take(dates.len() * repeat).cloned().collect();
        let index = timeline_of(&dates);
        let events = index.events().unwrap();
        prop_assert_eq!(events.len(), dates.len());
        let mut seen: Vec<usize> = events.iter().map(|e| e.file_order).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..dates.len()).collect::<Vec<_>>());
        for pair in events.windows(2) {
            let key = |e: &timeline::model::Event| (e.date.earliest(), e.date.latest(), e.file_order);
            prop_assert!(key(&pair[0]) < key(&pair[1]), "{} before {}", pair[0].id, pair[1].id);
        }
        // The same as a stable sort of the file by (earliest, latest).
        let mut stable: Vec<(usize, Date)> = dates.iter().map(|d| Date::parse(d).unwrap()).enumerate().collect();
        stable.sort_by_key(|(_, d)| (d.earliest(), d.latest()));
        let order: Vec<usize> = events.iter().map(|e| e.file_order).collect();
        prop_assert_eq!(order, stable.iter().map(|(i, _)| *i).collect::<Vec<_>>());
    }
}

/// Small timelines to mutate: the head of the curated file, and the same shape in JSON.
fn seeds() -> Vec<String> {
    let curated = timeline::load::EMBEDDED;
    let cut = curated[..4000].rfind('\n').unwrap_or(0);
    let head = format!(
        "{}\nevents:\n  - {{id: a, date: 1917-10-25 O.S., end: 1918, title: x, people: [trotsky]}}\n",
        &curated[..cut]
    );
    let json = r#"{"title": "t", "subject": "me",
 "people": [{"id": "me", "name": "Me", "born": "1879-10-26 O.S."}],
 "places": [{"id": "spb", "name": "P", "names": [{"name": "Q", "from": "1914-08-31", "to": 1924}]}],
 "periods": [{"id": "war", "title": "War", "from": "1914", "to": "1917"}],
 "events": [{"id": "a", "date": "1917-10-25 O.S.", "title": "U\u00e9", "place": "spb", "people": ["me"]},
            {"id": "b", "date": 1918, "end": "1919-24", "title": "Two", "tags": ["war"], "summary": null}]}"#;
    vec![head, json.to_string()]
}

/// Applies byte-level edits (delete, insert, overwrite) at positions taken modulo the length.
fn mutate(text: &str, edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for &(at, kind, byte) in edits {
        let at = at % (bytes.len() + 1);
        match kind % 3 {
            0 if at < bytes.len() => {
                bytes.remove(at);
            }
            1 => bytes.insert(at, byte),
            _ if at < bytes.len() => bytes[at] = byte,
            _ => {}
        }
    }
    bytes
}

fn load_bytes(bytes: Vec<u8>) {
    // Invalid UTF-8 is refused before the loader, by Source::read; the loader sees text only.
    if let Ok(text) = String::from_utf8(bytes) {
        let source = Source {
            name: "mutated".to_string(),
            text,
        };
        if let Ok(timeline) = load(&source) {
            let index = Index::new(timeline);
            let _ = index.select(&Query::default()).unwrap();
        }
    }
}

proptest! {
    // A smoke test on stable of what fuzz/ does at length on nightly (see fuzz/README.md).
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_loader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_bytes(bytes);
    }

    #[test]
    fn the_loader_never_panics_on_mutated_timelines(
        seed in 0usize..2,
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), prop::sample::select(b"-:[]{}&*!|>'\"%@#,?~/ \n\tX019aO.S".to_vec())), 1..12),
    ) {
        load_bytes(mutate(&seeds()[seed], &edits));
    }
}
