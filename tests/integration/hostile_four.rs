//! Hostile, round three (issue 19), the loading side, and the rest of it: each probe drives the
//! built binary. No probe times anything (the times are measured apart, on a quiet machine):
//! a generous timeout guards against a hang only, and the probes assert what a user reads.
//!
//! Catalogue (numbered as issue 19's items):
//! 2. `ten_thousand_misspelt_references_each_get_their_nearest`: 10,000 unknown references to
//!    10,000 ids, each one letter off its id: every message suggests that id (it took 14 s);
//!    `ties_are_suggested_the_same_on_every_run` (ties changed from run to run);
//!    `fifty_thousand_tags_are_counted_once_each`: `tags` over 50,000 tags (a linear search
//!    for each tag took 2.9 s).
//! 7. `bash_completion_quotes_the_binary_path`: the bash script completes from a binary at a
//!    path with a space, and one at a path holding `$(touch …)` runs nothing.
//! 9. `no_year_outside_one_to_9999_is_written`: dates at the edges of the calendar in every
//!    view and export.
//! 9. …and `0001-01-01 O.S.` (30 December of the year before 1) is refused at load, at its line.
//! 10. `a_megabyte_bad_date_is_cut_in_the_message` (1,000,729 characters of stderr), and
//!     `a_huge_argument_is_cut_in_clap_errors` (clap echoed a 100 KB argument whole). The SIGBUS
//!     of a cache entry truncated while mapped is the README's "Troubleshooting".

use crate::common;

use std::path::Path;

/// `text` written to `name` in `dir`; its path.
fn file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// `timeline ARGS` in a pipe, with the cache off: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let output = common::clean()
        .args(args)
        .env("TIMELINE_CACHE", "off")
        .timeout(common::HANG_GUARD)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn ten_thousand_misspelt_references_each_get_their_nearest() {
    let mut text = String::from("title: Probe\npeople:\n");
    for i in 0..10_000 {
        text.push_str(&format!("  - {{id: person-{i:05}, name: P{i}}}\n"));
    }
    text.push_str("events:\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "  - {{id: e{i}, date: '1900', title: t, people: [persn-{i:05}]}}\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "refs.yaml", &text);
    let (code, _, first) = run(&["check", "--file", &path]);
    assert_eq!(code, Some(2));
    for i in (0..10_000).step_by(997) {
        let expected = format!("unknown person `persn-{i:05}`; did you mean `person-{i:05}`?\n");
        assert!(first.contains(&expected), "{expected}");
    }
    assert_eq!(first.matches("did you mean").count(), 10_000);
}

