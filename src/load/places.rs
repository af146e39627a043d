//! Checking the places: names and their dated ranges, and `within`, one place for all time or
//! a list of places each over a range of days (as Gramps encloses places by date). The ranges
//! of one place never overlap, and no place lies within itself, at any depth, at any time.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Checker, Owner};
use crate::error::quote;
use crate::load::located::Located;
use crate::load::raw::{RawEnclosure, RawPlace, RawWithin};
use crate::load::text::Shape;
use crate::model::{Enclosure, HistoricalName, Place, ranges_overlap};

impl Checker<'_> {
    pub(super) fn places<T: Located>(
        &mut self,
        raw: Vec<RawPlace<T>>,
        ids: &HashMap<String, usize>,
    ) -> Vec<Place> {
        let mut places = Vec::with_capacity(raw.len());
        for p in &raw {
            let owner = Owner::new("place", p.id.text());
            self.unknown(p, owner);
            self.text(&p.name, owner, "name", Shape::Line);
            for alias in &p.aliases {
                self.text(alias, owner, "alias", Shape::Line);
            }
            let within = match &p.within {
                None => Vec::new(),
                Some(RawWithin::Always(w)) => self
                    .resolve(ids, "place", w, owner)
                    .map(|place| Enclosure {
                        place,
                        from: None,
                        to: None,
                    })
                    .into_iter()
                    .collect(),
                Some(RawWithin::Dated(list)) => self.enclosures(list, ids, owner, &p.id),
            };
            let julian_until = p.calendar.as_ref().and_then(|c| self.calendar(c, owner));
            let names = self.historical_names(p, owner);
            places.push(Place {
                id: p.id.text().to_string(),
                name: p.name.text().to_string(),
                aliases: p.aliases.iter().map(|a| a.text().to_string()).collect(),
                names,
                within,
                julian_until,
            });
        }
        // A cycle would make "the places within Mexico" endless. Refused over all time, not
        // only on some day: simpler to read, and no real border ever went round.
        for i in places_in_cycles(&places) {
            let p = &raw[i];
            let owner = Owner::new("place", p.id.text());
            let message = format!("{owner}: `within` goes round in a cycle");
            match &p.within {
                Some(RawWithin::Always(w)) => self.report(w, message),
                Some(RawWithin::Dated(list)) => match list.first() {
                    Some(first) => self.report(&first.place, message),
                    None => self.report(&p.id, message),
                },
                None => self.report(&p.id, message),
            }
        }
        places
    }

    /// A day bound of a range (`from` or `to`), as names take it: the first day of the date.
    /// `Some(None)` when absent, `None` when it is no date (reported).
    fn bound<T: Located>(&mut self, at: &Option<T>, owner: Owner) -> Option<Option<NaiveDate>> {
        match at {
            None => Some(None),
            Some(t) => self.date(t, owner).map(|d| Some(d.earliest())),
        }
    }

    /// The dated places of a `within:` list: each resolved, its range in order, no two
    /// overlapping (a place lies within one place at a time).
    fn enclosures<T: Located>(
        &mut self,
        list: &[RawEnclosure<T>],
        ids: &HashMap<String, usize>,
        owner: Owner,
        owner_id: &T,
    ) -> Vec<Enclosure> {
        let mut within: Vec<Enclosure> = Vec::with_capacity(list.len());
        let mut written: Vec<&T> = Vec::with_capacity(list.len());
        for e in list {
            self.unknown_inside(e, owner, owner_id);
            let place = self.resolve(ids, "place", &e.place, owner);
            let (Some(from), Some(to)) = (self.bound(&e.from, owner), self.bound(&e.to, owner))
            else {
                continue;
            };
            if let (Some(f), Some(t), Some(at)) = (from, to, &e.to)
                && t <= f
            {
                let message = format!(
                    "{owner}: it lies within `{}` until {t}, not after its start ({f}); `to` is the first day no longer within it",
                    quote(e.place.text())
                );
                self.report(at, message);
                continue;
            }
            let Some(place) = place else { continue };
            let enclosure = Enclosure { place, from, to };
            // Sorted by start, only the neighbours could overlap: a linear pass after sorting
            // would do, but a place has a handful of these.
            if let Some(k) = within.iter().position(|o| o.overlaps(&enclosure)) {
                let message = format!(
                    "{owner}: its time within `{}` overlaps its time within `{}`; a place lies within one place at a time",
                    quote(e.place.text()),
                    quote(written[k].text())
                );
                self.report(&e.place, message);
                continue;
            }
            within.push(enclosure);
            written.push(&e.place);
        }
        within
    }

    /// The dated names of a place, each in order, no two overlapping.
    fn historical_names<T: Located>(
        &mut self,
        p: &RawPlace<T>,
        owner: Owner,
    ) -> Vec<HistoricalName> {
        let mut names: Vec<HistoricalName> = Vec::new();
        for n in &p.names {
            self.unknown(n, owner);
            self.text(&n.name, owner, "name", Shape::Line);
            let (Some(from), Some(to)) = (self.bound(&n.from, owner), self.bound(&n.to, owner))
            else {
                continue;
            };
            if let (Some(f), Some(t), Some(at)) = (from, to, &n.to)
                && t <= f
            {
                self.report(
                    at,
                    format!(
                        "{owner}: the name `{}` ends before it begins",
                        quote(n.name.text())
                    ),
                );
                continue;
            }
            let name = HistoricalName {
                name: n.name.text().to_string(),
                from,
                to,
            };
            let overlapping = names
                .iter()
                .find(|o| ranges_overlap((o.from, o.to), (name.from, name.to)));
            if let Some(other) = overlapping {
                let message = format!(
                    "{owner}: the name `{}` overlaps the name `{}`; a place has one name at a time",
                    quote(&name.name),
                    quote(&other.name)
                );
                self.report(&n.name, message);
            }
            names.push(name);
        }
        names
    }
}

/// The places that lie on a cycle of `within` (over all time), in order: Tarjan's strongly
/// connected components, iterative so that a chain of 50,000 places needs no deep stack, and
/// linear in the places and their enclosures.
pub(crate) fn places_in_cycles(places: &[Place]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = places.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut in_cycle = vec![false; n];
    let mut next_order = 0;
    let parents = |p: usize| places[p].within.iter().map(|e| e.place).filter(|&q| q < n);
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        // Each frame: a place and how many of its parents it has gone through.
        let mut frames: Vec<(usize, usize)> = vec![(root, 0)];
        order[root] = next_order;
        low[root] = next_order;
        next_order += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (p, ref mut done)) = frames.last_mut() {
            if let Some(q) = parents(p).nth(*done) {
                *done += 1;
                if q == p {
                    in_cycle[p] = true;
                } else if order[q] == UNSEEN {
                    order[q] = next_order;
                    low[q] = next_order;
                    next_order += 1;
                    stack.push(q);
                    on_stack[q] = true;
                    frames.push((q, 0));
                } else if on_stack[q] {
                    low[p] = low[p].min(order[q]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(caller, _)) = frames.last() {
                low[caller] = low[caller].min(low[p]);
            }
            if low[p] == order[p] {
                let mut component = Vec::new();
                while let Some(q) = stack.pop() {
                    on_stack[q] = false;
                    component.push(q);
                    if q == p {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.iter().for_each(|&q| in_cycle[q] = true);
                }
            }
        }
    }
    (0..n).filter(|&p| in_cycle[p]).collect()
}
