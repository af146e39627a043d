//! `timeline browse` as a reader meets it: the real binary in a real terminal (tmux), driven by
//! keys, and the terminal as the shell finds it afterwards; and its refusal outside a terminal.

use assert_cmd::Command;

use crate::tmux::Tmux;

const SMALL: &str = "tests/fixtures/small.yaml";

#[test]
fn outside_a_terminal_browse_refuses_with_exit_2() {
    let output = Command::cargo_bin("timeline")
        .unwrap()
        .args(["--file", SMALL, "browse"])
        .env_remove("TIMELINE_FILE")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "nothing drawn into the pipe");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("browse needs a terminal"), "{stderr}");
}

#[test]
fn flags_that_cannot_shape_a_full_screen_are_refused() {
    for flag in [&["--format", "json"][..], &["--width", "100"]] {
        let output = Command::cargo_bin("timeline")
            .unwrap()
            .args(["--file", SMALL, "browse"])
            .args(flag)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{flag:?}");
    }
}

#[test]
fn a_reader_searches_opens_an_event_returns_and_quits_leaving_the_terminal_as_it_was() {
    let tmux = Tmux::start("browse-keys", 80, 24);
    let binary = assert_cmd::cargo::cargo_bin("timeline");
    let fixture = std::fs::canonicalize(SMALL).unwrap();
    tmux.wait_for(&["$"]);
    tmux.type_text(&format!(
        "'{}' --file '{}' browse; echo EXIT=$?",
        binary.display(),
        fixture.display()
    ));
    tmux.send(&["Enter"]);
    tmux.wait_for(&["10 events", "Born", "Enter open"]);
    assert_eq!(
        tmux.pane("#{alternate_on}"),
        "1",
        "full screen while browsing"
    );

    tmux.type_text("/kamenev");
    let typing = tmux.wait_for(&["4 of 10 match", "The October uprising", "Leningrad"]);
    assert!(!typing.contains("Escaped in a hay cart"), "{typing}");

    tmux.send(&["Enter"]);
    tmux.send(&["Enter"]);
    tmux.wait_for(&["Person  Lev Kamenev", "[O.S. 25–26 Oct]", "Esc back"]);

    tmux.send(&["Escape"]);
    // Back on the same row, the search kept.
    tmux.wait_for(&["▶ 7–8 Nov 1917", "/kamenev", "Esc clear"]);

    tmux.send(&["q"]);
    let after = tmux.wait_for(&["EXIT=0"]);
    assert!(!after.contains("Enter open"), "the list is gone:\n{after}");
    assert_eq!(tmux.pane("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(tmux.pane("#{cursor_flag}"), "1", "cursor shown");
    assert_eq!(tmux.pane("#{mouse_any_flag}"), "0", "mouse reports off");
    // Raw mode is off: the terminal echoes typing and reads whole lines again.
    tmux.type_text("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' +");
    tmux.send(&["Enter"]);
    tmux.wait_for(&["icanon+echo+"]);
}

#[test]
fn resizing_the_terminal_redraws_the_screen_for_the_new_size() {
    let tmux = Tmux::start("browse-resize", 120, 40);
    let binary = assert_cmd::cargo::cargo_bin("timeline");
    let fixture = std::fs::canonicalize(SMALL).unwrap();
    tmux.wait_for(&["$"]);
    tmux.type_text(&format!(
        "'{}' --file '{}' browse; echo EXIT=$?",
        binary.display(),
        fixture.display()
    ));
    tmux.send(&["Enter"]);
    // People have a column of their own at 120 columns.
    tmux.wait_for(&["10 events", "People", "Enter open"]);
    let status = tmux
        .command()
        .args(["resize-window", "-t", "t", "-x", "60", "-y", "20"])
        .status()
        .unwrap();
    assert!(status.success());
    // Redrawn when the header and the rows are back without the people column.
    let narrow = tmux.wait_until("the narrow list", |screen| {
        !screen.contains("People") && screen.contains("10 events") && screen.contains("Born")
    });
    for line in narrow.lines() {
        assert!(line.chars().count() <= 60, "{line:?}");
    }
    tmux.send(&["C-c"]);
    tmux.wait_for(&["EXIT=0"]);
}

#[test]
fn colors_follow_the_color_flag_no_color_and_term_dumb() {
    let tmux = Tmux::start("browse-color", 80, 24);
    let binary = assert_cmd::cargo::cargo_bin("timeline");
    let fixture = std::fs::canonicalize(SMALL).unwrap();
    tmux.wait_for(&["$"]);
    // A foreground color as ratatui's crossterm backend writes it: 38;5;N.
    let colored = |env: &str, flags: &str| -> (bool, String) {
        tmux.type_text(&format!(
            "clear; {env} '{}' --file '{}' browse {flags}; echo EXIT=$?",
            binary.display(),
            fixture.display()
        ));
        tmux.send(&["Enter"]);
        let screen = tmux.wait_for(&["10 events", "Born", "quit"]);
        let with_escapes = tmux.capture(true);
        tmux.send(&["q"]);
        tmux.wait_for(&["EXIT=0"]);
        // The selected row in reverse video, colors or not (SGR 7, alone or with others).
        let selected = with_escapes
            .lines()
            .find(|l| l.contains("7 Nov 1879"))
            .unwrap_or("");
        assert!(
            selected.contains("[7m") || selected.contains(";7m"),
            "{env} {flags}: the selected row is not in reverse video: {selected:?}"
        );
        (with_escapes.contains("38;5;"), screen)
    };
    assert!(colored("", "").0, "colored on a terminal by default");
    assert!(!colored("NO_COLOR=1", "").0, "NO_COLOR");
    assert!(!colored("", "--color never").0, "--color never");
    assert!(
        colored("NO_COLOR=1", "--color always").0,
        "--color always wins"
    );
    let (color, dumb) = colored("TERM=dumb", "");
    assert!(!color, "TERM=dumb");
    assert!(
        dumb.contains("> 7 Nov 1879") && dumb.contains(" | "),
        "ASCII on TERM=dumb:\n{dumb}"
    );
}
