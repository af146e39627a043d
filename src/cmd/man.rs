//! `timeline man`: the man page, timeline(1), in roff (see [`crate::man`]).

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Error;

/// Prints the page.
pub fn run(out: &mut dyn Write) -> Result<(), Error> {
    crate::man::render(Cli::command(), out)?;
    Ok(())
}
