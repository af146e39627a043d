//! What the integration tests share: the binary with none of the variables that shape its output
//! inherited from the test run, so that every test says exactly what it runs under.

// Each test file is its own crate and uses only part of this module.
#![allow(dead_code)]

use assert_cmd::Command;

/// The variables a test run may carry that would change what `timeline` prints.
pub const SHAPING: &[&str] = &[
    "NO_COLOR",
    "CLICOLOR_FORCE",
    "CLICOLOR",
    "TIMELINE_FILE",
    "COLUMNS",
    "TERM",
    "COMPLETE",
    "PAGER",
    "TIMELINE_PAGER",
];

/// The built binary with a clean environment, reading the embedded timeline.
pub fn clean() -> Command {
    let mut cmd = Command::cargo_bin("timeline").unwrap();
    for var in SHAPING {
        cmd.env_remove(var);
    }
    cmd
}

/// Runs `cmd`, which must succeed, and gives its standard output; a failure shows its stderr.
pub fn success(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{cmd:?}: exit {:?}: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}
