//! Shared by the benchmarks and tests: the two baselines (a straightforward
//! CSR + `std::collections::BinaryHeap` Dijkstra, and petgraph's), graph
//! builders and source picking.
#![allow(dead_code)]

use petgraph::graph::{DiGraph, NodeIndex};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use tongda_sssp::{CsrGraph, VertexId, Weight, INFINITY};

/// The straightforward one-to-all Dijkstra that most people would write: the
/// same CSR graph, a binary heap of `Reverse((dist, vertex))`, lazy deletion.
/// Buffers are reused between calls so it is not charged for allocation.
#[derive(Default)]
pub struct BinaryHeapDijkstra {
    pub dist: Vec<Weight>,
    heap: BinaryHeap<Reverse<(Weight, VertexId)>>,
}

impl BinaryHeapDijkstra {
    pub fn run(&mut self, g: &CsrGraph, s: VertexId) -> &[Weight] {
        self.dist.clear();
        self.dist.resize(g.num_vertices(), INFINITY);
        self.heap.clear();
        self.dist[s as usize] = 0;
        self.heap.push(Reverse((0, s)));
        while let Some(Reverse((d, u))) = self.heap.pop() {
            if d > self.dist[u as usize] {
                continue;
            }
            for a in g.arcs(u) {
                let v = g.head(a);
                let nd = d.saturating_add(g.weight(a));
                if nd < self.dist[v as usize] {
                    self.dist[v as usize] = nd;
                    self.heap.push(Reverse((nd, v)));
                }
            }
        }
        &self.dist
    }
}

/// The same arcs as a petgraph `DiGraph` (node `i` = vertex `i`).
pub fn to_petgraph(n: usize, arcs: &[(VertexId, VertexId, Weight)]) -> DiGraph<(), Weight> {
    let mut g = DiGraph::with_capacity(n, arcs.len());
    for _ in 0..n {
        g.add_node(());
    }
    for &(t, h, w) in arcs {
        g.add_edge(NodeIndex::new(t as usize), NodeIndex::new(h as usize), w);
    }
    g
}

/// petgraph's Dijkstra as a distance array (`INFINITY` = unreached).
pub fn petgraph_distances(g: &DiGraph<(), Weight>, s: VertexId) -> Vec<Weight> {
    let m = petgraph::algo::dijkstra(g, NodeIndex::new(s as usize), None, |e| *e.weight());
    let mut d = vec![INFINITY; g.node_count()];
    for (v, w) in m {
        d[v.index()] = w;
    }
    d
}

/// `k` sources spread over `0..n`, deterministic.
pub fn pick_sources(n: usize, k: usize) -> Vec<VertexId> {
    (0..k as u64)
        .map(|i| ((i.wrapping_mul(2_654_435_761) + 12_345) % n as u64) as VertexId)
        .collect()
}
