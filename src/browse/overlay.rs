//! The explorer's overlays, boxes drawn over the screen under them: the keys (`?`) and the
//! pickers (tags, periods, people, places). Part of the view: pure drawing from the model.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::columns::fit;
use super::model::{Picker, PickerKind};
use super::theme::Theme;

/// A box centered on the screen, at most `width` by `height`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width.saturating_sub(2)).max(1);
    let height = height.min(area.height.saturating_sub(2)).max(1);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// A box with a border (rounded, or ASCII without Unicode) and `title` on it.
fn framed<'b>(title: &'b str, theme: &Theme) -> Block<'b> {
    let block = Block::default().borders(Borders::ALL).title(title);
    if theme.unicode {
        block.border_type(ratatui::widgets::BorderType::Rounded)
    } else {
        block.border_set(ratatui::symbols::border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        })
    }
}

/// The keys, as `?` shows them.
pub const HELP: &[(&str, &str)] = &[
    ("Up/Down, j/k", "move one event"),
    ("PgUp/PgDn, Space", "move one screen"),
    ("g/G, Home/End", "first / last event"),
    ("mouse wheel, click", "scroll / select"),
    ("Enter", "open the event in full"),
    ("/", "search as you type: words, \"a phrase\""),
    ("Enter / Esc (typing)", "keep the search / clear it"),
    ("t", "only events with a tag"),
    ("i", "only events in a period"),
    ("p", "the events of a person in the event"),
    ("w", "the events at the event's place"),
    ("Left/Right (event)", "previous / next event"),
    ("Esc", "clear the search and filters, then back"),
    ("Backspace", "back"),
    ("q, Ctrl-C", "quit"),
];

/// The keys, in a box over the screen.
pub(super) fn draw_help(frame: &mut Frame, theme: &Theme) {
    let keys = HELP.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let lines: Vec<Line> = HELP
        .iter()
        .map(|(key, what)| {
            Line::from(vec![
                Span::styled(format!(" {key:keys$}  "), theme.heading()),
                Span::raw(*what),
            ])
        })
        .chain([Line::from(Span::styled(
            " any key closes this",
            theme.dim(),
        ))])
        .collect();
    let area = centered(frame.area(), 68, lines.len() as u16 + 2);
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(framed(" Keys ", theme)), area);
}

/// The picker's choices with their counts, the cursor's highlighted, scrolled to keep it shown.
pub(super) fn draw_picker(frame: &mut Frame, picker: &Picker, theme: &Theme) {
    let title = match picker.kind {
        PickerKind::Tag => " Tag (Enter picks, Esc closes) ",
        PickerKind::Period => " Period (Enter picks, Esc closes) ",
        PickerKind::Person => " Whose events? ",
        PickerKind::Place => " Events at ",
    };
    let screen = frame.area();
    let area = centered(screen, 60, picker.choices.len() as u16 + 2);
    let rows = usize::from(area.height.saturating_sub(2)).max(1);
    let offset = picker.cursor.saturating_sub(rows - 1);
    let inner = usize::from(area.width.saturating_sub(2));
    let numbers = picker
        .choices
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    let lines: Vec<Line> = picker
        .choices
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(n, choice)| {
            let label = fit(&choice.label, inner.saturating_sub(numbers + 3), theme);
            let text = format!(" {label} {:>numbers$} ", choice.count);
            if n == picker.cursor {
                Line::from(Span::styled(text, theme.selected()))
            } else {
                Line::from(text)
            }
        })
        .collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(framed(title, theme)), area);
}
