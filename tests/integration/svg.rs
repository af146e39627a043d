//! `timeline chart --format svg` as a reader meets it: a well-formed SVG page (parsed by
//! roxmltree) sized for A4 landscape with no text under 9 pt, every key event labelled with its
//! date, the filters shaping it as they shape the terminal chart, text from the file escaped,
//! and the flags it cannot honour refused. (tests/clients/svg.sh renders it in Chromium and
//! measures the labels.)

use crate::common;

const KEYED: &str = "tests/fixtures/key-events.yaml";

fn svg(args: &[&str]) -> String {
    let mut all = vec!["chart", "--format", "svg"];
    all.extend(args);
    common::success(common::clean().args(&all).timeout(common::HANG_GUARD))
}

/// The texts of the elements of `class` (a `<title>` tooltip left out).
fn texts(document: &roxmltree::Document, class: &str) -> Vec<String> {
    document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split(' ').any(|c| c == class))
        })
        .map(|n| {
            n.descendants()
                .filter(|t| t.is_text() && !t.ancestors().any(|a| a.has_tag_name("title")))
                .filter_map(|t| t.text())
                .collect()
        })
        .collect()
}

/// The tooltips of the key-event labels: each one's whole title and date.
fn key_tooltips(document: &roxmltree::Document) -> Vec<String> {
    document
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("class") == Some("label key"))
        .filter_map(|n| n.children().find(|c| c.has_tag_name("title")))
        .filter_map(|t| t.text().map(str::to_string))
        .collect()
}

fn parse(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not well-formed XML: {e}"))
}

#[test]
fn the_picture_is_well_formed_svg_for_an_a4_landscape_page() {
    for args in [
        &[][..],
        &["--in", "civil-war"],
        &["--file", KEYED],
        &["--file", "tests/fixtures/views-life.yaml"],
    ] {
        let text = svg(args);
        let document = parse(&text);
        let root = document.root_element();
        assert_eq!(root.tag_name().name(), "svg", "{args:?}");
        assert_eq!(root.attribute("viewBox"), Some("0 0 842 595"), "{args:?}");
        assert_eq!(root.attribute("width"), Some("297mm"));
        assert_eq!(root.attribute("height"), Some("210mm"));
        // The viewBox is in points: every text is 9 pt or more on paper.
        for node in document.descendants().filter(|n| n.has_tag_name("text")) {
            let size: f64 = node.attribute("font-size").unwrap().parse().unwrap();
            assert!(size >= 9.0, "{args:?}: {size} pt");
        }
    }
}

#[test]
fn every_key_event_is_labelled_with_its_title_and_date() {
    let text = svg(&["--file", KEYED]);
    let document = parse(&text);
    let tooltips = key_tooltips(&document);
    let key_events = [
        ("Born in Oldtown", "10 Feb 1850"),
        ("Moved to the city & <started> work", "1880"),
        ("Married \"Sam\" ]]> at the city's hall", "2 May 1881"),
        ("A first child", "Mar 1882"),
        ("A second child", "Jul 1883"),
        ("Opened a shop on the main street of the city", "1884"),
        ("The shop burned down </svg> and was rebuilt", "12 Jan 1885"),
        ("Went back to Newtown", "1905"),
        ("港町へ移った (moved to the port)", "Aug 1914"),
        ("Heard of the armistice", "11 Nov 1918"),
        ("Rang the bells", "11 Nov 1918"),
        ("Died in the city", "30 Nov 1920"),
    ];
    assert_eq!(tooltips.len(), key_events.len(), "{tooltips:#?}");
    for (title, date) in key_events {
        assert!(
            tooltips.contains(&format!("{title}, {date}")),
            "{title}: {tooltips:#?}"
        );
    }
    // Each label shows the date (the title may be cut to its room).
    let labels = texts(&document, "label");
    for (_, date) in key_events {
        assert!(
            labels.iter().any(|l| l.ends_with(&format!(", {date}"))),
            "{date}: {labels:#?}"
        );
    }
    // The events that are not key have no label, and nothing says some did not fit.
    assert!(!tooltips.iter().any(|t| t.starts_with("Went to school")));
    assert!(!text.contains("No room"), "{text}");
}

#[test]
fn without_key_events_nothing_is_labelled_and_the_page_says_why() {
    let text = svg(&["--file", "tests/fixtures/views-life.yaml"]);
    let document = parse(&text);
    assert!(key_tooltips(&document).is_empty());
    let notes = texts(&document, "note");
    assert!(notes.iter().any(|n| n.contains("key: true")), "{notes:#?}");
    // A few events and no key event among them: each is labelled.
    let text = svg(&[
        "--file",
        "tests/fixtures/views-life.yaml",
        "--tag",
        "family",
    ]);
    let labelled = key_tooltips(&parse(&text)).len();
    let listed = common::plain_ids(common::clean().args([
        "--file",
        "tests/fixtures/views-life.yaml",
        "--tag",
        "family",
    ]))
    .len();
    assert!(labelled > 0);
    assert!(labelled <= listed, "{labelled} labels of {listed} events");
}

