//! The program's errors, where they end, and the exit codes they map to; and the one way text
//! from a file or the command line is quoted in a message, so it never reaches the terminal raw.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};

/// The most characters of a value a message quotes: a 1 MB bad date is not echoed whole.
pub const QUOTE_CHARS: usize = 80;

/// True for the characters a terminal acts on instead of showing: C0 controls, DEL and the C1
/// controls (U+0080–U+009F, which some terminals read as escape sequences too); and those that
/// make it show text other than in its order (the bidi embeddings, overrides and isolates of
/// "Trojan Source") or break a line where none is (U+2028, U+2029).
///
/// ```
/// use timeline::error::is_control;
/// assert!(is_control('\u{1b}') && is_control('\u{9b}') && is_control('\u{202e}'));
/// assert!(!is_control('–') && !is_control('é') && !is_control('\u{200e}'));
/// ```
pub fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// `text` with every control character written out visibly (`\u{1b}`, `\r`, `\n`, `\t`), the
/// way `git` and `ls` show them: an escape sequence in a file or an argument is shown, never
/// run. Text without controls is borrowed as it is.
pub fn visible(text: &str) -> Cow<'_, str> {
    visible_except(text, &[])
}

/// As [`visible`], but leaving the characters in `keep` (the newlines and tabs of a message's
/// own layout) alone.
fn visible_except<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    if !text.chars().any(|c| is_control(c) && !keep.contains(&c)) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if keep.contains(&c) => shown.push(c),
            '\n' => shown.push_str("\\n"),
            '\r' => shown.push_str("\\r"),
            '\t' => shown.push_str("\\t"),
            c if is_control(c) => shown.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => shown.push(c),
        }
    }
    Cow::Owned(shown)
}

/// A value from a file or the command line as a message quotes it: controls made visible
/// ([`visible`]) and cut to [`QUOTE_CHARS`] characters, marked with `…`.
pub fn quote(text: &str) -> String {
    let cut = match text.char_indices().nth(QUOTE_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    let mut quoted = visible(cut).into_owned();
    if cut.len() < text.len() {
        quoted.push('…');
    }
    quoted
}

/// Writes a message to standard error, with any control character that slipped into it made
/// visible. A failed write is ignored: with stderr closed or full (`2>/dev/full`) there is
/// nowhere left to say anything, and the exit code still tells.
pub fn say(message: &dyn fmt::Display) {
    let text = message.to_string();
    let text = visible_except(&text, &['\n', '\t']);
    let _ = writeln!(io::stderr().lock(), "{text}");
}

/// Says something beside the output on stderr ("showing 5 of 21 events"). A stderr that cannot
/// be written to changes nothing: the note is not worth failing the run for.
pub fn note(text: &str) {
    say(&format!("timeline: {text}"));
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
        let (file, message) = (visible(&self.file), visible(&self.message));
        if self.line == 0 {
            return write!(f, "{file}: {message}");
        }
        write!(f, "{file}:{}:{}: {message}", self.line, self.column)?;
        if let Some(text) = &self.source_line {
            let number = self.line.to_string();
            let gutter = " ".repeat(number.len());
            let (text, column) = snippet(text, self.column.saturating_sub(1) as usize);
            // Tabs stay, so the caret lines up under them; every other control is shown, and
            // the caret moves past what showing it added.
            let before: String = text.chars().take(column).collect();
            let caret_pad: String = visible_except(&before, &['\t'])
                .chars()
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let text = visible_except(&text, &['\t']);
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

    #[test]
    fn file_text_in_a_message_is_shown_never_run() {
        assert_eq!(visible("plain"), "plain");
        assert_eq!(visible("a\u{1b}]52;c;x\u{7}b"), "a\\u{1b}]52;c;x\\u{7}b");
        assert_eq!(visible("\r\n\t\u{9b}\u{7f}"), "\\r\\n\\t\\u{9b}\\u{7f}");
        let long = "x".repeat(1_000_000);
        let quoted = quote(&long);
        assert_eq!(quoted.chars().count(), QUOTE_CHARS + 1);
        assert!(quoted.ends_with('…'));
        let problem = Problem {
            file: "f\u{1b}[2J".into(),
            line: 1,
            column: 4,
            message: "m".into(),
            source_line: Some("a\u{1b}[2Jbad".into()),
        };
        let shown = problem.to_string();
        assert!(!shown.contains('\u{1b}'), "{shown}");
        let lines: Vec<&str> = shown.lines().collect();
        // Column 4 is the `2` after the escape, which is shown as six characters.
        let caret = lines[2].find('^').unwrap();
        assert_eq!(&lines[1][caret..caret + 1], "2", "{shown}");
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
    /// A record of a cached index file failed its checks when it was decoded. Found before
    /// anything is written: `cmd::run` answers it by parsing the source again, so a user sees it
    /// only should that fail too.
    DamagedIndex,
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::NoMatch(_) => 1,
            Error::Usage(_) | Error::Timeline(_) | Error::Io(_) | Error::DamagedIndex => 2,
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
            Error::DamagedIndex => write!(
                f,
                "error: a cache entry is damaged; remove the cache folder and run again"
            ),
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
