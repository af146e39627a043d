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

impl Source {
    /// The timeline embedded at build time.
    pub fn embedded() -> Source {
        Source {
            name: "timeline.yaml (embedded)".to_string(),
            text: EMBEDDED.to_string(),
        }
    }

    /// Reads a timeline file, refusing directories, huge files and text that is not UTF-8.
    pub fn read(path: &Path) -> Result<Source, Error> {
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
        match read_text(file, MAX_FILE_BYTES) {
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
/// growing file delivers. Each block is checked as it arrives, so `/dev/zero` (NUL bytes) or
/// `/dev/urandom` (not UTF-8) are refused at their first bytes, not after half a gigabyte.
pub(super) fn read_text(reader: impl Read, limit: u64) -> Result<String, Unreadable> {
    let mut reader = reader.take(limit.saturating_add(1));
    let mut bytes = Vec::new();
    // Bytes before this are valid UTF-8 without NUL.
    let mut checked = 0;
    let mut block = vec![0; 1 << 16];
    loop {
        let read = match reader.read(&mut block) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Unreadable::Io(e)),
        };
        bytes.extend_from_slice(&block[..read]);
        if bytes.len() as u64 > limit {
            return Err(Unreadable::TooBig);
        }
        checked = check_text(&bytes, checked, false)?;
    }
    check_text(&bytes, checked, true)?;
    Ok(String::from_utf8(bytes).expect("checked as UTF-8"))
}

/// Checks `bytes[from..]` for NUL and invalid UTF-8; returns how far the bytes are good. A
/// character cut at the end of what was read so far is no error until the stream ends there.
fn check_text(bytes: &[u8], from: usize, at_end: bool) -> Result<usize, Unreadable> {
    let not_text = |at: usize, message| {
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
    };
    let good = match std::str::from_utf8(&bytes[from..]) {
        Ok(_) => bytes.len(),
        Err(e) if e.error_len().is_none() && !at_end => from + e.valid_up_to(),
        Err(e) => {
            let at = from + e.valid_up_to();
            if let Some(nul) = memchr::memchr(0, &bytes[from..at]) {
                return Err(not_text(from + nul, NUL_MESSAGE));
            }
            return Err(not_text(at, "the file is not valid UTF-8 text"));
        }
    };
    match memchr::memchr(0, &bytes[from..good]) {
        Some(nul) => Err(not_text(from + nul, NUL_MESSAGE)),
        None => Ok(good),
    }
}

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
        assert_eq!(read_text(&b"title: t\n"[..], 100).unwrap(), "title: t\n");
        assert!(matches!(
            read_text(std::io::repeat(b'#'), 1 << 20),
            Err(Unreadable::TooBig)
        ));
        // /dev/zero and /dev/urandom are endless: refused at once, not at the limit.
        match read_text(std::io::repeat(0), u64::MAX) {
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
        match read_text(endless, u64::MAX) {
            Err(Unreadable::NotText {
                line: 2, column: 9, ..
            }) => {}
            other => panic!("{other:?}"),
        }
        // A character cut between two reads is whole once its last byte arrives.
        let text = format!("{}é", "a".repeat((1 << 16) - 1));
        assert_eq!(read_text(text.as_bytes(), u64::MAX).unwrap(), text);
        assert!(matches!(
            read_text(&b"ok\xc3"[..], 100),
            Err(Unreadable::NotText {
                line: 1,
                column: 3,
                ..
            })
        ));
    }
}
