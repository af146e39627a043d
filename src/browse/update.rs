//! What each key, wheel turn, click and resize does to the model: a function of the model and
//! the message alone (no terminal, no clock, no I/O), so every behaviour is tested without a
//! screen.

use super::card;
use super::model::{Model, Opened, Overlay, Screen, detail_rows, list_rows};
use super::pickers::{
    jump_to_person, jump_to_place, move_picker, open_period_picker, open_tag_picker, overlay_key,
};
use super::theme::Theme;

/// A key, as the explorer understands it (the terminal's key events are mapped to these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character.
    Char(char),
    /// A character with Ctrl held.
    Ctrl(char),
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Backspace.
    Backspace,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
}

/// Something that happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// A key was pressed.
    Key(Key),
    /// The mouse wheel turned by this many lines (positive: down).
    Wheel(i32),
    /// The left button was pressed on this screen row.
    Click(u16),
    /// The screen is now this many columns wide and lines tall.
    Resize(u16, u16),
}

/// What the loop must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Draw the new state and wait for the next message.
    Redraw,
    /// Restore the terminal and end.
    Quit,
}

/// Lines the wheel moves per notch.
const WHEEL_LINES: isize = 3;

/// Applies `msg` to `model`.
pub fn update(model: &mut Model, msg: Msg) -> Effect {
    model.status = None;
    match msg {
        Msg::Key(Key::Ctrl('c')) => return Effect::Quit,
        Msg::Resize(width, height) => {
            model.size = (width, height);
            let rows = list_rows(height);
            for screen in &mut model.screens {
                if let Screen::List(list) = screen {
                    list.scroll_to_cursor(rows);
                }
            }
            clamp_scroll(model);
        }
        Msg::Wheel(lines) => wheel(model, lines as isize * WHEEL_LINES),
        Msg::Click(row) => click(model, row),
        Msg::Key(key) if model.overlay.is_some() => return overlay_key(model, key),
        Msg::Key(key) if model.typing => typing_key(model, key),
        Msg::Key(key) => {
            return match model.top() {
                Screen::List(_) => list_key(model, key),
                Screen::Event(_) => event_key(model, key),
            };
        }
    }
    Effect::Redraw
}

fn wheel(model: &mut Model, lines: isize) {
    let rows = list_rows(model.size.1);
    match (&mut model.overlay, model.screens.last_mut()) {
        (Some(Overlay::Picker(picker)), _) => move_picker(picker, lines),
        (Some(Overlay::Help), _) => {}
        (None, Some(Screen::List(list))) => list.move_by(lines, rows),
        (None, Some(Screen::Event(opened))) => {
            opened.scroll = opened.scroll.saturating_add_signed(lines);
            clamp_scroll(model);
        }
        (None, None) => {}
    }
}

/// A click on a list row selects it (the rows start below the header and the column heading).
fn click(model: &mut Model, row: u16) {
    let rows = list_rows(model.size.1);
    if model.overlay.is_some() {
        return;
    }
    if let Screen::List(list) = model.top_mut()
        && let Some(on_screen) = usize::from(row).checked_sub(2)
        && on_screen < rows
        && list.offset + on_screen < list.shown.len()
    {
        list.move_to(list.offset + on_screen, rows);
    }
}

/// Movement keys shared by lists and pickers: how many rows to move, `None` for other keys.
pub(super) fn movement(key: Key, page: usize) -> Option<isize> {
    let page = page.max(1) as isize;
    match key {
        Key::Up | Key::Char('k') => Some(-1),
        Key::Down | Key::Char('j') => Some(1),
        Key::PageUp | Key::Ctrl('b') => Some(-page),
        Key::PageDown | Key::Ctrl('f') | Key::Char(' ') => Some(page),
        Key::Home | Key::Char('g') => Some(isize::MIN / 2),
        Key::End | Key::Char('G') => Some(isize::MAX / 2),
        _ => None,
    }
}

