//! The timeline as the program understands it: events, people, places, periods and stays, all
//! validated and cross-referenced by index.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod event;
mod period;
mod person;
mod place;

pub use event::{After, Event, Media};
pub use period::{Period, Stay};
pub use person::Person;
pub use place::{Enclosure, HistoricalName, Place, ranges_overlap};

/// A whole timeline, as loaded and validated. Events are in file order here; see
/// [`crate::index::Index`] for the sorted view.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Timeline {
    /// The timeline's title, e.g. "Leon Trotsky".
    pub title: String,
    /// The person whose age the tables show, as an index into `people`.
    pub subject: Option<usize>,
    /// Everyone named by an event.
    pub people: Vec<Person>,
    /// Every place, with its hierarchy.
    pub places: Vec<Place>,
    /// The life's named periods.
    pub periods: Vec<Period>,
    /// Where the subject lived, in order.
    pub stays: Vec<Stay>,
    /// The events, in file order.
    pub events: Vec<Event>,
}

impl Timeline {
    /// The subject, if the timeline names one.
    pub fn subject(&self) -> Option<&Person> {
        self.subject.map(|i| &self.people[i])
    }

    /// The place and every place it lay within on `day`, innermost first.
    pub fn place_chain_on(&self, place: usize, day: NaiveDate) -> impl Iterator<Item = &Place> {
        self.place_chain_by(place, move |p| p.within_on(day))
    }

    /// The place and every place it lies within today, innermost first.
    pub fn place_chain_now(&self, place: usize) -> impl Iterator<Item = &Place> {
        self.place_chain_by(place, Place::within_now)
    }

    /// The place and the places `parent` leads up to from it, innermost first.
    fn place_chain_by(
        &self,
        place: usize,
        parent: impl Fn(&Place) -> Option<usize>,
    ) -> impl Iterator<Item = &Place> {
        let mut next = Some(place);
        let mut steps = 0;
        std::iter::from_fn(move || {
            // The loader refuses cycles; the step bound only guards against a bug there.
            let current = next.filter(|&p| steps <= self.places.len() && p < self.places.len())?;
            steps += 1;
            next = parent(&self.places[current]);
            Some(&self.places[current])
        })
    }

    /// The day before which dates at `place` on `day` were written in the Julian calendar, if
    /// any: the nearest `julian_until` up the hierarchy the place lay in on that day.
    pub fn julian_until(&self, place: usize, day: NaiveDate) -> Option<NaiveDate> {
        self.place_chain_on(place, day).find_map(|p| p.julian_until)
    }
}
