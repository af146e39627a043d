//! Bad input, catalogued: every hostile file and argument ends in exit status 2 with a short
//! message that names the file, the line and column and the event where they exist, and never in a
//! panic. Fixtures are `tests/fixtures/hostile-*.yaml`; the big ones are made here, in a tempdir.

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs the binary, expects exit status 2 and a short, panic-free message; returns stderr.
fn refused<I, S>(args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let args: Vec<_> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
    let output = cargo_bin_cmd!("timeline")
        .args(&args)
        .env_remove("TIMELINE_FILE")
        .timeout(crate::common::HANG_GUARD)
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?} should exit 2\nstderr: {stderr}"
    );
    assert!(output.stdout.is_empty(), "{args:?} printed to stdout");
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    assert!(!stderr.trim().is_empty(), "{args:?} said nothing");
    // A few lines per problem (the message, the source line, the caret), never a flood.
    let lines = stderr.lines().count();
    assert!(lines <= 20, "{args:?}: {lines} lines of stderr:\n{stderr}");
    assert!(
        stderr.lines().all(|l| l.chars().count() <= 1000),
        "{args:?}: an over-long line:\n{stderr}"
    );
    stderr
}

fn refused_file(path: &Path) -> String {
    let stderr = refused([OsStr::new("--file"), path.as_os_str()]);
    let name = path.display().to_string();
    assert!(
        stderr.contains(&name),
        "the message should name {name}:\n{stderr}"
    );
    // `check FILE` reads the same way and must say the same.
    let check = refused([OsStr::new("check"), path.as_os_str()]);
    assert_eq!(check, stderr, "`check` and `--file` disagree on {name}");
    stderr
}

