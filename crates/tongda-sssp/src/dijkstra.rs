//! One-to-all Dijkstra over a [`CsrGraph`] with reusable buffers.

use crate::QuadHeap;
use crate::{CsrGraph, VertexId, Weight, INFINITY};

const NO_ARC: u32 = u32::MAX;

/// Dijkstra's algorithm with per-query state that is reused between queries:
/// labels are invalidated in O(1) by bumping a generation counter, and the heap
/// keeps its allocation. Make one per worker thread, not one per query (see
/// [*Threads*](crate#threads)).
///
/// ```
/// use tongda_sssp::CsrGraph;
/// use tongda_sssp::Dijkstra;
/// let (g, _) = CsrGraph::from_arcs(4, &[(0, 1, 4), (1, 2, 3), (0, 2, 9), (2, 3, 1)]);
/// let mut d = Dijkstra::new(g.num_vertices());
/// d.run(&g, &[(0, 0)]);
/// assert_eq!(d.distance(2), Some(7));
/// assert_eq!(d.path_arcs(3).len(), 3);
/// d.run(&g, &[(3, 0)]);
/// assert_eq!(d.distance(0), None);
/// ```
#[derive(Debug, Clone)]
pub struct Dijkstra {
    dist: Vec<Weight>,
    pred_arc: Vec<u32>,
    pred: Vec<VertexId>,
    stamp: Vec<u32>,
    generation: u32,
    heap: QuadHeap,
    settled: usize,
}

impl Dijkstra {
    /// State for graphs of up to `n` vertices.
    pub fn new(n: usize) -> Dijkstra {
        Dijkstra {
            dist: vec![INFINITY; n],
            pred_arc: vec![NO_ARC; n],
            pred: vec![0; n],
            stamp: vec![0; n],
            generation: 0,
            heap: QuadHeap::new(),
            settled: 0,
        }
    }

    fn reset(&mut self, n: usize) {
        if self.dist.len() < n {
            *self = Dijkstra::new(n);
        }
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.generation = 1;
        }
        self.heap.clear();
        self.settled = 0;
    }

    #[inline]
    fn label(&self, v: VertexId) -> Weight {
        if self.stamp[v as usize] == self.generation {
            self.dist[v as usize]
        } else {
            INFINITY
        }
    }

    /// Runs from `sources`, each `(vertex, initial distance)`, to all vertices.
    pub fn run(&mut self, g: &CsrGraph, sources: &[(VertexId, Weight)]) {
        self.run_until(g, sources, |_| false);
    }

    /// Runs from `sources` until `stop(v)` is true for a settled vertex `v`
    /// (its distance is then final) or every reachable vertex is settled.
    pub fn run_until(
        &mut self,
        g: &CsrGraph,
        sources: &[(VertexId, Weight)],
        mut stop: impl FnMut(VertexId) -> bool,
    ) {
        self.reset(g.num_vertices());
        let gen = self.generation;
        for &(s, d0) in sources {
            if d0 < self.label(s) {
                self.dist[s as usize] = d0;
                self.stamp[s as usize] = gen;
                self.pred_arc[s as usize] = NO_ARC;
                self.heap.push(d0, s);
            }
        }
        let (first, head, weight) = g.raw();
        while let Some((d, u)) = self.heap.pop() {
            if d > self.dist[u as usize] {
                continue; // stale entry
            }
            self.settled += 1;
            if stop(u) {
                return;
            }
            let (lo, hi) = (first[u as usize], first[u as usize + 1]);
            for a in lo..hi {
                let v = head[a as usize];
                let nd = d.saturating_add(weight[a as usize]);
                let vi = v as usize;
                if self.stamp[vi] != gen || nd < self.dist[vi] {
                    self.stamp[vi] = gen;
                    self.dist[vi] = nd;
                    self.pred_arc[vi] = a;
                    self.pred[vi] = u;
                    self.heap.push(nd, v);
                }
            }
        }
    }

    /// Distance of `v` from the sources of the last run, if reached.
    #[inline]
    pub fn distance(&self, v: VertexId) -> Option<Weight> {
        match self.label(v) {
            INFINITY => None,
            d => Some(d),
        }
    }

    /// Number of vertices settled by the last run.
    pub fn settled(&self) -> usize {
        self.settled
    }

    /// The arcs of the shortest path to `v`, in travel order (empty if `v` is
    /// a source or unreached).
    pub fn path_arcs(&self, v: VertexId) -> Vec<u32> {
        let mut out = Vec::new();
        if self.distance(v).is_none() {
            return out;
        }
        let mut cur = v;
        while self.pred_arc[cur as usize] != NO_ARC {
            out.push(self.pred_arc[cur as usize]);
            cur = self.pred[cur as usize];
        }
        out.reverse();
        out
    }

    /// The first vertex of the path to `v` (the source it came from).
    pub fn path_source(&self, v: VertexId) -> VertexId {
        let mut cur = v;
        while self.pred_arc[cur as usize] != NO_ARC {
            cur = self.pred[cur as usize];
        }
        cur
    }
}
