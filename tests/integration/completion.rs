//! Completion as the shells ask for it: the binary called back with `COMPLETE=SHELL` and the
//! words typed so far, answering from the embedded timeline or the one `--file`/`TIMELINE_FILE`
//! names, never with file names and never with an error. Every candidate is checked against
//! what the program does with it: a name completed finds its person, a tag's count is the one
//! `timeline tags` gives, an event id is one `show` knows. The shells' own functions are run by
//! tests/clients/completion.sh.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use assert_cmd::Command;

const SMALL: &str = "tests/fixtures/small.yaml";

/// The binary with a clean environment and the embedded timeline.
fn timeline() -> Command {
    common::clean()
}

/// A candidate as fish receives it: the value and its help.
#[derive(Debug, Clone, PartialEq)]
struct Candidate {
    value: String,
    help: String,
}

/// What the binary offers for the last word of `words` (the words after `timeline`), asked the
/// way fish's registration asks; `setup` adds variables or a working folder. Fails the test on
/// any stderr output or a failed call.
fn offered_with(words: &[&str], setup: impl FnOnce(&mut Command)) -> Vec<Candidate> {
    let mut cmd = timeline();
    cmd.env("COMPLETE", "fish")
        .arg("--")
        .arg("timeline")
        .args(words);
    setup(&mut cmd);
    let output = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{words:?}: {stderr}");
    assert!(stderr.is_empty(), "{words:?} printed on stderr: {stderr}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let (value, help) = line.split_once('\t').unwrap_or((line, ""));
            Candidate {
                value: value.to_string(),
                help: help.to_string(),
            }
        })
        .collect()
}

/// What the binary offers for the last word of `words`, from the embedded timeline.
fn offered(words: &[&str]) -> Vec<Candidate> {
    offered_with(words, |_| {})
}

/// The values offered for the last word of `words`.
fn values(words: &[&str]) -> Vec<String> {
    offered(words).into_iter().map(|c| c.value).collect()
}

/// The help of the candidate `value` among those offered for `words`.
fn help_of(words: &[&str], value: &str) -> String {
    offered(words)
        .into_iter()
        .find(|c| c.value == value)
        .unwrap_or_else(|| panic!("{words:?} does not offer {value}"))
        .help
}

/// The output of the binary run with `args`, which must succeed.
fn run(args: &[&str]) -> String {
    common::success(timeline().args(args))
}

#[test]
fn a_surname_completes_to_the_name_both_namesakes_answer_to() {
    let offered = values(&["who", "Kam"]);
    assert!(offered.contains(&"Kamenev".to_string()), "{offered:?}");
    assert!(offered.contains(&"Kameneva".to_string()), "{offered:?}");
    let help = help_of(&["who", "Kam"], "Kamenev");
    assert!(
        help.contains("Lev Kamenev") && help.contains("Sergey Kamenev"),
        "{help}"
    );
    // The value finds both, as its help says.
    let cards = run(&["who", "Kamenev", "--format", "json"]);
    assert!(cards.contains("lev-kamenev") && cards.contains("sergey-kamenev"));
}

#[test]
fn a_first_name_completes_to_full_names_with_the_about_line() {
    let offered = values(&["who", "Serg"]);
    for name in ["Sergey Kamenev", "Sergey Kirov"] {
        assert!(offered.contains(&name.to_string()), "{offered:?}");
    }
    assert!(help_of(&["who", "Serg"], "Sergey Kamenev").contains("Red Army commander-in-chief"));
    // The word under the cursor arrives as typed: escaped or in quotes.
    assert!(values(&["who", r"Sergey\ Kam"]).contains(&"Sergey Kamenev".to_string()));
    assert!(values(&["who", "\"Sergey Kam"]).contains(&"Sergey Kamenev".to_string()));
}

#[test]
fn every_person_flag_completes_names() {
    for words in [
        &["--person", "Zino"][..],
        &["-p", "Zino"],
        &["--with", "Zino"],
        &["who", "Kamenev", "--with", "Zino"],
        &["periods", "--person", "Zino"],
        &["chart", "-w", "Zino"],
        &["--person=Zino"],
    ] {
        let offered = values(words);
        assert!(
            offered.iter().any(|v| v.ends_with("Zinoviev")),
            "{words:?}: {offered:?}"
        );
    }
}

#[test]
fn case_accents_and_cyrillic_do_not_stop_a_name() {
    assert!(values(&["who", "kam"]).contains(&"Kamenev".to_string()));
    assert!(values(&["who", "Троц"]).contains(&"Trotsky".to_string()));
    let small = values(&["--file", SMALL, "who", "Lazaro"]);
    assert_eq!(small, vec!["Lázaro Cárdenas"]);
}

