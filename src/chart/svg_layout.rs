//! The SVG chart's page and where its labels and bars go: the A4 geometry and text sizes, text
//! widths measured conservatively (so a label never runs into another in any common sans-serif
//! font), bars packed into lanes, and labels stacked in rows with leader lines that never cross
//! another label.

use unicode_width::UnicodeWidthChar;

/// A4 landscape in points.
pub(super) const PAGE_WIDTH: f64 = 842.0;
pub(super) const PAGE_HEIGHT: f64 = 595.0;
/// Room a printer leaves white, and then some (7 mm).
pub(super) const MARGIN: f64 = 20.0;
pub(super) const PLOT_LEFT: f64 = MARGIN;
pub(super) const PLOT_RIGHT: f64 = PAGE_WIDTH - MARGIN;
/// Text sizes in points: labels, the smallest (axis and notes), the title.
pub(super) const TEXT: f64 = 9.5;
pub(super) const SMALL: f64 = 9.0;
pub(super) const TITLE: f64 = 15.0;
/// A row of labels, a lane of periods (its bar and the gap under it), a bar.
pub(super) const ROW: f64 = 12.0;
pub(super) const LANE: f64 = 14.0;
pub(super) const BAR: f64 = 12.0;
/// The height of the bars of events per year.
pub(super) const STRIP: f64 = 26.0;
/// Room between labels in a row, and between a bar and its label.
pub(super) const GAP: f64 = 5.0;
/// The widest a label may be; a key event's, title and date.
pub(super) const LABEL_MAX: f64 = 300.0;
pub(super) const KEY_LABEL_MAX: f64 = 200.0;

/// The width of `text` set at `size` points, estimated from per-character widths a little
/// wider than DejaVu Sans and Verdana (the widest common sans-serif faces) draw them: an
/// estimate may leave a gap, never an overlap. The Chromium client check measures the result.
pub(super) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(em_width).sum::<f64>() * size
}

/// One character's advance in ems, rounded up from DejaVu Sans.
fn em_width(c: char) -> f64 {
    match c {
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'I' => 0.34,
        ' ' => 0.34,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' => 0.46,
        'm' | 'w' | 'M' | 'W' | '@' | '%' | '—' | '…' => 1.02,
        '0'..='9' => 0.66,
        'A'..='Z' => 0.8,
        c if c.is_ascii() => 0.66,
        c => match c.width() {
            // Combining marks add nothing where the font has them; a box where it does not.
            Some(0) | None => 0.62,
            Some(2) => 1.05,
            _ if c.is_uppercase() => 0.9,
            _ => 0.8,
        },
    }
}

/// `text` cut (with `…`) to fit `room` points at `size`; empty when not even `…` fits.
pub(super) fn fit_text(text: &str, size: f64, room: f64) -> String {
    if text_width(text, size) <= room {
        return text.to_string();
    }
    let mut width = text_width("…", size);
    if width > room {
        return String::new();
    }
    let mut cut = String::new();
    for c in text.chars() {
        width += em_width(c) * size;
        if width > room {
            break;
        }
        cut.push(c);
    }
    let mut cut = cut.trim_end().to_string();
    cut.push('…');
    cut
}

/// Packs spans `(start, end)`, given in order of their starts, into at most `lanes` lanes, each
/// span in the first lane whose last span ends `gap` before it starts: the lane of each span, or
/// `None` where no lane had room. Linear in spans × lanes.
pub(super) fn pack_lanes(spans: &[(f64, f64)], gap: f64, lanes: usize) -> Vec<Option<usize>> {
    let mut ends: Vec<f64> = Vec::new();
    spans
        .iter()
        .map(|&(start, end)| {
            let lane = ends.iter().position(|&e| e + gap <= start);
            match lane {
                Some(lane) => {
                    ends[lane] = end;
                    Some(lane)
                }
                None if ends.len() < lanes => {
                    ends.push(end);
                    Some(ends.len() - 1)
                }
                None => None,
            }
        })
        .collect()
}

/// A label placed in a row: its row (0 is nearest the thing it names), the left end of its
/// text, and which of its forms (0 at length, 1 cut shorter) it takes. Its leader line runs from
/// the anchor, through the nearer rows, to the label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Placed {
    pub(super) row: usize,
    pub(super) x: f64,
    pub(super) form: usize,
}

/// How far a label's text starts from its anchor's leader line.
pub(super) const OFFSET: f64 = 2.0;

