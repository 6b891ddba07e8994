//! Robustness draws at region scale: every goal of plan-2027 under joint
//! draws of its uncertain inputs, on graphs re-weighted in place, against
//! the same draws with every graph compiled again for each draw (what
//! re-weighting avoids). Run: `cargo bench --bench draws`.

use criterion::{criterion_group, criterion_main, Criterion};
use rayon::prelude::*;
use std::hint::black_box;
use tongda_core::analysis::scenario_goals;
use tongda_core::robust::{self, draw_values, Engine, Plan, Settings, Worker};
use tongda_core::scenario::Scenario;

fn bench(c: &mut Criterion) {
    let sc = Scenario::load("scenarios/plan-2027.toml".as_ref()).expect("plan-2027 loads");
    let goals = scenario_goals(&sc).expect("goals");
    let inputs = robust::inputs(&sc);
    let mut g = c.benchmark_group("draws");
    g.sample_size(10);
    for n in [100usize, 1000] {
        let settings = Settings { draws: n, seed: 1 };
        let all: Vec<usize> = (0..n).collect();
        g.bench_function(
            format!("plan-2027, every goal, {n} draws, re-weighted"),
            |b| {
                b.iter(|| {
                    let engine = Engine::new(&sc, &goals, inputs.clone());
                    black_box(robust::run_draws(&engine, &settings, &all))
                })
            },
        );
    }
    // Baseline: a fresh engine per draw compiles every graph it routes on.
    let n = 100;
    let plan = Plan::new(inputs.len(), n, 1);
    g.bench_function(
        format!("plan-2027, every goal, {n} draws, recompiled per draw"),
        |b| {
            b.iter(|| {
                let out: Vec<_> = (0..n)
                    .into_par_iter()
                    .map(|i| {
                        let engine = Engine::new(&sc, &goals, inputs.clone());
                        engine.evaluate(&draw_values(&inputs, &plan, i), &mut Worker::default())
                    })
                    .collect();
                black_box(out)
            })
        },
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
