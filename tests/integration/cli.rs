//! The binary as a user drives it: filters, views and formats over small fixture timelines.
//! Hermetic: color, width and the timeline file are always explicit, never inherited.

use crate::common;

use std::io::{BufRead, BufReader};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;

const SMALL: &str = "tests/fixtures/small.yaml";

/// The binary with a clean environment and the small fixture.
fn timeline() -> Command {
    let mut cmd = bare();
    cmd.args(["--file", SMALL]);
    cmd
}

/// The binary with a clean environment and the embedded timeline.
fn bare() -> Command {
    common::clean()
}

use common::{plain_ids as ids, success as stdout};

fn json(cmd: &mut Command) -> serde_json::Value {
    serde_json::from_str(&stdout(cmd.args(["--format", "json"]))).unwrap()
}

#[test]
fn search_takes_words_in_any_order_across_title_place_and_people() {
    // Every word must appear somewhere: title and person, in either order.
    assert_eq!(ids(timeline().args(["--search", "kamenev led"])), ["brest"]);
    assert_eq!(ids(timeline().args(["--search", "led kamenev"])), ["brest"]);
    // A place found by a name it had at the time, a person by an accented name typed plainly.
    assert_eq!(
        ids(timeline().args(["--search", "petrograd uprising"])),
        ["uprising"]
    );
    assert_eq!(
        ids(timeline().args(["--search", "cardenas coyoacan"])),
        ["mexico-arrival"]
    );
    // A quoted phrase keeps its words together and in order.
    assert_eq!(
        ids(timeline().args(["--search", "\"hay cart\""])),
        ["escape"]
    );
    timeline()
        .args(["--search", "\"cart hay\""])
        .assert()
        .code(1);
}

