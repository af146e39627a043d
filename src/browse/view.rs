//! Drawing the model: the header (where in the life the reader is), the event rows with the
//! table's words, the preview of the selected event, the footer (keys or the search being typed),
//! the opened event, and the help and picker overlays (`overlay.rs`); the list's columns are
//! `columns.rs`. Reads the model, changes nothing.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::card;
use super::columns::{Columns, cut, fit_line};
use super::model::{EventList, Model, Overlay, Screen, Subject, list_rows};
pub use super::overlay::HELP;
use super::overlay::{draw_help, draw_picker};
use super::theme::Theme;
use crate::view::{EventRow, Views};

/// Below this size only a note is drawn.
const TINY: (u16, u16) = (24, 6);

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, model: &Model, theme: &Theme) {
    let area = frame.area();
    if area.width < TINY.0 || area.height < TINY.1 {
        let note = Paragraph::new("Window too small for timeline browse; q quits.");
        frame.render_widget(note.wrap(ratatui::widgets::Wrap { trim: true }), area);
        return;
    }
    match model.top() {
        Screen::List(list) => draw_list(frame, model, list, theme),
        Screen::Event(opened) => draw_event(frame, model, opened.event, opened.scroll, theme),
    }
    match &model.overlay {
        Some(Overlay::Help) => draw_help(frame, theme),
        Some(Overlay::Picker(picker)) => draw_picker(frame, picker, theme),
        None => {}
    }
}

