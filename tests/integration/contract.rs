//! The contract every view keeps, checked by driving the binary: a flag shapes the view or is
//! refused with exit 2 naming it, and one question (how many events in a period, which events
//! match) gets one answer in every view and format.

use crate::common;

use assert_cmd::Command;
use clap::CommandFactory;

/// The binary with a clean environment and the embedded timeline.
fn timeline() -> Command {
    common::clean()
}

fn run(args: &[&str]) -> std::process::Output {
    timeline().args(args).output().unwrap()
}

fn stdout(args: &[&str]) -> String {
    common::success(timeline().args(args))
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&stdout(&all)).unwrap()
}

fn lines(args: &[&str]) -> usize {
    stdout(args).lines().count()
}

/// Every flag of the program but the global ones, with a value that is valid for it.
const FLAGS: &[&[&str]] = &[
    &["--from", "1917"],
    &["--to", "1921"],
    &["--in", "1917"],
    &["--place", "Petrograd"],
    &["--person", "Lenin"],
    &["--with", "Lenin"],
    &["--tag", "war"],
    &["--search", "Brest"],
    &["--key"],
    &["--certain", "--in", "1917"],
    &["--limit", "2"],
    &["--reverse"],
    &["--format", "json"],
    &["--width", "100"],
    &["--ascii"],
];

/// Each subcommand with the arguments it needs.
const COMMANDS: &[&[&str]] = &[
    &["who"],
    &["who", "Lenin"],
    &["where"],
    &["where", "Petrograd"],
    &["periods"],
    &["stays"],
    &["show", "birth"],
    &["check"],
    &["chart"],
    &["stats"],
    &["on", "11-07", "--today", "2026-12-01"],
    &["around", "1917-11-07"],
    &["tags"],
    &["export", "json"],
    &["schema"],
    &["completions", "bash"],
    &["man"],
];

/// Flags a command takes with values of its own: (command, flag, a value valid for it). Given
/// before the command's name they are the event list's, and refused naming the command's own.
const OWN_VALUES: &[(&str, &str, &str)] = &[("chart", "--format", "svg")];

#[test]
fn every_flag_on_every_command_is_honoured_or_refused_naming_the_command() {
    let cli = timeline::cli::Cli::command();
    for command in COMMANDS {
        let name = command[0];
        let sub = cli.find_subcommand(name).unwrap();
        for flag in FLAGS {
            let long = flag[0].trim_start_matches('-');
            let takes = sub.get_arguments().any(|a| a.get_long() == Some(long));
            if let Some(&(_, _, value)) = OWN_VALUES
                .iter()
                .find(|(command, own, _)| *command == name && *own == flag[0])
            {
                let after: Vec<&str> = command.iter().copied().chain([flag[0], value]).collect();
                let output = run(&after);
                let stderr = String::from_utf8_lossy(&output.stderr);
                assert_ne!(output.status.code(), Some(2), "{after:?}: {stderr}");
                let before: Vec<&str> = flag.iter().chain(*command).copied().collect();
                let output = run(&before);
                let stderr = String::from_utf8_lossy(&output.stderr);
                assert_eq!(output.status.code(), Some(2), "{before:?} was not refused");
                assert!(
                    stderr.contains(&format!("`timeline {name}` takes a {} of its own", flag[0])),
                    "{before:?}: {stderr}"
                );
                continue;
            }
            for args in [
                // After the command's name, and before it.
                command.iter().chain(*flag).copied().collect::<Vec<_>>(),
                flag.iter().chain(*command).copied().collect(),
            ] {
                let output = run(&args);
                let stderr = String::from_utf8_lossy(&output.stderr);
                if takes {
                    assert_ne!(output.status.code(), Some(2), "{args:?}: {stderr}");
                } else {
                    assert_eq!(output.status.code(), Some(2), "{args:?} was not refused");
                    assert!(
                        stderr.contains(&format!("`timeline {name}` does not take {}", flag[0])),
                        "{args:?}: {stderr}"
                    );
                }
            }
            // A command's help lists exactly the flags it takes.
            let help = stdout(&[name, "--help"]);
            let listed = help.lines().any(|l| {
                let l = l.trim_start();
                l.starts_with(&format!("--{long}")) || l.contains(&format!(", --{long}"))
            });
            assert_eq!(listed, takes, "{name} --help, --{long}");
        }
    }
}