/// Stacks labels in at most `rows` rows between `left` and `right`. Each label is `(anchor,
/// [long, short])`, the widths of its two forms; its text goes right or left of its anchor, in
/// the nearest row where it keeps `gap` clear of every other text and of the leader lines
/// passing through that row, and only when its own leader line can pass the nearer rows without
/// crossing a text. A label that fits nowhere is `None`.
///
/// Texts going right are placed from the rightmost anchor leftwards (so the texts of nearer
/// rows lie right of the leaders that pass them: a staircase), texts going left in mirror
/// order. Which labels go left (those the page ends for first, or the right half's), which
/// staircase comes first, and whether a label is tried at length before it is cut are tried
/// each way: the way that places most labels wins, at length where it places as many.
pub(super) fn stack_labels(
    labels: &[(f64, [f64; 2])],
    left: f64,
    right: f64,
    rows: usize,
    gap: f64,
) -> Vec<Option<Placed>> {
    let middle = (left + right) / 2.0;
    let mut best: Vec<Option<Placed>> = vec![None; labels.len()];
    let mut best_count = 0;
    for at_length in [true, false] {
        for split_at_middle in [false, true] {
            for leftwards_first in [true, false] {
                let way = Way {
                    left,
                    right,
                    middle: split_at_middle.then_some(middle),
                    leftwards_first,
                    forms: if at_length { &[0, 1] } else { &[1] },
                };
                let placed = way.stack(labels, rows, gap);
                let count = placed.iter().flatten().count();
                if count > best_count {
                    (best, best_count) = (placed, count);
                }
            }
        }
    }
    best
}

/// One way of stacking labels (see [`stack_labels`]).
struct Way {
    left: f64,
    right: f64,
    /// Labels right of this go left of their anchors (as do those the page ends for).
    middle: Option<f64>,
    leftwards_first: bool,
    /// The forms tried, in order.
    forms: &'static [usize],
}

impl Way {
    fn goes_left(&self, anchor: f64, width: f64) -> bool {
        anchor + OFFSET + width > self.right || self.middle.is_some_and(|m| anchor > m)
    }

    fn stack(&self, labels: &[(f64, [f64; 2])], rows: usize, gap: f64) -> Vec<Option<Placed>> {
        // Which way a label goes is decided by its shortest form, so it does not change sides.
        let leftward = |i: usize| self.goes_left(labels[i].0, labels[i].1[1]);
        let (mut leftwards, mut rightwards): (Vec<usize>, Vec<usize>) =
            (0..labels.len()).partition(|&i| leftward(i));
        // Among equal anchors, the earlier label sits nearer.
        leftwards.sort_by(|&a, &b| labels[a].0.total_cmp(&labels[b].0).then(b.cmp(&a)));
        rightwards.sort_by(|&a, &b| labels[b].0.total_cmp(&labels[a].0).then(b.cmp(&a)));
        let order: Vec<usize> = if self.leftwards_first {
            leftwards.into_iter().chain(rightwards).collect()
        } else {
            rightwards.into_iter().chain(leftwards).collect()
        };
        let mut taken: Vec<Row> = vec![Row::default(); rows];
        let mut placed = vec![None; labels.len()];
        for i in order {
            let (anchor, widths) = labels[i];
            if !anchor.is_finite() {
                continue;
            }
            let text = |form: usize| {
                let width = widths[form];
                let x = if leftward(i) {
                    anchor - OFFSET - width
                } else {
                    anchor + OFFSET
                };
                (x, x + width)
            };
            let fits = |text: (f64, f64)| {
                text.0 >= self.left && text.1 <= self.right && text.0.is_finite()
            };
            let leader = (anchor - 0.5, anchor + 0.5);
            let mut found = None;
            'rows: for (row, taken) in taken.iter().enumerate() {
                for &form in self.forms {
                    let span = text(form);
                    if fits(span) && taken.is_free(span, gap) {
                        found = Some((row, form, span));
                        break 'rows;
                    }
                }
                // The leader line would pass through this row: not across a text in it (along
                // another leader line is fine: two events on one day).
                if !is_free(&taken.texts, leader, 0.5) {
                    break;
                }
            }
            let Some((row, form, span)) = found else {
                continue;
            };
            for nearer in &mut taken[..row] {
                let at = nearer.leaders.partition_point(|&x| x < anchor);
                nearer.leaders.insert(at, anchor);
            }
            take(&mut taken[row].texts, span);
            placed[i] = Some(Placed {
                row,
                x: span.0,
                form,
            });
        }
        // Then each label cut short takes its length where its row still has room for it.
        for (i, place) in placed.iter_mut().enumerate() {
            let Some(place) = place.as_mut().filter(|p| p.form == 1) else {
                continue;
            };
            let (anchor, widths) = labels[i];
            let short = (place.x, place.x + widths[1]);
            let long = if leftward(i) {
                (anchor - OFFSET - widths[0], anchor - OFFSET)
            } else {
                (anchor + OFFSET, anchor + OFFSET + widths[0])
            };
            let row = &mut taken[place.row];
            let at = row.texts.partition_point(|s| s.0 < short.0);
            if row.texts.get(at) != Some(&short) {
                continue;
            }
            row.texts.remove(at);
            if long.0 >= self.left && long.1 <= self.right && row.is_free(long, gap) {
                take(&mut row.texts, long);
                (place.x, place.form) = (long.0, 0);
            } else {
                take(&mut row.texts, short);
            }
        }
        placed
    }
}

