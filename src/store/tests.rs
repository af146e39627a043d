//! The cache folder and the embedded index file: keys, stamps, lookups, pruning, round trips.

use std::path::Path;

use super::cache::{
    CACHE_MIN_BYTES, KEEP_ENTRIES, MAX_ENTRY_BYTES, TEMPORARY_PREFIX, TEMPORARY_SUFFIX,
    cacheable_key, cached, entry_path, is_entry_name, parse, prune, vouched_entry,
};
use super::index_file::{FileState, PendingEntry};
use super::key::KEY_PIECE_BYTES;
use super::*;

#[test]
fn a_file_read_in_pieces_has_the_key_of_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    // One piece and a bit, two and a bit: the last piece short, the pieces on two threads.
    for len in [
        CACHE_MIN_BYTES + 7,
        2 * KEY_PIECE_BYTES + 5,
        3 * KEY_PIECE_BYTES,
    ] {
        let bytes: Vec<u8> = (0..len).map(|i| b"title: t\n"[i % 9]).collect();
        let path = dir.path().join(format!("{len}.yaml"));
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(cacheable_key(&path), Some(content_key(&bytes)), "{len}");
        let mut changed = bytes.clone();
        changed[len - 1] ^= 1;
        assert_ne!(content_key(&changed), content_key(&bytes));
    }
    let json = dir.path().join("big.json");
    let mut text = b"  \n{".to_vec();
    text.resize(CACHE_MIN_BYTES + 1, b' ');
    std::fs::write(&json, &text).unwrap();
    assert_eq!(cacheable_key(&json), None, "JSON is never cached");
}

/// A YAML timeline of over a megabyte, its events' titles `title` and a number.
fn big_yaml(title: &str) -> String {
    let mut text = String::from("title: Big\nevents:\n");
    for i in 0..12_000 {
        let year = 1800 + i % 200;
        text.push_str(&format!("  - {{id: e{i}, date: {year}, title: {title} event {i:05} of a long synthetic life somewhere}}\n"));
    }
    assert!(text.len() > CACHE_MIN_BYTES);
    text
}

#[test]
fn a_file_changed_with_the_same_size_and_mtime_is_still_detected() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let file = dir.path().join("life.yaml");
    let text = big_yaml("Before");
    std::fs::write(&file, &text).unwrap();
    // Past the clock tick the file was written in: a parse that begins in that tick leaves
    // a stamp that vouches for nothing (the racy case), which is not what is tested here.
    std::thread::sleep(std::time::Duration::from_millis(50));
    parse(&file, Some(&cache)).unwrap();
    let state = |path: &Path| FileState::of(&std::fs::metadata(path).unwrap()).unwrap();
    let (_, key) = vouched_entry(&cache, &state(&file)).expect("the stamp vouches");
    assert_eq!(key, content_key(text.as_bytes()));
    assert!(cached(&cache, &file).is_some());

    // The same number of bytes, and the modification time set back as it was.
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    let changed = big_yaml("Behind");
    assert_eq!(changed.len(), text.len());
    std::fs::write(&file, &changed).unwrap();
    let handle = std::fs::File::options().write(true).open(&file).unwrap();
    handle
        .set_times(std::fs::FileTimes::new().set_modified(modified))
        .unwrap();
    drop(handle);
    let now = std::fs::metadata(&file).unwrap();
    assert_eq!(
        (now.len(), now.modified().unwrap()),
        (text.len() as u64, modified)
    );
    // The change time moved: no stamp vouches, and the content's key finds no entry.
    assert!(vouched_entry(&cache, &state(&file)).is_none());
    assert!(cached(&cache, &file).is_none());
    let Stored::Parsed(reopened) = open(Some(&file), Some(&cache)).unwrap() else {
        panic!("no entry is for the changed file");
    };
    assert!(reopened.events[0].title.starts_with("Behind"));
}

#[test]
fn a_touched_file_is_found_by_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let file = dir.path().join("life.yaml");
    std::fs::write(&file, big_yaml("Same")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(50));
    parse(&file, Some(&cache)).unwrap();
    let touched = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    let handle = std::fs::File::options().write(true).open(&file).unwrap();
    handle
        .set_times(std::fs::FileTimes::new().set_modified(touched))
        .unwrap();
    drop(handle);
    let now = FileState::of(&std::fs::metadata(&file).unwrap()).unwrap();
    assert!(vouched_entry(&cache, &now).is_none());
    assert!(
        cached(&cache, &file).is_some(),
        "the content key still finds it"
    );
}

