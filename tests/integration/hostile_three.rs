//! Hostile, round three (issue 19), the output side: each probe drives the built binary, the
//! terminal cases in a real terminal (tmux, which `.ci/run` installs: a probe that needs it
//! fails without it rather than skip). No probe times anything: a generous timeout guards
//! against a hang only, and the times are measured apart (hyperfine).
//!
//! Catalogue:
//! 1. `a_word_of_400_kb_is_shown_whole_in_every_table`: a 400 KB unbroken word as a title, a
//!    place, a person, a period and a tag, in the list at 50, 80 and 150 columns and in
//!    `who`, `where`, `periods`, `tags` and `show`: every character shown, no line wider than
//!    the table (comfy-table split such a word in the square of its length: 400 KB, 36 s).
//! 3. `a_long_table_is_one_table_drawn_in_chunks`: 3,000 events, more than one chunk of a
//!    streamed table, the last with a date wider than any before: one header, one top and one
//!    bottom border, every event in order, every line as wide as the table, its first rows as
//!    the first rows of a short table; and `a_long_table_reaches_the_pager_whole`: the same
//!    through a pager on a terminal is the same as in a pipe (the pager gets it as it is made).
//! 4. `ctrl_c_while_less_shows_is_left_to_less`: Ctrl-C while less shows does not end the
//!    program; `q` does, and the next keystroke reaches the shell (it went to an orphaned less).
//!    `sigterm_and_sighup_while_less_shows_wait_for_less`: the program ends by the signal only
//!    once less has ended.
//! 5. `browse_gives_the_terminal_back_on_every_signal`: SIGTERM, SIGHUP, SIGINT and SIGQUIT
//!    sent by `kill` end `browse` by that signal with the terminal cooked, on the main screen,
//!    mouse reports off and the cursor shown.
//! 6. `markdown_cards_escape_every_value`: `show`, `who` and `where` in Markdown write no live
//!    HTML, and no value starts a heading, a list item or a table row.
//! 8. `a_failing_pager_never_hides_the_output`: `false`, a pager that is not executable and one
//!    killed by a signal: the output is written directly after a note, exit 0.
//! 10. `help_help_shows_help`: `timeline help --help` answered "`--help` is not a command"; it
//!     shows the program's help, as git does.

use crate::common;
use crate::tmux::Tmux;

use std::path::Path;
use std::process::Command as StdCommand;
use std::time::Duration;

use unicode_width::UnicodeWidthStr;

const SMALL: &str = "tests/fixtures/small.yaml";

/// The people, places and periods of a timeline the probes add events to.
const HEAD: &str = "title: Probe\nsubject: lev\npeople:\n  - {id: lev, name: Lev, born: \"1879-10-26 O.S.\"}\nplaces:\n  - {id: russia, name: Russia, calendar: {julian_until: \"1918-02-14\"}}\n";

/// `text` written to `name` in `dir`; its path.
fn file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// `timeline ARGS` in a pipe, which must succeed within a minute (a hang guard, no measure).
fn run(args: &[&str]) -> String {
    common::success(
        common::clean()
            .args(args)
            .timeout(common::HANG_GUARD)
            .env("TIMELINE_CACHE", "off"),
    )
}

#[test]
fn a_word_of_400_kb_is_shown_whole_in_every_table() {
    let word = "x".repeat(400_000);
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "title: Probe\nsubject: lev\npeople:\n  - {{id: lev, name: Lev}}\n  - {{id: w, name: {word}, aliases: [Wordy]}}\n\
         places:\n  - {{id: p, name: {word}}}\nperiods:\n  - {{id: q, title: {word}, from: \"1900\", to: \"1901\"}}\n\
         events:\n  - {{id: e, date: \"1900-01-01\", title: {word}, place: p, people: [w], tags: [{word}]}}\n"
    );
    let path = file(dir.path(), "word.yaml", &text);
    let shown = |args: &[&str], width: usize, times: usize| {
        let mut all = vec!["--file", &path, "--color", "never"];
        all.extend(args);
        let width_text = width.to_string();
        all.extend(["--width", &width_text]);
        let out = run(&all);
        assert_eq!(
            out.matches('x').count(),
            times * word.len(),
            "{args:?} at {width}: not every character of the word is shown"
        );
        for line in out.lines() {
            assert!(line.width() <= width, "{args:?} at {width}: {line}");
        }
    };
    // The title, the place and the person of the event in each layout of the list.
    for width in [50, 80, 150] {
        shown(&[], width, 3);
    }
    shown(&["who", "Wordy"], 100, 4);
    shown(&["periods"], 100, 1);
    shown(&["tags"], 100, 1);
    // `show`: the title, then the place, person, tag and period in its card.
    shown(&["show", "e"], 100, 5);
}

