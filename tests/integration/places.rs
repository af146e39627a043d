//! Places in time (issue 20): a place lies within another over a range of days, and `where`,
//! `--place`, `--search`, `show` and `stays` read the hierarchy on the day, the same in every
//! view and format, from the embedded timeline and from `--file`; `check` validates the ranges,
//! and a place did-you-mean says the name it came closest to.

use std::path::Path;

use crate::common;

fn plain_ids(args: &[&str]) -> Vec<String> {
    common::plain_ids(common::clean().args(args))
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&common::success(common::clean().args(&all))).unwrap()
}

fn stdout(args: &[&str]) -> String {
    common::success(common::clean().args(args))
}

/// The embedded timeline, and the same file read with `--file`.
fn both_sources() -> [Vec<&'static str>; 2] {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/timeline.yaml");
    [vec![], vec!["--file", file]]
}

fn with(source: &[&'static str], args: &[&'static str]) -> Vec<&'static str> {
    source.iter().chain(args).copied().collect()
}

#[test]
fn the_russian_empire_holds_the_events_in_its_lands_on_their_day() {
    for source in both_sources() {
        let ids = plain_ids(&with(&source, &["where", "Russian Empire"]));
        for id in [
            "birth",
            "odessa-school",
            "nikolayev-1896",
            "return-russia-1905",
            "flight-finland",
            "soviet-chairman",
            "february-revolution",
        ] {
            assert!(ids.iter().any(|i| i == id), "{id} missing: {ids:?}");
        }
        for id in ["exile-alma-ata", "may-1940-raid", "mezhraiontsy"] {
            assert!(!ids.iter().any(|i| i == id), "{id} is not in the Empire");
        }
    }
}

#[test]
fn the_soviet_union_holds_alma_ata_in_1928_and_not_the_birth() {
    for source in both_sources() {
        let union = plain_ids(&with(&source, &["where", "Soviet Union"]));
        assert!(union.iter().any(|i| i == "exile-alma-ata"), "{union:?}");
        assert!(!union.iter().any(|i| i == "birth"), "{union:?}");
        assert_eq!(plain_ids(&with(&source, &["where", "USSR"])), union);
        // Ukraine holds nothing before 1922: Yanovka lay in the Empire's Kherson Governorate.
        let output = common::clean()
            .args(with(&source, &["where", "Ukraine"]))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "no event in Ukraine");
    }
}

#[test]
fn where_and_place_and_json_and_counts_give_one_answer() {
    for source in both_sources() {
        for place in [
            "Russian Empire",
            "Soviet Union",
            "Russia",
            "Mexico",
            "Finland",
        ] {
            let by_where = plain_ids(&with(&source, &["where", place]));
            let mut args = with(&source, &["--place"]);
            args.push(place);
            assert_eq!(plain_ids(&args), by_where, "--place {place}");
            let rows = json(&args);
            let by_json: Vec<&str> = common::json_ids(&rows);
            assert_eq!(by_json, by_where, "--place {place} --format json");
            // The card counts what the list lists.
            let mut args = with(&source, &["where", place]);
            args.extend(["--format", "json"]);
            let document: serde_json::Value = serde_json::from_str(&stdout(&args)).unwrap();
            let cards = document["matches"].as_array().expect("where's cards");
            let counted: u64 = cards.iter().map(|c| c["events"].as_u64().unwrap()).sum();
            assert_eq!(counted as usize, by_where.len(), "{place}: {document}");
        }
    }
}

