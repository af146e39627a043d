//! One timeline written twice, in YAML and in JSON, answers every question the same: the JSON
//! reader (cut into parts read on several threads, most events read without serde) and the YAML
//! reader must agree on every event, person, place, period and stay, in every view and format.

use std::fmt::Write as _;
use std::path::Path;

use assert_cmd::Command;

/// One event of the generated life, as both files write it.
struct Event {
    id: String,
    date: String,
    end: Option<String>,
    title: String,
    summary: Option<String>,
    place: &'static str,
    people: &'static [&'static str],
    tags: &'static [&'static str],
    period: Option<&'static str>,
    source: Option<&'static str>,
}

fn events(n: usize) -> Vec<Event> {
    let people: [&[&str]; 4] = [&[], &["ann"], &["bob", "cy"], &["ann", "bob"]];
    let places = ["land", "town", "spot", "away"];
    let tags: [&[&str]; 3] = [&["war"], &["peace", "war"], &[]];
    (0..n)
        .map(|i| {
            let year = 1800 + (i * 7) % 150;
            let (date, end) = match i % 5 {
                0 => (format!("{year}-0{}-1{}", 1 + i % 9, i % 9), None),
                1 => (format!("{year}"), None),
                2 => (format!("{year}-03"), Some(format!("{}-02", year + 1))),
                3 => (format!("{year}-10-25 O.S."), None),
                _ => (format!("{}X", year / 10), None),
            };
            Event {
                id: format!("e{i}"),
                date,
                end,
                // Every 50th title has a character JSON writes as an escape.
                title: if i % 50 == 0 {
                    format!("Café number {i} of a \"rich\" life")
                } else {
                    format!("Event {i} of a rich life")
                },
                summary: (i % 3 == 0).then(|| format!("Something about {i}, and more")),
                place: places[i % 4],
                people: people[i % 4],
                tags: tags[i % 3],
                period: (i % 7 == 0).then_some("exile"),
                source: (i % 2 == 0).then_some(if i % 4 == 0 { "Youth" } else { "Notes" }),
            }
        })
        .collect()
}

const PEOPLE: &[(&str, &str, &str)] = &[
    ("me", "Me Myself", "born: 1800-01-01"),
    ("ann", "Ann Smith", "aliases: [Smith]"),
    ("bob", "Bob Smith", "aliases: [Smith]"),
    ("cy", "Cy Young", "died: 1950"),
];

fn yaml(events: &[Event]) -> String {
    let mut text = String::from("title: Twins\nsubject: me\npeople:\n");
    for (id, name, more) in PEOPLE {
        writeln!(text, "  - {{id: {id}, name: {name}, {more}}}").unwrap();
    }
    text.push_str("places:\n  - {id: land, name: Land}\n  - {id: town, name: Town, within: land}\n  - {id: spot, name: Spot, within: town, names: [{name: Oldspot, to: 1900-01-01}]}\n  - {id: away, name: Away, calendar: {julian_until: 1918-02-14}}\n");
    text.push_str("periods:\n  - {id: youth, title: Youth, from: 1800, to: 1849}\n  - {id: exile, title: Exile, from: 1850, to: 1899}\n  - {id: late, title: Late, from: 1900, to: 1960}\n");
    text.push_str("stays:\n  - {place: town, from: 1800, to: 1850, note: School}\n");
    text.push_str("events:\n");
    for e in events {
        let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\\\""));
        write!(text, "  - id: {}\n    date: {}\n", e.id, quoted(&e.date)).unwrap();
        if let Some(end) = &e.end {
            writeln!(text, "    end: {}", quoted(end)).unwrap();
        }
        writeln!(text, "    title: {}", quoted(&e.title)).unwrap();
        if let Some(summary) = &e.summary {
            writeln!(text, "    summary: {}", quoted(summary)).unwrap();
        }
        writeln!(text, "    place: {}", e.place).unwrap();
        writeln!(text, "    people: [{}]", e.people.join(", ")).unwrap();
        writeln!(text, "    tags: [{}]", e.tags.join(", ")).unwrap();
        if let Some(period) = e.period {
            writeln!(text, "    period: {period}").unwrap();
        }
        if let Some(source) = e.source {
            writeln!(text, "    source: {source}").unwrap();
        }
    }
    text
}

