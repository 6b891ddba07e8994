//! One-to-all sweeps: the distances-only Dijkstra hot loop ([`OneToAll`]),
//! its radix heap, and a rayon driver that runs many sources with one state
//! per worker ([`sweep_sources`]). [`SweepSearch`](crate::SweepSearch) is
//! the sweep behind the [`OneToAllSearch`](crate::OneToAllSearch) interface.
//!
//! ```
//! use tongda_sssp::sweep::{OneToAll, SweepGraph};
//! let g = SweepGraph::from_arcs(3, &[(0, 1, 4), (1, 2, 3), (0, 2, 9)]);
//! let mut state = OneToAll::new(g.num_vertices());
//! assert_eq!(state.run(&g, 0), &[0, 4, 7]);
//! assert_eq!(state.settled(), 3);
//! ```

mod buckets;
mod graph;
mod one_to_all;
mod radix;

pub use buckets::BucketQueue;
pub use graph::SweepGraph;
pub use one_to_all::OneToAll;
pub use radix::{MonotoneQueue, RadixHeap};

use crate::{VertexId, Weight, INFINITY};
use rayon::prelude::*;
use std::sync::Mutex;
use std::time::Instant;

/// The result of one source: a checksum other tools can reproduce, and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceResult {
    /// The source vertex.
    pub source: VertexId,
    /// Vertices with a finite distance (the source included).
    pub reached: u64,
    /// Sum of the finite distances.
    pub distance_sum: u64,
    /// Wall-clock nanoseconds of the query on its thread.
    pub nanos: u64,
}

/// `(reached, sum of finite distances)` of a distance array.
pub fn checksum(dist: &[Weight]) -> (u64, u64) {
    let (mut reached, mut sum) = (0u64, 0u64);
    for &d in dist {
        if d != INFINITY {
            reached += 1;
            sum += u64::from(d);
        }
    }
    (reached, sum)
}

/// Runs `query` for every source on the current rayon pool; results come
/// back in source order, so checksums do not depend on the number of threads.
/// `query` returns `(reached, distance sum)` of its source.
///
/// States made by `init` are kept in a small pool and reused: at most one per
/// worker is ever made. (rayon's `map_init` calls its `init` once per rayon
/// job; with the one-source jobs used here that would re-allocate the
/// distance array for every source. See [*Threads*](crate#threads).)
pub fn sweep_with<S, I, Q>(sources: &[VertexId], init: I, query: Q) -> Vec<SourceResult>
where
    S: Send,
    I: Fn() -> S + Sync + Send,
    Q: Fn(&mut S, VertexId) -> (u64, u64) + Sync + Send,
{
    let pool: Mutex<Vec<S>> = Mutex::new(Vec::new());
    let take = || {
        pool.lock()
            .ok()
            .and_then(|mut p| p.pop())
            .unwrap_or_else(&init)
    };
    sources
        .par_iter()
        .with_max_len(1)
        .map(|&s| {
            let mut state = take();
            let t = Instant::now();
            let (reached, distance_sum) = query(&mut state, s);
            let nanos = t.elapsed().as_nanos() as u64;
            if let Ok(mut p) = pool.lock() {
                p.push(state);
            }
            SourceResult {
                source: s,
                reached,
                distance_sum,
                nanos,
            }
        })
        .collect()
}

/// One-to-all Dijkstra from every source (in parallel on the current rayon
/// pool); the checksum is computed inside the timed part.
pub fn sweep_sources(g: &SweepGraph, sources: &[VertexId]) -> Vec<SourceResult> {
    let n = g.num_vertices();
    sweep_with(sources, || OneToAll::new(n), |st, s| checksum(st.run(g, s)))
}
