//! `timeline`: a command-line explorer of one life's events, with honest historical dates.

pub mod anniversary;
pub mod around;
pub mod browse;
pub mod chart;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod date;
pub mod error;
pub mod export;
pub mod index;
pub mod load;
pub mod model;
pub mod names;
pub mod pager;
pub mod parallel;
pub mod process;
pub mod render;
pub mod schema;
pub mod search;
pub mod stats;
pub mod store;
pub mod suggest;
pub mod term;
pub mod view;
