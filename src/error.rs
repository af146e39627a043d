//! The program's errors, where they end, and the exit codes they map to.

use std::fmt;
use std::io;

/// A problem in a timeline file, located by line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file's name as the user gave it.
    pub file: String,
    /// 1-based line; 0 when unknown.
    pub line: u64,
    /// 1-based column; 0 when unknown.
    pub column: u64,
    /// What is wrong and what was expected.
    pub message: String,
    /// The line of the file the problem is on, for a snippet.
    pub source_line: Option<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            return write!(f, "{}: {}", self.file, self.message);
        }
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(text) = &self.source_line {
            let number = self.line.to_string();
            let gutter = " ".repeat(number.len());
            let caret_pad: String = text
                .chars()
                .take(self.column.saturating_sub(1) as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "\n {number} | {text}\n {gutter} | {caret_pad}^")?;
        }
        Ok(())
    }
}

/// Everything that can end a run early.
#[derive(Debug)]
pub enum Error {
    /// The command line asked for something impossible (exit 2).
    Usage(String),
    /// A timeline file could not be read or is invalid (exit 2).
    Timeline(Vec<Problem>),
    /// The query was fine but matched nothing (exit 1, as grep does).
    NoMatch(String),
    /// Writing the output failed.
    Io(io::Error),
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::NoMatch(_) => 1,
            Error::Usage(_) | Error::Timeline(_) | Error::Io(_) => 2,
        }
    }

    /// True for a write to a closed pipe (`timeline | head -1`), which is no failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(message) => write!(f, "error: {message}"),
            Error::NoMatch(message) => write!(f, "timeline: {message}"),
            Error::Io(e) => write!(f, "error: {e}"),
            Error::Timeline(problems) => {
                for (i, problem) in problems.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "error: {problem}")?;
                }
                if problems.len() > 1 {
                    write!(f, "\n{} problems", problems.len())?;
                }
                Ok(())
            }
        }
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}
