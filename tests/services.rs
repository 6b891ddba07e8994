//! Rail services on the mini fixture: minutes computed by hand from the time
//! model's formulas (tests/common: HSR 322 km/h, terminal 240 s, stop 150 s;
//! intercity 180 km/h, terminal 180 s; transfer 10 min), and the checks of
//! `services.toml` with their exact messages.

mod common;

use common::model;
use std::path::Path;
use tongda_core::graph::{GraphSpec, RoutingGraph};
use tongda_core::io::load_geodata;
use tongda_core::io::services::{parse_services, resolve_services};
use tongda_core::model::{Network, Traction};
use tongda_core::route::{LegKind, Router};
use tongda_core::timemodel::ModeParams;
use tongda_core::{Diagnostic, Measure, Profile, TimeModel};

fn mini_with(services: &str) -> Result<Network, Vec<Diagnostic>> {
    let net = load_geodata("tests/fixtures/mini".as_ref())
        .expect("readable")
        .into_network()
        .expect("valid");
    with_services(net, services)
}

/// `net` with the services of a `services.toml` text, or its diagnostics.
fn with_services(mut net: Network, services: &str) -> Result<Network, Vec<Diagnostic>> {
    let file = Path::new("services.toml");
    let specs = parse_services(file, services).map_err(|d| vec![*d])?;
    let mut diags = Vec::new();
    net.services = resolve_services(file, &specs, &net, &mut diags);
    if diags.is_empty() {
        Ok(net)
    } else {
        Err(diags)
    }
}

fn route_s(net: &Network, from: &str, to: &str, measure: Measure) -> (u32, Vec<LegKind>) {
    let g = RoutingGraph::compile(net, &model(), &GraphSpec::new(Profile::Passenger, 2024));
    let mut r = Router::new(net, &g);
    let (a, b) = (net.node_idx(from).unwrap(), net.node_idx(to).unwrap());
    let route = r.route(a, b, measure).expect("reachable");
    (route.seconds, route.legs.iter().map(|l| l.kind).collect())
}

const THROUGH: &str = r#"
[[service]]
id = "svc_through"
name_zh = "内江北–成都东–遂宁 直通"
name_en = "Neijiang North–Chengdu East–Suining through"
mode = "hsr"
stops = ["st_neijiangbei", "st_chengdudong", "st_suining"]
lines = ["chengyu_hsr", "chengsuiyu"]
headway_min = 60
source = "test fixture"
"#;

const CHANGE: &str = r#"
[[service]]
id = "svc_hsr"
name_zh = "成渝"
name_en = "HSR"
mode = "hsr"
stops = ["st_neijiangbei", "st_chengdudong"]
lines = ["chengyu_hsr"]
headway_min = 30
source = "test fixture"

[[service]]
id = "svc_intercity"
name_zh = "遂成"
name_en = "intercity"
mode = "intercity"
stops = ["st_chengdudong", "st_suining"]
lines = ["chengsuiyu"]
headway_min = 30
source = "test fixture"
"#;

#[test]
fn a_through_service_is_one_ride_without_a_transfer() {
    // Board 240 s; 内江北→成都东 150 km at 322 km/h = 1677 s; stop at 成都东
    // 150 s (the HSR service's pass_stop_s); 成都东→遂宁 148 km on the
    // intercity link at 180 km/h = 2960 s. 240 + 1677 + 150 + 2960 = 5027 s.
    let net = mini_with(THROUGH).expect("valid services");
    let (s, legs) = route_s(&net, "st_neijiangbei", "st_suining", Measure::InVehicle);
    assert_eq!(s, 5027);
    assert_eq!(legs, vec![LegKind::Ride]);
    // Door to door the wait is half the service's own 60-min headway.
    let (d, legs) = route_s(&net, "st_neijiangbei", "st_suining", Measure::DoorToDoor);
    assert_eq!(d, 1800 + 5027);
    assert_eq!(legs, vec![LegKind::Wait, LegKind::Ride]);
}

