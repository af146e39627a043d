//! Each subcommand's own flags, as clap parses them, and the plain settings they turn into. One
//! file for all: each struct is short, and beside its neighbours it shows at a glance which
//! flag groups every command takes (the shared groups are in `args.rs`).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use clap::builder::NonEmptyStringValueParser;
use clap_complete::{ArgValueCompleter, Shell};

use super::groups::{
    CommandArgs, FilterArgs, FormatArgs, Groups, LayoutArgs, ListArgs, ListViewArgs, WindowArgs,
};
use super::values::{parse_date, parse_month_day, parse_today, parse_window};
use crate::anniversary::{CalendarChoice, MonthDay};
use crate::cmd::around::AroundSettings;
use crate::cmd::browse::BrowseSettings;
use crate::cmd::chart::{ChartFormat, ChartSettings};
use crate::cmd::check::CheckSettings;
use crate::cmd::export::ExportSettings;
use crate::cmd::on::OnSettings;
use crate::cmd::periods::PeriodsSettings;
use crate::cmd::places::WhereSettings;
use crate::cmd::show::ShowSettings;
use crate::cmd::stats::StatsSettings;
use crate::cmd::stays::StaysSettings;
use crate::cmd::tags::TagsSettings;
use crate::cmd::who::WhoSettings;
use crate::cmd::{self};
use crate::config::Output;
use crate::date::Date;
use crate::error::Error;
use crate::export::{Export, ExportFormat};

/// The flags of `timeline who`.
#[derive(Debug, Args)]
pub struct WhoArgs {
    /// A name, surname, alias or pseudonym; case and accents do not matter.
    #[arg(
        value_parser = NonEmptyStringValueParser::new(),
        add = ArgValueCompleter::new(crate::cli::complete::people)
    )]
    pub name: Option<String>,

    /// Which events, how many, and how they are shown.
    #[command(flatten)]
    pub view: ListViewArgs,
}

impl CommandArgs for WhoArgs {
    const OUTPUT: Output = Output::View;

    fn groups_mut(&mut self) -> Groups<'_> {
        self.view.groups_mut()
    }

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(cmd::Command::Who(WhoSettings {
            name: self.name,
            view: self.view.into_view(),
        }))
    }
}

/// The flags of `timeline where`.
#[derive(Debug, Args)]
pub struct WhereArgs {
    /// A place name, old or new; case and accents do not matter.
    #[arg(
        value_parser = NonEmptyStringValueParser::new(),
        add = ArgValueCompleter::new(crate::cli::complete::places)
    )]
    pub name: Option<String>,

    /// Which events, how many, and how they are shown.
    #[command(flatten)]
    pub view: ListViewArgs,
}

impl CommandArgs for WhereArgs {
    const OUTPUT: Output = Output::View;

    fn groups_mut(&mut self) -> Groups<'_> {
        self.view.groups_mut()
    }

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(cmd::Command::Where(WhereSettings {
            name: self.name,
            view: self.view.into_view(),
        }))
    }
}

/// The flags of `timeline periods`.
#[derive(Debug, Args)]
pub struct PeriodsArgs {
    /// Which events are counted, how many periods, and how they are shown.
    #[command(flatten)]
    pub view: ListViewArgs,
}

impl CommandArgs for PeriodsArgs {
    const OUTPUT: Output = Output::View;

    fn groups_mut(&mut self) -> Groups<'_> {
        self.view.groups_mut()
    }

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(cmd::Command::Periods(PeriodsSettings {
            view: self.view.into_view(),
        }))
    }
}

/// The flags of `timeline stays`.
#[derive(Debug, Args)]
pub struct StaysArgs {
    /// Which stays, by the dates they overlap and the places they were at.
    #[command(flatten)]
    pub window: WindowArgs,
    /// How many and in which order.
    #[command(flatten)]
    pub list: ListArgs,
    /// The output format.
    #[command(flatten)]
    pub format: FormatArgs,
    /// Table width and drawing characters.
    #[command(flatten)]
    pub layout: LayoutArgs,
}

impl CommandArgs for StaysArgs {
    const OUTPUT: Output = Output::View;

    fn groups_mut(&mut self) -> Groups<'_> {
        Groups {
            window: Some(&mut self.window),
            list: Some(&mut self.list),
            format: Some(&mut self.format),
            layout: Some(&mut self.layout),
            ..Groups::default()
        }
    }

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(cmd::Command::Stays(StaysSettings {
            filters: self.window.into_filters(),
            list: self.list.into_listing(),
        }))
    }
}

/// The flags of `timeline tags`.
#[derive(Debug, Args)]
pub struct TagsArgs {
    /// Which events are counted, how many tags, and how they are shown.
    #[command(flatten)]
    pub view: ListViewArgs,
}

impl CommandArgs for TagsArgs {
    const OUTPUT: Output = Output::View;

