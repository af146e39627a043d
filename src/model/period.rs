//! Named periods of a life, and the stays that say where the subject lived.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// A named stretch of the life, such as a section of the source.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Period {
    /// Unique id, used by `--in ID`.
    pub id: String,
    /// Title, e.g. "Civil War (1918–1920)".
    pub title: String,
    /// The span it covers.
    pub span: Date,
}

/// A stretch of time the subject lived in one place.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stay {
    /// Where, as an index into the timeline's places.
    pub place: usize,
    /// When.
    pub span: Date,
    /// What the stay was (school, prison, exile…).
    pub note: Option<String>,
    /// The section of the source it comes from.
    pub source: Option<String>,
}
