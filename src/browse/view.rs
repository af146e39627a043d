//! Drawing the model: the header (where in the life the reader is), the event rows with the
//! table's words, the preview of the selected event, the footer (keys or the search being typed),
//! the opened event, and the help and picker overlays. Reads the model, changes nothing.

use std::ops::Range;

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::card;
use super::model::{
    EventList, Model, Overlay, Picker, PickerKind, Screen, Subject, Widths, list_rows,
};
use super::theme::Theme;
use crate::search::WordQuery;
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
        .map(|&i| views.row(&model.index.events()[i]))
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
    if let Some(event) = event.map(|e| &index.events()[e]) {
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

/// The widths of the list's columns (0: not shown), fitted to the rows on screen.
struct Columns {
    date: usize,
    old_style: usize,
    age: usize,
    title: usize,
    place: usize,
    people: usize,
}

/// Room between columns.
const GAP: usize = 2;

impl Columns {
    /// Widths for a screen `width` wide, from the list's measured widths or else the rows on
    /// screen.
    fn fit(measured: Option<Widths>, rows: &[EventRow], width: u16) -> Columns {
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

    fn heading(&self, theme: &Theme) -> Paragraph<'static> {
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
    fn row(
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
        spans.extend(marked(&row.title, self.title, Style::new(), words, theme));
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

fn gap() -> Span<'static> {
    Span::raw(" ".repeat(GAP))
}

fn pad(text: &str, width: usize, theme: &Theme) -> Span<'static> {
    Span::raw(fit(text, width, theme))
}

/// `text` cut to `width` columns with an ellipsis, then padded to exactly `width`.
fn fit(text: &str, width: usize, theme: &Theme) -> String {
    let mut cut = cut(text, width, theme);
    let pad = width.saturating_sub(cut.width());
    cut.extend(std::iter::repeat_n(' ', pad));
    cut
}

/// `text` cut to at most `width` columns, ending in the theme's ellipsis when cut.
fn cut(text: &str, width: usize, theme: &Theme) -> String {
    crate::render::truncate_with(text, width, theme.ellipsis())
}

/// Spans cut together to `width` columns (ellipsis at the end when cut).
fn fit_line(spans: Vec<Span<'static>>, width: usize, theme: &Theme) -> Line<'static> {
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
fn marked(
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

fn draw_help(frame: &mut Frame, theme: &Theme) {
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

fn draw_picker(frame: &mut Frame, picker: &Picker, theme: &Theme) {
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
