//! The loader's unit tests: positions of problems, in small files and far into big ones, and
//! JSON against YAML.

use super::located::{JsonText, YamlText};
use super::raw::RawTimeline;
use super::*;

fn source(text: &str) -> Source {
    Source {
        name: "test.yaml".to_string(),
        text: text.to_string(),
    }
}

fn problems(text: &str) -> Vec<String> {
    load(&source(text))
        .unwrap_err()
        .iter()
        .map(|p| format!("{}:{} {}", p.line, p.column, p.message))
        .collect()
}

/// The problems found, in order, each starting with its expected "line:column message".
fn assert_problems(found: &[String], expected: &[&str]) {
    assert_eq!(found.len(), expected.len(), "{found:?}");
    for (problem, prefix) in found.iter().zip(expected) {
        assert!(
            problem.starts_with(prefix),
            "{problem:?} should start with {prefix:?}"
        );
    }
}

#[test]
fn reports_every_problem_with_its_position() {
    let found = problems(
        "title: t\npeople:\n  - {id: a, name: A}\n  - {id: a, name: B}\nevents:\n  - id: e\n    date: 1917-02-30\n    title: x\n    place: nowhere\n    people: [b]\n",
    );
    assert_problems(
        &found,
        &[
            "4:10 duplicate person id `a`",
            "7:11 event `e`: `1917-02-30` is not a date",
            "9:12 event `e`: unknown place `nowhere`",
            "10:14 event `e`: unknown person `b`",
        ],
    );
}

#[test]
fn suggests_a_close_id() {
    let found = problems(
        "title: t\nplaces: [{id: petrograd, name: P}]\nevents:\n  - {id: e, date: 1917, title: x, place: petrogard}\n",
    );
    assert!(found[0].contains("did you mean `petrograd`?"), "{found:?}");
}

#[test]
fn refuses_overlapping_names_and_cycles() {
    let found = problems(
        "title: t\nplaces:\n  - id: a\n    name: A\n    within: b\n    names:\n      - {name: X, from: 1900, to: 1920}\n      - {name: Y, from: 1910, to: 1930}\n  - {id: b, name: B, within: a}\nevents: []\n",
    );
    assert!(
        found.iter().any(|m| m.contains("overlaps the name `X`")),
        "{found:?}"
    );
    assert_eq!(
        found.iter().filter(|m| m.contains("cycle")).count(),
        2,
        "{found:?}"
    );
}

#[test]
fn refuses_an_end_before_its_start() {
    let found = problems("title: t\nevents:\n  - {id: e, date: 1921, end: 1917, title: x}\n");
    assert!(
        found[0].contains("ends (1917) before it starts (1921)"),
        "{found:?}"
    );
}

#[test]
fn period_comes_from_source_then_narrowest() {
    let timeline = load(&source(
        "title: t\nperiods:\n  - {id: war, title: War, from: 1914, to: 1917}\n  - {id: rev, title: Revolution, from: 1917, to: 1918}\n  - {id: all, title: All, from: 1900, to: 1940}\nevents:\n  - {id: a, date: 1917-05, title: x, source: War}\n  - {id: b, date: 1917-05, title: y}\n  - {id: c, date: 1930, title: z}\n  - {id: d, date: 1950, title: w}\n",
    ))
    .unwrap();
    let periods: Vec<_> = timeline
        .events
        .iter()
        .map(|e| e.period.map(|p| timeline.periods[p].id.as_str()))
        .collect();
    assert_eq!(periods, [Some("war"), Some("rev"), Some("all"), None]);
}

#[test]
fn syntax_errors_point_at_the_line() {
    let found = problems("title: 'x\nevents: []\n");
    assert!(found[0].starts_with("1:8 unclosed quote"), "{found:?}");
    let found = problems("- 1\n- 2\n");
    assert!(found[0].contains("a timeline is a mapping"), "{found:?}");
    let found = problems("");
    assert!(found[0].contains("empty"), "{found:?}");
}

