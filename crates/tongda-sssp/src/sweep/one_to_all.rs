//! The distances-only one-to-all Dijkstra.

use super::buckets::BucketQueue;
use super::graph::SweepGraph;
use super::radix::{MonotoneQueue, RadixHeap};
use crate::QuadHeap;
use crate::{VertexId, Weight, INFINITY};

/// Reusable per-thread state of a one-to-all Dijkstra that computes distances
/// only (no predecessors): one `u32` per vertex plus the queue. Make one per
/// worker thread and reuse it for every source ([`sweep_with`](super::sweep_with)
/// does; see [*Threads*](crate#threads)).
///
/// - The distance array is reset with one `fill` per query, which costs less
///   than the generation stamps it saves when every vertex is reached anyway.
/// - The queue is Dial's [`BucketQueue`] when the graph's weights are small
///   for its size ([`BucketQueue::suits`]: road graphs in seconds); else a
///   [`RadixHeap`] on large graphs and a 4-ary [`QuadHeap`] on small ones,
///   whichever measured faster (see BENCHMARKS.md).
/// - The loop reads the interleaved arcs of [`SweepGraph`] without bounds
///   checks and prefetches the arc offsets of each vertex it pushes.
///
/// ```
/// use tongda_sssp::sweep::{OneToAll, SweepGraph};
/// let g = SweepGraph::from_arcs(4, &[(0, 1, 4), (1, 2, 3), (0, 2, 9), (2, 3, 1)]);
/// let mut st = OneToAll::new(4);
/// assert_eq!(st.run(&g, 0), &[0, 4, 7, 8]);
/// // Several sources with initial distances:
/// let d = st.run_multi(&g, &[(1, 10), (3, 0)]);
/// assert_eq!(d[2], 13);
/// assert_eq!(d[0], u32::MAX); // unreached
/// ```
#[derive(Debug, Clone, Default)]
pub struct OneToAll {
    dist: Vec<Weight>,
    buckets: BucketQueue,
    radix: RadixHeap,
    quad: QuadHeap,
    settled: usize,
}

impl OneToAll {
    /// Below this many vertices a 4-ary heap beat the radix heap (measured
    /// on the region network and the 10k grid with large weights).
    const SMALL: usize = 50_000;

    /// State for graphs of up to `n` vertices (it grows if needed).
    pub fn new(n: usize) -> Self {
        OneToAll {
            dist: vec![INFINITY; n],
            ..OneToAll::default()
        }
    }

    /// Distances from `source` to every vertex (`u32::MAX` = unreached).
    #[inline]
    pub fn run(&mut self, g: &SweepGraph, source: VertexId) -> &[Weight] {
        self.run_multi(g, &[(source, 0)])
    }

    /// Distances from the nearest of `sources`, each `(vertex, initial distance)`.
    /// Panics if a source is not a vertex of `g`.
    pub fn run_multi(&mut self, g: &SweepGraph, sources: &[(VertexId, Weight)]) -> &[Weight] {
        let lo = sources.iter().map(|s| s.1).min().unwrap_or(0);
        let hi = sources.iter().map(|s| s.1).max().unwrap_or(0);
        let w = g.max_weight().max(hi - lo);
        if BucketQueue::suits(w, g.num_vertices()) {
            let mut q = std::mem::take(&mut self.buckets);
            q.prepare(w, lo);
            self.search(g, sources, &mut q);
            self.buckets = q;
        } else if g.num_vertices() < Self::SMALL {
            let mut q = std::mem::take(&mut self.quad);
            self.search(g, sources, &mut q);
            self.quad = q;
        } else {
            let mut q = std::mem::take(&mut self.radix);
            self.search(g, sources, &mut q);
            self.radix = q;
        }
        &self.dist[..g.num_vertices()]
    }

    /// [`run_multi`](Self::run_multi) with a queue of the caller's choice
    /// (for comparing queues; a [`BucketQueue`] must be `prepare`d first).
    pub fn run_with_queue<Q: MonotoneQueue>(
        &mut self,
        g: &SweepGraph,
        sources: &[(VertexId, Weight)],
        queue: &mut Q,
    ) -> &[Weight] {
        self.search(g, sources, queue);
        &self.dist[..g.num_vertices()]
    }

    #[inline(always)]
    fn search<Q: MonotoneQueue>(
        &mut self,
        g: &SweepGraph,
        sources: &[(VertexId, Weight)],
        heap: &mut Q,
    ) {
        let n = g.num_vertices();
        if self.dist.len() < n {
            self.dist.resize(n, INFINITY);
        }
        let dist = &mut self.dist[..n];
        dist.fill(INFINITY);
        for &(s, d0) in sources {
            // Before the first pop any key is allowed; a source listed twice
            // leaves a stale entry that the loop skips.
            if d0 < dist[s as usize] {
                dist[s as usize] = d0;
                heap.push(d0, s);
            }
        }
        let (first, arcs) = g.raw();
        debug_assert_eq!(first.len(), n + 1);
        let mut settled = 0usize;
        while let Some((d, u)) = heap.pop() {
            let u = u as usize;
            // SAFETY: every vertex in the queue is a source (checked above) or
            // an arc head, and `SweepGraph` guarantees heads < n =
            // dist.len() and first.len() = n + 1 with first[n] = arcs.len()
            // and first sorted; so all indices below are in bounds.
            unsafe {
                if d != *dist.get_unchecked(u) {
                    continue; // stale entry
                }
                settled += 1;
                let lo = *first.get_unchecked(u) as usize;
                let hi = *first.get_unchecked(u + 1) as usize;
                for &(v, w) in arcs.get_unchecked(lo..hi) {
                    let nd = d.saturating_add(w);
                    let dv = dist.get_unchecked_mut(v as usize);
                    if nd < *dv {
                        *dv = nd;
                        heap.push(nd, v);
                        prefetch(first.as_ptr().add(v as usize));
                    }
                }
            }
        }
        self.settled = settled;
    }

    /// The distances of the last run.
    pub fn distances(&self) -> &[Weight] {
        &self.dist
    }

    /// Vertices settled by the last run.
    pub fn settled(&self) -> usize {
        self.settled
    }

    /// Bytes held: the distance array and the queues' current reservations.
    pub fn memory_bytes(&self) -> usize {
        4 * self.dist.capacity()
            + self.buckets.memory_bytes()
            + self.radix.memory_bytes()
            + self.quad.memory_bytes()
    }
}

/// Hints the CPU to load the cache line at `p` (a no-op off x86-64).
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is only a hint; it never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}