/// Header, column heading, rows, preview, footer.
fn draw_list(frame: &mut Frame, model: &Model, list: &EventList, theme: &Theme) {
    let [header, heading, body, preview, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    frame.render_widget(
        header_line(model, list.selected(), theme, header.width),
        header,
    );
    let views = Views::new(model.index);
    let rows_shown = list_rows(frame.area().height).min(usize::from(body.height));
    let visible: Vec<EventRow> = list
        .shown
        .iter()
        .skip(list.offset)
        .take(rows_shown)
        .map(|&i| views.row(&model.events[i]))
        .collect();
    let columns = Columns::fit(list.widths, &visible, body.width);
    frame.render_widget(columns.heading(theme), heading);
    if visible.is_empty() {
        let note = if list.is_filtered() {
            "No events match. Esc clears the search, then the tag and period."
        } else {
            "No events here."
        };
        frame.render_widget(Paragraph::new(note).style(theme.dim()), body);
    }
    let lines: Vec<Line> = visible
        .iter()
        .enumerate()
        .map(|(n, row)| {
            let selected = list.offset + n == list.cursor;
            columns.row(row, &list.words, selected, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
    let selected_row = list
        .cursor
        .checked_sub(list.offset)
        .and_then(|n| visible.get(n));
    frame.render_widget(
        preview_lines(selected_row, &columns, theme, preview.width),
        preview,
    );
    frame.render_widget(footer_line(model, list, theme, footer.width), footer);
}

/// The opened event: header, its card scrolled, footer.
fn draw_event(frame: &mut Frame, model: &Model, event: usize, scroll: usize, theme: &Theme) {
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    frame.render_widget(header_line(model, Some(event), theme, header.width), header);
    let inner = body.inner(ratatui::layout::Margin::new(1, 0));
    let event = &model.events[event];
    let lines = card::lines(model.index, event, inner.width, &model.list().words, theme);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
    let keys = [
        ("Esc", "back"),
        ("?", "help"),
        ("q", "quit"),
        ("←→", "previous/next"),
        ("p", "person"),
        ("w", "place"),
        ("↑↓", "scroll"),
    ];
    let text = model
        .status
        .clone()
        .unwrap_or_else(|| hints(&keys, theme, footer.width));
    frame.render_widget(bar(text, theme, footer.width), footer);
}

/// One full-width bar of text.
fn bar(text: String, theme: &Theme, width: u16) -> Paragraph<'static> {
    Paragraph::new(cut(&text, usize::from(width), theme)).style(theme.bar())
}

/// The keys that fit in `width`, in order of importance.
fn hints(keys: &[(&str, &str)], theme: &Theme, width: u16) -> String {
    let mut text = String::new();
    for (key, what) in keys {
        let key = if theme.unicode {
            key.to_string()
        } else {
            key.replace("↑↓", "Up/Dn").replace("←→", "Lt/Rt")
        };
        let part = format!(" {key} {what} ");
        if text.width() + part.width() > usize::from(width) {
            break;
        }
        text.push_str(&part);
    }
    text
}

/// Where the reader is: the list's subject, the selected event's year, age and period, and
/// how many events are shown.
fn header_line(model: &Model, event: Option<usize>, theme: &Theme, width: u16) -> Line<'static> {
    let index = model.index;
    let timeline = index.timeline();
    let list = model.list();
    let subject = match list.subject {
        Subject::All => timeline.title.clone(),
        Subject::Person(p) => {
            let person = &timeline.people[p];
            match person.life_words() {
                life if life.is_empty() => person.name.clone(),
                life => format!("{} ({life})", person.name),
            }
        }
        Subject::Place(p) => format!("at {}", timeline.places[p].name),
    };
    let sep = theme.separator();
    let mut spans = vec![Span::raw(format!(" {subject}"))];
    if let Some(event) = event.map(|e| &model.events[e]) {
        let (first, last) = (event.date.earliest().year(), event.date.latest().year());
        let year = if first == last {
            first.to_string()
        } else {
            format!("{first}{}{last}", theme.dash())
        };
        spans.push(Span::raw(sep));
        spans.push(Span::styled(year, theme.heading()));
        if let Some(age) = index.subject_age(&event.date) {
            spans.push(Span::raw(format!(" · age {age}")));
        }
        // The narrowest of the periods the event overlaps: the rule the picker and `--in` use.
        let period = index
            .periods_of(&event.date)
            .min_by_key(|&p| timeline.periods[p].span.span_days());
        if let Some(p) = period {
            spans.push(Span::raw(sep));
            spans.push(Span::styled(
                timeline.periods[p].title.clone(),
                theme.period(p),
            ));
        }
    }
    let mut count = if list.shown.len() == list.base.len() {
        format!("{} events", list.base.len())
    } else {
        format!("{} of {}", list.shown.len(), list.base.len())
    };
    if let Some(tag) = &list.tag {
        count.push_str(&format!(" · tag {tag}"));
    }
    if let Some(p) = list.period {
        count.push_str(&format!(" · in {}", timeline.periods[p].id));
    }
    spans.push(Span::raw(sep));
    spans.push(Span::raw(count));
    fit_line(spans, usize::from(width), theme).style(theme.bar())
}

/// The search being typed, a note, or the keys.
fn footer_line(model: &Model, list: &EventList, theme: &Theme, width: u16) -> Paragraph<'static> {
    let count = format!("{} of {}", list.shown.len(), list.base.len());
    if model.typing {
        let cursor = if theme.unicode { "▏" } else { "_" };
        let text = format!(
            " /{}{cursor}  {count} match  (Enter keeps, Esc clears)",
            list.search
        );
        return bar(text, theme, width);
    }
    if let Some(status) = &model.status {
        return bar(format!(" {status}"), theme, width);
    }
    if !list.search.is_empty() {
        let text = format!(" /{}  {count} match  (/ edit, Esc clear)", list.search);
        return bar(text, theme, width);
    }
    let keys = [
        ("?", "help"),
        ("q", "quit"),
        ("Enter", "open"),
        ("/", "search"),
        ("t", "tag"),
        ("i", "period"),
        ("p", "person"),
        ("w", "place"),
        ("↑↓", "move"),
        ("Esc", "back"),
    ];
    bar(hints(&keys, theme, width), theme, width)
}

/// The selected event's place, people and summary, for what the columns leave out.
fn preview_lines(
    row: Option<&EventRow>,
    columns: &Columns,
    theme: &Theme,
    width: u16,
) -> Paragraph<'static> {
    let Some(row) = row else {
        return Paragraph::new("");
    };
    let mut parts: Vec<Vec<Span>> = Vec::new();
    if let (Some(twin), false) = (row.date_parts.twin(), columns.old_style > 0) {
        parts.push(vec![Span::styled(twin, theme.old_style())]);
    }
    if let Some(place) = &row.place {
        parts.push(vec![
            Span::raw("in "),
            Span::styled(place.clone(), theme.place()),
        ]);
    }
    if !row.people.is_empty() {
        let mut with = vec![Span::raw("with ")];
        for (n, person) in row.people.iter().enumerate() {
            if n > 0 {
                with.push(Span::raw(", "));
            }
            with.push(Span::styled(person.clone(), theme.person()));
        }
        parts.push(with);
    }
    let mut first: Vec<Span> = vec![Span::raw(" ")];
    for (n, part) in parts.into_iter().enumerate() {
        if n > 0 {
            first.push(Span::raw(" · "));
        }
        first.extend(part);
    }
    let summary = row.summary.clone().unwrap_or_default();
    let width = usize::from(width);
    Paragraph::new(vec![
        fit_line(first, width, theme),
        Line::from(Span::styled(
            cut(&format!(" {summary}"), width, theme),
            theme.dim(),
        )),
    ])
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Color;

    use super::*;
    use crate::browse::testing::{fixture, keys, model, type_text};
    use crate::browse::update::Key;

    fn screen(model: &Model, theme: &Theme) -> Terminal<TestBackend> {
        let (width, height) = model.size;
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| draw(frame, model, theme)).unwrap();
        terminal
    }

    fn unicode() -> Theme {
        Theme {
            color: false,
            unicode: true,
        }
    }

    /// The screens a reader meets, at the two sizes the issue names.
    #[test]
    fn screens_at_80x24_and_120x40() {
        let index = fixture();
        for size in [(80, 24), (120, 40)] {
            let name = |what: &str| format!("{what}_{}x{}", size.0, size.1);
            let mut m = model(&index, size);
            keys(&mut m, &[Key::Down, Key::Down, Key::Down]);
            insta::assert_snapshot!(name("list"), screen(&m, &unicode()).backend());
            keys(&mut m, &[Key::Char('/')]);
            type_text(&mut m, "kamenev");
            insta::assert_snapshot!(name("typing"), screen(&m, &unicode()).backend());
            keys(&mut m, &[Key::Enter, Key::Enter]);
            insta::assert_snapshot!(name("event"), screen(&m, &unicode()).backend());
            keys(&mut m, &[Key::Esc, Key::Esc, Key::Char('?')]);
            insta::assert_snapshot!(name("help"), screen(&m, &unicode()).backend());
            keys(&mut m, &[Key::Esc, Key::Char('i')]);
            insta::assert_snapshot!(name("periods"), screen(&m, &unicode()).backend());
        }
    }

    #[test]
    fn columns_keep_their_widths_while_the_reader_searches_and_scrolls() {
        let index = fixture();
        let mut m = model(&index, (100, 9));
        let heading = |m: &Model| {
            screen(m, &unicode())
                .backend()
                .to_string()
                .lines()
                .nth(1)
                .unwrap()
                .to_string()
        };
        let before = heading(&m);
        keys(&mut m, &[Key::Char('/')]);
        type_text(&mut m, "mexico");
        assert_eq!(heading(&m), before, "filtered");
        keys(&mut m, &[Key::Esc, Key::End]);
        assert_eq!(heading(&m), before, "scrolled to rows of other widths");
    }

    #[test]
    fn ascii_only_without_unicode() {
        let index = fixture();
        let mut m = model(&index, (80, 24));
        keys(&mut m, &[Key::Char('?')]);
        let terminal = screen(&m, &Theme::plain());
        insta::assert_snapshot!("help_ascii", terminal.backend());
        let buffer = terminal.backend().buffer();
        // The program's own symbols are ASCII; the timeline's words (dates with en dashes,
        // accented names) are the timeline's.
        for symbol in ["▶", "│", "╭", "╮", "╰", "╯", "─", "▏", "…", "↑"] {
            assert!(
                buffer.content().iter().all(|cell| cell.symbol() != symbol),
                "{symbol} drawn without Unicode"
            );
        }
    }

    #[test]
    fn every_size_from_60x20_to_250x70_keeps_the_date_and_title_and_the_count() {
        let index = fixture();
        for (w, h) in [
            (60, 20),
            (72, 22),
            (80, 24),
            (100, 30),
            (120, 40),
            (180, 50),
            (250, 70),
        ] {
            let m = model(&index, (w, h));
            let terminal = screen(&m, &unicode());
            let text = terminal.backend().to_string();
            assert!(
                text.contains("26 Oct 1879 O.S.") || text.contains("7 Nov 1879"),
                "{w}x{h}\n{text}"
            );
            assert!(text.contains("Born"), "{w}x{h}");
            assert!(text.contains("10 events"), "{w}x{h}");
            assert!(
                text.contains("Early years"),
                "{w}x{h}: the period of the selected row"
            );
        }
        // Tiny windows get a note, not a panic.
        for (w, h) in [(1, 1), (10, 3), (30, 5)] {
            let m = model(&index, (w, h));
            screen(&m, &unicode());
        }
    }

    #[test]
    fn colors_only_when_color_is_on() {
        let index = fixture();
        let m = model(&index, (80, 24));
        let colored = |theme: &Theme| {
            let terminal = screen(&m, theme);
            terminal
                .backend()
                .buffer()
                .content()
                .iter()
                .any(|cell| cell.fg != Color::Reset || cell.bg != Color::Reset)
        };
        assert!(!colored(&unicode()));
        assert!(colored(&Theme {
            color: true,
            unicode: true
        }));
    }

    #[test]
    fn search_matches_are_marked_in_the_opened_event() {
        let index = fixture();
        let mut m = model(&index, (80, 24));
        keys(&mut m, &[Key::Char('/')]);
        type_text(&mut m, "cart");
        keys(&mut m, &[Key::Enter, Key::Enter]);
        let theme = Theme {
            color: true,
            unicode: true,
        };
        let terminal = screen(&m, &theme);
        let marked: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .filter(|cell| cell.bg == Color::Yellow)
            .map(|cell| cell.symbol())
            .collect();
        assert_eq!(marked, "cart", "in the title");
    }

    #[test]
    fn search_matches_are_marked_in_the_rows() {
        let index = fixture();
        let mut m = model(&index, (120, 40));
        keys(&mut m, &[Key::Char('/')]);
        type_text(&mut m, "cart");
        let theme = Theme {
            color: true,
            unicode: true,
        };
        let terminal = screen(&m, &theme);
        let buffer = terminal.backend().buffer();
        let marked: String = buffer
            .content()
            .iter()
            .filter(|cell| cell.bg == Color::Yellow)
            .map(|cell| cell.symbol())
            .collect();
        assert_eq!(marked, "cart");
    }
}
