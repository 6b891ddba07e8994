//! Road-like synthetic graphs for benchmarks and tests (`tongda gen-graph`).
//!
//! [`road_grid`]`(side, seed)` builds:
//!
//! - `side × side` nodes on a grid with [`SPACING_M`] metres between rows and
//!   columns, each node moved by up to ±[`JITTER`] of the spacing in x and y;
//! - roads between 4-neighbours, in both directions; every
//!   [`EXPRESSWAY_EVERY`]th row and column (0, 20, 40, …) is an expressway at
//!   [`EXPRESSWAY_KMH`] km/h, other roads get a speed drawn uniformly in
//!   [`LOCAL_KMH`] (the same both ways);
//! - each direction of a local road is then removed with probability
//!   [`REMOVED`] (so some streets become one-way, some vanish); expressways
//!   are kept;
//! - arc weights are travel seconds, `max(1, round(length_m / speed_m_per_s))`,
//!   the length being the straight line between the jittered positions;
//! - the graph is reduced to its largest strongly connected component (ties:
//!   the one holding the smallest node id) and renumbered in row-major order,
//!   arcs sorted by (tail, head).
//!
//! Coordinates are integer micro-degrees (DIMACS `.co` style) around
//! 103.5° E, 29.5° N. The random numbers come from SplitMix64 seeded with
//! `seed`, drawn in a fixed order, and only IEEE-exact arithmetic is used, so a
//! seed gives the same bytes on every machine.
//!
//! ```
//! use tongda_sssp::synth::road_grid;
//! let g = road_grid(30, 7);
//! assert!(g.num_vertices > 800 && g.num_vertices <= 900);
//! assert_eq!(g.coords.len(), g.num_vertices);
//! assert_eq!(road_grid(30, 7), g); // deterministic
//! ```

use crate::{CsrGraph, VertexId, Weight};

/// Grid spacing, metres.
pub const SPACING_M: f64 = 500.0;
/// Largest displacement of a node, as a fraction of the spacing (each axis).
pub const JITTER: f64 = 0.3;
/// Every this many rows and columns is an expressway.
pub const EXPRESSWAY_EVERY: usize = 20;
/// Expressway speed, km/h.
pub const EXPRESSWAY_KMH: f64 = 100.0;
/// Range of local road speeds, km/h.
pub const LOCAL_KMH: (f64, f64) = (30.0, 60.0);
/// Probability that one direction of a local road is removed.
pub const REMOVED: f64 = 0.10;

const LON0: f64 = 103.5;
const LAT0: f64 = 29.5;
const M_PER_DEG_LAT: f64 = 111_320.0;
/// cos(29.5°), as a literal so that no libm call can differ between machines.
const COS_LAT0: f64 = 0.870_355_695_939_899_7;

/// A directed graph with coordinates, 0-based ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthGraph {
    /// Number of vertices.
    pub num_vertices: usize,
    /// `(tail, head, seconds)`, sorted by (tail, head).
    pub arcs: Vec<(VertexId, VertexId, Weight)>,
    /// `(x, y)` = (longitude, latitude) in micro-degrees.
    pub coords: Vec<(i32, i32)>,
}

