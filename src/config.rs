//! The run's settings, decided once from what the command line asks ([`Choices`], made by
//! [`crate::cli`]), the environment and the terminal. Nothing here knows clap.

use std::path::PathBuf;

use crate::error::Error;
use crate::pager::Paging;
use crate::render::Format;
use crate::search::WordQuery;
use crate::term::{self, ColorChoice, Environment};

/// What kind of output a command writes, which decides what color and layout may apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Output {
    /// A view, written in its `--format` ([`Choices::format`]).
    #[default]
    View,
    /// A picture drawn for a person (the chart): colored and sized like a table, no format.
    Picture,
    /// The full-screen explorer: colored like a table, never paged, no format or width.
    Screen,
    /// Bytes another program reads (exports, the schema, completions, the man page): never colored.
    Data,
    /// A short report for a person (`check`).
    Report,
}

/// What the command line asks of the run's reading and writing, before the environment and the
/// terminal have their say: the plain form of the flags that shape output.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    /// `--file` (or `TIMELINE_FILE`): the timeline to read; `None` for the embedded one.
    pub file: Option<PathBuf>,
    /// `--color`.
    pub color: ColorChoice,
    /// `--no-pager`.
    pub no_pager: bool,
    /// What kind of output the command writes.
    pub output: Output,
    /// `--format`, for a view; `None` when not given.
    pub format: Option<Format>,
    /// `--width`: the columns to draw tables and charts in.
    pub width: Option<usize>,
    /// `--ascii`: no Unicode box drawing or blocks.
    pub ascii: bool,
    /// `--search`: its words are highlighted in colored event tables.
    pub search: Option<String>,
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
    /// The `--search` words, which colored tables highlight as ripgrep does.
    pub highlight: Option<WordQuery>,
}

impl Config {
    /// Settles every output decision from what the command line asks and what the process
    /// sees; refuses combinations that a view could only ignore (`--width` with `--format json`).
    pub fn new(
        choices: &Choices,
        env: &Environment,
        stdout_is_terminal: bool,
    ) -> Result<Config, Error> {
        let output = choices.output;
        let asks_for_table = choices.width.is_some() || choices.ascii;
        let format = match (output, choices.format) {
            (Output::View, Some(format)) => {
                if asks_for_table && format != Format::Table {
                    let flag = if choices.width.is_some() {
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
            (Output::View, None) if asks_for_table || stdout_is_terminal => Format::Table,
            (Output::View, None) => Format::Plain,
            (Output::Picture | Output::Screen | Output::Data | Output::Report, _) => Format::Table,
        };
        let colorable = match output {
            Output::View => !format.is_data(),
            Output::Picture | Output::Screen => true,
            Output::Data | Output::Report => false,
        };
        if choices.color == ColorChoice::Always && !colorable {
            let what = match output {
                Output::View => format!("--format {}", format.name()),
                _ => "this command's output".to_string(),
            };
            return Err(Error::Usage(format!(
                "--color always: {what} is read by programs and is never colored; \
                 color works with tables, plain lines and charts"
            )));
        }
        let color = colorable && term::use_color(choices.color, env, stdout_is_terminal);
        Ok(Config {
            file: choices.file.clone(),
            format,
            color,
            width: term::width(choices.width, env, stdout_is_terminal),
            unicode: !env.is_dumb() && !choices.ascii,
            cache_dir: crate::store::directory(env),
            paging: match output {
                Output::View | Output::Picture => {
                    let pager = term::pager(env, stdout_is_terminal, choices.no_pager);
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
            // Highlighting is a kind of color: only where color is on.
            highlight: choices
                .search
                .as_deref()
                .filter(|_| color)
                .map(WordQuery::parse)
                .filter(|words| !words.is_empty()),
        })
    }
}
