//! Reading a timeline file from disk into text: refusing directories, huge files, endless
//! streams and text that is not UTF-8, with the reason in the message.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::EMBEDDED;
use crate::error::{Error, Problem};

/// Files larger than this are refused before parsing: a timeline of a million events is ~200 MB.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The text of a timeline and the name to report it under.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it, or a label for the embedded timeline.
    pub name: String,
    /// The whole file.
    pub text: String,
}

/// The name problems in a timeline read from standard input are reported under.
pub const STANDARD_INPUT_NAME: &str = "<stdin>";

/// True when `path` is `-`, which names standard input as `--file` (as for hledger and jq): a
/// file named `-` is `./-`. Never cached, and never read while completing a command line.
pub fn is_standard_input(path: &Path) -> bool {
    path.as_os_str() == "-"
}

impl Source {
    /// The timeline embedded at build time.
    pub fn embedded() -> Source {
        Source {
            name: "timeline.yaml (embedded)".to_string(),
            text: EMBEDDED.to_string(),
        }
    }

    /// Reads a timeline file (`-`: standard input), refusing directories, huge files and text
    /// that is not UTF-8.
    pub fn read(path: &Path) -> Result<Source, Error> {
        if is_standard_input(path) {
            return Self::read_from(STANDARD_INPUT_NAME.to_string(), std::io::stdin().lock(), 0);
        }
        let name = path.display().to_string();
        let fail = |message: String| Error::Timeline(vec![Problem::whole_file(&name, message)]);
        let metadata = std::fs::metadata(path).map_err(|e| fail(describe_io(&e)))?;
        if metadata.is_dir() {
            return Err(fail("is a directory, not a timeline file".to_string()));
        }
        if metadata.len() > MAX_FILE_BYTES {
            return Err(fail(too_big(metadata.len())));
        }
        let file = File::open(path).map_err(|e| fail(describe_io(&e)))?;
        Self::read_from(name, file, metadata.len())
    }

    /// Reads the timeline text from `reader` (about `size` bytes), reported as `name`.
    fn read_from(name: String, reader: impl Read, size: u64) -> Result<Source, Error> {
        let fail = |message: String| Error::Timeline(vec![Problem::whole_file(&name, message)]);
        match read_text(reader, MAX_FILE_BYTES, size) {
            Ok(text) => Ok(Source { name, text }),
            Err(Unreadable::Io(e)) => Err(fail(describe_io(&e))),
            Err(Unreadable::TooBig) => Err(fail(too_big(MAX_FILE_BYTES + 1))),
            Err(Unreadable::NotText {
                line,
                column,
                message,
            }) => Err(Error::Timeline(vec![Problem {
                file: name,
                line,
                column,
                message: message.to_string(),
                source_line: None,
            }])),
        }
    }
}

fn too_big(bytes: u64) -> String {
    if bytes > MAX_FILE_BYTES + 1 {
        format!(
            "is {} MiB; timelines over {} MiB are refused",
            bytes >> 20,
            MAX_FILE_BYTES >> 20
        )
    } else {
        // A pipe, a device or a file still growing: what was read passed the limit.
        format!(
            "holds more than {} MiB; timelines over {} MiB are refused",
            MAX_FILE_BYTES >> 20,
            MAX_FILE_BYTES >> 20
        )
    }
}

/// Why a stream is no timeline text.
#[derive(Debug)]
pub(super) enum Unreadable {
    Io(std::io::Error),
    /// More than the limit.
    TooBig,
    /// A NUL byte or bytes that are not UTF-8, at a 1-based line and column.
    NotText {
        line: u64,
        column: u64,
        message: &'static str,
    },
}

/// Reads `reader` to its end as UTF-8 text, reading no more than `limit` bytes (plus one, to
/// know there is more): the length a file claims is no bound on what `/dev/zero`, a pipe or a
/// growing file delivers. `size` is what the file claims, to make room at once. Each block is
/// checked for NUL bytes as it arrives, and the first for UTF-8, so `/dev/zero` or
/// `/dev/urandom` are refused at their first bytes, not after half a gigabyte; the whole text
/// is checked for UTF-8 once, at the end.
pub(super) fn read_text(reader: impl Read, limit: u64, size: u64) -> Result<String, Unreadable> {
    const BLOCK: u64 = 1 << 20;
    let mut reader = reader.take(limit.saturating_add(1));
    let mut bytes = Vec::with_capacity(size.min(limit) as usize + 1);
    loop {
        let start = bytes.len();
        match (&mut reader).take(BLOCK).read_to_end(&mut bytes) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Unreadable::Io(e)),
        }
        if bytes.len() as u64 > limit {
            return Err(Unreadable::TooBig);
        }
        if start == 0
            && let Err(e) = std::str::from_utf8(&bytes)
            && e.error_len().is_some()
        {
            return Err(not_text(&bytes, e.valid_up_to(), UTF8_MESSAGE));
        }
        if let Some(nul) = bytes[start..].iter().position(|&b| b == 0) {
            return Err(not_text(&bytes, start + nul, NUL_MESSAGE));
        }
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        not_text(e.as_bytes(), at, UTF8_MESSAGE)
    })
}

