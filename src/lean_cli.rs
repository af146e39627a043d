//! Parsing the command line with only the parts it names built: clap's whole command tree (every
//! subcommand and its flags) was a quarter of a `timeline who NAME`'s instructions, for one
//! subcommand used. Anything but a plain success (help, version, a mistake) is parsed again with
//! the whole tree, so what a user sees then is exactly what [`Cli`]'s derive gives.

use std::ffi::OsString;

use clap::{Args, Command, FromArgMatches};

use crate::cli::{Cli, ExportArgs, GlobalArgs, ListView, OnArgs};
use crate::cmd;

/// The subcommands in the order `Cli`'s derive lists them (a test holds the two together).
const SUBCOMMANDS: [&str; 15] = [
    "who",
    "where",
    "periods",
    "tags",
    "show",
    "check",
    "chart",
    "stats",
    "on",
    "around",
    "export",
    "browse",
    "schema",
    "completions",
    "man",
];

/// Parses `args` as [`Cli::try_parse_from`] does. The lean tree's success is the whole tree's:
/// its top level is the same, and every subcommand whose name is among the words is there with
/// all its flags, so the one clap picks is whole; a subcommand not among the words cannot be
/// picked, nor change how the words parse, so it is left out.
pub fn parse(args: &[OsString]) -> Result<Cli, clap::Error> {
    let first_is_command = args
        .get(1)
        .and_then(|a| a.to_str())
        .is_some_and(|a| SUBCOMMANDS.contains(&a));
    let mut lean = lean_command(args, !first_is_command);
    let parsed = lean
        .try_get_matches_from_mut(args)
        .ok()
        .and_then(|matches| {
            if first_is_command {
                from_matches_without_list(&matches)
            } else {
                Cli::from_arg_matches(&matches).ok()
            }
        });
    // Freeing the tree one argument at a time is work the exit does for nothing.
    std::mem::forget(lean);
    match parsed {
        Some(cli) => Ok(cli),
        None => <Cli as clap::Parser>::try_parse_from(args),
    }
}

/// The command line from a tree whose top level lacks the event list's flags: when the first
/// word is a command, no flag came before it, so the list's flags are as none were given.
fn from_matches_without_list(matches: &clap::ArgMatches) -> Option<Cli> {
    Some(Cli {
        command: Some(crate::cli::Command::from_arg_matches(matches).ok()?),
        list: ListView::default(),
        global: GlobalArgs::from_arg_matches(matches).ok()?,
    })
}

/// The top level as `Cli`'s derive makes it but for help texts (and, unless `with_list`, the
/// event list's flags), with only the subcommands named in `args`, each whole.
fn lean_command(args: &[OsString], with_list: bool) -> Command {
    let root = Command::new("timeline")
        .version(env!("CARGO_PKG_VERSION"))
        .allow_negative_numbers(true);
    let root = if with_list {
        ListView::augment_args(root)
    } else {
        root
    };
    let root = GlobalArgs::augment_args(root);
    let named = |name: &&&str| args.iter().skip(1).any(|a| a.to_str() == Some(**name));
    root.subcommands(SUBCOMMANDS.iter().filter(named).map(|&name| whole(name)))
}

