//! Route times on the mini fixture, computed by hand from the time model's
//! formulas, with the parameters fixed here (so that calibrating the
//! defaults does not move these expectations).

use tongda_core::graph::{GraphSpec, RoutingGraph};
use tongda_core::io::load_geodata;
use tongda_core::model::Network;
use tongda_core::route::{LegKind, Router};
use tongda_core::{Measure, Profile};

mod common;
use common::model;

fn net() -> Network {
    load_geodata("tests/fixtures/mini".as_ref())
        .expect("readable")
        .into_network()
        .expect("valid")
}

fn seconds(
    net: &Network,
    profile: Profile,
    year: i32,
    from: &str,
    to: &str,
    measure: Measure,
) -> u32 {
    let g = RoutingGraph::compile(net, &model(), &GraphSpec::new(profile, year));
    let mut r = Router::new(net, &g);
    let (a, b) = (
        net.resolve(from).expect("from"),
        net.resolve(to).expect("to"),
    );
    r.route(a, b, measure).expect("reachable").seconds
}

/// 成都 → 重庆 by passenger in `year`, in seconds.
fn cd_cq(net: &Network, year: i32, measure: Measure) -> u32 {
    seconds(net, Profile::Passenger, year, "成都", "重庆", measure)
}

#[test]
fn chengdu_chongqing_in_vehicle_2024_rides_the_hsr() {
    // board: terminal 240 s; 成都东→内江北 150 km: 150/322 h = 1677 s;
    // through 内江北 (an express stop: it serves the city 内江) 150 s;
    // 内江北→沙坪坝 158 km: 1766 s; total 240 + 1677 + 150 + 1766 = 3833 s (63.9 min)
    let net = net();
    assert_eq!(cd_cq(&net, 2024, Measure::InVehicle), 3833);
}

#[test]
fn chengdu_chongqing_door_to_door_2024_adds_access_wait_and_egress() {
    // access 25 + processing 10 = 2100 s; wait 30/2 min = 900 s; ride 3833 s;
    // egress at 沙坪坝 20 + 5 min = 1500 s; total 8333 s (138.9 min)
    let net = net();
    assert_eq!(cd_cq(&net, 2024, Measure::DoorToDoor), 8333);
}

#[test]
fn the_fastest_trains_run_through_stations_that_are_not_express_stops() {
    // As above without the 150 s at 内江北: 240 + 1677 + 1766 = 3683 s.
    let in_vehicle = |net: &Network| cd_cq(net, 2024, Measure::InVehicle);
    let mut net = net();
    let nj = net.node_idx("st_neijiangbei").expect("station") as usize;
    // By the default rule: a station serving a district is passed at speed.
    net.nodes[nj].city = Some("sn_anju".into());
    assert_eq!(in_vehicle(&net), 3683);
    // By the station's own property, which overrides the rule either way.
    net.nodes[nj].express_stop = Some(true);
    assert_eq!(in_vehicle(&net), 3833);
    net.nodes[nj].city = Some("neijiang".into());
    net.nodes[nj].express_stop = Some(false);
    assert_eq!(in_vehicle(&net), 3683);
}

#[test]
fn a_stations_approach_loss_is_charged_for_each_approach() {
    // 3833 s as above, plus a station's `approach_s` once where the ride
    // starts or ends and twice where it runs through.
    let with_approach = |station: &str, s: f64| {
        let mut net = net();
        let i = net.node_idx(station).expect("station") as usize;
        net.nodes[i].approach_s = Some(s);
        cd_cq(&net, 2024, Measure::InVehicle)
    };
    // Boarding, alighting, and running through (2 × 50 s).
    assert_eq!(with_approach("st_chengdudong", 100.0), 3933);
    assert_eq!(with_approach("st_shapingba", 70.0), 3903);
    assert_eq!(with_approach("st_neijiangbei", 50.0), 3933);
    // The route's legs still add up to its total (the alighting loss is in the ride).
    let mut net = net();
    let i = net.node_idx("st_shapingba").expect("station") as usize;
    net.nodes[i].approach_s = Some(70.0);
    let g = RoutingGraph::compile(&net, &model(), &GraphSpec::new(Profile::Passenger, 2024));
    let mut r = Router::new(&net, &g);
    let (a, b) = (
        net.resolve("成都").expect("from"),
        net.resolve("重庆").expect("to"),
    );
    let route = r.route(a, b, Measure::InVehicle).expect("reachable");
    assert_eq!(route.legs.iter().map(|l| l.seconds).sum::<u32>(), 3903);
}

#[test]
fn in_vehicle_starts_at_the_places_own_stations() {
    // A connector from 成都 to 内江北 (a station of 内江) must not make 内江北
    // one of Chengdu's stations for in-vehicle times: still 3833 s, not the
    // 240 + 1766 = 2006 s of a ride from 内江北. Door to door may use it.
    let mut net = net();
    let mut links = net.links.clone();
    let mut extra = links
        .iter()
        .find(|l| l.id == "acc_chengdu_st_chengdudong")
        .expect("connector")
        .clone();
    extra.id = "acc_chengdu_st_neijiangbei".into();
    extra.to = net.node_idx("st_neijiangbei").expect("station");
    links.push(extra);
    net.set_links(links);
    let s = |m| cd_cq(&net, 2024, m);
    assert_eq!(s(Measure::InVehicle), 3833);
    // Door to door: the 25-min connector to 内江北 and 10 min processing (2100 s)
    // + wait 900 + 240 + 1766 + egress 1500 = 6506 s, faster than via 成都东 (8333 s).
    assert_eq!(s(Measure::DoorToDoor), 6506);
}

