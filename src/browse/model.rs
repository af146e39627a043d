//! The state of the explorer: a stack of screens (event lists and opened events), the overlay on
//! top (help or a picker), the screen size, and the filtering of a list. No drawing, no terminal.

use chrono::Datelike;

use crate::error::Error;
use crate::index::{Index, fold};
use unicode_width::UnicodeWidthStr;

use crate::model::Event;
use crate::search::{WordQuery, event_haystack};
use crate::view::{EventRow, Views};

/// Lines of the screen that are not list rows: the header, the column heading, two preview
/// lines and the footer.
const CHROME_LINES: u16 = 5;

/// How many list rows fit on a screen `height` lines tall (at least one).
pub fn list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(CHROME_LINES)).max(1)
}

/// How many body lines an opened event has on a screen `height` lines tall: all but the header
/// and the footer.
pub fn detail_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(2)).max(1)
}

/// What a list of events is about: the whole selection, or one person's or place's events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The events the command line selected.
    All,
    /// The events of this person (index into the timeline's people).
    Person(usize),
    /// The events at this place or within it (index into the timeline's places).
    Place(usize),
}

/// A list of events with its own filters and cursor.
#[derive(Debug, Clone)]
pub struct EventList {
    /// What the list is about.
    pub subject: Subject,
    /// Its events before the filters below: positions in the index, in display order.
    pub base: Vec<usize>,
    /// The events shown: `base` narrowed by the search, tag and period.
    pub shown: Vec<usize>,
    /// The search text as typed.
    pub search: String,
    /// The search text parsed.
    pub words: WordQuery,
    /// Only events with this tag (as written in the timeline).
    pub tag: Option<String>,
    /// Only events overlapping this period (index into the timeline's periods), as `--in` does.
    pub period: Option<usize>,
    /// The selected row, an index into `shown`.
    pub cursor: usize,
    /// The first row on screen, an index into `shown`.
    pub offset: usize,
    /// The widest value of each column over all of `base`, when the list is small enough to
    /// measure ([`MEASURED`]): columns then keep their widths while the reader scrolls and
    /// filters. `None`: fitted to the rows on screen.
    pub widths: Option<Widths>,
}

/// Lists up to this many events get [`EventList::widths`]; measuring means building every row.
pub const MEASURED: usize = 5_000;

/// The widest value of each list column, in terminal columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Widths {
    /// The New Style date.
    pub date: usize,
    /// The Old Style date.
    pub old_style: usize,
    /// The age.
    pub age: usize,
    /// The place.
    pub place: usize,
    /// The people, comma-separated.
    pub people: usize,
}

impl Widths {
    /// The widest values among `rows`.
    pub fn of<'r>(rows: impl IntoIterator<Item = &'r EventRow>) -> Widths {
        let mut widths = Widths::default();
        for row in rows {
            widths.date = widths.date.max(row.date_parts.new_style().width());
            widths.old_style = widths
                .old_style
                .max(row.date_parts.twin().map_or(0, |t| t.width()));
            widths.age = widths.age.max(row.age.as_deref().map_or(0, str::width));
            widths.place = widths.place.max(row.place.as_deref().map_or(0, str::width));
            widths.people = widths.people.max(row.people.join(", ").width());
        }
        widths
    }
}

impl EventList {
    /// A list of `base`, unfiltered, with the first row selected.
    pub fn new(subject: Subject, base: Vec<usize>) -> EventList {
        EventList {
            subject,
            shown: base.clone(),
            base,
            search: String::new(),
            words: WordQuery::default(),
            tag: None,
            period: None,
            cursor: 0,
            offset: 0,
            widths: None,
        }
    }

    /// A list of `base` (positions in `events`, the index's) whose column widths are measured
    /// when it is small enough.
    pub fn measured(
        index: &Index,
        events: &[Event],
        subject: Subject,
        base: Vec<usize>,
    ) -> EventList {
        let mut list = EventList::new(subject, base);
        if list.base.len() <= MEASURED {
            let views = Views::new(index);
            let rows = list.base.iter().map(|&i| views.row(&events[i]));
            list.widths = Some(Widths::of(rows.collect::<Vec<_>>().iter()));
        }
        list
    }

    /// The index position of the selected event, if the list is not empty.
    pub fn selected(&self) -> Option<usize> {
        self.shown.get(self.cursor).copied()
    }

    /// True when a search, tag or period narrows the list.
    pub fn is_filtered(&self) -> bool {
        !self.words.is_empty() || self.tag.is_some() || self.period.is_some()
    }

    /// Moves the cursor by `delta` rows, stopping at the ends, and keeps it on screen.
    pub fn move_by(&mut self, delta: isize, rows: usize) {
        let last = self.shown.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
        self.scroll_to_cursor(rows);
    }

    /// Puts the cursor on row `row` (clamped) and keeps it on screen.
    pub fn move_to(&mut self, row: usize, rows: usize) {
        self.cursor = row.min(self.shown.len().saturating_sub(1));
        self.scroll_to_cursor(rows);
    }

