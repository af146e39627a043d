//! Index order: events by first day (an event that came `after:` another begins no earlier than
//! it), then after what they came, then shorter span, then file order, as
//! [`crate::index::Index::new`] keeps them ([`Event::order_key`]).

use chrono::NaiveDate;

use crate::model::Event;

/// The key events are ordered by; file order is unique, so the order is total.
fn key(event: &Event) -> (NaiveDate, u32, NaiveDate, usize) {
    event.order_key()
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

/// Sorts events into index order. The key is total (file order is unique), so the unstable
/// sort gives the stable order, without the stable sort's buffer of half the events.
pub fn sort_events(events: &mut [Event]) {
    events.sort_unstable_by_key(key);
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
            key: false,
            label: None,
            link: None,
            media: None,
            file_order,
            after: None,
        }
    }

    #[test]
    fn sorting_orders_by_day_then_file_order_and_the_order_is_checked() {
        let years = [
            1917, 1905, 1917, 1929, 1879, 1940, 1905, 1917, 1879, 1932, 1917,
        ];
        let mut events: Vec<Event> = years
            .iter()
            .enumerate()
            .map(|(i, &y)| event(y, i))
            .collect();
        assert!(running_latest(&events).is_none());
        sort_events(&mut events);
        let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "e4", "e8", "e1", "e6", "e0", "e2", "e7", "e10", "e3", "e9", "e5"
            ]
        );
        assert_eq!(running_latest(&events).map(|l| l.len()), Some(years.len()));
    }
}
