//! Terminals and pipes: color follows --color, NO_COLOR, CLICOLOR_FORCE and TERM=dumb on every
//! subcommand; tables fit the width; a reader that goes away early ends the run quietly.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin;
use unicode_width::UnicodeWidthStr;

use crate::common;

/// Every view, each with arguments that give it something to show.
const VIEWS: &[&[&str]] = &[
    &[],
    &["--from", "1917", "--to", "1921"],
    &["who", "Kamenev"],
    &["who"],
    &["where", "Petrograd"],
    &["where"],
    &["periods"],
    &["show", "birth"],
];

const FORMATS: &[&str] = &["table", "plain", "json", "ndjson", "csv", "markdown"];

/// The binary with a clean environment: no color or width settings inherited from the test run.
fn timeline(args: &[&str]) -> Command {
    let mut command = Command::new(cargo_bin!("timeline"));
    command.args(args);
    for var in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "CLICOLOR",
        "TERM",
        "COLUMNS",
        "TIMELINE_FILE",
    ] {
        command.env_remove(var);
    }
    command
}

/// Runs to completion; expects success and silence on stderr; returns stdout.
fn output(mut command: Command) -> String {
    let output = command.output().expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{command:?} failed: {:?}\n{stderr}",
        output.status
    );
    assert!(stderr.is_empty(), "{command:?} wrote to stderr: {stderr}");
    String::from_utf8(output.stdout).expect("output is UTF-8")
}

fn has_color(text: &str) -> bool {
    text.contains("\x1b[")
}

fn has_box_drawing(text: &str) -> bool {
    text.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c))
}

/// The text without ANSI escape sequences.
fn strip_ansi(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

fn with_args<'a>(view: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    view.iter().chain(more).copied().collect()
}

#[test]
fn color_flag_is_honoured_by_every_view() {
    for view in VIEWS {
        let always = output(timeline(&with_args(
            view,
            &["--format", "table", "--color", "always"],
        )));
        assert!(has_color(&always), "{view:?} --color always: no color");
        let mut never = timeline(&with_args(view, &["--format", "table", "--color", "never"]));
        never.env("CLICOLOR_FORCE", "1");
        assert!(
            !has_color(&output(never)),
            "{view:?} --color never: colored"
        );
        // Plain lines take color on request, inside fields: the tabs stay where they were.
        let plain = |color: &str| {
            output(timeline(&with_args(
                view,
                &["--format", "plain", "--color", color],
            )))
        };
        let (colored, uncolored) = (plain("always"), plain("never"));
        assert!(has_color(&colored), "{view:?} --format plain: not colored");
        assert_eq!(strip_ansi(&colored), uncolored, "{view:?}");
        // Formats for programs are never colored, and asking for it is an error, not ignored.
        for format in &FORMATS[2..] {
            let mut forced = timeline(&with_args(view, &["--format", format]));
            forced.env("CLICOLOR_FORCE", "1");
            let text = output(forced);
            assert!(!has_color(&text), "{view:?} --format {format}: colored");
            let refused = timeline(&with_args(view, &["--format", format, "--color", "always"]))
                .output()
                .unwrap();
            assert_eq!(refused.status.code(), Some(2), "{view:?} --format {format}");
            assert!(String::from_utf8_lossy(&refused.stderr).contains("never colored"));
        }
    }
}

#[test]
fn clicolor_force_colors_a_pipe_and_no_color_alone_does_not() {
    for view in VIEWS {
        let args = with_args(view, &["--format", "table"]);
        assert!(
            !has_color(&output(timeline(&args))),
            "{view:?}: colored in a pipe"
        );
        let mut forced = timeline(&args);
        forced.env("CLICOLOR_FORCE", "1");
        assert!(has_color(&output(forced)), "{view:?}: CLICOLOR_FORCE=1");
        let mut zero = timeline(&args);
        zero.env("CLICOLOR_FORCE", "0");
        assert!(!has_color(&output(zero)), "{view:?}: CLICOLOR_FORCE=0");
        let mut no_color = timeline(&args);
        no_color.env("NO_COLOR", "1");
        assert!(!has_color(&output(no_color)), "{view:?}: NO_COLOR=1");
    }
}

