//! Media, links and labels per event (issue 18): read from the file, refused when hostile, and
//! carried by every output that has a place for them.

use crate::common::{self, success};

const FIXTURE: &str = "tests/fixtures/media.yaml";

fn stdout(args: &[&str]) -> String {
    success(common::clean().args(["--file", FIXTURE]).args(args))
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(args)).unwrap()
}

#[test]
fn json_csv_and_every_export_carry_the_media_and_the_link() {
    let rows = json(&["--format", "json"]);
    let born = &rows[0];
    assert_eq!(born["link"], "https://example.org/ada/born?lang=en&full=1");
    assert_eq!(
        born["media"]["url"],
        "https://example.org/pictures/birth-house.jpg"
    );
    assert_eq!(born["media"]["credit"], "Photo: A. Nonymous, public domain");
    assert_eq!(born["label"], "Birth");
    assert!(rows[1].get("media").is_none() && rows[1].get("link").is_none());

    let csv = stdout(&["--format", "csv"]);
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .contains(",key,label,link,media,")
    );
    assert!(csv.contains(",true,Birth,https://example.org/ada/born?lang=en&full=1,https://example.org/pictures/birth-house.jpg,"));

    let ics = stdout(&["export", "ics"]);
    assert!(
        ics.contains("\r\nURL:https://example.org/ada/born?lang=en&full=1\r\n"),
        "{ics}"
    );
    assert!(ics.contains("\r\nATTACH:https://example.org/pictures/press.png\r\n"));

    // TimelineJS: the media with its words as HTML, escaped; the link in the slide's text.
    let tl = json(&["export", "timelinejs"]);
    let slide = &tl["events"][0];
    assert_eq!(
        slide["media"]["url"],
        "https://example.org/pictures/birth-house.jpg"
    );
    assert_eq!(
        slide["media"]["caption"],
        "The house where she was born, &lt;b&gt;about 1900&lt;/b&gt;"
    );
    assert!(
        slide["text"]["text"]
            .as_str()
            .unwrap()
            .contains("<a href=\"https://example.org/ada/born?lang=en&amp;full=1\">")
    );
    assert_eq!(slide["text"]["headline"], "Birth");
    // The text alternative is an attribute TimelineJS sets: plain text, not HTML.
    assert_eq!(
        slide["media"]["alt"],
        "The house where she was born, <b>about 1900</b>"
    );
    assert!(tl["events"][1].get("media").is_none());

    // Markdown: a link whose destination cannot be broken out of, its words escaped.
    let markdown = stdout(&["export", "markdown"]);
    assert!(markdown.contains("[★ Born in Exampletown to a family of printers](<https://example.org/ada/born?lang=en&full=1>)"), "{markdown}");
    assert!(markdown.contains("\\<b\\>about 1900\\</b\\>"));

    let markwhen = stdout(&["export", "markwhen"]);
    assert!(markwhen.contains("link: \"https://example.org/ada/book#first\"\n"));
    assert!(markwhen.contains("media: \"https://example.org/pictures/press.png\"\n"));
}

#[test]
fn show_gives_the_link_and_the_media_in_every_format() {
    let card = stdout(&["show", "born", "--width", "90"]);
    assert!(
        card.contains("  Link   https://example.org/ada/born?lang=en&full=1"),
        "{card}"
    );
    assert!(card.contains("  Media  https://example.org/pictures/birth-house.jpg — The house"));
    let plain = stdout(&["show", "born", "--format", "plain"]);
    assert!(plain.contains("link\thttps://example.org/ada/born?lang=en&full=1\n"));
    assert!(plain.contains("media\thttps://example.org/pictures/birth-house.jpg\n"));
    let markdown = stdout(&["show", "born", "--format", "markdown"]);
    assert!(markdown.contains("- **Link:** <https://example.org/ada/born?lang=en&full=1>"));
    // An event without them says nothing of them.
    assert!(!stdout(&["show", "school", "--width", "90"]).contains("Link"));
}

/// A copy of the fixture with `from` replaced by `to`, checked: its exit code and stderr.
fn check_edited(from: &str, to: &str) -> (Option<i32>, String) {
    let text = std::fs::read_to_string(FIXTURE)
        .unwrap()
        .replacen(from, to, 1);
    assert_ne!(text, std::fs::read_to_string(FIXTURE).unwrap(), "{from}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.yaml");
    std::fs::write(&path, text).unwrap();
    let output = common::clean().arg("check").arg(&path).output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn hostile_links_media_and_labels_are_refused_at_their_line() {
    let link = "link: https://example.org/ada/born?lang=en&full=1";
    let long = format!("link: https://example.org/{}", "a".repeat(3000));
    for (bad, says) in [
        ("link: javascript:alert(1)", "not an http or https URL"),
        ("link: file:///etc/passwd", "not an http or https URL"),
        ("link: \"https://example.org/a b\"", "holds a space"),
        (
            "link: \"https://example.org/\\u001b[2J\"",
            "control character",
        ),
        ("link: https://", "has no host"),
        (long.as_str(), "past the 2048"),
    ] {
        let (code, stderr) = check_edited(link, bad);
        assert_eq!(code, Some(2), "{bad}");
        assert!(
            stderr.contains(":24:") && stderr.contains(says),
            "{bad}: {stderr}"
        );
    }
    let (code, stderr) = check_edited(
        "url: https://example.org/pictures/press.png",
        "url: data:image/png;base64,AAAA",
    );
    assert_eq!(code, Some(2));
    assert!(stderr.contains("media url"), "{stderr}");
    let (code, stderr) = check_edited(
        "label: The press",
        "label: A label far too long to fit any marker",
    );
    assert_eq!(code, Some(2));
    assert!(stderr.contains("past the 30"), "{stderr}");
    let (code, stderr) = check_edited(
        "      caption: Her first press",
        "      title: Her first press",
    );
    assert_eq!(code, Some(2));
    assert!(stderr.contains("unknown field `title`"), "{stderr}");
}