#[test]
fn file_and_color_go_before_or_after_any_command() {
    let check = stdout(&["check", "--file", "tests/fixtures/small.yaml"]);
    assert!(
        check.starts_with("tests/fixtures/small.yaml: ok:"),
        "{check}"
    );
    let check = stdout(&["--file", "tests/fixtures/small.yaml", "check"]);
    assert!(
        check.starts_with("tests/fixtures/small.yaml: ok:"),
        "{check}"
    );
    for command in COMMANDS {
        let mut args = command.to_vec();
        args.extend(["--color", "never"]);
        assert!(run(&args).status.success(), "{args:?}");
    }
}

#[test]
fn a_flag_given_twice_is_an_error() {
    let output = run(&["--from", "1917", "who", "--from", "1918"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--from is given twice"));
}

#[test]
fn width_and_ascii_ask_for_a_table_and_are_refused_with_a_data_format() {
    // In a pipe the default is plain lines; --width asks for the table it shapes.
    assert!(stdout(&["--width", "100"]).contains('╭'));
    assert!(stdout(&["--ascii"]).contains("+--"));
    for args in [
        &["--width", "100", "--format", "json"][..],
        &["--ascii", "--format", "plain"],
        &["stats", "--width", "90", "--format", "csv"],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("shapes a table"));
    }
}

#[test]
fn anniversaries_are_refused_outside_ics() {
    let output = run(&["export", "csv", "--anniversaries"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("export ics"));
}

#[test]
fn who_where_and_periods_without_a_name_honour_the_filters_and_the_list_flags() {
    let everyone = lines(&["who"]);
    let in_1917 = lines(&["who", "--in", "1917"]);
    assert!(0 < in_1917 && in_1917 < everyone, "{in_1917} of {everyone}");
    // Each person's count is their events within the filters.
    for line in stdout(&["who", "--in", "1917"]).lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let events = lines(&["--in", "1917", "--person", fields[1]]);
        let counted: usize = fields[3].parse().unwrap();
        // A name can match namesakes, whose events add up; never fewer than the count.
        assert!(counted <= events, "{line}: {events} listed");
    }
    assert_eq!(lines(&["who", "--limit", "3"]), 3);
    let people = stdout(&["who"]);
    let reversed = stdout(&["who", "--reverse"]);
    assert_eq!(
        people.lines().rev().collect::<Vec<_>>(),
        reversed.lines().collect::<Vec<_>>()
    );
    assert!(lines(&["where", "--in", "1917"]) < lines(&["where"]));
    assert_eq!(lines(&["where", "--limit", "4"]), 4);
    assert_eq!(lines(&["periods", "--limit", "2"]), 2);
    let periods_1917 = stdout(&["periods", "--in", "1917"]);
    assert!(periods_1917.lines().count() < lines(&["periods"]));
    for line in periods_1917.lines() {
        let start = line.split('\t').nth(1).unwrap();
        assert!(start <= "1917-12-31", "{line}");
    }
}

#[test]
fn who_name_counts_within_the_filters() {
    let cards = json(&["who", "Kamenev", "--in", "1917"]);
    let events = cards["events"].as_array().unwrap().len();
    let sum: u64 = cards["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["events"].as_u64().unwrap())
        .sum();
    assert!(sum >= events as u64 && events > 0, "{sum} vs {events}");
    let limited = json(&["who", "Kamenev", "--limit", "1"]);
    assert_eq!(limited["events"].as_array().unwrap().len(), 1);
}

/// The count a chart's title gives of the events it was asked to draw: "310 of 316 events" → 316.
fn chart_count(args: &[&str]) -> usize {
    let chart = stdout(&[&["chart"], args].concat());
    let title = chart.lines().next().unwrap().to_string();
    let words = title.rsplit(" · ").next().unwrap();
    let words: Vec<&str> = words.split_whitespace().collect();
    let n = if words[1] == "of" { words[2] } else { words[0] };
    n.parse().unwrap_or_else(|_| panic!("{title}"))
}

#[test]
fn every_period_has_one_count_in_every_view() {
    let periods = json(&["periods"]);
    let stats_total = |args: &[&str]| -> u64 {
        json(&[&["stats"], args].concat())["events"]
            .as_u64()
            .unwrap()
    };
    for period in periods.as_array().unwrap() {
        let id = period["id"].as_str().unwrap();
        let counted = period["events"].as_u64().unwrap() as usize;
        let listed = lines(&["--in", id]);
        assert_eq!(counted, listed, "periods vs --in {id}");
        assert_eq!(
            stats_total(&["--in", id]) as usize,
            listed,
            "stats --in {id}"
        );
        assert_eq!(chart_count(&["--in", id]), listed, "chart --in {id}");
        let in_stats = json(&["stats", "--in", id])["periods"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["key"] == id)
            .map(|c| c["events"].as_u64().unwrap());
        assert_eq!(in_stats, Some(listed as u64), "stats' own line for {id}");
        // Every listed event names the period in JSON.
        for event in json(&["--in", id]).as_array().unwrap() {
            let ids: Vec<&str> = event["periods"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap())
                .collect();
            assert!(ids.contains(&id), "{} lacks {id}", event["id"]);
        }
    }
}

#[test]
fn the_whole_life_chart_counts_every_event_and_says_what_it_leaves_off() {
    let all = lines(&[]);
    assert_eq!(chart_count(&[]), all);
    let chart = stdout(&["chart"]);
    let mut lines = chart.lines();
    let title = lines.next().unwrap();
    if !title.ends_with(&format!(" · {all} events")) {
        assert!(title.ends_with(&format!(" of {all} events")), "{title}");
        let note = lines.next().unwrap();
        assert!(note.starts_with("Not drawn: "), "{chart}");
    }
}

#[test]
fn plain_event_lines_have_one_layout_in_every_view() {
    // ISO start, date words, title, place, people, tags, id — then what a view adds.
    let list = stdout(&["--in", "1917"]);
    let first = list.lines().next().unwrap();
    let who = stdout(&["who", "Lenin", "--in", "1917"]);
    let on = stdout(&["on", "11-07", "--today", "2026-12-01"]);
    for line in list.lines().chain(who.lines()) {
        assert_eq!(line.split('\t').count(), 7, "{line}");
    }
    for line in on.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        // ... then years ago, the anniversary and the calendar that matched (new or old).
        assert_eq!(fields.len(), 10, "{line}");
        assert!(matches!(fields[9], "new" | "old"), "{line}");
        assert!(
            fields[0].len() == 10 && fields[0].as_bytes()[4] == b'-',
            "{line}"
        );
        assert!(
            fields[7].parse::<i32>().is_ok(),
            "years ago after the event: {line}"
        );
    }
    assert!(first.split('\t').next().unwrap() <= "1917-12-31");
}

#[test]
fn words_typed_where_a_command_goes_get_a_way_forward() {
    for (word, way) in [
        ("brest", "timeline --search brest"),
        ("1917", "timeline --in 1917"),
        ("Kamenev", "timeline who Kamenev"),
        ("petrograd", "timeline where petrograd"),
        ("testament lenin", "timeline --search 'testament lenin'"),
    ] {
        let output = run(&[word]);
        assert_eq!(output.status.code(), Some(2), "{word}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!("`{word}` is not a command")),
            "{stderr}"
        );
        assert!(stderr.contains(way), "{word}: {stderr}");
    }
    // A typo of a command keeps clap's own hint.
    let stderr = String::from_utf8(run(&["whoo"]).stderr).unwrap();
    assert!(
        stderr.contains("a similar subcommand exists: 'who'"),
        "{stderr}"
    );
}

#[test]
fn repeated_flags_mean_any_of_and_with_means_together() {
    let exile = lines(&["--tag", "exile"]);
    let prison = lines(&["--tag", "prison"]);
    let either = lines(&["--tag", "exile", "--tag", "prison"]);
    assert!(either > exile.max(prison) && either <= exile + prison);
    let lenin = lines(&["--person", "Lenin"]);
    let stalin = lines(&["-p", "Stalin"]);
    let any = lines(&["--person", "Lenin", "--person", "Stalin"]);
    assert!(any > lenin.max(stalin) && any <= lenin + stalin);
    // --with: only events with both; in who, what the two did together.
    let together = stdout(&["who", "Kamenev", "--with", "Zinoviev"]);
    assert!(!together.is_empty());
    for line in together.lines() {
        assert!(
            line.contains("Zinoviev") && line.contains("Kamenev"),
            "{line}"
        );
    }
    assert!(together.lines().count() < lines(&["who", "Kamenev"]));
    assert_eq!(
        stdout(&["--with", "Kamenev", "--with", "Zinoviev"]),
        stdout(&["--person", "Kamenev", "--with", "Zinoviev"])
    );
}

#[test]
fn unknown_tags_and_periods_name_the_closest() {
    let output = run(&["--tag", "exil"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "timeline: no tag `exil`; did you mean `exile`?\n"
    );
    let output = run(&["--in", "civilwar"]);
    // A period that is not there is a name that finds nothing, as a tag: exit 1 (tests/truth.rs).
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("did you mean `civil-war`?"), "{stderr}");
    assert!(!stderr.contains("childhood"), "not every period: {stderr}");
}

#[test]
fn tags_lists_the_vocabulary_with_counts_that_match_the_listing() {
    let tags = stdout(&["tags"]);
    assert!(tags.lines().count() >= 10);
    for line in tags.lines() {
        let (tag, count) = line.split_once('\t').unwrap();
        assert_eq!(
            lines(&["--tag", tag]),
            count.parse::<usize>().unwrap(),
            "{tag}"
        );
    }
    // stats shows every tag, with the same counts.
    let stats = json(&["stats"]);
    assert_eq!(
        stats["tags"].as_array().unwrap().len(),
        tags.lines().count()
    );
    let first = tags.lines().next().unwrap();
    assert!(stdout(&["tags", "--in", "1917", "-n", "1"]).lines().count() == 1);
    assert!(json(&["tags"])[0]["tag"].as_str().is_some(), "{first}");
}

/// The event column's text on each line of a table: what lies between the last inner border and
/// the outer one.
fn event_cells(table: &str) -> Vec<String> {
    table
        .lines()
        .filter_map(|l| {
            let inner = l.rfind('┆')?;
            let end = l.rfind('│')?;
            // One space of padding on each side; the indent of a wrapped line stays.
            (end > inner).then(|| {
                let cell = &l[inner + '┆'.len_utf8()..end];
                cell.strip_prefix(' ')
                    .unwrap_or(cell)
                    .trim_end()
                    .to_string()
            })
        })
        .collect()
}

#[test]
fn wrapped_tables_never_split_a_name_and_mark_the_place_and_people_line() {
    let people: Vec<String> = json(&["who"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .filter(|n| n.contains(' '))
        .collect();
    for width in ["50", "80"] {
        let table = stdout(&["--format", "table", "--color", "never", "--width", width]);
        let cells = event_cells(&table);
        // The place and people lines: the marked one and the indented ones that continue it.
        for pair in cells.windows(2).filter(|p| {
            (p[0].starts_with("↳ ") || p[0].starts_with("  ")) && p[1].starts_with("  ")
        }) {
            for name in &people {
                let words: Vec<&str> = name.split(' ').collect();
                for k in 1..words.len() {
                    let (head, tail) = (words[..k].join(" "), words[k..].join(" "));
                    assert!(
                        !(pair[0].ends_with(&head) && pair[1].trim_start().starts_with(&tail)),
                        "{name} split at {width} columns:\n{}\n{}",
                        pair[0],
                        pair[1]
                    );
                }
            }
        }
        // Every place and people line starts with its mark: it never reads as the title's end.
        let marked = cells.iter().filter(|c| c.starts_with("↳ ")).count();
        let with_context = json(&[])
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["place"].is_string() || !e["people"].as_array().unwrap().is_empty())
            .count();
        assert_eq!(marked, with_context, "at {width} columns");
    }
}

#[test]
fn a_wide_table_shows_the_ids_that_show_takes() {
    let wide = stdout(&[
        "--in", "1905", "--format", "table", "--color", "never", "--width", "150",
    ]);
    assert!(wide.lines().nth(1).unwrap().contains("┆ Id"), "{wide}");
    for event in json(&["--in", "1905"]).as_array().unwrap() {
        let id = event["id"].as_str().unwrap();
        assert!(
            wide.contains(&format!("┆ {id} ")),
            "{id} not whole in:\n{wide}"
        );
        assert!(run(&["show", id]).status.success());
    }
    let narrower = stdout(&[
        "--in", "1905", "--format", "table", "--color", "never", "--width", "120",
    ]);
    assert!(!narrower.lines().nth(1).unwrap().contains("┆ Id"));
}
