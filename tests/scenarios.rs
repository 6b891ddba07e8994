//! Scenarios, goals, compare and rank on the mini fixture, whose time model
//! is pinned in tests/fixtures/mini/timemodel.toml. Expected minutes are
//! computed by hand in the comments (formulas: README "Time model").

use std::path::Path;
use tongda_core::analysis::{accessibility, compare, evaluate, rank, scenario_goals, RankAction};
use tongda_core::goal::{Details, GoalResult};
use tongda_core::graph::RoutingGraph;
use tongda_core::scenario::{Edit, Scenario};
use tongda_core::skim::Skim;
use tongda_core::{Measure, Profile};

fn load(name: &str) -> Scenario {
    Scenario::load(&Path::new("tests/fixtures/scenarios").join(format!("{name}.toml")))
        .expect("fixture scenario loads")
}

fn goals(sc: &Scenario) -> Vec<GoalResult> {
    evaluate(sc, &scenario_goals(sc).expect("goals"))
}

fn goal<'a>(rs: &'a [GoalResult], id: &str) -> &'a GoalResult {
    rs.iter().find(|g| g.id == id).expect("goal present")
}

/// Skims of all nodes for every profile and both measures.
fn all_skims(sc: &Scenario) -> Vec<Skim> {
    let nodes: Vec<u32> = (0..sc.network.nodes.len() as u32).collect();
    let mut out = Vec::new();
    for p in Profile::ALL {
        let g = RoutingGraph::compile(&sc.network, &sc.time_model, &sc.graph_spec(p));
        for m in Measure::ALL {
            out.push(Skim::compute(&g, &nodes, &nodes, m));
        }
    }
    out
}

/// Every cell of `after` compared with `before` by `ok(before, after)`; unreachable = ∞.
fn every_cell(before: &[Skim], after: &[Skim], ok: impl Fn(u64, u64) -> bool) -> bool {
    let inf = |v: Option<u32>| v.map_or(u64::MAX, u64::from);
    before.iter().zip(after).all(|(b, a)| {
        b.seconds
            .iter()
            .zip(&a.seconds)
            .all(|(x, y)| ok(inf(*x), inf(*y)))
    })
}

/// The fastest passenger route between two nodes of a scenario.
fn route(sc: &Scenario, from: &str, to: &str, measure: Measure) -> tongda_core::route::Route {
    let g = RoutingGraph::compile(
        &sc.network,
        &sc.time_model,
        &sc.graph_spec(Profile::Passenger),
    );
    let mut r = tongda_core::route::Router::new(&sc.network, &g);
    let (a, b) = (
        sc.network.resolve(from).expect("from"),
        sc.network.resolve(to).expect("to"),
    );
    r.route(a, b, measure).expect("reachable")
}

#[test]
fn pair_goal_fails_in_2024_and_passes_when_the_central_line_opens() {
    // 2024: 成渝高铁 90 + 1827 + 1916 s = 63.9 min; 2030: 成渝中线 90 + 3415 s = 58.4 min.
    let r24 = goals(&load("base-2024"));
    let f1 = goal(&r24, "F1");
    assert!(!f1.pass);
    assert_eq!(f1.pairs.len(), 2);
    assert_eq!(f1.pairs[0].in_vehicle_min, Some(63.9));
    assert_eq!(f1.pairs[0].door_to_door_min, Some(138.9));
    assert_eq!(f1.pairs[0].margin_min, Some(-3.9));
    let b = f1.pairs[0]
        .bottleneck
        .as_ref()
        .expect("a failing pair names its bottleneck");
    assert_eq!(b.name_zh, "成渝高铁");
    let r30 = goals(&load("base-2030"));
    let f1 = goal(&r30, "F1");
    assert!(f1.pass);
    assert_eq!(f1.value, Some(58.4));
    let relies: Vec<&str> = f1.pairs[0]
        .relies_on
        .iter()
        .map(|p| p.project.as_str())
        .collect();
    assert_eq!(relies, ["chengyu_zhongxian"]);
}

