//! Writes a synthetic timeline of N events to stdout, for benchmarks (see benches/run.sh).
//!
//! ```text
//! cargo run --release --example generate -- 100000 yaml > /tmp/100k.yaml
//! cargo run --release --example generate -- 1000000 json > /tmp/1m.json
//! ```
//!
//! The events look like the curated ones: every date form (day, month, season, year, decade,
//! Old Style, approximate, intervals, `end:`), a place from a three-level hierarchy with
//! historical names, zero to three people, tags, a source and often a summary. Output is the same
//! for the same N: the generator is a fixed linear congruential sequence.

use std::io::{self, BufWriter, Write};

const PEOPLE: usize = 300;
const PLACES: usize = 120;
const PERIODS: usize = 24;
const TAGS: [&str; 12] = [
    "exile",
    "war",
    "trial",
    "party",
    "writing",
    "family",
    "office",
    "revolution",
    "travel",
    "prison",
    "speech",
    "health",
];
const WORDS: [&str; 24] = [
    "congress",
    "letter",
    "arrest",
    "meeting",
    "journey",
    "article",
    "speech",
    "committee",
    "front",
    "train",
    "pamphlet",
    "strike",
    "soviet",
    "army",
    "treaty",
    "debate",
    "exile",
    "return",
    "visit",
    "decree",
    "rally",
    "trial",
    "escape",
    "interview",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Yaml,
    Json,
}

fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let count: usize = args
        .next()
        .and_then(|n| n.replace('_', "").parse().ok())
        .unwrap_or(1000);
    let format = match args.next().as_deref() {
        Some("json") => Format::Json,
        _ => Format::Yaml,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    let mut rng = Rng(count as u64);
    let mut w = Writer {
        out: &mut out,
        format,
        first: true,
        in_item: false,
    };
    w.open()?;
    w.field("title", &format!("Synthetic life of {count} events"))?;
    w.field("subject", "p0")?;

    w.list("people")?;
    for p in 0..PEOPLE {
        let born = 1840 + rng.below(60);
        w.item()?;
        w.field("id", &format!("p{p}"))?;
        w.field("name", &format!("Person{p} Surname{}", p % 97))?;
        w.strings("aliases", &[format!("Surname{}", p % 97), format!("P{p}")])?;
        w.field(
            "born",
            &format!("{born}-{:02}-{:02}", 1 + p % 12, 1 + p % 28),
        )?;
        if p % 3 != 0 {
            w.field("died", &(born + 40 + rng.below(50)).to_string())?;
        }
        w.field("about", "A synthetic person of the benchmark timeline")?;
        w.end_item()?;
    }
    w.end_list()?;

    w.list("places")?;
    for p in 0..PLACES {
        w.item()?;
        w.field("id", &format!("place{p}"))?;
        w.field("name", &format!("City{p}"))?;
        if p >= 10 {
            // Ten countries, then cities within them, then districts within cities.
            let parent = if p < 40 { p % 10 } else { 10 + p % 30 };
            w.field("within", &format!("place{parent}"))?;
        }
        if p % 10 == 3 {
            w.names(&format!("Old{p}"), &format!("New{p}"))?;
        }
        if p < 10 && p % 2 == 0 {
            w.raw_field("calendar", "julian_until", "1918-02-14")?;
        }
        w.end_item()?;
    }
    w.end_list()?;

    w.list("periods")?;
    for p in 0..PERIODS {
        let from = 1879 + p * 62 / PERIODS;
        let to = 1879 + (p + 1) * 62 / PERIODS;
        w.item()?;
        w.field("id", &format!("period{p}"))?;
        w.field("title", &format!("Period {p} ({from}–{to})"))?;
        w.field("from", &from.to_string())?;
        w.field("to", &to.to_string())?;
        w.end_item()?;
    }
    w.end_list()?;

    w.list("events")?;
    for e in 0..count {
        let year = 1879 + rng.below(62);
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        let (date, end) = match rng.below(20) {
            0..=7 => (format!("{year}-{month:02}-{day:02}"), None),
            8..=9 => (format!("{year}-{month:02}-{day:02} O.S."), None),
            10..=12 => (format!("{year}-{month:02}"), None),
            13 => (format!("{year}-{}", 21 + rng.below(4)), None),
            14 => (format!("{year}~"), None),
            15 => (format!("{}X", year / 10), None),
            16..=17 => (
                format!(
                    "{year}-{month:02}-{day:02}/{}-{:02}-{:02}",
                    year + rng.below(2),
                    1 + rng.below(12),
                    1 + rng.below(28)
                ),
                None,
            ),
            _ => (
                format!("{year}-{month:02}"),
                Some(format!("{}", year + 1 + rng.below(3))),
            ),
        };
        // A span whose end falls before its start (same year, earlier month) is invalid;
        // keep intervals honest by ordering them.
        let date = match date.split_once('/') {
            Some((a, b)) if b < a => format!("{b}/{a}"),
            _ => date,
        };
        w.item()?;
        w.field("id", &format!("event-{e}"))?;
        w.field("date", &date)?;
        if let Some(end) = &end {
            w.field("end", end)?;
        }
        let title = format!(
            "The {} {} of {} {}",
            WORDS[rng.below(WORDS.len())],
            WORDS[rng.below(WORDS.len())],
            WORDS[rng.below(WORDS.len())],
            e
        );
        w.field("title", &title)?;
        if rng.below(2) == 0 {
            w.field(
                "summary",
                "A longer sentence of context, as curated events have, about what happened and why",
            )?;
        }
        w.field("place", &format!("place{}", rng.below(PLACES)))?;
        let people: Vec<String> = (0..rng.below(4))
            .map(|_| format!("p{}", 1 + rng.below(PEOPLE - 1)))
            .collect();
        w.strings("people", &people)?;
        let tags: Vec<String> = (0..1 + rng.below(2))
            .map(|_| TAGS[rng.below(TAGS.len())].to_string())
            .collect();
        w.strings("tags", &tags)?;
        w.field("source", &format!("Period {}", rng.below(PERIODS)))?;
        w.end_item()?;
    }
    w.end_list()?;
    w.close()?;
    out.flush()
}