#[test]
fn a_locomotive_hauled_service_rides_with_the_locomotive_parameters() {
    // The through service above, hauled by a locomotive, under
    // [passenger.locomotive] cruise 0.5, cap 120 km/h, terminal 600 s, stop
    // 300 s: both links at min(line speed, 120) × 0.5 = 60 km/h, whatever
    // their mode. 内江北→成都东 150 km = 9000 s; 成都东→遂宁 148 km = 8880 s;
    // 600 + 9000 + 300 + 8880 = 18780 s.
    let loco = THROUGH.replace(
        "mode = \"hsr\"\n",
        "mode = \"hsr\"\ntraction = \"locomotive\"\n",
    );
    let net = mini_with(&loco).expect("valid services");
    assert_eq!(net.services[0].traction, Traction::Locomotive);
    let mut tm = model();
    tm.passenger.locomotive = Some(ModeParams {
        cruise_fraction: 0.5,
        cruise_fraction_sd: 0.0,
        max_speed_kmh: Some(120.0),
        terminal_s: 600.0,
        pass_stop_s: 300.0,
        headway_min: 120.0,
    });
    // Measured on one train (the graph a direct check row uses): the
    // slow train is the only single ride between the two.
    let seconds = |tm: &TimeModel| {
        let g = RoutingGraph::compile(&net, tm, &GraphSpec::new(Profile::Passenger, 2024));
        let one = tongda_core::route::one_ride_graph(&g);
        let mut r = Router::new(&net, &one);
        let (a, b) = (
            net.node_idx("st_neijiangbei").unwrap(),
            net.node_idx("st_suining").unwrap(),
        );
        let route = r.route(a, b, Measure::InVehicle).expect("reachable");
        assert_eq!(route.legs.len(), 1);
        route.seconds
    };
    assert_eq!(seconds(&tm), 18780);
    // Without locomotive parameters it rides with its mode's: 5027 s, as above.
    tm.passenger.locomotive = None;
    assert_eq!(seconds(&tm), 5027);
    // An unknown traction is refused with its line.
    let d = mini_with(&loco.replace("\"locomotive\"", "\"steam\"")).expect_err("bad traction");
    assert_eq!(d[0].line_col.map(|(l, _)| l), Some(7), "{}", d[0]);
    assert!(
        d[0].message
            .contains("unknown variant `steam`, expected `emu` or `locomotive`"),
        "{}",
        d[0]
    );
}

#[test]
fn the_same_trip_with_a_change_of_train_pays_transfer_wait_and_terminal() {
    // Ride 1: 240 + 1677 = 1917 s; transfer 600 s; board the intercity:
    // wait 900 + terminal 180 = 1080 s; ride 2960 s. Total 6557 s
    // (1530 s more than the through service).
    let net = mini_with(CHANGE).expect("valid services");
    let (s, legs) = route_s(&net, "st_neijiangbei", "st_suining", Measure::InVehicle);
    assert_eq!(s, 6557);
    assert_eq!(
        legs,
        vec![
            LegKind::Ride,
            LegKind::Transfer,
            LegKind::Wait,
            LegKind::Ride
        ]
    );
}

