//! A compressed-sparse-row directed graph with `u32` vertex ids and `u32`
//! weights (seconds): 8 bytes per arc plus 4 bytes per vertex.

/// Vertex id in a [`CsrGraph`].
pub type VertexId = u32;
/// Arc weight (seconds for the region network).
pub type Weight = u32;
/// Distance of an unreached vertex.
pub const INFINITY: Weight = u32::MAX;

/// An immutable directed graph in CSR form. Arcs leaving `v` are
/// `first_arc(v)..first_arc(v + 1)`; arc ids are stable, so callers can keep
/// per-arc side tables (see [`CsrGraph::from_arcs`]).
///
/// ```
/// use tongda_core::graph::CsrGraph;
/// let g = CsrGraph::from_arcs(3, &[(0, 1, 5), (1, 2, 7), (0, 2, 20)]).0;
/// assert_eq!(g.num_vertices(), 3);
/// assert_eq!(g.num_arcs(), 3);
/// let out: Vec<_> = g.arcs(0).map(|a| (g.head(a), g.weight(a))).collect();
/// assert_eq!(out, vec![(1, 5), (2, 20)]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CsrGraph {
    first: Vec<u32>,
    head: Vec<VertexId>,
    weight: Vec<Weight>,
}

impl CsrGraph {
    /// Builds the graph from `(tail, head, weight)` arcs. Returns the graph and,
    /// for each CSR arc id, the index of the input arc it came from (arcs keep
    /// their input order among those leaving the same vertex).
    ///
    /// Panics if an endpoint is `>= n` (a programming error, not user input).
    pub fn from_arcs(n: usize, arcs: &[(VertexId, VertexId, Weight)]) -> (CsrGraph, Vec<u32>) {
        let mut first = vec![0u32; n + 1];
        for &(t, h, _) in arcs {
            assert!(
                (t as usize) < n && (h as usize) < n,
                "arc endpoint out of range"
            );
            first[t as usize + 1] += 1;
        }
        for v in 0..n {
            first[v + 1] += first[v];
        }
        let mut next = first.clone();
        let mut head = vec![0; arcs.len()];
        let mut weight = vec![0; arcs.len()];
        let mut order = vec![0; arcs.len()];
        for (i, &(t, h, w)) in arcs.iter().enumerate() {
            let slot = next[t as usize] as usize;
            next[t as usize] += 1;
            head[slot] = h;
            weight[slot] = w;
            order[slot] = i as u32;
        }
        (
            CsrGraph {
                first,
                head,
                weight,
            },
            order,
        )
    }

    /// Number of vertices.
    #[inline]
    pub fn num_vertices(&self) -> usize {
        self.first.len().saturating_sub(1)
    }

    /// Number of arcs.
    #[inline]
    pub fn num_arcs(&self) -> usize {
        self.head.len()
    }

    /// Ids of the arcs leaving `v`.
    #[inline]
    pub fn arcs(&self, v: VertexId) -> std::ops::Range<u32> {
        self.first[v as usize]..self.first[v as usize + 1]
    }

    /// Head (target) of arc `a`.
    #[inline]
    pub fn head(&self, a: u32) -> VertexId {
        self.head[a as usize]
    }

    /// Weight of arc `a`.
    #[inline]
    pub fn weight(&self, a: u32) -> Weight {
        self.weight[a as usize]
    }

    /// The raw arrays `(first, head, weight)`, for tight loops.
    #[inline]
    pub fn raw(&self) -> (&[u32], &[VertexId], &[Weight]) {
        (&self.first, &self.head, &self.weight)
    }

    /// Bytes of memory held by the arrays.
    pub fn memory_bytes(&self) -> usize {
        4 * (self.first.len() + self.head.len() + self.weight.len())
    }
}
