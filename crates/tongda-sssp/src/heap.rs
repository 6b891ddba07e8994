//! A 4-ary min-heap of packed `(key, vertex)` pairs: `u64 = key << 32 | vertex`.
//!
//! Lazy deletion: a vertex may be pushed several times; the caller skips
//! stale entries (popped key > current distance). Four children per node
//! halve the depth of a binary heap and keep siblings in one cache line.

/// A 4-ary min-heap over `u64` items.
#[derive(Debug, Clone, Default)]
pub struct QuadHeap {
    items: Vec<u64>,
}

impl QuadHeap {
    /// An empty heap.
    pub fn new() -> QuadHeap {
        QuadHeap { items: Vec::new() }
    }

    /// Removes every item, keeping the allocation.
    #[inline]
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// Bytes reserved for items.
    pub fn memory_bytes(&self) -> usize {
        8 * self.items.capacity()
    }

    /// True if empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Pushes `(key, vertex)`.
    #[inline]
    pub fn push(&mut self, key: u32, vertex: u32) {
        let item = (u64::from(key) << 32) | u64::from(vertex);
        let mut i = self.items.len();
        self.items.push(item);
        while i > 0 {
            let parent = (i - 1) / 4;
            let p = self.items[parent];
            if p <= item {
                break;
            }
            self.items[i] = p;
            i = parent;
        }
        self.items[i] = item;
    }

    /// Pops the smallest `(key, vertex)`.
    #[inline]
    pub fn pop(&mut self) -> Option<(u32, u32)> {
        let top = *self.items.first()?;
        let last = self.items.pop()?;
        let n = self.items.len();
        if n > 0 {
            let mut i = 0;
            loop {
                let c = 4 * i + 1;
                if c >= n {
                    break;
                }
                let end = (c + 4).min(n);
                let mut best = c;
                let mut best_v = self.items[c];
                for j in c + 1..end {
                    let v = self.items[j];
                    if v < best_v {
                        best = j;
                        best_v = v;
                    }
                }
                if best_v >= last {
                    break;
                }
                self.items[i] = best_v;
                i = best;
            }
            self.items[i] = last;
        }
        Some(((top >> 32) as u32, top as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pops_in_order() {
        let mut h = QuadHeap::new();
        let keys = [5u32, 3, 9, 1, 1, 7, 0, 12, 4, 4, 8];
        for (i, k) in keys.iter().enumerate() {
            h.push(*k, i as u32);
        }
        let mut out = Vec::new();
        while let Some((k, _)) = h.pop() {
            out.push(k);
        }
        let mut sorted = keys.to_vec();
        sorted.sort();
        assert_eq!(out, sorted);
    }
}