#[test]
fn the_wait_counts_every_train_to_the_destination_that_is_as_fast() {
    // Two patterns from 内江北 to 遂宁, each every 60 min: the through
    // service calling at 成都东 (ride 5027 s, above) and the same train not
    // calling there (ride 240 + 1677 + 0 + 2960 = 4877 s). Waiting for the
    // non-stop one alone: 1800 + 4877 = 6677 s. Taking the first of either
    // (both at most 5027 s): combined headway 1 / (1/60 + 1/60) = 30 min,
    // wait 900 s, 900 + 5027 = 5927 s — the better strategy, and what the
    // router reports (riding the slower of the two, so never flattering).
    let nonstop = THROUGH.replace("svc_through", "svc_nonstop").replace(
        r#"["st_neijiangbei", "st_chengdudong", "st_suining"]"#,
        r#"["st_neijiangbei", "st_suining"]"#,
    );
    let net = mini_with(&format!("{THROUGH}\n{nonstop}")).expect("valid services");
    let g = RoutingGraph::compile(&net, &model(), &GraphSpec::new(Profile::Passenger, 2024));
    let mut r = Router::new(&net, &g);
    let (a, b) = (
        net.node_idx("st_neijiangbei").unwrap(),
        net.node_idx("st_suining").unwrap(),
    );
    let route = r.route(a, b, Measure::DoorToDoor).expect("reachable");
    assert_eq!(route.seconds, 5927);
    let legs: Vec<_> = route.legs.iter().map(|l| (l.kind, l.seconds)).collect();
    assert_eq!(legs, vec![(LegKind::Wait, 900), (LegKind::Ride, 5027)]);
    assert_eq!(route.legs[1].service.as_deref(), Some("svc_through"));
    assert_eq!(
        route.legs[0].name_en,
        "wait for svc_through or a train as fast (every 30 min together)"
    );
    // In-vehicle has no wait: the faster train.
    let (s, _) = route_s(&net, "st_neijiangbei", "st_suining", Measure::InVehicle);
    assert_eq!(s, 4877);
    // From 成都东 only the through service goes to 遂宁: half its own
    // headway, its terminal loss 240 s and the intercity link 2960 s.
    let (d, _) = route_s(&net, "st_chengdudong", "st_suining", Measure::DoorToDoor);
    assert_eq!(d, 1800 + 240 + 2960);
}

#[test]
fn stop_losses_apply_only_where_the_service_stops() {
    // The same train not calling at 成都东: 240 + 1677 + 0 + 2960 = 4877 s;
    // and nobody can board it there.
    let nonstop = THROUGH.replace(
        r#"["st_neijiangbei", "st_chengdudong", "st_suining"]"#,
        r#"["st_neijiangbei", "st_suining"]"#,
    );
    let net = mini_with(&nonstop).expect("valid services");
    let (s, _) = route_s(&net, "st_neijiangbei", "st_suining", Measure::InVehicle);
    assert_eq!(s, 4877);
    // From 成都东 only the links no service uses remain: none to 遂宁 here,
    // so 成都东 → 遂宁 has no train at all.
    let g = RoutingGraph::compile(&net, &model(), &GraphSpec::new(Profile::Passenger, 2024));
    let mut r = Router::new(&net, &g);
    let (a, b) = (
        net.node_idx("st_chengdudong").unwrap(),
        net.node_idx("st_suining").unwrap(),
    );
    let legs = r.route(a, b, Measure::InVehicle).map(|r| r.legs);
    assert!(
        legs.as_ref()
            .is_none_or(|l| l.iter().all(|l| l.kind != LegKind::Ride)),
        "{legs:?}"
    );
}

