//! Hostile environments, as a user meets them: full disks, `ulimit -f`, closed or full standard
//! streams, odd variables and widths, endless inputs and absurd shapes. Nothing is lost (an old
//! export stays whole), nothing hangs, and every end says why with the right exit code.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use assert_cmd::cargo::cargo_bin_cmd;

use crate::common;

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_timeline")
}

/// Runs the binary under `sh -c` (for `ulimit` and redirections), in `dir`.
fn shell(script: &str, dir: &Path) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(binary())
        .current_dir(dir)
        .env_remove("TIMELINE_FILE")
        .env("TIMELINE_CACHE", "off")
        .output()
        .expect("sh runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn an_export_past_ulimit_keeps_the_old_file_whole_and_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.csv");
    fs::write(&report, "the old report\n").unwrap();
    // 8 blocks of 512 bytes: far less than the export. Without SIGXFSZ ignored the process
    // would die by the signal, with a partial file.
    let forced = shell(
        r#"ulimit -f 8; exec "$0" export csv -o report.csv --force"#,
        dir.path(),
    );
    assert_eq!(forced.status.code(), Some(2), "{}", stderr(&forced));
    assert!(
        stderr(&forced).contains("File too large"),
        "{}",
        stderr(&forced)
    );
    assert_eq!(fs::read_to_string(&report).unwrap(), "the old report\n");
    assert_eq!(names_in(dir.path()), ["report.csv"]);

    let fresh = shell(
        r#"ulimit -f 8; exec "$0" export ics -o new.ics"#,
        dir.path(),
    );
    assert_eq!(fresh.status.code(), Some(2), "{}", stderr(&fresh));
    assert_eq!(names_in(dir.path()), ["report.csv"], "no half file");

    // The same export with room succeeds, replaces the file whole, and keeps its mode.
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&report, fs::Permissions::from_mode(0o640)).unwrap();
    let ok = shell(r#"exec "$0" export csv -o report.csv --force"#, dir.path());
    assert!(ok.status.success(), "{}", stderr(&ok));
    let written = fs::read_to_string(&report).unwrap();
    assert!(written.starts_with("id,start,"), "{written}");
    let events = shell(r#"exec "$0" --format plain"#, dir.path()).stdout;
    let events = String::from_utf8(events).unwrap().lines().count();
    assert_eq!(
        written.lines().count(),
        events + 1,
        "a header and every event"
    );
    let mode = fs::metadata(&report).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(names_in(dir.path()), ["report.csv"]);
}

#[test]
fn an_export_to_a_full_device_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let full = shell(r#"exec "$0" export csv -o /dev/full --force"#, dir.path());
    assert_eq!(full.status.code(), Some(2));
    assert!(stderr(&full).contains("No space left"), "{}", stderr(&full));
    let refused = shell(r#"exec "$0" export csv -o /dev/full"#, dir.path());
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("already exists"));
    let folder = shell(r#"exec "$0" export csv -o . --force"#, dir.path());
    assert_eq!(folder.status.code(), Some(2));
    assert!(stderr(&folder).contains("is a directory"));
}

#[test]
fn an_export_without_force_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("mine.md"), "keep").unwrap();
    let refused = shell(r#"exec "$0" export markdown -o mine.md"#, dir.path());
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("add --force"));
    assert_eq!(
        fs::read_to_string(dir.path().join("mine.md")).unwrap(),
        "keep"
    );
    assert_eq!(names_in(dir.path()), ["mine.md"]);
}