#[test]
fn every_name_offered_finds_its_person() {
    // With nothing typed, one name per person; typed, every name and alias starting so.
    let mut names: BTreeSet<String> = values(&["who", ""])
        .into_iter()
        .filter(|v| !v.starts_with('-'))
        .collect();
    let people = run(&["who", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&people).unwrap();
    let count = json.as_array().map_or(0, Vec::len);
    assert_eq!(names.len(), count, "one name per person: {names:?}");
    for prefix in ["K", "Lev", "Se", "Tr"] {
        names.extend(values(&["who", prefix]));
    }
    for name in &names {
        let output = timeline()
            .args(["who", name, "--format", "json"])
            .output()
            .unwrap();
        assert!(output.status.success(), "`who {name}` finds nobody");
    }
}

#[test]
fn places_complete_under_every_name_they_had() {
    assert_eq!(
        help_of(&["where", "Petrog"], "Petrograd"),
        "Saint Petersburg"
    );
    assert!(values(&["--place", "Lenin"]).contains(&"Leningrad".to_string()));
    let small = offered(&["--file", SMALL, "where", "C"]);
    assert_eq!(
        small,
        vec![Candidate {
            value: "Coyoacán".into(),
            help: "in Mexico".into()
        }]
    );
}

#[test]
fn tags_complete_with_the_counts_tags_gives() {
    assert_eq!(values(&["--tag", "ex"]), vec!["exile"]);
    let plain = run(&["tags", "--format", "plain"]);
    let counted: Vec<(String, String)> = plain
        .lines()
        .map(|l| {
            let (tag, count) = l.split_once('\t').unwrap();
            (tag.to_string(), format!("{count} event"))
        })
        .collect();
    let offered = offered(&["who", "-t", ""]);
    assert_eq!(offered.len(), counted.len(), "{offered:?}");
    for (candidate, (tag, count)) in offered.iter().zip(&counted) {
        assert_eq!(&candidate.value, tag);
        assert!(candidate.help.starts_with(count.as_str()), "{candidate:?}");
    }
}

#[test]
fn event_ids_complete_with_their_titles() {
    assert_eq!(values(&["show", "bir"]), vec!["birth"]);
    assert!(help_of(&["show", "bir"], "birth").contains("Born"));
    // Every event, in the order of the list.
    let ids: Vec<String> = run(&["--format", "plain"])
        .lines()
        .map(|l| l.rsplit('\t').next().unwrap().to_string())
        .collect();
    let offered: Vec<String> = values(&["show", ""])
        .into_iter()
        .filter(|v| !v.starts_with('-'))
        .collect();
    assert_eq!(offered, ids);
}

#[test]
fn in_completes_periods_then_the_years_of_the_life() {
    assert_eq!(values(&["--in", "civ"]), vec!["civil-war"]);
    assert_eq!(
        help_of(&["--in", "civ"], "civil-war"),
        "Civil War (1918–1920)"
    );
    let years = values(&["stats", "--in", "18"]);
    let expected: Vec<String> = (1879..=1899).map(|y| y.to_string()).collect();
    assert_eq!(years, expected);
    assert_eq!(values(&["--in", "194"]), vec!["1940"]);
    assert_eq!(values(&["--from", "194"]), vec!["1940"]);
    assert_eq!(values(&["around", "194"]), vec!["1940"]);
    assert_eq!(values(&["browse", "--in", "civ"]), vec!["civil-war"]);
    // Every period of `timeline periods`, then the years.
    let periods: Vec<String> = run(&["periods", "--format", "plain"])
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    let offered = values(&["--in", ""]);
    assert_eq!(offered[..periods.len()], periods[..]);
    assert_eq!(offered[periods.len()], "1879");
}

#[test]
fn the_file_in_use_is_the_one_completed_from() {
    let kamenev = || vec!["Kamenev".to_string()];
    for words in [
        &["--file", SMALL, "who", "Kam"][..],
        &["who", "--file", SMALL, "Kam"],
        &["-f", SMALL, "who", "Kam"],
        &["--file=tests/fixtures/small.yaml", "who", "Kam"],
    ] {
        assert_eq!(values(words), kamenev(), "{words:?}");
    }
    // Olga Kameneva is only in the embedded timeline.
    assert!(values(&["who", "Kam"]).contains(&"Kameneva".to_string()));
    let from_env = offered_with(&["who", "Kam"], |cmd| {
        cmd.env("TIMELINE_FILE", SMALL);
    });
    assert_eq!(from_env.len(), 1, "{from_env:?}");
    assert_eq!(
        values(&["--file", SMALL, "--tag", "e"]),
        vec!["escape", "exile"]
    );
    assert_eq!(
        values(&["--file", SMALL, "show", "e"]),
        vec!["escape", "eastern-front"]
    );
    assert_eq!(
        values(&["--file", SMALL, "--in", "e"]),
        vec!["early", "exile"]
    );
    // A relative --file is relative to where the shell is.
    let from_tests = offered_with(&["--file", "fixtures/small.yaml", "who", "Kam"], |cmd| {
        cmd.current_dir("tests");
    });
    assert_eq!(from_tests.len(), 1, "{from_tests:?}");
}

#[test]
fn a_file_that_cannot_be_read_offers_nothing_and_says_nothing() {
    for file in [
        "tests/fixtures/no-such-file.yaml",
        "tests/fixtures/broken.yaml",
        "tests/fixtures/hostile-control-characters.yaml",
        "tests/fixtures/hostile-alias-bomb.yaml",
        "tests/fixtures/hostile-invalid-utf8.yaml",
        "tests",
    ] {
        for words in [
            &["--file", file, "who", ""][..],
            &["--file", file, "--tag", ""],
            &["--file", file, "show", "b"],
            &["--file", file, "--in", "1"],
        ] {
            let offered = offered(words);
            assert!(
                offered.iter().all(|c| c.value.starts_with('-')),
                "{words:?}: {offered:?}"
            );
        }
    }
}

#[test]
fn a_file_that_would_block_is_not_read() {
    // `--file` naming a FIFO (or /dev/stdin, a terminal when the shell completes), or `-`
    // (standard input, even beside a file named `-`), must not hold the shell's Tab until
    // someone writes.
    let folder = tempfile::tempdir().unwrap();
    let fifo = folder.path().join("life.yaml");
    common::make_fifo(&fifo);
    std::fs::write(folder.path().join("-"), "title: Decoy\nevents: []\n").unwrap();
    for file in [fifo.as_os_str(), std::ffi::OsStr::new("-")] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("timeline"))
            .current_dir(folder.path())
            .env("COMPLETE", "fish")
            .env_remove("TIMELINE_FILE")
            .arg("--")
            .args(["timeline", "--file"])
            .arg(file)
            .args(["who", ""])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // A FIFO with no writer blocks its reader forever, so only the hang guard can tell.
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > common::HANG_GUARD {
                child.kill().unwrap();
                panic!("completion with --file {file:?} still waiting: it is blocked on the file");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let output = child.wait_with_output().unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(
            stdout.lines().all(|l| l.starts_with('-')),
            "{file:?}: {stdout}"
        );
    }
}

