//! Index order: events by earliest day, then shorter span, then file order. The loader sorts
//! the pieces of a big file on the threads that read them and merges them, so that
//! [`crate::index::Index::new`] finds the events already in order.

use chrono::NaiveDate;

use crate::model::Event;

/// The key events are ordered by; file order is unique, so the order is total.
fn key(event: &Event) -> (NaiveDate, NaiveDate, usize) {
    (event.date.earliest(), event.date.latest(), event.file_order)
}

/// For each position of `events`, the latest last day of the events up to there; `None` when
/// the events are not in index order. One pass, for [`crate::index::Index::new`].
pub fn running_latest(events: &[Event]) -> Option<Vec<NaiveDate>> {
    let mut latest_so_far = Vec::with_capacity(events.len());
    let mut latest = NaiveDate::MIN;
    let mut previous = None;
    for event in events {
        let key = key(event);
        if previous.is_some_and(|previous| previous > key) {
            return None;
        }
        previous = Some(key);
        latest = latest.max(event.date.latest());
        latest_so_far.push(latest);
    }
    Some(latest_so_far)
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

/// Merges `later`, in index order, into `events`, in index order, keeping the order: from
/// the back, each event moved once into room at the end of `events`, and `later` given back to
/// the allocator as it empties, so that the two never both hold a million events (no second
/// copy of `events` is made either). Ties cannot happen: file orders are unique.
pub(super) fn merge_sorted(events: &mut Vec<Event>, mut later: Vec<Event>) {
    /// How many moved-out events `later` may keep room for before it is shrunk.
    const GIVE_BACK: usize = 1 << 16;
    let (kept, total) = (events.len(), events.len() + later.len());
    events.reserve_exact(later.len());
    // `events[..i]` and `later[..j]` are still to place; `events[write..total]` are placed.
    let (mut i, mut j, mut write) = (kept, later.len(), total);
    // SAFETY: every index read is below `i` in `events` or below `j` in `later`, which hold
    // events not yet moved; every write is at `write - 1`, which is at least `i + j - 1 >= i`
    // (so never a slot still to read) and below `total` (within the capacity reserved). Each
    // event is moved exactly once; `later`'s length follows `j`, so it never drops a moved event,
    // and `events` claims no event until all `total` are in place (its length is 0 meanwhile: a
    // panic, which nothing here can raise, would leak and never drop twice).
    unsafe {
        events.set_len(0);
        let to = events.as_mut_ptr();
        while j > 0 {
            let from = later.as_ptr();
            write -= 1;
            if i > 0 && key(&*to.add(i - 1)) > key(&*from.add(j - 1)) {
                i -= 1;
                std::ptr::copy_nonoverlapping(to.add(i), to.add(write), 1);
            } else {
                j -= 1;
                std::ptr::copy_nonoverlapping(from.add(j), to.add(write), 1);
                later.set_len(j);
                if later.capacity() - j >= GIVE_BACK {
                    later.shrink_to_fit();
                }
            }
        }
        debug_assert_eq!(write, i, "what is left of `events` is in place");
        events.set_len(total);
    }
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

    #[test]
    fn a_long_merge_gives_room_back_and_loses_nothing() {
        // Longer than GIVE_BACK, so that `later` is shrunk while it is read.
        let n = 70_000;
        let first: Vec<Event> = (0..n).map(|i| event(1800 + (i % 200) as i32, i)).collect();
        let later: Vec<Event> = (n..2 * n)
            .map(|i| event(1800 + (i * 7 % 200) as i32, i))
            .collect();
        let (mut first, mut later) = (first, later);
        sort_events(&mut first);
        sort_events(&mut later);
        merge_sorted(&mut first, later);
        assert_eq!(first.len(), 2 * n);
        assert!(first.is_sorted_by_key(key));
        let mut orders: Vec<usize> = first.iter().map(|e| e.file_order).collect();
        orders.sort_unstable();
        assert!(orders.iter().copied().eq(0..2 * n), "every event once");
        assert!(first.iter().all(|e| e.id == format!("e{}", e.file_order)));
    }
}