#[test]
fn where_and_place_narrow_each_other_on_the_day() {
    // Within both the Empire and Russia: Petersburg in 1905, not the Kherson Governorate.
    let both = plain_ids(&["where", "Russian Empire", "--place", "Russia"]);
    assert!(both.iter().any(|i| i == "soviet-chairman"), "{both:?}");
    assert!(!both.iter().any(|i| i == "birth"), "{both:?}");
    let output = common::clean()
        .args(["where", "Soviet Union", "--place", "Finland"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn show_gives_the_place_as_it_lay_then_and_where_it_lies_now() {
    for source in both_sources() {
        let plain = stdout(&with(&source, &["show", "birth", "--format", "plain"]));
        assert!(
            plain.contains("place\tYanovka, Kherson Governorate, Russian Empire\n"),
            "{plain}"
        );
        assert!(plain.contains("today\tUkraine\n"), "{plain}");
        let table = stdout(&with(&source, &["show", "birth", "--width", "120"]));
        assert!(
            table.contains("Yanovka, Kherson Governorate, Russian Empire (today Ukraine)"),
            "{table}"
        );
        let markdown = stdout(&with(&source, &["show", "birth", "--format", "markdown"]));
        assert!(
            markdown.contains("Yanovka, Kherson Governorate, Russian Empire (today Ukraine)"),
            "{markdown}"
        );
        let detail = json(&with(&source, &["show", "birth"]));
        assert_eq!(
            detail["place_hierarchy"],
            serde_json::json!(["Yanovka", "Kherson Governorate", "Russian Empire"])
        );
        assert_eq!(
            detail["place_today"],
            serde_json::json!(["Yanovka", "Ukraine"])
        );
        assert_eq!(detail["place_today_words"], "Ukraine");
    }
    // Kiev in 1905 is Kyiv today; Alma-Ata in 1928 lay in Soviet Russia's Kazak republic.
    let kiev = json(&["show", "return-russia-1905"]);
    assert_eq!(kiev["place_today_words"], "Kyiv, Ukraine");
    let exile = json(&["show", "exile-alma-ata"]);
    assert_eq!(
        exile["place_hierarchy"],
        serde_json::json!(["Alma-Ata", "Kazak ASSR", "Russian SFSR", "Soviet Union"])
    );
    assert_eq!(exile["place_today_words"], "Almaty, Kazakhstan");
    // Where nothing changed, nothing is said.
    let raid = json(&["show", "may-1940-raid"]);
    assert!(raid.get("place_today_words").is_none(), "{raid}");
}

#[test]
fn search_matches_the_places_an_events_place_lay_within() {
    assert_eq!(plain_ids(&["--search", "coyoacan raid"]), ["may-1940-raid"]);
    let empire = plain_ids(&["--search", "russian empire yanovka"]);
    assert!(empire.iter().any(|id| id == "birth"), "{empire:?}");
    // Not where it lies today.
    let output = common::clean()
        .args(["--search", "ukraine yanovka"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_place_did_you_mean_says_the_name_it_came_closest_to() {
    for (typed, meant) in [
        ("petrogard", "Petrograd"),
        ("lenigrad", "Leningrad"),
        ("Soviet Unoin", "Soviet Union"),
    ] {
        for args in [vec!["where", typed], vec!["--place", typed]] {
            let output = common::clean().args(&args).output().unwrap();
            assert_eq!(output.status.code(), Some(1), "{args:?}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                stderr.contains(&format!("did you mean `{meant}`?")),
                "{args:?}: {stderr}"
            );
        }
    }
}

#[test]
fn stays_read_the_same_in_every_format() {
    for source in both_sources() {
        let plain = stdout(&with(&source, &["stays", "--format", "plain"]));
        let rows = json(&with(&source, &["stays"]));
        let rows = rows.as_array().unwrap();
        assert_eq!(plain.lines().count(), rows.len());
        let csv = stdout(&with(&source, &["stays", "--format", "csv"]));
        assert_eq!(csv.lines().count(), rows.len() + 1, "a header, a row each");
        let ndjson = stdout(&with(&source, &["stays", "--format", "ndjson"]));
        assert_eq!(ndjson.lines().count(), rows.len());
        let markdown = stdout(&with(&source, &["stays", "--format", "markdown"]));
        assert_eq!(markdown.lines().count(), rows.len() + 2, "a header, a rule");
        for (line, row) in plain.lines().zip(rows) {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields[0], row["start"], "{line}");
            assert_eq!(fields[1], row["end"], "{line}");
            assert_eq!(fields[2], row["place"], "{line}");
            assert_eq!(fields.last().unwrap(), &row["place_id"], "{line}");
        }
        let first = &rows[0];
        assert_eq!(first["place"], "Yanovka");
        assert_eq!(
            first["within"],
            serde_json::json!(["Kherson Governorate", "Russian Empire"])
        );
        assert!(markdown.contains("| Yanovka | Kherson Governorate, Russian Empire |"));
    }
}

#[test]
fn stays_honour_dates_places_and_the_list_flags() {
    let all = json(&["stays"]).as_array().unwrap().len();
    let in_1917 = json(&["stays", "--in", "1917"]);
    let in_1917 = in_1917.as_array().unwrap();
    assert!(!in_1917.is_empty() && in_1917.len() < all);
    for row in in_1917 {
        let (start, end) = (row["start"].as_str().unwrap(), row["end"].as_str().unwrap());
        assert!(start <= "1917-12-31" && end >= "1917-01-01", "{row}");
    }
    assert_eq!(
        json(&["stays", "--from", "1917", "--to", "1917"]),
        json(&["--in", "1917", "stays"]),
        "flags before the command's name count as after it"
    );
    let empire = json(&["stays", "--place", "Russian Empire"]);
    for row in empire.as_array().unwrap() {
        assert!(row["end"].as_str().unwrap() < "1917-03-16", "{row}");
    }
    let mexico = json(&["stays", "--place", "Coyoacan"]);
    let places: Vec<&str> = mexico
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["place_id"].as_str().unwrap())
        .collect();
    assert_eq!(places, ["la-casa-azul", "avenida-viena"]);
    assert_eq!(stdout(&["stays", "--limit", "2"]).lines().count(), 2);
    let reversed = json(&["stays", "--reverse", "--limit", "1"]);
    assert_eq!(reversed[0]["place_id"], "avenida-viena");
    for flag in [["--tag", "war"], ["--person", "Lenin"], ["--search", "x"]] {
        for args in [
            vec!["stays", flag[0], flag[1]],
            vec![flag[0], flag[1], "stays"],
        ] {
            let output = common::clean().args(&args).output().unwrap();
            assert_eq!(output.status.code(), Some(2), "{args:?}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                stderr.contains(&format!("`timeline stays` does not take {}", flag[0])),
                "{stderr}"
            );
        }
    }
    let output = common::clean()
        .args(["stays", "--place", "Japan"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "no stay in Japan");
}

/// Writes `text` to a file of the test's own and returns its path.
fn file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

const DATED: &str = r#"title: Dated borders
places:
  - {id: empire, name: Empire}
  - {id: union, name: Union}
  - id: land
    name: Land
    within:
      - {place: empire, to: "1917-03-16"}
      - {place: union, from: "1922-12-30", to: "1991-12-26"}
  - {id: town, name: Town, within: land}
events:
  - {id: early, date: "1905", title: Early, place: town}
  - {id: late, date: "1930", title: Late, place: town}
  - {id: border, date: "1922-12", title: Across the border, place: town}
"#;

#[test]
fn a_dated_within_reads_alike_from_yaml_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = file(dir.path(), "dated.yaml", DATED);
    let json_text = r#"{"title": "Dated borders",
 "places": [
  {"id": "empire", "name": "Empire"},
  {"id": "union", "name": "Union"},
  {"id": "land", "name": "Land", "within": [
     {"place": "empire", "to": "1917-03-16"},
     {"place": "union", "from": "1922-12-30", "to": "1991-12-26"}]},
  {"id": "town", "name": "Town", "within": "land"}],
 "events": [
  {"id": "early", "date": "1905", "title": "Early", "place": "town"},
  {"id": "late", "date": "1930", "title": "Late", "place": "town"},
  {"id": "border", "date": "1922-12", "title": "Across the border", "place": "town"}]}"#;
    let json_file = file(dir.path(), "dated.json", json_text);
    for path in [&yaml, &json_file] {
        assert_eq!(plain_ids(&["--file", path, "where", "Empire"]), ["early"]);
        // An event lies where its place lay on its first day: 1 December 1922, before the Union.
        assert_eq!(plain_ids(&["--file", path, "where", "Union"]), ["late"]);
        assert_eq!(
            plain_ids(&["--file", path, "where", "Land"]),
            ["early", "border", "late"]
        );
        let late = json(&["--file", path, "show", "late"]);
        assert_eq!(
            late["place_hierarchy"],
            serde_json::json!(["Town", "Land", "Union"])
        );
        assert_eq!(late["place_today"], serde_json::json!(["Town", "Land"]));
        assert!(stdout(&["--file", path, "check"]).contains(": ok:"));
    }
}

#[test]
fn check_refuses_ranges_out_of_order_overlapping_or_unknown_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = file(
        dir.path(),
        "bad.yaml",
        r#"title: Bad borders
places:
  - {id: empire, name: Empire}
  - {id: union, name: Union}
  - id: land
    name: Land
    within:
      - {place: empire, to: "1917"}
      - {place: union, from: "1910", to: "1930"}
      - {place: unoin, from: "1940"}
      - {place: union, from: "1995", to: "1991"}
      - {place: union, form: "2000"}
events: []
"#,
    );
    let output = common::clean().args(["check", &bad]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for expected in [
        ":9:17: place `land`: its time within `union` overlaps its time within `empire`",
        ":10:17: place `land`: unknown place `unoin`; did you mean `union`?",
        ":11:42: place `land`: it lies within `union` until 1991-01-01, not after its start (1995-01-01)",
        ":12:24: place `land`: unknown field `form`; did you mean `from`?",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
}

#[test]
fn a_cycle_through_dated_ranges_is_refused_at_each_place_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let cycle = file(
        dir.path(),
        "cycle.yaml",
        r#"title: A cycle over time
places:
  - id: a
    name: A
    within:
      - {place: b, to: "1900"}
  - id: b
    name: B
    within:
      - {place: c, from: "1950"}
  - {id: c, name: C, within: a}
  - {id: d, name: D, within: a}
events: []
"#,
    );
    let output = common::clean().args(["check", &cycle]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.matches("goes round in a cycle").count(),
        3,
        "{stderr}"
    );
    assert!(stderr.contains(":6:17: place `a`"), "{stderr}");
    assert!(
        !stderr.contains("place `d`"),
        "d only leads into it: {stderr}"
    );
}

#[test]
fn a_chain_of_fifty_thousand_places_loads() {
    // Issue 19: the cycle check walked the chain from every place (52 s); it is linear now.
    let n = 50_000;
    let mut text = String::from("title: A long chain\nplaces:\n");
    for i in 0..n {
        if i + 1 < n {
            text.push_str(&format!(
                "  - {{id: p{i}, name: P{i}, within: p{}}}\n",
                i + 1
            ));
        } else {
            text.push_str(&format!("  - {{id: p{i}, name: P{i}}}\n"));
        }
    }
    text.push_str("events:\n  - {id: e, date: 1917, title: At the bottom, place: p0}\n");
    let dir = tempfile::tempdir().unwrap();
    let chain = file(dir.path(), "chain.yaml", &text);
    let check = stdout(&["check", &chain]);
    assert!(
        check.contains(&format!("ok: 1 events, 0 people, {n} places")),
        "{check}"
    );
    assert_eq!(plain_ids(&["--file", &chain, "where", "P49999"]), ["e"]);
    let mut with_cycle = text.replace(
        &format!("{{id: p{}, name: P{}}}", n - 1, n - 1),
        &format!("{{id: p{}, name: P{}, within: p0}}", n - 1, n - 1),
    );
    with_cycle.push('\n');
    let cyclic = file(dir.path(), "cycle.yaml", &with_cycle);
    let output = common::clean().args(["check", &cyclic]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{n} problems")),
        "every place is on it: {stderr:.300}"
    );
}

#[test]
fn where_cards_say_where_a_place_lay_over_time() {
    let table = stdout(&["where", "Yanovka", "--width", "100"]);
    assert!(
        table.contains(
            "within: Kherson Governorate (until 16 Mar 1917), Ukraine (from 30 Dec 1922)"
        ),
        "{table}"
    );
    let markdown = stdout(&["where", "Yanovka", "--format", "markdown"]);
    assert!(
        markdown.contains(
            "Within Kherson Governorate (until 16 Mar 1917), Ukraine (from 30 Dec 1922)."
        ),
        "{markdown}"
    );
    let document = json(&["where", "Yanovka"]);
    let card = &document["matches"][0];
    assert_eq!(card["within"], serde_json::json!(["Ukraine"]), "today");
    assert_eq!(
        card["enclosures"],
        serde_json::json!([
            {"id": "kherson-governorate", "name": "Kherson Governorate", "from": null, "to": "1917-03-16"},
            {"id": "ukraine", "name": "Ukraine", "from": "1922-12-30", "to": null},
        ])
    );
}

#[test]
fn stays_completes_as_a_command_and_its_place_as_a_place() {
    let complete = |words: &[&str]| {
        let mut args = vec!["--", "timeline"];
        args.extend(words);
        common::success(common::clean().env("COMPLETE", "fish").args(&args))
    };
    assert!(complete(&["st"]).lines().any(|l| l.starts_with("stays")));
    let places = complete(&["stays", "--place", "Petr"]);
    assert!(
        places.lines().any(|l| l.starts_with("Petrograd")),
        "{places}"
    );
}

#[test]
fn a_chain_whose_every_link_has_a_gap_answers_on_the_day() {
    // Each place leaves its parent for one day of its own, a different year down the chain: a
    // place deep down lay within the top on every day but those, which a bounded table cannot
    // list (the answer walks up instead; it took 4.5 s and 2.9 GB when it listed them).
    let n = 20_000;
    let mut text = String::from("title: A gappy chain\nplaces:\n");
    for i in 0..n {
        if i + 1 == n {
            text.push_str(&format!("  - {{id: p{i}, name: P{i}}}\n"));
            continue;
        }
        let year = 1000 + i % 8000;
        text.push_str(&format!(
            "  - {{id: p{i}, name: P{i}, within: [{{place: p{}, to: \"{year:04}-01-01\"}}, {{place: p{}, from: \"{year:04}-01-02\"}}]}}\n",
            i + 1,
            i + 1
        ));
    }
    text.push_str("events:\n");
    text.push_str(
        "  - {id: in-a-gap, date: \"1917-01-01\", title: On a day of a gap, place: p0}\n",
    );
    text.push_str(
        "  - {id: the-day-after, date: \"1917-01-02\", title: The day after, place: p0}\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let chain = file(dir.path(), "gappy.yaml", &text);
    let top = format!("P{}", n - 1);
    assert_eq!(
        plain_ids(&["--file", &chain, "where", &top]),
        ["the-day-after"]
    );
    // Both must hold: P1 holds the day of the gap (p917's, far above it), the top does not.
    assert_eq!(
        plain_ids(&["--file", &chain, "where", &top, "--place", "P1"]),
        ["the-day-after"]
    );
    assert_eq!(
        plain_ids(&["--file", &chain, "where", "P1"]),
        ["in-a-gap", "the-day-after"]
    );
}

#[test]
fn a_dated_within_missing_its_place_is_reported_at_the_places_id() {
    let dir = tempfile::tempdir().unwrap();
    let bad = file(
        dir.path(),
        "missing.yaml",
        "title: t\nplaces:\n  - id: land\n    name: Land\n    within:\n      - {to: \"1917\"}\nevents: []\n",
    );
    let output = common::clean().args(["check", &bad]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("missing.yaml:3:9: place `land`: the field `place` is missing"),
        "{stderr}"
    );
}
