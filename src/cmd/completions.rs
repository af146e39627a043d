//! `timeline completions SHELL`: a completion script for bash, zsh, fish, elvish or PowerShell.

use std::io::Write;

use clap::{Args, CommandFactory};

use crate::cli::Cli;
use crate::error::Error;

/// The flags of `timeline completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Prints the script.
pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<(), Error> {
    // clap_complete panics when a write fails; a buffer cannot fail, and a closed pipe then ends
    // quietly like any other output.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "timeline", &mut script);
    out.write_all(&script)?;
    Ok(())
}
