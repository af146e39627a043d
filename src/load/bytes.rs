//! Looking for a few kinds of byte in text eight bytes at a time (SWAR: arithmetic on a `u64`
//! that flags each byte of it), for the scans a million-event file runs over every string: where
//! a JSON string's plain part ends, and whether a value may hold a control character.
//!
//! In each flag word the lowest flagged byte is always a true match (a borrow only carries
//! upward from a flagged byte), so "any" and "the first" are exact; what lies above the first
//! is never used.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Flags the bytes of `word` below `limit` (at most 0x80).
const fn below(word: u64, limit: u8) -> u64 {
    word.wrapping_sub(ONES * limit as u64) & !word & HIGHS
}

/// Flags the bytes of `word` equal to `byte`.
const fn equal(word: u64, byte: u8) -> u64 {
    below(word ^ (ONES * byte as u64), 1)
}

fn words(bytes: &[u8]) -> impl Iterator<Item = (usize, u64)> + '_ {
    bytes.chunks_exact(8).enumerate().map(|(i, chunk)| {
        (
            i * 8,
            u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
        )
    })
}

/// The first byte that ends the plain part of a JSON string: its closing quote, a backslash,
/// or a control character (below 0x20), which JSON forbids raw in a string.
pub(super) fn string_end(bytes: &[u8]) -> Option<usize> {
    let ends = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    for (at, word) in words(bytes) {
        let flags = below(word, 0x20) | equal(word, b'"') | equal(word, b'\\');
        if flags != 0 {
            return Some(at + flags.trailing_zeros() as usize / 8);
        }
    }
    let tail = bytes.len() / 8 * 8;
    bytes[tail..]
        .iter()
        .position(|&b| ends(b))
        .map(|i| tail + i)
}

/// True when no byte may start a control character: none below 0x20, no DEL, and neither lead
/// byte 0xC2 (U+0080–U+00BF, where the C1 controls are) nor 0xE2 (U+2000–U+2FFF, where the
/// bidirectional overrides and the line and paragraph separators are).
pub(super) fn no_control_start(bytes: &[u8]) -> bool {
    let may_start = |b: u8| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2;
    words(bytes).all(|(_, word)| {
        below(word, 0x20) | equal(word, 0x7f) | equal(word, 0xc2) | equal(word, 0xe2) == 0
    }) && !bytes[bytes.len() / 8 * 8..].iter().any(|&b| may_start(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_at_a_time_finds_what_one_at_a_time_finds() {
        // Every byte value, at every position of a buffer longer than two words, among bytes
        // that are nothing (with and without the high bit, which the arithmetic borrows from).
        for filler in [b'a', 0xc3, 0x80, 0x21, 0xff] {
            for special in 0..=255u8 {
                for at in 0..19 {
                    let mut bytes = vec![filler; 19];
                    bytes[at] = special;
                    let one_ends = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
                    let expected_end = bytes.iter().position(|&b| one_ends(b));
                    assert_eq!(
                        string_end(&bytes),
                        expected_end,
                        "{filler:x} {special:x} {at}"
                    );
                    let may = |b: u8| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2;
                    let expected_clean = !bytes.iter().any(|&b| may(b));
                    assert_eq!(no_control_start(&bytes), expected_clean, "{special:x} {at}");
                }
            }
        }
        // Two matches in one word: the first is found.
        assert_eq!(string_end(b"ab\"c\\def"), Some(2));
        assert_eq!(string_end(b"\x00\x01"), Some(0));
        assert_eq!(string_end(b""), None);
        assert!(no_control_start(b""));
    }
}