#[test]
fn filters_shape_the_picture_as_they_shape_the_terminal_chart() {
    let all = svg(&["--file", KEYED]);
    let later = svg(&["--file", KEYED, "--from", "1900"]);
    let later_doc = parse(&later);
    let tooltips = key_tooltips(&later_doc);
    assert_eq!(tooltips.len(), 5, "{tooltips:#?}");
    assert!(tooltips.iter().all(|t| !t.starts_with("Born")));
    // The title's range and count are the terminal chart's.
    let title = &texts(&later_doc, "title")[0];
    let terminal = common::success(
        common::clean().args(["--file", KEYED, "chart", "--from", "1900", "--width", "120"]),
    );
    assert_eq!(title, terminal.lines().next().unwrap().trim_end());
    assert!(title.contains("1900"), "{title}");
    // --search keeps the matching events; their key events are labelled, no others.
    let children = key_tooltips(&parse(&svg(&["--file", KEYED, "--search", "child"]))).len();
    assert_eq!(children, 2);
    // --place keeps the stays there.
    let port = svg(&["--file", KEYED, "--place", "港町"]);
    let stays = parse(&port)
        .descendants()
        .filter(|n| n.attribute("class") == Some("stay"))
        .count();
    assert_eq!(stays, 1, "{port}");
    assert_ne!(all, later);
}

#[test]
fn the_embedded_life_reads_the_same_in_the_svg_and_the_terminal() {
    for args in [&[][..], &["--in", "civil-war"], &["--tag", "war"]] {
        let text = svg(args);
        let title = texts(&parse(&text), "title").remove(0);
        let mut terminal_args = vec!["chart", "--width", "150"];
        terminal_args.extend(args);
        let terminal = common::success(common::clean().args(&terminal_args));
        assert_eq!(
            title,
            terminal.lines().next().unwrap().trim_end(),
            "{args:?}"
        );
    }
}

#[test]
fn text_from_the_file_is_escaped() {
    let text = svg(&["--file", KEYED]);
    // Markup in titles and names stays text: one <svg>, no <script>.
    assert_eq!(text.matches("<svg").count(), 1);
    assert_eq!(text.matches("</svg>").count(), 1, "{text}");
    assert!(!text.contains("<script"), "{text}");
    let document = parse(&text);
    let all: Vec<String> = ["title", "label", "note"]
        .iter()
        .flat_map(|class| texts(&document, class))
        .collect();
    assert!(
        all.iter().any(|t| t.contains("Anna <Key> & \"Sons\"")),
        "{all:#?}"
    );
    assert!(
        all.iter().any(|t| t.contains("Big & <Bright> City")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|t| t.contains("Work </text><script>alert(1)</script>")),
        "{all:#?}"
    );
}

#[test]
fn a_crowded_timeline_stays_quick_and_on_the_page() {
    // A thousand key events on one day, five hundred periods, two thousand stays.
    let mut yaml = String::from("title: Crowded\nperiods:\n");
    for i in 0..500 {
        yaml.push_str(&format!(
            "  - {{id: p{i}, title: \"Period {i} <&>\", from: \"1900\", to: \"{}\"}}\n",
            1901 + i % 50
        ));
    }
    yaml.push_str("places:\n  - {id: here, name: Here}\nstays:\n");
    for i in 0..2000 {
        yaml.push_str(&format!(
            "  - {{place: here, from: \"{}\", to: \"{}\"}}\n",
            1900 + i % 50,
            1900 + i % 50
        ));
    }
    yaml.push_str("events:\n");
    for i in 0..1000 {
        yaml.push_str(&format!(
            "  - {{id: e{i}, date: \"1917-11-07\", title: \"Event {i}\", key: true}}\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crowded.yaml");
    std::fs::write(&path, yaml).unwrap();
    let text = svg(&["--file", path.to_str().unwrap()]);
    let document = parse(&text);
    let labels = key_tooltips(&document).len();
    assert!(labels > 0 && labels < 1000, "{labels} labels");
    let notes = texts(&document, "note");
    assert!(
        notes.iter().any(|n| n.contains("No room for all")),
        "{notes:#?}"
    );
    // Every text's anchor is on the page (the Chromium check measures the boxes).
    for node in document.descendants().filter(|n| n.has_tag_name("text")) {
        let x: f64 = node.attribute("x").unwrap().parse().unwrap();
        let y: f64 = node.attribute("y").unwrap().parse().unwrap();
        assert!(
            (0.0..842.0).contains(&x) && (0.0..595.0).contains(&y),
            "{x} {y}"
        );
    }
}

#[test]
fn the_flags_of_the_terminal_chart_that_an_svg_cannot_honour_are_refused() {
    for (args, says) in [
        (
            &["chart", "--format", "svg", "--width", "100"][..],
            "--width",
        ),
        (&["chart", "--format", "svg", "--ascii"], "--ascii"),
        (&["--width", "100", "chart", "--format", "svg"], "--width"),
        (&["chart", "-o", "x.svg"], "--format svg"),
        (
            &["chart", "--format", "svg", "--color", "always"],
            "--color",
        ),
        (&["chart", "--format", "json"], "json"),
        (&["chart", "--format", "svg", "--force"], "--force"),
        (&["--format", "json", "chart"], "--format"),
    ] {
        let output = common::clean().args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    // Nothing matching is exit 1, as for the terminal chart.
    let output = common::clean()
        .args(["chart", "--format", "svg", "--search", "zzzzqqq"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    // `--format text` is the terminal chart.
    let text =
        common::success(common::clean().args(["chart", "--format", "text", "--width", "100"]));
    let plain = common::success(common::clean().args(["chart", "--width", "100"]));
    assert_eq!(text, plain);
}

#[test]
fn o_writes_the_file_and_keeps_an_existing_one_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("life.svg");
    let file = path.to_str().unwrap();
    let stdout = svg(&["--file", KEYED, "-o", file]);
    assert!(stdout.is_empty());
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, svg(&["--file", KEYED]));
    let again = common::clean()
        .args(["chart", "--format", "svg", "-o", file])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
    svg(&["-o", file, "--force"]);
    assert_ne!(std::fs::read_to_string(&path).unwrap(), written);
}