fn json(events: &[Event]) -> String {
    let string = |s: &str| serde_json::to_string(s).unwrap().replace('é', "\\u00e9");
    let list = |items: &[&str]| {
        let items: Vec<String> = items.iter().map(|s| string(s)).collect();
        format!("[{}]", items.join(", "))
    };
    let mut text = String::from(
        r#"{"title": "Twins", "subject": "me", "people": [
  {"id": "me", "name": "Me Myself", "born": "1800-01-01"},
  {"id": "ann", "name": "Ann Smith", "aliases": ["Smith"]},
  {"id": "bob", "name": "Bob Smith", "aliases": ["Smith"]},
  {"id": "cy", "name": "Cy Young", "died": 1950}],
"places": [{"id": "land", "name": "Land"}, {"id": "town", "name": "Town", "within": "land"},
  {"id": "spot", "name": "Spot", "within": "town", "names": [{"name": "Oldspot", "to": "1900-01-01"}]},
  {"id": "away", "name": "Away", "calendar": {"julian_until": "1918-02-14"}}],
"periods": [{"id": "youth", "title": "Youth", "from": "1800", "to": "1849"},
  {"id": "exile", "title": "Exile", "from": "1850", "to": "1899"},
  {"id": "late", "title": "Late", "from": "1900", "to": "1960"}],
"stays": [{"place": "town", "from": "1800", "to": "1850", "note": "School"}],
"events": [
"#,
    );
    for (i, e) in events.iter().enumerate() {
        // A year as a JSON number, as some writers give it.
        let date = if e.date.len() == 4 && i % 10 == 1 {
            e.date.clone()
        } else {
            string(&e.date)
        };
        write!(text, "{{\"id\": {}, \"date\": {date}", string(&e.id)).unwrap();
        if let Some(end) = &e.end {
            write!(text, ", \"end\": {}", string(end)).unwrap();
        }
        write!(text, ", \"title\": {}", string(&e.title)).unwrap();
        match &e.summary {
            Some(summary) => write!(text, ", \"summary\": {}", string(summary)).unwrap(),
            None if i % 4 == 1 => text.push_str(", \"summary\": null"),
            None => {}
        }
        write!(
            text,
            ", \"place\": {}, \"people\": {}, \"tags\": {}",
            string(e.place),
            list(e.people),
            list(e.tags)
        )
        .unwrap();
        if let Some(period) = e.period {
            write!(text, ", \"period\": {}", string(period)).unwrap();
        }
        if let Some(source) = e.source {
            write!(text, ", \"source\": {}", string(source)).unwrap();
        }
        text.push_str(if i + 1 < events.len() { "},\n" } else { "}\n" });
    }
    text.push_str("]}\n");
    text
}

/// Stdout and exit code of one question.
fn answer(file: &Path, args: &[&str]) -> String {
    let output = Command::cargo_bin("timeline")
        .unwrap()
        .env("TIMELINE_CACHE", "off")
        .arg("--file")
        .arg(file)
        .args(args)
        .output()
        .unwrap();
    format!(
        "{}\n{:?}",
        String::from_utf8_lossy(&output.stdout),
        output.status.code()
    )
}

#[test]
fn a_timeline_in_yaml_and_in_json_answers_every_question_the_same() {
    let work = tempfile::tempdir().unwrap();
    let events = events(8_000);
    let (yaml_file, json_file) = (work.path().join("life.yaml"), work.path().join("life.json"));
    let (yaml, json) = (yaml(&events), json(&events));
    // Big enough for both readers to read in parts, on several threads.
    assert!(yaml.len() > 1 << 20 && json.len() > 1 << 20);
    std::fs::write(&yaml_file, yaml).unwrap();
    std::fs::write(&json_file, json).unwrap();
    let asks: &[&[&str]] = &[
        &["--format", "plain"],
        &["--format", "json"],
        &["--from", "1850", "--to", "1852", "--format", "csv"],
        &["--place", "Town", "--limit", "30", "--format", "ndjson"],
        &[
            "--person",
            "Smith",
            "--reverse",
            "--limit",
            "9",
            "--format",
            "markdown",
        ],
        &["--in", "exile", "--format", "plain"],
        &["--tag", "peace", "--to", "1810", "--format", "plain"],
        &["--search", "café", "--format", "plain"],
        &["who", "Smith", "--format", "plain"],
        &["where", "--format", "plain"],
        &["periods", "--format", "plain"],
        &["tags", "--format", "plain"],
        &["stats", "--format", "json"],
        &["show", "e4000", "--format", "json"],
        &["on", "11-06", "--after", "2", "--format", "plain"],
        &["export", "ics"],
    ];
    for ask in asks {
        let from_yaml = answer(&yaml_file, ask);
        assert!(from_yaml.ends_with("Some(0)"), "{ask:?}: {from_yaml}");
        assert_eq!(answer(&json_file, ask), from_yaml, "{ask:?}");
    }
}
