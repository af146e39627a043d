//! The cache of parsed large timelines, as a user meets it: it lives in the cache directory,
//! never beside the user's file; a repeated query answers the same; a corrupt entry is ignored;
//! `TIMELINE_CACHE=off` leaves no trace; links, FIFOs and other files in its folder are never
//! followed, waited on, or removed.

use std::fmt::Write as _;
use std::path::Path;

use assert_cmd::Command;

use crate::common;

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
    let mut cmd = range_query(file, cache_home);
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    stdout_of(cmd.output().unwrap())
}

/// The binary asking `--from 1850 --to 1850` of `file`, its cache under `cache_home`.
fn range_query(file: &Path, cache_home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("timeline").unwrap();
    cmd.env_remove("TIMELINE_CACHE")
        .env("XDG_CACHE_HOME", cache_home)
        .arg("--file")
        .arg(file)
        .args(["--from", "1850", "--to", "1850", "--format", "plain"]);
    cmd
}

/// The standard output of a run that must succeed.
fn stdout_of(output: std::process::Output) -> String {
    assert!(
        output.status.success(),
        "{:?} {}",
        output.status,
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

/// Runs like [`run`], but gives up at the hang guard: a cache entry must never make a run hang.
fn run_unless_hung(file: &Path, cache_home: &Path) -> String {
    let mut cmd = range_query(file, cache_home);
    stdout_of(cmd.timeout(common::HANG_GUARD).output().unwrap())
}

#[test]
fn hostile_things_in_the_cache_folder_are_never_followed_read_or_removed() {
    use std::os::unix::fs::symlink;

    let work = tempfile::tempdir().unwrap();
    let cache_home = tempfile::tempdir().unwrap();
    let file = work.path().join("life.yaml");
    std::fs::write(&file, big_timeline(12_000)).unwrap();
    let first = run(&file, cache_home.path(), &[]);
    let folder = cache_home.path().join("timeline");
    let entry = entries(&folder).pop().expect("an entry");

    // Someone else's files in the folder, named nothing like an entry.
    let foreign = ["notes.postcard", "photo.jpg", "abc.tmp1234"];
    for name in foreign {
        std::fs::write(folder.join(name), "not the cache's").unwrap();
    }
    // A link where the entry goes, to a file it must never overwrite: the write replaces the
    // link, and the file keeps its content.
    let victim = work.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::fs::remove_file(&entry).unwrap();
    symlink(&victim, &entry).unwrap();
    assert_eq!(run(&file, cache_home.path(), &[]), first);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(!entry.is_symlink(), "the entry is a file of its own again");

    // A FIFO (which would block a reader forever), a link to /dev/zero (endless) and a sparse
    // 1.5 GB file (all zeros) where the entry goes: each is passed by, never waited on.
    for plant in ["fifo", "zero", "sparse"] {
        let _ = std::fs::remove_file(&entry);
        match plant {
            "fifo" => common::make_fifo(&entry),
            "zero" => symlink("/dev/zero", &entry).unwrap(),
            _ => std::fs::File::create(&entry)
                .unwrap()
                .set_len(1536 << 20)
                .unwrap(),
        }
        assert_eq!(run_unless_hung(&file, cache_home.path()), first, "{plant}");
    }
    for name in foreign {
        assert!(folder.join(name).exists(), "{name} was removed");
    }
}

/// A YAML timeline with people, nested places, tags, spans and summaries, over a megabyte.
fn rich_timeline(events: usize) -> String {
    let mut text = String::from(
        "title: Rich\nsubject: me\npeople:\n  - {id: me, name: Me Myself, born: 1800-01-01}\n  - {id: ann, name: Ann Smith, aliases: [Smith]}\n  - {id: bob, name: Bob Smith, aliases: [Smith]}\n  - {id: cy, name: Cy Young}\nplaces:\n  - {id: land, name: Land}\n  - {id: town, name: Town, within: land}\n  - {id: spot, name: Spot, within: town, names: [{name: Oldspot, to: 1900-01-01}]}\n  - {id: away, name: Away}\nevents:\n",
    );
    let people = ["[]", "[ann]", "[bob, cy]", "[ann, bob]"];
    let places = ["land", "town", "spot", "away"];
    let tags = ["[war]", "[peace, war]", "[travel]"];
    for i in 0..events {
        let year = 1800 + (i * 7) % 150;
        let date = match i % 4 {
            0 => format!("{year}-0{}-1{}", 1 + i % 9, i % 9),
            1 => format!("{year}"),
            2 => format!("{year}-03/{}-02", year + 1),
            _ => format!("{}X", year / 10),
        };
        writeln!(
            text,
            "  - {{id: e{i}, date: '{date}', title: Event {i} of a rich life, summary: Something about {i}, place: {}, people: {}, tags: {}}}",
            places[i % 4],
            people[i % 4],
            tags[i % 3]
        )
        .unwrap();
    }
    text
}

/// A [`rich_timeline`] of `events` in a folder of its own, and an empty cache home.
fn rich_life(events: usize) -> (tempfile::TempDir, tempfile::TempDir, std::path::PathBuf) {
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("life.yaml");
    std::fs::write(&file, rich_timeline(events)).unwrap();
    (work, tempfile::tempdir().unwrap(), file)
}

/// Stdout, stderr and exit code of one run, with the cache on or off.
fn answer(file: &Path, cache_home: &Path, args: &[&str], cache: bool) -> String {
    let mut cmd = Command::cargo_bin("timeline").unwrap();
    cmd.env_remove("TIMELINE_CACHE")
        .env("XDG_CACHE_HOME", cache_home)
        .arg("--file")
        .arg(file)
        .args(args);
    if !cache {
        cmd.env("TIMELINE_CACHE", "off");
    }
    let output = cmd.output().unwrap();
    format!(
        "{}\n{}\n{:?}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
        output.status.code()
    )
}

#[test]
fn the_mapped_index_answers_every_filter_as_a_fresh_parse_does() {
    let work = tempfile::tempdir().unwrap();
    let cache_home = tempfile::tempdir().unwrap();
    let file = work.path().join("life.yaml");
    let text = rich_timeline(9_000);
    assert!(text.len() > 1024 * 1024);
    std::fs::write(&file, &text).unwrap();
    // Writes the entry.
    answer(&file, cache_home.path(), &[], true);
    assert_eq!(entries(&cache_home.path().join("timeline")).len(), 1);
    let asks: &[&[&str]] = &[
        &["--format", "plain"],
        &["--from", "1850", "--to", "1852", "--format", "plain"],
        &["--from", "1899-12", "--to", "1900-01", "--format", "json"],
        &["--place", "Town", "--limit", "20", "--format", "csv"],
        &["--person", "Smith", "--reverse", "--limit", "9"],
        &["--with", "Cy Young", "--from", "1900", "--format", "ndjson"],
        &["--search", "event 42", "--format", "markdown"],
        &["--tag", "peace", "--to", "1810"],
        &["--in", "1870"],
        &["who", "Smith", "--from", "1940"],
        &["who", "--place", "Spot"],
        &["who", "Nobody"],
        &["--from", "1990"],
        &["where", "Town"],
        &["stats"],
        &["tags"],
    ];
    for ask in asks {
        let fresh = answer(&file, cache_home.path(), ask, false);
        let mapped = answer(&file, cache_home.path(), ask, true);
        assert_eq!(mapped, fresh, "{ask:?}");
    }
}

#[test]
fn a_damaged_record_in_the_entry_is_refused_and_the_source_answers() {
    let (_work, cache_home, file) = rich_life(9_000);
    // The last record is the latest event's, which each question shows: a short list, and the
    // whole list, which is written in pieces (one per core) with the damage in the last piece,
    // after the first has been made: nothing may be printed twice.
    let asks: [&[&str]; 3] = [
        &["--from", "1945", "--format", "plain"],
        &["--format", "plain"],
        &["--format", "ndjson"],
    ];
    for ask in asks {
        let fresh = answer(&file, cache_home.path(), ask, false);
        answer(&file, cache_home.path(), ask, true);
        let entry = entries(&cache_home.path().join("timeline")).pop().unwrap();
        let mut bytes = std::fs::read(&entry).unwrap();
        let last = bytes.len() - 3;
        bytes[last] ^= 0x20;
        std::fs::write(&entry, &bytes).unwrap();
        let answered = answer(&file, cache_home.path(), ask, true);
        assert_eq!(answered.lines().count(), fresh.lines().count(), "{ask:?}");
        assert_eq!(answered, fresh, "{ask:?}");
        let rewritten = std::fs::read(&entry).unwrap();
        assert_ne!(rewritten, bytes, "{ask:?}: the entry was rewritten");
    }
}

#[test]
fn a_long_list_in_pieces_is_the_list_written_whole() {
    // Plain lines and ndjson are written in pieces; a JSON document and CSV are written whole.
    // All four name the same events in the same order.
    let (_work, cache_home, file) = rich_life(20_000);
    let ids_of = |format: &str| -> Vec<String> {
        let out = answer(&file, cache_home.path(), &["--format", format], true);
        let out = out.split("\n\n").next().unwrap().to_string();
        match format {
            "plain" => out
                .lines()
                .map(|l| l.rsplit('\t').next().unwrap().to_string())
                .collect(),
            "csv" => out
                .lines()
                .skip(1)
                .map(|l| l.split(',').next().unwrap().to_string())
                .collect(),
            "ndjson" => out
                .lines()
                .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
                .collect(),
            _ => serde_json::from_str::<serde_json::Value>(&out)
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["id"].to_string().trim_matches('"').to_string())
                .collect(),
        }
    };
    let whole = ids_of("json");
    assert_eq!(whole.len(), 20_000);
    assert_eq!(ids_of("csv"), whole);
    assert_eq!(ids_of("plain"), whole);
    let ndjson: Vec<String> = ids_of("ndjson")
        .into_iter()
        .map(|id| id.trim_matches('"').to_string())
        .collect();
    assert_eq!(ndjson, whole);
}

#[test]
fn a_cache_write_past_ulimit_costs_nothing_but_the_entry() {
    let work = tempfile::tempdir().unwrap();
    let cache_home = tempfile::tempdir().unwrap();
    let file = work.path().join("life.yaml");
    std::fs::write(&file, big_timeline(12_000)).unwrap();
    let expected = run(&file, work.path().join("elsewhere").as_path(), &[]);
    // 1,000 blocks of 512 bytes: reading is not limited, and the entry (about 0.9 MB) cannot be
    // written.
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -f 1000; exec "$0" --file "$1" --from 1850 --to 1850 --format plain"#)
        .arg(env!("CARGO_BIN_EXE_timeline"))
        .arg(&file)
        .env_remove("TIMELINE_CACHE")
        .env("XDG_CACHE_HOME", cache_home.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{:?} {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);
    assert!(
        entries(&cache_home.path().join("timeline")).is_empty(),
        "no entry and no temporary left"
    );
}