#[test]
fn in_a_pipe_events_are_plain_tab_separated_lines_starting_with_the_iso_date() {
    let out = stdout(timeline().args(["--from", "1917", "--to", "1921"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert_eq!(
        lines[0],
        "1917-11-07\t7–8 Nov 1917 [O.S. 25–26 Oct]\tThe October uprising\tPetrograd\tLev Kamenev\trevolution\tuprising"
    );
    for line in &lines {
        assert_eq!(line.split('\t').count(), 7, "{line}");
        assert!(!line.contains('\x1b'), "no color in a pipe: {line:?}");
    }
}

#[test]
fn grep_finds_an_event_in_the_plain_output() {
    let out = stdout(timeline().args(["--from", "1917", "--to", "1921"]));
    let brest: Vec<&str> = out
        .lines()
        .filter(|l| l.to_lowercase().contains("brest"))
        .collect();
    assert_eq!(brest.len(), 1);
    assert!(brest[0].starts_with("1917-12-22\t22 Dec 1917 – 10 Feb 1918\t"));
}

#[test]
fn to_runs_through_the_whole_unit_written_and_spans_overlap() {
    assert!(ids(timeline().args(["--to", "1917"])).contains(&"uprising".to_string()));
    assert!(ids(timeline().args(["--to", "1917-11"])).contains(&"uprising".to_string()));
    assert!(!ids(timeline().args(["--to", "1917-10"])).contains(&"uprising".to_string()));
    // The talks began in December 1917 and still overlap January 1918.
    assert_eq!(
        ids(timeline().args(["--from", "1918-01", "--to", "1918-01"])),
        ["brest"]
    );
    // An approximate span is kept by its strict bounds.
    assert_eq!(ids(timeline().args(["--in", "1920"])), ["late-1920"]);
}

#[test]
fn in_takes_a_period_id_and_filters_combine() {
    assert_eq!(
        ids(timeline().args(["--in", "revolution"])),
        ["uprising", "brest", "eastern-front", "late-1920"]
    );
    assert_eq!(
        ids(timeline().args([
            "--in",
            "revolution",
            "--person",
            "kamenev",
            "--tag",
            "diplomacy"
        ])),
        ["brest"]
    );
    assert_eq!(ids(timeline().args(["--search", "HAY CART"])), ["escape"]);
    assert_eq!(
        ids(timeline().args(["--reverse", "--limit", "2"])),
        ["death", "mexico-arrival"]
    );
}

#[test]
fn who_kamenev_shows_both_namesakes_and_which_one_each_event_involves() {
    let found = json(timeline().args(["who", "Kamenev"]));
    let names: Vec<&str> = found["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Lev Kamenev", "Sergey Kamenev"]);
    let events: Vec<(&str, &str)> = found["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["people"][0].as_str().unwrap()))
        .collect();
    assert_eq!(
        events,
        [
            ("uprising", "Lev Kamenev"),
            ("brest", "Lev Kamenev"),
            ("eastern-front", "Sergey Kamenev"),
            ("leningrad-opposition", "Lev Kamenev")
        ]
    );
    let table = stdout(timeline().args([
        "who", "kamenev", "--format", "table", "--color", "never", "--width", "100",
    ]));
    assert!(
        table.starts_with("Lev Kamenev  d. 25 Aug 1936  · 3 events\n"),
        "{table}"
    );
    assert!(table.contains("\nSergey Kamenev  · 1 event\n"), "{table}");
}

#[test]
fn where_finds_a_place_by_any_of_its_names_and_shows_the_name_of_the_day() {
    let by_name = |name: &str| stdout(timeline().args(["where", name]));
    let leningrad = by_name("Leningrad");
    assert_eq!(leningrad, by_name("petrograd"));
    assert_eq!(leningrad, by_name("SAINT PETERSBURG"));
    let places: Vec<&str> = leningrad
        .lines()
        .map(|l| l.split('\t').nth(3).unwrap())
        .collect();
    assert_eq!(places, ["Saint Petersburg", "Petrograd", "Leningrad"]);
}

#[test]
fn a_place_includes_the_places_within_it_and_accents_do_not_matter() {
    assert_eq!(
        ids(timeline().args(["where", "Mexico"])),
        ["mexico-arrival", "death"]
    );
    assert_eq!(
        ids(timeline().args(["where", "coyoacan"])),
        ["mexico-arrival", "death"]
    );
    assert_eq!(
        ids(timeline().args(["--person", "cardenas"])),
        ["mexico-arrival"]
    );
}

#[test]
fn json_gives_both_calendars_exactly_where_old_style_applies() {
    let events = json(&mut timeline());
    let by_id = |id: &str| {
        events
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .unwrap()
            .clone()
    };
    let uprising = by_id("uprising");
    assert_eq!(uprising["start"], "1917-11-07");
    assert_eq!(uprising["end"], "1917-11-08");
    assert_eq!(uprising["start_os"], "1917-10-25");
    assert_eq!(uprising["end_os"], "1917-10-26");
    assert_eq!(uprising["date"], "7–8 Nov 1917 [O.S. 25–26 Oct]");
    assert_eq!(uprising["place"], "Petrograd");
    assert_eq!(uprising["age"], "38");
    let birth = by_id("birth");
    assert_eq!(
        (birth["start"].as_str(), birth["start_os"].as_str()),
        (Some("1879-11-07"), Some("1879-10-26"))
    );
    let arrival = by_id("mexico-arrival");
    assert!(arrival.get("start_os").is_none(), "{arrival}");
    assert_eq!(arrival["place"], "Coyoacán");
    let escape = by_id("escape");
    assert_eq!(
        (escape["precision"].as_str(), escape["date"].as_str()),
        (Some("season"), Some("summer 1902"))
    );
    assert_eq!(by_id("late-1920")["approximate"], true);
}

#[test]
fn ndjson_csv_and_markdown() {
    let ndjson = stdout(timeline().args(["--format", "ndjson"]));
    assert_eq!(ndjson.lines().count(), 10);
    for line in ndjson.lines() {
        let event: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(event["id"].is_string());
    }
    let csv_text = stdout(timeline().args(["--format", "csv"]));
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<&str> = reader.headers().unwrap().iter().take(5).collect();
    assert_eq!(header.join(","), "id,start,end,date,title");
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 10);
    assert_eq!(&records[3][4], "The October uprising");
    assert!(csv_text.contains("\r\n"), "RFC 4180 line ends");
    let markdown = stdout(timeline().args(["--format", "markdown", "--limit", "1"]));
    assert_eq!(
        markdown,
        "| Date | Age | Event | Place | People |\n|---|---|---|---|---|\n| 7 Nov 1879 \\[O.S. 26 Oct\\] | 0 | Born |  |  |\n"
    );
}

#[test]
fn show_gives_one_event_in_full() {
    let out = stdout(timeline().args(["show", "uprising"]));
    assert!(
        out.contains("date\t7–8 Nov 1917 [O.S. 25–26 Oct]\n"),
        "{out}"
    );
    assert!(out.contains("place\tPetrograd, Russia\n"), "{out}");
    assert!(
        out.contains("people\tLev Kamenev (Bolshevik; married the subject's sister)\n"),
        "{out}"
    );
    assert!(out.contains("periods\tRevolution\n"), "{out}");
    let table =
        stdout(timeline().args(["show", "uprising", "--format", "table", "--color", "never"]));
    assert!(
        table.starts_with("The October uprising\n  Date   7–8 Nov 1917 [O.S. 25–26 Oct]\n"),
        "{table}"
    );
}

#[test]
fn periods_list_spans_and_counts() {
    assert_eq!(
        stdout(timeline().arg("periods")),
        "early\t1879-01-01\t1916-12-31\t3\tEarly years\nrevolution\t1917-01-01\t1920-12-31\t4\tRevolution\nexile\t1929-01-01\t1940-12-31\t2\tExile\n"
    );
}

#[test]
fn who_and_where_without_a_name_list_everyone_and_everywhere() {
    let people = stdout(timeline().arg("who"));
    assert_eq!(
        people
            .lines()
            .next()
            .unwrap()
            .split('\t')
            .take(2)
            .collect::<Vec<_>>(),
        ["lev", "Lev Davidovich"]
    );
    assert_eq!(people.lines().count(), 4);
    let places = stdout(timeline().arg("where"));
    assert!(
        places.contains("coyoacan\tCoyoacán\tMexico\t\t2\n"),
        "{places}"
    );
}

#[test]
fn a_query_that_matches_nothing_exits_1_with_a_note_and_no_output() {
    for args in [
        &["--from", "1930", "--to", "1935"][..],
        &["who", "Nobody"],
        &["where", "Atlantis"],
        &["--place", "Atlantis"],
        &["show", "no-such-event"],
        &["who", "Sergey Kamenev", "--from", "1930"],
        &["where", "Mexico", "--to", "1930"],
    ] {
        let output = timeline().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with("timeline: "), "{args:?}: {stderr}");
        assert!(
            stderr.contains("no") || stderr.contains("none"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn bad_arguments_exit_2_saying_what_is_accepted() {
    for (args, expected) in [
        (
            &["--from", "1921", "--to", "1917"][..],
            "--from 1921 is after --to 1917",
        ),
        (&["--from", "abc"], "dates look like 1917"),
        (
            &["--to", "1917-13"],
            "month 13 is neither a month 01–12 nor a season",
        ),
        (&["--from", "1917-02-30"], "Feb 1917 has 28 days, not 30"),
        (&["--limit", "-1"], "expected a whole number, 1 or more"),
        (&["--format", "yaml"], "invalid value 'yaml'"),
    ] {
        let output = timeline().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn check_reports_every_problem_with_file_line_and_column() {
    let clean = stdout(timeline().args(["check", SMALL]));
    assert_eq!(
        clean,
        "tests/fixtures/small.yaml: ok: 10 events, 4 people, 4 places, 3 periods\n"
    );
    let output = bare()
        .args(["check", "tests/fixtures/broken.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let headlines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(
        headlines,
        [
            "error: tests/fixtures/broken.yaml:4:11: duplicate person id `a`",
            "error: tests/fixtures/broken.yaml:9:11: event `first`: `1917-02-30` is not a date: Feb 1917 has 28 days, not 30",
            "error: tests/fixtures/broken.yaml:13:10: event `second`: it ends (1917) before it starts (1921)",
            "error: tests/fixtures/broken.yaml:15:12: event `second`: unknown place `hear`; did you mean `here`?",
            "error: tests/fixtures/broken.yaml:16:14: event `second`: unknown person `b`; expected the id of one of the timeline's person entries",
        ]
    );
    assert!(stderr.ends_with("5 problems\n"), "{stderr}");
    // Loading the same file to list events fails the same way.
    assert_eq!(
        bare()
            .args(["--file", "tests/fixtures/broken.yaml"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn the_embedded_timeline_works_from_any_folder_and_timeline_file_overrides_it() {
    let out = stdout(bare().current_dir("/").args(["who", "Kamenev"]));
    assert!(out.lines().count() > 5, "{out}");
    let check = stdout(bare().arg("check"));
    assert!(
        check.starts_with("timeline.yaml (embedded): ok: "),
        "{check}"
    );
    let fixture = std::fs::canonicalize(SMALL).unwrap();
    let from_env = stdout(bare().env("TIMELINE_FILE", &fixture).arg("periods"));
    assert_eq!(from_env.lines().count(), 3);
}

#[test]
fn color_is_decided_by_flag_environment_and_terminal() {
    let colored = |cmd: &mut Command| {
        stdout(cmd.args(["--format", "table", "--width", "100"])).contains('\x1b')
    };
    assert!(!colored(&mut timeline()), "a pipe gets no color by default");
    assert!(colored(timeline().args(["--color", "always"])));
    assert!(!colored(
        timeline()
            .args(["--color", "never"])
            .env("CLICOLOR_FORCE", "1")
    ));
    assert!(colored(timeline().env("CLICOLOR_FORCE", "1")));
    // `timeline --color always | less -R`: plain lines are colored inside their fields.
    let plain = stdout(timeline().args(["--color", "always"]));
    assert!(plain.contains('\x1b'), "plain lines colored on request");
    assert!(
        plain.lines().all(|l| l.split('\t').count() == 7),
        "still seven fields: {plain}"
    );
}

#[test]
fn a_closed_pipe_ends_the_program_quietly() {
    // These outputs of the embedded timeline are far larger than a pipe's buffer, so a write
    // fails once the reader has gone.
    for format in ["json", "ndjson", "csv"] {
        let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("timeline"))
            .args(["--format", format])
            .env_remove("TIMELINE_FILE")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{format}");
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{format}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{format}");
    }
}

fn table(width: &str) -> String {
    stdout(timeline().args(["--format", "table", "--color", "never", "--width", width]))
}

#[test]
fn tables_fit_their_width_and_never_cut_a_date() {
    for width in ["40", "60", "80", "100", "120", "200"] {
        let out = table(width);
        for line in out.lines() {
            assert!(
                line.chars().count() <= width.parse().unwrap(),
                "{width}: {line}"
            );
        }
        // New Style first, its Old Style twin whole on the line below.
        assert!(
            out.contains("7–8 Nov 1917") && out.contains("[O.S. 25–26 Oct]"),
            "{width}: {out}"
        );
        let new_style = out.find("7–8 Nov 1917").unwrap();
        assert!(new_style < out.find("[O.S. 25–26 Oct]").unwrap(), "{width}");
        assert!(out.contains("22 Dec 1917 –"), "{width}");
    }
}

#[test]
fn table_snapshot_at_80_columns() {
    insta::assert_snapshot!(table("80"));
}

#[test]
fn table_snapshot_at_120_columns() {
    insta::assert_snapshot!(table("120"));
}

#[test]
fn table_snapshot_at_50_columns() {
    insta::assert_snapshot!(table("50"));
}

#[test]
fn help_and_version() {
    let help = stdout(bare().arg("--help"));
    assert!(help.contains("timeline --from 1917 --to 1921"), "{help}");
    assert!(stdout(bare().arg("--version")).starts_with("timeline "));
}

#[test]
fn list_tables_keep_ids_whole_so_they_can_be_typed_back() {
    let periods = stdout(bare().args([
        "periods", "--format", "table", "--color", "never", "--width", "80",
    ]));
    assert!(periods.contains(" revolutionary-activity "), "{periods}");
    assert!(periods.contains(" fate-of-oppositionists "), "{periods}");
}

#[test]
fn a_dash_as_the_file_reads_standard_input() {
    let text = std::fs::read_to_string(SMALL).unwrap();
    let from_file = stdout(timeline().args(["--format", "plain"]));
    let from_stdin = stdout(
        bare()
            .args(["--file", "-", "--format", "plain"])
            .write_stdin(text.clone()),
    );
    assert_eq!(from_stdin, from_file);
    // A file named `-` in the working directory is not what `-` means; `./-` names it.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("-"), "title: Decoy\nevents: []\n").unwrap();
    let in_dir = stdout(
        bare()
            .current_dir(dir.path())
            .env("TIMELINE_FILE", "-")
            .args(["--format", "plain"])
            .write_stdin(text),
    );
    assert_eq!(in_dir, from_file);
    // Problems name standard input.
    let broken = bare()
        .args(["check", "-"])
        .write_stdin("title: t\nevents:\n  - {id: a, date: 1917-13, title: T}\n")
        .output()
        .unwrap();
    assert_eq!(broken.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(stderr.contains("<stdin>:3:"), "{stderr}");
}

#[test]
fn an_empty_name_is_a_usage_error_not_a_name_that_matches_nothing() {
    // `who ''` said "no person matches ``" (exit 1), as if a name had been looked for.
    for args in [
        &["who", ""][..],
        &["where", ""],
        &["show", ""],
        &["--person", ""],
        &["--with", ""],
        &["--place", ""],
        &["--tag", ""],
        &["who", "Kamenev", "--with", ""],
    ] {
        let output = bare().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("a value is required"), "{args:?}: {stderr}");
    }
}
