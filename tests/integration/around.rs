//! `timeline around DATE` as a reader uses it: the stay, the periods and the age at the date, and
//! the events near it — the same events the list gives for the window, in every format.

use crate::common;

use assert_cmd::Command;

fn timeline() -> Command {
    common::clean()
}

fn stdout(args: &[&str]) -> String {
    common::success(timeline().args(args))
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(&[args, &["--format", "json"]].concat())).unwrap()
}

use common::json_ids as ids;

#[test]
fn the_revolution_day_has_its_stay_periods_age_and_events() {
    let around = json(&["around", "1917-11-07"]);
    assert_eq!(around["date"], "7 Nov 1917");
    assert_eq!(around["age"], "38");
    assert_eq!(around["from"], "1917-10-31");
    assert_eq!(around["to"], "1917-11-14");
    let stays: Vec<&str> = around["stay"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["place"].as_str().unwrap())
        .collect();
    assert_eq!(stays, ["Petrograd"], "the name of the day");
    assert!(!around["periods"].as_array().unwrap().is_empty());
    assert!(ids(&around["events"]).contains(&"october-uprising"));
    // The events near and those going on are exactly what the list gives for the window.
    let mut both = ids(&around["events"]);
    both.extend(ids(&around["ongoing"]));
    both.sort();
    let window = json(&["--from", "1917-10-31", "--to", "1917-11-14"]);
    let mut listed = ids(&window);
    listed.sort();
    assert_eq!(both, listed);
    // Going on means begun before the window and ending after it.
    for event in around["ongoing"].as_array().unwrap() {
        assert!(event["start"].as_str().unwrap() < "1917-10-31", "{event}");
        assert!(event["end"].as_str().unwrap() > "1917-11-14", "{event}");
    }
}

#[test]
fn the_window_follows_the_precision_and_days() {
    assert_eq!(json(&["around", "1934-06"])["from"], "1934-05-17");
    assert_eq!(json(&["around", "1905"])["from"], "1905-01-01");
    assert_eq!(json(&["around", "1905"])["to"], "1905-12-31");
    let day = json(&["around", "1917-11-07", "--days", "0"]);
    assert_eq!(
        (day["from"].as_str(), day["to"].as_str()),
        (Some("1917-11-07"), Some("1917-11-07"))
    );
    // A coarse date can cover several stays.
    assert!(json(&["around", "1905"])["stay"].as_array().unwrap().len() > 1);
}

#[test]
fn a_quiet_day_gives_the_closest_event_either_side() {
    let quiet = json(&["around", "1930-08-15", "--days", "0"]);
    if quiet["events"].as_array().unwrap().is_empty() {
        assert!(
            quiet["before"]["end"].as_str().unwrap() < "1930-08-15",
            "{quiet}"
        );
        assert!(
            quiet["after"]["start"].as_str().unwrap() > "1930-08-15",
            "{quiet}"
        );
        let table = stdout(&[
            "around",
            "1930-08-15",
            "--days",
            "0",
            "--format",
            "table",
            "--color",
            "never",
        ]);
        assert!(table.contains("No event near; the closest:"), "{table}");
        assert!(
            table.contains("before") && table.contains("after"),
            "{table}"
        );
    }
    // Before the birth there is no age.
    assert!(json(&["around", "1870"])["age"].is_null());
}

#[test]
fn every_format_and_plain_lines_keep_the_event_layout() {
    let plain = stdout(&["around", "1917-11-07"]);
    let mut lines = plain.lines();
    assert_eq!(lines.next(), Some("date\t7 Nov 1917"));
    let events: Vec<&str> = plain
        .lines()
        .filter(|l| l.split('\t').count() == 7)
        .collect();
    assert!(!events.is_empty());
    for format in ["table", "ndjson", "csv", "markdown"] {
        let text = stdout(&[
            "around",
            "1917-11-07",
            "--format",
            format,
            "--color",
            "never",
        ]);
        assert!(
            text.contains("uprising") || text.contains("October"),
            "{format}: {text}"
        );
    }
    let refused = timeline().args(["around", "1917-13"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let refused = timeline()
        .args(["around", "1917", "--tag", "war"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2), "around takes no filters");
}
