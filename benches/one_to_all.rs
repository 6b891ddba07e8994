//! One-to-all shortest paths on road-like synthetic graphs (≈10k, 100k, 1M
//! nodes; `tongda gen-graph --side 100|316|1000 --seed 1`): tongda's
//! optimized Dijkstra against `petgraph::algo::dijkstra` on a `DiGraph` and a
//! straightforward CSR + `BinaryHeap` Dijkstra, in the same group; the queue
//! variants (4-ary heap, radix heap, Dial buckets); PHAST on a contraction
//! hierarchy (single tree and 8 trees per sweep); and 1 → 2 thread scaling of
//! a many-source sweep.
//!
//! Run: `cargo bench --bench one_to_all` (add `-- grid_100k` to filter).
//! The 1M-node hierarchy takes minutes to build: set TONGDA_BENCH_CH_1M=1 to
//! include PHAST in the 1M group.

#[path = "common/mod.rs"]
mod common;

use common::{pick_sources, to_petgraph, BinaryHeapDijkstra};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use std::hint::black_box;
use std::time::{Duration, Instant};
use tongda_cli::pool::with_threads;
use tongda_sssp::ch::{ContractionHierarchy, Phast, PhastBatch, LANES};
use tongda_sssp::sweep::{checksum, sweep_sources, BucketQueue, OneToAll, RadixHeap, SweepGraph};
use tongda_sssp::synth::road_grid;
use tongda_sssp::QuadHeap;

const SOURCES: usize = 16;

