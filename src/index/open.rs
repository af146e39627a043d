//! Opening a timeline as an [`Index`], from wherever [`crate::store`] keeps it: the caller names
//! the file (or none, for the embedded timeline) and the cache folder, and never learns whether
//! the events were parsed or are read in place from an index file.

use std::ops::Deref;
use std::path::Path;

use super::Index;
use crate::error::Error;
use crate::store::{self, Stored};

/// An opened timeline. Dereferences to its [`Index`]. It is never freed: a process opens one
/// timeline (two after a damaged index file) and ends after its view, and freeing the events one
/// string at a time cost a third of a second for a million events and a seventh of the embedded
/// timeline's whole run, for memory the operating system reclaims at exit anyway.
#[derive(Debug)]
pub struct Opened(Option<Index>);

impl Deref for Opened {
    type Target = Index;

    fn deref(&self) -> &Index {
        self.0.as_ref().expect("present until dropped")
    }
}

impl Drop for Opened {
    fn drop(&mut self) {
        if let Some(index) = self.0.take() {
            std::mem::forget(index);
        }
    }
}

impl Index {
    /// The timeline in `file`, or the embedded one, as an index: from its index file where the
    /// store has one (see [`store::open`]), else parsed. A damaged record found later answers
    /// [`Error::DamagedIndex`]; then [`Index::open_source`].
    pub fn open(file: Option<&Path>, cache_dir: Option<&Path>) -> Result<Opened, Error> {
        Ok(Index::of(store::open(file, cache_dir)?))
    }

    /// The timeline in `file`, or the embedded one, parsed from its source, no index file read
    /// (see [`store::open_source`]).
    pub fn open_source(file: Option<&Path>, cache_dir: Option<&Path>) -> Result<Opened, Error> {
        Ok(Index::of(store::open_source(file, cache_dir)?))
    }

    fn of(stored: Stored) -> Opened {
        Opened(Some(match stored {
            Stored::Parsed(timeline) => Index::new(timeline),
            Stored::Mapped(meta, events) => Index::mapped(meta, events),
        }))
    }
}