/// A timeline of `n` events in block YAML, with the line of each event's `date:`.
fn big_yaml(n: usize, bad_date_at: usize, bad_place_at: usize) -> (String, Vec<usize>) {
    let mut text = "title: Big\nsubject: me\npeople:\n  - {id: me, name: Me, born: 1879}\nplaces:\n  - {id: here, name: Here}\nevents:\n".to_string();
    let mut date_lines = Vec::new();
    for i in 0..n {
        let date = if i == bad_date_at {
            "1917-02-30".to_string()
        } else {
            format!("{}-{:02}", 1880 + i % 60, 1 + i % 12)
        };
        let place = if i == bad_place_at { "nowhere" } else { "here" };
        text.push_str(&format!("- id: e{i}\n"));
        date_lines.push(text.lines().count() + 1);
        text.push_str(&format!("  date: {date}\n  title: Event number {i} of a long synthetic list\n  place: {place}\n  people: [me]\n  tags: [t]\n"));
    }
    (text, date_lines)
}

#[test]
fn a_big_yaml_file_loads_every_event_in_file_order() {
    let (text, date_lines) = big_yaml(600, usize::MAX, usize::MAX);
    let timeline = load(&source(&text)).unwrap();
    assert_eq!(timeline.events.len(), 600);
    assert_eq!(timeline.events[599].file_order, 599);
    assert!(date_lines.len() == 600);
}

#[test]
fn problems_far_into_a_big_file_point_into_the_file() {
    let (text, date_lines) = big_yaml(600, 450, 590);
    let found = problems(&text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with(&format!(
            "{}:9 event `e450`: `1917-02-30` is not a date",
            date_lines[450]
        )),
        "{found:?}"
    );
    assert!(
        found[1].starts_with(&format!(
            "{}:10 event `e590`: unknown place `nowhere`",
            date_lines[590] + 2
        )),
        "{found:?}"
    );
}

#[test]
fn keys_after_the_events_and_aliases_anywhere_load() {
    let (text, _) = big_yaml(600, usize::MAX, usize::MAX);
    // A key after the events.
    assert!(load(&source(&format!("{text}stays: []\n"))).is_ok());
    // An alias to an anchor 600 events before it.
    let anchored = text.replacen("tags: [t]", "tags: &tags [t]", 1);
    let anchored = format!("{anchored}- {{id: last, date: 1917, title: x, tags: *tags}}\n");
    let timeline = load(&source(&anchored)).unwrap();
    assert_eq!(timeline.events.last().unwrap().tags, ["t"]);
}

#[test]
fn json_reads_like_yaml_and_reports_positions() {
    let yaml = "title: t\nplaces: [{id: spb, name: Petersburg}]\nevents:\n  - {id: a, date: 1917-10-25 O.S., title: Uprising, place: spb}\n  - {id: b, date: 1918, title: y, summary: \"Tab\\there\"}\n";
    let json = r#"{"title": "t", "places": [{"id": "spb", "name": "Petersburg"}],
"events": [
  {"id": "a", "date": "1917-10-25 O.S.", "title": "Uprising", "place": "spb"},
  {"id": "b", "date": 1918, "title": "y", "summary": "Tab\there"}
]}"#;
    let (y, j) = (load(&source(yaml)).unwrap(), load(&source(json)).unwrap());
    assert_eq!(y.events.len(), j.events.len());
    for (a, b) in y.events.iter().zip(&j.events) {
        assert_eq!(
            (&a.id, a.date, &a.title, a.place),
            (&b.id, b.date, &b.title, b.place)
        );
    }
    assert_eq!(j.events[1].summary.as_deref(), Some("Tab\there"));

    let bad = r#"{"title": "t",
