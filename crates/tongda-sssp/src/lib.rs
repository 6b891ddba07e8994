//! # tongda-sssp
//!
//! One-to-all shortest paths on large directed graphs with `u32` weights:
//! the engine behind `tongda sssp` and `tongda gen-graph`, and the Dijkstra
//! that tongda's router runs on the region network.
//!
//! The facade is three calls, in the manner of `fast_paths`: [`prepare`] a
//! graph for a [`Method`], make a [`search`](Prepared::search) per thread (see
//! [*Threads*](#threads)),
//! and ask it [`one_to_all`](OneToAllSearch::one_to_all):
//!
//! ```
//! use tongda_sssp::{prepare, Method, OneToAllSearch};
//! // 成都 (0) → 遂宁 (1) → 重庆 (2), and a slower direct road; minutes.
//! let arcs = [(0, 1, 52), (1, 2, 48), (0, 2, 115), (2, 0, 100)];
//! for method in [Method::Dijkstra, Method::Sweep, Method::Phast] {
//!     let graph = prepare(3, &arcs, method);
//!     let mut search = graph.search();
//!     assert_eq!(search.one_to_all(0), &[0, 52, 100]);
//!     assert_eq!(search.one_to_all(2), &[100, 152, 0]);
//! }
//! ```
//!
//! Underneath, each engine is a module of its own:
//!
//! - [`CsrGraph`] and [`Dijkstra`]: a compact graph and a Dijkstra with
//!   predecessors and reusable buffers (tongda's router);
//! - [`sweep`]: the distances-only hot loop for one-to-all sweeps, and the
//!   drivers that run many sources in parallel;
//! - [`ch`]: contraction hierarchies and PHAST, for many sweeps on one graph;
//! - [`dimacs`]: DIMACS `.gr`/`.co` files; [`synth`]: road-like test graphs.
//!
//! ## Threads
//!
//! Every search state ([`Dijkstra`], [`sweep::OneToAll`], [`ch::Phast`],
//! [`ch::PhastBatch`], the [`OneToAllSearch`] types) holds a few bytes per
//! vertex and reuses them from query to query: make one per worker thread,
//! not one per query. [`sweep::sweep_with`] does this for a list of sources:
//! it keeps finished states in a pool, so at most one per worker is ever
//! made. rayon's `map_init` is not the same: it calls its `init` once per
//! rayon *job*, i.e. once per piece rayon splits the input into — usually
//! several times per thread, and once per item under `with_max_len(1)` — so
//! it suits states that cost little next to the work done with them.
//!
//! Distances are `u32` ([`Weight`]); [`INFINITY`] (`u32::MAX`) marks an
//! unreached vertex, and a path that would reach it saturates there.

#![warn(missing_docs)]

pub mod budget;
pub mod ch;
mod csr;
mod dijkstra;
pub mod dimacs;
mod heap;
mod search;
pub mod sweep;
pub mod synth;

pub use csr::{CsrGraph, VertexId, Weight, INFINITY};
pub use dijkstra::Dijkstra;
pub use heap::QuadHeap;
pub use search::{DijkstraSearch, OneToAllSearch, PhastSearch, SweepSearch};

use ch::ContractionHierarchy;
use sweep::SweepGraph;

/// An engine of the facade: how [`prepare`] lays the graph out and how its
/// searches run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// [`Dijkstra`] on a [`CsrGraph`]: no preprocessing, keeps predecessors.
    Dijkstra,
    /// The distances-only sweep on a [`SweepGraph`]: no preprocessing, the
    /// fastest single query.
    #[default]
    Sweep,
    /// PHAST on a [`ContractionHierarchy`]: a costly preprocessing, then the
    /// fastest queries (for many sources on one graph).
    Phast,
}

/// A graph prepared for one [`Method`] by [`prepare`].
#[derive(Debug, Clone)]
pub enum Prepared {
    /// For [`Method::Dijkstra`].
    Dijkstra(CsrGraph),
    /// For [`Method::Sweep`].
    Sweep(SweepGraph),
    /// For [`Method::Phast`].
    Phast(ContractionHierarchy),
}

