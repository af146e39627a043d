//! `timeline man`: the man page, timeline(1), in roff.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Error;

/// Prints the page.
pub fn run(out: &mut dyn Write) -> Result<(), Error> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(())
}