"events": [
  {"id": "a", "date": "1917-02-30", "title": "x", "place": "nowhere"},
  {"id": "a", "date": "1917", "title": "y\u0041", "people": ["n\u00f6body"]}
]}"#;
    let found = problems(bad);
    assert_problems(
        &found,
        &[
            "3:23 event `a`: `1917-02-30` is not a date",
            "3:60 event `a`: unknown place `nowhere`",
            "4:10 duplicate event id `a`",
            "4:62 event `a`: unknown person `nöbody`",
        ],
    );
}

#[test]
fn json_shape_errors_and_yaml_flow_mappings() {
    let found = problems("{\"title\": \"t\",\n \"events\": [{\"id\": [1, 2]}]}");
    assert!(
        found[0].starts_with("2:") && found[0].contains("expected a string"),
        "{found:?}"
    );
    let found = problems("{\"title\": \"t\", \"events\": [], \"extra\": 1}");
    assert!(found[0].contains("unknown field `extra`"), "{found:?}");
    // Not JSON after all: a YAML flow mapping, read as YAML.
    let flow = load(&source(
        "{title: t, events: [{id: a, date: 1917, title: x}]}",
    ))
    .unwrap();
    assert_eq!(flow.events[0].id, "a");
    // Broken JSON is reported by the YAML reader, which reads JSON too.
    let found = problems("{\"title\": \"t\",\n \"events\": [\n");
    assert!(
        found[0].starts_with("3:") || found[0].starts_with("2:"),
        "{found:?}"
    );
}

/// A timeline of `n` events in JSON, one event a line (line `i + 4` holds event `i`).
fn big_json(n: usize, bad_date_at: usize, bad_person_at: usize) -> String {
    let mut text = "{\"title\": \"Big\", \"subject\": \"me\",\n\"people\": [{\"id\": \"me\", \"name\": \"Me\"}, {\"id\": \"lenin\", \"name\": \"Lenin\"}], \"periods\": [{\"id\": \"youth\", \"title\": \"Youth\", \"from\": \"1880\", \"to\": \"1899\"}, {\"id\": \"nineties\", \"title\": \"Nineties\", \"from\": \"1890\", \"to\": \"1899\"}],\n\"events\": [\n".to_string();
    for i in 0..n {
        let date = if i == bad_date_at {
            "1917-02-30".to_string()
        } else {
            format!("{}-{:02}", 1880 + i % 60, 1 + i % 12)
        };
        let person = if i == bad_person_at { "lenim" } else { "lenin" };
        let comma = if i + 1 < n { "," } else { "" };
        text.push_str(&format!("{{\"id\": \"e{i}\", \"date\": \"{date}\", \"title\": \"Event {i} of a long synthetic list\", \"people\": [\"{person}\"]}}{comma}\n"));
    }
    text.push_str("]}\n");
    text
}

/// Every event of a parse, in index order, in full.
fn sorted_events(text: &str, raw: RawTimeline<JsonText>) -> Vec<String> {
    let mut timeline = check(&source(text), raw).unwrap();
    order::sort_events(&mut timeline.events);
    timeline.events.iter().map(|e| format!("{e:?}")).collect()
}

/// [`big_json`] with unusual elements (escapes, a number for a date, `null`s, an unknown-free
/// but reordered event), spread over the file.
fn unusual_json(n: usize) -> String {
    let mut text = big_json(n, usize::MAX, usize::MAX);
    for i in (7..n).step_by(97) {
        let plain = format!("{{\"id\": \"e{i}\", ");
        let odd = match i % 3 {
            0 => format!("{{\"id\": \"e\\u0030{i}\", \"summary\": null, "),
            1 => format!("{{\"end\": 1999, \"id\": \"e{i}\", "),
            _ => format!("{{\"id\": \"e{i}\", \"source\": \"a \\\"quoted\\\" source\", "),
        };
        text = text.replacen(&plain, &odd, 1);
    }
    text
}

