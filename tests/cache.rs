//! The cache of parsed large timelines, as a user meets it: it lives in the cache directory,
//! never beside the user's file; a repeated query answers the same; a corrupt entry is ignored;
//! `TIMELINE_CACHE=off` leaves no trace.

use std::fmt::Write as _;
use std::path::Path;

use assert_cmd::Command;

/// A YAML timeline of `events` events, well over the one-megabyte threshold for caching.
fn big_timeline(events: usize) -> String {
    let mut text = String::from("title: Big\nplaces:\n  - {id: p, name: Here}\nevents:\n");
    for i in 0..events {
        let year = 1800 + i % 200;
        writeln!(
            text,
            "  - {{id: e{i}, date: {year}-0{}-1{}, title: Event number {i} of a long synthetic life, place: p}}",
            1 + i % 9,
            i % 9
        )
        .unwrap();
    }
    text
}

fn run(file: &Path, cache_home: &Path, extra_env: &[(&str, &str)]) -> String {
    let mut cmd = Command::cargo_bin("timeline").unwrap();
    cmd.env_remove("TIMELINE_CACHE")
        .env("XDG_CACHE_HOME", cache_home)
        .arg("--file")
        .arg(file)
        .args(["--from", "1850", "--to", "1850", "--format", "plain"]);
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn entries(dir: &Path) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(read) => read.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn a_big_yaml_file_is_cached_in_the_cache_directory_and_answers_the_same() {
    let work = tempfile::tempdir().unwrap();
    let cache_home = tempfile::tempdir().unwrap();
    let file = work.path().join("life.yaml");
    let text = big_timeline(12_000);
    assert!(text.len() > 1024 * 1024);
    std::fs::write(&file, &text).unwrap();

    let first = run(&file, cache_home.path(), &[]);
    assert_eq!(first.lines().count(), 60, "{first}");
    let cached = entries(&cache_home.path().join("timeline"));
    assert_eq!(cached.len(), 1, "one entry in the cache directory");
    assert_eq!(
        entries(work.path()),
        std::slice::from_ref(&file),
        "nothing written beside the user's file"
    );

    assert_eq!(
        run(&file, cache_home.path(), &[]),
        first,
        "a cached answer is the same"
    );

    std::fs::write(&cached[0], b"not a cache entry").unwrap();
    assert_eq!(
        run(&file, cache_home.path(), &[]),
        first,
        "a corrupt entry is ignored"
    );

    // A changed file is a different key: the old answer is never served for it.
    std::fs::write(
        &file,
        text.replace("Event number 250 ", "Changed event 250 "),
    )
    .unwrap();
    let changed = run(&file, cache_home.path(), &[]);
    assert!(changed.contains("Changed event 250 "), "{changed}");
}

#[test]
fn timeline_cache_off_leaves_no_trace() {
    let work = tempfile::tempdir().unwrap();
    let cache_home = tempfile::tempdir().unwrap();
    let file = work.path().join("life.yaml");
    std::fs::write(&file, big_timeline(12_000)).unwrap();
    run(&file, cache_home.path(), &[("TIMELINE_CACHE", "off")]);
    assert!(entries(cache_home.path()).is_empty());
}