/// The problem at byte `at` of `bytes`, with its 1-based line and column.
fn not_text(bytes: &[u8], at: usize, message: &'static str) -> Unreadable {
    let before = String::from_utf8_lossy(&bytes[..at]);
    let line = before.matches('\n').count() as u64 + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count() as u64
        + 1;
    Unreadable::NotText {
        line,
        column,
        message,
    }
}

const UTF8_MESSAGE: &str = "the file is not valid UTF-8 text";
const NUL_MESSAGE: &str = "the file holds a NUL byte: it is not a text file";

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot be read: {e}"),
    }
}

impl Problem {
    fn whole_file(file: &str, message: String) -> Problem {
        Problem {
            file: file.to_string(),
            line: 0,
            column: 0,
            message,
            source_line: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_at_the_limit_and_at_the_first_bytes_that_are_no_text() {
        assert_eq!(read_text(&b"title: t\n"[..], 100, 0).unwrap(), "title: t\n");
        assert!(matches!(
            read_text(std::io::repeat(b'#'), 1 << 20, 0),
            Err(Unreadable::TooBig)
        ));
        // /dev/zero and /dev/urandom are endless: refused at once, not at the limit.
        match read_text(std::io::repeat(0), u64::MAX, 0) {
            Err(Unreadable::NotText {
                line: 1,
                column: 1,
                message,
            }) => {
                assert!(message.contains("NUL"))
            }
            other => panic!("{other:?}"),
        }
        let garbage = b"title: t\nevents: \xff\xfe"
            .iter()
            .copied()
            .chain(std::iter::repeat(b'x'));
        let endless = std::io::Cursor::new(garbage.take(1 << 20).collect::<Vec<u8>>());
        match read_text(endless, u64::MAX, 0) {
            Err(Unreadable::NotText {
                line: 2, column: 9, ..
            }) => {}
            other => panic!("{other:?}"),
        }
        // A character cut between two blocks is whole once its last byte arrives.
        let text = format!("{}é", "a".repeat((1 << 20) - 1));
        assert_eq!(read_text(text.as_bytes(), u64::MAX, 0).unwrap(), text);
        let late = format!("{}\u{0}", "a\n".repeat(1 << 20));
        assert!(matches!(
            read_text(late.as_bytes(), u64::MAX, 0),
            Err(Unreadable::NotText { line, column: 1, .. }) if line == (1 << 20) + 1
        ));
        assert!(matches!(
            read_text(&b"ok\xc3"[..], 100, 0),
            Err(Unreadable::NotText {
                line: 1,
                column: 3,
                ..
            })
        ));
    }

    #[test]
    fn a_big_file_is_read_whole_and_its_problems_are_placed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("big.yaml");
        // Past a block of `read_text`, so that problems are found in later blocks too.
        let size = (8 << 20) + 3;
        // Characters of two, three and four bytes across the middle, wherever it falls.
        let body: String = "é€😀a\n".chars().cycle().take(size / 2).collect();
        std::fs::write(&file, &body).unwrap();
        assert!(body.len() >= 8 << 20);
        for shift in 0..4 {
            let text = format!("{}{body}", "x".repeat(shift));
            std::fs::write(&file, &text).unwrap();
            assert_eq!(
                Source::read(&file).unwrap().text,
                text,
                "shifted by {shift}"
            );
        }
        let problem = |bytes: &[u8]| {
            std::fs::write(&file, bytes).unwrap();
            match Source::read(&file) {
                Err(Error::Timeline(problems)) => {
                    let p = &problems[0];
                    (p.line, p.column, p.message.clone())
                }
                other => panic!("{other:?}"),
            }
        };
        let lines = "ab\n".repeat(size / 3);
        let mut nul = lines.clone().into_bytes();
        nul[size / 3 * 3 - 2] = 0;
        let (line, column, message) = problem(&nul);
        assert_eq!((line, column), (size as u64 / 3, 2));
        assert!(message.contains("NUL"), "{message}");
        let mut broken = lines.into_bytes();
        broken[5] = 0xff;
        let (line, column, message) = problem(&broken);
        assert_eq!((line, column), (2, 3));
        assert!(message.contains("UTF-8"), "{message}");
    }
}
