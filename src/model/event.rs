//! One event of a life.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::date::{Date, day_number};

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
    /// The event the source tells of before it within the same month or season (`after:` in
    /// the file), which it is never listed before.
    pub after: Option<After>,
}

/// What an event's `after:` gives it: the first day it can have begun, and its place in a
/// chain of events that begin on that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct After {
    /// The id of the event it came after.
    pub id: String,
    /// The first day it can have begun: its own first day, or the first day of the event it
    /// came after (that event's own `after:` counted), whichever is later.
    #[serde(with = "day_number")]
    pub first_day: NaiveDate,
    /// How many events of its `after:` chain begin on `first_day` before it: it sorts after
    /// them.
    pub rank: u32,
}

impl Event {
    /// The first day the event can have begun: its date's first day, unless it came `after:`
    /// an event that began later. Index order, ranges and counts go by it.
    pub fn first_day(&self) -> NaiveDate {
        self.after
            .as_ref()
            .map_or(self.date.earliest(), |after| after.first_day)
    }

    /// The key of index order: first day, then after what it came (an event follows the one it
    /// came after on their shared first day), then the shorter span, then file order.
    pub fn order_key(&self) -> (NaiveDate, u32, NaiveDate, usize) {
        let rank = self.after.as_ref().map_or(0, |after| after.rank);
        (self.first_day(), rank, self.date.latest(), self.file_order)
    }
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
