//! The list's columns, part of the view: their widths fitted to the screen, and each row's cells
//! cut, padded and with the search's matches marked to them.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::model::Widths;
use super::theme::Theme;
use crate::search::WordQuery;
use crate::view::EventRow;

/// The widths of the list's columns (0: not shown), fitted to the rows on screen.
pub(super) struct Columns {
    pub(super) date: usize,
    pub(super) old_style: usize,
    pub(super) age: usize,
    pub(super) title: usize,
    pub(super) place: usize,
    pub(super) people: usize,
}

/// Room between columns.
const GAP: usize = 2;

impl Columns {
    /// Widths for a screen `width` wide, from the list's measured widths or else the rows on
    /// screen.
    pub(super) fn fit(measured: Option<Widths>, rows: &[EventRow], width: u16) -> Columns {
        let width = usize::from(width);
        let widest = measured.unwrap_or_else(|| Widths::of(rows));
        let date = widest.date.clamp(4, 26);
        let age = widest.age.clamp(3, 6);
        let fixed = 2 + date + GAP + age + GAP;
        let left = width.saturating_sub(fixed);
        let mut place = if width >= 80 {
            widest.place.max(5).min(left / 4)
        } else {
            0
        };
        let mut people = if width >= 110 {
            widest.people.max(6).min(left / 4)
        } else {
            0
        };
        // The title keeps at least half of what is left.
        while (place + people + 2 * GAP) * 2 > left && (place > 0 || people > 0) {
            if people > 0 {
                people = 0;
            } else {
                place = 0;
            }
        }
        let used = |n: usize| if n > 0 { n + GAP } else { 0 };
        let mut title = left.saturating_sub(used(place) + used(people)).max(1);
        // Old Style gets a column of its own (else it is in the preview) when the title keeps
        // room for a long one after it.
        let mut old_style = widest.old_style.min(32);
        if old_style == 0 || title < used(old_style) + 60 {
            old_style = 0;
        } else {
            title -= used(old_style);
        }
        Columns {
            date,
            old_style,
            age,
            title,
            place,
            people,
        }
    }

    pub(super) fn heading(&self, theme: &Theme) -> Paragraph<'static> {
        let mut spans = vec![Span::raw("  "), pad("Date", self.date, theme)];
        if self.old_style > 0 {
            spans.extend([gap(), pad("Old Style", self.old_style, theme)]);
        }
        spans.extend([gap(), pad("Age", self.age, theme), gap()]);
        spans.push(pad("Event", self.title, theme));
        if self.place > 0 {
            spans.extend([gap(), pad("Place", self.place, theme)]);
        }
        if self.people > 0 {
            spans.extend([gap(), pad("People", self.people, theme)]);
        }
        Paragraph::new(Line::from(spans)).style(theme.heading())
    }

    /// One event's row; search matches marked in the title, place and people.
    pub(super) fn row(
        &self,
        row: &EventRow,
        words: &WordQuery,
        selected: bool,
        theme: &Theme,
    ) -> Line<'static> {
        let pointer = if selected { theme.pointer() } else { "  " };
        let mut spans = vec![Span::raw(pointer)];
        spans.push(Span::styled(
            fit(row.date_parts.new_style(), self.date, theme),
            theme.date(),
        ));
        if self.old_style > 0 {
            let twin = row.date_parts.twin().unwrap_or_default();
            spans.extend([
                gap(),
                Span::styled(fit(&twin, self.old_style, theme), theme.old_style()),
            ]);
        }
        let age = row.age.as_deref().unwrap_or("");
        spans.extend([
            gap(),
            Span::styled(fit(age, self.age, theme), theme.dim()),
            gap(),
        ]);
        let title = crate::render::listed_title(row, theme.unicode);
        spans.extend(marked(&title, self.title, Style::new(), words, theme));
        if self.place > 0 {
            spans.push(gap());
            let place = row.place.as_deref().unwrap_or("");
            spans.extend(marked(place, self.place, theme.place(), words, theme));
        }
        if self.people > 0 {
            spans.push(gap());
            let people = row.people.join(", ");
            spans.extend(marked(&people, self.people, theme.person(), words, theme));
        }
        let line = Line::from(spans);
        if selected {
            line.style(theme.selected())
        } else {
            line
        }
    }
}

pub(super) fn gap() -> Span<'static> {
    Span::raw(" ".repeat(GAP))
}

pub(super) fn pad(text: &str, width: usize, theme: &Theme) -> Span<'static> {
    Span::raw(fit(text, width, theme))
}

/// `text` cut to `width` columns with an ellipsis, then padded to exactly `width`.
pub(super) fn fit(text: &str, width: usize, theme: &Theme) -> String {
    let mut cut = cut(text, width, theme);
    let pad = width.saturating_sub(cut.width());
    cut.extend(std::iter::repeat_n(' ', pad));
    cut
}

/// `text` cut to at most `width` columns, ending in the theme's ellipsis when cut.
pub(super) fn cut(text: &str, width: usize, theme: &Theme) -> String {
    crate::render::truncate_with(text, width, theme.ellipsis())
}

/// Spans cut together to `width` columns (ellipsis at the end when cut).
pub(super) fn fit_line(spans: Vec<Span<'static>>, width: usize, theme: &Theme) -> Line<'static> {
    let mut used = 0;
    let mut kept = Vec::new();
    for span in spans {
        let w = span.content.width();
        if used + w <= width {
            used += w;
            kept.push(span);
        } else {
            let room = width - used;
            kept.push(Span::styled(cut(&span.content, room, theme), span.style));
            break;
        }
    }
    Line::from(kept)
}

/// A cell of exactly `width` columns, with the search's matches marked.
pub(super) fn marked(
    text: &str,
    width: usize,
    style: Style,
    words: &WordQuery,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let shown = fit(text, width, theme);
    let marks: Vec<Range<usize>> = words.highlights(text);
    if marks.is_empty() {
        return vec![Span::styled(shown, style)];
    }
    // The cut text keeps the original's prefix, so byte ranges within it still hold; a match
    // that runs into the cut is marked as far as it shows.
    let kept = shown
        .char_indices()
        .zip(text.char_indices())
        .take_while(|((_, a), (_, b))| a == b)
        .last()
        .map_or(0, |((i, c), _)| i + c.len_utf8());
    let mut spans = Vec::new();
    let mut at = 0;
    for mark in marks {
        let (start, end) = (mark.start.min(kept), mark.end.min(kept));
        if start >= end {
            continue;
        }
        if start > at {
            spans.push(Span::styled(shown[at..start].to_string(), style));
        }
        spans.push(Span::styled(
            shown[start..end].to_string(),
            style.patch(theme.matched()),
        ));
        at = end;
    }
    spans.push(Span::styled(shown[at..].to_string(), style));
    spans
}
