//! Time as a historian asks about it: certain and possible events in the dates asked for (one
//! answer in the list's every format, stats, chart and periods), both calendars on a day, and
//! the date queries people type (repeated `--in`, quarters, month names, all of several tags).

use crate::common::{clean, json_ids, success};

fn stdout(args: &[&str]) -> String {
    success(clean().args(args))
}

fn json(args: &[&str]) -> serde_json::Value {
    let all = [args, &["--format", "json"]].concat();
    serde_json::from_str(&stdout(&all)).unwrap()
}

fn exit_code(args: &[&str]) -> (Option<i32>, String) {
    let output = clean().args(args).output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The ids of the plain lines, and those whose date is marked as only possibly in the window.
fn plain(args: &[&str]) -> (Vec<String>, Vec<String>) {
    let text = stdout(&[args, &["--format", "plain"]].concat());
    let mut ids = Vec::new();
    let mut possible = Vec::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let id = fields[6].to_string();
        if fields[1].starts_with('~') {
            possible.push(id.clone());
        }
        ids.push(id);
    }
    (ids, possible)
}

/// The ids of the CSV rows, and those whose `certain` column is false.
fn csv(args: &[&str]) -> (Vec<String>, Vec<String>) {
    let text = stdout(&[args, &["--format", "csv"]].concat());
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id, certain) = (at("id"), at("certain"));
    let mut ids = Vec::new();
    let mut possible = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        ids.push(record[id].to_string());
        match &record[certain] {
            "true" => {}
            "false" => possible.push(record[id].to_string()),
            other => panic!("certain is `{other}`"),
        }
    }
    (ids, possible)
}

/// The count a chart's title gives: "310 of 316 events …" → 316.
fn chart_count(args: &[&str]) -> usize {
    let chart = stdout(&[&["chart"], args].concat());
    let title = chart.lines().next().unwrap().to_string();
    let words: Vec<&str> = title.rsplit(" · ").next().unwrap().split(' ').collect();
    let n = if words[1] == "of" { words[2] } else { words[0] };
    n.parse().unwrap_or_else(|_| panic!("{title}"))
}

#[test]
fn april_1917_certainly_is_the_months_events_and_possibly_the_coarser_ones() {
    let april = ["--from", "1917-04", "--to", "1917-04"];
    let certain = json(&[&april[..], &["--certain"]].concat());
    let certain = json_ids(&certain);
    for coarse in [
        "non-factional",
        "expropriations-dispute",
        "first-politburo-1917",
    ] {
        assert!(
            !certain.contains(&coarse),
            "{coarse} is no April 1917 event"
        );
    }
    assert!(certain.contains(&"amherst-release"), "{certain:?}");
    // Without --certain they are listed, marked as only possibly in April.
    let (ids, possible) = plain(&april);
    for coarse in [
        "non-factional",
        "expropriations-dispute",
        "first-politburo-1917",
    ] {
        assert!(ids.iter().any(|i| i == coarse) && possible.iter().any(|i| i == coarse));
    }
    let kept: Vec<&String> = ids.iter().filter(|i| !possible.contains(i)).collect();
    assert_eq!(kept, certain, "the unmarked lines are the --certain list");
    // The table marks them too.
    let table = stdout(&[&april[..], &["--format", "table", "--width", "160"]].concat());
    assert!(table.contains("~1917"), "{table}");
}

