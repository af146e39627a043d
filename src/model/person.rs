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

    /// Life dates in words, e.g. "1883 – 25 Aug 1936", "b. 1926", or "" when unknown.
    pub fn life_words(&self) -> String {
        match (&self.born, &self.died) {
            (Some(born), Some(died)) => format!("{} – {}", born.words(), died.words()),
            (Some(born), None) => format!("b. {}", born.words()),
            (None, Some(died)) => format!("d. {}", died.words()),
            (None, None) => String::new(),
        }
    }
}
