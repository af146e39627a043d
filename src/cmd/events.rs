//! Writing a list of events: each record decoded, checked and shown in turn, and a long list in
//! pieces, one per core, for the formats whose pieces join into the whole (plain, ndjson), or
//! written as it is made for the others.

use std::cell::Cell;
use std::io::Write;

use super::Context;
use crate::error::Error;

/// Below this many events a list is written on one core: starting threads would cost more.
const PIECE_EVENTS: usize = 4096;

/// The most pieces a list is cut into, whatever the number of cores.
const MOST_PIECES: usize = 8;

/// Writes the events at `positions` (from [`crate::index::Index::select`]) as a list in the
/// configured format. Nothing reaches `out` until every record has passed its checks, so a
/// damaged index file is answered by [`Error::DamagedIndex`] with nothing shown, and the command
/// can start over from the source.
pub fn write(ctx: &Context, positions: &[usize], out: &mut dyn Write) -> Result<(), Error> {
    let pieces = pieces_for(positions.len());
    if pieces <= 1 || !ctx.renderer.joins_pieces() {
        if positions.len() < STREAMED_EVENTS {
            return out.write_all(&piece(ctx, positions)?).map_err(Error::from);
        }
        return stream(ctx, positions, out);
    }
    let parts: Vec<&[usize]> = positions.chunks(positions.len().div_ceil(pieces)).collect();
    let written = crate::parallel::map(&parts, |part| piece(ctx, part));
    // Every piece is checked before the first is written.
    let written = written.into_iter().collect::<Result<Vec<_>, Error>>()?;
    for part in written {
        out.write_all(&part)?;
    }
    Ok(())
}

/// From this many events a list in one piece is written as it is made, not held whole first.
const STREAMED_EVENTS: usize = 2 * PIECE_EVENTS;

/// A long list in one piece (a table, JSON, CSV, Markdown): every record is checked first
/// without being kept, so a damaged index is still found before anything is shown; then the
/// list is written to `out` as it is made. Held whole, a table of a million events took 2 GB,
/// and its output again as much on the way to a pager.
fn stream(ctx: &Context, positions: &[usize], out: &mut dyn Write) -> Result<(), Error> {
    for &i in positions {
        ctx.index.event(i)?;
    }
    let failed = Cell::new(false);
    let mut rows = rows(ctx, positions, &failed);
    ctx.renderer.event_stream(out, &mut rows)?;
    if failed.get() {
        // Part of the list is out: starting over from the source would show it twice.
        return Err(Error::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "a cache entry changed while it was read; run again",
        )));
    }
    Ok(())
}

/// The rows of the events at `positions`, each made from its record as it is asked for; they
/// end early, with `failed` set, at a record that fails its checks.
fn rows<'a>(
    ctx: &'a Context,
    positions: &'a [usize],
    failed: &'a Cell<bool>,
) -> impl Iterator<Item = crate::view::EventRow> + 'a {
    positions
        .iter()
        .map_while(move |&i| match ctx.index.event(i) {
            Ok(event) => Some(ctx.views.into_row(event)),
            Err(_) => {
                failed.set(true);
                None
            }
        })
}

/// How many pieces a list of `events` is written in.
fn pieces_for(events: usize) -> usize {
    // Asking for the cores reads three cgroup files: not for a list too short to split.
    if events < 2 * PIECE_EVENTS {
        return 1;
    }
    crate::parallel::cores()
        .min(MOST_PIECES)
        .min(events / PIECE_EVENTS)
        .max(1)
}

/// The events at `positions` written into a buffer, each row made from its record as the
/// renderer asks for it (a table gathers them first), so that no more than one decoded
/// record is held at a time.
fn piece(ctx: &Context, positions: &[usize]) -> Result<Vec<u8>, Error> {
    let failed = Cell::new(false);
    let mut rows = rows(ctx, positions, &failed);
    let mut buffer = Vec::new();
    ctx.renderer.event_stream(&mut buffer, &mut rows)?;
    if failed.get() {
        return Err(Error::DamagedIndex);
    }
    Ok(buffer)
}
