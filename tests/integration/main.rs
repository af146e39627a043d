//! The integration tests: the built `timeline` binary (and, for the curated data and properties,
//! the library) checked as a user meets them, one module per area.
//!
//! One test binary, as ripgrep and fd have: each file under `tests/` would be a crate of its own
//! linking the whole library, and linking fifteen of them was most of a cold `cargo test`.
//! A test that needs an outside tool (tmux, `script`, PyYAML) fails where the tool is missing;
//! `.ci/run` installs them.

mod common;
mod tmux;

mod around;
mod browse;
mod cache;
mod check_messages;
mod cli;
mod completion;
mod contract;
mod data;
mod dates;
mod hostile;
mod hostile_env;
mod hostile_four;
mod hostile_three;
mod key;
mod media;
mod names;
mod places;
mod properties;
mod svg;
mod terminal;
mod time;
mod truth;
mod twins;
mod views;
