//! The constants of the index file's layout (described in the parent module), shared by the
//! program and by `build.rs`, which writes the embedded timeline in this format.

/// The first bytes of every index file.
pub const MAGIC: &[u8; 8] = b"TLINDEX\0";

/// Bumped whenever the layout changes (5: an event's record holds its `key`, `label`, `link`,
/// `media` and `after:`, a place its dated `within`, and EARLIEST its first day as `after:` allows).
pub const FORMAT_VERSION: u32 = 5;

/// How many sections the table lists.
pub const SECTIONS: usize = 10;

/// Where the source stamp starts in the header, and its length (without its checksum).
pub const STAMP_AT: usize = 56;
pub const STAMP_BYTES: usize = 48;

/// Where the header's checksum is.
pub const CHECKSUM_AT: usize = 112;

/// Bytes before the section table.
pub const HEADER_BYTES: usize = 120;

/// No place, in the PLACE column.
pub const NO_PLACE: u32 = u32::MAX;