#[test]
fn a_closed_or_full_stderr_keeps_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    for (script, code) in [
        (r#"exec "$0" --file /nonexistent 2>/dev/full"#, 2),
        (r#"exec "$0" who nobody 2>/dev/full"#, 1),
        (r#"exec "$0" --file /nonexistent 2>&-"#, 2),
        (r#"exec "$0" who nobody 2>&-"#, 1),
        (r#"exec "$0" frobnicate 2>/dev/full"#, 2),
    ] {
        let output = shell(script, dir.path());
        assert_eq!(output.status.code(), Some(code), "{script}");
    }
}

#[test]
fn closed_standard_streams_are_as_if_on_dev_null() {
    // The program starts from C's `main` (src/main.rs) and opens a closed descriptor on
    // /dev/null itself, as Rust's start-up did: the output has somewhere to go, and no file the
    // program opens takes the place of its output.
    let dir = tempfile::tempdir().unwrap();
    for (script, code) in [
        (r#"exec "$0" --from 1900 >&-"#, 0),
        (r#"exec "$0" who Kamenev <&- >&- 2>&-"#, 0),
        (r#"exec "$0" who nobody <&- >&- 2>&-"#, 1),
        (r#"exec "$0" --file /nonexistent >&- 2>&-"#, 2),
        (r#"exec "$0" export ics -o out.ics >&-"#, 0),
    ] {
        let output = shell(script, dir.path());
        assert_eq!(output.status.code(), Some(code), "{script}");
    }
    let ics = fs::read_to_string(dir.path().join("out.ics")).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics:.80}");
}

#[test]
fn help_and_version_that_cannot_be_written_fail() {
    let dir = tempfile::tempdir().unwrap();
    for args in ["--help", "--version", "help who", "who --help"] {
        let output = shell(&format!(r#"exec "$0" {args} >/dev/full"#), dir.path());
        assert_eq!(output.status.code(), Some(2), "{args}");
        assert!(stderr(&output).contains("No space left"), "{args}");
        let fine = shell(&format!(r#"exec "$0" {args}"#), dir.path());
        assert_eq!(fine.status.code(), Some(0), "{args}");
        assert!(!fine.stdout.is_empty(), "{args}");
    }
    // A reader that stops early is no failure.
    let head = shell(r#""$0" --help | head -1"#, dir.path());
    assert!(head.status.success());
}

#[test]
fn an_empty_timeline_file_variable_means_unset() {
    let unset = cargo_bin_cmd!("timeline")
        .args(["stats", "--format", "json"])
        .env_remove("TIMELINE_FILE")
        .output()
        .unwrap();
    let empty = cargo_bin_cmd!("timeline")
        .args(["stats", "--format", "json"])
        .env("TIMELINE_FILE", "")
        .output()
        .unwrap();
    assert!(empty.status.success(), "{}", stderr(&empty));
    assert_eq!(empty.stdout, unset.stdout);
}

#[test]
fn absurd_widths_are_clamped() {
    for (flag, columns) in [
        (Some("18446744073709551615"), None),
        (Some("1000000000"), None),
        (None, Some("1000000000")),
    ] {
        let mut cmd = cargo_bin_cmd!("timeline");
        cmd.args(["--format", "table", "--limit", "3"])
            .env_remove("TIMELINE_FILE")
            .timeout(common::HANG_GUARD);
        if let Some(width) = flag {
            cmd.args(["--width", width]);
        }
        if let Some(columns) = columns {
            cmd.env("COLUMNS", columns);
        }
        let output = cmd.output().unwrap();
        assert!(
            output.status.success(),
            "{flag:?} {columns:?}: {}",
            stderr(&output)
        );
        let text = String::from_utf8(output.stdout).unwrap();
        let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest <= 1000, "{widest} columns");
    }
}

/// Runs the binary with `args`, stopped at the hang guard: a run killed there has no exit code,
/// so a test's check of the code fails on a hang.
fn run_unless_hung(args: &[&str]) -> Output {
    cargo_bin_cmd!("timeline")
        .args(args)
        .env_remove("TIMELINE_FILE")
        .env("TIMELINE_CACHE", "off")
        .timeout(common::HANG_GUARD)
        .output()
        .unwrap()
}

#[test]
fn endless_inputs_are_refused_without_reading_them_all() {
    for (args, expected) in [
        (
            &["--file", "/dev/zero"][..],
            "/dev/zero:1:1: the file holds a NUL byte",
        ),
        (&["check", "/dev/zero"], "NUL byte"),
        // Random bytes: whichever comes first, a byte that is not UTF-8 or a NUL.
        (&["--file", "/dev/urandom"], "not valid UTF-8|NUL byte"),
        (&["check", "/dev/urandom"], "not valid UTF-8|NUL byte"),
    ] {
        // Not a timing test: only a hang (reading all of an endless file) meets the guard.
        let output = run_unless_hung(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert!(
            expected.split('|').any(|e| message.contains(e)),
            "{args:?}: {message}"
        );
    }
}

#[test]
fn a_stream_over_the_limit_is_refused_at_the_limit() {
    // Valid text, so only the limit can stop it: 600 MiB of comments through a pipe.
    let mut child = Command::new(binary())
        .args(["--file", "/dev/stdin"])
        .env_remove("TIMELINE_FILE")
        .env("TIMELINE_CACHE", "off")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let block = "# a comment line\n".repeat(4096);
        for _ in 0..(600 << 20) / block.len() {
            if stdin.write_all(block.as_bytes()).is_err() {
                break;
            }
        }
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("holds more than 512 MiB"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn absurd_shapes_are_refused_without_reserving_memory_for_them() {
    let dir = tempfile::tempdir().unwrap();
    // 60 MB of `{}` events once asked for 7 GB; 21 MB of `- ` items for 3.9 GB. Under a 2 GB
    // address-space limit, such a reservation aborts the process.
    let empties = dir.path().join("empties.json");
    let mut text = String::from("{\"title\": \"t\", \"events\": [{}");
    text.push_str(&",{}".repeat(20_000_000));
    text.push_str("]}");
    fs::write(&empties, text).unwrap();
    let dashes = dir.path().join("dashes.yaml");
    fs::write(
        &dashes,
        format!("title: t\nevents:\n{}", "- \n".repeat(7_000_000)),
    )
    .unwrap();
    for (file, expected) in [
        (&empties, "the fields `id`, `date` and `title` are missing"),
        (&dashes, ":3:"),
    ] {
        let output = shell(
            &format!(r#"ulimit -v 2000000; exec "$0" --file {}"#, file.display()),
            dir.path(),
        );
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(stderr(&output).contains(expected), "{}", stderr(&output));
    }
}

#[test]
fn a_million_item_flow_list_loads_as_its_json_twin_does() {
    let dir = tempfile::tempdir().unwrap();
    let tags = vec!["t"; 1_000_000].join(", ");
    let yaml = dir.path().join("tags.yaml");
    fs::write(
        &yaml,
        format!("title: t\nevents:\n  - {{id: a, date: 1917, title: x, tags: [{tags}]}}\n"),
    )
    .unwrap();
    let json = dir.path().join("tags.json");
    let quoted = vec!["\"t\""; 1_000_000].join(",");
    fs::write(
        &json,
        format!("{{\"title\": \"t\", \"events\": [{{\"id\": \"a\", \"date\": 1917, \"title\": \"x\", \"tags\": [{quoted}]}}]}}"),
    )
    .unwrap();
    for file in [&yaml, &json] {
        let output = run_unless_hung(&["check", file.to_str().unwrap()]);
        assert!(
            output.status.success(),
            "{}: {}",
            file.display(),
            stderr(&output)
        );
    }
}

#[test]
fn long_values_are_quoted_short_and_never_hang() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "x".repeat(1 << 20);
    let mut text = format!("title: t\nevents:\n  - {{id: a, date: \"{huge}\", title: x}}\n");
    for i in 0..20 {
        text.push_str(&format!(
            "  - {{id: p{i}, date: 1917, title: x, place: {huge}{i}}}\n"
        ));
    }
    let file = dir.path().join("long.yaml");
    fs::write(&file, text).unwrap();
    let output = run_unless_hung(&["check", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("21 problems"),
        "{}",
        &message[..2000.min(message.len())]
    );
    assert!(
        message.len() < 40_000,
        "{} bytes of messages",
        message.len()
    );
    assert!(message.contains("xxx…"), "values are cut");

    let id = "x".repeat(131_000);
    let output = run_unless_hung(&["show", &id]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).len() < 1000);
}

#[test]
fn a_file_name_with_an_escape_is_shown_escaped_on_stdout_and_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good\u{1b}[2J.yaml");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.yaml"),
        &good,
    )
    .unwrap();
    let bad = dir.path().join("bad\u{1b}]52;c;aGk=\u{7}.yaml");
    fs::write(
        &bad,
        "title: t\nevents: [{id: a, date: 1917-02-30, title: x}]\n",
    )
    .unwrap();
    for file in [&good, &bad] {
        let output = run_unless_hung(&["check", file.to_str().unwrap()]);
        let all = [output.stdout.as_slice(), output.stderr.as_slice()].concat();
        let all = String::from_utf8_lossy(&all);
        assert!(all.contains("\\u{1b}"), "{all}");
        assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
    }
}

#[test]
fn a_system_that_starts_no_thread_still_answers_in_full() {
    // A stack no system can give (RUST_MIN_STACK is every new thread's size): every thread the
    // program would start fails, and the work done in parallel is done on the one thread there
    // is. A long list (in pieces), a big YAML file (hashed in pieces for the cache, then cut
    // into pieces to parse) and a big JSON file (parsed in pieces).
    let dir = tempfile::tempdir().unwrap();
    let mut yaml = String::from("title: t\nevents:\n");
    let mut json = String::from("{\"title\": \"t\", \"events\": [");
    for i in 0..20_000 {
        let year = 1800 + i % 200;
        yaml.push_str(&format!(
            "  - {{id: e{i}, date: '{year}', title: Event {i} of a long synthetic life}}\n"
        ));
        let comma = if i == 0 { "" } else { "," };
        json.push_str(&format!(
            "{comma}{{\"id\": \"e{i}\", \"date\": \"{year}\", \"title\": \"Event {i} of a long synthetic life\"}}"
        ));
    }
    json.push_str("]}");
    fs::write(dir.path().join("life.yaml"), &yaml).unwrap();
    fs::write(dir.path().join("life.json"), &json).unwrap();
    for file in ["life.yaml", "life.json"] {
        let run = |threads: bool| {
            let mut cmd = Command::new(binary());
            cmd.current_dir(dir.path())
                .env_remove("TIMELINE_FILE")
                .env(
                    "XDG_CACHE_HOME",
                    dir.path().join(format!("cache-{threads}")),
                )
                .args(["--file", file, "--format", "plain"]);
            if !threads {
                cmd.env("RUST_MIN_STACK", (1u64 << 46).to_string());
            }
            cmd.output().unwrap()
        };
        let (with, without) = (run(true), run(false));
        assert!(with.status.success(), "{file}: {}", stderr(&with));
        assert!(without.status.success(), "{file}: {}", stderr(&without));
        assert_eq!(
            String::from_utf8_lossy(&with.stdout).lines().count(),
            20_000
        );
        assert!(with.stdout == without.stdout, "{file}: the same list");
    }
}
