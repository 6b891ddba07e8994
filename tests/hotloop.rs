//! The one-to-all hot loop agrees with petgraph's Dijkstra, a plain
//! BinaryHeap Dijkstra and the router's Dijkstra on random and road-like
//! graphs, whatever the queue, vertex order or thread count.

#[path = "../benches/common/mod.rs"]
mod common;

use common::{petgraph_distances, pick_sources, to_petgraph, BinaryHeapDijkstra};
use tongda_cli::pool::with_threads;
use tongda_sssp::sweep::{
    checksum, sweep_sources, BucketQueue, MonotoneQueue, OneToAll, RadixHeap, SweepGraph,
};
use tongda_sssp::synth::{road_grid, SplitMix64};
use tongda_sssp::{CsrGraph, Dijkstra, QuadHeap, VertexId, Weight, INFINITY};

type Arcs = Vec<(VertexId, VertexId, Weight)>;

/// A random multigraph with self-loops, zero weights and parallel arcs.
fn random_graph(rng: &mut SplitMix64, n: usize, m: usize, max_w: u64) -> Arcs {
    (0..m)
        .map(|_| {
            (
                rng.below(n as u64) as VertexId,
                rng.below(n as u64) as VertexId,
                rng.below(max_w + 1) as Weight,
            )
        })
        .collect()
}

/// Distances from every method; panics on the first disagreement.
fn check_all_methods(n: usize, arcs: &Arcs, sources: &[VertexId]) {
    let csr = CsrGraph::from_arcs(n, arcs).0;
    let fast = SweepGraph::from_arcs(n, arcs);
    let pg = to_petgraph(n, arcs);
    let mut ota = OneToAll::new(n);
    let mut plain = BinaryHeapDijkstra::default();
    let mut router = Dijkstra::new(n);
    let (mut radix, mut quad) = (RadixHeap::default(), QuadHeap::default());
    for &s in sources {
        let want = petgraph_distances(&pg, s);
        assert_eq!(plain.run(&csr, s), &want[..], "binary heap, source {s}");
        assert_eq!(ota.run(&fast, s), &want[..], "one-to-all, source {s}");
        assert_eq!(
            ota.settled(),
            want.iter().filter(|&&d| d != INFINITY).count()
        );
        assert_eq!(
            ota.run_with_queue(&fast, &[(s, 0)], &mut radix),
            &want[..],
            "radix heap, source {s}"
        );
        if fast.max_weight() <= BucketQueue::MAX_WEIGHT {
            let mut buckets = BucketQueue::default();
            buckets.prepare(fast.max_weight(), 0);
            assert_eq!(
                ota.run_with_queue(&fast, &[(s, 0)], &mut buckets),
                &want[..],
                "Dial buckets, source {s}"
            );
        }
        assert_eq!(
            ota.run_with_queue(&fast, &[(s, 0)], &mut quad),
            &want[..],
            "4-ary heap, source {s}"
        );
        router.run(&csr, &[(s, 0)]);
        for v in 0..n as VertexId {
            let d = want[v as usize];
            assert_eq!(
                router.distance(v),
                (d != INFINITY).then_some(d),
                "router {s}->{v}"
            );
        }
    }
}

#[test]
fn random_graphs_agree_with_petgraph_and_the_references() {
    let mut rng = SplitMix64::new(2024);
    for round in 0..60 {
        let n = 1 + rng.below(120) as usize;
        let m = rng.below(5 * n as u64) as usize;
        let max_w = [0, 1, 10, 1000, 16_383, 16_384, 1 << 20][round % 7];
        let arcs = random_graph(&mut rng, n, m, max_w);
        let sources: Vec<VertexId> = (0..3).map(|_| rng.below(n as u64) as VertexId).collect();
        check_all_methods(n, &arcs, &sources);
    }
}

#[test]
fn road_like_grid_agrees_with_petgraph_and_the_references() {
    let g = road_grid(100, 1); // ≈ 10k nodes
    assert!(g.num_vertices > 9_000);
    check_all_methods(g.num_vertices, &g.arcs, &pick_sources(g.num_vertices, 4));
}