#[test]
fn hub_to_set_reports_any_and_all() {
    // 成都→遂宁 60 + 2960 + 120 = 3140 s = 52.3; 重庆→遂宁 60 + 3200 + 120 = 3380 s = 56.3;
    // 成都→内江 32.0; 重庆→内江 33.4. Any: worst best-hub time 52.3.
    let r = goals(&load("base-2024"));
    let f2 = goal(&r, "F2");
    assert!(f2.pass);
    assert_eq!((f2.pass_any, f2.pass_all), (Some(true), Some(true)));
    let minutes: Vec<Option<f64>> = f2.pairs.iter().map(|p| p.minutes).collect();
    assert_eq!(minutes, [Some(52.3), Some(56.3), Some(32.0), Some(33.4)]);
    assert_eq!(f2.value, Some(52.3));
}

#[test]
fn within_set_by_road_door_to_door() {
    // 5 min + 24 km at 0.85 × 120 km/h (847 s) + 5 min = 1447 s = 24.1 min each way.
    let r = goals(&load("base-2024"));
    let f3 = goal(&r, "F3");
    assert!(f3.pass);
    let m: Vec<Option<f64>> = f3.pairs.iter().map(|p| p.minutes).collect();
    assert_eq!(m, [Some(24.1), Some(24.1)]);
}

#[test]
fn coverage_counts_population_units_within_the_threshold() {
    // Car from 成都: 遂宁 93.3, 安居 106.7, 内江 101.7 min (≤ 120); 重庆 182.2 min (> 120).
    // Units: 成都 20 937 757, 重庆 10 340 000, 遂宁 2 334 196 (2 814 196 − 安居 480 000),
    // 内江 3 140 678, 安居 480 000 → covered 26 892 631 / 37 232 631 = 72.2 %.
    let r = goals(&load("base-2024"));
    let f4 = goal(&r, "F4");
    assert!(f4.pass);
    assert_eq!(f4.value, Some(0.722));
    let Details::Coverage(d) = &f4.details else {
        panic!("F4 is a coverage goal: {:?}", f4.details)
    };
    assert_eq!(d.population_total, 37_232_631);
    assert_eq!(d.population_covered, 26_892_631);
}

#[test]
fn freight_route_through_via_and_its_alternative() {
    // Trucks 0.8 × min(120, 90) = 72 km/h, 30 min at each road end:
    // 成都→遂宁 1800 + 7500 + 1800 s = 185.0 min; 遂宁→重庆 1800 + 8000 + 1800 = 193.3 min.
    // Alternative 成都→重庆 direct by expressway: 1800 + 310/72 h (15 500 s) + 1800 = 318.3 min.
    let r = goals(&load("base-2024"));
    let f5 = goal(&r, "F5");
    assert!(f5.pass);
    assert_eq!(f5.value, Some(378.3));
    let Details::FreightRoute(d) = &f5.details else {
        panic!("F5 is a freight-route goal: {:?}", f5.details)
    };
    assert_eq!(d.alternative_min, Some(318.3));
}

#[test]
fn inventory_goal_counts_half_of_cross_border_links() {
    // cq HSR: 成渝高铁 内江北–沙坪坝 158/2 + 成遂渝 (200 km/h intercity) 遂宁–重庆北 160/2 = 159 km;
    // + 成渝中线 292/2 = 146 from 2027.
    let r = goals(&load("base-2024"));
    let f6 = goal(&r, "F6");
    assert!(f6.pass);
    assert_eq!(inventory_km(f6), 159.0);
    let r = goals(&load("base-2030"));
    assert_eq!(inventory_km(goal(&r, "F6")), 305.0);
}

/// The data's km of an inventory goal's first target, rounded as report.json shows it.
fn inventory_km(g: &GoalResult) -> f64 {
    let Details::Inventory(d) = &g.details else {
        panic!("{} is an inventory goal: {:?}", g.id, g.details)
    };
    tongda_core::units::round1(d.targets[0].data_km)
}

