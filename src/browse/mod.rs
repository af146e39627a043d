//! `timeline browse`: a full-screen explorer of the selected events, in the Elm architecture of
//! ratatui's guide: a [`model`], messages turned into changes by a pure [`update()`], and a
//! [`view`] that draws (the update's pickers in `pickers.rs`; the view's list columns and
//! overlays in `columns.rs` and `overlay.rs`). This file owns the terminal: raw mode and the
//! alternate screen on entry, and their undoing on every way out (quit, error, panic, and the
//! signals that end a program: SIGTERM, SIGHUP, SIGINT and SIGQUIT sent by `kill`), and the loop
//! between them.

pub mod card;
mod columns;
pub mod model;
mod overlay;
mod pickers;
#[cfg(test)]
mod testing;
pub mod theme;
pub mod update;
pub mod view;

use std::io::{self, IsTerminal, Write};
use std::os::fd::AsFd;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::error::Error;
use crate::index::Index;
use model::Model;
use theme::Theme;
use update::{Effect, Key, Msg, update};

/// How the explorer looks, as the program decided it (the explorer reads no environment).
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Color the screen.
    pub color: bool,
    /// Draw Unicode symbols (else ASCII).
    pub unicode: bool,
}

/// Explores `events` (positions in `index`, in display order) until the reader quits.
///
/// Refuses (exit 2) when standard output is not a terminal: a full-screen view in a pipe or a
/// file would be escape codes, not an answer.
pub fn run(index: &Index, events: &[usize], options: &Options) -> Result<(), Error> {
    if !io::stdout().is_terminal() {
        return Err(Error::Usage(
            "browse needs a terminal on standard output; for a pipe or a file, list the events \
             (`timeline`, `--format plain`, `--format json`)"
                .into(),
        ));
    }
    let theme = Theme {
        color: options.color,
        unicode: options.unicode,
    };
    // crossterm reads NO_COLOR on its own and then writes an empty SGR for every color change,
    // which resets bold and reverse video too. The program has decided about color already
    // (the theme has no colors when it is off), so crossterm must write what it is given.
    ratatui::crossterm::style::force_color_output(true);
    install_panic_hook();
    let screen = Arc::new(Mutex::new(false));
    restore_on_signals(Arc::clone(&screen))?;
    {
        let mut entered = lock(&screen);
        enter()?;
        *entered = true;
    }
    let result = event_loop(index, events, &theme, &screen);
    let restored = {
        let mut entered = lock(&screen);
        *entered = false;
        leave()
    };
    result.and(restored.map_err(Error::from))
}

/// Whether the terminal is the explorer's (raw, alternate screen), held while it is drawn on.
type Screen = Arc<Mutex<bool>>;

fn lock(screen: &Screen) -> std::sync::MutexGuard<'_, bool> {
    screen.lock().unwrap_or_else(PoisonError::into_inner)
}

/// On SIGTERM, SIGHUP, SIGINT or SIGQUIT (in raw mode no key sends them; `kill` does), gives
/// the terminal back as [`leave`] does, then ends the program by that signal, as it would have
/// ended without the explorer. The screen is taken first, so no frame is half drawn over the
/// shell's screen. Without this the shell was left raw, on the alternate screen, mouse on.
fn restore_on_signals(screen: Screen) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    // The terminal through a descriptor of its own: the run holds standard output's lock
    // (app.rs writes through it), so this thread could never take it.
    let mut terminal = std::fs::File::from(io::stdout().as_fd().try_clone_to_owned()?);
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let entered = lock(&screen);
            if *entered {
                let _ = leave_on(&mut terminal);
            }
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            drop(entered);
        }
    });
    Ok(())
}

/// Draws, waits for a message, updates; until [`Effect::Quit`].
fn event_loop(
    index: &Index,
    events: &[usize],
    theme: &Theme,
    screen: &Screen,
) -> Result<(), Error> {
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    let mut model = Model::new(index, events.to_vec(), (size.width, size.height))?;
    loop {
        {
            let _drawing = lock(screen);
            terminal.draw(|frame| view::draw(frame, &model, theme))?;
        }
        // Wait for one message, then take every one already queued before drawing again, so a
        // burst of keys or wheel turns costs one frame.
        let mut next = Some(event::read()?);
        while let Some(event) = next.take() {
            for msg in messages(event) {
                if update(&mut model, msg) == Effect::Quit {
                    return Ok(());
                }
            }
            if event::poll(Duration::ZERO)? {
                next = Some(event::read()?);
            }
        }
    }
}

/// The messages for a terminal event; none for events the explorer ignores.
pub fn messages(event: Event) -> Vec<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            key_messages(key).into_iter().map(Msg::Key).collect()
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => vec![Msg::Wheel(1)],
            MouseEventKind::ScrollUp => vec![Msg::Wheel(-1)],
            MouseEventKind::Down(MouseButton::Left) => vec![Msg::Click(mouse.row)],
            _ => Vec::new(),
        },
        Event::Resize(width, height) => vec![Msg::Resize(width, height)],
        _ => Vec::new(),
    }
}

fn key_messages(key: KeyEvent) -> Vec<Key> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    vec![match key.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        // A terminal sends Alt+j as Esc then j, and Esc pressed just before j arrives the same
        // way: both mean Esc, then j (typed into a search otherwise).
        KeyCode::Char(c) if alt => return vec![Key::Esc, Key::Char(c)],
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return Vec::new(),
    }]
}

/// Raw mode, the alternate screen, mouse reports, no cursor.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(
        out,
        EnterAlternateScreen,
        EnableMouseCapture,
        ratatui::crossterm::cursor::Hide
    ) {
        let _ = leave();
        return Err(e);
    }
    Ok(())
}

/// Undoes [`enter`] step by step, each step tried even when one before it failed.
fn leave() -> io::Result<()> {
    leave_on(&mut io::stdout())
}

/// [`leave`], its escape codes written to `out`.
fn leave_on(out: &mut impl Write) -> io::Result<()> {
    let mouse = execute!(out, DisableMouseCapture);
    let screen = execute!(out, LeaveAlternateScreen, ratatui::crossterm::cursor::Show);
    let raw = disable_raw_mode();
    let _ = out.flush();
    mouse.and(screen).and(raw)
}

/// Restores the terminal before a panic's message is printed, so the message is readable and
/// the shell is usable after it.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = leave();
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn terminal_events_become_messages() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            messages(key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            [Msg::Key(Key::Ctrl('c'))]
        );
        assert_eq!(
            messages(key(KeyCode::Char('j'), KeyModifiers::ALT)),
            [Msg::Key(Key::Esc), Msg::Key(Key::Char('j'))]
        );
        assert_eq!(messages(key(KeyCode::F(1), none)), []);
        assert_eq!(messages(Event::Resize(60, 20)), [Msg::Resize(60, 20)]);
        let mut release = KeyEvent::new(KeyCode::Char('q'), none);
        release.kind = KeyEventKind::Release;
        assert_eq!(
            messages(Event::Key(release)),
            [],
            "a release is not a second press"
        );
    }
}