#[test]
fn an_operating_speed_history_applies_by_year() {
    // 成渝高铁 (design and operating speed 350) slowed to 300 from 2020 and
    // raised to 330 from 2025. Each arc is rounded to whole seconds.
    // 2019: 3833 s as above.
    // 2020: 0.92 × 300 = 276 km/h: 150 km 1956.5 → 1957 s, 158 km 2060.9 → 2061 s;
    //       240 + 1957 + 150 + 2061 = 4408 s.
    // 2025: 0.92 × 330 = 303.6 km/h: 1778.7 → 1779 s, 1873.5 → 1874 s; 4043 s.
    // 2027: 成渝中线 opens, 3505 s (below).
    let with_history = |history: Vec<(i32, f64)>| {
        let mut net = net();
        let mut links = net.links.clone();
        for l in links.iter_mut().filter(|l| l.project == "chengyu_hsr") {
            l.operating_speed_since = history.clone();
        }
        net.set_links(links);
        net
    };
    let net = with_history(vec![(2020, 300.0), (2025, 330.0)]);
    let t = |year| cd_cq(&net, year, Measure::InVehicle);
    assert_eq!((t(2019), t(2020), t(2024)), (3833, 4408, 4408));
    assert_eq!((t(2025), t(2026), t(2027)), (4043, 4043, 3505));
    // A speed in the history above the design speed is capped by it.
    let net = with_history(vec![(2020, 300.0), (2025, 400.0)]);
    assert_eq!(cd_cq(&net, 2025, Measure::InVehicle), 3833);
}

#[test]
fn the_central_line_opens_in_2027() {
    // 成渝中线 292 km: 3265 s + terminal 240 s = 3505 s (58.4 min)
    let net = net();
    assert_eq!(cd_cq(&net, 2026, Measure::InVehicle), 3833);
    assert_eq!(cd_cq(&net, 2027, Measure::InVehicle), 3505);
}

#[test]
fn a_change_of_line_pays_transfer_wait_and_a_new_terminal_loss() {
    // 内江北→成都东 on the HSR: terminal 240 + 1677 = 1917; transfer 600 s;
    // board the intercity: wait 900 + terminal 180 = 1080; 成都东→遂宁 148 km
    // at 180 km/h = 2960. Total 1917 + 600 + 1080 + 2960 = 6557 s
    let net = net();
    assert_eq!(
        seconds(
            &net,
            Profile::Passenger,
            2024,
            "st_neijiangbei",
            "st_suining",
            Measure::InVehicle
        ),
        6557
    );
}

#[test]
fn car_drives_centre_to_centre() {
    // 5 min + 150 km/108 km/h (5000 s) + 24 km/108 km/h (800 s) + 5 min = 6400 s
    let net = net();
    assert_eq!(
        seconds(
            &net,
            Profile::Car,
            2024,
            "chengdu",
            "sn_anju",
            Measure::DoorToDoor
        ),
        6400
    );
    assert_eq!(
        seconds(
            &net,
            Profile::Car,
            2024,
            "chengdu",
            "sn_anju",
            Measure::InVehicle
        ),
        5800
    );
}

#[test]
fn legs_sum_to_the_total_for_every_pair_profile_and_measure() {
    let net = net();
    let tm = model();
    let places: Vec<u32> = (0..net.nodes.len() as u32).collect();
    for profile in Profile::ALL {
        let g = RoutingGraph::compile(&net, &tm, &GraphSpec::new(profile, 2030));
        let mut r = Router::new(&net, &g);
        for &a in &places {
            for &b in &places {
                for m in Measure::ALL {
                    if let Some(route) = r.route(a, b, m) {
                        let sum: u32 = route.legs.iter().map(|l| l.seconds).sum();
                        assert_eq!(sum, route.seconds, "{profile} {m} {a}→{b}");
                        if m == Measure::InVehicle {
                            let first = route.legs.first().map(|l| l.kind);
                            assert_ne!(first, Some(LegKind::Access), "{profile} {m} {a}→{b}");
                            assert_ne!(first, Some(LegKind::Wait), "{profile} {m} {a}→{b}");
                        }
                        for l in &route.legs {
                            assert!(
                                l.kind != LegKind::Ride || !l.links.is_empty(),
                                "empty ride {a}→{b}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn in_vehicle_never_exceeds_door_to_door() {
    let net = net();
    let g = RoutingGraph::compile(&net, &model(), &GraphSpec::new(Profile::Passenger, 2030));
    let mut r = Router::new(&net, &g);
    for a in ["chengdu", "chongqing", "suining", "neijiang", "sn_anju"] {
        for b in ["chengdu", "chongqing", "suining", "neijiang", "sn_anju"] {
            let (x, y) = (net.resolve(a).expect("a"), net.resolve(b).expect("b"));
            let iv = r.route(x, y, Measure::InVehicle).map(|r| r.seconds);
            let dd = r.route(x, y, Measure::DoorToDoor).map(|r| r.seconds);
            assert!(iv <= dd, "{a}→{b}: {iv:?} > {dd:?}");
        }
    }
}

#[test]
fn a_route_from_a_place_to_itself_is_empty_and_zero_km() {
    // Route::km summed no legs to −0.0, which `tongda route` printed as "-0.0 km".
    let net = net();
    let g = RoutingGraph::compile(&net, &model(), &GraphSpec::new(Profile::Passenger, 2024));
    let a = net.node_idx("chengdu").expect("fixture node");
    let route = Router::new(&net, &g)
        .route(a, a, Measure::DoorToDoor)
        .expect("a place reaches itself");
    assert!(route.legs.is_empty());
    assert_eq!(route.seconds, 0);
    assert_eq!(format!("{:.1}", route.km()), "0.0");
}