#[test]
fn each_edit_reports_what_it_did() {
    assert_eq!(
        load("no-central-line").edit_reports,
        ["removed 1 link(s) of project chengyu_zhongxian (成渝中线高铁)"]
    );
    assert_eq!(
        load("slow-central-line").edit_reports,
        ["design speed 350→250 km/h on 1 link(s) of project chengyu_zhongxian"]
    );
    assert_eq!(
        load("new-intercity").edit_reports,
        [
            "added 1 link(s) from inline: neijiang_cq_intercity",
            "access 重庆 ↔ 重庆北: 25→15 min"
        ]
    );
    assert_eq!(
        load("open-early").edit_reports,
        ["opened project chengyu_zhongxian (1 link(s)) in 2024; was under_construction 2027"]
    );
}

#[test]
fn edits_change_the_times_by_hand_computed_amounts() {
    // slow: 292 km at 0.92 × 250 = 230 km/h = 4570.4 + 150 → 4720 + 90 = 4810 s = 80.2 min > 63.9: the HSR wins again.
    assert_eq!(
        goal(&goals(&load("slow-central-line")), "F1").value,
        Some(63.9)
    );
    // open-early: only `open` statuses, yet the forced project runs: 58.4 min in 2024.
    assert_eq!(goal(&goals(&load("open-early")), "F1").value, Some(58.4));
    // set_access 重庆 ↔ 重庆北 25 → 15 min. 重庆 → 遂宁 station, door-to-door (rail beats the
    // road's 129.1 min): 25 + 10 processing + 15 wait + (60 + 3200 + 120 s) = 6380 s = 106.3 min,
    // becomes 15 + 10 + 15 min + 3380 s = 5780 s = 96.3 min.
    let minutes = |sc: &Scenario| route(sc, "chongqing", "st_suining", Measure::DoorToDoor).seconds;
    assert_eq!(
        (minutes(&load("base-2024")), minutes(&load("new-intercity"))),
        (6380, 5780)
    );
    // The added line: 重庆北→内江北 in-vehicle 60 + 150 km at 180 km/h (3000 s) + 120 = 3180 s = 53.0 min.
    let sc = load("new-intercity");
    let r = route(&sc, "st_chongqingbei", "st_neijiangbei", Measure::InVehicle);
    assert_eq!(r.seconds, 3180);
    assert_eq!(r.legs[0].name_zh, "内渝城际");
}

#[test]
fn three_bad_edits_are_reported_together() {
    let err = Scenario::load(Path::new("tests/fixtures/scenarios/bad-edits.toml"))
        .expect_err("bad edits");
    let msg = err.to_string();
    assert!(msg.starts_with("3 error(s) in the input:"), "{msg}");
    for expected in [
        "edit #1 (remove_project): unknown project \"chengyu_zhongxien\" (closest: chengyu_zhongxian) — fix: use ids from the geodata",
        "edit #2 (set_speed): unknown link \"chengyu_hsr_9\" (closest: chengyu_hsr_1, chengyu_hsr_2, chengyu_exp_1) — fix: use ids from the geodata",
        // Not an id problem, so not the ids fix.
        "edit #3 (set_access): no access connector between \"chengdu\" and \"st_chongqingbei\" — fix: add one with an add_link edit (mode access)",
    ] {
        assert!(msg.contains(expected), "missing «{expected}» in {msg}");
    }
}

#[test]
fn the_base_network_is_never_changed() {
    let plain = load("base-2030");
    let edited = load("no-central-line");
    assert_eq!(edited.base.links, plain.network.links);
    assert!(edited.network.links.len() < edited.base.links.len());
}

#[test]
fn an_empty_edit_list_reproduces_the_base_skim_exactly() {
    let base = load("base-2030");
    let same = base.derive(&[]).expect("no edits");
    assert_eq!(all_skims(&base), all_skims(&same));
}

