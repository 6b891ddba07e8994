//! A radix heap (Ahuja, Mehlhorn, Orlin, Tarjan 1990) for monotone integer
//! keys: the popped keys never decrease, as in Dijkstra with non-negative
//! weights. Items `key << 32 | vertex` sit in 33 buckets by the highest bit in
//! which their key differs from the last key popped; a pop only redistributes
//! the lowest non-empty bucket. Each item moves at most 32 times, usually once
//! or twice, and every move is a sequential push — cheaper than sifting
//! through a comparison heap.

/// A monotone min-priority queue of `(key, vertex)` pairs with lazy deletion.
pub trait MonotoneQueue: Default {
    /// Removes every item, keeping allocations.
    fn clear(&mut self);
    /// Pushes `(key, vertex)`; `key` must be ≥ the last key popped.
    fn push(&mut self, key: u32, vertex: u32);
    /// Pops an item with the smallest key.
    fn pop(&mut self) -> Option<(u32, u32)>;
    /// Bytes of heap memory currently reserved.
    fn memory_bytes(&self) -> usize;
}

/// The radix heap.
///
/// ```
/// use tongda_sssp::sweep::{MonotoneQueue, RadixHeap};
/// let mut h = RadixHeap::default();
/// for (k, v) in [(5, 0), (3, 1), (9, 2), (3, 3)] {
///     h.push(k, v);
/// }
/// let keys: Vec<u32> = std::iter::from_fn(|| h.pop()).map(|(k, _)| k).collect();
/// assert_eq!(keys, vec![3, 3, 5, 9]);
/// ```
#[derive(Debug, Clone)]
pub struct RadixHeap {
    last: u32,
    /// Bit `i` set iff `buckets[i]` is non-empty.
    mask: u64,
    buckets: [Vec<u64>; 33],
}

impl Default for RadixHeap {
    fn default() -> Self {
        RadixHeap {
            last: 0,
            mask: 0,
            buckets: std::array::from_fn(|_| Vec::new()),
        }
    }
}

#[inline(always)]
fn bucket(key: u32, last: u32) -> usize {
    (32 - (key ^ last).leading_zeros()) as usize
}

impl MonotoneQueue for RadixHeap {
    #[inline]
    fn clear(&mut self) {
        for b in &mut self.buckets {
            b.clear();
        }
        self.mask = 0;
        self.last = 0;
    }

    #[inline(always)]
    fn push(&mut self, key: u32, vertex: u32) {
        debug_assert!(key >= self.last, "radix heap keys must be monotone");
        let b = bucket(key, self.last);
        self.buckets[b].push((u64::from(key) << 32) | u64::from(vertex));
        self.mask |= 1 << b;
    }

    #[inline(always)]
    fn pop(&mut self) -> Option<(u32, u32)> {
        if self.mask & 1 == 0 {
            if self.mask == 0 {
                return None;
            }
            let i = self.mask.trailing_zeros() as usize;
            let mut items = std::mem::take(&mut self.buckets[i]);
            let min = items.iter().copied().min().unwrap_or(0);
            self.last = (min >> 32) as u32;
            self.mask &= !(1 << i);
            for &it in &items {
                let b = bucket((it >> 32) as u32, self.last);
                self.buckets[b].push(it);
                self.mask |= 1 << b;
            }
            items.clear();
            self.buckets[i] = items;
        }
        let b0 = &mut self.buckets[0];
        let it = b0.pop()?;
        if b0.is_empty() {
            self.mask &= !1;
            if self.mask == 0 {
                // Empty: the next search may start below the last key popped.
                self.last = 0;
            }
        }
        Some(((it >> 32) as u32, it as u32))
    }

    fn memory_bytes(&self) -> usize {
        self.buckets.iter().map(|b| 8 * b.capacity()).sum()
    }
}

impl MonotoneQueue for crate::QuadHeap {
    #[inline]
    fn clear(&mut self) {
        crate::QuadHeap::clear(self)
    }
    #[inline(always)]
    fn push(&mut self, key: u32, vertex: u32) {
        crate::QuadHeap::push(self, key, vertex)
    }
    #[inline(always)]
    fn pop(&mut self) -> Option<(u32, u32)> {
        crate::QuadHeap::pop(self)
    }
    fn memory_bytes(&self) -> usize {
        crate::QuadHeap::memory_bytes(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::SplitMix64;

    #[test]
    fn a_drained_heap_takes_keys_below_its_last_pop() {
        // A reused heap (the next source of a sweep) starts again from 0:
        // 9 would have been bucketed below 0 against the old last key 8.
        let mut h = RadixHeap::default();
        h.push(8, 0);
        assert_eq!(h.pop(), Some((8, 0)));
        h.push(9, 1);
        h.push(0, 2);
        assert_eq!(h.pop(), Some((0, 2)));
        assert_eq!(h.pop(), Some((9, 1)));
        assert_eq!(h.pop(), None);
    }

    #[test]
    fn radix_heap_pops_in_order_with_monotone_pushes() {
        let mut rng = SplitMix64::new(1);
        let mut h = RadixHeap::default();
        let mut reference = std::collections::BinaryHeap::new();
        let mut last = 0u32;
        for step in 0..20_000u32 {
            if rng.below(3) > 0 || reference.is_empty() {
                let k = last + rng.below(1 << (step % 20)) as u32;
                h.push(k, step);
                reference.push(std::cmp::Reverse(k));
            } else {
                let (k, _) = h.pop().unwrap();
                assert_eq!(k, reference.pop().unwrap().0);
                last = k;
            }
        }
        while let Some((k, _)) = h.pop() {
            assert_eq!(k, reference.pop().unwrap().0);
        }
        assert!(reference.is_empty());
    }
}