    fn groups_mut(&mut self) -> Groups<'_> {
        self.view.groups_mut()
    }

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(cmd::Command::Tags(TagsSettings {
            view: self.view.into_view(),
        }))
    }
}

/// The flags of `timeline show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The event's id (see the last column of the plain output, or `--format json`).
    #[arg(
        value_parser = NonEmptyStringValueParser::new(),
        add = ArgValueCompleter::new(crate::cli::complete::events)
    )]
    pub id: String,

    /// The output format.
    #[command(flatten)]
    pub format: FormatArgs,

    /// How the card is drawn.
    #[command(flatten)]
    pub layout: LayoutArgs,
}

impl CommandArgs for ShowArgs {
    const OUTPUT: Output = Output::View;

    fn groups_mut(&mut self) -> Groups<'_> {
        Groups {
            format: Some(&mut self.format),
            layout: Some(&mut self.layout),
            ..Groups::default()
        }
    }

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(cmd::Command::Show(ShowSettings { id: self.id }))
    }
}

/// The flags of `timeline check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The file to check; the embedded timeline (or --file) without it.
    #[arg(id = "check_file", value_name = "FILE")]
    pub file: Option<PathBuf>,
}

impl CommandArgs for CheckArgs {
    const OUTPUT: Output = Output::Report;

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(cmd::Command::Check(CheckSettings { file: self.file }))
    }
}

/// The flags of `timeline chart`.
#[derive(Debug, Args)]
pub struct ChartArgs {
    /// What to draw: `text` for the terminal (the default), or `svg`, a standalone picture laid
    /// out for an A4 landscape page, to open in a browser or print.
    #[arg(long, value_enum, id = "chart_format", value_name = "FORMAT")]
    pub format: Option<ChartFormat>,

    /// With --format svg: write to FILE instead of standard output (`-o -` is standard output);
    /// an existing FILE is kept unless --force.
    #[arg(short = 'o', long = "output", id = "chart_output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite the -o FILE if it exists.
    #[arg(long, requires = "chart_output")]
    pub force: bool,

    /// Which events are drawn; --from/--to/--in also set the axis.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// How wide the terminal chart is and whether it uses ASCII only.
    #[command(flatten)]
    pub layout: LayoutArgs,
}

impl CommandArgs for ChartArgs {
    const OUTPUT: Output = Output::Picture;

    /// An SVG is data for a browser: never colored by --color, never paged.
    fn output(&self) -> Output {
        match self.format {
            Some(ChartFormat::Svg) => Output::Data,
            _ => Self::OUTPUT,
        }
    }

    fn groups_mut(&mut self) -> Groups<'_> {
        Groups {
            filters: Some(&mut self.filters),
            layout: Some(&mut self.layout),
            ..Groups::default()
        }
    }

    fn into_command(self) -> Result<cmd::Command, Error> {
        let format = self.format.unwrap_or_default();
        if format == ChartFormat::Svg {
            let terminal_only = [
                (self.layout.width.is_some(), "--width"),
                (self.layout.ascii, "--ascii"),
            ];
            if let Some((_, flag)) = terminal_only.iter().find(|(given, _)| *given) {
                return Err(Error::Usage(format!(
                    "{flag} shapes the terminal chart; --format svg is laid out for an A4 page"
                )));
            }
        } else if self.output.is_some() {
            return Err(Error::Usage(
                "-o writes the SVG chart: add --format svg (the terminal chart is drawn on \
                 standard output)"
                    .to_string(),
            ));
        }
        Ok(cmd::Command::Chart(ChartSettings {
            filters: self.filters.into_filters(),
            format,
            output: self.output,
            force: self.force,
        }))
    }
}

/// The flags of `timeline stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Which events are counted.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// The output format.
    #[command(flatten)]
    pub format: FormatArgs,

    /// How tables are drawn.
    #[command(flatten)]
    pub layout: LayoutArgs,
}

impl CommandArgs for StatsArgs {
    const OUTPUT: Output = Output::View;

    fn groups_mut(&mut self) -> Groups<'_> {
        Groups {
            filters: Some(&mut self.filters),
            format: Some(&mut self.format),
            layout: Some(&mut self.layout),
            ..Groups::default()
        }
    }

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(cmd::Command::Stats(StatsSettings {
            filters: self.filters.into_filters(),
        }))
    }
}

/// The flags of `timeline on`.
#[derive(Debug, Args)]
pub struct OnArgs {
    /// The day of the year as MM-DD (e.g. 11-07) [default: today].
    #[arg(value_name = "MM-DD", value_parser = parse_month_day)]
    pub day: Option<MonthDay>,

    /// Also show events up to DAYS days after the day (wrapping past 31 December).
    #[arg(short = 'A', long = "after", value_name = "DAYS", default_value_t = 0, value_parser = parse_window)]
    pub after: u32,

    /// Also show events up to DAYS days before the day (wrapping past 1 January).
    #[arg(short = 'B', long = "before", value_name = "DAYS", default_value_t = 0, value_parser = parse_window)]
    pub before: u32,

