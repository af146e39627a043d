//! The program's errors, where they end, and the exit codes they map to.

use std::fmt;
use std::io;

/// Says something beside the output on stderr ("showing 5 of 21 events"). A stderr that cannot
/// be written to changes nothing: the note is not worth failing the run for.
pub fn note(text: &str) {
    use std::io::Write;
    let _ = writeln!(io::stderr(), "timeline: {text}");
}

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
            let (text, column) = snippet(text, self.column.saturating_sub(1) as usize);
            let caret_pad: String = text
                .chars()
                .take(column)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "\n {number} | {text}\n {gutter} | {caret_pad}^")?;
        }
        Ok(())
    }
}

/// The most of a source line shown under a problem, in characters.
const SNIPPET_CHARS: usize = 100;

/// The part of `line` worth showing around the 0-based character `column`, and the column within
/// it: a whole short line, or a window of a long one (a 100,000-character line of brackets must not
/// flood the terminal), marked with `…` where it was cut.
fn snippet(line: &str, column: usize) -> (String, usize) {
    let count = line.chars().count();
    if count <= SNIPPET_CHARS {
        return (line.to_string(), column);
    }
    let column = column.min(count);
    let start = column.saturating_sub(SNIPPET_CHARS / 2);
    let end = (start + SNIPPET_CHARS).min(count);
    let start = end.saturating_sub(SNIPPET_CHARS).min(start);
    let mut text: String = line.chars().skip(start).take(end - start).collect();
    let mut column = column - start;
    if start > 0 {
        text.insert(0, '…');
        column += 1;
    }
    if end < count {
        text.push('…');
    }
    (text, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_source_lines_are_cut_around_the_column() {
        let line = "[".repeat(100_000);
        let problem = Problem {
            file: "f".into(),
            line: 2,
            column: 50_001,
            message: "recursion limit exceeded".into(),
            source_line: Some(line),
        };
        let shown = problem.to_string();
        assert!(shown.len() < 500, "{shown}");
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines.len(), 3);
        let caret = lines[2].chars().count() - 1;
        assert_eq!(lines[1].chars().nth(caret), Some('['));
        assert!(lines[1].contains('…'));
        assert_eq!(snippet("short", 2), ("short".to_string(), 2));
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