#[test]
fn bad_services_get_exact_messages() {
    let bad = r#"
[[service]]
id = "svc_bad"
name_zh = "x"
name_en = "x"
mode = "road"
stops = ["st_neijiangbei", "chengdu", "st_nowhere"]
lines = ["chengyu_hsrr"]
per_day = 10
headway_min = 30
source = ""
"#;
    let msgs: Vec<String> = mini_with(bad)
        .expect_err("invalid")
        .iter()
        .map(|d| d.to_string())
        .collect();
    let expected = [
        "error: services.toml: feature \"svc_bad\": `source` is empty — fix: give the timetable year and train numbers, or the announcement",
        "error: services.toml: feature \"svc_bad\": mode \"road\" is not a rail mode — fix: use hsr, intercity, conventional_rail or suburban_rail",
        "error: services.toml: feature \"svc_bad\": give exactly one of `per_day` and `headway_min` — fix: count the trains of the pattern per day and direction (per_day), or give the peak headway",
        "error: services.toml: feature \"svc_bad\": unknown rail line \"chengyu_hsrr\" (closest: chengyu_hsr) — fix: use the `line` of rail links in the geodata",
        "error: services.toml: feature \"svc_bad\": stop \"chengdu\" is a city, not a station — fix: list station ids",
    ];
    for e in expected {
        assert!(msgs.iter().any(|m| m == e), "missing «{e}» in {msgs:#?}");
    }
    assert!(
        msgs.iter()
            .any(|m| m.contains("unknown stop \"st_nowhere\"")),
        "{msgs:#?}"
    );
    // A typo in a key is refused with its line.
    let typo = THROUGH.replace("headway_min", "headway_mins");
    let d = mini_with(&typo).expect_err("unknown key");
    assert_eq!(d[0].line_col.map(|(l, _)| l), Some(9), "{}", d[0]);
    assert!(
        d[0].message.contains("unknown field `headway_mins`"),
        "{}",
        d[0]
    );
    // Stops that the listed lines do not join.
    let gap = THROUGH.replace(
        r#"lines = ["chengyu_hsr", "chengsuiyu"]"#,
        r#"lines = ["chengyu_hsr"]"#,
    );
    let d = mini_with(&gap).expect_err("gap");
    assert_eq!(
        d[0].message,
        "no link of line(s) chengyu_hsr joins stop \"st_chengdudong\" to \"st_suining\""
    );
}

fn region() -> Network {
    load_geodata("geodata".as_ref())
        .expect("readable")
        .into_network()
        .expect("valid region")
}

fn region_route(net: &Network, from: &str, to: &str) -> tongda_core::route::Route {
    let tm = tongda_core::TimeModel::default();
    let g = RoutingGraph::compile(net, &tm, &GraphSpec::new(Profile::Passenger, 2024));
    let mut r = Router::new(net, &g);
    let (a, b) = (net.resolve(from).unwrap(), net.resolve(to).unwrap());
    r.route(a, b, Measure::InVehicle).expect("reachable")
}

/// The fastest single train (no change) between two stations of the region
/// in `year`, in-vehicle, if any.
fn region_one_train(
    net: &Network,
    year: i32,
    from: &str,
    to: &str,
) -> Option<tongda_core::route::Route> {
    let g = RoutingGraph::compile(
        net,
        &TimeModel::default(),
        &GraphSpec::new(Profile::Passenger, year),
    );
    let one = tongda_core::route::one_ride_graph(&g);
    let (a, b) = (net.node_idx(from).unwrap(), net.node_idx(to).unwrap());
    Router::new(net, &one).route(a, b, Measure::InVehicle)
}

#[test]
fn in_vehicle_times_start_and_end_at_the_cities_main_stations() {
    let net = region();
    let main = |place: &str| net.node(place).expect("place").main_stations.clone();
    let chengdu = main("chengdu");
    assert!(
        chengdu.contains(&"st_chengdudong".to_string()),
        "{chengdu:?}"
    );
    for excluded in [
        "st_tianfujichang",
        "st_qingbaijiangdong",
        "st_shuangliujichang",
    ] {
        assert!(
            !chengdu.contains(&excluded.to_string()),
            "{excluded} in {chengdu:?}"
        );
    }
    for (to, id) in [("资阳", "ziyang"), ("德阳", "deyang"), ("宜宾", "yibin")] {
        let route = region_route(&net, "成都", to);
        let first = &route.legs.first().expect("a leg").from;
        let last = &route.legs.last().expect("a leg").to;
        assert!(chengdu.contains(first), "成都 → {to} starts at {first}");
        assert!(
            main(id).contains(last),
            "成都 → {to} ends at {last}, not at {:?}",
            main(id)
        );
    }
}

#[test]
fn a_through_train_of_the_region_is_one_ride() {
    // 江油 → 成都东 → 重庆西 (svc_xc2019_63_2021 and its kin) runs through
    // 成都东 without a change of train.
    let net = region();
    let route = region_route(&net, "st_jiangyou", "st_chongqingxi");
    let kinds: Vec<LegKind> = route.legs.iter().map(|l| l.kind).collect();
    assert_eq!(kinds, vec![LegKind::Ride], "{:#?}", route.legs);
    let service = route.legs[0].service.as_deref().unwrap_or_default();
    assert!(
        service.starts_with("svc_"),
        "the ride names its service: {service:?}"
    );
}

