//! The run's settings, decided once from the command's flags, the environment and the terminal.

use std::path::PathBuf;

use crate::cli::{Format, GlobalArgs, LayoutArgs};
use crate::error::Error;
use crate::pager::Paging;
use crate::term::{self, ColorChoice, Environment};

/// What kind of output a command writes, which decides what color and layout may apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A view with a `--format` (`None` when not given).
    View(Option<Format>),
    /// A picture drawn for a person (the chart): colored and sized like a table, no format.
    Picture,
    /// The full-screen explorer: colored like a table, never paged, no format or width.
    Screen,
    /// Bytes another program reads (exports, the schema, completions, the man page): never colored.
    Data,
    /// A short report for a person (`check`).
    Report,
}

/// How this run reads and writes; built once at start-up, read everywhere after.
#[derive(Debug, Clone)]
pub struct Config {
    /// The timeline file to read; `None` means the embedded timeline.
    pub file: Option<PathBuf>,
    /// The output format: `--format`, else a table on a terminal (or when `--width`/`--ascii`
    /// ask for one) and plain lines in a pipe. Pictures and data keep `Table` here, unused.
    pub format: Format,
    /// Whether to color output (see [`term::use_color`]); never for data formats.
    pub color: bool,
    /// The width tables, cards and charts are drawn at.
    pub width: usize,
    /// Whether tables and charts may use Unicode box drawing and blocks (not with `--ascii` or on
    /// `TERM=dumb`).
    pub unicode: bool,
    /// Where parsed large YAML timelines are cached; `None` turns the cache off.
    pub cache_dir: Option<PathBuf>,
    /// The pager long output goes through: only for a person at a terminal reading a view.
    pub paging: Option<Paging>,
    /// Whether to say on stderr what `--limit` left out: only when stdout is a terminal.
    pub notes: bool,
}

impl Config {
    /// Settles every output decision from the command's flags and what the process sees; refuses
    /// combinations that a view could only ignore (`--width` with `--format json`).
    pub fn new(
        global: &GlobalArgs,
        output: Output,
        layout: &LayoutArgs,
        env: &Environment,
        stdout_is_terminal: bool,
    ) -> Result<Config, Error> {
        let asks_for_table = layout.width.is_some() || layout.ascii;
        let format = match output {
            Output::View(Some(format)) => {
                if asks_for_table && format != Format::Table {
                    let flag = if layout.width.is_some() {
                        "--width"
                    } else {
                        "--ascii"
                    };
                    return Err(Error::Usage(format!(
                        "{flag} shapes a table; --format {} has no columns to draw",
                        format.name()
                    )));
                }
                format
            }
            Output::View(None) if asks_for_table || stdout_is_terminal => Format::Table,
            Output::View(None) => Format::Plain,
            Output::Picture | Output::Screen | Output::Data | Output::Report => Format::Table,
        };
        let colorable = match output {
            Output::View(_) => !format.is_data(),
            Output::Picture | Output::Screen => true,
            Output::Data | Output::Report => false,
        };
        if global.color == ColorChoice::Always && !colorable {
            let what = match output {
                Output::View(_) => format!("--format {}", format.name()),
                _ => "this command's output".to_string(),
            };
            return Err(Error::Usage(format!(
                "--color always: {what} is read by programs and is never colored; \
                 color works with tables, plain lines and charts"
            )));
        }
        Ok(Config {
            file: global.file.clone(),
            format,
            color: colorable && term::use_color(global.color, env, stdout_is_terminal),
            width: term::width(layout.width, env, stdout_is_terminal),
            unicode: !env.is_dumb() && !layout.ascii,
            cache_dir: crate::cache::directory(env),
            paging: match output {
                Output::View(_) | Output::Picture => {
                    let pager = term::pager(env, stdout_is_terminal, global.no_pager);
                    let height = term::height(stdout_is_terminal);
                    pager.zip(height).map(|(command, height)| Paging {
                        command,
                        height,
                        less_defaults: env.less.is_none(),
                    })
                }
                Output::Screen | Output::Data | Output::Report => None,
            },
            notes: stdout_is_terminal,
        })
    }
}