#[test]
fn the_embedded_index_file_opens_in_place() {
    // Were it refused, every start would quietly parse the YAML instead.
    let (meta, events) = MappedEvents::embedded(EMBEDDED_INDEX).expect("the embedded index opens");
    assert!(!events.is_empty());
    assert_eq!(
        events.all_records(&meta).map(|e| e.len()),
        Some(events.len())
    );
    assert!(matches!(embedded_stored().unwrap(), Stored::Mapped(..)));
}

#[test]
fn the_embedded_timeline_decodes_to_what_parsing_gives() {
    let decoded = embedded().unwrap();
    let parsed = load_source(&Source::embedded()).unwrap();
    assert_eq!(decoded.events.len(), parsed.events.len());
    assert!(!decoded.events.is_empty());
    for (a, b) in decoded.events.iter().zip(&parsed.events) {
        assert_eq!((&a.id, a.date, &a.title), (&b.id, b.date, &b.title));
        assert_eq!(
            (a.place, &a.people, a.period),
            (b.place, &b.people, b.period)
        );
    }
    assert_eq!(decoded.people.len(), parsed.people.len());
    assert_eq!(decoded.places.len(), parsed.places.len());
}

/// Writes the index file of `timeline` for `key` at `path`, as [`open`] does.
fn write(path: &Path, key: u128, timeline: &Timeline) -> std::io::Result<()> {
    let mut sorted = timeline.clone();
    crate::load::order::sort_events(&mut sorted.events);
    let pending = PendingEntry::create(path.parent().unwrap(), TEMPORARY_PREFIX, TEMPORARY_SUFFIX)?;
    pending.finish(path, key, None, &sorted, &sorted.events)?;
    prune(path.parent().unwrap());
    Ok(())
}

fn read(path: &Path, key: u128) -> Option<Timeline> {
    let (meta, events) = MappedEvents::open(path, key, MAX_ENTRY_BYTES)?;
    let events = events.all_records(&meta)?;
    Some(Timeline { events, ..meta })
}

#[test]
fn an_entry_round_trips_and_anything_else_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let entry = dir.path().join("timeline").join("k.index");
    let timeline = embedded().unwrap();
    write(&entry, 42, &timeline).unwrap();
    let back = read(&entry, 42).expect("a fresh entry reads back");
    assert_eq!(back.events.len(), timeline.events.len());
    assert!(read(&entry, 43).is_none(), "another key");
    let mut bytes = std::fs::read(&entry).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(&entry, &bytes).unwrap();
    assert!(read(&entry, 42).is_none(), "a flipped bit");
    std::fs::write(&entry, &bytes[..100]).unwrap();
    assert!(read(&entry, 42).is_none(), "a truncated entry");
    std::fs::write(&entry, b"").unwrap();
    assert!(read(&entry, 42).is_none(), "an empty entry");
}

#[test]
fn a_decoded_entry_that_breaks_a_rule_is_refused() {
    let timeline = embedded().unwrap();
    use crate::load::trust::trusted;
    assert!(trusted(&timeline));
    let mut bad = timeline.clone();
    bad.events[0].place = Some(usize::MAX);
    assert!(!trusted(&bad));
    let mut bad = timeline.clone();
    bad.events[0].title = "\u{1b}]52;c;aGk=\u{7}".into();
    assert!(!trusted(&bad));
    let mut bad = timeline.clone();
    bad.events[0].id = "a\r\nATTACH:x".into();
    assert!(!trusted(&bad));
    let mut bad = timeline.clone();
    bad.places[0].julian_until = Some(chrono::NaiveDate::MAX);
    assert!(!trusted(&bad));
}

#[test]
fn only_files_named_as_ours_are_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let timeline = embedded().unwrap();
    std::fs::write(dir.path().join("notes.postcard"), "mine").unwrap();
    std::fs::write(dir.path().join("k.tmp123"), "mine").unwrap();
    for key in 0..(KEEP_ENTRIES as u128 + 2) {
        write(&entry_path(dir.path(), key), key, &timeline).unwrap();
    }
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names.iter().filter(|n| is_entry_name(n)).count(),
        KEEP_ENTRIES
    );
    assert!(names.contains(&"notes.postcard".to_string()), "{names:?}");
    assert!(names.contains(&"k.tmp123".to_string()), "{names:?}");
    assert!(
        !names.iter().any(|n| n.starts_with(TEMPORARY_PREFIX)),
        "{names:?}"
    );
}