#[test]
fn ties_are_suggested_the_same_on_every_run() {
    // Four ids one edit from `strie`, in an order no hash keeps: every run offers the first
    // three by name.
    let text = concat!(
        "title: Probe\nplaces:\n",
        "  - {id: strike, name: A}\n",
        "  - {id: stride, name: B}\n",
        "  - {id: strife, name: C}\n",
        "  - {id: strip, name: D}\n",
        "events:\n  - {id: e, date: '1900', title: t, place: strie}\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "ties.yaml", text);
    for _ in 0..5 {
        let (code, _, err) = run(&["check", "--file", &path]);
        assert_eq!(code, Some(2));
        assert!(
            err.contains("unknown place `strie`; did you mean `stride`, `strife` or `strike`?"),
            "{err}"
        );
    }
}

#[test]
fn fifty_thousand_tags_are_counted_once_each() {
    let mut text = String::from("title: Probe\nevents:\n");
    for i in 0..50_000 {
        text.push_str(&format!(
            "  - {{id: e{i}, date: '1900', title: t, tags: [tag-{i}, common]}}\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "tags.yaml", &text);
    let (code, out, err) = run(&["tags", "--file", &path, "--format", "plain"]);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 50_001);
    assert_eq!(lines[0], "common\t50000");
    assert_eq!(lines[1], "tag-0\t1", "ties keep the order of first use");
    assert_eq!(lines[50_000], "tag-49999\t1");
}

/// The names bash offers for `timeline who Kamen`, from the script `timeline completions bash`
/// printed by the binary at `program`, run in `dir`.
fn bash_completes(program: &Path, dir: &Path) -> Vec<String> {
    // The script calls back the binary that printed it, by the path it was run as.
    let output = std::process::Command::new(program)
        .args(["completions", "bash"])
        .env_remove("TIMELINE_FILE")
        .env_remove("COMPLETE")
        .output()
        .unwrap();
    assert!(output.status.success());
    let script_path = dir.join("script.bash");
    std::fs::write(&script_path, output.stdout).unwrap();
    let output = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c"])
        .arg(
            "source \"$1\"; COMP_WORDS=(timeline who Kamen); COMP_CWORD=2; \
             _clap_complete_timeline timeline Kamen who; printf '%s\\n' \"${COMPREPLY[@]}\"",
        )
        .arg("bash")
        .arg(&script_path)
        .current_dir(dir)
        .env_remove("TIMELINE_FILE")
        .env_remove("COMPLETE")
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completion_quotes_the_binary_path() {
    common::require("bash", &["--version"]);
    let binary = assert_cmd::cargo::cargo_bin("timeline");
    let dir = tempfile::tempdir().unwrap();
    for folder in ["with a space", "$(touch ran)", "it's `touch ran`"] {
        let at = dir.path().join(folder);
        std::fs::create_dir(&at).unwrap();
        let program = at.join("timeline");
        std::os::unix::fs::symlink(&binary, &program).unwrap();
        let offered = bash_completes(&program, dir.path());
        assert!(
            offered.iter().any(|name| name == "Kamenev"),
            "{folder}: bash offered {offered:?}"
        );
        assert!(
            !dir.path().join("ran").exists(),
            "{folder}: the script ran code from its own path"
        );
    }
}

#[test]
fn no_year_outside_one_to_9999_is_written() {
    let dir = tempfile::tempdir().unwrap();
    // Before the year 1 in the Gregorian calendar: refused at load, at its line, in words.
    for (date, falls) in [
        ("0001-01-01 O.S.", "falls on 30 Dec of the year before 1"),
        ("0001-01-02 O.S.", "falls on 31 Dec of the year before 1"),
    ] {
        let path = file(
            dir.path(),
            "early.yaml",
            &format!("title: Early\nevents:\n  - {{id: a, date: \"{date}\", title: A}}\n"),
        );
        let (code, _, err) = run(&["check", "--file", &path]);
        assert_eq!(code, Some(2));
        assert!(err.contains(":3:"), "{err}");
        assert!(err.contains(falls), "{err}");
        assert!(err.contains("before the year 1"), "{err}");
    }
    // The first and last days that may be: every view and export writes years 1 and 9999, and
    // no year 0, no negative year, no year 10000.
    let path = file(
        dir.path(),
        "edges.yaml",
        "title: Edges\nsubject: p\npeople:\n  - {id: p, name: P, born: \"0001-01-03 O.S.\"}\n\
         events:\n  - {id: first, date: \"0001-01-03 O.S.\", title: First, people: [p]}\n  \
         - {id: firstg, date: \"0001-01-01\", title: First Gregorian}\n  \
         - {id: last, date: \"9999-12-31\", title: Last}\n",
    );
    let views: &[&[&str]] = &[
        &[],
        &["--format", "json"],
        &["--format", "csv"],
        &["--format", "markdown"],
        &["who", "P"],
        &["show", "first"],
        &["show", "last"],
        &["around", "0001-01-01"],
        &["around", "9999-12-31"],
        &["on", "12-31"],
        &["on", "01-01"],
        &["stats"],
        &["chart"],
        &["periods"],
        &["export", "markdown"],
        &["export", "timelinejs"],
        &["export", "markwhen"],
    ];
    for view in views {
        let mut args = vec!["--file", &path, "--color", "never"];
        args.extend_from_slice(view);
        let (code, out, err) = run(&args);
        assert!(matches!(code, Some(0 | 1)), "{view:?}: {err}");
        for bad in [
            "10000", "0000-", " Dec 0 ", " Dec 0\n", " Dec 0]", "-0001", "+1000",
        ] {
            assert!(!out.contains(bad), "{view:?} writes `{bad}`:\n{out}");
        }
    }
}

#[test]
fn a_megabyte_bad_date_is_cut_in_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        dir.path(),
        "bigdate.yaml",
        &format!(
            "title: T\nevents:\n  - {{id: a, title: t, date: \"1917-{}\"}}\n",
            "x".repeat(1 << 20)
        ),
    );
    let (code, _, err) = run(&["check", "--file", &path]);
    assert_eq!(code, Some(2));
    assert!(err.contains(":3:29: event `a`: `1917-xxx"), "{err}");
    assert!(
        err.contains("the month must have two digits, not `xxx"),
        "{err}"
    );
    assert!(err.len() < 2_000, "{} bytes of message", err.len());
    for line in err.lines() {
        assert!(line.chars().count() < 600, "{line}");
    }
}

#[test]
fn a_huge_argument_is_cut_in_clap_errors() {
    let huge = "x".repeat(100_000);
    let dashed = format!("--{huge}");
    let cases: [&[&str]; 3] = [&["--format", &huge], &["who", "--limit", &huge], &[&dashed]];
    for args in cases {
        let (code, out, err) = run(args);
        assert_eq!(code, Some(2), "{err}");
        assert!(out.is_empty());
        assert!(err.len() < 2_000, "{} bytes for {:?}", err.len(), &args[0]);
        assert!(err.contains("xxx"), "the argument is still named: {err}");
    }
    // Short arguments are shown whole.
    let (_, _, err) = run(&["--format", "yamlx"]);
    assert!(
        err.contains("invalid value 'yamlx' for '--format <FORMAT>'"),
        "{err}"
    );
}