#[test]
fn names_never_complete_to_file_names() {
    let folder = tempfile::tempdir().unwrap();
    for name in ["Kamenev-notes.txt", "exile.yaml", "birth.md", "civil-war"] {
        std::fs::write(folder.path().join(name), "").unwrap();
    }
    for words in [
        &["who", "Kamenev-"][..],
        &["--person", "Kamenev-"],
        &["--tag", "exile."],
        &["show", "birth."],
        &["--in", "civil-war/"],
        &["where", "civil"],
    ] {
        let offered = offered_with(words, |cmd| {
            cmd.current_dir(folder.path())
                .env("TIMELINE_FILE", abs(SMALL));
        });
        assert!(offered.is_empty(), "{words:?}: {offered:?}");
    }
    // --file itself does complete paths.
    let offered = offered_with(&["--file", "exi"], |cmd| {
        cmd.current_dir(folder.path());
    });
    assert_eq!(offered.len(), 1, "{offered:?}");
    assert_eq!(offered[0].value, "exile.yaml");
}

/// `path` (relative to the package) made absolute.
fn abs(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn bash_gets_values_it_can_insert_as_they_are() {
    // bash puts a candidate on the command line unchanged: a space must come escaped.
    let output = timeline()
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .env("_CLAP_IFS", "\n")
        .args(["--", "timeline", "who", "Sergey"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.lines().any(|l| l == r"Sergey\ Kamenev"), "{stdout}");
    // Inside quotes the user opened (bash then passes the word unquoted), as they are.
    let output = timeline()
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .env("_CLAP_IFS", "\n")
        .args(["--", "timeline", "who", "Sergey Ka"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout, "Sergey Kamenev");
}

#[test]
fn the_completions_command_prints_the_registration_script() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = run(&["completions", shell]);
        let registration = timeline().env("COMPLETE", shell).output().unwrap();
        assert!(registration.status.success(), "{shell}");
        let registration = String::from_utf8(registration.stdout).unwrap();
        assert!(
            script.starts_with(&registration),
            "{shell}: `completions` and COMPLETE= differ:\n{script}\n---\n{registration}"
        );
    }
    // `timeline completions tcsh` says the shell is unknown (clap refuses the value); a COMPLETE
    // that names no shell, left in the environment for something else, is a normal run.
    let output = timeline().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("tcsh"));
    for off in ["", "0", "1", "tcsh"] {
        let output = timeline()
            .env("COMPLETE", off)
            .args(["show", "birth", "--format", "json"])
            .output()
            .unwrap();
        assert!(output.status.success());
        assert!(String::from_utf8_lossy(&output.stdout).contains("\"birth\""));
    }
}

#[test]
fn a_completion_answers_every_time() {
    // The shell waits on every Tab: each call must answer, and the same. How fast it answers is
    // for the benchmarks; the hang guard only stops a call that never would.
    let first = values(&["who", "Kam"]);
    assert!(!first.is_empty());
    for _ in 0..4 {
        let again = offered_with(&["who", "Kam"], |cmd| {
            cmd.timeout(common::HANG_GUARD);
        });
        let again: Vec<String> = again.into_iter().map(|c| c.value).collect();
        assert_eq!(again, first);
    }
}
