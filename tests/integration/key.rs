//! Key events (issue 18): the curated turning points, `--key` in every view that lists events,
//! the mark a reader sees, and one count of them in every format and export.

use crate::common::{self, json_ids, plain_ids, success};

fn stdout(args: &[&str]) -> String {
    success(common::clean().args(args))
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(args)).unwrap()
}

/// The turning points the article's lead names (CURATING.md, "Key events").
const LEAD: &[&str] = &[
    "birth",
    "october-uprising",
    "war-commissar",
    "expelled-central-committee",
    "expelled-from-party",
    "exile-alma-ata",
    "expelled-to-turkey",
    "fourth-international-founded",
    "ice-axe-attack",
    "death",
    "rehabilitation",
];

#[test]
fn the_curated_key_events_are_the_leads_turning_points_and_one_per_period_at_least() {
    let key = json(&["--key", "--format", "json"]);
    let ids = json_ids(&key);
    assert!((15..=40).contains(&ids.len()), "{} key events", ids.len());
    for lead in LEAD {
        assert!(ids.contains(lead), "{lead} is not key");
    }
    // Every key event is key in the full list too, and only those.
    let all = json(&["--format", "json"]);
    let marked: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["key"] == true)
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(marked, ids);
    // Each period has a turning point of its own.
    for period in json_ids(&json(&["periods", "--format", "json"])) {
        let holds = key
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["periods"].as_array().unwrap().iter().any(|p| p == period));
        assert!(holds, "no key event in {period}");
    }
    // A label short enough for a TimelineJS marker (about 90 pixels).
    for event in key.as_array().unwrap() {
        let label = event["label"].as_str().unwrap_or_else(|| panic!("{event}"));
        assert!(label.chars().count() <= 14, "{label}");
    }
}

#[test]
fn key_counts_agree_in_every_format_and_export() {
    let count = json_ids(&json(&["--key", "--format", "json"])).len();
    let lines = |args: &[&str]| stdout(args).lines().count();
    assert_eq!(plain_ids(common::clean().arg("--key")).len(), count);
    assert_eq!(lines(&["--key", "--format", "ndjson"]), count);
    assert_eq!(lines(&["--key", "--format", "csv"]), count + 1);
    assert_eq!(lines(&["--key", "--format", "markdown"]), count + 2);
    assert_eq!(
        json(&["stats", "--key", "--format", "json"])["events"],
        count
    );
    assert_eq!(json_ids(&json(&["export", "json", "--key"])).len(), count);
    assert_eq!(lines(&["export", "csv", "--key"]), count + 1);
    let slides = json(&["export", "timelinejs", "--key"]);
    assert_eq!(slides["events"].as_array().unwrap().len(), count);
    let markwhen = stdout(&["export", "markwhen", "--key"]);
    assert_eq!(
        markwhen.lines().filter(|l| l.starts_with("id: ")).count(),
        count
    );
    let markdown = stdout(&["export", "markdown", "--key"]);
    assert_eq!(
        markdown.lines().filter(|l| l.starts_with("- ")).count(),
        count
    );
    // The periods' counts add up to the key events that fall in a period (each in one or more),
    // and each is what `--in PERIOD --key` lists.
    for period in json(&["periods", "--key", "--format", "json"])
        .as_array()
        .unwrap()
    {
        let id = period["id"].as_str().unwrap();
        let listed = plain_ids(common::clean().args(["--key", "--in", id])).len();
        assert_eq!(period["events"], listed, "{id}");
    }
    // Flags combine: key events tagged exile are fewer than either.
    let exile = plain_ids(common::clean().args(["--key", "--tag", "exile"]));
    assert!(!exile.is_empty() && exile.len() < count);
    assert!(exile.contains(&"exile-alma-ata".to_string()));
}

#[test]
fn key_events_are_marked_where_a_reader_looks() {
    // Plain lines and tables: a star before the title, `*` in ASCII; other events unmarked.
    let rows = json(&["--in", "1917", "--format", "json"]);
    let plain = stdout(&["--in", "1917", "--format", "plain"]);
    let lines: Vec<&str> = plain.lines().collect();
    assert_eq!(lines.len(), rows.as_array().unwrap().len());
    assert!(rows.as_array().unwrap().iter().any(|r| r["key"] == true));
    assert!(rows.as_array().unwrap().iter().any(|r| r["key"] == false));
    for (line, row) in lines.iter().zip(rows.as_array().unwrap()) {
        let marked = line.split('\t').nth(2).unwrap().starts_with("★ ");
        assert_eq!(marked, row["key"] == true, "{line}");
    }
    let table = stdout(&["--key", "--width", "120"]);
    assert!(table.contains("★ Led the successful uprising"), "{table}");
    let ascii = stdout(&["--key", "--ascii", "--width", "120"]);
    assert!(
        ascii.contains("* Led the successful uprising") && !ascii.contains('★'),
        "{ascii}"
    );
    let show = stdout(&["show", "death", "--width", "100"]);
    assert!(show.starts_with("★ Died"), "{show}");
    assert!(stdout(&["show", "death", "--format", "plain"]).contains("key\ttrue"));
    let csv = stdout(&["--key", "--format", "csv"]);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let at = header.iter().position(|h| *h == "key").unwrap();
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.split(',').nth(at) == Some("true") || l.contains('"'))
    );
}

#[test]
fn around_takes_key_before_or_after_its_name() {
    let near = json(&["around", "1917-11-07", "--key", "--format", "json"]);
    let ids: Vec<&str> = near["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"october-uprising"), "{ids:?}");
    assert!(
        near["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["key"] == true)
    );
    assert_eq!(
        json(&["--key", "around", "1917-11-07", "--format", "json"]),
        near
    );
    // No key event near: the closest key events either side.
    let far = json(&["around", "1960", "--key", "--format", "json"]);
    assert_eq!(far["before"]["id"], "death");
    assert_eq!(far["after"]["id"], "books-published-ussr");
}

#[test]
fn the_key_timelinejs_export_shows_labels_on_markers_and_titles_on_slides() {
    let slides = json(&["export", "timelinejs", "--key"]);
    let october = slides["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["unique_id"] == "october-uprising")
        .unwrap();
    assert_eq!(october["text"]["headline"], "October rising");
    assert!(
        october["text"]["text"]
            .as_str()
            .unwrap()
            .starts_with("<p><strong>Led the successful uprising")
    );
    // The whole life is still one export, with a note pointing at --key.
    let output = common::clean()
        .args(["export", "timelinejs"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--key"));
}