#[test]
fn certain_and_possible_read_the_same_in_every_format_and_count() {
    for window in [
        &["--from", "1917-04", "--to", "1917-04"][..],
        &["--in", "1917"],
        &["--in", "1917q4"],
        &["--from", "Oct 1917", "--to", "Nov 1917"],
        &["--in", "1905", "--in", "civil-war"],
    ] {
        let (ids, possible) = plain(window);
        let rows = json(window);
        let json_possible: Vec<&str> = rows
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| !r["certain"].as_bool().unwrap())
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(json_ids(&rows), ids, "{window:?}: plain and JSON");
        assert_eq!(json_possible, possible, "{window:?}: JSON's certain");
        assert_eq!(
            csv(window),
            (ids.clone(), possible.clone()),
            "{window:?}: CSV"
        );
        let ndjson = stdout(&[window, &["--format", "ndjson"]].concat());
        assert_eq!(ndjson.lines().count(), ids.len(), "{window:?}: NDJSON");
        for (args, listed) in [
            (window.to_vec(), ids.len()),
            (
                [window, &["--certain"]].concat(),
                ids.len() - possible.len(),
            ),
        ] {
            let stats = json(&[&["stats"], &args[..]].concat());
            assert_eq!(stats["events"].as_u64(), Some(listed as u64), "{args:?}");
            let rule = if args.contains(&"--certain") {
                "certain"
            } else {
                "overlap"
            };
            assert_eq!(stats["rule"], rule, "{args:?}");
            assert_eq!(chart_count(&args), listed, "chart {args:?}");
            assert_eq!(json(&args).as_array().unwrap().len(), listed, "{args:?}");
        }
    }
}

#[test]
fn periods_count_by_the_rule_the_list_uses() {
    let window = ["--from", "1917", "--to", "1918"];
    for certain in [false, true] {
        let mut args = window.to_vec();
        if certain {
            args.push("--certain");
        }
        let periods = json(&[&["periods"], &args[..]].concat());
        let stats = json(&[&["stats"], &args[..]].concat());
        for period in periods.as_array().unwrap() {
            let id = period["id"].as_str().unwrap();
            assert_eq!(
                period["counted"],
                if certain { "certain" } else { "overlap" }
            );
            let listed = json(&[&args[..], &["--in", id]].concat());
            let listed = listed.as_array().unwrap().len() as u64;
            assert_eq!(period["events"].as_u64(), Some(listed), "{id} {args:?}");
            let in_stats = stats["periods"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["key"] == id)
                .map_or(0, |c| c["events"].as_u64().unwrap());
            assert_eq!(in_stats, listed, "stats' {id} {args:?}");
        }
    }
}

