//! The file as other programs and readers meet it: the README's example and the timeline read
//! as YAML 1.1 by PyYAML, and the size the README states.

use super::index;

/// The README's example timeline: the first ```yaml block.
fn readme_example() -> String {
    let readme = std::fs::read_to_string("README.md").expect("README.md is readable");
    let start = readme
        .find("```yaml\n")
        .expect("the README has a YAML example")
        + 8;
    let end = start
        + readme[start..]
            .find("```")
            .expect("the YAML example is closed");
    readme[start..end].to_string()
}

/// PyYAML (YAML 1.1, like js-yaml) reads an unquoted `1917-10-25` as a timestamp and `1917` as an
/// integer; a timeline must read as text there too. Fails where python3 or PyYAML is missing
/// (`.ci/run` installs them).
#[test]
fn every_date_is_a_string_under_yaml_1_1() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let example = dir.path().join("readme-example.yaml");
    std::fs::write(&example, readme_example()).expect("the example is written");
    let output = std::process::Command::new("python3")
        .arg("tests/clients/yaml11.py")
        .args([
            "timeline.yaml",
            "tests/fixtures/small.yaml",
            "tests/fixtures/views-life.yaml",
            "tests/fixtures/broken.yaml",
        ])
        .arg(&example)
        .output();
    let output = match output {
        Ok(o) if o.status.code() == Some(3) => {
            panic!("this test needs PyYAML, which is not installed; install it (`.ci/run` does)")
        }
        Ok(o) => o,
        Err(e) => panic!("this test needs python3, which cannot run ({e}); install it"),
    };
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "read as YAML 1.1, these are not strings:\n{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(report.lines().count(), 5, "one line per file:\n{report}");
}

/// The README opens with the timeline's size ("330+ events, 100+ people and 75+ places"): each
/// figure must hold and stay close enough (within a tenth) to tell a reader something.
#[test]
fn the_readme_states_the_timelines_size() {
    let readme = std::fs::read_to_string("README.md").expect("README.md is readable");
    let opening: String = readme
        .split("\n\n")
        .nth(1)
        .expect("the README has an opening paragraph")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let timeline = index().timeline();
    let mut wrong = Vec::new();
    for (what, count) in [
        ("events", timeline.events.len()),
        ("people", timeline.people.len()),
        ("places", timeline.places.len()),
    ] {
        let words: Vec<&str> = opening.split(' ').collect();
        let Some(at) = words
            .iter()
            .position(|w| w.trim_end_matches([',', '.']) == what)
        else {
            wrong.push(format!("the README's opening does not say how many {what}"));
            continue;
        };
        let stated: usize = words[at - 1]
            .trim_end_matches('+')
            .parse()
            .unwrap_or_else(|_| panic!("`{} {what}` is not a count", words[at - 1]));
        if count < stated || count * 10 > stated * 11 {
            wrong.push(format!(
                "the README says {} {what}, the timeline has {count}",
                words[at - 1]
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