/// A row of labels: the spans of its texts (sorted, disjoint) and where the leader lines of
/// farther labels pass through it (sorted).
#[derive(Debug, Clone, Default)]
struct Row {
    texts: Vec<(f64, f64)>,
    leaders: Vec<f64>,
}

impl Row {
    /// Whether a text over `span` keeps `gap` clear of every text and leader line in the row.
    fn is_free(&self, span: (f64, f64), gap: f64) -> bool {
        let next = self.leaders.partition_point(|&x| x < span.0 - gap);
        is_free(&self.texts, span, gap) && self.leaders.get(next).is_none_or(|&x| x > span.1 + gap)
    }
}

/// Whether `span` keeps `gap` clear of every span of a row (sorted, disjoint).
fn is_free(spans: &[(f64, f64)], span: (f64, f64), gap: f64) -> bool {
    // The first span that does not end `gap` before this one starts must start `gap` after it.
    let next = spans.partition_point(|s| s.1 + gap <= span.0);
    spans.get(next).is_none_or(|s| s.0 >= span.1 + gap)
}

/// Adds a free `span` to a row, keeping it sorted.
fn take(spans: &mut Vec<(f64, f64)>, span: (f64, f64)) {
    let at = spans.partition_point(|s| s.0 < span.0);
    spans.insert(at, span);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_and_narrow_characters_measure_differently() {
        assert!(text_width("WWW", 10.0) > text_width("iii", 10.0) * 2.0);
        assert!(text_width("Троцкий", 10.0) > text_width("Trotsky", 10.0));
        assert!(text_width("托洛茨基", 10.0) >= 40.0);
        assert_eq!(text_width("", 10.0), 0.0);
    }

    #[test]
    fn a_long_text_is_cut_to_its_room() {
        let cut = fit_text(
            "Commissar for Foreign Affairs and Brest-Litovsk",
            9.0,
            100.0,
        );
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_width(&cut, 9.0) <= 100.0);
        assert_eq!(fit_text("Exile", 9.0, 100.0), "Exile");
        assert_eq!(fit_text("Exile", 9.0, 1.0), "");
    }

    #[test]
    fn lanes_take_spans_that_do_not_overlap() {
        let lanes = pack_lanes(
            &[(0.0, 10.0), (5.0, 20.0), (12.0, 30.0), (20.8, 25.0)],
            1.0,
            2,
        );
        assert_eq!(lanes, [Some(0), Some(1), Some(0), None]);
    }

    fn overlap(a: (f64, f64), b: (f64, f64)) -> bool {
        a.0 < b.1 && b.0 < a.1
    }

    #[test]
    fn stacked_labels_never_overlap_and_leaders_never_cross_a_label() {
        // Crowded anchors, some equal, some near the right end.
        let labels: Vec<(f64, f64)> = (0..60)
            .map(|i| ((i * 37 % 500) as f64, 30.0 + (i * 13 % 90) as f64))
            .collect();
        let spans: Vec<(f64, [f64; 2])> = labels.iter().map(|&(a, w)| (a, [w * 1.5, w])).collect();
        let placed = stack_labels(&spans, 0.0, 520.0, 6, 4.0);
        let boxes: Vec<(usize, (f64, f64), f64)> = placed
            .iter()
            .zip(&spans)
            .filter_map(|(p, &(anchor, widths))| {
                p.map(|p| (p.row, (p.x, p.x + widths[p.form]), anchor))
            })
            .collect();
        assert!(boxes.len() >= 15, "only {} placed", boxes.len());
        for (i, &(row, span, anchor)) in boxes.iter().enumerate() {
            assert!(span.0 >= 0.0 && span.1 <= 520.0);
            for (j, &(other_row, other, _)) in boxes.iter().enumerate() {
                if i != j && row == other_row {
                    assert!(!overlap(span, other), "{span:?} / {other:?} in row {row}");
                }
                // The leader passes the rows nearer than its label's, and not its own text.
                if i == j {
                    assert!(
                        !(span.0 < anchor && anchor < span.1),
                        "leader at {anchor} crosses its label {span:?}"
                    );
                }
                if i != j && other_row < row {
                    assert!(
                        !(other.0 <= anchor && anchor <= other.1),
                        "leader at {anchor} crosses {other:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_label_at_the_right_end_goes_left_of_its_anchor() {
        let placed = stack_labels(&[(500.0, [100.0, 100.0])], 0.0, 520.0, 3, 4.0);
        assert_eq!(
            placed,
            [Some(Placed {
                row: 0,
                x: 398.0,
                form: 0
            })]
        );
    }
}
