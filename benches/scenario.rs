//! Scenario work at region scale: one `tongda run`, and `tongda rank` over every
//! candidate project of plan-2027, with all cores and with one, against a naive
//! rank that re-reads the geodata for every candidate (what `Scenario::derive`
//! avoids). Run: `cargo bench --bench scenario`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use tongda_core::analysis::{candidates, evaluate, rank, scenario_goals, RankAction};
use tongda_core::report::run;
use tongda_core::scenario::{Edit, Scenario};

fn bench(c: &mut Criterion) {
    let sc = Scenario::load("scenarios/plan-2027.toml".as_ref()).expect("plan-2027 loads");
    let goals = scenario_goals(&sc).expect("goals");
    let mut list: Vec<(String, RankAction)> = Vec::new();
    for a in [RankAction::Add, RankAction::Remove] {
        list.extend(candidates(&sc, a).into_iter().map(|p| (p, a)));
    }
    let n = list.len();

    let mut g = c.benchmark_group("scenario");
    g.sample_size(10);
    g.bench_function("run plan-2027 (goals + place skims)", |b| {
        b.iter(|| black_box(run(&sc).expect("runs")))
    });
    g.bench_function(format!("rank plan-2027, {n} candidates, all cores"), |b| {
        b.iter(|| black_box(rank(&sc, &goals, &list).expect("ranks")))
    });
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    g.bench_function(format!("rank plan-2027, {n} candidates, 1 thread"), |b| {
        b.iter(|| one.install(|| black_box(rank(&sc, &goals, &list).expect("ranks"))))
    });
    // Baseline: what each candidate costs if its scenario is rebuilt from the files.
    let first8: Vec<(String, RankAction)> = list.iter().take(8).cloned().collect();
    g.bench_function("rank 8 candidates, derived in memory", |b| {
        b.iter(|| one.install(|| black_box(rank(&sc, &goals, &first8).expect("ranks"))))
    });
    g.bench_function(
        "rank 8 candidates, naive: reload the files per candidate",
        |b| {
            b.iter(|| {
                for (p, a) in &first8 {
                    let mut spec = sc.spec.clone();
                    spec.edits.push(match a {
                        RankAction::Add => Edit::OpenProject {
                            project: p.clone(),
                            year: Some(spec.year),
                        },
                        RankAction::Remove => Edit::RemoveProject { project: p.clone() },
                    });
                    let s = Scenario::build(spec, &sc.file).expect("builds");
                    black_box(evaluate(&s, &goals));
                    black_box(tongda_core::analysis::accessibility(
                        &s,
                        &["chengdu", "chongqing"],
                    ));
                }
            })
        },
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
