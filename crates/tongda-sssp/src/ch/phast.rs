//! PHAST one-to-all queries on a [`ContractionHierarchy`].

use super::ContractionHierarchy;
use crate::sweep::{MonotoneQueue, RadixHeap};
use crate::{VertexId, Weight, INFINITY};

/// Reusable per-thread PHAST state: the distance array (by sweep position)
/// and the small upward search. Make one per thread and reuse it.
///
/// ```
/// use tongda_sssp::ch::{ContractionHierarchy, Phast};
/// let ch = ContractionHierarchy::build(3, &[(0, 1, 5), (1, 2, 5), (0, 2, 20)]);
/// let mut q = Phast::new(&ch);
/// let by_position = q.run(&ch, 0);
/// assert_eq!(by_position[ch.position(2) as usize], 10);
/// assert_eq!(q.distances_by_vertex(&ch), vec![0, 5, 10]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Phast {
    dist: Vec<Weight>,
    up_dist: Vec<Weight>,
    up_stamp: Vec<u32>,
    generation: u32,
    heap: RadixHeap,
    pub(super) up_settled: Vec<(u32, Weight)>,
}

impl Phast {
    /// State for `ch`.
    pub fn new(ch: &ContractionHierarchy) -> Phast {
        let n = ch.num_vertices();
        Phast {
            dist: vec![INFINITY; n],
            up_dist: vec![INFINITY; n],
            up_stamp: vec![0; n],
            ..Phast::default()
        }
    }

    /// Distances from `source` (an original vertex id) to every vertex,
    /// indexed by sweep position ([`ContractionHierarchy::position`]);
    /// `u32::MAX` = unreached.
    pub fn run(&mut self, ch: &ContractionHierarchy, source: VertexId) -> &[Weight] {
        let n = ch.num_vertices();
        if self.dist.len() < n {
            *self = Phast::new(ch);
        }
        self.upward(ch, ch.position(source));
        self.up_settled.sort_unstable();
        self.sweep(ch);
        &self.dist[..n]
    }

    /// Dijkstra from position `s` over the up arcs; settled labels go to `up_settled`.
    pub(super) fn upward(&mut self, ch: &ContractionHierarchy, s: u32) {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.up_stamp.iter_mut().for_each(|x| *x = 0);
            self.generation = 1;
        }
        let gen = self.generation;
        self.up_settled.clear();
        self.heap.clear();
        self.up_dist[s as usize] = 0;
        self.up_stamp[s as usize] = gen;
        self.heap.push(0, s);
        while let Some((d, u)) = self.heap.pop() {
            if d != self.up_dist[u as usize] {
                continue;
            }
            self.up_settled.push((u, d));
            let (lo, hi) = (ch.up_first[u as usize], ch.up_first[u as usize + 1]);
            for &(v, w) in &ch.up_arcs[lo as usize..hi as usize] {
                let nd = d.saturating_add(w);
                let vi = v as usize;
                if self.up_stamp[vi] != gen || nd < self.up_dist[vi] {
                    self.up_stamp[vi] = gen;
                    self.up_dist[vi] = nd;
                    self.heap.push(nd, v);
                }
            }
        }
    }

    /// The linear sweep over all positions, top down.
    fn sweep(&mut self, ch: &ContractionHierarchy) {
        let n = ch.num_vertices();
        let dist = &mut self.dist[..n];
        let (first, arcs) = (&ch.down_first[..n + 1], &ch.down_arcs[..]);
        let mut ups = self.up_settled.iter().peekable();
        for p in 0..n {
            let mut d = INFINITY;
            if let Some(&&(q, du)) = ups.peek() {
                if q as usize == p {
                    d = du;
                    ups.next();
                }
            }
            // SAFETY: `ContractionHierarchy::build_with` checked that every
            // down arc entering `p` has its tail at a position `< p`, and
            // `first` is the CSR offset array of `arcs` (sorted, last =
            // arcs.len()), so all indices are in bounds.
            unsafe {
                let lo = *first.get_unchecked(p) as usize;
                let hi = *first.get_unchecked(p + 1) as usize;
                for &(t, w) in arcs.get_unchecked(lo..hi) {
                    d = d.min(dist.get_unchecked(t as usize).saturating_add(w));
                }
                *dist.get_unchecked_mut(p) = d;
            }
        }
    }

    /// Distance to original vertex `v` from the last run's source.
    pub fn distance(&self, ch: &ContractionHierarchy, v: VertexId) -> Option<Weight> {
        match self.dist[ch.position(v) as usize] {
            INFINITY => None,
            d => Some(d),
        }
    }

    /// The last run's distances indexed by original vertex id.
    pub fn distances_by_vertex(&self, ch: &ContractionHierarchy) -> Vec<Weight> {
        (0..ch.num_vertices() as VertexId)
            .map(|v| self.dist[ch.position(v) as usize])
            .collect()
    }

    /// Vertices settled by the last upward search.
    pub fn upward_settled(&self) -> usize {
        self.up_settled.len()
    }

    /// Bytes held by this state.
    pub fn memory_bytes(&self) -> usize {
        4 * (self.dist.capacity() + self.up_dist.capacity() + self.up_stamp.capacity())
            + 8 * self.up_settled.capacity()
            + self.heap.memory_bytes()
    }
}
