//! Index order: events by earliest day, then shorter span, then file order. The loader sorts
//! the pieces of a big file on the threads that read them and merges them, so that
//! [`crate::index::Index::new`] finds the events already in order.

use chrono::NaiveDate;

use crate::model::Event;

/// The key events are ordered by; file order is unique, so the order is total.
fn key(event: &Event) -> (NaiveDate, NaiveDate, usize) {
    (event.date.earliest(), event.date.latest(), event.file_order)
}

/// Sorts events into index order. Sorts a key array and moves each event along its cycle of
/// the permutation, instead of moving whole events inside a sort: an event is some 300 bytes.
/// Events already in order (a merged load) are only checked.
pub fn sort_events(events: &mut [Event]) {
    if events.is_sorted_by_key(key) {
        return;
    }
    let mut keys: Vec<(NaiveDate, NaiveDate, usize, usize)> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.date.earliest(), e.date.latest(), e.file_order, i))
        .collect();
    // File order is unique, so an unstable sort gives the stable order.
    keys.sort_unstable();
    // `destination[i]`: where the event now at `i` belongs.
    let mut destination = vec![0; events.len()];
    for (position, key) in keys.iter().enumerate() {
        destination[key.3] = position;
    }
    drop(keys);
    for i in 0..events.len() {
        while destination[i] != i {
            let j = destination[i];
            events.swap(i, j);
            destination.swap(i, j);
        }
    }
}

/// Merges `later`, in index order, into `events`, in index order, keeping the order: every
/// event is moved once, from the back, into room made at the end of `events` (no second copy
/// of `events` is made). Ties cannot happen: file orders are unique.
pub(super) fn merge_sorted(events: &mut Vec<Event>, mut later: Vec<Event>) {
    let Some(first) = later.first() else {
        return;
    };
    let (kept, total) = (events.len(), events.len() + later.len());
    // Placeholders that own nothing: moving an event is a swap with one of them.
    let placeholder = || Event {
        id: String::new(),
        date: first.date,
        title: String::new(),
        summary: None,
        place: None,
        people: Vec::new(),
        tags: Vec::new(),
        period: None,
        source: None,
        file_order: 0,
    };
    events.resize_with(total, placeholder);
    // `events[..i]` and `later` are still to place; `write` is the next free slot
    // from the back.
    let mut i = kept;
    let mut write = total;
    while let Some(last) = later.last_mut() {
        write -= 1;
        if i > 0 && key(&events[i - 1]) > key(last) {
            events.swap(i - 1, write);
            i -= 1;
        } else {
            std::mem::swap(&mut events[write], last);
            later.pop();
        }
    }
    debug_assert_eq!(write, i, "what is left of `events` is in place");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn event(year: i32, file_order: usize) -> Event {
        Event {
            id: format!("e{file_order}"),
            date: year.to_string().parse::<Date>().unwrap(),
            title: "t".to_string(),
            summary: None,
            place: None,
            people: Vec::new(),
            tags: Vec::new(),
            period: None,
            source: None,
            file_order,
        }
    }

    #[test]
    fn merging_two_sorted_runs_gives_what_sorting_both_gives() {
        let years = [
            1917, 1905, 1917, 1929, 1879, 1940, 1905, 1917, 1879, 1932, 1917,
        ];
        for split in 0..=years.len() {
            let all: Vec<Event> = years
                .iter()
                .enumerate()
                .map(|(i, &y)| event(y, i))
                .collect();
            let mut expected = all.clone();
            sort_events(&mut expected);
            let (mut first, mut later) = (all[..split].to_vec(), all[split..].to_vec());
            sort_events(&mut first);
            sort_events(&mut later);
            merge_sorted(&mut first, later);
            let ids = |events: &[Event]| events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(&first), ids(&expected), "split at {split}");
        }
    }
}