/// Each fixture, with what its message must contain: the position, and the event id if any.
const CATALOGUE: &[(&str, &[&str])] = &[
    ("hostile-tabs.yaml", &[":3:", "tabs"]),
    ("hostile-unclosed-quote.yaml", &[":1:8:", "unclosed quote"]),
    ("hostile-empty.yaml", &["empty"]),
    ("hostile-blank.yaml", &["empty"]),
    ("hostile-invalid-utf8.yaml", &[":5:15:", "not valid UTF-8"]),
    (
        "hostile-top-level-list.yaml",
        &[":1:1:", "a timeline is a mapping"],
    ),
    (
        "hostile-top-level-scalar.yaml",
        &[":1:1:", "a timeline is a mapping"],
    ),
    ("hostile-wrong-type.yaml", &[":4:11:", "expected string"]),
    (
        "hostile-impossible-dates.yaml",
        &[
            ":4:11: event `february-30`",
            "has 28 days, not 30",
            ":7:11: event `month-13`",
            "month 13",
            ":10:11: event `gregorian-leap-1900`",
            "not a leap year in the Gregorian calendar",
            "3 problems",
        ],
    ),
    (
        "hostile-unknown-references.yaml",
        &[
            ":5:40: place `moscow`: unknown place `rusia`",
            ":10:14: event `ghost-person`: unknown person `lenim`; did you mean `lenin`?",
            ":14:12: event `ghost-place`: unknown place `atlantis`",
        ],
    ),
    (
        "hostile-within-cycle.yaml",
        &[":3:44: place `coyoacan`", "cycle", "3 problems"],
    ),
    (
        "hostile-duplicate-ids.yaml",
        &[
            ":4:10: duplicate person id `kamenev`",
            ":7:10: duplicate event id `exile`",
        ],
    ),
    (
        "hostile-end-before-start.yaml",
        &[
            ":5:10: event `backwards`",
            "ends (1917) before it starts (1921)",
        ],
    ),
    (
        "hostile-overlapping-names.yaml",
        &[
            ":7:16: place `saint-petersburg`",
            "overlaps the name `Petrograd`",
        ],
    ),
    ("hostile-alias-bomb.yaml", &[":8:19:", "expected string"]),
    ("hostile-alias-bomb-classic.yaml", &[":2:9:", "anchor"]),
    // The unknown keys are read past (issue 8); the budget stops the expansion of their values.
    (
        "hostile-alias-bomb-first.yaml",
        &[":6:22:", "without aliases expanding"],
    ),
    // JSON (a file starting with `{`) is read by serde_json, with the same positions.
    (
        "hostile-json-problems.json",
        &[
            ":3:23: event `a`: `1917-02-30` is not a date",
            ":3:60: event `a`: unknown place `nowhere`",
            ":4:10: duplicate event id `a`",
        ],
    ),
    (
        "hostile-json-wrong-type.json",
        &[":3:30:", "expected a string"],
    ),
    (
        "hostile-json-duplicate-key.json",
        &[":1:16:", "the timeline: `title` is given twice"],
    ),
    (
        "hostile-json-unknown-field.json",
        &[":1:69: event `a`: unknown field `extra`; an event takes id, date"],
    ),
    // Issue 8: every problem in one run, an unknown field among them.
    (
        "hostile-every-problem.yaml",
        &[
            ":8:11: event `congress`: `1917-02-30` is not a date",
            ":10:12: event `congress`: unknown place `moskow`; did you mean `moscow`?",
            ":11:5: event `congress`: unknown field `venue`",
            ":12:9: duplicate event id `congress`",
            ":15:14: event `congress`: unknown person `lenim`; did you mean `lenin`?",
            "5 problems",
        ],
    ),
    // Terminal escapes, BEL, CR, DEL and C1 controls are refused where they are written, and
    // shown escaped, never raw (see `no_message_echoes_a_control_character`).
    (
        "hostile-control-characters.yaml",
        &[
            ":1:8: the timeline: the title holds a control character",
            "`\\u{1b}`",
            ":3:23: person `lenin`: the name holds a control character",
            "`\\u{7}`",
            ":5:24: place `moscow`: the name",
            ":9:12: event `a`: the title",
            ":10:14: event `a`: the summary",
            "5 problems",
        ],
    ),
    (
        "hostile-more-controls.yaml",
        &[
            ":3:32: event `a`: the title holds a control character",
            "`\\u{7f}`",
            ":4:42: event `b`: the tag holds a line break, and this field is one line: `\\r`",
        ],
    ),
    // Raw control bytes are refused by the parsers; the snippet shows them escaped.
    (
        "hostile-raw-escape.yaml",
        &[
            ":3:32: unexpected character",
            "raw \\u{1b}]52;c;aGk=\\u{7} bytes",
        ],
    ),
    (
        "hostile-json-raw-escape.json",
        &[":1:69: unexpected character", "\"raw \\u{1b}[2J byte\""],
    ),
    (
        "hostile-json-escapes.json",
        &[
            ":1:64: event `a`: the title holds a control character",
            ":1:96: event `a`: the summary holds a control character",
        ],
    ),
    // Ids are letters, digits, `-_.`: a UID or a file name can hold them as they are.
    (
        "hostile-bad-ids.yaml",
        &[
            ":3:10: person id `leon trotsky` holds ` `: ids are letters, digits",
            ":5:10: place id `a/b` holds `/`",
            ":7:10: event id `x\\r\\nATTACH:http://evil` holds `\\r`",
            ":8:10: event id `semi;colon` holds `;`",
            "4 problems",
        ],
    ),
    (
        "hostile-julian-interval.yaml",
        &[
            ":3:47: place `a`: `julian_until: 1700/1918` is not a single day",
            ":4:47: place `b`: `julian_until: 1918` is not a single day",
        ],
    ),
];

/// True for a character a terminal acts on: C0 controls but newline and tab, DEL, C1 controls.
fn is_raw_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[test]
fn no_message_echoes_a_control_character() {
    for (name, _) in CATALOGUE {
        let stderr = refused_file(&fixture(name));
        assert!(
            !stderr.chars().any(is_raw_control),
            "{name}: a raw control character on stderr:\n{stderr:?}"
        );
    }
    // Arguments are echoed the same way: an unknown person, event or period shown escaped; an
    // unknown subcommand is echoed by clap, which strips the escape.
    for (args, shown) in [
        (&["who", "\u{1b}]52;c;aGk=\u{7}"][..], true),
        (&["show", "\u{1b}[2J"], true),
        (&["--in", "\u{9b}31m"], true),
        (&["\u{1b}[2Jfrob"], true),
    ] {
        let output = cargo_bin_cmd!("timeline")
            .args(args)
            .env_remove("TIMELINE_FILE")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?}");
        assert!(
            !stderr.chars().any(is_raw_control),
            "{args:?}: a raw control character on stderr:\n{stderr:?}"
        );
        assert_eq!(stderr.contains("\\u{"), shown, "{args:?}: {stderr}");
    }
}

#[test]
fn every_catalogued_file_is_refused_with_its_position() {
    for (name, expected) in CATALOGUE {
        let stderr = refused_file(&fixture(name));
        for part in *expected {
            assert!(
                stderr.contains(part),
                "{name}: expected `{part}` in:\n{stderr}"
            );
        }
    }
}