/// A timeline of `events` events a day apart, the last with a date wider than any before.
fn long_timeline(events: usize) -> String {
    let mut text = format!("{HEAD}events:\n");
    let start = chrono::NaiveDate::from_ymd_opt(1919, 1, 1).unwrap();
    for i in 0..events - 1 {
        let day = start + chrono::Days::new(i as u64);
        text.push_str(&format!(
            "  - {{id: e{i}, date: \"{day}\", title: Event {i} of a long list, people: [lev]}}\n"
        ));
    }
    text.push_str(&format!(
        "  - {{id: e{}, date: \"1930-09-13~ O.S./1930-12-30~ O.S.\", title: The widest date}}\n",
        events - 1
    ));
    text
}

#[test]
fn a_long_table_is_one_table_drawn_in_chunks() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "long.yaml", &long_timeline(3000));
    for width in [50, 80, 150] {
        let width_text = width.to_string();
        let args = ["--file", &path, "--color", "never", "--width", &width_text];
        let out = run(&args);
        let lines: Vec<&str> = out.lines().collect();
        let count = |start: char| lines.iter().filter(|l| l.starts_with(start)).count();
        assert_eq!((count('╭'), count('╞'), count('╰')), (1, 1, 1), "{width}");
        assert_eq!(lines.iter().filter(|l| l.contains("Date")).count(), 1);
        let widest = lines.iter().map(|l| l.width()).max().unwrap();
        assert!(widest <= width, "{width}: {widest}");
        assert!(lines.iter().all(|l| l.width() == widest), "{width}: ragged");
        // Every event, in order.
        let mut at = 0;
        for i in 0..2999 {
            let title = format!("Event {i} of");
            at += out[at..]
                .find(&title)
                .unwrap_or_else(|| panic!("{width}: {title}"));
        }
        assert!(out[at..].contains("The widest date"));
        // The first rows as a short table draws them, less its bottom border.
        let short = run(&[&args[..], &["-n", "1024"]].concat());
        let short: Vec<&str> = short.lines().collect();
        assert_eq!(
            lines[..short.len() - 1],
            short[..short.len() - 1],
            "{width}"
        );
    }
}

#[test]
fn a_long_table_reaches_the_pager_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "long.yaml", &long_timeline(10_000));
    let args = ["--file", &path, "--color", "never", "--width", "120"];
    let piped = run(&args);
    let paged = dir.path().join("paged");
    let tmux = Tmux::start_with("long-pager", 100, 20, &["LANG=C.UTF-8"]);
    tmux.run(
        &format!("TIMELINE_PAGER='cat > {}'", paged.display()),
        &args.join(" "),
    );
    tmux.wait_for(&["EXIT=0"]);
    assert!(std::fs::read_to_string(&paged).unwrap() == piped);
}

#[test]
fn ctrl_c_while_less_shows_is_left_to_less() {
    let tmux = Tmux::start_with("pager-ctrl-c", 80, 8, &["LANG=C.UTF-8"]);
    tmux.run("TIMELINE_PAGER=less", &format!("--file {}", fixture()));
    tmux.wait_for(&["Date", "Born"]);
    tmux.send(&["C-c"]);
    std::thread::sleep(Duration::from_millis(500));
    assert!(!tmux.screen().contains("EXIT="), "{}", tmux.screen());
    tmux.send(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
    // The shell has the terminal, and the keys typed next are all its own.
    tmux.type_text("echo AB''CD");
    tmux.send(&["Enter"]);
    tmux.wait_for(&["\nABCD"]);
}

#[test]
fn sigterm_and_sighup_while_less_shows_wait_for_less() {
    let tmux = Tmux::start_with("pager-signals", 80, 8, &["LANG=C.UTF-8"]);
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        tmux.send(&["clear", "Enter"]);
        let pid = tmux.run_with_pid("TIMELINE_PAGER=less", &format!("--file {}", fixture()));
        tmux.wait_for(&["Date", "Born"]);
        kill(signal, &pid);
        std::thread::sleep(Duration::from_millis(500));
        assert!(
            !tmux.screen().contains("EXIT="),
            "{signal}: {}",
            tmux.screen()
        );
        tmux.send(&["q"]);
        tmux.wait_for(&[&format!("EXIT={code}")]);
    }
}