    /// Scrolls as little as needed for the cursor to be on one of `rows` screen rows, and never
    /// past the end of the list.
    pub fn scroll_to_cursor(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + rows {
            self.offset = self.cursor + 1 - rows;
        }
        self.offset = self.offset.min(self.shown.len().saturating_sub(rows));
    }
}

/// One event opened in full.
#[derive(Debug, Clone)]
pub struct Opened {
    /// Its position in the index.
    pub event: usize,
    /// The first body line on screen.
    pub scroll: usize,
}

/// A screen of the stack.
#[derive(Debug, Clone)]
pub enum Screen {
    /// A list of events.
    List(EventList),
    /// One event in full.
    Event(Opened),
}

/// What a picker chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    /// A tag for the current list.
    Tag,
    /// A period for the current list.
    Period,
    /// A person of the selected event, to jump to their events.
    Person,
    /// The selected event's place or a place it lies within, to jump to its events.
    Place,
}

/// One choice in a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the reader sees.
    pub label: String,
    /// How many events the choice leads to.
    pub count: usize,
    /// What is chosen: a tag's index in the picker's order, or a period's, person's or place's
    /// index; `None` for "any" (clears the filter).
    pub value: Option<usize>,
}

/// A list of choices over the screen.
#[derive(Debug, Clone)]
pub struct Picker {
    /// What it chooses.
    pub kind: PickerKind,
    /// The choices.
    pub choices: Vec<Choice>,
    /// Tag names, for [`PickerKind::Tag`] (a choice's value indexes it).
    pub tags: Vec<String>,
    /// The highlighted choice.
    pub cursor: usize,
}

/// What covers the screen for a moment.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// The keys.
    Help,
    /// A picker.
    Picker(Picker),
}

/// The whole state of the explorer.
pub struct Model<'a> {
    /// The timeline.
    pub index: &'a Index,
    /// Its events, all decoded when the explorer opens (it reads them as the reader moves).
    pub events: &'a [Event],
    /// The screens, the bottom one the list the command line selected; never empty.
    pub screens: Vec<Screen>,
    /// What covers the top screen, if anything.
    pub overlay: Option<Overlay>,
    /// True while the reader types a search (keys go to the search text).
    pub typing: bool,
    /// Screen width and height in cells.
    pub size: (u16, u16),
    /// A short note for the footer about the last key ("this event has no place"); cleared by
    /// the next message.
    pub status: Option<String>,
    /// Each event's folded searchable text, by index position; built on the first search.
    haystacks: Vec<String>,
}

impl<'a> Model<'a> {
    /// The explorer over `selected` (positions in `index`, in display order), on a screen of
    /// `size`.
    pub fn new(
        index: &'a Index,
        selected: Vec<usize>,
        size: (u16, u16),
    ) -> Result<Model<'a>, Error> {
        let events = index.events()?;
        Ok(Model {
            index,
            events,
            screens: vec![Screen::List(EventList::measured(
                index,
                events,
                Subject::All,
                selected,
            ))],
            overlay: None,
            typing: false,
            size,
            status: None,
            haystacks: Vec::new(),
        })
    }

    /// The screen on top.
    pub fn top(&self) -> &Screen {
        self.screens.last().expect("the stack is never empty")
    }

    /// The screen on top, to change.
    pub fn top_mut(&mut self) -> &mut Screen {
        self.screens.last_mut().expect("the stack is never empty")
    }

    /// The list on top, or under the opened event on top.
    pub fn list(&self) -> &EventList {
        self.screens
            .iter()
            .rev()
            .find_map(|s| match s {
                Screen::List(list) => Some(list),
                Screen::Event(_) => None,
            })
            .expect("the bottom screen is a list")
    }

    /// The list on top, or under the opened event on top, to change.
    pub fn list_mut(&mut self) -> &mut EventList {
        self.screens
            .iter_mut()
            .rev()
            .find_map(|s| match s {
                Screen::List(list) => Some(list),
                Screen::Event(_) => None,
            })
            .expect("the bottom screen is a list")
    }

    /// The event the reader is on: the opened one, else the list's selected row.
    pub fn current_event(&self) -> Option<usize> {
        match self.top() {
            Screen::Event(opened) => Some(opened.event),
            Screen::List(list) => list.selected(),
        }
    }

    /// The events the command line selected.
    pub fn selection(&self) -> &[usize] {
        match &self.screens[0] {
            Screen::List(list) => &list.base,
            Screen::Event(_) => unreachable!("the bottom screen is a list"),
        }
    }

    /// Builds every event's searchable text the first time a search needs it.
    fn ensure_haystacks(&mut self) {
        if self.haystacks.is_empty()
            && self
                .screens
                .iter()
                .any(|s| matches!(s, Screen::List(l) if !l.words.is_empty()))
        {
            self.haystacks = haystacks(self.index, self.events);
        }
    }

    /// The top list's filters, each of which can be left out (to count what another tag or
    /// period would show).
    pub fn filters(&mut self, with_tag: bool, with_period: bool) -> Filters<'_> {
        self.ensure_haystacks();
        let (index, events) = (self.index, self.events);
        let list = self.list();
        Filters {
            events,
            haystacks: &self.haystacks,
            words: &list.words,
            tag: list.tag.as_deref().filter(|_| with_tag).map(fold),
            span: list
                .period
                .filter(|_| with_period)
                .map(|p| index.timeline().periods[p].span)
                .map(|d| (d.earliest(), d.latest())),
        }
    }

    /// Narrows the top list again after its search, tag or period changed, keeping the cursor
    /// on the same event when it is still shown, else on the nearest one after it.
    pub fn refilter(&mut self) {
        let rows = list_rows(self.size.1);
        let list_base = self.list().base.clone();
        let shown: Vec<usize> = {
            let filters = self.filters(true, true);
            list_base
                .iter()
                .copied()
                .filter(|&i| filters.keeps(i))
                .collect()
        };
        let list = self.list_mut();
        let previous = list.selected();
        list.shown = shown;
        list.cursor = previous
            .and_then(|event| nearest_after(&list.base, &list.shown, event))
            .unwrap_or(0);
        list.offset = list.offset.min(list.cursor);
        list.scroll_to_cursor(rows);
    }

    /// The events of `subject` among the command line's selection, in its order.
    pub fn events_of(&self, subject: Subject) -> Vec<usize> {
        let events = self.events;
        let subject_person = self.index.timeline().subject;
        match subject {
            Subject::All => self.selection().to_vec(),
            Subject::Person(p) => self
                .selection()
                .iter()
                .copied()
                .filter(|&i| subject_person == Some(p) || events[i].people.contains(&p))
                .collect(),
            Subject::Place(place) => {
                let within = self.index.places_within(&[place]);
                self.selection()
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let day = events[i].date.earliest().num_days_from_ce();
                        events[i].place.is_some_and(|p| within.contains(p, day))
                    })
                    .collect()
            }
        }
    }
}