fn list_key(model: &mut Model, key: Key) -> Effect {
    let rows = list_rows(model.size.1);
    if let Some(delta) = movement(key, rows) {
        if let Screen::List(list) = model.top_mut() {
            list.move_by(delta, rows);
        }
        return Effect::Redraw;
    }
    match key {
        Key::Char('q') => return Effect::Quit,
        Key::Char('?') => model.overlay = Some(Overlay::Help),
        Key::Char('/') => model.typing = true,
        Key::Enter => open_selected(model),
        Key::Esc => {
            let list = model.list_mut();
            if !list.search.is_empty() {
                set_search(model, String::new());
            } else if list.is_filtered() {
                list.tag = None;
                list.period = None;
                model.refilter();
            } else {
                back(model);
            }
        }
        Key::Backspace | Key::Left | Key::Char('h') => back(model),
        Key::Char('t') => open_tag_picker(model),
        Key::Char('i') => open_period_picker(model),
        Key::Char('p') => jump_to_person(model),
        Key::Char('w') => jump_to_place(model),
        _ => {}
    }
    Effect::Redraw
}

fn typing_key(model: &mut Model, key: Key) {
    let rows = list_rows(model.size.1);
    let mut search = model.list().search.clone();
    match key {
        Key::Char(c) => search.push(c),
        Key::Backspace => {
            search.pop();
        }
        Key::Ctrl('u') => search.clear(),
        Key::Enter => {
            model.typing = false;
            return;
        }
        Key::Esc => {
            model.typing = false;
            search.clear();
        }
        other => {
            if let (Some(delta), Screen::List(list)) = (movement(other, rows), model.top_mut()) {
                list.move_by(delta, rows);
            }
            return;
        }
    }
    set_search(model, search);
}

/// Sets the top list's search text and filters again.
fn set_search(model: &mut Model, search: String) {
    let list = model.list_mut();
    list.words = crate::search::WordQuery::parse(&search);
    list.search = search;
    model.refilter();
}

fn event_key(model: &mut Model, key: Key) -> Effect {
    let page = detail_rows(model.size.1) as isize;
    let scroll = match key {
        Key::Up | Key::Char('k') => Some(-1),
        Key::Down | Key::Char('j') => Some(1),
        Key::PageUp | Key::Ctrl('b') => Some(-page),
        Key::PageDown | Key::Ctrl('f') | Key::Char(' ') => Some(page),
        Key::Home | Key::Char('g') => Some(isize::MIN / 2),
        Key::End | Key::Char('G') => Some(isize::MAX / 2),
        _ => None,
    };
    if let (Some(delta), Screen::Event(opened)) = (scroll, model.top_mut()) {
        opened.scroll = opened.scroll.saturating_add_signed(delta);
        clamp_scroll(model);
        return Effect::Redraw;
    }
    match key {
        Key::Char('q') => return Effect::Quit,
        Key::Char('?') => model.overlay = Some(Overlay::Help),
        Key::Esc | Key::Backspace | Key::Char('h') => back(model),
        Key::Left | Key::Char('[') => step_event(model, -1),
        Key::Right | Key::Char(']') => step_event(model, 1),
        Key::Char('p') => jump_to_person(model),
        Key::Char('w') => jump_to_place(model),
        // The list's own keys work from an opened event too, on the list under it.
        Key::Char('/' | 't' | 'i') => {
            back(model);
            return list_key(model, key);
        }
        _ => {}
    }
    Effect::Redraw
}

/// Opens the previous or next event of the list under the opened one, moving its cursor too.
fn step_event(model: &mut Model, delta: isize) {
    let rows = list_rows(model.size.1);
    let list = model.list_mut();
    list.move_by(delta, rows);
    if let Some(event) = list.selected()
        && let Screen::Event(opened) = model.top_mut()
    {
        *opened = Opened { event, scroll: 0 };
    }
}

/// Keeps an opened event's scroll within its lines.
fn clamp_scroll(model: &mut Model) {
    let (width, height) = model.size;
    let (index, events) = (model.index, model.events);
    for screen in &mut model.screens {
        if let Screen::Event(opened) = screen {
            let none = crate::search::WordQuery::default();
            let event = &events[opened.event];
            let lines = card::lines(index, event, width, &none, &Theme::plain()).len();
            opened.scroll = opened.scroll.min(lines.saturating_sub(detail_rows(height)));
        }
    }
}

