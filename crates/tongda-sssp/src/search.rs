//! One interface over the three one-to-all engines: [`OneToAllSearch`], with
//! an adapter per engine that binds its per-thread state to a graph.

use crate::ch::{ContractionHierarchy, Phast};
use crate::sweep::{OneToAll, SweepGraph};
use crate::{CsrGraph, Dijkstra, VertexId, Weight, INFINITY};

/// A one-to-all shortest-path search on one graph: given a source, the
/// distance to every vertex.
///
/// Every implementation answers with the same distances (the tests compare
/// them on random graphs); they differ in cost:
///
/// | type | graph | per query | preprocessing |
/// |---|---|---|---|
/// | [`DijkstraSearch`] | [`CsrGraph`] | Dijkstra, then one pass to copy the labels | none |
/// | [`SweepSearch`] | [`SweepGraph`] | the distances-only hot loop, no copy | a copy of the arcs |
/// | [`PhastSearch`] | [`ContractionHierarchy`] | a small upward search and one linear sweep, then one pass into vertex order | the contraction |
///
/// A search holds the buffers of its queries and reuses them, so make one
/// per thread and send it many sources (see [*Threads*](crate#threads)). The
/// answer borrows the search: copy it out (`to_vec`) to keep it past the
/// next query.
///
/// ```
/// use tongda_sssp::ch::ContractionHierarchy;
/// use tongda_sssp::sweep::SweepGraph;
/// use tongda_sssp::{CsrGraph, DijkstraSearch, OneToAllSearch, PhastSearch, SweepSearch};
///
/// let arcs = [(0, 1, 4), (1, 2, 3), (0, 2, 9), (2, 3, 1)];
/// let csr = CsrGraph::from_arcs(4, &arcs).0;
/// let sweep = SweepGraph::from_arcs(4, &arcs);
/// let ch = ContractionHierarchy::build(4, &arcs);
/// let searches: Vec<Box<dyn OneToAllSearch>> = vec![
///     Box::new(DijkstraSearch::new(&csr)),
///     Box::new(SweepSearch::new(&sweep)),
///     Box::new(PhastSearch::new(&ch)),
/// ];
/// for mut s in searches {
///     assert_eq!(s.one_to_all(0), &[0, 4, 7, 8]);
///     assert_eq!(s.one_to_all(3), &[u32::MAX, u32::MAX, u32::MAX, 0]);
/// }
/// ```
pub trait OneToAllSearch {
    /// Number of vertices of the graph: the length of every answer.
    fn num_vertices(&self) -> usize;

    /// Distances from `source` to every vertex, indexed by vertex id;
    /// [`INFINITY`] marks an unreached vertex. Panics if `source` is not a
    /// vertex of the graph.
    fn one_to_all(&mut self, source: VertexId) -> &[Weight];
}

/// Panics with a clear message if `source` is not one of `n` vertices.
#[inline]
fn check_source(source: VertexId, n: usize) {
    assert!(
        (source as usize) < n,
        "source {source} is not a vertex of a graph of {n} vertices"
    );
}

/// [`Dijkstra`] on a [`CsrGraph`] as a [`OneToAllSearch`]: the engine of
/// tongda's router, which also keeps predecessors for paths.
///
/// ```
/// use tongda_sssp::{CsrGraph, DijkstraSearch, OneToAllSearch};
/// let g = CsrGraph::from_arcs(3, &[(0, 1, 5), (1, 2, 7)]).0;
/// let mut s = DijkstraSearch::new(&g);
/// assert_eq!(s.one_to_all(1), &[u32::MAX, 0, 7]);
/// ```
#[derive(Debug, Clone)]
pub struct DijkstraSearch<'g> {
    graph: &'g CsrGraph,
    state: Dijkstra,
    dist: Vec<Weight>,
}

impl<'g> DijkstraSearch<'g> {
    /// A search on `graph`.
    pub fn new(graph: &'g CsrGraph) -> Self {
        let n = graph.num_vertices();
        DijkstraSearch {
            graph,
            state: Dijkstra::new(n),
            dist: vec![INFINITY; n],
        }
    }