#[test]
fn every_hostile_fixture_is_catalogued() {
    let mut on_disk: Vec<String> = fs::read_dir(fixture(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("hostile-"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CATALOGUE.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn a_hundred_thousand_levels_of_nesting_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    for (name, text) in [
        (
            "hostile-deep-flow.yaml",
            format!(
                "title: t\nevents: {}{}\n",
                "[".repeat(depth),
                "]".repeat(depth)
            ),
        ),
        (
            "hostile-deep-map.yaml",
            format!(
                "title: t\nevents: {}{}\n",
                "{a: ".repeat(depth),
                "}".repeat(depth)
            ),
        ),
        (
            "hostile-deep-json.json",
            format!(
                "{{\"title\": \"t\", \"events\": {}{}}}",
                "[".repeat(depth),
                "]".repeat(depth)
            ),
        ),
        (
            "hostile-deep-unclosed.yaml",
            format!("title: t\nevents: {}\n", "[".repeat(depth)),
        ),
        (
            "hostile-deep-block.yaml",
            // Block nesting costs its depth in indentation: 2,000 levels make 4 MB.
            (0..2_000).fold("title: t\nevents:\n".to_string(), |mut s, i| {
                s.push_str(&" ".repeat(2 * i + 2));
                s.push_str("- \n");
                s
            }),
        ),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        let stderr = refused_file(&path);
        assert!(
            [":1:", ":2:", ":4:"].iter().any(|at| stderr.contains(at)),
            "{stderr}"
        );
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile-huge.yaml");
    // Sparse: the length is set, no gigabyte is written.
    let file = fs::File::create(&path).unwrap();
    file.set_len(timeline::load::MAX_FILE_BYTES + 1).unwrap();
    let stderr = refused_file(&path);
    assert!(stderr.contains("512 MiB are refused"), "{stderr}");
}

/// A small deterministic generator, so a failure can be reproduced from its seed.
fn noise(seed: u64, len: usize, alphabet: Option<&[u8]>) -> Vec<u8> {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let byte = (state >> 33) as u8;
            match alphabet {
                Some(a) => a[byte as usize % a.len()],
                None => byte,
            }
        })
        .collect()
}

#[test]
fn random_bytes_and_yaml_shaped_noise_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let yamlish: &[u8] = b"  \n\t-:[]{}&*!|>'\"%@`#,?abc19X~/.O.S\\";
    for seed in 0..40 {
        let alphabet = if seed % 2 == 0 { None } else { Some(yamlish) };
        let path = dir.path().join(format!("hostile-random-{seed}.yaml"));
        fs::write(&path, noise(seed, 64 + 97 * seed as usize, alphabet)).unwrap();
        let stderr = refused([OsStr::new("--file"), path.as_os_str()]);
        assert!(stderr.contains(&path.display().to_string()), "{stderr}");
    }
}

#[test]
fn directories_missing_and_unreadable_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = refused_file(dir.path());
    assert!(stderr.contains("is a directory"), "{stderr}");

    let stderr = refused_file(&dir.path().join("hostile-missing.yaml"));
    assert!(stderr.contains("no such file"), "{stderr}");

    let locked = dir.path().join("hostile-unreadable.yaml");
    fs::write(&locked, "title: t\nevents: []\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&locked).is_err() {
        let stderr = refused_file(&locked);
        assert!(stderr.contains("permission denied"), "{stderr}");
    } else {
        eprintln!(
            "note: running as root, where mode 000 is still readable: \
             testing an unreadable /proc file instead"
        );
    }
    // /proc/self/mem exists, is no directory, and fails on the first read even for root.
    let mem = Path::new("/proc/self/mem");
    if mem.exists() {
        let stderr = refused_file(mem);
        assert!(stderr.contains("cannot be read"), "{stderr}");
    }
}

