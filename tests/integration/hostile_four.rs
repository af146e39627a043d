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
//! 10. `a_megabyte_bad_date_is_cut_in_the_message`, `a_huge_argument_is_cut_in_clap_errors`.

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
