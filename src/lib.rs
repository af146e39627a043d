//! `timeline`: a command-line explorer of one life's events, with honest historical dates.

pub mod date;
pub mod error;
pub mod load;
pub mod model;
pub mod index;
