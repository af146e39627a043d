//! The environment and the terminal: whether to color, how wide to draw, where to cache, and the
//! palette that gives colors meaning. Read once at start-up; nothing else reads the environment.

use std::ffi::OsString;

use owo_colors::OwoColorize;

/// The parts of the environment that shape output, read once.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// `NO_COLOR`: set and non-empty turns color off (no-color.org).
    pub no_color: Option<OsString>,
    /// `CLICOLOR_FORCE`: set and not `0` turns color on even in a pipe.
    pub clicolor_force: Option<OsString>,
    /// `CLICOLOR`: `0` turns color off on a terminal too (bixense.com/clicolors, as ls on macOS
    /// and the BSDs read it).
    pub clicolor: Option<OsString>,
    /// `TERM`: `dumb` means no color and plain ASCII borders.
    pub term: Option<OsString>,
    /// `COLUMNS`: the width to draw at, when set to a number.
    pub columns: Option<String>,
    /// `TIMELINE_CACHE`: `off` turns the cache of parsed large timelines off.
    pub timeline_cache: Option<OsString>,
    /// `XDG_CACHE_HOME`: where caches go, when set to an absolute path.
    pub xdg_cache_home: Option<OsString>,
    /// `HOME`: caches go under `~/.cache` when `XDG_CACHE_HOME` is unset.
    pub home: Option<OsString>,
    /// `TIMELINE_PAGER`: the pager for this program, before `PAGER`; empty or `cat` means none.
    pub timeline_pager: Option<OsString>,
    /// `PAGER`: the user's pager.
    pub pager: Option<OsString>,
    /// `LESS`: when unset, the pager gets git's `FRX` (quit if one screen, keep colors).
    pub less: Option<OsString>,
}

impl Environment {
    /// Reads the variables of this process.
    pub fn from_process() -> Environment {
        Environment {
            no_color: std::env::var_os("NO_COLOR"),
            clicolor_force: std::env::var_os("CLICOLOR_FORCE"),
            clicolor: std::env::var_os("CLICOLOR"),
            term: std::env::var_os("TERM"),
            columns: std::env::var("COLUMNS").ok(),
            timeline_cache: std::env::var_os("TIMELINE_CACHE"),
            xdg_cache_home: std::env::var_os("XDG_CACHE_HOME"),
            home: std::env::var_os("HOME"),
            timeline_pager: std::env::var_os("TIMELINE_PAGER"),
            pager: std::env::var_os("PAGER"),
            less: std::env::var_os("LESS"),
        }
    }

    /// True for `TERM=dumb`.
    pub fn is_dumb(&self) -> bool {
        self.term.as_deref().is_some_and(|t| t == "dumb")
    }
}

/// The `--color` choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// Color when writing to a terminal, unless NO_COLOR is set, CLICOLOR is 0 or TERM is dumb.
    #[default]
    Auto,
    /// Always color, even in a pipe.
    Always,
    /// Never color.
    Never,
}

/// Decides whether output is colored.
pub fn use_color(choice: ColorChoice, env: &Environment, stdout_is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if env
                .clicolor_force
                .as_deref()
                .is_some_and(|v| !v.is_empty() && v != "0")
            {
                return true;
            }
            let no_color = env.no_color.as_deref().is_some_and(|v| !v.is_empty());
            let clicolor_off = env.clicolor.as_deref().is_some_and(|v| v == "0");
            stdout_is_terminal && !no_color && !clicolor_off && !env.is_dumb()
        }
    }
}

/// The narrowest table drawn; below this columns become unreadable.
pub const MIN_WIDTH: usize = 40;

/// The widest table drawn: `--width 1e9` or `COLUMNS=1000000000` would allocate gigabytes of
/// padding, and no terminal is wider.
pub const MAX_WIDTH: usize = 1000;

/// Decides the width to draw tables at: `--width`, else `COLUMNS`, else the terminal's, else 80;
/// never below [`MIN_WIDTH`] nor above [`MAX_WIDTH`].
pub fn width(flag: Option<usize>, env: &Environment, stdout_is_terminal: bool) -> usize {
    let from_env = env
        .columns
        .as_deref()
        .and_then(|c| c.trim().parse::<usize>().ok());
    let from_terminal = || {
        stdout_is_terminal
            .then(terminal_size::terminal_size)
            .flatten()
            .map(|(w, _)| w.0 as usize)
    };
    flag.or(from_env)
        .filter(|&w| w > 0)
        .or_else(from_terminal)
        .unwrap_or(80)
        .clamp(MIN_WIDTH, MAX_WIDTH)
}

/// The pager a terminal's long output goes through, as git decides it: `TIMELINE_PAGER`, else
/// `PAGER`, else `less`; none in a pipe, with `--no-pager`, or when the choice is empty or `cat`.
pub fn pager(env: &Environment, stdout_is_terminal: bool, no_pager: bool) -> Option<String> {
    if !stdout_is_terminal || no_pager {
        return None;
    }
    let chosen = env
        .timeline_pager
        .as_ref()
        .or(env.pager.as_ref())
        .map(|p| p.to_string_lossy().trim().to_string())
        .unwrap_or_else(|| "less".to_string());
    (!chosen.is_empty() && chosen != "cat").then_some(chosen)
}