#[test]
fn large_weights_use_the_radix_heap_and_agree() {
    let mut g = road_grid(50, 2);
    for a in &mut g.arcs {
        a.2 = a.2 * 1000 + 7; // beyond BucketQueue::MAX_WEIGHT
    }
    assert!(g.arcs.iter().any(|a| a.2 > BucketQueue::MAX_WEIGHT));
    check_all_methods(g.num_vertices, &g.arcs, &pick_sources(g.num_vertices, 3));
}

#[test]
fn multi_source_equals_a_super_source() {
    let mut rng = SplitMix64::new(7);
    for _ in 0..30 {
        let n = 2 + rng.below(80) as usize;
        let arcs = random_graph(&mut rng, n, 3 * n, 50);
        let k = 1 + rng.below(4) as usize;
        let sources: Vec<(VertexId, Weight)> = (0..k)
            .map(|_| (rng.below(n as u64) as VertexId, rng.below(40) as Weight))
            .collect();
        // Reference: a new vertex n with an arc of the initial distance to each source.
        let mut with_super = arcs.clone();
        with_super.extend(sources.iter().map(|&(s, d)| (n as VertexId, s, d)));
        let mut plain = BinaryHeapDijkstra::default();
        let want =
            plain.run(&CsrGraph::from_arcs(n + 1, &with_super).0, n as VertexId)[..n].to_vec();
        let mut ota = OneToAll::new(n);
        assert_eq!(
            ota.run_multi(&SweepGraph::from_arcs(n, &arcs), &sources),
            &want[..]
        );
    }
}

#[test]
fn bfs_renumbering_only_permutes_distances() {
    let g = road_grid(70, 3);
    let csr = g.to_csr();
    let order = csr.bfs_order();
    let mut seen = vec![false; order.len()];
    order.iter().for_each(|&v| seen[v as usize] = true);
    assert!(seen.iter().all(|&s| s), "bfs_order is a permutation");
    let permuted = SweepGraph::from_csr(&csr.permuted(&order));
    let plain = SweepGraph::from_csr(&csr);
    let (mut a, mut b) = (OneToAll::new(0), OneToAll::new(0));
    for s in pick_sources(g.num_vertices, 3) {
        let da = a.run(&plain, s).to_vec();
        let db = b.run(&permuted, order[s as usize]);
        for v in 0..da.len() {
            assert_eq!(da[v], db[order[v] as usize]);
        }
    }
}

#[test]
fn sweeps_give_identical_checksums_on_1_and_2_threads() {
    let g = road_grid(60, 9);
    let fast = SweepGraph::from_arcs(g.num_vertices, &g.arcs);
    let sources = pick_sources(g.num_vertices, 16);
    let strip = |t: usize| -> Vec<(VertexId, u64, u64)> {
        with_threads(t, || sweep_sources(&fast, &sources))
            .unwrap()
            .into_iter()
            .map(|r| (r.source, r.reached, r.distance_sum))
            .collect()
    };
    let one = strip(1);
    assert_eq!(one, strip(2));
    let mut ota = OneToAll::new(0);
    for (i, &s) in sources.iter().enumerate() {
        let (reached, sum) = checksum(ota.run(&fast, s));
        assert_eq!((s, reached, sum), one[i]);
        assert_eq!(reached as usize, g.num_vertices, "strongly connected");
    }
}

#[test]
fn memory_per_arc_of_graph_and_state() {
    let g = road_grid(100, 1);
    let fast = SweepGraph::from_arcs(g.num_vertices, &g.arcs);
    let per_arc = fast.memory_bytes() as f64 / fast.num_arcs() as f64;
    assert!(per_arc <= 12.0, "{per_arc} bytes per arc");
    let mut st = OneToAll::new(g.num_vertices);
    st.run(&fast, 0);
    // distances (4 B/vertex) + the queue's peak reservation: well under 12 B/arc.
    assert!(
        st.memory_bytes() < 12 * fast.num_arcs(),
        "{}",
        st.memory_bytes()
    );
    let mut q = BucketQueue::default();
    q.prepare(100, 0);
    assert_eq!(q.pop(), None);
}
