//! The region network (`geodata/`, passenger profile, 2024): one-to-all from
//! a place and the many-to-many place × place skim, tongda against petgraph
//! on the same compiled graph. Falls back to the `tests/fixtures/mini`
//! network if `geodata/` does not load.
//!
//! Run: `cargo bench --bench region`.

#[path = "common/mod.rs"]
mod common;

use common::{to_petgraph, BinaryHeapDijkstra};
use criterion::{criterion_group, criterion_main, Criterion};
use petgraph::graph::NodeIndex;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;
use tongda_cli::pool::with_threads;
use tongda_core::graph::{GraphSpec, RoutingGraph};
use tongda_core::io::load_geodata;
use tongda_core::skim::Skim;
use tongda_core::{Measure, Network, Profile, TimeModel};
use tongda_sssp::sweep::{checksum, OneToAll, SweepGraph};
use tongda_sssp::Dijkstra;

fn network() -> (Network, &'static str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (dir, name) in [
        ("geodata", "region"),
        ("tests/fixtures/mini", "mini fixture"),
    ] {
        if let Ok(net) = load_geodata(&root.join(dir)).and_then(|r| r.into_network()) {
            return (net, name);
        }
    }
    panic!("neither geodata/ nor tests/fixtures/mini loads");
}

fn region(c: &mut Criterion) {
    let (net, name) = network();
    let tm = TimeModel::default();
    let g = RoutingGraph::compile(&net, &tm, &GraphSpec::new(Profile::Passenger, 2024));
    let n = g.csr.num_vertices();
    let places: Vec<u32> = (0..net.nodes.len() as u32)
        .filter(|&i| net.nodes[i as usize].kind.is_place())
        .collect();
    let (first, head, weight) = g.csr.raw();
    let arcs: Vec<_> = (0..n)
        .flat_map(|v| {
            (first[v]..first[v + 1]).map(move |a| (v as u32, head[a as usize], weight[a as usize]))
        })
        .collect();
    eprintln!(
        "{name}: {} places, routing graph {n} vertices, {} arcs",
        places.len(),
        arcs.len()
    );
    let fast = SweepGraph::from_csr(&g.csr);
    let pg = to_petgraph(n, &arcs);

    let mut group = c.benchmark_group("region/one_to_all");
    group.measurement_time(Duration::from_secs(3));
    let mut i = 0;
    let mut ota = OneToAll::new(n);
    group.bench_function("tongda", |b| {
        b.iter(|| {
            i += 1;
            black_box(checksum(ota.run(&fast, places[i % places.len()])))
        })
    });
    let mut router = Dijkstra::new(n);
    group.bench_function("tongda_router_dijkstra", |b| {
        b.iter(|| {
            i += 1;
            router.run(&g.csr, &[(places[i % places.len()], 0)]);
            black_box(router.settled())
        })
    });
    let mut plain = BinaryHeapDijkstra::default();
    group.bench_function("csr_binary_heap", |b| {
        b.iter(|| {
            i += 1;
            black_box(checksum(plain.run(&g.csr, places[i % places.len()])))
        })
    });
    group.bench_function("petgraph", |b| {
        b.iter(|| {
            i += 1;
            let s = NodeIndex::new(places[i % places.len()] as usize);
            black_box(petgraph::algo::dijkstra(&pg, s, None, |e| *e.weight()).len())
        })
    });
    group.finish();

    // Place × place door-to-door skim (a place's door-to-door endpoint is its own vertex).
    let mut group = c.benchmark_group("region/skim_places");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(4));
    group.bench_function("tongda_skim_1_thread", |b| {
        b.iter(|| {
            with_threads(1, || {
                black_box(Skim::compute(&g, &places, &places, Measure::DoorToDoor))
            })
        })
    });
    group.bench_function("tongda_one_to_all_1_thread", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(places.len() * places.len());
            for &o in &places {
                let d = ota.run(&fast, o);
                out.extend(places.iter().map(|&t| d[t as usize]));
            }
            black_box(out)
        })
    });
    group.bench_function("petgraph_1_thread", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(places.len() * places.len());
            for &o in &places {
                let d = petgraph::algo::dijkstra(&pg, NodeIndex::new(o as usize), None, |e| {
                    *e.weight()
                });
                out.extend(
                    places
                        .iter()
                        .map(|t| d.get(&NodeIndex::new(*t as usize)).copied()),
                );
            }
            black_box(out)
        })
    });
    group.finish();
}

criterion_group!(benches, region);
criterion_main!(benches);
