//! The run's settings, decided once from the flags, the environment and the terminal.

use std::path::PathBuf;

use crate::cli::{Cli, Command, Format};
use crate::term::{self, Environment};

/// How this run reads and writes; built once at start-up, read everywhere after.
#[derive(Debug, Clone)]
pub struct Config {
    /// The timeline file to read; `None` means the embedded timeline.
    pub file: Option<PathBuf>,
    /// The output format: `--format`, else a table on a terminal and plain lines in a pipe.
    pub format: Format,
    /// Whether to color output (see [`term::use_color`]).
    pub color: bool,
    /// The width tables are drawn at.
    pub width: usize,
    /// Whether tables and charts may use Unicode box drawing and blocks (not with `--ascii` or on
    /// `TERM=dumb`).
    pub unicode: bool,
    /// Where parsed large YAML timelines are cached; `None` turns the cache off.
    pub cache_dir: Option<PathBuf>,
}

impl Config {
    /// Settles every output decision from the parsed flags and what the process sees.
    pub fn new(cli: &Cli, env: &Environment, stdout_is_terminal: bool) -> Config {
        let format = cli.output.format.unwrap_or(if stdout_is_terminal {
            Format::Table
        } else {
            Format::Plain
        });
        // A chart is a picture whatever the format, so it may be colored in a pipe on request.
        let color_allowed =
            matches!(format, Format::Table) || matches!(cli.command, Some(Command::Chart));
        Config {
            file: cli.output.file.clone(),
            format,
            color: color_allowed && term::use_color(cli.output.color, env, stdout_is_terminal),
            width: term::width(cli.output.width, env, stdout_is_terminal),
            unicode: !env.is_dumb() && !cli.output.ascii,
            cache_dir: crate::cache::directory(env),
        }
    }
}