#[test]
fn browse_gives_the_terminal_back_on_every_signal() {
    let tmux = Tmux::start_with("browse-signals", 80, 24, &["LANG=C.UTF-8"]);
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130), ("QUIT", 131)] {
        tmux.send(&["clear", "Enter"]);
        let pid = tmux.run_with_pid("", &format!("--file {} browse", fixture()));
        tmux.wait_for(&["10 events", "Enter open"]);
        assert_eq!(tmux.pane("#{alternate_on}"), "1");
        kill(signal, &pid);
        tmux.wait_for(&[&format!("EXIT={code}")]);
        assert_eq!(
            tmux.pane("#{alternate_on}"),
            "0",
            "{signal}: alternate screen"
        );
        assert_eq!(tmux.pane("#{cursor_flag}"), "1", "{signal}: cursor hidden");
        assert_eq!(
            tmux.pane("#{mouse_any_flag}"),
            "0",
            "{signal}: mouse reports"
        );
        tmux.type_text("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' +");
        tmux.send(&["Enter"]);
        tmux.wait_for(&["icanon+echo+"]);
    }
}

#[test]
fn markdown_cards_escape_every_value() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<img src=x onerror=alert(1)>";
    let text = format!(
        "title: Probe\nsubject: lev\npeople:\n  - {{id: lev, name: Lev}}\n  - {{id: h, name: \"{html}\", about: \"one\\n# Two\\n| a | b |\"}}\n\
         places:\n  - {{id: p, name: \"{html}\", within: q}}\n  - {{id: q, name: \"# Q *q*\"}}\n\
         events:\n  - {{id: e, date: \"1900-01-01\", title: \"{html}\", place: p, people: [h], tags: [\"[t](x)\"], summary: \"- item\\n## h\"}}\n"
    );
    let path = file(dir.path(), "html.yaml", &text);
    for view in [
        &["show", "e"][..],
        &["who", "onerror"],
        &["where", "onerror"],
    ] {
        let out = run(&[&["--file", &path, "--format", "markdown"][..], view].concat());
        assert!(
            !out.replace("\\<", "").contains('<'),
            "{view:?}: live HTML:\n{out}"
        );
        assert!(
            out.contains("\\<img"),
            "{view:?}: the title is lost:\n{out}"
        );
        for line in out.lines() {
            let ours = line.starts_with("## ") && !line.starts_with("## #");
            assert!(
                ours || !(line.starts_with('#')
                    || line.starts_with("- ") && !line.starts_with("- **")),
                "{view:?}: a value made a heading or a list item: {line}\n{out}"
            );
            assert!(
                !line.starts_with("| a"),
                "{view:?}: a value made a row:\n{out}"
            );
        }
    }
}

#[test]
fn a_failing_pager_never_hides_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let not_executable = file(dir.path(), "pager", "#!/bin/sh\ncat\n");
    let tmux = Tmux::start_with("pager-fails", 100, 10, &["LANG=C.UTF-8"]);
    for pager in ["false", &not_executable, "kill -9 $$"] {
        tmux.send(&["clear", "Enter"]);
        tmux.run(
            &format!("TIMELINE_PAGER='{pager}'"),
            &format!("--file {}", fixture()),
        );
        tmux.wait_for(&["EXIT=0"]);
        let all = tmux.history();
        assert!(all.contains("failed"), "{pager}: no note:\n{all}");
        for title in ["Born", "Died of his wounds"] {
            assert!(all.contains(title), "{pager}: {title} is not shown:\n{all}");
        }
    }
}

#[test]
fn help_help_shows_help() {
    let out = run(&["help", "--help"]);
    assert!(out.contains("Usage"), "{out}");
}

/// The small fixture's absolute path, quoted for the shell.
fn fixture() -> String {
    let path = std::fs::canonicalize(SMALL).unwrap();
    format!("'{}'", path.display())
}

/// Sends `signal` (a name such as `TERM`) to the process `pid`.
fn kill(signal: &str, pid: &str) {
    let status = StdCommand::new("kill")
        .args([&format!("-{signal}"), pid])
        .status()
        .unwrap();
    assert!(status.success(), "kill -{signal} {pid}");
}
