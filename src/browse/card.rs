//! The opened event as lines of a given width: the fields of `timeline show` (both calendars,
//! age, place and its hierarchy, people with their about lines, tags, period, source, id) and the
//! summary, wrapped, with the same labels.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::index::Index;
use crate::model::Event;
use crate::render::wrap;
use crate::search::WordQuery;
use crate::view::Views;

/// The width of the label column ("Person" and two spaces).
const LABEL: usize = 8;

/// One field: its label, and its value as a styled part followed by a plain part.
struct Field {
    label: &'static str,
    styled: String,
    style: Style,
    rest: String,
}

impl Field {
    fn new(label: &'static str, styled: impl Into<String>, style: Style) -> Field {
        Field {
            label,
            styled: styled.into(),
            style,
            rest: String::new(),
        }
    }

    fn with_rest(mut self, rest: impl Into<String>) -> Field {
        self.rest = rest.into();
        self
    }
}

/// The lines of `event` (one of `index`'s) for a body `width` columns wide, with
/// the words of the list's search marked (line by line: a phrase broken over two lines is not).
pub fn lines(
    index: &Index,
    event: &Event,
    width: u16,
    words: &WordQuery,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let views = Views::new(index);
    let detail = views.detail(event);
    let row = &detail.row;
    let width = usize::from(width).max(LABEL + 10);
    let title = crate::render::listed_title(row, theme.unicode);
    let mut lines: Vec<Line<'static>> = wrap(&title, width)
        .into_iter()
        .map(|l| Line::from(marked(&l, theme.title(), words, theme)))
        .collect();
    lines.push(Line::default());
    let dual = &row.date_parts;
    let mut fields = vec![Field::new(
        "Date",
        dual.new_style().to_string(),
        theme.date(),
    )];
    if let Some(twin) = dual.twin() {
        fields.push(Field::new("", twin, theme.old_style()));
    }
    if let Some(age) = &row.age {
        fields.push(Field::new("Age", age.clone(), theme.dim()));
    }
    if let Some((first, rest)) = detail.place_hierarchy.split_first() {
        let mut within = if rest.is_empty() {
            String::new()
        } else {
            format!(", {}", rest.join(", "))
        };
        if let Some(today) = &detail.place_today_words {
            within.push_str(&format!(" (today {today})"));
        }
        fields.push(Field::new("Place", first.clone(), theme.place()).with_rest(within));
    }
    for person in &detail.participants {
        let about = person
            .about
            .as_ref()
            .map(|a| format!(" — {a}"))
            .unwrap_or_default();
        fields.push(Field::new("Person", person.name.clone(), theme.person()).with_rest(about));
    }
    if !row.tags.is_empty() {
        fields.push(Field::new("Tags", row.tags.join(", "), Style::new()));
    }
    for period in &detail.period_titles {
        fields.push(Field::new("Period", period.clone(), Style::new()));
    }
    if let Some(source) = &row.source {
        fields.push(Field::new("Source", source.clone(), Style::new()));
    }
    fields.push(Field::new("Id", row.id.clone(), theme.dim()));
    for field in &fields {
        field_lines(field, width, words, theme, &mut lines);
    }
    if let Some(summary) = &row.summary {
        lines.push(Line::default());
        lines.extend(
            wrap(summary, width)
                .iter()
                .map(|l| Line::from(marked(l, Style::new(), words, theme))),
        );
    }
    lines
}

/// A field's value wrapped beside its label; the styled part keeps its style across lines.
fn field_lines(
    field: &Field,
    width: usize,
    words: &WordQuery,
    theme: &Theme,
    lines: &mut Vec<Line<'static>>,
) {
    let text = format!("{}{}", field.styled, field.rest);
    let styled_chars = field.styled.chars().count();
    let mut consumed = 0;
    for (n, line) in wrap(&text, width - LABEL).into_iter().enumerate() {
        let label = if n == 0 { field.label } else { "" };
        let pad = LABEL.saturating_sub(label.width());
        let mut spans = vec![Span::styled(
            format!("{label}{}", " ".repeat(pad)),
            theme.dim(),
        )];
        // `wrap` drops the space it breaks at; the styled part ends at the same character.
        let in_style = styled_chars
            .saturating_sub(consumed)
            .min(line.chars().count());
        let split = line
            .char_indices()
            .nth(in_style)
            .map_or(line.len(), |(i, _)| i);
        consumed += line.chars().count() + 1;
        let (head, tail) = line.split_at(split);
        spans.extend(marked(head, field.style, words, theme));
        spans.extend(marked(tail, Style::new(), words, theme));
        lines.push(Line::from(spans));
    }
}

/// `text` in `style`, with the search's matches in the theme's mark.
fn marked(text: &str, style: Style, words: &WordQuery, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for mark in words.highlights(text) {
        if mark.start > at {
            spans.push(Span::styled(text[at..mark.start].to_string(), style));
        }
        spans.push(Span::styled(
            text[mark.clone()].to_string(),
            style.patch(theme.matched()),
        ));
        at = mark.end;
    }
    if at < text.len() {
        spans.push(Span::styled(text[at..].to_string(), style));
    }
    spans
}
