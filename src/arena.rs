//! The program's allocator: small blocks from a fixed arena, bumped, the rest from the system's.
//!
//! A lookup on the embedded timeline makes about three thousand small allocations (clap's
//! command line, the timeline's names, the rows) and exits; glibc's `malloc` and `free` were a
//! quarter of its instructions, a bump is a few. Freeing a block in the arena gives it back only
//! when it is the last one handed out (a vector that grows, a string built and dropped); the
//! rest of the arena is given back by the exit. Once the arena is full (256 KiB, a run over a
//! large timeline fills it at once) every block comes from the system as before, so memory and
//! speed of large runs do not change.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The arena's size.
const ARENA_BYTES: usize = 256 * 1024;

/// Larger blocks, or blocks aligned more strictly than a page, come from the system: a big
/// buffer would take the arena from the many small blocks it is for.
const LARGEST_BLOCK: usize = 4096;

/// The arena's memory: zeroed, so it costs nothing in the binary (`.bss`) and, as the system's
/// fresh pages, only the pages touched count as resident.
#[repr(C, align(4096))]
struct Space(UnsafeCell<[u8; ARENA_BYTES]>);

/// An allocator handing out small blocks from its arena by bumping an offset, and everything
/// else (and everything once the arena is full) from [`System`].
pub struct Arena {
    space: Space,
    /// Bytes of the arena handed out (with padding): blocks are at offsets below it.
    top: AtomicUsize,
}

// SAFETY: the arena's bytes are only reached through blocks handed out, each to one owner, and
// `top` is changed by compare-and-swap only, so two threads never receive overlapping blocks.
unsafe impl Sync for Arena {}

impl Arena {
    /// An empty arena.
    pub const fn new() -> Arena {
        Arena {
            space: Space(UnsafeCell::new([0; ARENA_BYTES])),
            top: AtomicUsize::new(0),
        }
    }

    fn base(&self) -> usize {
        self.space.0.get() as usize
    }

    fn holds(&self, ptr: *mut u8) -> bool {
        let at = ptr as usize;
        at >= self.base() && at < self.base() + ARENA_BYTES
    }

    /// A block for `layout` from the arena, or null when it does not fit.
    fn bump(&self, layout: Layout) -> *mut u8 {
        // A zero-sized block (which no caller should ask for) could sit at the arena's end,
        // where `holds` would not know it.
        if layout.size() == 0 || layout.size() > LARGEST_BLOCK || layout.align() > 4096 {
            return std::ptr::null_mut();
        }
        let base = self.base();
        let mut top = self.top.load(Ordering::Relaxed);
        loop {
            // The base is page-aligned, so aligning the offset aligns the address.
            let start = top.next_multiple_of(layout.align());
            let end = start + layout.size();
            if end > ARENA_BYTES {
                return std::ptr::null_mut();
            }
            match self
                .top
                .compare_exchange_weak(top, end, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return (base + start) as *mut u8,
                Err(now) => top = now,
            }
        }
    }

    /// Gives the arena's block at `ptr` of `size` bytes back when it is the last handed out.
    fn give_back(&self, ptr: *mut u8, size: usize) {
        let start = ptr as usize - self.base();
        let _ =
            self.top
                .compare_exchange(start + size, start, Ordering::Relaxed, Ordering::Relaxed);
    }

    /// Grows or shrinks the arena's block at `ptr` in place when it is the last handed out and
    /// the new size fits; true when it did.
    fn resize_in_place(&self, ptr: *mut u8, old: usize, new: usize) -> bool {
        let start = ptr as usize - self.base();
        if new > LARGEST_BLOCK || start + new > ARENA_BYTES {
            return false;
        }
        self.top
            .compare_exchange(
                start + old,
                start + new,
                Ordering::Relaxed,
                Ordering::Relaxed,
            )
            .is_ok()
    }
}

impl Default for Arena {
    fn default() -> Arena {
        Arena::new()
    }
}

