//! `timeline`: a command-line explorer of one life's events, with honest historical dates.

pub mod app;
pub mod cache;
pub mod cli;
pub mod config;
pub mod date;
pub mod error;
pub mod index;
pub mod load;
pub mod model;
pub mod render;
pub mod term;
pub mod view;