/// Writes the same structure as block YAML or as JSON.
struct Writer<'a> {
    out: &'a mut dyn Write,
    format: Format,
    /// No comma before the next field or item.
    first: bool,
    /// Inside a list item, whose fields YAML indents.
    in_item: bool,
}

impl Writer<'_> {
    fn sep(&mut self) -> io::Result<()> {
        if self.format == Format::Json && !self.first {
            self.out.write_all(b",")?;
        }
        self.first = false;
        Ok(())
    }

    fn open(&mut self) -> io::Result<()> {
        if self.format == Format::Json {
            self.out.write_all(b"{")?;
        }
        self.first = true;
        Ok(())
    }

    fn close(&mut self) -> io::Result<()> {
        if self.format == Format::Json {
            self.out.write_all(b"}\n")?;
        }
        Ok(())
    }

    fn list(&mut self, key: &str) -> io::Result<()> {
        self.sep()?;
        match self.format {
            Format::Yaml => writeln!(self.out, "{key}:")?,
            Format::Json => write!(self.out, "\n\"{key}\":[")?,
        }
        self.first = true;
        Ok(())
    }

    fn end_list(&mut self) -> io::Result<()> {
        if self.format == Format::Json {
            self.out.write_all(b"]")?;
        }
        self.first = false;
        Ok(())
    }

    fn item(&mut self) -> io::Result<()> {
        self.sep()?;
        match self.format {
            Format::Yaml => self.out.write_all(b"- ")?,
            Format::Json => self.out.write_all(b"\n{")?,
        }
        self.first = true;
        self.in_item = true;
        Ok(())
    }

    fn end_item(&mut self) -> io::Result<()> {
        if self.format == Format::Json {
            self.out.write_all(b"}")?;
        }
        self.first = false;
        self.in_item = false;
        Ok(())
    }

    fn key(&mut self, key: &str) -> io::Result<()> {
        let was_first = self.first;
        self.sep()?;
        match self.format {
            Format::Yaml => {
                // Fields of a list item after its first sit under the `- `.
                if self.in_item && !was_first {
                    self.out.write_all(b"  ")?;
                }
                write!(self.out, "{key}: ")
            }
            Format::Json => write!(self.out, "\"{key}\":"),
        }
    }

    fn field(&mut self, key: &str, value: &str) -> io::Result<()> {
        self.key(key)?;
        match self.format {
            Format::Yaml => writeln!(self.out, "{}", yaml_scalar(value)),
            Format::Json => write!(self.out, "\"{value}\""),
        }
    }

    fn strings(&mut self, key: &str, values: &[String]) -> io::Result<()> {
        if values.is_empty() {
            return Ok(());
        }
        self.key(key)?;
        match self.format {
            Format::Yaml => {
                let list: Vec<String> = values.iter().map(|v| yaml_scalar(v)).collect();
                writeln!(self.out, "[{}]", list.join(", "))
            }
            Format::Json => {
                let list: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
                write!(self.out, "[{}]", list.join(","))
            }
        }
    }

    fn raw_field(&mut self, key: &str, inner: &str, value: &str) -> io::Result<()> {
        self.key(key)?;
        match self.format {
            Format::Yaml => writeln!(self.out, "{{{inner}: {value}}}"),
            Format::Json => write!(self.out, "{{\"{inner}\":\"{value}\"}}"),
        }
    }

    fn names(&mut self, old: &str, new: &str) -> io::Result<()> {
        self.key("names")?;
        match self.format {
            Format::Yaml => writeln!(
                self.out,
                "[{{name: {old}, to: 1914-08-31}}, {{name: {new}, from: 1914-08-31, to: 1924-01-26}}]"
            ),
            Format::Json => write!(
                self.out,
                "[{{\"name\":\"{old}\",\"to\":\"1914-08-31\"}},{{\"name\":\"{new}\",\"from\":\"1914-08-31\",\"to\":\"1924-01-26\"}}]"
            ),
        }
    }
}

/// Quotes a YAML scalar when it holds characters YAML would read otherwise.
fn yaml_scalar(value: &str) -> String {
    if value.contains([
        ':', '#', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@',
    ]) {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        value.to_string()
    }
}