/// The subcommand `name` with its flags, as `Cli`'s derive builds it but for its help texts.
fn whole(name: &'static str) -> Command {
    let command = Command::new(name);
    match name {
        "who" => cmd::who::WhoArgs::augment_args(command),
        "where" => cmd::places::WhereArgs::augment_args(command),
        "periods" => cmd::periods::PeriodsArgs::augment_args(command),
        "tags" => cmd::tags::TagsArgs::augment_args(command),
        "show" => cmd::show::ShowArgs::augment_args(command),
        "check" => cmd::check::CheckArgs::augment_args(command),
        "chart" => cmd::chart::ChartArgs::augment_args(command),
        "stats" => cmd::stats::StatsArgs::augment_args(command),
        "on" => OnArgs::augment_args(command),
        "around" => cmd::around::AroundArgs::augment_args(command),
        "export" => ExportArgs::augment_args(command),
        "browse" => cmd::browse::BrowseArgs::augment_args(command),
        "completions" => cmd::completions::CompletionsArgs::augment_args(command),
        // `schema` and `man` take no flags of their own.
        _ => command,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// What parsing depends on in a command's arguments, as text to compare.
    fn shape(command: &Command) -> Vec<String> {
        command
            .get_arguments()
            .map(|a| {
                format!(
                    "{} {:?} {:?} {:?} {:?} {:?} {:?} {} {} {:?} {:?} {:?} {}",
                    a.get_id(),
                    a.get_short(),
                    a.get_long(),
                    a.get_all_aliases(),
                    a.get_num_args(),
                    a.get_action(),
                    a.get_default_values(),
                    a.is_global_set(),
                    a.is_required_set(),
                    a.get_env(),
                    a.get_value_delimiter(),
                    a.get_possible_values()
                        .iter()
                        .map(|v| v.get_name().to_string())
                        .collect::<Vec<_>>(),
                    a.is_positional(),
                )
            })
            .collect()
    }

    #[test]
    fn the_lean_tree_is_the_whole_tree_but_for_help_texts() {
        let whole_tree = Cli::command();
        let names: Vec<&str> = whole_tree.get_subcommands().map(|s| s.get_name()).collect();
        assert_eq!(names, SUBCOMMANDS);
        let every: Vec<OsString> = std::iter::once("timeline")
            .chain(SUBCOMMANDS)
            .map(OsString::from)
            .collect();
        let lean = lean_command(&every, true);
        assert_eq!(shape(&lean), shape(&whole_tree));
        assert!(lean.is_allow_negative_numbers_set());
        assert_eq!(lean.get_version(), whole_tree.get_version());
        for (lean_sub, whole_sub) in lean.get_subcommands().zip(whole_tree.get_subcommands()) {
            assert_eq!(lean_sub.get_name(), whole_sub.get_name());
            assert_eq!(
                shape(lean_sub),
                shape(whole_sub),
                "{}",
                whole_sub.get_name()
            );
            let groups = |c: &Command| {
                c.get_groups()
                    .map(|g| format!("{} {:?}", g.get_id(), g.get_args().collect::<Vec<_>>()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                groups(lean_sub),
                groups(whole_sub),
                "{}",
                whole_sub.get_name()
            );
        }
    }

    #[test]
    fn a_subcommand_not_named_is_left_out() {
        let lean = lean_command(&["timeline".into(), "who".into(), "Kamenev".into()], true);
        let built: Vec<&str> = lean.get_subcommands().map(|s| s.get_name()).collect();
        assert_eq!(built, ["who"]);
        let lean = lean_command(&["timeline".into(), "--from".into(), "1917".into()], true);
        assert_eq!(lean.get_subcommands().count(), 0);
    }

    #[test]
    fn the_list_flags_given_none_are_the_default() {
        let none = <Cli as clap::Parser>::try_parse_from(["timeline"]).unwrap();
        assert_eq!(
            format!("{:?}", none.list),
            format!("{:?}", ListView::default())
        );
    }

    #[test]
    fn lean_and_whole_parse_alike() {
        let lines: &[&[&str]] = &[
            &["who", "Kamenev", "--format", "plain"],
            &["--from", "1917", "who", "Kamenev"],
            &["--format", "json", "where", "Petrograd", "--to", "1920"],
            &["--search", "who", "who"],
            &["--from", "-50", "--to", "1917"],
            &["on", "11-07", "-B", "3"],
            &["export", "ics", "-o", "x.ics"],
            &["--file", "x.yaml", "check"],
            &["check", "--file", "x.yaml"],
            &["chart", "--from", "1917", "--width", "80"],
            &["show", "birth", "--format", "json"],
            &["completions", "bash"],
            &["man"],
            &["schema"],
            &["help"],
            &["help", "who"],
            &["whoo", "Kamenev"],
            &["Kamenev"],
            &["--search", "who"],
            &["--search", "who", "where", "Brest"],
            &["--version"],
            &["who", "--help"],
            &["where", "--limit"],
            &[
                "who",
                "Kamenev",
                "--file",
                "x.yaml",
                "--color",
                "never",
                "--no-pager",
            ],
            &["who", "--from", "1917", "who"],
            &["who", "Kamenev", "who"],
            &[
                "tags",
                "--from",
                "1917",
                "--reverse",
                "--limit",
                "3",
                "--ascii",
                "--width",
                "60",
            ],
            &[],
        ];
        for line in lines {
            let args: Vec<OsString> = std::iter::once(&"timeline")
                .chain(line.iter())
                .map(OsString::from)
                .collect();
            let whole = <Cli as clap::Parser>::try_parse_from(&args).map_err(|e| e.to_string());
            let lean = parse(&args).map_err(|e| e.to_string());
            assert_eq!(format!("{lean:?}"), format!("{whole:?}"), "{line:?}");
        }
    }
}
