//! The views of issue 4 — chart, stats, on, export, schema, completions and man — driven through
//! the built binary on the small invented life in `tests/fixtures/views-life.yaml`.

use std::path::PathBuf;

use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

use crate::common;

const LIFE: &str = "tests/fixtures/views-life.yaml";

/// The binary with a clean environment: no color, width or file from the developer's shell.
fn timeline() -> Command {
    let mut command = common::clean();
    command.env("TERM", "xterm-256color");
    command
}

/// Runs the binary on the fixture and returns its standard output, which must be a success.
fn run(args: &[&str]) -> String {
    common::success(timeline().arg("--file").arg(LIFE).args(args))
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&run(args)).unwrap()
}

// ---- chart ----

/// Box drawing and block characters, which ASCII charts do without (text such as names and the
/// title's separators stays as it is).
fn is_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{259f}').contains(&c) || c == '·'
}

#[test]
fn chart_at_80_columns() {
    let chart = run(&["chart", "--color", "never", "--width", "80"]);
    insta::assert_snapshot!("chart_80", chart);
}

#[test]
fn chart_at_160_columns() {
    let chart = run(&["chart", "--color", "never", "--width", "160"]);
    insta::assert_snapshot!("chart_160", chart);
}

#[test]
fn chart_in_ascii() {
    let chart = run(&["chart", "--color", "never", "--width", "80", "--ascii"]);
    assert!(!chart.chars().any(is_drawing), "{chart}");
    insta::assert_snapshot!("chart_ascii", chart);
}

#[test]
fn chart_of_a_range() {
    let chart = run(&[
        "chart", "--color", "never", "--width", "80", "--from", "1917", "--to", "1918",
    ]);
    insta::assert_snapshot!("chart_1917_1918", chart);
}

#[test]
fn chart_is_ascii_on_a_dumb_terminal() {
    let output = timeline()
        .env("TERM", "dumb")
        .args(["--file", LIFE, "chart", "--width", "80"])
        .output()
        .unwrap();
    let chart = String::from_utf8(output.stdout).unwrap();
    assert!(
        !chart.chars().any(is_drawing) && chart.contains('#'),
        "{chart}"
    );
}

#[test]
fn chart_fits_every_width() {
    for width in [40, 60, 80, 100, 132, 160, 250] {
        for file in [LIFE, "timeline.yaml"] {
            let output = timeline()
                .args(["--file", file, "chart", "--color", "never"])
                .arg(format!("--width={width}"))
                .output()
                .unwrap();
            assert!(output.status.success());
            for line in String::from_utf8(output.stdout).unwrap().lines() {
                assert!(line.width() <= width, "{file} at {width}: {line:?}");
            }
        }
    }
}

#[test]
fn chart_axis_is_the_life_unless_asked() {
    // Events after the death (1988, 2001) do not stretch the axis...
    let chart = run(&["chart", "--color", "never"]);
    assert!(chart.starts_with("Ivan Petrov · 1880–1930 ·"), "{chart}");
    // ...unless the filters ask for them.
    let chart = run(&["chart", "--color", "never", "--from", "1980"]);
    assert!(chart.starts_with("Ivan Petrov · 1980–2001 ·"), "{chart}");
    let chart = run(&["chart", "--color", "never", "--in", "revolution"]);
    assert!(chart.starts_with("Ivan Petrov · 1917–1930 ·"), "{chart}");
    assert!(!chart.contains("Youth"), "{chart}");
    let chart = run(&["chart", "--color", "never", "--place", "Paris"]);
    assert!(
        chart.contains("Paris") && !chart.contains("Moscow "),
        "{chart}"
    );
}

#[test]
fn chart_colors_only_when_asked() {
    let plain = run(&["chart", "--width", "80"]);
    assert!(!plain.contains('\x1b'));
    let colored = run(&["chart", "--width", "80", "--color", "always"]);
    assert!(colored.contains("\x1b["), "{colored}");
    let no_color = timeline()
        .env("NO_COLOR", "1")
        .args(["--file", LIFE, "chart", "--color", "auto"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&no_color.stdout).contains('\x1b'));
}