#[test]
fn certain_without_dates_and_an_empty_search_are_refused() {
    for args in [
        &["--certain"][..],
        &["stats", "--certain"],
        &["periods", "--certain", "--tag", "war"],
        &["--search", ""],
        &["--search", "   "],
        &["who", "--search", ""],
        &["--in", ""],
        &["--from", "Octember 1917"],
    ] {
        let (code, stderr) = exit_code(args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
    }
    // A word --in cannot read is a period it does not know, as everywhere (exit 1).
    let (code, stderr) = exit_code(&["--in", "1917q5"]);
    assert_eq!(code, Some(1), "{stderr}");
    let (code, stderr) = exit_code(&["around", "1917-11-07", "--certain"]);
    assert_eq!(code, Some(2), "around keeps its own window: {stderr}");
}

#[test]
fn in_repeats_and_reads_quarters_and_month_names() {
    let ids = |args: &[&str]| -> Vec<String> {
        json_ids(&json(args))
            .into_iter()
            .map(String::from)
            .collect()
    };
    let quarter = ids(&["--in", "1917q4"]);
    assert!(!quarter.is_empty());
    for same in [
        &["--from", "1917-10", "--to", "1917-12"][..],
        &["--from", "Oct 1917", "--to", "Dec 1917"],
        &["--from", "October 1917", "--to", "december 1917"],
        &["--in", "Oct 1917", "--in", "Nov 1917", "--in", "Dec 1917"],
    ] {
        assert_eq!(ids(same), quarter, "{same:?}");
    }
    // Repeated, --in keeps the events of any of them, in date order, each once.
    let (a, b) = (ids(&["--in", "1905"]), ids(&["--in", "civil-war"]));
    let both = ids(&["--in", "1905", "--in", "civil-war"]);
    assert!(a.iter().chain(&b).all(|id| both.contains(id)));
    assert!(both.iter().all(|id| a.contains(id) || b.contains(id)));
    assert_eq!(ids(&["--in", "civil-war", "--in", "1905"]), both);
    // --from/--to cut each window.
    let cut = ids(&["--in", "1905", "--in", "civil-war", "--to", "1910"]);
    assert_eq!(cut, ids(&["--in", "1905", "--to", "1910"]));
}

#[test]
fn tags_joined_by_plus_ask_for_all_of_them() {
    let ids = |args: &[&str]| -> Vec<String> {
        json_ids(&json(args))
            .into_iter()
            .map(String::from)
            .collect()
    };
    let family = ids(&["--tag", "family"]);
    let death = ids(&["--tag", "death"]);
    let both = ids(&["--tag", "family+death"]);
    assert!(both.len() >= 5, "{both:?}");
    let expected: Vec<String> = family.into_iter().filter(|i| death.contains(i)).collect();
    assert_eq!(both, expected);
    // Any of several groups, as a repeated --tag is.
    let either = ids(&["--tag", "family+death", "--tag", "trial"]);
    assert!(both.iter().all(|id| either.contains(id)) && either.len() > both.len());
    let (code, stderr) = exit_code(&["--tag", "family+deth"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("`death`"), "{stderr}");
}

#[test]
fn on_a_day_finds_events_by_either_calendar_and_says_which() {
    let day = |args: &[&str]| json(&[&["on"], args, &["--today", "2025-06-01"]].concat());
    let rising = |rows: &serde_json::Value| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == "october-uprising")
            .map(|r| r["calendar"].as_str().unwrap().to_string())
    };
    assert_eq!(rising(&day(&["10-25"])).as_deref(), Some("old"));
    assert_eq!(rising(&day(&["11-07"])).as_deref(), Some("new"));
    assert_eq!(
        rising(&day(&["10-25", "--calendar", "old"])).as_deref(),
        Some("old")
    );
    let (code, _) = exit_code(&["on", "11-07", "--calendar", "old", "--today", "2025-06-01"]);
    assert_eq!(code, Some(1), "no Old Style event falls on 7 Nov");
    // Plain lines end in the calendar that matched.
    let plain = stdout(&["on", "10-25", "--today", "2025-06-01", "--format", "plain"]);
    assert!(
        plain
            .lines()
            .any(|l| l.contains("october-uprising") && l.ends_with("\told")),
        "{plain}"
    );
    // Narrowed to a calendar that finds nothing, the other one's answer is named.
    let (code, stderr) = exit_code(&["on", "10-25", "--today", "2025-06-01", "--calendar", "new"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("--calendar old"), "{stderr}");
    // The CSV carries it too.
    let csv = stdout(&["on", "10-25", "--today", "2025-06-01", "--format", "csv"]);
    assert!(csv.lines().next().unwrap().ends_with(",calendar"), "{csv}");
}

#[test]
fn around_keeps_what_was_going_on_apart_from_what_may_have_happened() {
    let around = json(&["around", "1917-11-07"]);
    let ids = |key: &str| -> Vec<String> {
        json_ids(&around[key])
            .into_iter()
            .map(String::from)
            .collect()
    };
    let (events, ongoing) = (ids("events"), ids("ongoing"));
    assert!(
        ongoing.contains(&"joffe-friendship".to_string()),
        "{ongoing:?}"
    );
    assert!(!ongoing.contains(&"first-politburo-1917".to_string()));
    let politburo = around["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "first-politburo-1917")
        .expect("a year-dated event may have happened in the window");
    assert_eq!(politburo["certain"], false);
    let uprising = around["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "october-uprising")
        .unwrap();
    assert_eq!(uprising["certain"], true);
    assert!(events.len() > 3);
}

#[test]
fn an_event_after_another_is_never_listed_before_it() {
    let timeline = timeline::load::load(&timeline::load::Source::embedded()).unwrap();
    let follows: Vec<(String, String)> = timeline
        .events
        .iter()
        .filter_map(|e| Some((e.id.clone(), e.after.as_ref()?.id.clone())))
        .collect();
    assert!(follows.len() >= 10, "{follows:?}");
    // In the list, in every format's order, and in reverse the other way round.
    let order = json_ids(&json(&[]))
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    let position = |id: &str| order.iter().position(|i| i == id).unwrap();
    for (event, earlier) in &follows {
        assert!(
            position(earlier) < position(event),
            "{event} is listed before {earlier}"
        );
    }
    let (plain_order, _) = plain(&[]);
    assert_eq!(plain_order, order);
    // The commissariat "c. Nov 1917" follows the rising of 7–8 Nov; its date stays as written.
    let november = json(&["--in", "Nov 1917", "--certain"]);
    let ids = json_ids(&november);
    let at = |id: &str| ids.iter().position(|i| *i == id).unwrap();
    assert!(at("october-uprising") < at("foreign-affairs-commissar"));
    let commissar = &november[at("foreign-affairs-commissar")];
    assert_eq!(
        (commissar["date"].as_str(), commissar["start"].as_str()),
        (Some("c. Nov 1917"), Some("1917-11-01"))
    );
    // Its first day is what ranges see: it cannot be before the rising.
    let early = json_ids(&json(&["--from", "1917-11-01", "--to", "1917-11-06"])).join(" ");
    assert!(!early.contains("foreign-affairs-commissar"), "{early}");
}

#[test]
fn check_reports_every_wrong_after_at_its_line() {
    let dir = std::env::temp_dir().join(format!("timeline-after-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("after.yaml");
    std::fs::write(
        &file,
        "title: T\nevents:\n\
         - {id: a, date: '1917-11-07', title: A}\n\
         - {id: b, date: '1917-11', title: B, after: a}\n\
         - {id: c, date: '1917-11', title: C, after: aa}\n\
         - {id: d, date: '1917-11', title: D, after: d}\n\
         - {id: e, date: '1917-11', title: E, after: f}\n\
         - {id: f, date: '1917-11', title: F, after: e}\n\
         - {id: g, date: '1917-10', title: G, after: a}\n",
    )
    .unwrap();
    let output = clean().arg("check").arg(&file).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    for (line, words) in [
        (5, "unknown event `aa`"),
        (6, "cannot come `after:` itself"),
        (8, "circle"),
        (9, "cannot begin before 1917-11-07"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(&format!(":{line}:")) && l.contains(words)),
            "line {line}, {words}: {stderr}"
        );
    }
    assert!(!stderr.contains(":4:"), "b after a is right: {stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn repeated_windows_merge_so_certain_means_within_their_union_and_stays_cheap() {
    let quarters = [
        "--in", "1917q1", "--in", "1917q3", "--in", "1917q2", "--in", "1917q4",
    ];
    for extra in [&[][..], &["--certain"]] {
        assert_eq!(
            json_ids(&json(&[&quarters[..], extra].concat())),
            json_ids(&json(&[&["--in", "1917"][..], extra].concat())),
            "{extra:?}"
        );
    }
    // Twenty thousand windows cost a sort, not a scan per event.
    let mut args: Vec<String> = Vec::new();
    for i in 0..20_000 {
        args.push("--in".into());
        args.push(format!("{}", 1879 + i % 62));
    }
    args.extend(["--certain", "--format", "json"].map(String::from));
    let started = std::time::Instant::now();
    let rows: serde_json::Value = serde_json::from_str(&stdout(
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    ))
    .unwrap();
    assert!(started.elapsed() < crate::common::HANG_GUARD);
    assert_eq!(
        json_ids(&rows),
        json_ids(&json(&["--from", "1879", "--to", "1940", "--certain"]))
    );
}

#[test]
fn show_names_the_event_it_comes_after_in_every_format() {
    let id = "foreign-affairs-commissar";
    let detail = json(&["show", id]);
    assert_eq!(detail["after"]["id"], "october-uprising", "{detail}");
    let uprising = json(&["show", "october-uprising"]);
    assert_eq!(detail["after"]["title"], uprising["title"]);
    assert!(uprising.get("after").is_none(), "{uprising}");
    let plain = stdout(&["show", id, "--format", "plain"]);
    assert!(
        plain.lines().any(|l| l == "after\toctober-uprising"),
        "{plain}"
    );
    let table = stdout(&["show", id, "--width", "100"]);
    assert!(
        table.contains("After") && table.contains("(october-uprising)"),
        "{table}"
    );
    let markdown = stdout(&["show", id, "--format", "markdown"]);
    assert!(
        markdown.contains("- **After:** Led the successful uprising"),
        "{markdown}"
    );
}
