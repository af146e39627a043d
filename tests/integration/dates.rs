//! Dates and ages as a reader meets them on the embedded timeline (issue 8, section 3): the age
//! covers an event's whole span, an Old Style twin exists only for a day, and every view writes
//! the New Style date first. Each check drives the built binary and compares its answers with
//! ones computed here from the ISO days alone.

use crate::common;

use assert_cmd::Command;
use chrono::{Datelike, NaiveDate};
use serde_json::Value;

/// The binary on the embedded timeline, with a clean environment.
fn timeline() -> Command {
    let mut command = common::clean();
    command.env("TERM", "xterm-256color");
    command
}

fn stdout(args: &[&str]) -> String {
    common::success(timeline().args(args))
}

fn events() -> Vec<Value> {
    serde_json::from_str::<Value>(&stdout(&["--format", "json"]))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn iso(value: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(value.as_str().unwrap(), "%Y-%m-%d").unwrap()
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

/// Whole years from `born` to `day`, counted the way a reader counts birthdays.
fn years(born: NaiveDate, day: NaiveDate) -> i64 {
    let mut age = i64::from(day.year() - born.year());
    if (day.month(), day.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}

/// The Julian calendar's name for a Gregorian day of 1800–2099: 12 days behind until the Julian
/// leap day of 1900, 13 after it.
fn julian(day: NaiveDate) -> String {
    let gap = if day < NaiveDate::from_ymd_opt(1900, 3, 13).unwrap() {
        12
    } else {
        13
    };
    (day - chrono::Duration::days(gap))
        .format("%Y-%m-%d")
        .to_string()
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

#[test]
fn age_covers_every_span_from_its_first_day_to_its_last() {
    // Born 7 November 1879 (26 October O.S.), died 21 August 1940: both known to the day.
    let born = NaiveDate::from_ymd_opt(1879, 11, 7).unwrap();
    let died = NaiveDate::from_ymd_opt(1940, 8, 21).unwrap();
    let mut spans = 0;
    let mut wrong = Vec::new();
    for event in events() {
        let (start, end) = (iso(&event["start"]), iso(&event["end"]));
        if start < born || start > died {
            assert!(event.get("age").is_none(), "{event}");
            continue;
        }
        let (youngest, oldest) = (years(born, start), years(born, end.min(died)));
        let expected = if youngest == oldest {
            youngest.to_string()
        } else {
            format!("{youngest}–{oldest}")
        };
        spans += usize::from(start != end);
        if text(&event["age"]) != expected {
            wrong.push(format!(
                "{} ({}): age {}, expected {expected}",
                text(&event["id"]),
                text(&event["date"]),
                text(&event["age"])
            ));
        }
    }
    assert!(spans > 200, "only {spans} spans checked");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let non_factional = events()
        .into_iter()
        .find(|e| e["id"] == "non-factional")
        .unwrap();
    assert_eq!(
        (text(&non_factional["date"]), text(&non_factional["age"])),
        ("1904 – 1917", "24–38")
    );
}

#[test]
fn old_style_twins_exist_only_for_days_and_are_the_julian_days() {
    let mut twins = 0;
    for event in events() {
        let date = text(&event["date"]);
        for (key, iso_key) in [("start_os", "start"), ("end_os", "end")] {
            if let Some(twin) = event.get(key) {
                twins += 1;
                assert_eq!(text(twin), julian(iso(&event[iso_key])), "{key} of {event}");
                assert!(date.contains("[O.S. "), "a twin but no O.S. words: {event}");
            }
        }
        if event["precision"] != "day" {
            assert!(event.get("start_os").is_none(), "{event}");
        }
    }
    assert!(twins > 50, "only {twins} Old Style days");
    let by_id = |id: &str| events().into_iter().find(|e| e["id"] == id).unwrap();
    // A year is a year in both calendars: no made-up day 20 December 1887.
    let odessa = by_id("odessa-school");
    assert_eq!(text(&odessa["date"]), "c. 1888 – c. 1889");
    assert!(odessa.get("start_os").is_none() && odessa.get("end_os").is_none());
    // A month entered in Old Style keeps its name, with its exact Gregorian days.
    let arrest = by_id("arrest-1898");
    assert_eq!(text(&arrest["date"]), "Jan 1898 O.S.");
    assert_eq!(
        (text(&arrest["start"]), text(&arrest["end"])),
        ("1898-01-13", "1898-02-12")
    );
    assert!(arrest.get("start_os").is_none());
    // A month followed by a day: the day alone has its twin.
    let finland = by_id("permanent-revolution-finland");
    assert_eq!(
        text(&finland["date"]),
        "May 1905 O.S. – 28 Oct 1905 [O.S. 15 Oct]"
    );
    assert!(finland.get("start_os").is_none());
    assert_eq!(text(&finland["end_os"]), "1905-10-15");
}

#[test]
fn new_style_comes_first_in_every_view() {
    let events = events();
    let with_twins: Vec<&Value> = events
        .iter()
        .filter(|e| e.get("start_os").is_some())
        .collect();
    for event in &with_twins {
        // "7 Nov 1917 [O.S. 25 Oct]", "13–15 Mar 1898 [O.S. 1–3 Mar]", "c. 16 Sep 1917 [...]".
        let start = iso(&event["start"]);
        let date = text(&event["date"]);
        let (new_style, old_style) = date.split_once(" [O.S. ").unwrap();
        let new_style = new_style.trim_start_matches("c. ");
        let day = start.day().to_string();
        assert!(
            new_style.starts_with(&format!("{day} ")) || new_style.starts_with(&format!("{day}–")),
            "the Gregorian day first: {date}"
        );
        assert!(
            new_style.contains(MONTHS[start.month0() as usize]),
            "{date}"
        );
        // The twin closes after the day it twins; a coarse end follows as written:
        // "17 Oct 1906 [O.S. 4 Oct] – Jan 1907 O.S.".
        assert!(
            old_style.ends_with(']') || old_style.contains("] – "),
            "{date}"
        );
    }
    // Plain lines carry the same words as JSON, and so does `show`.
    let plain = stdout(&["--format", "plain"]);
    for (line, event) in plain.lines().zip(&events) {
        let columns: Vec<&str> = line.split('\t').collect();
        assert_eq!(columns[1], text(&event["date"]), "{line}");
    }
    assert_eq!(plain.lines().count(), events.len());
    let show = stdout(&["show", "birth", "--format", "plain"]);
    assert!(
        show.contains("date\t7 Nov 1879 [O.S. 26 Oct]\n"),
        "show: {show}"
    );
    let card = stdout(&["show", "birth", "--format", "table", "--color", "never"]);
    assert!(card.contains("7 Nov 1879 [O.S. 26 Oct]"), "{card}");
    let csv = stdout(&["--format", "csv"]);
    assert!(csv.contains("7–8 Nov 1917 [O.S. 25–26 Oct]"), "csv");
    // The subject's life dates, New Style first too.
    let who = stdout(&["who", "trotsky", "--format", "json"]);
    assert!(
        who.contains("7 Nov 1879 [O.S. 26 Oct] – 21 Aug 1940"),
        "{who}"
    );
    // Exports: TimelineJS shows the words where the fields cannot, Markdown shows the words.
    let slides: Value = serde_json::from_str(&stdout(&["export", "timelinejs"])).unwrap();
    let uprising = slides["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["unique_id"] == "october-uprising")
        .unwrap();
    assert_eq!(uprising["display_date"], "7–8 Nov 1917 [O.S. 25–26 Oct]");
    let markdown = stdout(&["export", "markdown"]);
    // Markdown escapes the brackets, which render as written.
    assert!(
        markdown.contains(r"7–8 Nov 1917 \[O.S. 25–26 Oct\]"),
        "markdown"
    );
    assert!(
        !markdown.contains("O.S. ·"),
        "no Old Style first in markdown"
    );
}

#[test]
fn a_narrow_card_keeps_the_old_style_twin_whole_on_its_own_line() {
    for width in ["40", "50", "60"] {
        let card = stdout(&[
            "show",
            "brest-litovsk-talks",
            "--format",
            "table",
            "--color",
            "never",
            "--width",
            width,
        ]);
        let lines: Vec<&str> = card.lines().collect();
        let twin = lines
            .iter()
            .position(|l| l.trim() == "[O.S. 9 Dec 1917 – 28 Jan 1918]")
            .unwrap_or_else(|| panic!("{width}: the twin is cut:\n{card}"));
        assert!(lines[twin - 1].contains("10 Feb 1918"), "{width}:\n{card}");
    }
    let wide = stdout(&[
        "show",
        "brest-litovsk-talks",
        "--format",
        "table",
        "--width",
        "100",
    ]);
    assert!(
        wide.contains("22 Dec 1917 – 10 Feb 1918 [O.S. 9 Dec 1917 – 28 Jan 1918]"),
        "{wide}"
    );
}