#[test]
fn adding_a_link_or_raising_a_speed_never_increases_a_time() {
    let base = all_skims(&load("base-2024"));
    assert!(every_cell(
        &base,
        &all_skims(&load("new-intercity")),
        |b, a| a <= b
    ));
    assert!(every_cell(
        &base,
        &all_skims(&load("open-early")),
        |b, a| a <= b
    ));
    let faster = load("base-2024")
        .derive(&[Edit::SetSpeed {
            project: Some("chengyu_hsr".into()),
            links: vec![],
            design_speed_kmh: Some(400.0),
            operating_speed_kmh: Some(400.0),
        }])
        .expect("edit");
    let after = all_skims(&faster);
    assert!(every_cell(&base, &after, |b, a| a <= b));
    // And the edits are not vacuous: some time actually falls.
    assert!(
        !every_cell(&base, &after, |b, a| a == b),
        "raising the speed changed nothing"
    );
    assert!(
        !every_cell(&base, &all_skims(&load("new-intercity")), |b, a| a == b),
        "the new line changed nothing"
    );
}

#[test]
fn removing_a_link_or_lowering_a_speed_never_decreases_a_time() {
    let base = all_skims(&load("base-2030"));
    assert!(every_cell(
        &base,
        &all_skims(&load("no-central-line")),
        |b, a| a >= b
    ));
    assert!(every_cell(
        &base,
        &all_skims(&load("slow-central-line")),
        |b, a| a >= b
    ));
    assert!(
        !every_cell(&base, &all_skims(&load("no-central-line")), |b, a| a == b),
        "removal changed nothing"
    );
}

#[test]
fn compare_flips_the_pair_goal_and_lists_the_changed_pairs() {
    let c = compare(&load("base-2024"), &load("base-2030"), 10).expect("compare");
    let flipped: Vec<&str> = c
        .goals
        .iter()
        .filter(|g| g.flipped)
        .map(|g| g.id.as_str())
        .collect();
    assert_eq!(flipped, ["F1"]);
    // Only 成都 ↔ 重庆 change door to door: 138.9 → 138.4 min (central line from 成都东 to 重庆北).
    let pairs: Vec<(&str, &str, Option<f64>)> = c
        .pairs
        .iter()
        .map(|p| (p.from.as_str(), p.to.as_str(), p.delta_min))
        .collect();
    assert_eq!(
        pairs,
        [
            ("chengdu", "chongqing", Some(-0.5)),
            ("chongqing", "chengdu", Some(-0.5))
        ]
    );
    assert!(c.access_after.pop_weighted_mean_min < c.access_before.pop_weighted_mean_min);
}

#[test]
fn rank_puts_the_obvious_project_first() {
    // In 2024 with only open links, two candidates: the central line (flips F1) and a
    // hypothetical slow branch that helps nobody. The central line must rank first.
    let sc = load("open-only-2024");
    let goals = scenario_goals(&sc).expect("goals");
    let rows = rank(
        &sc,
        &goals,
        &[
            ("useless_branch".into(), RankAction::Add),
            ("chengyu_zhongxian".into(), RankAction::Add),
        ],
    )
    .expect("rank");
    let order: Vec<&str> = rows.iter().map(|r| r.project.as_str()).collect();
    assert_eq!(order, ["chengyu_zhongxian", "useless_branch"]);
    assert_eq!(rows[0].goals_flipped, ["F1"]);
    assert!(rows[0].pop_weighted_minutes > 0.0);
    assert!(rows[1].goals_flipped.is_empty());
    assert_eq!(rows[1].pop_weighted_minutes, 0.0);
}

#[test]
fn accessibility_counts_people_within_an_hour_of_each_hub() {
    // Door-to-door within 60 min of 成都: only 成都 itself (遂宁 98.2, 内江 102.0 min).
    let a = accessibility(&load("base-2024"), &["chengdu", "chongqing"]);
    assert_eq!(a.people_within_60["chengdu"], 20_937_757);
    assert_eq!(a.people_within_60["chongqing"], 10_340_000);
}