/// The terminal's height in lines, when stdout is one.
pub fn height(stdout_is_terminal: bool) -> Option<usize> {
    stdout_is_terminal
        .then(terminal_size::terminal_size)
        .flatten()
        .map(|(_, h)| h.0 as usize)
        // A pseudo-terminal without a size says 0: unknown, so nothing is paged.
        .filter(|&h| h > 0)
}

/// Colors with a meaning: each role always looks the same, and nothing is colored when color is off.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    enabled: bool,
}

impl Palette {
    /// A palette that colors only when `enabled`.
    pub fn new(enabled: bool) -> Palette {
        Palette { enabled }
    }

    /// True when colors are on.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    fn paint(&self, text: &str, style: impl Fn(&str) -> String) -> String {
        if self.enabled && !text.is_empty() {
            style(text)
        } else {
            text.to_string()
        }
    }

    /// A date in the New Style (Gregorian) calendar.
    pub fn date(&self, text: &str) -> String {
        self.paint(text, |t| t.cyan().to_string())
    }

    /// A date in the Old Style (Julian) calendar.
    pub fn old_style(&self, text: &str) -> String {
        self.paint(text, |t| t.magenta().to_string())
    }

    /// The subject's age.
    pub fn age(&self, text: &str) -> String {
        self.paint(text, |t| t.dimmed().to_string())
    }

    /// An event's title.
    pub fn title(&self, text: &str) -> String {
        self.paint(text, |t| t.bold().to_string())
    }

    /// A place name.
    pub fn place(&self, text: &str) -> String {
        self.paint(text, |t| t.green().to_string())
    }

    /// A person's name.
    pub fn person(&self, text: &str) -> String {
        self.paint(text, |t| t.yellow().to_string())
    }

    /// A heading or a field label.
    pub fn heading(&self, text: &str) -> String {
        self.paint(text, |t| t.bold().underline().to_string())
    }

    /// A word the search matched: black on yellow, as ripgrep marks its matches.
    pub fn matched(&self, text: &str) -> String {
        self.paint(text, |t| t.black().on_yellow().bold().to_string())
    }

    /// Secondary text.
    pub fn dim(&self, text: &str) -> String {
        self.paint(text, |t| t.dimmed().to_string())
    }

    /// The color of the period at `index` in the timeline: periods take [`PERIOD_COLORS`] colors
    /// in turn, so neighbouring periods differ.
    pub fn period(&self, index: usize, text: &str) -> String {
        self.paint(text, |t| match index % PERIOD_COLORS {
            0 => t.cyan().to_string(),
            1 => t.yellow().to_string(),
            2 => t.magenta().to_string(),
            3 => t.green().to_string(),
            4 => t.blue().to_string(),
            _ => t.red().to_string(),
        })
    }
}

/// How many colors periods cycle through.
pub const PERIOD_COLORS: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;

    fn env(no_color: Option<&str>, force: Option<&str>, term: Option<&str>) -> Environment {
        Environment {
            no_color: no_color.map(Into::into),
            clicolor_force: force.map(Into::into),
            term: term.map(Into::into),
            ..Environment::default()
        }
    }

    #[test]
    fn auto_color_needs_a_terminal_and_respects_no_color_and_dumb() {
        use ColorChoice::*;
        assert!(use_color(Auto, &env(None, None, Some("xterm")), true));
        assert!(!use_color(Auto, &env(None, None, Some("xterm")), false));
        assert!(!use_color(Auto, &env(Some("1"), None, None), true));
        assert!(
            use_color(Auto, &env(Some(""), None, None), true),
            "empty NO_COLOR is unset"
        );
        assert!(!use_color(Auto, &env(None, None, Some("dumb")), true));
        assert!(use_color(Auto, &env(None, Some("1"), None), false));
        assert!(!use_color(Auto, &env(None, Some("0"), None), false));
        assert!(use_color(
            Always,
            &env(Some("1"), None, Some("dumb")),
            false
        ));
        assert!(!use_color(Never, &env(None, Some("1"), None), true));
        let clicolor = |value: &str| Environment {
            clicolor: Some(value.into()),
            ..env(None, None, Some("xterm"))
        };
        assert!(!use_color(Auto, &clicolor("0"), true), "CLICOLOR=0");
        assert!(use_color(Auto, &clicolor("1"), true));
        assert!(use_color(Always, &clicolor("0"), true));
    }

    #[test]
    fn width_prefers_the_flag_then_columns_and_never_goes_below_the_minimum() {
        let mut e = env(None, None, None);
        assert_eq!(width(None, &e, false), 80);
        e.columns = Some("132".into());
        assert_eq!(width(None, &e, false), 132);
        assert_eq!(width(Some(100), &e, false), 100);
        assert_eq!(width(Some(10), &e, false), MIN_WIDTH);
        assert_eq!(width(Some(usize::MAX), &e, false), MAX_WIDTH);
        e.columns = Some("1000000000".into());
        assert_eq!(width(None, &e, false), MAX_WIDTH);
    }

    #[test]
    fn a_disabled_palette_leaves_text_alone() {
        assert_eq!(Palette::new(false).date("1917"), "1917");
        assert_ne!(Palette::new(true).date("1917"), "1917");
        assert_eq!(Palette::new(false).period(3, "█"), "█");
        assert_ne!(
            Palette::new(true).period(0, "█"),
            Palette::new(true).period(1, "█")
        );
    }
}
