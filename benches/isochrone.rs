//! Isochrones on the region (`scenarios/plan-2030.toml`, passenger,
//! door-to-door, 1 km cells, 30/60/90/120 min): one isochrone from Chengdu
//! (with and without writing the GeoJSON text), and the batch of all cities
//! on rayon's pool, as `tongda isochrones --origins cities` runs it (without
//! the file writes). Falls back to the mini fixture if the region's geodata
//! does not load.
//!
//! Run: `cargo bench --bench isochrone`.

use criterion::{criterion_group, criterion_main, Criterion};
use rayon::prelude::*;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;
use tongda_core::graph::RoutingGraph;
use tongda_core::iso::{
    render, IsoEngine, IsoMeta, IsoParams, Minutes, Origin, OriginSpec, OutputCrs,
};
use tongda_core::scenario::Scenario;
use tongda_core::Measure;

fn scenario() -> (Scenario, &'static str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (file, name) in [
        ("scenarios/plan-2030.toml", "region plan-2030"),
        ("tests/fixtures/scenarios/base-2030.toml", "mini fixture"),
    ] {
        if let Ok(sc) = Scenario::load(&root.join(file)) {
            return (sc, name);
        }
    }
    panic!("neither scenarios/plan-2030.toml nor the mini fixture loads");
}

fn isochrones(c: &mut Criterion) {
    let (sc, name) = scenario();
    let profile = sc.spec.profile;
    let g = RoutingGraph::compile(&sc.network, &sc.time_model, &sc.graph_spec(profile));
    let params = IsoParams::default();
    let engine = IsoEngine::new(&sc.network, &g, &sc.time_model, Measure::DoorToDoor, params)
        .expect("engine");
    let minutes: Minutes = "30,60,90,120".parse().expect("minutes");
    let chengdu =
        Origin::resolve(&OriginSpec::Name("chengdu".into()), &sc.network).expect("chengdu");
    let cities = Origin::set(&sc.network, "cities").expect("cities");
    let meta = IsoMeta {
        scenario: sc.spec.name.clone(),
        year: sc.spec.year,
        profile,
        measure: Measure::DoorToDoor,
    };
    let crs = OutputCrs::wgs84();
    let grid = engine.grid();
    eprintln!(
        "{name}: {} nodes, {} cities, grid {} × {} = {} cells of {} km, {} rayon threads",
        sc.network.nodes.len(),
        cities.len(),
        grid.nx,
        grid.ny,
        grid.len(),
        params.cell_km,
        rayon::current_num_threads()
    );

    let mut group = c.benchmark_group("isochrone");
    group.measurement_time(Duration::from_secs(5));
    group.sample_size(30);
    let mut ws = engine.workspace();
    group.bench_function("one/chengdu", |b| {
        b.iter(|| {
            let iso = engine
                .compute(std::slice::from_ref(&chengdu), &minutes, &mut ws)
                .expect("isochrone");
            black_box(iso.bands.len())
        })
    });
    let rp = crs.reprojector().expect("wgs84");
    group.bench_function("one/chengdu+geojson", |b| {
        b.iter(|| {
            let iso = engine
                .compute(std::slice::from_ref(&chengdu), &minutes, &mut ws)
                .expect("isochrone");
            let text = render(&iso, &meta, &params, &crs, &rp, &sc.network).expect("render");
            black_box(text.len())
        })
    });
    group.finish();

    let mut group = c.benchmark_group("isochrones");
    group.measurement_time(Duration::from_secs(8));
    group.sample_size(10);
    group.bench_function("batch/cities+geojson", |b| {
        b.iter(|| {
            let bytes: usize = cities
                .par_iter()
                .map_init(
                    || (engine.workspace(), crs.reprojector().expect("wgs84")),
                    |(ws, rp), o| {
                        let iso = engine
                            .compute(std::slice::from_ref(o), &minutes, ws)
                            .expect("isochrone");
                        render(&iso, &meta, &params, &crs, rp, &sc.network)
                            .expect("render")
                            .len()
                    },
                )
                .sum();
            black_box(bytes)
        })
    });
    group.finish();
}

criterion_group!(benches, isochrones);
criterion_main!(benches);