#[test]
fn add_links_from_a_file_and_remove_links() {
    let sc = load("add-from-file");
    assert_eq!(
        sc.edit_reports,
        [
            "added 3 link(s) from edits/neijiang-suining.geojson: st_anyue, neisui_1, neisui_2",
            "removed 1 link(s) of listed links (遂宁-安居)"
        ]
    );
    assert!(sc.network.node("st_anyue").is_some());
    assert!(sc.network.link_idx("suining_anju").is_none());
    // 内江北→遂宁 in-vehicle on the new line, one ride over k = 2 links:
    // Σ run (54 km and 58 km at 0.90 × 250 = 225 km/h: 864 + 928 s) + terminal 180 s
    // + (k − 1) × pass 120 s = 2092 s.
    assert_eq!(
        route(&sc, "st_neijiangbei", "st_suining", Measure::InVehicle).seconds,
        2092
    );
    // Without its road, 安居 is unreachable from 遂宁: F3 fails with no time.
    let f3 = goal(&goals(&sc), "F3").clone();
    assert!(!f3.pass);
    assert_eq!(f3.pairs[0].minutes, None);
}

fn through_service() -> Edit {
    let mut specs = tongda_core::io::services::parse_services(
        Path::new("inline"),
        r#"
[[service]]
id = "svc_new_through"
name_zh = "内江北–成都东–遂宁"
name_en = "through"
mode = "hsr"
stops = ["st_neijiangbei", "st_chengdudong", "st_suining"]
lines = ["chengyu_hsr", "chengsuiyu"]
headway_min = 60
source = "scenario"
"#,
    )
    .expect("service spec");
    Edit::AddService {
        service: specs.remove(0),
    }
}

#[test]
fn adding_a_service_never_increases_a_time_and_removing_one_never_decreases_one() {
    for base in [load("base-2024"), load("services-2024")] {
        let before = all_skims(&base);
        let added = base.derive(&[through_service()]).expect("add_service");
        let after = all_skims(&added);
        assert!(
            every_cell(&before, &after, |b, a| a <= b),
            "{}",
            base.spec.name
        );
        assert!(
            !every_cell(&before, &after, |b, a| a == b),
            "{}: the through service changed nothing",
            base.spec.name
        );
    }
    // Removing a service of the network's own file takes its trains away but
    // never brings the line's faster default pattern back.
    let base = load("services-2024");
    let before = all_skims(&base);
    for id in ["svc_hsr_express", "svc_intercity"] {
        let removed = base
            .derive(&[Edit::RemoveService { service: id.into() }])
            .expect("remove_service");
        let after = all_skims(&removed);
        assert!(every_cell(&before, &after, |b, a| a >= b), "{id}");
        assert!(
            !every_cell(&before, &after, |b, a| a == b),
            "{id} changed nothing"
        );
    }
}

#[test]
fn a_longer_headway_never_decreases_a_time_and_a_shorter_one_never_increases_one() {
    let base = load("services-2024");
    let before = all_skims(&base);
    let headway = |h: f64| Edit::SetHeadway {
        service: "svc_intercity".into(),
        headway_min: Some(h),
        per_day: None,
    };
    let slower = all_skims(&base.derive(&[headway(120.0)]).expect("set_headway"));
    assert!(every_cell(&before, &slower, |b, a| a >= b));
    assert!(
        !every_cell(&before, &slower, |b, a| a == b),
        "120 min changed nothing"
    );
    let faster = all_skims(&base.derive(&[headway(10.0)]).expect("set_headway"));
    assert!(every_cell(&before, &faster, |b, a| a <= b));
    assert!(
        !every_cell(&before, &faster, |b, a| a == b),
        "10 min changed nothing"
    );
}

#[test]
fn bad_service_edits_are_reported_with_their_fix() {
    let base = load("services-2024");
    let err = base
        .derive(&[
            Edit::RemoveService {
                service: "svc_intercty".into(),
            },
            Edit::SetHeadway {
                service: "svc_intercity".into(),
                headway_min: Some(30.0),
                per_day: Some(10.0),
            },
        ])
        .expect_err("bad edits")
        .to_string();
    for expected in [
        "extra edit #1 (remove_service): unknown service \"svc_intercty\" (closest: svc_intercity) — fix: use ids from the geodata",
        "extra edit #2 (set_headway): give exactly one of `headway_min` (> 0, ≤ 960) and `per_day` (> 0, ≤ 500) — fix: e.g. headway_min = 15, or per_day = 40",
    ] {
        assert!(err.contains(expected), "missing «{expected}» in {err}");
    }
}