impl SynthGraph {
    /// The CSR graph of these arcs.
    pub fn to_csr(&self) -> CsrGraph {
        CsrGraph::from_arcs(self.num_vertices, &self.arcs).0
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and fixed forever.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `0..n` (`n > 0`), with negligible bias for small `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }
}

/// The road-like grid described in the [module docs](self).
pub fn road_grid(side: usize, seed: u64) -> SynthGraph {
    let n = side * side;
    let mut rng = SplitMix64::new(seed);
    let pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let (r, c) = ((i / side) as f64, (i % side) as f64);
            let jx = (rng.unit() * 2.0 - 1.0) * JITTER;
            let jy = (rng.unit() * 2.0 - 1.0) * JITTER;
            ((c + jx) * SPACING_M, (r + jy) * SPACING_M)
        })
        .collect();
    let seconds = |a: usize, b: usize, kmh: f64| -> Weight {
        let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
        let s = (dx * dx + dy * dy).sqrt() / (kmh / 3.6);
        (s.round() as Weight).max(1)
    };
    let mut arcs: Vec<(VertexId, VertexId, Weight)> = Vec::with_capacity(4 * n);
    for i in 0..n {
        let (r, c) = (i / side, i % side);
        // (neighbour, is expressway): right along row r, down along column c.
        let right = (c + 1 < side).then_some((i + 1, r % EXPRESSWAY_EVERY == 0));
        let down = (r + 1 < side).then_some((i + side, c % EXPRESSWAY_EVERY == 0));
        for (j, express) in [right, down].into_iter().flatten() {
            let kmh = if express {
                EXPRESSWAY_KMH
            } else {
                LOCAL_KMH.0 + rng.unit() * (LOCAL_KMH.1 - LOCAL_KMH.0)
            };
            let w = seconds(i, j, kmh);
            for (t, h) in [(i, j), (j, i)] {
                if express || rng.unit() >= REMOVED {
                    arcs.push((t as VertexId, h as VertexId, w));
                }
            }
        }
    }
    let (g, _) = CsrGraph::from_arcs(n, &arcs);
    let keep = largest_scc(&g);
    let mut new_id = vec![VertexId::MAX; n];
    for (k, &v) in keep.iter().enumerate() {
        new_id[v as usize] = k as VertexId;
    }
    let mut out: Vec<_> = arcs
        .iter()
        .filter_map(|&(t, h, w)| {
            let (t, h) = (new_id[t as usize], new_id[h as usize]);
            (t != VertexId::MAX && h != VertexId::MAX).then_some((t, h, w))
        })
        .collect();
    out.sort_unstable();
    let coords = keep
        .iter()
        .map(|&v| {
            let (x, y) = pos[v as usize];
            let lon = LON0 + x / (M_PER_DEG_LAT * COS_LAT0);
            let lat = LAT0 + y / M_PER_DEG_LAT;
            ((lon * 1e6).round() as i32, (lat * 1e6).round() as i32)
        })
        .collect();
    SynthGraph {
        num_vertices: keep.len(),
        arcs: out,
        coords,
    }
}

/// Strongly connected component of every vertex (Tarjan, iterative):
/// `(component id per vertex, number of components)`. Components are numbered
/// in the order Tarjan completes them.
pub fn strong_components(g: &CsrGraph) -> (Vec<u32>, usize) {
    const UNSEEN: u32 = u32::MAX;
    let n = g.num_vertices();
    let (first, head, _) = g.raw();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut comp = vec![0u32; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut call: Vec<(u32, u32)> = Vec::new();
    let (mut next_index, mut ncomp) = (0u32, 0u32);
    for s in 0..n as u32 {
        if index[s as usize] != UNSEEN {
            continue;
        }
        macro_rules! visit {
            ($v:expr) => {{
                let v: u32 = $v;
                index[v as usize] = next_index;
                low[v as usize] = next_index;
                next_index += 1;
                stack.push(v);
                on_stack[v as usize] = true;
                call.push((v, first[v as usize]));
            }};
        }
        visit!(s);
        while let Some(&(v, a)) = call.last() {
            if a < first[v as usize + 1] {
                call.last_mut().expect("non-empty").1 += 1;
                let w = head[a as usize];
                if index[w as usize] == UNSEEN {
                    visit!(w);
                } else if on_stack[w as usize] {
                    low[v as usize] = low[v as usize].min(index[w as usize]);
                }
                continue;
            }
            call.pop();
            if let Some(&(p, _)) = call.last() {
                low[p as usize] = low[p as usize].min(low[v as usize]);
            }
            if low[v as usize] == index[v as usize] {
                while let Some(x) = stack.pop() {
                    on_stack[x as usize] = false;
                    comp[x as usize] = ncomp;
                    if x == v {
                        break;
                    }
                }
                ncomp += 1;
            }
        }
    }
    (comp, ncomp as usize)
}

/// The vertices of the largest strongly connected component, ascending (ties:
/// the component holding the smallest vertex id).
pub fn largest_scc(g: &CsrGraph) -> Vec<VertexId> {
    let (comp, k) = strong_components(g);
    let mut size = vec![0usize; k];
    for &c in &comp {
        size[c as usize] += 1;
    }
    // First vertex in id order whose component is largest.
    let best = size.iter().copied().max().unwrap_or(0);
    let Some(pick) = comp.iter().find(|&&c| size[c as usize] == best) else {
        return Vec::new();
    };
    (0..g.num_vertices() as VertexId)
        .filter(|&v| comp[v as usize] == *pick)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scc_of_small_graph() {
        // 0 <-> 1 -> 2 <-> 3, 4 alone
        let g = CsrGraph::from_arcs(5, &[(0, 1, 1), (1, 0, 1), (1, 2, 1), (2, 3, 1), (3, 2, 1)]).0;
        let (comp, k) = strong_components(&g);
        assert_eq!(k, 3);
        assert_eq!(comp[0], comp[1]);
        assert_eq!(comp[2], comp[3]);
        assert_ne!(comp[0], comp[2]);
        assert_eq!(largest_scc(&g), vec![0, 1]);
    }

    #[test]
    fn grid_is_strongly_connected_and_road_like() {
        let g = road_grid(41, 3);
        let csr = g.to_csr();
        assert_eq!(largest_scc(&csr).len(), g.num_vertices);
        assert!(g.num_vertices > 41 * 41 * 9 / 10);
        let per_node = g.arcs.len() as f64 / g.num_vertices as f64;
        assert!((3.0..4.0).contains(&per_node), "{per_node}");
        // Expressway arcs (row 0 and 20) are much faster per metre than local ones.
        let min_w = g.arcs.iter().map(|a| a.2).min().unwrap();
        assert!(min_w >= 1);
        assert_ne!(road_grid(41, 4), g);
    }
}
