//! Contraction hierarchies + PHAST give exactly Dijkstra's distances on
//! random and road-like graphs, single-tree and batched.

#[path = "../benches/common/mod.rs"]
mod common;

use common::{petgraph_distances, pick_sources, to_petgraph};
use tongda_cli::pool::with_threads;
use tongda_sssp::ch::{
    sweep_phast, sweep_phast_batched, ContractionHierarchy, Phast, PhastBatch, LANES,
};
use tongda_sssp::sweep::{sweep_sources, OneToAll, SweepGraph};
use tongda_sssp::synth::{road_grid, SplitMix64};
use tongda_sssp::{VertexId, Weight};

fn check(n: usize, arcs: &[(VertexId, VertexId, Weight)], sources: &[VertexId]) {
    let ch = ContractionHierarchy::build(n, arcs);
    let g = SweepGraph::from_arcs(n, arcs);
    let pg = to_petgraph(n, arcs);
    let mut ota = OneToAll::new(n);
    let mut phast = Phast::new(&ch);
    let mut batch = PhastBatch::new(&ch);
    for chunk in sources.chunks(LANES) {
        batch.run(&ch, chunk);
        for (lane, &s) in chunk.iter().enumerate() {
            let want = ota.run(&g, s).to_vec();
            assert_eq!(
                want,
                petgraph_distances(&pg, s),
                "dijkstra vs petgraph, source {s}"
            );
            phast.run(&ch, s);
            assert_eq!(phast.distances_by_vertex(&ch), want, "phast, source {s}");
            for v in 0..n as VertexId {
                let d = want[v as usize];
                let d = (d != u32::MAX).then_some(d);
                assert_eq!(
                    batch.distance(&ch, lane, v),
                    d,
                    "batch lane {lane}, {s}->{v}"
                );
            }
        }
    }
}

#[test]
fn random_graphs() {
    let mut rng = SplitMix64::new(31);
    for round in 0..80 {
        let n = 1 + rng.below(60) as usize;
        let m = rng.below(4 * n as u64 + 1) as usize;
        let max_w = [0u64, 3, 100, 1 << 20][round % 4];
        let arcs: Vec<_> = (0..m)
            .map(|_| {
                (
                    rng.below(n as u64) as VertexId,
                    rng.below(n as u64) as VertexId,
                    rng.below(max_w + 1) as Weight,
                )
            })
            .collect();
        let sources: Vec<VertexId> = (0..1 + rng.below(10))
            .map(|_| rng.below(n as u64) as VertexId)
            .collect();
        check(n, &arcs, &sources);
    }
}

#[test]
fn road_like_grid_and_sweeps() {
    let g = road_grid(60, 4); // ≈ 3.3k nodes
    let sources = pick_sources(g.num_vertices, 12);
    check(g.num_vertices, &g.arcs, &sources);

    let ch = ContractionHierarchy::build(g.num_vertices, &g.arcs);
    assert!(ch.memory_bytes() < 40 * g.arcs.len());
    let fast = SweepGraph::from_arcs(g.num_vertices, &g.arcs);
    let key = |r: Vec<tongda_sssp::sweep::SourceResult>| -> Vec<_> {
        r.into_iter()
            .map(|r| (r.source, r.reached, r.distance_sum))
            .collect()
    };
    let want = key(with_threads(1, || sweep_sources(&fast, &sources)).unwrap());
    for t in [1, 2] {
        assert_eq!(
            key(with_threads(t, || sweep_phast(&ch, &sources)).unwrap()),
            want
        );
        assert_eq!(
            key(with_threads(t, || sweep_phast_batched(&ch, &sources)).unwrap()),
            want
        );
    }
}

#[test]
fn build_is_deterministic() {
    let g = road_grid(30, 8);
    let a = ContractionHierarchy::build(g.num_vertices, &g.arcs);
    let b = with_threads(2, || ContractionHierarchy::build(g.num_vertices, &g.arcs)).unwrap();
    assert_eq!(a.num_shortcuts(), b.num_shortcuts());
    assert!((0..g.num_vertices as u32).all(|v| a.position(v) == b.position(v)));
    assert!((0..g.num_vertices as u32).all(|v| a.vertex_at(a.position(v)) == v));
}
