//! `check` reports as a compiler does (issue 20): each problem at the line where it is, in the
//! file's terms, every problem of every kind in one run. A fixture per case in
//! `tests/fixtures/check/`, its message and position asserted; the invisible characters are
//! written here, one file each.

use crate::common;

use std::path::Path;

/// `timeline check --file PATH`, which must fail with exit 2; its stderr.
fn refused(path: &Path) -> String {
    let output = common::clean()
        .args(["check", "--file"])
        .arg(path)
        .env("TIMELINE_CACHE", "off")
        .timeout(common::HANG_GUARD)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}: {stderr}",
        path.display()
    );
    stderr
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(name)
}

/// Each fixture with the messages it must give, each as `FILE:LINE:COLUMN: message`.
const CASES: &[(&str, &[&str])] = &[
    (
        "misspelt-field.yaml",
        &["misspelt-field.yaml:4:5: event `exile`: unknown field `titel`; did you mean `title`?"],
    ),
    (
        "every-kind.yaml",
        &[
            "every-kind.yaml:7:11: event `exile`: `1928-13` is not a date",
            "every-kind.yaml:8:9: event `no-title`: the field `title` is missing",
            "every-kind.yaml:13:12: event `lost`: unknown place `almaata`; did you mean `alma-ata`?",
            "every-kind.yaml:17:5: event `extra`: unknown field `venue`; an event takes id, date",
            "4 problems",
        ],
    ),
    (
        "tab.yaml",
        &["tab.yaml:4:1: a tab, where YAML allows only spaces"],
    ),
    (
        "unclosed-bracket.yaml",
        &[
            "unclosed-bracket.yaml:6:11: this `[` is never closed (the YAML reader stopped at line 7",
        ],
    ),
    (
        "unclosed-brace.yaml",
        &["unclosed-brace.yaml:3:5: this `{` is never closed (the YAML reader stopped at line 4"],
    ),
    (
        "unclosed-quote.yaml",
        &["unclosed-quote.yaml:4:12: this quote `\"` is never closed"],
    ),
    (
        "repeated-field.yaml",
        &["repeated-field.yaml:6:5: event `a`: `title` is given twice"],
    ),
    (
        "alias-ratio.yaml",
        &["2000 aliases (`*name`) repeat 20 anchors (`&name`) more often than a timeline needs"],
    ),
];

/// What only a parser's author would understand.
const INTERNALS: &[&str] = &[
    "AliasAnchorRatio",
    "Nodes {",
    "DuplicateKeyPolicy",
    "Options",
    "{ ",
    "scalar",
];

#[test]
fn every_case_is_reported_where_it_is_in_the_files_terms() {
    for (name, expected) in CASES {
        let stderr = refused(&fixture(name));
        for part in *expected {
            assert!(stderr.contains(part), "{name}: no `{part}` in\n{stderr}");
        }
        for internal in INTERNALS {
            let said = stderr.lines().filter(|l| l.starts_with("error:"));
            // "scalar" is the YAML reader's word, allowed only in what it says it stopped at.
            let said: Vec<&str> = said
                .map(|l| l.split(" (the YAML reader stopped").next().unwrap())
                .collect();
            assert!(
                !said.iter().any(|l| l.contains(internal)),
                "{name}: `{internal}` in\n{stderr}"
            );
        }
    }
}

#[test]
fn a_misspelt_field_is_not_also_reported_missing() {
    let stderr = refused(&fixture("misspelt-field.yaml"));
    assert!(!stderr.contains("missing"), "{stderr}");
    assert!(stderr.ends_with("1 problem\n") || stderr.matches("error:").count() == 1);
}

#[test]
fn a_budget_breach_names_no_counter() {
    let stderr = refused(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile-alias-bomb-first.yaml"),
    );
    assert!(stderr.contains("aliases expanding"), "{stderr}");
    assert!(!stderr.contains("Nodes {"), "{stderr}");
}

#[test]
fn invisible_characters_in_one_line_fields_are_refused_at_their_line() {
    let cases = [
        ('\u{200b}', "a zero-width character"),
        ('\u{200c}', "a zero-width character"),
        ('\u{200d}', "a zero-width character"),
        ('\u{2060}', "a zero-width character"),
        ('\u{200e}', "a bidirectional mark"),
        ('\u{200f}', "a bidirectional mark"),
        ('\u{202a}', "a bidirectional override"),
        ('\u{2067}', "a bidirectional override"),
        ('\u{feff}', "a byte-order mark inside the text"),
        ('\u{e0041}', "a tag character"),
        ('\u{e007f}', "a tag character"),
        ('\u{fff9}', "an interlinear annotation mark"),
        ('\u{fffb}', "an interlinear annotation mark"),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (c, what) in cases {
        let path = dir.path().join(format!("u{:x}.yaml", c as u32));
        let text = format!(
            "title: Invisible\npeople:\n  - {{id: lenin, name: Lenin}}\nevents:\n  - id: a\n    date: \"1917\"\n    title: Le{c}nin\n    tags: [ex{c}ile]\n"
        );
        std::fs::write(&path, text).unwrap();
        let stderr = refused(&path);
        let escaped = c.escape_default().to_string();
        for (line, field) in [(7, "title"), (8, "tag")] {
            let expected = format!(":{line}:");
            let message = format!("event `a`: the {field} holds an invisible character");
            assert!(
                stderr
                    .lines()
                    .any(|l| l.contains(&expected) && l.contains(&message) && l.contains(what)),
                "{escaped}: no `{expected} … {message} … {what}` in\n{stderr}"
            );
        }
        assert!(stderr.contains(&format!("`{escaped}`")), "{stderr}");
    }
}

#[test]
fn invisible_characters_may_stay_in_prose() {
    // The zero-width joiner builds emoji and the letters of some scripts.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prose.yaml");
    std::fs::write(
        &path,
        "title: Prose\nevents:\n  - {id: a, date: \"1917\", title: A, summary: \"a family: 👨\u{200d}👩\u{200d}👧\"}\n",
    )
    .unwrap();
    common::success(
        common::clean()
            .args(["check", "--file"])
            .arg(&path)
            .env("TIMELINE_CACHE", "off"),
    );
}