#[test]
fn a_direct_train_row_is_measured_on_one_train_or_says_it_has_none() {
    use tongda_core::calibration::{evaluate, parse_calibration};
    use tongda_core::route::one_ride_graph;
    let csv = "id,from,to,profile,measure,published_min,source,year,modes,direct\n\
               r,st_neijiangbei,st_suining,passenger,in-vehicle,80,test,2024,,true\n";
    let rows = parse_calibration(csv, Path::new("c.csv")).expect("valid row");
    // Two trains with a change at 成都东: no single train, so the one-ride
    // graph has no route, and the row is measured with the change (6557 s,
    // above) and flagged.
    let net = mini_with(CHANGE).expect("valid services");
    let g = RoutingGraph::compile(&net, &model(), &GraphSpec::new(Profile::Passenger, 2024));
    let (a, b) = (
        net.node_idx("st_neijiangbei").unwrap(),
        net.node_idx("st_suining").unwrap(),
    );
    let one = one_ride_graph(&g);
    assert!(Router::new(&net, &one)
        .route(a, b, Measure::InVehicle)
        .is_none());
    let r = &evaluate(&net, &model(), &rows).expect("routable")[0];
    assert!(r.no_direct_service);
    assert_eq!(r.model_min, Some(6557.0 / 60.0));
    // The through service is one train: 5027 s, not flagged.
    let net = mini_with(THROUGH).expect("valid services");
    let r = &evaluate(&net, &model(), &rows).expect("routable")[0];
    assert!(!r.no_direct_service);
    assert_eq!(r.model_min, Some(5027.0 / 60.0));
}

#[test]
fn the_2020_network_runs_the_trains_of_its_station_timetables() {
    let net = region();
    // C725 达州 → 重庆北 is in the 2023 stop lists, but 达州's station
    // timetables of 2020 and 2021 have no such train: it runs from 2022.
    let c725 = (net.services.iter())
        .find(|s| s.id == "svc_t23_xiangyu_004")
        .expect("the C725 pattern");
    assert!(c725.source.contains("C725"), "{}", c725.source);
    assert!(c725.runs_in(2022) && !c725.runs_in(2021) && !c725.runs_in(2020));
    // So in 2020 the one train 达州 → 重庆北 is locomotive-hauled (K813 in
    // the timetable), and in 2024 C725 is.
    let one_train = |year: i32| {
        let route =
            region_one_train(&net, year, "st_dazhou", "st_chongqingbei").expect("reachable");
        assert_eq!(route.legs.len(), 1);
        let id = route.legs[0].service.clone().expect("a service");
        let svc = net.services.iter().find(|s| s.id == id).expect("known");
        (id, svc.traction)
    };
    let (id, traction) = one_train(2020);
    assert_eq!(traction, Traction::Locomotive, "{id}");
    assert_eq!(
        one_train(2024),
        ("svc_t23_xiangyu_004".to_string(), Traction::Emu)
    );
}

#[test]
fn chengdu_stations_trains_of_2021_run_over_shibantan() {
    // Until 2022-10-11 成都站's trains to 遂宁 ran 成渝线 成都 → 石板滩 (19 km)
    // and 宁蓉线 石板滩 → 遂宁 (129 km): 148 km, not via 成都东. In 2021 K144
    // and Z50 did (station timetables of 2021), as locomotive-hauled trains.
    let net = region();
    let route =
        region_one_train(&net, 2021, "st_chengdu", "st_suining").expect("a 2021 train 成都 → 遂宁");
    assert_eq!(route.legs.len(), 1, "{:?}", route.legs);
    let leg = &route.legs[0];
    assert!((leg.km - 148.0).abs() < 1e-9, "{} km", leg.km);
    let ids: Vec<&str> = (leg.links.iter())
        .map(|&l| net.links[l as usize].id.as_str())
        .collect();
    assert!(ids.contains(&"chengyu_rail_cd_01"), "{ids:?}");
    let id = leg.service.clone().expect("a service");
    let svc = net.services.iter().find(|s| s.id == id).expect("known");
    assert_eq!(svc.traction, Traction::Locomotive, "{id}");
    assert!(svc.source.contains("the trains of 2021"), "{}", svc.source);
}

