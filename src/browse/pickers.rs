//! The pickers' share of the update: what a key does while a picker is open, and opening one
//! (tags, periods, the people of an event, the places around it) or jumping straight to the only
//! choice. Pure functions of the model, as the rest of [`super::update`].

use std::collections::HashMap;

use super::model::{
    Choice, EventList, Model, Overlay, Picker, PickerKind, Screen, Subject, list_rows,
};
use super::update::{Effect, Key, movement};

/// What `key` does while the help or a picker is open.
pub(super) fn overlay_key(model: &mut Model, key: Key) -> Effect {
    let Some(Overlay::Picker(picker)) = &mut model.overlay else {
        // Help: any key closes it; `q` still quits.
        model.overlay = None;
        return if key == Key::Char('q') {
            Effect::Quit
        } else {
            Effect::Redraw
        };
    };
    let page = list_rows(model.size.1).saturating_sub(4);
    if let Some(delta) = movement(key, page) {
        move_picker(picker, delta);
        return Effect::Redraw;
    }
    match key {
        Key::Char('q') => return Effect::Quit,
        Key::Esc | Key::Backspace => model.overlay = None,
        Key::Enter => {
            let picker = picker.clone();
            model.overlay = None;
            choose(model, &picker);
        }
        _ => {}
    }
    Effect::Redraw
}

pub(super) fn move_picker(picker: &mut Picker, delta: isize) {
    let last = picker.choices.len().saturating_sub(1);
    picker.cursor = picker.cursor.saturating_add_signed(delta).min(last);
}

/// Applies the highlighted choice of a closed picker.
fn choose(model: &mut Model, picker: &Picker) {
    let Some(choice) = picker.choices.get(picker.cursor) else {
        return;
    };
    match picker.kind {
        PickerKind::Tag => {
            model.list_mut().tag = choice.value.map(|t| picker.tags[t].clone());
            model.refilter();
        }
        PickerKind::Period => {
            model.list_mut().period = choice.value;
            model.refilter();
        }
        PickerKind::Person => {
            if let Some(person) = choice.value {
                push_list(model, Subject::Person(person));
            }
        }
        PickerKind::Place => {
            if let Some(place) = choice.value {
                push_list(model, Subject::Place(place));
            }
        }
    }
}

/// Opens a list of `subject`'s events, on the event the reader came from when it is there.
fn push_list(model: &mut Model, subject: Subject) {
    let from = model.current_event();
    let mut list =
        EventList::measured(model.index, model.events, subject, model.events_of(subject));
    if let Some(row) = from.and_then(|e| list.shown.iter().position(|&i| i == e)) {
        list.move_to(row, list_rows(model.size.1));
    }
    model.screens.push(Screen::List(list));
}

pub(super) fn jump_to_person(model: &mut Model) {
    let Some(event) = model.current_event() else {
        return;
    };
    let timeline = model.index.timeline();
    let people = &model.events[event].people;
    match people.as_slice() {
        [] => model.status = Some("no one else is named in this event".into()),
        [person] => push_list(model, Subject::Person(*person)),
        many => {
            let choices = many
                .iter()
                .map(|&p| Choice {
                    label: timeline.people[p].name.clone(),
                    count: model.events_of(Subject::Person(p)).len(),
                    value: Some(p),
                })
                .collect();
            open_picker(model, PickerKind::Person, choices);
        }
    }
}

/// Opens a picker of `kind` over `choices`, the cursor on the first.
fn open_picker(model: &mut Model, kind: PickerKind, choices: Vec<Choice>) {
    model.overlay = Some(Overlay::Picker(Picker {
        kind,
        choices,
        tags: Vec::new(),
        cursor: 0,
    }));
}

/// Jumps to the events at the event's place; when the place lies within others, a picker
/// offers them too (Coyoacán, Mexico).
pub(super) fn jump_to_place(model: &mut Model) {
    let Some(event) = model.current_event() else {
        return;
    };
    let timeline = model.index.timeline();
    let Some(place) = model.events[event].place else {
        model.status = Some("this event has no place".into());
        return;
    };
    let day = model.events[event].date.earliest();
    let chain: Vec<usize> =
        std::iter::successors(Some(place), |&p| timeline.places[p].within_on(day))
            .take(timeline.places.len())
            .collect();
    if chain.len() == 1 {
        push_list(model, Subject::Place(place));
        return;
    }
    let choices = chain
        .iter()
        .map(|&p| Choice {
            label: timeline.places[p].name_on(day).to_string(),
            count: model.events_of(Subject::Place(p)).len(),
            value: Some(p),
        })
        .collect();
    open_picker(model, PickerKind::Place, choices);
}

/// The tags of the top list's events, with how many events each would show given the search
/// and period, most frequent first; "any tag" on top.
pub(super) fn open_tag_picker(model: &mut Model) {
    let base = model.list().base.clone();
    let current = model.list().tag.clone();
    let events = model.events;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    {
        let filters = model.filters(false, true);
        for &i in base.iter().filter(|&&i| filters.keeps(i)) {
            for tag in &events[i].tags {
                *counts.entry(tag.as_str()).or_default() += 1;
            }
        }
    }
    let mut tags: Vec<(&str, usize)> = counts.into_iter().collect();
    tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let any = model.filters(false, true);
    let all = base.iter().filter(|&&i| any.keeps(i)).count();
    let mut choices = vec![Choice {
        label: "any tag".into(),
        count: all,
        value: None,
    }];
    choices.extend(tags.iter().enumerate().map(|(n, (tag, count))| Choice {
        label: tag.to_string(),
        count: *count,
        value: Some(n),
    }));
    let cursor = current
        .and_then(|c| tags.iter().position(|(t, _)| *t == c))
        .map_or(0, |n| n + 1);
    model.overlay = Some(Overlay::Picker(Picker {
        kind: PickerKind::Tag,
        choices,
        tags: tags.iter().map(|(t, _)| t.to_string()).collect(),
        cursor,
    }));
}

/// The periods in order, with how many of the top list's events overlap each given the search
/// and tag (as `--in PERIOD` counts them); "any period" on top.
pub(super) fn open_period_picker(model: &mut Model) {
    let base = model.list().base.clone();
    let current = model.list().period;
    let (index, events) = (model.index, model.events);
    let periods = &index.timeline().periods;
    let filters = model.filters(true, false);
    let kept: Vec<usize> = base.iter().copied().filter(|&i| filters.keeps(i)).collect();
    let mut choices = vec![Choice {
        label: "any period".into(),
        count: kept.len(),
        value: None,
    }];
    choices.extend(periods.iter().enumerate().map(|(p, period)| {
        let (first, last) = (period.span.earliest(), period.span.latest());
        let count = kept
            .iter()
            .filter(|&&i| {
                let date = &events[i].date;
                date.earliest() <= last && date.latest() >= first
            })
            .count();
        Choice {
            label: period.title.clone(),
            count,
            value: Some(p),
        }
    }));
    model.overlay = Some(Overlay::Picker(Picker {
        kind: PickerKind::Period,
        choices,
        tags: Vec::new(),
        cursor: current.map_or(0, |p| p + 1),
    }));
}
