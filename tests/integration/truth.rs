//! Exports and conventions that say what they did (issue 18): the notes on stderr, `-o -`, one
//! list separator in CSV, the same exit code for every unknown name, and a starter template that
//! `check` accepts.

use crate::common;

use std::process::Output;

use common::clean;

/// Runs the binary on `file` (the embedded timeline when `None`) with `args`.
fn run_on(file: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = clean();
    if let Some(file) = file {
        cmd.args(["--file", file]);
    }
    cmd.args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn ics_says_what_it_left_out_and_splits_long_spans() {
    let output = run_on(None, &["export", "ics"]);
    assert_eq!(output.status.code(), Some(0));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("not known to the day") && stderr.contains("left out"),
        "{stderr}"
    );
    let ics = text(&output.stdout);
    // Knudsen's house, 18 Jun 1935 – 2 Sep 1936: its first and last day, not a 443-day banner.
    assert!(
        ics.contains("(begins)") && ics.contains("(ends)"),
        "no span split"
    );
    let days = |line: &str| chrono::NaiveDate::parse_from_str(line, "%Y%m%d").unwrap();
    let starts: Vec<_> = ics
        .lines()
        .filter_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:"))
        .map(days)
        .collect();
    let ends: Vec<_> = ics
        .lines()
        .filter_map(|l| l.strip_prefix("DTEND;VALUE=DATE:"))
        .map(days)
        .collect();
    assert_eq!(starts.len(), ends.len());
    for (start, end) in starts.iter().zip(&ends) {
        assert!((*end - *start).num_days() <= 366, "{start} – {end}");
    }
    assert!(stderr.contains("longer than a year"), "{stderr}");
}

