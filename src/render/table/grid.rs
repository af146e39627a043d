//! The grid arithmetic of a table: column widths read back from comfy-table, the columns kept
//! whole or filled to the width, and the chunks a long list is drawn in to the widths of its first.

use std::io::{self, Write};

use comfy_table::{ColumnConstraint, Table as Grid, Width};

/// How many rows of a long list are drawn at a time (see [`Table::event_stream`]).
pub(super) const CHUNK_ROWS: usize = 1024;

/// Writes the lines of a grid, without the spaces that end them.
pub(super) fn write_lines(out: &mut dyn Write, lines: &[String]) -> io::Result<()> {
    for line in lines {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The widths, padding included, of the columns of a grid from its top border (`╭────┬──╮`):
/// comfy-table tells them nowhere else.
pub(super) fn segments(top: &str) -> Vec<usize> {
    let mut chars = top.chars();
    let (Some(_corner), Some(line)) = (chars.next(), chars.clone().next()) else {
        return Vec::new();
    };
    let inner: Vec<char> = chars.collect();
    let inner = &inner[..inner.len().saturating_sub(1)];
    inner.split(|&c| c != line).map(<[char]>::len).collect()
}

/// The widest line of `cells`, in terminal columns.
pub(super) fn widest(cells: &[String]) -> usize {
    cells
        .iter()
        .flat_map(|c| c.lines())
        .map(textwrap::core::display_width)
        .max()
        .unwrap_or(0)
}

/// The room for the event's text in a chunk drawn to `measured` widths: its column's less its
/// padding, and less what each never-wrapped column (`cells` at `column`) needs beyond its
/// measured width (a date wider than any in the first rows), so that the table keeps its width.
pub(super) fn event_room(measured: &[usize], event: usize, whole: &[(&[String], usize)]) -> usize {
    let excess: usize = whole
        .iter()
        .map(|(cells, column)| (widest(cells) + 2).saturating_sub(measured[*column]))
        .sum();
    measured[event].saturating_sub(2 + excess).max(4)
}

/// Draws `grid` to the `measured` column widths of the first rows of its table. A column that
/// is never wrapped (`whole`: dates, ages, ids) still gets what its widest cell needs, taken from
/// the event's column, so that a date is never cut (that chunk's borders then shift a little).
pub(super) fn fix_columns(grid: &mut Grid, measured: &[usize], event: usize, whole: &[usize]) {
    let content = grid.column_max_content_widths();
    if content.len() != measured.len() {
        // Not the table that was measured (a parse of the border gone wrong): drawn on its own.
        return;
    }
    let mut widths = measured.to_vec();
    let mut excess = 0;
    let columns = widths.len();
    for &column in whole.iter().filter(|&&c| c < columns) {
        let needs = usize::from(content[column]) + 2;
        if needs > widths[column] {
            excess += needs - widths[column];
            widths[column] = needs;
        }
    }
    widths[event] = widths[event].saturating_sub(excess).max(6);
    for (column, width) in widths.into_iter().enumerate() {
        if let Some(c) = grid.column_mut(column) {
            let width = width.min(u16::MAX as usize) as u16;
            c.set_constraint(ColumnConstraint::Absolute(Width::Fixed(width)));
        }
    }
}

/// Gives the event column the exact room its text was wrapped to, so the table fills its width
/// and the table never wraps that text again.
pub(super) fn fill(grid: &mut Grid, column: usize, width: usize) {
    if let Some(c) = grid.column_mut(column) {
        // The constraint counts the column's padding, one space on each side.
        let room = (width + 2).min(u16::MAX as usize) as u16;
        c.set_constraint(ColumnConstraint::Absolute(Width::Fixed(room)));
    }
}

/// Keeps `columns` unwrapped, in the order given as far as the width allows: the leading ones
/// matter most (an id is typed back whole; a span may wrap before it), and the other columns keep
/// at least [`MIN_WRAPPED`] each.
pub(super) fn keep_whole(grid: &mut Grid, columns: &[usize], width: usize) {
    let widths = grid.column_max_content_widths();
    let mut whole = 0;
    for (kept, &column) in columns.iter().enumerate() {
        whole += widths.get(column).map_or(0, |&w| w as usize + 3);
        let wrapped = widths.len().saturating_sub(kept + 1);
        if whole + wrapped * MIN_WRAPPED + 1 > width {
            return;
        }
        if let Some(c) = grid.column_mut(column) {
            c.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// The narrowest a wrapping column of a list table is allowed to get.
const MIN_WRAPPED: usize = 16;
