//! The graph layout of the hot loop.

use crate::{CsrGraph, VertexId, Weight};

/// A CSR graph laid out for one-to-all sweeps: the arcs leaving `v` are
/// `(head, weight)` pairs `arcs[first[v]..first[v + 1]]`, interleaved so that
/// scanning a vertex touches one stream of memory. 8 bytes per arc plus
/// 4 bytes per vertex. Validated on construction, so the hot loop can index
/// without bounds checks.
///
/// ```
/// use tongda_sssp::CsrGraph;
/// use tongda_sssp::sweep::SweepGraph;
/// let g = SweepGraph::from_csr(&CsrGraph::from_arcs(3, &[(0, 1, 5), (1, 2, 7)]).0);
/// assert_eq!((g.num_vertices(), g.num_arcs(), g.max_weight()), (3, 2, 7));
/// assert_eq!(g.memory_bytes(), 4 * 4 + 8 * 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SweepGraph {
    first: Vec<u32>,
    arcs: Vec<(VertexId, Weight)>,
    max_weight: Weight,
}

impl SweepGraph {
    /// Copies a [`CsrGraph`] (arc order kept).
    pub fn from_csr(g: &CsrGraph) -> SweepGraph {
        let (first, head, weight) = g.raw();
        SweepGraph::from_parts(
            first.to_vec(),
            head.iter().copied().zip(weight.iter().copied()).collect(),
        )
    }

    /// Builds from `(tail, head, weight)` arcs on `n` vertices (arcs leaving a
    /// vertex keep their input order). Panics if an endpoint is `>= n`.
    pub fn from_arcs(n: usize, arcs: &[(VertexId, VertexId, Weight)]) -> SweepGraph {
        SweepGraph::from_csr(&CsrGraph::from_arcs(n, arcs).0)
    }

    /// Checks the invariants the hot loop relies on.
    fn from_parts(first: Vec<u32>, arcs: Vec<(VertexId, Weight)>) -> SweepGraph {
        let n = first.len().saturating_sub(1);
        assert_eq!(first.first().copied().unwrap_or(0), 0, "first[0] must be 0");
        assert!(
            first.windows(2).all(|w| w[0] <= w[1]),
            "first must be sorted"
        );
        assert_eq!(first.last().map_or(0, |&l| l as usize), arcs.len());
        assert!(
            arcs.iter().all(|&(h, _)| (h as usize) < n),
            "head out of range"
        );
        let max_weight = arcs.iter().map(|a| a.1).max().unwrap_or(0);
        let first = if first.is_empty() { vec![0] } else { first };
        SweepGraph {
            first,
            arcs,
            max_weight,
        }
    }

    /// Number of vertices.
    #[inline]
    pub fn num_vertices(&self) -> usize {
        self.first.len() - 1
    }

    /// Number of arcs.
    #[inline]
    pub fn num_arcs(&self) -> usize {
        self.arcs.len()
    }

    /// The largest arc weight.
    #[inline]
    pub fn max_weight(&self) -> Weight {
        self.max_weight
    }

    /// The `(head, weight)` arcs leaving `v`.
    #[inline]
    pub fn arcs(&self, v: VertexId) -> &[(VertexId, Weight)] {
        &self.arcs[self.first[v as usize] as usize..self.first[v as usize + 1] as usize]
    }

    /// The raw arrays `(first, arcs)`.
    #[inline]
    pub fn raw(&self) -> (&[u32], &[(VertexId, Weight)]) {
        (&self.first, &self.arcs)
    }

    /// Bytes held by the arrays.
    pub fn memory_bytes(&self) -> usize {
        4 * self.first.len() + 8 * self.arcs.len()
    }
}
