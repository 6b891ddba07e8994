//! The CSR Dijkstra against independent oracles:
//! - petgraph's `algo::dijkstra` on ≥ 1000 random graphs with unreachable
//!   vertices, zero-weight arcs, parallel arcs and self-loops;
//! - brute force (Bellman–Ford relaxation to a fixed point) on small graphs,
//!   checking that every returned path is a real path whose weight equals the
//!   distance, and that the distance is minimal.

use petgraph::graph::{DiGraph, NodeIndex};
use proptest::prelude::*;
use tongda_sssp::{CsrGraph, Dijkstra};

type Arc = (u32, u32, u32);

/// Random graphs: up to 40 vertices (some isolated), arcs with weights in
/// 0..50 (zero weights likely), duplicates and self-loops allowed.
fn graph_strategy(max_n: usize) -> impl Strategy<Value = (usize, Vec<Arc>)> {
    (1..=max_n).prop_flat_map(|n| {
        let arc = (0..n as u32, 0..n as u32, prop_oneof![Just(0u32), 0u32..50]);
        (Just(n), prop::collection::vec(arc, 0..(n * 3)))
    })
}

fn petgraph_distances(n: usize, arcs: &[Arc], source: u32) -> Vec<Option<u64>> {
    let mut g: DiGraph<(), u64> = DiGraph::new();
    let idx: Vec<NodeIndex> = (0..n).map(|_| g.add_node(())).collect();
    for &(t, h, w) in arcs {
        g.add_edge(idx[t as usize], idx[h as usize], u64::from(w));
    }
    let d = petgraph::algo::dijkstra(&g, idx[source as usize], None, |e| *e.weight());
    idx.iter().map(|i| d.get(i).copied()).collect()
}

fn brute_force(n: usize, arcs: &[Arc], sources: &[(u32, u32)]) -> Vec<Option<u64>> {
    let mut d: Vec<Option<u64>> = vec![None; n];
    for &(s, d0) in sources {
        let cur = &mut d[s as usize];
        *cur = Some(cur.map_or(u64::from(d0), |c| c.min(u64::from(d0))));
    }
    loop {
        let mut changed = false;
        for &(t, h, w) in arcs {
            if let Some(dt) = d[t as usize] {
                let nd = dt + u64::from(w);
                if d[h as usize].is_none_or(|dh| nd < dh) {
                    d[h as usize] = Some(nd);
                    changed = true;
                }
            }
        }
        if !changed {
            return d;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1200, ..ProptestConfig::default() })]

    #[test]
    fn agrees_with_petgraph((n, arcs) in graph_strategy(40), src in 0u32..40) {
        let src = src % n as u32;
        let (g, _) = CsrGraph::from_arcs(n, &arcs);
        let mut dj = Dijkstra::new(n);
        dj.run(&g, &[(src, 0)]);
        let oracle = petgraph_distances(n, &arcs, src);
        prop_assert_eq!(oracle.len(), n);
        for (v, want) in oracle.iter().enumerate() {
            prop_assert_eq!(dj.distance(v as u32).map(u64::from), *want, "vertex {}", v);
        }
    }

    #[test]
    fn paths_are_real_and_minimal(
        (n, arcs) in graph_strategy(12),
        sources in prop::collection::vec((0u32..12, 0u32..30), 1..3),
    ) {
        let sources: Vec<(u32, u32)> = sources.into_iter().map(|(s, d)| (s % n as u32, d)).collect();
        let (g, order) = CsrGraph::from_arcs(n, &arcs);
        let mut dj = Dijkstra::new(n);
        dj.run(&g, &sources);
        let oracle = brute_force(n, &arcs, &sources);
        for v in 0..n as u32 {
            prop_assert_eq!(dj.distance(v).map(u64::from), oracle[v as usize]);
            let Some(d) = dj.distance(v) else { continue };
            // The path: starts at a source, is connected, ends at v, weighs d.
            let path = dj.path_arcs(v);
            let start = dj.path_source(v);
            let initial = sources.iter().filter(|s| s.0 == start).map(|s| s.1).min();
            prop_assert!(initial.is_some(), "path starts at a non-source");
            let mut at = start;
            let mut total = u64::from(initial.unwrap_or(0));
            for &a in &path {
                let (t, h, w) = arcs[order[a as usize] as usize];
                prop_assert_eq!(t, at, "path is not connected");
                total += u64::from(w);
                at = h;
            }
            prop_assert_eq!(at, v);
            prop_assert_eq!(total, u64::from(d));
        }
    }
}

/// Buffers are reused: a second run must not see labels of the first.
#[test]
fn reused_state_forgets_previous_runs() {
    let arcs = [(0, 1, 3), (1, 2, 4), (3, 0, 1)];
    let (g, _) = CsrGraph::from_arcs(4, &arcs);
    let mut dj = Dijkstra::new(4);
    dj.run(&g, &[(3, 0)]);
    assert_eq!(dj.distance(2), Some(8));
    dj.run(&g, &[(1, 0)]);
    assert_eq!(dj.distance(0), None);
    assert_eq!(dj.distance(3), None);
    assert_eq!(dj.distance(2), Some(4));
    assert!(dj.path_arcs(0).is_empty());
}
