//! `after:`: an event the source tells of after another within the same month or season (the
//! commissariat "c. Nov 1917" after the rising of 7–8 Nov) names that event, and is then never
//! listed before it. Checked here: the event exists, is not the event itself, no chain of
//! `after:` runs in a circle, and the dates allow the order (the earlier event can begin before
//! the later one is over). Each event of a chain gets its first possible day and its rank on that
//! day ([`After`]), which index order uses; the pass is linear in the events and links.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::check::{Owner, unknown_reference};
use super::events::EventRefs;
use super::located::Located;
use crate::error::quote;
use crate::model::{After, Event};
use crate::suggest::Candidates;

/// Where a walk along the links has got to for an event.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Walk {
    New,
    /// On the walk now: meeting it again closes a circle.
    Active,
    Done,
}

/// Resolves the `after:` references (`afters`: an event's position in `events` and the id it
/// names) into each event's [`After`]; the problems found, each at its reference.
pub(super) fn order_after<T: Located>(
    events: &mut [Event],
    refs: &[EventRefs<T>],
    afters: Vec<(u32, T)>,
) -> Vec<(T, String)> {
    if afters.is_empty() {
        return Vec::new();
    }
    // Only a file that uses `after:` pays for a table of its event ids.
    let mut positions: HashMap<&str, usize> = HashMap::with_capacity(refs.len());
    for r in refs {
        if let Some(at) = r.event {
            positions.entry(r.id.text()).or_insert(at as usize);
        }
    }
    let n = events.len();
    let mut link: Vec<Option<usize>> = vec![None; n];
    let mut slot: Vec<Option<usize>> = vec![None; n];
    let mut problems: Vec<(usize, String)> = Vec::new();
    let mut candidates: Option<Candidates> = None;
    for (k, (at, target)) in afters.iter().enumerate() {
        let at = *at as usize;
        let owner = Owner::new("event", &events[at].id);
        match positions.get(target.text()) {
            None => {
                // One set of candidates for every unknown id: 10,000 misspelt references stay
                // linear (issue 19).
                let close = candidates
                    .get_or_insert_with(|| Candidates::new(positions.keys().copied()))
                    .closest(target.text());
                problems.push((k, unknown_reference(&close, "event", target, owner)));
            }
            Some(&t) if t == at => {
                problems.push((k, format!("{owner} cannot come `after:` itself")));
            }
            Some(&t) => {
                link[at] = Some(t);
                slot[at] = Some(k);
            }
        }
    }
    let mut walk = vec![Walk::New; n];
    let mut first = vec![NaiveDate::MIN; n];
    let mut rank = vec![0u32; n];
    for start in 0..n {
        if link[start].is_none() || walk[start] == Walk::Done {
            continue;
        }
        let mut stack = vec![start];
        while let Some(&x) = stack.last() {
            if walk[x] == Walk::Done {
                stack.pop();
                continue;
            }
            walk[x] = Walk::Active;
            match link[x] {
                None => {
                    first[x] = events[x].date.earliest();
                    walk[x] = Walk::Done;
                    stack.pop();
                }
                Some(t) if walk[t] == Walk::Done => {
                    let own = events[x].date.earliest();
                    first[x] = own.max(first[t]);
                    rank[x] = if first[x] == first[t] { rank[t] + 1 } else { 0 };
                    if first[t] > events[x].date.latest() {
                        let message = format!(
                            "event `{}` comes `after: {}`, which cannot begin before {}, yet \
                             `{}` is over by {} ({}); check both dates",
                            quote(&events[x].id),
                            quote(&events[t].id),
                            first[t],
                            quote(&events[x].id),
                            events[x].date.latest(),
                            events[x].date,
                        );
                        problems.extend(slot[x].map(|k| (k, message)));
                    }
                    walk[x] = Walk::Done;
                    stack.pop();
                }
                Some(t) if walk[t] == Walk::Active => {
                    let message = format!(
                        "event `{}` comes `after: {}`, which comes after it in turn: `after:` \
                         may not run in a circle",
                        quote(&events[x].id),
                        quote(&events[t].id),
                    );
                    problems.extend(slot[x].map(|k| (k, message)));
                    // Broken here, so that the walk ends and each circle is reported once.
                    link[x] = None;
                }
                Some(t) => stack.push(t),
            }
        }
    }
    for x in 0..n {
        if let Some(t) = link[x] {
            events[x].after = Some(After {
                id: events[t].id.clone(),
                first_day: first[x],
                rank: rank[x],
            });
        }
    }
    let mut afters: Vec<Option<T>> = afters.into_iter().map(|(_, t)| Some(t)).collect();
    problems
        .into_iter()
        .filter_map(|(k, message)| Some((afters[k].take()?, message)))
        .collect()
}