#[test]
fn a_big_json_file_loads_as_its_parse_checks() {
    let pretty = big_json(600, usize::MAX, usize::MAX)
        .replace("{\"id\"", "{\n    \"id\"")
        .replace(", \"", ",\n    \"");
    // Titles holding `, {`, which look like the start of an element.
    let cut_bait = big_json(600, usize::MAX, usize::MAX).replace(" of a long", ", {a long");
    for text in [
        big_json(600, usize::MAX, usize::MAX),
        unusual_json(600),
        pretty,
        cut_bait,
    ] {
        let whole: RawTimeline<JsonText> = serde_json::from_str(&text).unwrap();
        let whole = sorted_events(&text, whole);
        assert_eq!(whole.len(), 600);
        assert!(
            whole.iter().any(|e| e.contains("period: Some(1)")),
            "periods assigned"
        );
        let mut timeline = load(&source(&text)).unwrap();
        order::sort_events(&mut timeline.events);
        let loaded: Vec<String> = timeline.events.iter().map(|e| format!("{e:?}")).collect();
        assert_eq!(loaded, whole);
    }
    // Fields after the events.
    let text = big_json(600, usize::MAX, usize::MAX);
    let after = text.replacen("\n]}\n", "\n], \"stays\": []}\n", 1);
    assert_eq!(
        load(&source(&after)).unwrap().events.len(),
        load(&source(&text)).unwrap().events.len()
    );
}

#[test]
fn problems_far_into_a_big_json_file_point_into_the_file() {
    let found = problems(&big_json(600, 450, 590));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("454:24 event `e450`: `1917-02-30`"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("594:93 event `e590`: unknown person `lenim`; did you mean `lenin`?"),
        "{found:?}"
    );
    // An unknown key is named.
    let extra =
        big_json(600, usize::MAX, usize::MAX).replacen("{\"title\"", "{\"extra\": 1, \"title\"", 1);
    assert!(problems(&extra)[0].contains("unknown field `extra`"));
}

#[test]
fn every_field_name_is_read_without_allocating() {
    use super::raw::{
        FIELD_NAMES, Mapping, RawCalendar, RawEvent, RawName, RawPeriod, RawPerson, RawPlace,
        RawStay, RawTimeline,
    };
    let fields = [
        RawTimeline::<YamlText>::FIELDS,
        RawPerson::<YamlText>::FIELDS,
        RawPlace::<YamlText>::FIELDS,
        RawName::<YamlText>::FIELDS,
        RawCalendar::<YamlText>::FIELDS,
        RawPeriod::<YamlText>::FIELDS,
        RawStay::<YamlText>::FIELDS,
        RawEvent::<YamlText>::FIELDS,
    ];
    for field in fields.iter().flat_map(|f| f.iter()) {
        assert!(
            FIELD_NAMES.contains(field),
            "{field} is missing from FIELD_NAMES"
        );
    }
}

#[test]
fn an_unknown_field_far_into_a_big_file_is_reported_with_the_rest() {
    let (text, date_lines) = big_yaml(600, 450, usize::MAX);
    // After event 500's date line: `  venue: x` at that line + 1, column 3.
    let line = date_lines[500];
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(line, "  venue: the Smolny");
    let text = lines.join("\n") + "\n";
    let found = problems(&text);
    assert_problems(
        &found,
        &[
            &format!(
                "{}:9 event `e450`: `1917-02-30` is not a date",
                date_lines[450]
            ),
            &format!("{}:3 event `e500`: unknown field `venue`", line + 1),
        ],
    );
}

#[test]
fn a_repeated_or_broken_id_far_apart_is_reported_where_it_is() {
    let text = big_json(600, usize::MAX, usize::MAX)
        .replacen("\"id\": \"e590\"", "\"id\": \"e5\"", 1)
        .replacen("\"id\": \"e300\"", "\"id\": \"e 300\"", 1);
    assert_problems(
        &problems(&text),
        &[
            "304:8 event id `e 300` holds ` `",
            "594:8 duplicate event id `e5`",
        ],
    );
}