#[test]
fn ics_refuses_years_a_calendar_cannot_hold() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("far.yaml");
    std::fs::write(
        &file,
        "title: Far\nevents:\n  - { id: early, date: \"0001-01-01 O.S.\", title: Early }\n",
    )
    .unwrap();
    // 30 December of the year before 1 in the Gregorian calendar: refused at load (issue 19).
    let output = run_on(Some(file.to_str().unwrap()), &["export", "ics"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("before the year 1") && stderr.contains("early"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn dash_output_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let output = clean()
        .current_dir(dir.path())
        .args(["export", "json", "--in", "1917", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let events: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(!events.as_array().unwrap().is_empty());
    assert!(!dir.path().join("-").exists(), "a file named - was written");
}

#[test]
fn csv_has_one_list_separator_and_the_age_as_numbers() {
    let csv_text = text(&run_on(None, &["--format", "csv"]).stdout);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (people, tags, periods) = (column("people"), column("tags"), column("periods"));
    let (age, age_start, age_end) = (column("age"), column("age_start"), column("age_end"));
    let mut lists = 0;
    for record in reader.records().map(Result::unwrap) {
        for list in [people, tags, periods] {
            let cell = &record[list];
            // A list of ids or tags has no other separator than "; ".
            if list != people {
                assert!(
                    !cell.contains(',') && !cell.replace("; ", "").contains(';'),
                    "{cell}"
                );
            }
            lists += usize::from(cell.contains("; "));
        }
        let words = &record[age];
        if words.is_empty() {
            assert_eq!((&record[age_start], &record[age_end]), ("", ""));
            continue;
        }
        let (first, last): (u32, u32) = (
            record[age_start].parse().unwrap(),
            record[age_end].parse().unwrap(),
        );
        assert!(first <= last);
        let expected = if first == last {
            first.to_string()
        } else {
            format!("{first}–{last}")
        };
        assert_eq!(words, expected);
    }
    assert!(lists > 100, "only {lists} lists of more than one");
}

#[test]
fn timelinejs_eras_never_overlap_and_every_slide_has_one_date_style() {
    let output = run_on(None, &["export", "timelinejs"]);
    assert_eq!(output.status.code(), Some(0));
    // 300-odd slides: a note suggests one period.
    let stderr = text(&output.stderr);
    assert!(stderr.contains("--in PERIOD"), "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let day = |d: &serde_json::Value| {
        chrono::NaiveDate::from_ymd_opt(
            d["year"].as_i64().unwrap() as i32,
            d["month"].as_u64().unwrap() as u32,
            d["day"].as_u64().unwrap() as u32,
        )
        .unwrap()
    };
    let mut eras: Vec<_> = doc["eras"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (day(&e["start_date"]), day(&e["end_date"])))
        .collect();
    assert!(eras.len() > 10, "{eras:?}");
    eras.sort();
    for pair in eras.windows(2) {
        assert!(pair[0].1 < pair[1].0, "overlap: {pair:?}");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&run_on(None, &["--format", "json"]).stdout).unwrap();
    let words: std::collections::HashMap<&str, &str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["date"].as_str().unwrap()))
        .collect();
    for slide in doc["events"].as_array().unwrap() {
        let id = slide["unique_id"].as_str().unwrap();
        assert_eq!(slide["display_date"].as_str(), Some(words[id]), "{id}");
    }
    // A period's export is short enough to need no note.
    let civil_war = run_on(None, &["export", "timelinejs", "--in", "civil-war"]);
    assert!(civil_war.stderr.is_empty(), "{}", text(&civil_war.stderr));
}

#[test]
fn every_name_that_finds_nothing_exits_alike() {
    // An unknown tag, period, person or place, in a flag or as an argument: exit 1, a message
    // naming the closest, nothing on stdout.
    for (args, closest) in [
        (&["--tag", "exil"][..], "exile"),
        (&["--in", "civilwar"][..], "civil-war"),
        (&["--in", "nonsense"][..], "timeline periods"),
        (&["--person", "stalni"][..], "Stalin"),
        (&["--with", "stalni"][..], "Stalin"),
        (&["--place", "petrogrd"][..], "Petrograd"),
        (&["who", "stalni"][..], "Stalin"),
        (&["chart", "--in", "civilwar"][..], "civil-war"),
        (&["export", "ics", "--tag", "exil"][..], "exile"),
    ] {
        let output = run_on(None, args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains(closest), "{args:?}: {stderr}");
    }
}

/// The output of `timeline ARGS` on a pseudo-terminal (util-linux `script`), where auto color
/// applies, with `env` set. `script` is required: without it the test fails.
fn on_a_terminal(args: &[&str], env: &[(&str, &str)]) -> String {
    let quote = |t: &str| format!("'{}'", t.replace('\'', r"'\''"));
    let binary = assert_cmd::cargo::cargo_bin!("timeline");
    let mut line = quote(binary.to_str().unwrap());
    for arg in args {
        line.push(' ');
        line.push_str(&quote(arg));
    }
    let mut command = std::process::Command::new("script");
    command.args(["-qec", &line, "/dev/null"]);
    for var in common::SHAPING {
        command.env_remove(var);
    }
    command
        .env("TERM", "xterm-256color")
        .env("TIMELINE_PAGER", "cat");
    command.envs(env.iter().copied());
    let output = command
        .output()
        .expect("util-linux `script` is needed to run on a pseudo-terminal");
    assert!(output.status.success(), "{args:?}: {output:?}");
    text(&output.stdout)
}

#[test]
fn clicolor_0_turns_color_off() {
    let args = ["--in", "1917"];
    assert!(
        on_a_terminal(&args, &[]).contains('\u{1b}'),
        "no color on a terminal"
    );
    assert!(!on_a_terminal(&args, &[("CLICOLOR", "0")]).contains("\u{1b}["));
    assert!(on_a_terminal(&args, &[("CLICOLOR", "1")]).contains('\u{1b}'));
    // CLICOLOR_FORCE wins, as bixense.com/clicolors says.
    let forced = [("CLICOLOR", "0"), ("CLICOLOR_FORCE", "1")];
    assert!(on_a_terminal(&args, &forced).contains('\u{1b}'));
}

/// The ```console blocks of a Markdown file: each a list of (command, expected output).
fn console_blocks(markdown: &str) -> Vec<Vec<(String, String)>> {
    let mut blocks = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        if line.trim_end() != "```console" {
            continue;
        }
        let mut block: Vec<(String, String)> = Vec::new();
        for line in lines.by_ref().take_while(|l| l.trim_end() != "```") {
            match (line.strip_prefix("$ "), block.last_mut()) {
                (Some(command), _) => block.push((command.to_string(), String::new())),
                (None, Some((_, output))) => {
                    output.push_str(line);
                    output.push('\n');
                }
                (None, None) => panic!("a console block starts without a command: {line}"),
            }
        }
        blocks.push(block);
    }
    blocks
}

#[test]
fn the_readme_examples_are_the_programs_real_output() {
    // Each ```console block is run as a reader would type it, in a folder of its own (a block's
    // commands share it: `template > my-life.yaml`, then `check my-life.yaml`), on an 80-column
    // pseudo-terminal without color, `timeline` on the PATH.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let blocks = console_blocks(&readme);
    assert!(blocks.len() >= 2, "{} console blocks", blocks.len());
    let binary = assert_cmd::cargo::cargo_bin!("timeline");
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for block in blocks {
        let dir = tempfile::tempdir().unwrap();
        for (command, expected) in block {
            let mut script = std::process::Command::new("script");
            script
                .args(["-qec", &command, "/dev/null"])
                .current_dir(dir.path());
            for var in common::SHAPING {
                script.env_remove(var);
            }
            let output = script
                .env("PATH", &path)
                .env("SHELL", "/bin/sh")
                .env("TERM", "xterm-256color")
                .env("COLUMNS", "80")
                .env("NO_COLOR", "1")
                .env("TIMELINE_PAGER", "cat")
                .output()
                .expect("util-linux `script` is needed to run on a pseudo-terminal");
            let shown = text(&output.stdout).replace("\r\n", "\n");
            assert_eq!(
                shown, expected,
                "the README shows `$ {command}` printing what it no longer prints; it prints:\n{shown}"
            );
        }
    }
}

#[test]
fn the_template_is_a_timeline_check_accepts() {
    let template = run_on(None, &["template"]);
    assert_eq!(template.status.code(), Some(0));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("my-life.yaml");
    std::fs::write(&file, &template.stdout).unwrap();
    let check = run_on(None, &["check", file.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    // Old Style, a season and a span reach the views as they should.
    let plain = text(&run_on(Some(file.to_str().unwrap()), &["--format", "plain"]).stdout);
    for words in [
        "[O.S. 2 Mar]",
        "summer 1906",
        "1 Sep 1907 – 15 Jun 1912",
        "Petrograd",
    ] {
        assert!(plain.contains(words), "{words}: {plain}");
    }
}