// SAFETY: every block handed out is either a fresh, aligned, exclusive range of the arena (see
// `bump`: the offset only moves forward past it until it is given back, and it is given back
// only by its owner's `dealloc` or `realloc`) or the system allocator's own; each pointer is
// returned to the allocator it came from, told apart by its address.
unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let block = self.bump(layout);
        if block.is_null() {
            // SAFETY: the caller's layout, as given.
            unsafe { System.alloc(layout) }
        } else {
            block
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let block = self.bump(layout);
        if block.is_null() {
            // SAFETY: the caller's layout, as given.
            return unsafe { System.alloc_zeroed(layout) };
        }
        // A block given back and handed out again holds what its last owner wrote.
        // SAFETY: `block` is `layout.size()` bytes of the arena, ours alone.
        unsafe { block.write_bytes(0, layout.size()) };
        block
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if self.holds(ptr) {
            self.give_back(ptr, layout.size());
        } else {
            // SAFETY: a block of the system's, with the layout it was made with.
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !self.holds(ptr) {
            // SAFETY: a block of the system's; the caller's layout and size, as given.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        if self.resize_in_place(ptr, layout.size(), new_size) {
            return ptr;
        }
        if new_size <= layout.size() {
            // Shrinking a block that is not the last: it keeps its bytes, fewer of them used.
            return ptr;
        }
        // SAFETY: `new_size` is nonzero (larger than the old size) and, as the caller promises,
        // does not overflow when rounded up to the alignment.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: as above.
        let moved = unsafe { self.alloc(new_layout) };
        if !moved.is_null() {
            // SAFETY: both blocks are at least `layout.size()` bytes and distinct (the old one
            // is still handed out while the new one is made).
            unsafe { std::ptr::copy_nonoverlapping(ptr, moved, layout.size()) };
            self.give_back(ptr, layout.size());
        }
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn small_blocks_come_from_the_arena_aligned_and_apart() {
        let arena = Box::new(Arena::new());
        unsafe {
            let a = arena.alloc(layout(3, 1));
            let b = arena.alloc(layout(8, 8));
            let c = arena.alloc(layout(100, 64));
            assert!(arena.holds(a) && arena.holds(b) && arena.holds(c));
            assert_eq!(b as usize % 8, 0);
            assert_eq!(c as usize % 64, 0);
            assert!(a as usize + 3 <= b as usize && b as usize + 8 <= c as usize);
            a.write_bytes(1, 3);
            b.write_bytes(2, 8);
            c.write_bytes(3, 100);
            assert_eq!(*a.add(2), 1);
            assert_eq!(*b.add(7), 2);
        }
    }

    #[test]
    fn large_blocks_and_a_full_arena_go_to_the_system() {
        let arena = Box::new(Arena::new());
        unsafe {
            let big = arena.alloc(layout(LARGEST_BLOCK + 1, 8));
            assert!(!big.is_null() && !arena.holds(big));
            arena.dealloc(big, layout(LARGEST_BLOCK + 1, 8));
            let mut held = Vec::new();
            loop {
                let block = arena.alloc(layout(LARGEST_BLOCK, 16));
                assert!(!block.is_null());
                if !arena.holds(block) {
                    arena.dealloc(block, layout(LARGEST_BLOCK, 16));
                    break;
                }
                held.push(block);
            }
            assert_eq!(held.len(), ARENA_BYTES / LARGEST_BLOCK);
        }
    }

    #[test]
    fn the_last_block_grows_in_place_and_others_move_with_their_bytes() {
        let arena = Box::new(Arena::new());
        unsafe {
            let a = arena.alloc(layout(16, 8));
            a.write_bytes(7, 16);
            let grown = arena.realloc(a, layout(16, 8), 64);
            assert_eq!(grown, a);
            let b = arena.alloc(layout(8, 8));
            let moved = arena.realloc(a, layout(64, 8), 128);
            assert_ne!(moved, a);
            assert!(arena.holds(moved) && moved as usize > b as usize);
            assert_eq!(std::slice::from_raw_parts(moved, 16), &[7; 16]);
            // Past the largest block, the bytes move to the system's.
            let out = arena.realloc(moved, layout(128, 8), LARGEST_BLOCK * 2);
            assert!(!arena.holds(out));
            assert_eq!(std::slice::from_raw_parts(out, 16), &[7; 16]);
            let out = arena.realloc(out, layout(LARGEST_BLOCK * 2, 8), LARGEST_BLOCK * 4);
            assert_eq!(*out.add(15), 7);
            arena.dealloc(out, layout(LARGEST_BLOCK * 4, 8));
        }
    }

    #[test]
    fn the_last_block_given_back_is_handed_out_again_zeroed_when_asked() {
        let arena = Box::new(Arena::new());
        unsafe {
            let a = arena.alloc(layout(32, 8));
            a.write_bytes(9, 32);
            arena.dealloc(a, layout(32, 8));
            let b = arena.alloc_zeroed(layout(32, 8));
            assert_eq!(a, b);
            assert_eq!(std::slice::from_raw_parts(b, 32), &[0; 32]);
            // A block that is not the last stays handed out.
            let c = arena.alloc(layout(8, 8));
            arena.dealloc(b, layout(32, 8));
            let d = arena.alloc(layout(8, 8));
            assert!(d as usize > c as usize);
        }
    }

    #[test]
    fn threads_never_share_a_block() {
        let arena = std::sync::Arc::new(Box::new(Arena::new()));
        let handles: Vec<_> = (0..4u8)
            .map(|t| {
                let arena = arena.clone();
                std::thread::spawn(move || {
                    let mut blocks = Vec::new();
                    for _ in 0..500 {
                        let block = unsafe { arena.alloc(layout(24, 8)) };
                        unsafe { block.write_bytes(t, 24) };
                        blocks.push(block as usize);
                    }
                    for &block in &blocks {
                        let bytes = unsafe { std::slice::from_raw_parts(block as *const u8, 24) };
                        assert!(bytes.iter().all(|&b| b == t));
                    }
                    blocks
                })
            })
            .collect();
        let mut all: Vec<usize> = handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect();
        all.sort_unstable();
        assert!(all.windows(2).all(|w| w[1] - w[0] >= 24));
    }
}