#[test]
fn term_dumb_means_ascii_borders_and_no_color() {
    for view in VIEWS {
        let mut dumb = timeline(&with_args(view, &["--format", "table"]));
        dumb.env("TERM", "dumb");
        let text = output(dumb);
        assert!(!has_color(&text), "{view:?}: colored on a dumb terminal");
        assert!(
            !has_box_drawing(&text),
            "{view:?}: box drawing on a dumb terminal"
        );
        // An explicit --color always still wins.
        let mut forced = timeline(&with_args(
            view,
            &["--format", "table", "--color", "always"],
        ));
        forced.env("TERM", "dumb");
        let text = output(forced);
        assert!(has_color(&text) && !has_box_drawing(&text), "{view:?}");
    }
}

/// Runs a command on a pseudo-terminal through util-linux `script`, where auto color applies.
/// Fails the test where `script` is missing.
fn on_a_terminal(args: &[&str], env: &[(&str, &str)]) -> String {
    common::require("script", &["--version"]);
    let mut line = shell_quote(cargo_bin!("timeline").to_str().unwrap());
    for arg in args {
        line.push(' ');
        line.push_str(&shell_quote(arg));
    }
    let mut command = Command::new("script");
    command.args(["-qec", &line, "/dev/null"]);
    for var in ["NO_COLOR", "CLICOLOR_FORCE", "COLUMNS"] {
        command.env_remove(var);
    }
    command.env("TERM", "xterm-256color");
    // No pager waiting for keys that never come; `pager_takes_output_taller_than_the_screen`
    // tests paging itself.
    command.env("TIMELINE_PAGER", "cat");
    command.envs(env.iter().copied());
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{args:?} on a terminal: {output:?}"
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[test]
fn auto_color_on_a_terminal_yields_to_no_color_and_dumb() {
    for view in VIEWS {
        let colored = on_a_terminal(view, &[]);
        assert!(has_color(&colored), "{view:?}: no color on a terminal");
        // `show` is a card, not a table.
        if view.first() != Some(&"show") {
            assert!(
                has_box_drawing(&colored),
                "{view:?}: no table on a terminal"
            );
        }
        let text = on_a_terminal(view, &[("NO_COLOR", "1")]);
        assert!(!has_color(&text), "{view:?}: NO_COLOR=1 on a terminal");
        let text = on_a_terminal(view, &[("NO_COLOR", "")]);
        assert!(has_color(&text), "{view:?}: an empty NO_COLOR is unset");
        let text = on_a_terminal(view, &[("TERM", "dumb")]);
        assert!(!has_color(&text) && !has_box_drawing(&text), "{view:?}");
    }
}

fn fits(views: &[&[&str]]) {
    let widths: Vec<usize> = (40..=130).chain((135..=250).step_by(5)).collect();
    for view in views {
        for &width in &widths {
            let width_arg = width.to_string();
            for color in ["always", "never"] {
                let args = with_args(
                    view,
                    &["--format", "table", "--width", &width_arg, "--color", color],
                );
                let text = output(timeline(&args));
                for line in strip_ansi(&text).lines() {
                    assert!(
                        line.width() <= width,
                        "{args:?}: a line of {} columns:\n{line}",
                        line.width()
                    );
                }
            }
        }
    }
}

#[test]
fn tables_never_exceed_the_width() {
    let tables: Vec<&[&str]> = VIEWS
        .iter()
        .copied()
        .filter(|v| v.first() != Some(&"show"))
        .collect();
    fits(&tables);
}

/// The `show` card wraps long values (place hierarchy, people with their descriptions) under
/// themselves instead of outgrowing --width (`Place  Yanovka, Kherson Governorate, Ukraine` at 40).
#[test]
fn the_event_card_never_exceeds_the_width() {
    fits(&[&["show", "birth"], &["show", "lenin-shot"]]);
}

#[test]
fn columns_sets_the_width_and_the_flag_overrides_it() {
    let mut command = timeline(&["--format", "table"]);
    command.env("COLUMNS", "50");
    let text = output(command);
    assert!(text.lines().all(|l| l.width() <= 50));
    let mut command = timeline(&["--format", "table", "--width", "200"]);
    command.env("COLUMNS", "50");
    let text = output(command);
    assert!(text.lines().any(|l| l.width() > 50));
}

/// Reads one line, then closes the pipe while the program may still be writing.
fn read_one_line_and_hang_up(args: &[&str]) {
    let mut child = timeline(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().expect("piped");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("a first line");
    // The reader is dropped here: further writes get a broken pipe.
    let output = child.wait_with_output().expect("the binary ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?} after a hang-up: {stderr}"
    );
    assert!(stderr.is_empty(), "{args:?} after a hang-up: {stderr}");
}

#[test]
fn a_reader_that_hangs_up_ends_the_run_quietly() {
    for view in VIEWS {
        for format in FORMATS {
            read_one_line_and_hang_up(&with_args(view, &["--format", format]));
        }
    }
    // The biggest outputs, certain to outgrow the pipe's buffer.
    read_one_line_and_hang_up(&["--format", "json"]);
    read_one_line_and_hang_up(&["--format", "table", "--width", "250", "--color", "always"]);
}

#[test]
fn a_hang_up_through_a_shell_pipeline_is_quiet() {
    let binary = cargo_bin!("timeline").to_str().expect("a UTF-8 path");
    for format in FORMATS {
        let line = format!(
            "{} --format {format} | head -1 >/dev/null",
            shell_quote(binary)
        );
        let output = Command::new("sh")
            .args(["-c", &line])
            .env_remove("TIMELINE_FILE")
            .output()
            .expect("sh runs");
        assert!(output.status.success());
        assert!(
            output.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// Runs `timeline ARGS` on a pseudo-terminal of `rows` lines with `TIMELINE_PAGER` set. Fails
/// the test where `script` is missing.
fn on_a_terminal_of(rows: u32, pager: &str, args: &str) -> String {
    common::require("script", &["--version"]);
    let binary = shell_quote(cargo_bin!("timeline").to_str().unwrap());
    let line = format!("stty rows {rows} cols 100; {binary} {args}");
    let output = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("TIMELINE_PAGER", pager)
        .env("TERM", "xterm-256color")
        .env_remove("PAGER")
        .output()
        .unwrap();
    assert!(output.status.success(), "{args}: {output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn pager_takes_output_taller_than_the_screen() {
    let pager = "sed s/^/paged:/";
    let long = on_a_terminal_of(20, pager, "--in 1917");
    assert!(long.lines().all(|l| l.starts_with("paged:")), "{long}");
    // Output that fits the screen, --no-pager, and a pipe are written directly.
    let short = on_a_terminal_of(20, pager, "show birth");
    assert!(!short.contains("paged:"), "{short}");
    let unpaged = on_a_terminal_of(20, pager, "--in 1917 --no-pager");
    assert!(
        !unpaged.contains("paged:") && unpaged.contains('╭'),
        "{unpaged}"
    );
    let piped = on_a_terminal_of(20, pager, "--in 1917 | cat");
    assert!(!piped.contains("paged:"), "{piped}");
    // A pager that is not there: the output is written directly.
    let missing = on_a_terminal_of(20, "no-such-pager-here", "--in 1917");
    assert!(missing.contains('╭'), "{missing}");
}

#[test]
fn limit_on_a_terminal_says_what_it_left_out_and_a_pipe_stays_quiet() {
    let screen = on_a_terminal_of(50, "cat", "--in 1917 -n 3");
    let total = output(timeline(&["--in", "1917"])).lines().count();
    assert!(
        screen.contains(&format!("timeline: showing 3 of {total} events")),
        "{screen}"
    );
    let screen = on_a_terminal_of(50, "cat", "who -n 2");
    assert!(screen.contains("timeline: showing 2 of "), "{screen}");
    // In a pipe the note would only disturb the reader: `output` asserts an empty stderr.
    assert_eq!(
        output(timeline(&["--in", "1917", "-n", "3"]))
            .lines()
            .count(),
        3
    );
}

#[test]
fn search_words_are_highlighted_in_a_colored_table_only() {
    let mark = "\u{1b}[30;43m";
    let colored = output(timeline(&[
        "--search",
        "brest treaty",
        "--format",
        "table",
        "--color",
        "always",
    ]));
    assert!(colored.contains(&format!("{mark}Brest")), "{colored:?}");
    assert!(colored.contains(&format!("{mark}Treaty")), "{colored:?}");
    // Without color nothing marks them, and the plain lines are the same words.
    let never = output(timeline(&[
        "--search",
        "brest treaty",
        "--format",
        "table",
        "--color",
        "never",
    ]));
    assert!(!has_color(&never));
    assert_eq!(strip_ansi(&colored), never);
}
