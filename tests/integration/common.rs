//! What the integration tests share: the binary with none of the variables that shape its output
//! inherited from the test run, so that every test says exactly what it runs under.

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

/// How long a run may take before a test calls it hung. Not a speed limit (benchmarks measure
/// speed, on a quiet machine): a guard so that a hang fails the test instead of stalling the
/// suite, generous enough for a debug build on a loaded machine.
pub const HANG_GUARD: std::time::Duration = std::time::Duration::from_secs(120);

/// Fails the test unless the outside tool `program` runs (`program PROBE...` succeeds): a test
/// that needs it must not pass without checking anything. `.ci/run` installs every such tool.
pub fn require(program: &str, probe: &[&str]) {
    let ran = std::process::Command::new(program).args(probe).output();
    assert!(
        ran.as_ref().is_ok_and(|o| o.status.success()),
        "this test needs `{program}`, which does not run here ({}); install it (`.ci/run` does)",
        match &ran {
            Ok(output) => format!("{:?}", output.status),
            Err(e) => e.to_string(),
        }
    );
}

/// Makes a FIFO at `path` with coreutils' `mkfifo`.
pub fn make_fifo(path: &std::path::Path) {
    require("mkfifo", &["--version"]);
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success(), "mkfifo {}: {status:?}", path.display());
}

/// The ids of the events `cmd` lists, from the last column of the plain format; it must succeed.
pub fn plain_ids(cmd: &mut Command) -> Vec<String> {
    success(cmd.args(["--format", "plain"]))
        .lines()
        .map(|line| line.rsplit('\t').next().unwrap().to_string())
        .collect()
}

/// The `id` of every row of a JSON array of events or rows.
pub fn json_ids(rows: &serde_json::Value) -> Vec<&str> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_str().unwrap())
        .collect()
}
