//! Robustness draws (`run --draws`): a goal that flips at a hand-computed
//! speed, draws against the full evaluation, re-weighting against
//! recompiling, determinism across threads and shards, and bad ranges.

use std::path::Path;
use std::process::{Command, Output};
use tongda_core::analysis::{evaluate, scenario_goals};
use tongda_core::graph::{Reweighter, RoutingGraph};
use tongda_core::robust::{self, Engine, Settings, Worker};
use tongda_core::scenario::{Edit, Scenario};
use tongda_core::Profile;

fn load(path: &str) -> Scenario {
    Scenario::load(Path::new(path)).expect("scenario loads")
}

fn tongda(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tongda"))
        .args(args)
        .output()
        .expect("tongda runs")
}

/// 成都 → 重庆 in-vehicle on 成渝中线 at design speed v: terminal 240 s plus
/// the ride, 292 km at 0.92 v rounded to whole seconds, i.e. 240 +
/// round(1 142 608.7 / v) s. Reports round minutes to one decimal, so the
/// goal (≤ 57.0 min) holds up to 3422 s (57.03 min; 3423 s is 57.05, shown
/// as 57.1): a ride of at most 3182 s, i.e. 1 142 608.7 / v < 3182.5, i.e.
/// v > 359.03 km/h.
const FLIP_KMH: f64 = 292.0 * 3600.0 / 0.92 / 3182.5;

#[test]
fn the_sweep_finds_the_hand_computed_flip_speed() {
    let sc = load("tests/fixtures/robust/mini-flip.toml");
    let goals = scenario_goals(&sc).expect("goals");
    let r = robust::robustness(
        &sc,
        &goals,
        &Settings {
            draws: 200,
            seed: 3,
        },
    );
    let g = &r.goals[0];
    let s = &g.sensitive_to[0];
    assert_eq!(s.input, "zhongxian_1.design_speed_kmh");
    assert_eq!((s.low, s.high), (340.0, 380.0));
    assert!(!s.pass_at_low && s.pass_at_high);
    let flip = s.flips_at.expect("the verdict flips inside the range");
    // The sweep reports the last failing speed to 0.1 km/h.
    assert!(
        (flip - FLIP_KMH).abs() <= 0.05,
        "flip at {flip}, expected {FLIP_KMH:.2}"
    );
    // At 350 km/h (the data's speed): 240 + 3265 s = 58.4 min, margin −1.4.
    let point = evaluate(&sc, &goals);
    assert!(!point[0].pass);
    assert_eq!(point[0].margin(), Some(-1.4));
}

#[test]
fn the_pass_share_is_the_share_of_the_range_above_the_flip() {
    // Latin hypercube draws put exactly one draw in each of n equal strata
    // of the range, so the draws above the flip are all strata above it,
    // plus possibly the one stratum that holds it.
    let sc = load("tests/fixtures/robust/mini-flip.toml");
    let goals = scenario_goals(&sc).expect("goals");
    for (n, seed) in [(200usize, 3u64), (101, 9)] {
        let r = robust::robustness(&sc, &goals, &Settings { draws: n, seed });
        let above = (380.0 - FLIP_KMH) / 40.0 * n as f64;
        let passing = (r.goals[0].pass_share * n as f64).round();
        assert!(
            passing == above.floor() || passing == above.ceil(),
            "{passing} of {n} draws pass, expected {above:.2} rounded down or up"
        );
        assert_eq!(r.goals[0].draws, n);
    }
}

#[test]
fn without_ranges_every_draw_gives_the_point_verdict() {
    let sc = load("tests/fixtures/scenarios/base-2030.toml");
    assert!(robust::inputs(&sc).is_empty());
    let goals = scenario_goals(&sc).expect("goals");
    let point = evaluate(&sc, &goals);
    let r = robust::robustness(&sc, &goals, &Settings { draws: 20, seed: 1 });
    for (g, p) in r.goals.iter().zip(&point) {
        assert_eq!(g.pass_share, if p.pass { 1.0 } else { 0.0 }, "{}", p.id);
        assert_eq!(g.margin_p5, p.margin(), "{}", p.id);
        assert_eq!(g.margin_p95, p.margin(), "{}", p.id);
        assert!(g.sensitive_to.is_empty(), "{}", p.id);
    }
}

