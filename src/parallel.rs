//! Work split over the cores: the first part on the calling thread, each other part on a thread
//! of its own, or on the calling thread too when the system will not start one (a tight
//! `ulimit -v` or `-u`), so that a hostile environment costs speed, never the answer.

use std::thread::{self, ScopedJoinHandle};

/// How many threads the machine runs at once (1 when it cannot say).
pub fn cores() -> usize {
    thread::available_parallelism().map_or(1, usize::from)
}

/// `work` of each of `parts`, in order, the parts at once where threads can be started. A panic
/// in a part goes on as that panic.
///
/// ```
/// use timeline::parallel::map;
/// let parts = [vec![1, 2], vec![3], vec![4, 5, 6]];
/// assert_eq!(map(&parts, |p| p.iter().sum::<i32>()), [3, 3, 15]);
/// assert!(map(&[] as &[u8], |_| 0).is_empty());
/// ```
pub fn map<P: Sync, T: Send>(parts: &[P], work: impl Fn(&P) -> T + Sync) -> Vec<T> {
    let work = &work;
    thread::scope(|scope| {
        let started: Vec<Option<ScopedJoinHandle<T>>> = parts
            .iter()
            .skip(1)
            .map(|part| {
                thread::Builder::new()
                    .spawn_scoped(scope, move || work(part))
                    .ok()
            })
            .collect();
        let mut results: Vec<T> = parts.iter().take(1).map(work).collect();
        for (part, thread) in parts.iter().skip(1).zip(started) {
            results.push(match thread {
                Some(thread) => thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                None => work(part),
            });
        }
        results
    })
}