fn open_selected(model: &mut Model) {
    if let Some(event) = model.list().selected() {
        model
            .screens
            .push(Screen::Event(Opened { event, scroll: 0 }));
    }
}

/// Leaves the top screen for the one under it; the bottom list stays.
fn back(model: &mut Model) {
    if model.screens.len() > 1 {
        model.screens.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browse::model::Subject;
    use crate::browse::testing::{fixture, keys, model, type_text};

    /// The id of the event the reader is on.
    fn on(model: &Model) -> String {
        let event = model.current_event().expect("an event is selected");
        model.events[event].id.clone()
    }

    /// The open picker's choices as (label, count); panics when no picker is open.
    fn picker_choices<'m>(model: &'m Model) -> Vec<(&'m str, usize)> {
        let Some(Overlay::Picker(picker)) = &model.overlay else {
            panic!("no picker")
        };
        picker
            .choices
            .iter()
            .map(|c| (c.label.as_str(), c.count))
            .collect()
    }

    fn shown_ids(model: &Model) -> Vec<String> {
        let events = model.events;
        model
            .list()
            .shown
            .iter()
            .map(|&i| events[i].id.clone())
            .collect()
    }

    #[test]
    fn movement_keys_and_the_wheel_stop_at_the_ends() {
        let index = fixture();
        let mut m = model(&index, (80, 10));
        assert_eq!(on(&m), "birth");
        keys(&mut m, &[Key::Char('j'), Key::Down]);
        assert_eq!(on(&m), "bloody-sunday");
        keys(&mut m, &[Key::Char('k'), Key::Up, Key::Up, Key::Up]);
        assert_eq!(on(&m), "birth");
        keys(&mut m, &[Key::Char('G')]);
        assert_eq!(on(&m), "death");
        // The last row is on screen: 10 lines leave 5 rows, so rows 5 to 9 show.
        assert_eq!(m.list().offset, 5);
        keys(&mut m, &[Key::Home]);
        assert_eq!((on(&m).as_str(), m.list().offset), ("birth", 0));
        keys(&mut m, &[Key::PageDown]);
        assert_eq!(m.list().cursor, 5);
        update(&mut m, Msg::Wheel(1));
        assert_eq!(m.list().cursor, 8);
        update(&mut m, Msg::Wheel(5));
        assert_eq!(on(&m), "death");
        update(&mut m, Msg::Wheel(-100));
        assert_eq!(on(&m), "birth");
    }

    #[test]
    fn a_click_selects_the_row_under_the_pointer() {
        let index = fixture();
        let mut m = model(&index, (80, 24));
        // Screen row 2 is the first list row.
        update(&mut m, Msg::Click(4));
        assert_eq!(on(&m), "bloody-sunday");
        // The header and a row past the last event change nothing.
        update(&mut m, Msg::Click(0));
        update(&mut m, Msg::Click(20));
        assert_eq!(on(&m), "bloody-sunday");
    }

    #[test]
    fn the_search_filters_as_it_is_typed_and_enter_keeps_it() {
        let index = fixture();
        let mut m = model(&index, (80, 24));
        keys(&mut m, &[Key::Char('/')]);
        assert!(m.typing);
        type_text(&mut m, "kamenev");
        assert_eq!(
            shown_ids(&m),
            ["uprising", "brest", "eastern-front", "leningrad-opposition"]
        );
        // Keys that move or quit elsewhere are text while typing.
        type_text(&mut m, " q");
        assert!(shown_ids(&m).is_empty());
        keys(&mut m, &[Key::Backspace, Key::Backspace]);
        type_text(&mut m, " led");
        assert_eq!(shown_ids(&m), ["brest"]);
        keys(&mut m, &[Key::Enter]);
        assert!(!m.typing);
        assert_eq!(m.list().search, "kamenev led");
        // After Enter, keys are commands again; Esc clears the search and shows everything.
        assert_eq!(keys(&mut m, &[Key::Char('j')]), Effect::Redraw);
        keys(&mut m, &[Key::Esc]);
        assert_eq!(m.list().shown.len(), 10);
        assert_eq!(on(&m), "brest", "the cursor stays on the event it was on");
    }

    #[test]
    fn esc_while_typing_clears_the_search() {
        let index = fixture();
        let mut m = model(&index, (80, 24));
        keys(&mut m, &[Key::Char('/')]);
        // Not `mexico` alone: the death at Coyoacán lies within Mexico too.
        type_text(&mut m, "arrived mexico");
        assert_eq!(shown_ids(&m), ["mexico-arrival"]);
        keys(&mut m, &[Key::Esc]);
        assert!(!m.typing);
        assert_eq!(m.list().shown.len(), 10);
        assert_eq!(on(&m), "mexico-arrival");
    }

    #[test]
    fn enter_opens_the_event_and_esc_returns_to_the_same_row() {
        let index = fixture();
        let mut m = model(&index, (80, 24));
        keys(
            &mut m,
            &[Key::Char('j'), Key::Char('j'), Key::Char('j'), Key::Enter],
        );
        assert!(matches!(m.top(), Screen::Event(_)));
        assert_eq!(on(&m), "uprising");
        keys(&mut m, &[Key::Right]);
        assert_eq!(on(&m), "brest", "→ opens the next event");
        keys(&mut m, &[Key::Esc]);
        assert!(matches!(m.top(), Screen::List(_)));
        assert_eq!(on(&m), "brest");
    }

    #[test]
    fn search_and_pickers_from_an_opened_event_act_on_the_list_under_it() {
        let index = fixture();
        let mut m = model(&index, (80, 24));
        keys(&mut m, &[Key::Enter, Key::Char('/')]);
        assert!(m.typing && matches!(m.top(), Screen::List(_)));
        keys(&mut m, &[Key::Esc, Key::Enter, Key::Char('t')]);
        assert!(matches!(m.overlay, Some(Overlay::Picker(_))));
        assert!(matches!(m.top(), Screen::List(_)));
    }

    #[test]
    fn scrolling_an_opened_event_stays_within_its_lines() {
        let index = fixture();
        let mut m = model(&index, (60, 8));
        keys(
            &mut m,
            &[Key::Char('j'), Key::Char('j'), Key::Char('j'), Key::Enter],
        );
        keys(&mut m, &[Key::End]);
        let Screen::Event(opened) = m.top() else {
            panic!("not opened")
        };
        let none = crate::search::WordQuery::default();
        let event = &m.events[opened.event];
        let lines = card::lines(&index, event, 60, &none, &Theme::plain()).len();
        assert_eq!(opened.scroll, lines - detail_rows(8));
        keys(&mut m, &[Key::Home]);
        let Screen::Event(opened) = m.top() else {
            panic!("not opened")
        };
        assert_eq!(opened.scroll, 0);
    }

    #[test]
    fn p_jumps_to_the_person_and_back() {
        let index = fixture();
        let mut m = model(&index, (80, 24));
        keys(&mut m, &[Key::Char('j'), Key::Char('j'), Key::Char('j')]);
        keys(&mut m, &[Key::Enter, Key::Char('p')]);
        assert_eq!(m.list().subject, Subject::Person(1));
        assert_eq!(
            shown_ids(&m),
            ["uprising", "brest", "leningrad-opposition"],
            "Lev Kamenev's events, not Sergey's"
        );
        assert_eq!(
            on(&m),
            "uprising",
            "the jump lands on the event it came from"
        );
        keys(&mut m, &[Key::Esc]);
        assert!(
            matches!(m.top(), Screen::Event(_)),
            "back to the opened event"
        );
        keys(&mut m, &[Key::Esc]);
        assert_eq!(m.screens.len(), 1);
        // An event without people says so instead of jumping.
        keys(&mut m, &[Key::Home, Key::Char('p')]);
        assert_eq!(m.screens.len(), 1);
        assert!(m.status.is_some());
    }

    #[test]
    fn w_offers_the_place_and_the_places_it_lies_within() {
        let index = fixture();
        let mut m = model(&index, (80, 24));
        keys(&mut m, &[Key::End, Key::Char('w')]);
        let labels = picker_choices(&m);
        assert_eq!(labels, [("Coyoacán", 2), ("Mexico", 2)]);
        keys(&mut m, &[Key::Down, Key::Enter]);
        assert!(m.overlay.is_none());
        assert_eq!(shown_ids(&m), ["mexico-arrival", "death"]);
        // The renamed city: the events at Saint Petersburg under all its names.
        keys(
            &mut m,
            &[Key::Backspace, Key::Home, Key::Char('j'), Key::Char('j')],
        );
        keys(&mut m, &[Key::Char('w'), Key::Enter]);
        assert_eq!(
            shown_ids(&m),
            ["bloody-sunday", "uprising", "leningrad-opposition"]
        );
    }

    #[test]
    fn the_tag_picker_filters_and_esc_clears_it() {
        let index = fixture();
        let mut m = model(&index, (80, 24));
        keys(&mut m, &[Key::Char('t')]);
        let choices = picker_choices(&m);
        assert_eq!(choices[0], ("any tag", 10));
        // Most frequent first: revolution has two events.
        assert_eq!(choices[1], ("revolution", 2));
        keys(&mut m, &[Key::Down, Key::Enter]);
        assert_eq!(shown_ids(&m), ["bloody-sunday", "uprising"]);
        assert_eq!(m.list().tag.as_deref(), Some("revolution"));
        keys(&mut m, &[Key::Esc]);
        assert_eq!(m.list().shown.len(), 10);
        // Esc in the picker closes it and changes nothing.
        keys(&mut m, &[Key::Char('t'), Key::Down, Key::Esc]);
        assert!(m.overlay.is_none());
        assert_eq!(m.list().tag, None);
    }

    #[test]
    fn the_period_picker_counts_as_in_does() {
        let index = fixture();
        let mut m = model(&index, (80, 24));
        keys(&mut m, &[Key::Char('i')]);
        let counts = picker_choices(&m);
        // Brest (Dec 1917 – Feb 1918) and the 1920 debate fall in the Revolution (1917–1920).
        assert_eq!(
            counts,
            [
                ("any period", 10),
                ("Early years", 3),
                ("Revolution", 4),
                ("Exile", 2)
            ]
        );
        keys(&mut m, &[Key::Down, Key::Down, Key::Enter]);
        assert_eq!(
            shown_ids(&m),
            ["uprising", "brest", "eastern-front", "late-1920"]
        );
        // The search narrows within the period.
        keys(&mut m, &[Key::Char('/')]);
        type_text(&mut m, "kamenev");
        assert_eq!(shown_ids(&m), ["uprising", "brest", "eastern-front"]);
    }

    #[test]
    fn q_and_ctrl_c_quit_and_help_closes_on_any_key() {
        let index = fixture();
        let mut m = model(&index, (80, 24));
        keys(&mut m, &[Key::Char('?')]);
        assert!(matches!(m.overlay, Some(Overlay::Help)));
        keys(&mut m, &[Key::Char('j')]);
        assert!(m.overlay.is_none());
        assert_eq!(on(&m), "birth", "the key that closed help did nothing else");
        assert_eq!(keys(&mut m, &[Key::Char('q')]), Effect::Quit);
        keys(&mut m, &[Key::Char('/')]);
        assert_eq!(keys(&mut m, &[Key::Ctrl('c')]), Effect::Quit);
        assert_eq!(keys(&mut m, &[Key::Enter, Key::Char('q')]), Effect::Quit);
    }

    #[test]
    fn a_resize_keeps_the_cursor_on_screen() {
        let index = fixture();
        let mut m = model(&index, (80, 24));
        keys(&mut m, &[Key::End]);
        assert_eq!(m.list().offset, 0);
        update(&mut m, Msg::Resize(60, 8));
        assert_eq!(m.size, (60, 8));
        let list = m.list();
        assert!(list.cursor >= list.offset && list.cursor < list.offset + list_rows(8));
    }
}