#[test]
fn draw_outcomes_at_the_point_values_equal_the_full_evaluation() {
    // The draws' fast path (one search per origin, no paths) against the
    // full evaluation (the router, with legs), on every shipped scenario.
    let mut files: Vec<_> = std::fs::read_dir("scenarios")
        .expect("scenarios/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && !p.ends_with("goals.toml"))
        .collect();
    files.sort();
    files.push("tests/fixtures/scenarios/base-2030.toml".into());
    for f in files {
        let sc = Scenario::load(&f).expect("loads");
        let goals = scenario_goals(&sc).expect("goals");
        let engine = Engine::new(&sc, &goals, robust::inputs(&sc));
        let fast = engine.evaluate(&vec![None; engine.inputs().len()], &mut Worker::default());
        for (full, fast) in evaluate(&sc, &goals).iter().zip(&fast) {
            assert_eq!(
                (full.pass, full.margin()),
                (fast.pass, fast.margin),
                "{} {}",
                f.display(),
                full.id
            );
        }
    }
}

#[test]
fn reweighting_equals_recompiling_the_edited_network() {
    // The oracle: a set_speed edit compiled from scratch.
    let sc = load("scenarios/plan-2027.toml");
    let edited = sc
        .derive(&[Edit::SetSpeed {
            project: Some("chengyu_zhongxian".into()),
            links: vec![],
            design_speed_kmh: Some(383.0),
            operating_speed_kmh: None,
        }])
        .expect("edit resolves");
    let spec = sc.graph_spec(Profile::Passenger);
    let mut g = RoutingGraph::compile(&sc.network, &sc.time_model, &spec);
    let rw = Reweighter::new(&g, &sc.network, &sc.time_model);
    let point = g.csr.clone();
    rw.apply(&mut g, &|i| &sc.network.links[i as usize], &sc.time_model);
    assert_eq!(
        g.csr.raw(),
        point.raw(),
        "the point values give the compiled weights"
    );
    rw.apply(
        &mut g,
        &|i| &edited.network.links[i as usize],
        &sc.time_model,
    );
    let oracle = RoutingGraph::compile(&edited.network, &sc.time_model, &spec);
    assert_eq!(g.csr.raw(), oracle.csr.raw());
    assert_ne!(g.csr.raw(), point.raw());
    // A cruise fraction: the time model's, recompiled.
    let mut tm = sc.time_model.clone();
    if let Some(m) = tm.passenger.modes.get_mut(&tongda_core::model::Mode::Hsr) {
        m.cruise_fraction = 0.8;
    }
    rw.apply(&mut g, &|i| &sc.network.links[i as usize], &tm);
    assert_eq!(
        g.csr.raw(),
        RoutingGraph::compile(&sc.network, &tm, &spec).csr.raw()
    );
    // Locomotive-hauled services' own cruise fraction and cap: their
    // segments are re-weighted with them, not with their links' modes.
    let conventional = tm.passenger.modes[&tongda_core::model::Mode::ConventionalRail];
    tm.passenger.locomotive = Some(conventional);
    let mut g = RoutingGraph::compile(&sc.network, &tm, &spec);
    let rw = Reweighter::new(&g, &sc.network, &tm);
    tm.passenger.locomotive = Some(tongda_core::timemodel::ModeParams {
        cruise_fraction: 0.6,
        max_speed_kmh: Some(120.0),
        ..conventional
    });
    let loco = RoutingGraph::compile(&sc.network, &tm, &spec);
    assert_ne!(loco.csr.raw(), g.csr.raw(), "the region has such services");
    rw.apply(&mut g, &|i| &sc.network.links[i as usize], &tm);
    assert_eq!(g.csr.raw(), loco.csr.raw());
}

#[test]
fn draws_are_byte_identical_at_any_thread_count_and_merged_shards_equal_the_run() {
    let dir = std::env::temp_dir().join(format!("tongda-draws-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let sc = "tests/fixtures/robust/mini-flip.toml";
    let out = |name: &str| dir.join(name).display().to_string();
    for t in ["1", "2"] {
        let o = tongda(&[
            "--threads",
            t,
            "run",
            sc,
            "--out",
            &out(t),
            "--draws",
            "60",
            "--seed",
            "5",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let o = tongda(&[
            "run",
            sc,
            "--out",
            &out(&format!("s{k}")),
            "--draws",
            "60",
            "--seed",
            "5",
            "--shard",
            &shard,
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let o = tongda(&[
        "run",
        sc,
        "--out",
        &out("m"),
        "--merge",
        &out("s1"),
        &out("s2"),
        &out("s3"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for f in ["report.json", "report.md", "draws.csv", "report.html"] {
        let a = std::fs::read(dir.join("1").join(f)).expect("written");
        assert_eq!(
            a,
            std::fs::read(dir.join("2").join(f)).expect("written"),
            "{f}: 1 vs 2 threads"
        );
        assert_eq!(
            a,
            std::fs::read(dir.join("m").join(f)).expect("written"),
            "{f}: merged shards"
        );
    }
    // A missing shard is an error, not a smaller run.
    let o = tongda(&[
        "run",
        sc,
        "--out",
        &out("m2"),
        "--merge",
        &out("s1"),
        &out("s3"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("20 of 60 draws are missing (first: draw 1)"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn without_draws_the_report_has_no_robustness() {
    let dir = std::env::temp_dir().join(format!("tongda-nodraws-{}", std::process::id()));
    let o = tongda(&[
        "run",
        "tests/fixtures/robust/mini-flip.toml",
        "--out",
        &dir.display().to_string(),
    ]);
    assert!(o.status.success());
    let json = std::fs::read_to_string(dir.join("report.json")).expect("written");
    assert!(!json.contains("robustness") && !json.contains("\"draws\""));
    assert!(!dir.join("draws.csv").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_ranges_are_refused_with_the_problem_and_the_fix() {
    let base = std::fs::read_to_string("tests/fixtures/robust/mini-flip.toml").expect("fixture");
    let cases = [
        (
            "design_speed_kmh_range = [340, 380]",
            "design_speed_kmh_range = [380, 340]",
            "`design_speed_kmh_range` = [380, 340]: low is above high",
        ),
        (
            "design_speed_kmh_range = [340, 380]",
            "design_speed_kmh_range = [360, 380]",
            "`design_speed_kmh_range` = [360, 380] does not contain the data's `design_speed_kmh` = 350",
        ),
        (
            "design_speed_kmh_range = [340, 380]",
            "design_speed_kmh_range = [0, 380]",
            "`design_speed_kmh_range` = [0, 380] holds a value that is not plausible",
        ),
        (
            "links = [\"zhongxian_1\"]",
            "links = [\"zhongxian_9\"]",
            "unknown link \"zhongxian_9\" (closest: zhongxian_1)",
        ),
        (
            "design_speed_kmh_range = [340, 380]",
            "design_speed_kmh_rang = [340, 380]",
            "unknown key `design_speed_kmh_rang`, did you mean `design_speed_kmh_range`?",
        ),
    ];
    let dir = std::env::temp_dir().join(format!("tongda-badrange-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let goals = std::fs::canonicalize("tests/fixtures/robust/goals-flip.toml").expect("goals");
    let mini = std::fs::canonicalize("tests/fixtures/mini").expect("mini");
    for (from, to, message) in cases {
        let text = base
            .replace(from, to)
            .replace("\"../mini\"", &format!("{:?}", mini.display().to_string()))
            .replace(
                "\"goals-flip.toml\"",
                &format!("{:?}", goals.display().to_string()),
            );
        let file = dir.join("bad.toml");
        std::fs::write(&file, text).expect("write");
        let o = tongda(&[
            "run",
            &file.display().to_string(),
            "--out",
            &dir.join("out").display().to_string(),
            "--draws",
            "5",
        ]);
        assert_eq!(o.status.code(), Some(2), "{to}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(message), "{to}: {err}");
        assert!(err.contains("bad.toml"), "names the file: {err}");
        assert!(!dir.join("out").exists(), "nothing written");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