    /// The calendar the day is read in: by default either, so an event before Russia's switch
    /// (14 February 1918) matches its New Style or its Old Style day (`on 10-25` finds the
    /// rising of 25 Oct O.S.); `new` or `old` narrows to one.
    #[arg(long, value_enum, value_name = "CALENDAR", default_value_t = CalendarChoice::Both)]
    pub calendar: CalendarChoice,

    /// Take this day (YYYY-MM-DD) as today, for reproducible output.
    #[arg(long, value_name = "DATE", value_parser = parse_today, hide = true)]
    pub today: Option<NaiveDate>,

    /// Which events, how many anniversaries, and how they are shown.
    #[command(flatten)]
    pub view: ListViewArgs,
}

impl CommandArgs for OnArgs {
    const OUTPUT: Output = Output::View;

    fn groups_mut(&mut self) -> Groups<'_> {
        self.view.groups_mut()
    }

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(cmd::Command::On(OnSettings {
            day: self.day,
            after: self.after,
            before: self.before,
            calendar: self.calendar,
            today: self.today,
            view: self.view.into_view(),
        }))
    }
}

/// The flags of `timeline around`.
#[derive(Debug, Args)]
pub struct AroundArgs {
    /// The date: 1917-11-07, 1934-06, 1905, summer 1902 as 1902-22, 1917-10-25 O.S.
    #[arg(value_name = "DATE", value_parser = parse_date,
        add = ArgValueCompleter::new(crate::cli::complete::years))]
    pub date: Date,

    /// Look DAYS days either side of the date [default: 7 for a day, 15 for a month or a season,
    /// none for a year].
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(0..=36_600))]
    pub days: Option<u32>,

    /// Only the key events near the date, and the closest key events either side.
    #[arg(short = 'k', long)]
    pub key: bool,

    /// The output format.
    #[command(flatten)]
    pub format: FormatArgs,

    /// How tables are drawn.
    #[command(flatten)]
    pub layout: LayoutArgs,
}

impl CommandArgs for AroundArgs {
    const OUTPUT: Output = Output::View;

    fn groups_mut(&mut self) -> Groups<'_> {
        Groups {
            format: Some(&mut self.format),
            layout: Some(&mut self.layout),
            key: Some(&mut self.key),
            ..Groups::default()
        }
    }

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(cmd::Command::Around(AroundSettings {
            date: self.date,
            days: self.days,
            key: self.key,
        }))
    }
}

/// The flags of `timeline export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to export.
    #[arg(value_enum, id = "export_format", value_name = "FORMAT")]
    pub format: ExportFormat,

    /// Write to FILE instead of standard output (`-o -` is standard output; a file named `-` is
    /// `./-`); an existing FILE is kept unless --force.
    #[arg(short = 'o', long = "output", id = "output_file", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite the -o FILE if it exists.
    #[arg(long, requires = "output_file")]
    pub force: bool,

    /// iCalendar only: each event becomes a one-day anniversary of its first day, every year
    /// (RRULE:FREQ=YEARLY).
    #[arg(long)]
    pub anniversaries: bool,

    /// Which events are exported.
    #[command(flatten)]
    pub filters: FilterArgs,
}

impl CommandArgs for ExportArgs {
    const OUTPUT: Output = Output::Data;

    fn groups_mut(&mut self) -> Groups<'_> {
        Groups {
            filters: Some(&mut self.filters),
            ..Groups::default()
        }
    }

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(cmd::Command::Export(ExportSettings {
            export: Export {
                format: self.format,
                anniversaries: self.anniversaries,
                output: self.output,
                force: self.force,
            },
            filters: self.filters.into_filters(),
        }))
    }
}

/// The flags of `timeline browse`.
#[derive(Debug, Args)]
pub struct BrowseArgs {
    /// Which events the explorer opens on.
    #[command(flatten)]
    pub filters: FilterArgs,
}

impl CommandArgs for BrowseArgs {
    const OUTPUT: Output = Output::Screen;

    fn groups_mut(&mut self) -> Groups<'_> {
        Groups {
            filters: Some(&mut self.filters),
            ..Groups::default()
        }
    }

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(cmd::Command::Browse(BrowseSettings {
            filters: self.filters.into_filters(),
        }))
    }
}

/// The flags of `timeline completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

impl CommandArgs for CompletionsArgs {
    const OUTPUT: Output = Output::Data;

    fn into_command(self) -> Result<cmd::Command, Error> {
        super::complete::script(self.shell).map(cmd::Command::Print)
    }
}

/// A command without flags of its own (`schema`, `man`), already settled: its output is data.
pub(super) struct NoFlags(pub cmd::Command);

impl CommandArgs for NoFlags {
    const OUTPUT: Output = Output::Data;

    fn into_command(self) -> Result<cmd::Command, Error> {
        Ok(self.0)
    }
}