#[test]
fn chart_with_nothing_to_show_exits_1() {
    timeline()
        .args(["--file", LIFE, "chart", "--search", "no-such-text"])
        .assert()
        .code(1)
        .stderr("timeline: no events match\n");
    timeline()
        .args(["--file", LIFE, "chart", "--tag", "no-such-tag"])
        .assert()
        .code(1)
        .stderr(predicates::str::starts_with(
            "timeline: no tag `no-such-tag`",
        ));
}

#[test]
fn ascii_reaches_tables_too() {
    let table = run(&[
        "--format", "table", "--ascii", "--width", "80", "--in", "youth",
    ]);
    assert!(
        !table.chars().any(is_drawing) && table.contains("+--"),
        "{table}"
    );
}

// ---- stats ----

#[test]
fn stats_as_a_table() {
    let stats = run(&[
        "stats", "--format", "table", "--color", "never", "--width", "80",
    ]);
    insta::assert_snapshot!("stats_table", stats);
}

#[test]
fn stats_in_a_pipe_are_tab_separated() {
    let stats = run(&["stats"]);
    let lines: Vec<Vec<&str>> = stats.lines().map(|l| l.split('\t').collect()).collect();
    assert!(lines.iter().all(|l| l.len() == 5), "{stats}");
    assert_eq!(lines[0][..4], ["events", "", "17", "100.0"]);
    assert!(
        lines.contains(&vec!["tag", "family", "4", "23.5", "family"]),
        "{stats}"
    );
    assert!(
        lines.contains(&vec!["precision", "day", "10", "58.8", "day"]),
        "{stats}"
    );
    assert!(
        lines.contains(&vec!["person", "oleg", "2", "11.8", "Oleg Sidorov"]),
        "{stats}"
    );
}

#[test]
fn stats_as_csv_and_markdown() {
    let csv = run(&["stats", "--format", "csv"]);
    assert!(
        csv.starts_with("section,key,label,events,percent\r\nevents,,,17,100.0\r\n"),
        "{csv}"
    );
    assert!(csv.contains("place,moscow,Moscow,7,41.2\r\n"), "{csv}");
    let markdown = run(&["stats", "--format", "markdown"]);
    assert!(
        markdown.contains("## Busiest years\n\n| Year | Events | Share |"),
        "{markdown}"
    );
}

#[test]
fn stats_as_json() {
    let stats = json(&["stats", "--format", "json", "--in", "revolution"]);
    assert_eq!(stats["events"], 6);
    let periods = stats["periods"].as_array().unwrap();
    assert_eq!(periods[0]["key"], "revolution");
    assert_eq!(periods[0]["events"], 6);
    let keys = |section: &str| -> Vec<String> {
        stats[section]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["key"].as_str().unwrap().to_string())
            .collect()
    };
    // The busiest first; the decade-long `192X` counts in no year.
    assert_eq!(keys("years"), ["1917", "1918", "1924", "1930"]);
    assert_eq!(keys("precision"), ["day", "month", "decade"]);
}

// ---- on ----

use common::json_ids as ids;