#[test]
fn bad_arguments_get_a_message() {
    for (args, expected) in [
        (&["--from", "1921", "--to", "1917"][..], "is after --to"),
        (
            &["--in", "1917", "--from", "1921-05", "--to", "1921-01"],
            "is after --to",
        ),
        (&["--from", "garbage"], "four digits"),
        (&["--to", "1917-13"], "month 13"),
        (&["--from", "1917-02-30"], "28 days"),
        (&["--from", "1900-02-29"], "not a leap year"),
        (&["--from", "1917/1916"], "before it starts"),
        (&["--format", "yaml"], "possible values"),
        (&["--color", "sometimes"], "possible values"),
        (&["--limit", "-1"], "1 or more"),
        (&["--limit=-1"], "1 or more"),
        (&["--limit", "0"], "1 or more"),
        (&["--limit", "99999999999999999999999"], "1 or more"),
        (&["--width", "wide"], "invalid value"),
        (&["show"], "required"),
        (&["frobnicate"], "unrecognized"),
    ] {
        let stderr = refused(args);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

#[test]
fn non_utf8_arguments_get_a_message() {
    let bad = OsStr::from_bytes(b"Kamen\xffev");
    for args in [
        vec![OsStr::new("who"), bad],
        vec![OsStr::new("where"), bad],
        vec![OsStr::new("show"), bad],
        vec![OsStr::new("--search"), bad],
        vec![OsStr::new("--from"), bad],
        vec![OsStr::new("--tag"), bad],
    ] {
        let stderr = refused(&args);
        assert!(stderr.contains("UTF-8"), "{args:?}: {stderr}");
    }
    let stderr = refused([bad]);
    assert!(stderr.contains("is not a command"), "{stderr}");
    // A path need not be UTF-8; a missing one is reported by name.
    let stderr = refused([
        OsStr::new("--file"),
        OsStr::from_bytes(b"/nonexistent/\xff.yaml"),
    ]);
    assert!(stderr.contains("no such file"), "{stderr}");
}

/// Runs the binary on a valid fixture; returns stdout.
fn output_of(args: &[&str]) -> String {
    crate::common::success(
        cargo_bin_cmd!("timeline")
            .args(args)
            .env_remove("TIMELINE_FILE"),
    )
}

#[test]
fn exports_keep_values_from_becoming_formulas_list_items_or_calendar_lines() {
    let file = fixture("injection.yaml");
    let file = file.to_str().unwrap();
    // For spreadsheets, a cell that would run as a formula starts with a quote; as data, the
    // same cells stay exactly as written.
    let spreadsheet = output_of(&["--file", file, "export", "csv"]);
    let data = output_of(&["--file", file, "--format", "csv"]);
    for formula in [
        "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"",
        "'-2+3 votes",
        // One list separator, "; ", in every list cell: the tags `+tag` and `@at`.
        "'+tag; @at",
        ",'=cmd|' /C calc'!A0,",
    ] {
        assert!(
            spreadsheet.contains(formula),
            "{formula} in:\n{spreadsheet}"
        );
        let raw = formula.replacen('\'', "", 1);
        assert!(data.contains(&raw), "{raw} in:\n{data}");
    }
    // Markdown, the table and the document alike: formatting shown, never applied.
    for markdown in [
        output_of(&["--file", file, "--format", "markdown"]),
        output_of(&["--file", file, "export", "markdown"]),
    ] {
        assert!(
            markdown
                .contains("\\*bold\\* \\[x\\](http://evil.example) \\| pipe \\# heading \\<b\\>"),
            "{markdown}"
        );
        assert!(!markdown.contains("- [x] two"), "{markdown}");
    }
    // iCalendar: text escaped, a summary's line break written as \n, every line a property.
    let ics = output_of(&["--file", file, "export", "ics"]);
    assert!(ics.contains("SUMMARY:a\\;b\\,c\\\\d\r\n"), "{ics}");
    assert!(ics.contains("line one\\nline two"), "{ics}");
    for line in ics.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(
            line.starts_with(' ') || line.contains(':'),
            "a line that is no property: {line:?}"
        );
    }
}

#[test]
fn bidi_overrides_and_line_separators_are_refused_like_controls() {
    let dir = tempfile::tempdir().unwrap();
    for (field, text) in [
        ("title", "Signed\u{202e}kcatta"),
        ("title", "one\u{2028}two"),
        ("place name", "Pet\u{2067}rograd"),
    ] {
        let yaml = match field {
            "title" => {
                format!("title: t\nevents:\n  - {{id: a, date: \"1917\", title: \"{text}\"}}\n")
            }
            _ => format!(
                "title: t\nplaces:\n  - {{id: p, name: \"{text}\"}}\nevents:\n  - {{id: a, date: \"1917\", title: x, place: p}}\n"
            ),
        };
        let path = dir.path().join("bidi.yaml");
        fs::write(&path, yaml).unwrap();
        let stderr = refused_file(&path);
        assert!(
            stderr.contains("\\u{20"),
            "{field}: shown escaped: {stderr}"
        );
        assert!(
            !stderr
                .chars()
                .any(|c| ('\u{2028}'..='\u{2069}').contains(&c)),
            "{field}: raw in the message: {stderr}"
        );
    }
}