/// Lays out the graph of `n` vertices and `(tail, head, weight)` arcs for
/// `method` (for [`Method::Phast`], contracts it). Deterministic. Panics if
/// an endpoint is `>= n`.
///
/// ```
/// use tongda_sssp::{prepare, Method};
/// let g = prepare(3, &[(0, 1, 5), (1, 2, 7)], Method::Phast);
/// assert_eq!((g.method(), g.num_vertices()), (Method::Phast, 3));
/// ```
pub fn prepare(n: usize, arcs: &[(VertexId, VertexId, Weight)], method: Method) -> Prepared {
    match method {
        Method::Dijkstra => Prepared::Dijkstra(CsrGraph::from_arcs(n, arcs).0),
        Method::Sweep => Prepared::Sweep(SweepGraph::from_arcs(n, arcs)),
        Method::Phast => Prepared::Phast(ContractionHierarchy::build(n, arcs)),
    }
}

impl Prepared {
    /// The method this graph was prepared for.
    pub fn method(&self) -> Method {
        match self {
            Prepared::Dijkstra(_) => Method::Dijkstra,
            Prepared::Sweep(_) => Method::Sweep,
            Prepared::Phast(_) => Method::Phast,
        }
    }

    /// Number of vertices.
    pub fn num_vertices(&self) -> usize {
        match self {
            Prepared::Dijkstra(g) => g.num_vertices(),
            Prepared::Sweep(g) => g.num_vertices(),
            Prepared::Phast(ch) => ch.num_vertices(),
        }
    }

    /// Bytes held by the prepared graph.
    pub fn memory_bytes(&self) -> usize {
        match self {
            Prepared::Dijkstra(g) => g.memory_bytes(),
            Prepared::Sweep(g) => g.memory_bytes(),
            Prepared::Phast(ch) => ch.memory_bytes(),
        }
    }

    /// A new search on this graph, with its own buffers, to reuse for many
    /// queries (see [*Threads*](crate#threads)).
    ///
    /// ```
    /// use rayon::prelude::*;
    /// use tongda_sssp::{prepare, Method, OneToAllSearch};
    /// let g = prepare(3, &[(0, 1, 5), (1, 2, 7), (2, 0, 1)], Method::Sweep);
    /// let reached: Vec<usize> = (0..3)
    ///     .into_par_iter()
    ///     .map_init(|| g.search(), |s, v| s.one_to_all(v).iter().filter(|&&d| d != u32::MAX).count())
    ///     .collect();
    /// assert_eq!(reached, vec![3, 3, 3]);
    /// ```
    pub fn search(&self) -> Search<'_> {
        match self {
            Prepared::Dijkstra(g) => Search::Dijkstra(DijkstraSearch::new(g)),
            Prepared::Sweep(g) => Search::Sweep(SweepSearch::new(g)),
            Prepared::Phast(ch) => Search::Phast(PhastSearch::new(ch)),
        }
    }
}

/// A search on a [`Prepared`] graph, whichever its method.
#[derive(Debug, Clone)]
pub enum Search<'g> {
    /// On a graph prepared for [`Method::Dijkstra`].
    Dijkstra(DijkstraSearch<'g>),
    /// On a graph prepared for [`Method::Sweep`].
    Sweep(SweepSearch<'g>),
    /// On a graph prepared for [`Method::Phast`].
    Phast(PhastSearch<'g>),
}

impl OneToAllSearch for Search<'_> {
    fn num_vertices(&self) -> usize {
        match self {
            Search::Dijkstra(s) => s.num_vertices(),
            Search::Sweep(s) => s.num_vertices(),
            Search::Phast(s) => s.num_vertices(),
        }
    }

    fn one_to_all(&mut self, source: VertexId) -> &[Weight] {
        match self {
            Search::Dijkstra(s) => s.one_to_all(source),
            Search::Sweep(s) => s.one_to_all(source),
            Search::Phast(s) => s.one_to_all(source),
        }
    }
}
