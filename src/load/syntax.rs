//! Where a YAML syntax error really is. The YAML reader stops where the text stops making sense,
//! which for an unclosed bracket or quote is a line or more after the mistake, and for a tab
//! the line before it; a curator needs the `[`, the `"` or the tab itself.

/// A bracket or quote and its byte offset.
type Mark = (char, usize);

/// What is left open at `offset` of `text`: a flow bracket (`[`, `{`) or a quote that started
/// before, and its byte offset; the innermost, or the quote. Then the last quote opened before
/// `offset`, closed or not.
pub(super) fn open_at(text: &str, offset: usize) -> (Option<Mark>, Option<Mark>) {
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut quote: Option<(char, usize)> = None;
    let mut last_quote = None;
    // True where a value may begin: a bracket or a quote there is YAML's, not a letter of text.
    let mut at_start = true;
    let mut chars = text[..offset.min(text.len())].char_indices().peekable();
    let mut previous = '\n';
    while let Some((i, c)) = chars.next() {
        if let Some((q, _)) = quote {
            match c {
                '\\' if q == '"' => {
                    chars.next();
                }
                '\'' if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                    chars.next();
                }
                c if c == q => {
                    quote = None;
                    at_start = false;
                }
                _ => {}
            }
            previous = c;
            continue;
        }
        match c {
            '#' if previous.is_whitespace() => {
                // A comment, to the end of its line.
                while chars.peek().is_some_and(|&(_, n)| n != '\n') {
                    chars.next();
                }
            }
            '\n' => at_start = true,
            ' ' | '\t' | '\r' => {}
            '"' | '\'' if at_start => {
                quote = Some((c, i));
                last_quote = quote;
            }
            '[' | '{' if at_start || !open.is_empty() => {
                open.push((c, i));
                at_start = true;
            }
            ']' | '}' if !open.is_empty() => {
                open.pop();
                at_start = false;
            }
            ',' if !open.is_empty() => at_start = true,
            ':' | '-' if chars.peek().is_none_or(|&(_, n)| n.is_whitespace()) => at_start = true,
            _ => at_start = false,
        }
        previous = c;
    }
    (quote.or(open.last().copied()), last_quote)
}

/// The first tab at or after `offset` in `text`, within the line there and the next: a tab
/// the YAML reader trips on is where it stopped or on the line after.
pub(super) fn tab_near(text: &str, offset: usize) -> Option<usize> {
    let rest = text.get(offset..)?;
    let two_lines = rest
        .match_indices('\n')
        .nth(1)
        .map_or(rest.len(), |(i, _)| i);
    rest[..two_lines].find('\t').map(|i| offset + i)
}

/// The byte offset of a 1-based `line` and `column` (in characters) of `text`.
pub(super) fn offset_of(text: &str, line: u64, column: u64) -> usize {
    let start = match line {
        0 | 1 => 0,
        _ => text
            .match_indices('\n')
            .nth(line as usize - 2)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    text[start..]
        .char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map_or(text.len(), |(i, _)| start + i)
}

/// The 1-based line and column (in characters) of a byte `offset` of `text`.
pub(super) fn position_of(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() as u64 + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() as u64 + 1)
}

/// Where a YAML error at `line` and `column` with `message` really is, and what to say there:
/// at an unclosed bracket or quote, or at the tab, when the reader stopped past it.
pub(super) fn relocate(text: &str, line: u64, column: u64, message: &str) -> (u64, u64, String) {
    if line == 0 {
        return (line, column, message.to_string());
    }
    let offset = offset_of(text, line, column);
    if message.contains("tab") {
        let line_start = offset_of(text, line, 1);
        if let Some(tab) = tab_near(text, line_start) {
            let (line, column) = position_of(text, tab);
            return (
                line,
                column,
                "a tab, where YAML allows only spaces: indent with spaces".to_string(),
            );
        }
    }
    if message.contains("unclosed") {
        // The reader found the bracket itself.
        return (line, column, message.to_string());
    }
    let (open, last_quote) = open_at(text, offset);
    // A quoted value that runs on over lines ends at the next quote, and the reader stops after
    // it: the quote to blame is the one that opened it.
    let open = match last_quote {
        Some(quote) if message.contains("quoted scalar") => Some(quote),
        _ => open,
    };
    if let Some((opened, at)) = open {
        let (open_line, open_column) = position_of(text, at);
        if open_line < line {
            let what = if matches!(opened, '[' | '{') {
                ""
            } else {
                "quote "
            };
            return (
                open_line,
                open_column,
                format!(
                    "this {what}`{opened}` is never closed (the YAML reader stopped at line {line}: {message})"
                ),
            );
        }
    }
    (line, column, message.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_bracket_or_quote_is_found_where_it_opens() {
        let text = "title: T\nevents:\n  - tags: [a, b\n    people: []\n";
        assert_eq!(open_at(text, text.len()).0, Some(('[', 27)));
        let text = "events:\n  - title: \"Foo\n    date: \"1900\"\n";
        assert_eq!(open_at(text, 30).0, Some(('"', 19)));
        // Brackets and quotes inside text are text.
        let text = "title: Exile [1929] and Trotsky's \"house\"\nevents: []\n";
        assert_eq!(open_at(text, text.len()).0, None);
        let text = "title: 'it''s' # a [comment\nevents: {a: [1, \"]\"]}\n";
        assert_eq!(open_at(text, text.len()).0, None);
    }

    #[test]
    fn a_tab_is_found_on_the_line_after() {
        let text = "  - id: a\n\ttitle: Foo\n";
        assert_eq!(tab_near(text, 8), Some(10));
        assert_eq!(tab_near("a: b\nc: d\ne: f\n\t", 0), None);
    }
}