/// Every event's folded searchable text, built on every core: on 100,000 events it is the one
/// cost of a search that grows with the timeline (about 100 ms on one core).
fn haystacks(index: &Index, events: &[Event]) -> Vec<String> {
    let chunk = events.len().div_ceil(crate::parallel::cores()).max(1024);
    let parts: Vec<&[crate::model::Event]> = events.chunks(chunk).collect();
    crate::parallel::map(&parts, |part| {
        part.iter()
            .map(|e| event_haystack(index.timeline(), e))
            .collect::<Vec<_>>()
    })
    .concat()
}

/// The filters of a list, ready to test events.
pub struct Filters<'m> {
    events: &'m [Event],
    haystacks: &'m [String],
    words: &'m WordQuery,
    tag: Option<String>,
    span: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
}

impl Filters<'_> {
    /// True when the event at index position `i` passes every filter.
    pub fn keeps(&self, i: usize) -> bool {
        let event = &self.events[i];
        self.tag
            .as_ref()
            .is_none_or(|tag| event.tags.iter().any(|t| fold(t) == *tag))
            && self.span.is_none_or(|(first, last)| {
                event.first_day() <= last && event.date.latest() >= first
            })
            && (self.words.is_empty() || self.words.matches(&self.haystacks[i]))
    }
}

/// The row of `shown` (a subsequence of `base`) that holds `event`, or failing that the first
/// one after it in `base`; one pass over `base`.
fn nearest_after(base: &[usize], shown: &[usize], event: usize) -> Option<usize> {
    let mut passed = false;
    let mut row = 0;
    for &position in base {
        passed |= position == event;
        if shown.get(row) == Some(&position) {
            if passed {
                return Some(row);
            }
            row += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(n: usize) -> EventList {
        EventList::new(Subject::All, (0..n).collect())
    }

    #[test]
    fn the_cursor_stops_at_the_ends_and_stays_on_screen() {
        let mut l = list(100);
        l.move_by(-5, 10);
        assert_eq!((l.cursor, l.offset), (0, 0));
        l.move_by(15, 10);
        assert_eq!((l.cursor, l.offset), (15, 6));
        l.move_by(1000, 10);
        assert_eq!((l.cursor, l.offset), (99, 90));
        l.move_to(0, 10);
        assert_eq!((l.cursor, l.offset), (0, 0));
    }

    #[test]
    fn an_empty_list_has_no_selection_and_does_not_move() {
        let mut l = list(0);
        l.move_by(3, 10);
        assert_eq!((l.cursor, l.offset, l.selected()), (0, 0, None));
    }

    #[test]
    fn after_filtering_the_cursor_stays_on_its_event_or_the_next_shown() {
        let base = [5, 3, 9, 1, 7];
        assert_eq!(nearest_after(&base, &[3, 1, 7], 1), Some(1));
        assert_eq!(nearest_after(&base, &[3, 1, 7], 9), Some(1));
        assert_eq!(nearest_after(&base, &[5, 3], 7), None);
        assert_eq!(nearest_after(&base, &[], 5), None);
    }

    #[test]
    fn chrome_leaves_at_least_one_row() {
        assert_eq!(list_rows(24), 19);
        assert_eq!(list_rows(2), 1);
        assert_eq!(detail_rows(24), 22);
    }
}
