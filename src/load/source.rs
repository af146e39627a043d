//! Reading a timeline file from disk into text: refusing directories, huge files and text that
//! is not UTF-8, with the reason in the message.

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
            return Err(fail(format!(
                "is {} MiB; timelines over {} MiB are refused",
                metadata.len() >> 20,
                MAX_FILE_BYTES >> 20
            )));
        }
        let bytes = std::fs::read(path).map_err(|e| fail(describe_io(&e)))?;
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source { name, text }),
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let valid = std::str::from_utf8(valid).unwrap_or_default();
                let line = valid.matches('\n').count() as u64 + 1;
                let column = valid
                    .rsplit('\n')
                    .next()
                    .unwrap_or_default()
                    .chars()
                    .count() as u64
                    + 1;
                Err(Error::Timeline(vec![Problem {
                    file: name,
                    line,
                    column,
                    message: "the file is not valid UTF-8 text".to_string(),
                    source_line: None,
                }]))
            }
        }
    }
}

pub(super) fn describe_io(e: &std::io::Error) -> String {
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
