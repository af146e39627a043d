//! A person of the timeline.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// Someone who appears in events.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Person {
    /// Unique id, e.g. `lev-kamenev`.
    pub id: String,
    /// Full name as usually written.
    pub name: String,
    /// Every other name a reader might type: surname, birth name, pseudonyms.
    pub aliases: Vec<String>,
    /// Date of birth, where known.
    pub born: Option<Date>,
    /// Date of death, where known.
    pub died: Option<Date>,
    /// One line about who they were.
    pub about: Option<String>,
}

impl Person {
    /// The name and every alias.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Life dates in words, e.g. "1883 – 25 Aug 1936", "b. 1926", or "" when unknown; a date
    /// written in Old Style New Style first: "7 Nov 1879 [O.S. 26 Oct] – 21 Aug 1940".
    pub fn life_words(&self) -> String {
        let words = |date: &Date| {
            if date.is_old_style() {
                date.dual_words()
            } else {
                date.words()
            }
        };
        match (&self.born, &self.died) {
            (Some(born), Some(died)) => format!("{} – {}", words(born), words(died)),
            (Some(born), None) => format!("b. {}", words(born)),
            (None, Some(died)) => format!("d. {}", words(died)),
            (None, None) => String::new(),
        }
    }
}
