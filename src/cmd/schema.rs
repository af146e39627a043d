//! `timeline schema`: the JSON Schema of the timeline file, for editors and validators.

use std::io::{self, Write};

use crate::error::Error;

/// Prints the schema.
pub fn run(out: &mut dyn Write) -> Result<(), Error> {
    serde_json::to_writer_pretty(&mut *out, &crate::schema::schema()).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(())
}