fn bench_grid(c: &mut Criterion, side: usize, label: &str, with_ch: bool) {
    let g = road_grid(side, 1);
    let n = g.num_vertices;
    let csr = g.to_csr();
    let fast = SweepGraph::from_arcs(n, &g.arcs);
    let pg = to_petgraph(n, &g.arcs);
    let sources = pick_sources(n, SOURCES);
    eprintln!(
        "{label}: {n} nodes, {} arcs; graph {:.2} bytes/arc; max weight {} s",
        g.arcs.len(),
        fast.memory_bytes() as f64 / g.arcs.len() as f64,
        fast.max_weight()
    );

    let mut group = c.benchmark_group(format!("one_to_all/{label}"));
    if n > 500_000 {
        group.sample_size(10);
        group.sampling_mode(SamplingMode::Flat);
        group.warm_up_time(Duration::from_secs(2));
        group.measurement_time(Duration::from_secs(8));
    } else {
        group.sample_size(20);
        group.measurement_time(Duration::from_secs(4));
    }

    let mut i = 0;
    let mut ota = OneToAll::new(n);
    group.bench_function("tongda", |b| {
        b.iter(|| {
            i += 1;
            black_box(checksum(ota.run(&fast, sources[i % SOURCES])))
        })
    });
    let mut plain = BinaryHeapDijkstra::default();
    group.bench_function("csr_binary_heap", |b| {
        b.iter(|| {
            i += 1;
            black_box(checksum(plain.run(&csr, sources[i % SOURCES])))
        })
    });
    group.bench_function("petgraph", |b| {
        b.iter(|| {
            i += 1;
            let s = petgraph::graph::NodeIndex::new(sources[i % SOURCES] as usize);
            black_box(petgraph::algo::dijkstra(&pg, s, None, |e| *e.weight()).len())
        })
    });
    // The queue alone, everything else equal.
    let mut quad = QuadHeap::default();
    group.bench_function("tongda_4ary_heap", |b| {
        b.iter(|| {
            i += 1;
            black_box(checksum(ota.run_with_queue(
                &fast,
                &[(sources[i % SOURCES], 0)],
                &mut quad,
            )))
        })
    });
    let mut radix = RadixHeap::default();
    group.bench_function("tongda_radix_heap", |b| {
        b.iter(|| {
            i += 1;
            black_box(checksum(ota.run_with_queue(
                &fast,
                &[(sources[i % SOURCES], 0)],
                &mut radix,
            )))
        })
    });
    let mut buckets = BucketQueue::default();
    group.bench_function("tongda_dial_buckets", |b| {
        b.iter(|| {
            i += 1;
            buckets.prepare(fast.max_weight(), 0);
            black_box(checksum(ota.run_with_queue(
                &fast,
                &[(sources[i % SOURCES], 0)],
                &mut buckets,
            )))
        })
    });
    // Vertex order: the same graph with ids shuffled, then renumbered by BFS.
    let shuffled_order = shuffled(n);
    let shuffled_csr = csr.permuted(&shuffled_order);
    let shuffled_fast = SweepGraph::from_csr(&shuffled_csr);
    let bfs = shuffled_csr.bfs_order();
    let renumbered = SweepGraph::from_csr(&shuffled_csr.permuted(&bfs));
    group.bench_function("tongda_shuffled_ids", |b| {
        b.iter(|| {
            i += 1;
            let s = shuffled_order[sources[i % SOURCES] as usize];
            black_box(checksum(ota.run(&shuffled_fast, s)))
        })
    });
    group.bench_function("tongda_shuffled_then_bfs_renumbered", |b| {
        b.iter(|| {
            i += 1;
            let s = bfs[shuffled_order[sources[i % SOURCES] as usize] as usize];
            black_box(checksum(ota.run(&renumbered, s)))
        })
    });

    if with_ch {
        let t = Instant::now();
        let ch = ContractionHierarchy::build(n, &g.arcs);
        eprintln!(
            "{label}: contraction hierarchy in {:.2} s, {} shortcuts, {} levels, {:.1} bytes/original arc",
            t.elapsed().as_secs_f64(),
            ch.num_shortcuts(),
            ch.num_levels(),
            ch.memory_bytes() as f64 / g.arcs.len() as f64
        );
        let mut phast = Phast::new(&ch);
        group.bench_function("phast", |b| {
            b.iter(|| {
                i += 1;
                black_box(checksum(phast.run(&ch, sources[i % SOURCES])))
            })
        });
        let mut batch = PhastBatch::new(&ch);
        group.bench_function(BenchmarkId::new("phast_batch_per_8_sources", LANES), |b| {
            b.iter(|| {
                i += 1;
                let k = (i * LANES) % SOURCES;
                batch.run(&ch, &sources[k..k + LANES]);
                black_box(batch.checksums())
            })
        });
    }
    group.finish();

    // Thread scaling of a sweep over all 16 sources.
    let mut group = c.benchmark_group(format!("sweep_16_sources/{label}"));
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(if n > 500_000 { 10 } else { 3 }));
    for threads in [1, 2] {
        group.bench_function(BenchmarkId::new("threads", threads), |b| {
            // The pool is made outside the timed part.
            b.iter_custom(|iters| {
                with_threads(threads, || {
                    let t = Instant::now();
                    for _ in 0..iters {
                        black_box(sweep_sources(&fast, &sources).len());
                    }
                    t.elapsed()
                })
                .expect("thread pool")
            })
        });
    }
    group.finish();
}

/// A deterministic random permutation (Fisher–Yates with SplitMix64).
fn shuffled(n: usize) -> Vec<u32> {
    let mut p: Vec<u32> = (0..n as u32).collect();
    let mut rng = tongda_sssp::synth::SplitMix64::new(99);
    for i in (1..n).rev() {
        p.swap(i, rng.below(i as u64 + 1) as usize);
    }
    p
}

fn grid_10k(c: &mut Criterion) {
    bench_grid(c, 100, "grid_10k", true);
}
fn grid_100k(c: &mut Criterion) {
    bench_grid(c, 316, "grid_100k", true);
}
fn grid_1m(c: &mut Criterion) {
    let ch = std::env::var_os("TONGDA_BENCH_CH_1M").is_some();
    bench_grid(c, 1000, "grid_1m", ch);
}

criterion_group!(benches, grid_10k, grid_100k, grid_1m);
criterion_main!(benches);
