//! One event of a life.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// Something that happened, with its date, place and people.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    /// Unique id, used by `timeline show ID`.
    pub id: String,
    /// When it happened, as precisely as the source says.
    pub date: Date,
    /// One line, at most about 70 characters.
    pub title: String,
    /// One or two sentences of context.
    pub summary: Option<String>,
    /// Where it happened, as an index into the timeline's places.
    pub place: Option<usize>,
    /// Who took part (besides the subject), as indices into the timeline's people.
    pub people: Vec<usize>,
    /// Tags from the timeline's vocabulary.
    pub tags: Vec<String>,
    /// The period it belongs to, as an index into the timeline's periods.
    pub period: Option<usize>,
    /// The section of the source it comes from.
    pub source: Option<String>,
    /// A turning point a reader needs first (`key: true`), selected by `--key`.
    pub key: bool,
    /// A short name for where room is short (TimelineJS's markers, chart labels): "October".
    pub label: Option<String>,
    /// A web page about the event (http or https).
    pub link: Option<String>,
    /// An image or other media to show with it.
    pub media: Option<Media>,
    /// Its position in the file, which breaks ties when sorting.
    pub file_order: usize,
}

/// An image, video or other media an event shows (TimelineJS slides show it), with its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Media {
    /// Where it is (http or https).
    pub url: String,
    /// What it shows.
    pub caption: Option<String>,
    /// Whose it is: the author, the license.
    pub credit: Option<String>,
}
