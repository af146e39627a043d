//! `timeline`: a command-line explorer of one life's events, with honest historical dates.

pub mod anniversary;
pub mod app;
pub mod browse;
pub mod cache;
pub mod chart;
pub mod cli;
pub mod config;
pub mod date;
pub mod error;
pub mod export;
pub mod index;
pub mod load;
pub mod model;
pub mod render;
pub mod schema;
pub mod search;
pub mod stats;
pub mod term;
pub mod view;
