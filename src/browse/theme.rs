//! The explorer's styles: the palette's roles (date, Old Style, age, title, place, person,
//! period) as ratatui styles, and the symbols it draws with, following the caller's decisions
//! about color and Unicode.

use ratatui::style::{Color, Modifier, Style};

use crate::term::PERIOD_COLORS;

/// Styles and symbols for one run; without color, only bold, dim and reverse video remain, so
/// the selected row and the marks stay visible on any terminal.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Colors are on.
    pub color: bool,
    /// Unicode symbols are allowed (else ASCII).
    pub unicode: bool,
}

impl Theme {
    /// No color, ASCII only: what tests and the line counts of [`super::card`] use.
    pub fn plain() -> Theme {
        Theme {
            color: false,
            unicode: false,
        }
    }

    fn colored(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// A New Style date.
    pub fn date(&self) -> Style {
        self.colored(Color::Cyan)
    }

    /// An Old Style date.
    pub fn old_style(&self) -> Style {
        self.colored(Color::Magenta)
    }

    /// The subject's age, and other secondary text.
    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// An event's title where it stands out (the opened event).
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A place name.
    pub fn place(&self) -> Style {
        self.colored(Color::Green)
    }

    /// A person's name.
    pub fn person(&self) -> Style {
        self.colored(Color::Yellow)
    }

    /// A column heading or a label.
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The header and footer bars.
    pub fn bar(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The selected row.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// Text that matched the search: highlighted when color is on (as ripgrep does),
    /// underlined otherwise.
    pub fn matched(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// The period at `index` of the timeline: periods take colors in turn, as in the chart.
    pub fn period(&self, index: usize) -> Style {
        let color = match index % PERIOD_COLORS {
            0 => Color::Cyan,
            1 => Color::Yellow,
            2 => Color::Magenta,
            3 => Color::Green,
            4 => Color::Blue,
            _ => Color::Red,
        };
        self.colored(color).add_modifier(Modifier::BOLD)
    }

    /// The mark before the selected row.
    pub fn pointer(&self) -> &'static str {
        if self.unicode { "▶ " } else { "> " }
    }

    /// Between parts of a bar.
    pub fn separator(&self) -> &'static str {
        if self.unicode { " │ " } else { " | " }
    }

    /// Ends a cut text.
    pub fn ellipsis(&self) -> &'static str {
        if self.unicode { "…" } else { "~" }
    }

    /// Between two dates or numbers.
    pub fn dash(&self) -> &'static str {
        if self.unicode { "–" } else { "-" }
    }
}
