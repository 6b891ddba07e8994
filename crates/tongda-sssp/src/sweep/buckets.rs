//! Dial's bucket queue (Dial 1969) for small integer arc weights.

use super::radix::MonotoneQueue;

/// A circular array of `2^k > C` buckets for arc weights `≤ C`: during
/// Dijkstra every key in the queue lies in `[current, current + C]`, so key
/// `d` lives in bucket `d mod 2^k`. A push is one `Vec::push` of the vertex
/// (the key is implied by the bucket), a pop takes from the current bucket
/// and steps to the next non-empty one. Each item is moved exactly once,
/// where a radix heap moves it a few times and a binary heap sifts it
/// `log n` levels. Used when [`BucketQueue::suits`] the graph.
///
/// ```
/// use tongda_sssp::sweep::{BucketQueue, MonotoneQueue};
/// let mut q = BucketQueue::default();
/// q.prepare(10, 0);
/// q.push(4, 7);
/// q.push(2, 8);
/// q.push(12, 9);
/// assert_eq!(q.pop(), Some((2, 8)));
/// assert_eq!(q.pop(), Some((4, 7)));
/// assert_eq!(q.pop(), Some((12, 9)));
/// assert_eq!(q.pop(), None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct BucketQueue {
    buckets: Vec<Vec<u32>>,
    mask: usize,
    current: u32,
    len: usize,
}

impl BucketQueue {
    /// Largest arc weight the queue is used for (more buckets cost memory and
    /// scanning; beyond this the radix heap is used).
    pub const MAX_WEIGHT: u32 = (1 << 14) - 1;

    /// True if the queue is a good choice for a graph of `n` vertices whose
    /// weights are at most `max_weight`: few enough buckets that the array
    /// is small and the empty buckets a search steps over (about the largest
    /// distance) cost little next to the `n` vertices it settles.
    pub fn suits(max_weight: u32, n: usize) -> bool {
        max_weight <= Self::MAX_WEIGHT && (max_weight as usize) * 16 <= n
    }

    /// Empties the queue for keys `≥ start` in a graph whose weights are `≤ max_weight`.
    pub fn prepare(&mut self, max_weight: u32, start: u32) {
        let want = (max_weight as usize + 1).next_power_of_two();
        if self.buckets.len() < want {
            self.buckets.resize_with(want, Vec::new);
        }
        // A finished search leaves every bucket empty; clear in case it did not finish.
        if self.len > 0 {
            for b in &mut self.buckets {
                b.clear();
            }
        }
        self.mask = want - 1;
        self.current = start;
        self.len = 0;
    }
}

impl MonotoneQueue for BucketQueue {
    fn clear(&mut self) {
        for b in &mut self.buckets {
            b.clear();
        }
        self.current = 0;
        self.len = 0;
    }

    #[inline(always)]
    fn push(&mut self, key: u32, vertex: u32) {
        debug_assert!(key >= self.current && ((key - self.current) as usize) <= self.mask);
        self.buckets[key as usize & self.mask].push(vertex);
        self.len += 1;
    }

    #[inline(always)]
    fn pop(&mut self) -> Option<(u32, u32)> {
        if self.len == 0 {
            return None;
        }
        loop {
            if let Some(v) = self.buckets[self.current as usize & self.mask].pop() {
                self.len -= 1;
                return Some((self.current, v));
            }
            self.current += 1;
        }
    }

    fn memory_bytes(&self) -> usize {
        self.buckets.iter().map(|b| 4 * b.capacity()).sum::<usize>() + 24 * self.buckets.len()
    }
}
