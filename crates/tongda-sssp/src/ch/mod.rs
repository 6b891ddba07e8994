//! Contraction hierarchies with PHAST one-to-all queries, for repeated sweeps
//! on a fixed graph.
//!
//! - **Preprocessing** ([`ContractionHierarchy::build`]) contracts the
//!   vertices one by one in order of importance (edge difference + contracted
//!   neighbours, re-estimated lazily when a vertex reaches the top of the
//!   queue; Geisberger et al. 2008), adding shortcuts so
//!   that every shortest path becomes an *up* part followed by a *down* part.
//! - **PHAST** (Delling, Goldberg, Nowatzyk, Werneck 2011; [`Phast`]): a
//!   one-to-all query is a small Dijkstra on the up arcs from the source,
//!   then one linear sweep over all vertices from the top of the hierarchy
//!   down, relaxing each vertex's incoming down arcs. Vertices are stored in
//!   sweep order — by level in the down DAG, then by original id, which keeps
//!   neighbours close in memory — so the sweep reads the arcs sequentially
//!   with no priority queue at all.
//!
//! Distances are identical to Dijkstra's (tests compare them on random and
//! road-like graphs). [`PhastSearch`](crate::PhastSearch) is PHAST behind
//! the [`OneToAllSearch`](crate::OneToAllSearch) interface.
//!
//! ```
//! use tongda_sssp::ch::{ContractionHierarchy, Phast};
//! let arcs = [(0, 1, 4), (1, 2, 3), (0, 2, 9), (2, 3, 1), (3, 0, 2)];
//! let ch = ContractionHierarchy::build(4, &arcs);
//! let mut q = Phast::new(&ch);
//! q.run(&ch, 0);
//! let d: Vec<_> = (0..4).map(|v| q.distance(&ch, v)).collect();
//! assert_eq!(d, vec![Some(0), Some(4), Some(7), Some(8)]);
//! ```

mod batch;
mod contract;
mod phast;
mod sweeps;
mod witness;

pub use batch::{PhastBatch, LANES};
pub use contract::ContractionParams;
pub use phast::Phast;
pub use sweeps::{sweep_phast, sweep_phast_batched};

use crate::{VertexId, Weight};

/// A contraction hierarchy laid out for PHAST: vertices renumbered into sweep
/// positions, up arcs by tail position, down arcs by head position.
#[derive(Debug, Clone, Default)]
pub struct ContractionHierarchy {
    /// Sweep position of each original vertex.
    pos: Vec<u32>,
    /// Original vertex at each position.
    orig: Vec<VertexId>,
    /// Up arcs leaving position `p`: `up_arcs[up_first[p]..up_first[p + 1]]`, heads as positions.
    up_first: Vec<u32>,
    up_arcs: Vec<(u32, Weight)>,
    /// Down arcs entering position `p`, tails as positions (always `< p`).
    down_first: Vec<u32>,
    down_arcs: Vec<(u32, Weight)>,
    shortcuts: usize,
    levels: u32,
}

/// Turns per-vertex arc lists into CSR over positions.
fn csr_by_pos(
    lists: &[Vec<(VertexId, Weight)>],
    orig: &[VertexId],
    pos: &[u32],
) -> (Vec<u32>, Vec<(u32, Weight)>) {
    let mut first = Vec::with_capacity(orig.len() + 1);
    let mut arcs = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    first.push(0);
    for &v in orig {
        let start = arcs.len();
        arcs.extend(lists[v as usize].iter().map(|&(x, w)| (pos[x as usize], w)));
        arcs[start..].sort_unstable();
        first.push(arcs.len() as u32);
    }
    (first, arcs)
}

impl ContractionHierarchy {
    /// Contracts the graph `n`, `(tail, head, weight)` arcs with default parameters.
    pub fn build(n: usize, arcs: &[(VertexId, VertexId, Weight)]) -> ContractionHierarchy {
        Self::build_with(n, arcs, ContractionParams::default())
    }

    /// Contracts with the given parameters. Deterministic.
    pub fn build_with(
        n: usize,
        arcs: &[(VertexId, VertexId, Weight)],
        params: ContractionParams,
    ) -> ContractionHierarchy {
        let c = contract::contract(n, arcs, params);
        // Level in the down DAG, from the top (highest rank) down.
        let mut by_rank_desc: Vec<VertexId> = (0..n as VertexId).collect();
        by_rank_desc.sort_unstable_by_key(|&v| std::cmp::Reverse(c.rank[v as usize]));
        let mut level = vec![0u32; n];
        for &v in &by_rank_desc {
            level[v as usize] = c.down_in[v as usize]
                .iter()
                .map(|&(u, _)| level[u as usize] + 1)
                .max()
                .unwrap_or(0);
        }
        let mut orig: Vec<VertexId> = (0..n as VertexId).collect();
        orig.sort_unstable_by_key(|&v| (level[v as usize], v));
        let mut pos = vec![0u32; n];
        for (p, &v) in orig.iter().enumerate() {
            pos[v as usize] = p as u32;
        }
        let (up_first, up_arcs) = csr_by_pos(&c.up, &orig, &pos);
        let (down_first, down_arcs) = csr_by_pos(&c.down_in, &orig, &pos);
        // The sweep relies on this; it follows from the level order.
        for p in 0..n {
            let arcs = &down_arcs[down_first[p] as usize..down_first[p + 1] as usize];
            assert!(
                arcs.iter().all(|&(t, _)| (t as usize) < p),
                "down arc against the sweep"
            );
        }
        ContractionHierarchy {
            pos,
            orig,
            up_first,
            up_arcs,
            down_first,
            down_arcs,
            shortcuts: c.shortcuts,
            levels: level.iter().copied().max().map_or(0, |l| l + 1),
        }
    }

    /// Number of vertices.
    pub fn num_vertices(&self) -> usize {
        self.orig.len()
    }

    /// Shortcuts added by the contraction.
    pub fn num_shortcuts(&self) -> usize {
        self.shortcuts
    }

    /// `(up arcs, down arcs)`: original arcs plus shortcuts, each stored once.
    pub fn num_arcs(&self) -> (usize, usize) {
        (self.up_arcs.len(), self.down_arcs.len())
    }

    /// Levels of the down DAG (the sweep's depth).
    pub fn num_levels(&self) -> u32 {
        self.levels
    }

    /// Sweep position of original vertex `v` (index into [`Phast::run`]'s result).
    #[inline]
    pub fn position(&self, v: VertexId) -> u32 {
        self.pos[v as usize]
    }

    /// The original vertex at sweep position `p`.
    #[inline]
    pub fn vertex_at(&self, p: u32) -> VertexId {
        self.orig[p as usize]
    }

    /// Bytes held by the hierarchy.
    pub fn memory_bytes(&self) -> usize {
        4 * (self.pos.len() + self.orig.len() + self.up_first.len() + self.down_first.len())
            + 8 * (self.up_arcs.len() + self.down_arcs.len())
    }
}