    /// The Dijkstra state of the last query (its paths, its settled count).
    pub fn state(&self) -> &Dijkstra {
        &self.state
    }
}

impl OneToAllSearch for DijkstraSearch<'_> {
    fn num_vertices(&self) -> usize {
        self.graph.num_vertices()
    }

    fn one_to_all(&mut self, source: VertexId) -> &[Weight] {
        check_source(source, self.dist.len());
        self.state.run(self.graph, &[(source, 0)]);
        for (v, d) in self.dist.iter_mut().enumerate() {
            *d = self.state.distance(v as VertexId).unwrap_or(INFINITY);
        }
        &self.dist
    }
}

/// The distances-only sweep ([`OneToAll`] on a [`SweepGraph`]) as a
/// [`OneToAllSearch`]: the fastest search without preprocessing.
///
/// ```
/// use tongda_sssp::sweep::SweepGraph;
/// use tongda_sssp::{OneToAllSearch, SweepSearch};
/// let g = SweepGraph::from_arcs(3, &[(0, 1, 5), (1, 2, 7)]);
/// let mut s = SweepSearch::new(&g);
/// assert_eq!(s.one_to_all(0), &[0, 5, 12]);
/// assert_eq!(s.state().settled(), 3);
/// ```
#[derive(Debug, Clone)]
pub struct SweepSearch<'g> {
    graph: &'g SweepGraph,
    state: OneToAll,
}

impl<'g> SweepSearch<'g> {
    /// A search on `graph`.
    pub fn new(graph: &'g SweepGraph) -> Self {
        SweepSearch {
            graph,
            state: OneToAll::new(graph.num_vertices()),
        }
    }

    /// The sweep state of the last query (its settled count, its memory).
    pub fn state(&self) -> &OneToAll {
        &self.state
    }
}

impl OneToAllSearch for SweepSearch<'_> {
    fn num_vertices(&self) -> usize {
        self.graph.num_vertices()
    }

    #[inline]
    fn one_to_all(&mut self, source: VertexId) -> &[Weight] {
        check_source(source, self.graph.num_vertices());
        self.state.run(self.graph, source)
    }
}

/// PHAST on a [`ContractionHierarchy`] as a [`OneToAllSearch`]: the fastest
/// search once the hierarchy is built. PHAST computes distances in sweep
/// order; this puts them back in vertex order (one more pass per query), so
/// for raw speed use [`Phast::run`] and [`ContractionHierarchy::position`].
///
/// ```
/// use tongda_sssp::ch::ContractionHierarchy;
/// use tongda_sssp::{OneToAllSearch, PhastSearch};
/// let ch = ContractionHierarchy::build(3, &[(0, 1, 5), (1, 2, 7), (2, 0, 1)]);
/// let mut s = PhastSearch::new(&ch);
/// assert_eq!(s.one_to_all(2), &[1, 6, 0]);
/// ```
#[derive(Debug, Clone)]
pub struct PhastSearch<'g> {
    ch: &'g ContractionHierarchy,
    state: Phast,
    dist: Vec<Weight>,
}

impl<'g> PhastSearch<'g> {
    /// A search on `ch`.
    pub fn new(ch: &'g ContractionHierarchy) -> Self {
        PhastSearch {
            ch,
            state: Phast::new(ch),
            dist: vec![INFINITY; ch.num_vertices()],
        }
    }

    /// The PHAST state of the last query (distances by sweep position).
    pub fn state(&self) -> &Phast {
        &self.state
    }
}

impl OneToAllSearch for PhastSearch<'_> {
    fn num_vertices(&self) -> usize {
        self.ch.num_vertices()
    }

    fn one_to_all(&mut self, source: VertexId) -> &[Weight] {
        check_source(source, self.dist.len());
        let by_position = self.state.run(self.ch, source);
        for (p, &d) in by_position.iter().enumerate() {
            self.dist[self.ch.vertex_at(p as u32) as usize] = d;
        }
        &self.dist
    }
}