#[test]
fn on_wraps_across_the_year_end() {
    // New Style days only: the Old Style New Year of 1899 falls on 01-01 too (see time.rs).
    let rows = json(&[
        "on",
        "12-31",
        "-A",
        "2",
        "--calendar",
        "new",
        "--today",
        "2025-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&rows), ["eve-1905", "rehabilitated", "jan-1906"]);
    assert_eq!(rows[0]["years_ago"], 120);
    assert_eq!(rows[0]["anniversary"], "2025-12-31");
    // 2 January is next year's, so 1906 is 120 years before it too.
    assert_eq!(rows[2]["years_ago"], 120);
    assert_eq!(rows[2]["anniversary"], "2026-01-02");
    let rows = json(&[
        "on",
        "01-01",
        "-B",
        "1",
        "--calendar",
        "new",
        "--today",
        "2025-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&rows), ["eve-1905", "rehabilitated"]);
    assert_eq!(rows[0]["years_ago"], 119);
}

#[test]
fn on_matches_old_style_events_on_their_gregorian_day_unless_asked() {
    // Born 1 March 1880 O.S., which was 13 March in the Gregorian calendar.
    let gregorian = json(&["on", "03-13", "--today", "2025-06-01", "--format", "json"]);
    assert_eq!(ids(&gregorian), ["birth"]);
    assert_eq!(gregorian[0]["years_ago"], 145);
    // Asked for New Style days only, the Old Style birthday is not one.
    timeline()
        .args([
            "--file",
            LIFE,
            "on",
            "03-01",
            "--calendar",
            "new",
            "--today",
            "2025-06-01",
        ])
        .assert()
        .code(1);
    let julian = json(&[
        "on",
        "03-01",
        "--calendar",
        "julian",
        "--today",
        "2025-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&julian), ["birth"]);
    assert_eq!(julian[0]["anniversary"], "2025-03-01");
    let new_year = json(&[
        "on",
        "01-01",
        "--calendar",
        "julian",
        "--today",
        "2025-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&new_year), ["new-year-1899"]);
    // 25 October 1917 O.S. is 7 November.
    let revolution = run(&[
        "on",
        "10-25",
        "--calendar",
        "julian",
        "--today",
        "2025-06-01",
    ]);
    assert!(revolution.starts_with("1917-11-07\t"), "{revolution}");
    assert!(
        revolution.ends_with("\t108\t2025-10-25\told\n"),
        "{revolution}"
    );
    // 31 December 1905 in Paris was 18 December O.S. in Russia, but Paris had no Old Style:
    // only events that Old Style applies to have a Julian day to match.
    timeline()
        .args([
            "--file",
            LIFE,
            "on",
            "12-18",
            "--calendar",
            "julian",
            "--today",
            "2025-06-01",
        ])
        .assert()
        .code(1);
}

#[test]
fn on_shows_years_ago_in_every_format() {
    let args = ["on", "12-31", "-A", "2", "--today", "2025-06-01"];
    let table = run(&[
        &args[..],
        &["--format", "table", "--color", "never", "--width", "80"],
    ]
    .concat());
    assert!(
        table.contains("120 years ago") && table.contains("37 years ago"),
        "{table}"
    );
    insta::assert_snapshot!("on_table", table);
    let plain = run(&args);
    // The event's own fields first, as in every view; years ago, the day and its calendar after.
    assert!(plain.starts_with("1905-12-31\t31 Dec 1905\t"), "{plain}");
    assert!(
        plain
            .lines()
            .next()
            .unwrap()
            .ends_with("\t120\t2025-12-31\tnew"),
        "{plain}"
    );
    let csv = run(&[&args[..], &["--format", "csv"]].concat());
    assert!(csv.starts_with("years_ago,id,start,"), "{csv}");
    let markdown = run(&[&args[..], &["--format", "markdown"]].concat());
    assert!(
        markdown.contains("| 120 years ago | 31 Dec 1905 |"),
        "{markdown}"
    );
}

#[test]
fn on_a_quiet_day_exits_1_and_on_takes_today_by_default() {
    timeline()
        .args(["--file", LIFE, "on", "07-04", "--today", "2025-06-01"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "no events known to the day fall on 4 Jul",
        ));
    // Today's date comes from the clock: any day is fine, as long as it is understood.
    let status = timeline()
        .args(["--file", LIFE, "on"])
        .output()
        .unwrap()
        .status;
    assert!(matches!(status.code(), Some(0 | 1)), "{status}");
    timeline().args(["on", "13-01"]).assert().code(2);
}

// ---- export ----

#[test]
fn timelinejs_has_the_documented_shape() {
    let doc = json(&["export", "timelinejs"]);
    assert_eq!(doc["title"]["text"]["headline"], "Ivan Petrov");
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 17);
    let by_id = |id: &str| {
        events
            .iter()
            .find(|e| e["unique_id"] == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };
    // A day: all three fields, in the Gregorian calendar, with both calendars in words.
    let revolution = by_id("revolution");
    assert_eq!(
        revolution["start_date"],
        serde_json::json!({"year": 1917, "month": 11, "day": 7})
    );
    assert_eq!(revolution["display_date"], "7 Nov 1917 [O.S. 25 Oct]");
    // No group: a row per tag would take the slides' room.
    assert!(revolution.get("group").is_none());
    assert_eq!(revolution["text"]["headline"], "Took part in the uprising");
    assert!(
        revolution["text"]["text"]
            .as_str()
            .unwrap()
            .contains("The &lt;b&gt;uprising&lt;/b&gt; &amp; its aftermath.")
    );
    // A month: no day; every slide shows its date in the timeline's words (one style).
    let war = by_id("war-1914");
    assert_eq!(
        war["start_date"],
        serde_json::json!({"year": 1914, "month": 8})
    );
    assert_eq!(war["display_date"], "Aug 1914");
    assert!(war.get("end_date").is_none());
    // A season and an approximate year keep their words.
    let summer = by_id("summer-1912");
    assert_eq!(
        summer["start_date"],
        serde_json::json!({"year": 1912, "month": 6})
    );
    assert_eq!(summer["display_date"], "summer 1912");
    assert_eq!(by_id("school")["display_date"], "c. 1890");
    assert_eq!(
        by_id("school")["start_date"],
        serde_json::json!({"year": 1890})
    );
    // An interval ends on its last day.
    let congress = by_id("congress");
    assert_eq!(
        congress["end_date"],
        serde_json::json!({"year": 1918, "month": 3, "day": 12})
    );
    let eras = doc["eras"].as_array().unwrap();
    let headlines: Vec<&str> = eras
        .iter()
        .map(|e| e["text"]["headline"].as_str().unwrap())
        .collect();
    assert_eq!(
        headlines,
        [
            "Youth (1880–1899)",
            "Exile (1900–1916)",
            "Revolution (1917–1930)",
            "Memory"
        ]
    );
    // Eras run from their exact first day to their exact last: TimelineJS refuses an era whose
    // end it cannot tell from its start, and a year-only end would stop on 1 January.
    assert_eq!(
        eras[0]["start_date"],
        serde_json::json!({"year": 1880, "month": 1, "day": 1})
    );
    assert_eq!(
        eras[0]["end_date"],
        serde_json::json!({"year": 1899, "month": 12, "day": 31})
    );
}

#[test]
fn ics_parses_back_with_folding_and_escaping() {
    let text = run(&["export", "ics"]);
    // CRLF everywhere, 75 octets at most, and (the text being UTF-8) no character cut in two.
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split_terminator("\r\n") {
        assert!(!line.contains('\n'), "bare LF in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert!(text.contains("\r\n "), "nothing was folded");

    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    let property = |name: &str| {
        calendar
            .properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.as_str().to_string())
    };
    assert_eq!(property("VERSION").as_deref(), Some("2.0"));
    assert!(property("PRODID").is_some());
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    // Only the events known to the day: 10 of the 17.
    assert_eq!(events.len(), 10);
    let find = |uid: &str| {
        events
            .iter()
            .find(|e| e.find_prop("UID").unwrap().val.as_str() == uid)
            .unwrap_or_else(|| panic!("no {uid}"))
    };
    let value = |event: &icalendar::parser::Component, name: &str| {
        event.find_prop(name).map(|p| p.val.as_str().to_string())
    };
    let eve = find("eve-1905@timeline");
    assert_eq!(
        value(eve, "SUMMARY").as_deref(),
        Some("New Year's Eve in Paris; with friends, songs and a back\\slash")
    );
    let description = value(eve, "DESCRIPTION").unwrap();
    assert!(
        description.starts_with("31 Dec 1905\nA long evening.\nThe second line"),
        "{description:?}"
    );
    assert_eq!(value(eve, "DTSTART").as_deref(), Some("19051231"));
    assert_eq!(value(eve, "DTEND").as_deref(), Some("19060101"));
    assert_eq!(value(eve, "LOCATION").as_deref(), Some("Paris, France"));
    assert_eq!(value(eve, "DTSTAMP").as_deref(), Some("19700101T000000Z"));
    assert!(value(eve, "RRULE").is_none());
    // Old Style: the Gregorian day, and the place by its name at the time.
    let revolution = find("revolution@timeline");
    assert_eq!(value(revolution, "DTSTART").as_deref(), Some("19171107"));
    assert_eq!(
        value(revolution, "LOCATION").as_deref(),
        Some("Petrograd, Russia")
    );
    let cyrillic = find("cyrillic@timeline");
    assert!(
        value(cyrillic, "DESCRIPTION")
            .unwrap()
            .contains("«Что делать с календарём?»")
    );
    // An interval of days ends the day after its last.
    let congress = find("congress@timeline");
    assert_eq!(value(congress, "DTEND").as_deref(), Some("19180313"));

    let yearly = run(&["export", "ics", "--anniversaries"]);
    assert_eq!(yearly.matches("RRULE:FREQ=YEARLY\r\n").count(), 10);
    // An anniversary lasts one day, the first, however long the event: never overlapping itself.
    let unfolded = icalendar::parser::unfold(&yearly);
    let yearly = icalendar::parser::read_calendar(&unfolded)
        .unwrap()
        .components
        .into_iter()
        .filter(|c| c.name == "VEVENT")
        .collect::<Vec<_>>();
    assert_eq!(yearly.len(), 10);
    let day = |event: &icalendar::parser::Component, name: &str| {
        let text = value(event, name).unwrap();
        chrono::NaiveDate::parse_from_str(&text, "%Y%m%d").unwrap()
    };
    for event in &yearly {
        assert_eq!(
            day(event, "DTEND") - day(event, "DTSTART"),
            chrono::Duration::days(1),
            "{:?}",
            value(event, "UID")
        );
    }
    let congress = yearly
        .iter()
        .find(|e| value(e, "UID").as_deref() == Some("congress@timeline"))
        .unwrap();
    assert_eq!(value(congress, "DTSTART").as_deref(), Some("19180310"));
    assert_eq!(value(congress, "DTEND").as_deref(), Some("19180311"));
    // Nothing in the file depends on when it was made.
    assert_eq!(run(&["export", "ics"]), text);
}

#[test]
fn markdown_export_is_a_document_by_period() {
    let doc = run(&["export", "markdown"]);
    insta::assert_snapshot!("export_markdown", doc);
}

#[test]
fn csv_and_json_exports_are_the_listings() {
    assert_eq!(run(&["export", "csv"]), run(&["--format", "csv"]));
    assert_eq!(
        run(&["export", "json", "--tag", "war"]),
        run(&["--format", "json", "--tag", "war"])
    );
}

#[test]
fn export_follows_the_filters() {
    let doc = json(&["export", "timelinejs", "--in", "youth"]);
    assert_eq!(ids_of(&doc["events"]), ["birth", "school", "new-year-1899"]);
    let eras = doc["eras"].as_array().unwrap();
    assert_eq!(eras.len(), 1);
    timeline()
        .args(["--file", LIFE, "export", "ics", "--in", "1912"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("dated to the day"));
}

fn ids_of(events: &serde_json::Value) -> Vec<&str> {
    events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["unique_id"].as_str().unwrap())
        .collect()
}

#[test]
fn export_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("life.ics");
    let target = path.to_str().unwrap();
    timeline()
        .args(["--file", LIFE, "export", "ics", "-o", target])
        .assert()
        .success()
        .stdout("");
    let first = std::fs::read_to_string(&path).unwrap();
    assert!(first.starts_with("BEGIN:VCALENDAR\r\n"));

    std::fs::write(&path, "keep me").unwrap();
    timeline()
        .args(["--file", LIFE, "export", "markdown", "-o", target])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("already exists; add --force"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");

    timeline()
        .args([
            "--file", LIFE, "export", "markdown", "-o", target, "--force",
        ])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# Ivan Petrov")
    );

    let missing = dir.path().join("no/such/dir/life.ics");
    timeline()
        .args(["--file", LIFE, "export", "ics", "-o"])
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot write"));
    timeline()
        .args(["--file", LIFE, "export", "ics", "--force"])
        .assert()
        .code(2);
}

// ---- schema, completions, man ----

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&run(&["schema"])).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn yaml(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).unwrap()
}

#[test]
fn the_schema_validates_the_timelines() {
    let validator = validator();
    for file in ["timeline.yaml", LIFE] {
        let document = yaml(&std::fs::read_to_string(file).unwrap());
        let errors: Vec<String> = validator
            .iter_errors(&document)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
}

#[test]
fn the_schema_refuses_what_the_loader_refuses() {
    let validator = validator();
    for bad in [
        "title: t\nevents: []\nextra: 1\n",
        "events: []\n",
        "title: t\nevents:\n  - {id: a, date: 17th of May, title: x}\n",
        "title: t\nevents:\n  - {id: a, date: 1917-10-25, title: x, colour: red}\n",
        "title: t\nstays:\n  - {place: p, from: 1900}\nevents: []\n",
        // Months are 01–12 or seasons 21–24, days 01–31, years never 0000.
        "title: t\nevents:\n  - {id: a, date: 1917-13, title: x}\n",
        "title: t\nevents:\n  - {id: a, date: 1917-00, title: x}\n",
        "title: t\nevents:\n  - {id: a, date: 1917-25, title: x}\n",
        "title: t\nevents:\n  - {id: a, date: 1917-10-32, title: x}\n",
        "title: t\nevents:\n  - {id: a, date: 1917-10-00, title: x}\n",
        "title: t\nevents:\n  - {id: a, date: '1917-22-01', title: x}\n",
        "title: t\nevents:\n  - {id: a, date: '0000', title: x}\n",
        "title: t\nevents:\n  - {id: a, date: 000X, title: x}\n",
        // Ids and titles with something in them; ids of letters, digits, '.', '_' and '-'.
        "title: t\nevents:\n  - {id: '', date: 1917, title: x}\n",
        "title: t\nevents:\n  - {id: a b, date: 1917, title: x}\n",
        "title: t\nevents:\n  - {id: a, date: 1917, title: ''}\n",
        "title: t\nevents:\n  - {id: a, date: 1917, title: '  '}\n",
        "title: ''\nevents: []\n",
        "title: t\npeople:\n  - {id: 'x/y', name: X}\nevents: []\n",
        "title: t\nevents:\n  - {id: a, date: 1917, title: x, people: ['']}\n",
    ] {
        assert!(!validator.is_valid(&yaml(bad)), "{bad}");
    }
    let good = "title: t\nevents:\n  - {id: a, date: 1917-10-25 O.S./1918~, title: x}\n  - {id: b, date: 191X, title: why}\n  - {id: c, date: 1902, title: z}\n  - {id: d.e_f-1, date: 1919-24%/1920-12-31?, title: w}\n  - {id: g, date: 19XX, title: v}\n";
    assert!(validator.is_valid(&yaml(good)));
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = run(&["completions", shell]);
        // The dynamic engine's script: the shell calls back into the binary for the candidates
        // (tests/integration/completion.rs and tests/clients/completion.sh run them).
        assert!(
            script.contains(&format!("COMPLETE=\"{shell}\""))
                || script.contains(&format!("COMPLETE={shell}"))
                || script.contains(&format!("\"{shell}\"")),
            "{shell}: {script}"
        );
    }
}

#[test]
fn man_page_names_the_subcommands() {
    let page = run(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH timeline"),
        "{page}"
    );
    for word in ["chart", "stats", "on", "export", "schema"] {
        assert!(page.contains(word), "man lacks {word}");
    }
}

#[test]
fn closed_pipes_end_quietly() {
    // `timeline completions bash | head -1`: clap_complete panics when a write fails, so the
    // script is made in memory first. A pipe whose reader is gone fails every write.
    for args in [
        &["completions", "bash"][..],
        &["man"],
        &["schema"],
        &["chart"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin!("timeline"))
            .args(args)
            .stdout(writer)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}");
        assert!(
            output.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