#[test]
fn a_junction_is_run_through_but_never_boarded() {
    let net = region();
    let sbt = net.node_idx("st_shibantan").expect("the 石板滩 junction");
    assert!(net.is_junction(sbt) && !net.is_express_stop(sbt));
    assert!(!net.is_junction(net.node_idx("st_chengdu").unwrap()));
    // 成都–石板滩 has no service in 2024: only the line's default pattern
    // runs there, and it neither boards nor sets down at the junction.
    let g = RoutingGraph::compile(
        &net,
        &TimeModel::default(),
        &GraphSpec::new(Profile::Passenger, 2024),
    );
    let mut r = Router::new(&net, &g);
    let cd = net.node_idx("st_chengdu").unwrap();
    assert!(r.route(sbt, cd, Measure::InVehicle).is_none());
    assert!(r.route(cd, sbt, Measure::InVehicle).is_none());
    // And no service may call there.
    let text = r#"
[[service]]
id = "svc_junction"
name_zh = "x"
name_en = "x"
mode = "intercity"
stops = ["st_chengdudong", "st_shibantan", "st_suining"]
lines = ["chengsuiyu"]
per_day = 1
source = "test"
"#;
    let diags = with_services(net, text).expect_err("a junction is not a stop");
    let msgs: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        msgs,
        ["error: services.toml: feature \"svc_junction\": stop \"st_shibantan\" is a junction (a station with no `city`): trains do not call there — fix: list the stations where passengers board, or give the station the `city` it serves"]
    );
}

#[test]
fn the_chongqing_hub_line_runs_at_the_speed_of_its_track() {
    // 重庆北–井口–重庆西, 31 km of 渝怀/井西 track at 120 km/h: at the hsr
    // cruise fraction 0.86, 31 / (120 × 0.86) h = 1081.4 s, rounded 1081,
    // plus the hsr terminal loss 180 s = 1261 s (21.0 min; D6162 took 22).
    let net = region();
    let route = region_one_train(&net, 2024, "st_chongqingbei", "st_chongqingxi")
        .expect("a train 重庆北 → 重庆西");
    assert_eq!(route.legs.len(), 1, "{:?}", route.legs);
    let ids: Vec<&str> = (route.legs[0].links.iter())
        .map(|&l| net.links[l as usize].id.as_str())
        .collect();
    assert_eq!(ids, ["cq_hub_01"]);
    assert_eq!(route.seconds, 1261);
}

#[test]
fn all_stations_trains_call_at_the_chengmianle_south_stations() {
    // C6309 (2019 diagram) called at 新津 and 新津南 between 成都南 and 眉山东:
    // its pattern now lists them, so the stop losses are charged there.
    let net = region();
    let c6309 = (net.services.iter())
        .find(|s| s.source.contains("trains: C6309 ") && s.runs_in(2019))
        .expect("the C6309 pattern");
    let idx = |id: &str| net.node_idx(id).unwrap();
    let at = |id: &str| c6309.stops.iter().position(|&s| s == idx(id));
    let (cdn, xj, xjn, msd) = (
        at("st_chengdunan").expect("calls at 成都南"),
        at("st_xinjin").expect("calls at 新津"),
        at("st_xinjinnan").expect("calls at 新津南"),
        at("st_meishandong").expect("calls at 眉山东"),
    );
    assert!(cdn < xj && xj < xjn && xjn < msd, "{:?}", c6309.stops);
    // They are not express stops: a train that does not call passes them.
    assert!(!net.is_express_stop(idx("st_xinjin")));
}
