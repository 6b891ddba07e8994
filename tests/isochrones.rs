//! Isochrones: valid, nested bands; every node reached within T inside the
//! ≤ T bands; population monotone in T; sensible bands in sparse areas;
//! bad input exits 2 quickly; sharded runs equal the unsharded run byte for
//! byte; skims.

use geo::{BooleanOps, Coord, GeodesicArea, Intersects, MultiPolygon, Point, Validation, Winding};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tongda_core::graph::RoutingGraph;
use tongda_core::iso::{IsoEngine, IsoParams, Isochrone, Minutes, Origin, OriginSpec, Shard};
use tongda_core::scenario::Scenario;
use tongda_core::Measure;

const MOUNTAIN: &str = "tests/fixtures/iso/mountain.toml";
const ORIGINS: &str = "tests/fixtures/iso/origins.txt";

fn tongda(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tongda"))
        .args(args)
        .output()
        .expect("the tongda binary runs")
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tongda-iso-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

struct Fixture {
    sc: Scenario,
    g: RoutingGraph,
}

impl Fixture {
    fn load(path: &str) -> Fixture {
        let sc = Scenario::load(Path::new(path)).expect("scenario loads");
        let g = RoutingGraph::compile(&sc.network, &sc.time_model, &sc.graph_spec(sc.spec.profile));
        Fixture { sc, g }
    }

    fn engine(&self, params: IsoParams) -> IsoEngine<'_> {
        IsoEngine::new(
            &self.sc.network,
            &self.g,
            &self.sc.time_model,
            Measure::DoorToDoor,
            params,
        )
        .expect("engine")
    }
}

fn iso(engine: &IsoEngine<'_>, origins: &[&str], minutes: &str) -> Isochrone {
    let net = engine.network();
    let os: Vec<Origin> = origins
        .iter()
        .map(|o| Origin::resolve(&OriginSpec::parse(o).expect("origin"), net).expect("resolves"))
        .collect();
    let m: Minutes = minutes.parse().expect("minutes");
    engine
        .compute(&os, &m, &mut engine.workspace())
        .expect("isochrone")
}

fn union(iso: &Isochrone, up_to: u32) -> MultiPolygon<f64> {
    iso.bands
        .iter()
        .filter(|b| b.minutes_max <= up_to)
        .fold(MultiPolygon::new(vec![]), |acc, b| acc.union(&b.geometry))
}

fn km2(mp: &MultiPolygon<f64>) -> f64 {
    mp.geodesic_area_unsigned() / 1e6
}

fn inside(mp: &MultiPolygon<f64>, c: Coord<f64>) -> bool {
    mp.intersects(&Point::from(c))
}

/// Every invariant that must hold for any isochrone.
fn check_invariants(iso: &Isochrone, engine: &IsoEngine<'_>, what: &str) {
    let net = engine.network();
    assert_eq!(iso.bands.len(), iso.minutes.as_slice().len(), "{what}");
    for b in &iso.bands {
        // Valid (no self-intersection, holes inside their shells, polygons not overlapping).
        if let Err(e) = b.geometry.check_validation() {
            panic!(
                "{what}: band {}–{} is invalid: {e}",
                b.minutes_min, b.minutes_max
            );
        }
        for p in &b.geometry {
            // RFC 7946 right-hand rule: exteriors counter-clockwise, holes clockwise.
            assert!(p.exterior().is_ccw(), "{what}: clockwise exterior");
            for h in p.interiors() {
                assert!(h.is_cw(), "{what}: counter-clockwise hole");
            }
            for c in p
                .exterior()
                .0
                .iter()
                .chain(p.interiors().iter().flat_map(|h| h.0.iter()))
            {
                for v in [c.x, c.y] {
                    assert_eq!(
                        (v * 1e6).round() / 1e6,
                        v,
                        "{what}: {v} not rounded to 6 decimals"
                    );
                }
            }
        }
        let area = km2(&b.geometry);
        assert!(
            (area - b.area_km2).abs() <= 0.051,
            "{what}: area {area} vs {}",
            b.area_km2
        );
    }
    // Bands tile: no two overlap.
    for (i, a) in iso.bands.iter().enumerate() {
        for b in &iso.bands[i + 1..] {
            let overlap = km2(&a.geometry.intersection(&b.geometry));
            assert!(
                overlap < 0.01,
                "{what}: bands ≤{} and ≤{} overlap by {overlap} km²",
                a.minutes_max,
                b.minutes_max
            );
        }
    }
    // Every node reached within T lies inside the bands ≤ T.
    let ms = iso.minutes.as_slice();
    for &t in ms {
        let within = union(iso, t);
        for (n, s) in iso.node_seconds.iter().enumerate() {
            if let Some(s) = *s {
                if s <= t * 60 {
                    let node = &net.nodes[n];
                    assert!(
                        inside(&within, node.coord),
                        "{what}: {} reached in {:.1} min is outside the ≤{t} min bands",
                        node.id,
                        f64::from(s) / 60.0
                    );
                }
            }
        }
        // Origins are inside the first band.
        for p in &iso.origins {
            let c = Coord {
                x: p.origin.lon,
                y: p.origin.lat,
            };
            assert!(
                inside(&union(iso, ms[0]), c),
                "{what}: origin {} outside",
                p.origin.id
            );
        }
    }
    // Population: monotone in T, equal to a recount of the place centres inside.
    let units = tongda_core::population::units(net);
    let mut last = 0;
    for b in &iso.bands {
        assert!(
            b.population_within >= last,
            "{what}: population falls at {}",
            b.minutes_max
        );
        last = b.population_within;
        let within = union(iso, b.minutes_max);
        let recount: u64 = units
            .iter()
            .filter(|(n, _)| inside(&within, net.nodes[*n as usize].coord))
            .map(|u| u.1)
            .sum();
        assert_eq!(
            recount, b.population_within,
            "{what}: ≤{} min",
            b.minutes_max
        );
        let reached: u64 = units
            .iter()
            .filter(|(n, _)| iso.node_seconds[*n as usize].is_some_and(|s| s <= b.minutes_max * 60))
            .map(|u| u.1)
            .sum();
        assert!(
            b.population_within >= reached,
            "{what}: places reached are missing"
        );
    }
}

#[test]
fn bands_are_valid_tiled_and_hold_every_node_reached() {
    let f = Fixture::load("tests/fixtures/scenarios/base-2030.toml");
    let engine = f.engine(IsoParams::default());
    for origins in [
        vec!["chengdu"],
        vec!["重庆"],
        vec!["suining"],
        vec!["104.2,30.7"],
        vec!["chengdu", "chongqing"],
    ] {
        let i = iso(&engine, &origins, "15,30,60,90,120,180");
        check_invariants(&i, &engine, &origins.join("+"));
        assert!(
            i.bands[0].area_km2 > 50.0,
            "{origins:?}: first band is empty"
        );
    }
    // Chengdu and Chongqing are reached in 2030 (central line): population grows.
    let i = iso(&engine, &["chengdu"], "30,60,90,120,180");
    assert!(i.bands.last().expect("bands").population_within > i.bands[0].population_within);
}

#[test]
fn contours_computed_separately_are_nested() {
    // Valhalla computes each contour on its own and they can cross; ours
    // come from one field, so a contour alone for 30 min lies inside one for 60.
    let f = Fixture::load("tests/fixtures/scenarios/base-2030.toml");
    for cell_km in [1.0, 2.5] {
        let engine = f.engine(IsoParams {
            cell_km,
            ..IsoParams::default()
        });
        for origin in ["chengdu", "neijiang", "105.4,30.4"] {
            let mut prev: Option<(u32, MultiPolygon<f64>)> = None;
            for t in [20u32, 30, 45, 60, 90, 120, 150] {
                let c = iso(&engine, &[origin], &t.to_string())
                    .bands
                    .remove(0)
                    .geometry;
                if let Some((pt, p)) = &prev {
                    let outside = km2(&p.difference(&c));
                    assert!(
                        outside < 0.01,
                        "{origin} at {cell_km} km: {outside} km² of the {pt}-min contour outside the {t}-min one"
                    );
                    assert!(km2(&c) >= km2(p) - 0.01);
                }
                prev = Some((t, c));
            }
        }
    }
}

#[test]
fn sparse_origins_get_round_non_empty_bands() {
    // An origin far from everything (an unlinked village) and a mountain
    // county at the end of one slow road: bands are discs of off-network
    // travel, not empty and not spikes along the road.
    let f = Fixture::load(MOUNTAIN);
    let p = IsoParams::default();
    let engine = f.engine(p);
    let disc_km2 = |min: f64| {
        let r = min / 60.0 * p.access_kmh / p.detour;
        std::f64::consts::PI * r * r
    };
    for origin in ["mt_village", "mt_county"] {
        let i = iso(&engine, &[origin], "30,60,120,240");
        check_invariants(&i, &engine, origin);
        let first = &i.bands[0];
        assert_eq!(
            first.geometry.0.len(),
            1,
            "{origin}: one polygon around the origin"
        );
        let ratio = first.area_km2 / disc_km2(30.0);
        assert!(
            (0.9..1.1).contains(&ratio),
            "{origin}: 30-min band {} km²",
            first.area_km2
        );
        // Round, not spiky: isoperimetric quotient of the 0–30 disc near 1.
        let poly = &first.geometry.0[0];
        let k = 111.195;
        let cos = poly.exterior().0[0].y.to_radians().cos();
        let pts: Vec<(f64, f64)> = poly
            .exterior()
            .0
            .iter()
            .map(|c| (c.x * k * cos, c.y * k))
            .collect();
        let perimeter: f64 = pts
            .windows(2)
            .map(|w| ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt())
            .sum();
        let q = 4.0 * std::f64::consts::PI * first.area_km2 / (perimeter * perimeter);
        assert!(q > 0.9, "{origin}: isoperimetric quotient {q}");
        assert!(first.population > 0, "{origin}: its own people are inside");
    }
    // The unlinked village reaches nothing but its surroundings: capped by the
    // radius (band edges at the radius are exact to one cell).
    let v = iso(&engine, &["mt_village"], "30,60,120,240");
    let r = p.radius_km + p.cell_km;
    let cap = std::f64::consts::PI * r * r;
    assert!(v.bands.last().expect("bands").area_within_km2 <= cap * 1.02);
    // The county reaches Neijiang (and its people) after its long road.
    let c = iso(&engine, &["mt_county"], "30,60,120,240");
    let neijiang = f.sc.network.node_idx("neijiang").expect("neijiang");
    let t = c.node_seconds[neijiang as usize].expect("reached");
    assert!(t > 120 * 60 && t <= 240 * 60, "{t}");
    assert!(c.bands[3].population >= 3_000_000);
}

#[test]
fn a_mountain_county_of_the_region_gets_sensible_bands() {
    // 城口县, at the region's north-east edge in the Daba mountains, on the
    // region's own geodata at a coarse cell size (fast).
    let f = Fixture::load("scenarios/plan-2030.toml");
    let engine = f.engine(IsoParams {
        cell_km: 2.0,
        ..IsoParams::default()
    });
    let i = iso(&engine, &["cq_chengkou"], "30,60,90,120");
    check_invariants(&i, &engine, "cq_chengkou");
    assert!(i.bands[0].area_km2 > 300.0, "{}", i.bands[0].area_km2);
    for b in &i.bands {
        assert!(b.area_within_km2 > 0.0);
    }
    assert!(i.bands[3].area_within_km2 > i.bands[0].area_km2);
    // Chengdu at the same resolution: the metropolis of 20 million.
    let c = iso(&engine, &["chengdu"], "30,60,90,120");
    check_invariants(&c, &engine, "chengdu 2030");
    assert!(c.bands[0].population_within >= 10_000_000);
}

#[test]
fn a_position_is_snapped_and_its_access_counted() {
    let f = Fixture::load("tests/fixtures/scenarios/base-2024.toml");
    let engine = f.engine(IsoParams::default());
    let o = Origin::resolve(
        &OriginSpec::parse("104.2,30.7").expect("form"),
        &f.sc.network,
    )
    .expect("resolves");
    let placed = engine.place(&o).expect("snaps");
    let snap = placed.snap().expect("off the network");
    assert_eq!(f.sc.network.nodes[snap.node as usize].id, "st_chengdudong");
    assert!((snap.km - 9.66).abs() < 0.1, "{}", snap.km);
    let i = iso(&engine, &["104.2,30.7"], "30,60");
    // Chengdu centre, ~16 km away, costs its off-network time at least.
    let cd = f.sc.network.node_idx("chengdu").expect("chengdu");
    let t = i.node_seconds[cd as usize].expect("reached");
    assert!(t >= IsoParams::default().access_seconds(15.0), "{t}");
    // Far from every node: an error naming the nearest node, not a hang.
    let far = Origin::resolve(
        &OriginSpec::parse("98.5,33.5").expect("form"),
        &f.sc.network,
    )
    .expect("a position");
    let err = engine.place(&far).expect_err("too far").to_string();
    assert!(
        err.contains("km from the nearest") && err.contains("raise the access radius"),
        "{err}"
    );
}

#[test]
fn shards_union_equals_the_unsharded_run_byte_for_byte() {
    let whole = tmp("whole");
    let parts = tmp("parts");
    let base = [
        "isochrones",
        "--origins",
        ORIGINS,
        "--scenario",
        MOUNTAIN,
        "--minutes",
        "20,45,90",
    ];
    let mut args: Vec<&str> = base.to_vec();
    let w = whole.to_str().expect("utf-8");
    args.extend(["--out", w, "--threads", "2"]);
    let out = tongda(&args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let mut sizes = Vec::new();
    for (k, threads) in [("1/3", "1"), ("2/3", "2"), ("3/3", "1")] {
        let dir = parts.join(k.replace('/', "-of-"));
        let d = dir.to_str().expect("utf-8");
        let mut args: Vec<&str> = base.to_vec();
        args.extend(["--out", d, "--shard", k, "--threads", threads]);
        let out = tongda(&args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        sizes.push(std::fs::read_dir(&dir).expect("dir").count());
    }
    // Copy the three parts into one directory, as a job's collect step would.
    let merged = tmp("merged");
    for part in std::fs::read_dir(&parts).expect("parts") {
        for f in std::fs::read_dir(part.expect("part").path()).expect("files") {
            let f = f.expect("file").path();
            let target = merged.join(f.file_name().expect("name"));
            if target.exists() {
                assert_eq!(
                    std::fs::read(&target).expect("read"),
                    std::fs::read(&f).expect("read")
                );
            }
            std::fs::copy(&f, target).expect("copy");
        }
    }
    let listing = |d: &Path| {
        let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(d)
            .expect("dir")
            .map(|e| {
                let p = e.expect("entry").path();
                (
                    p.file_name().expect("name").to_string_lossy().into_owned(),
                    std::fs::read(&p).expect("read"),
                )
            })
            .collect();
        v.sort();
        v
    };
    let (a, b) = (listing(&whole), listing(&merged));
    assert_eq!(a.len(), 10, "9 origins + index");
    assert_eq!(
        a.iter().map(|x| &x.0).collect::<Vec<_>>(),
        b.iter().map(|x| &x.0).collect::<Vec<_>>()
    );
    for (x, y) in a.iter().zip(&b) {
        assert!(
            x.1 == y.1,
            "{} differs between sharded and unsharded runs",
            x.0
        );
    }
    // 9 origins dealt round-robin: 3 each (+ the index).
    assert_eq!(sizes, vec![4, 4, 4]);
    // Shard selection agrees with the library.
    let s: Shard = "2/3".parse().expect("shard");
    assert_eq!(s.select(&(0..9).collect::<Vec<_>>()), vec![1, 4, 7]);
}

#[test]
fn the_same_request_gives_the_same_bytes_and_the_documented_properties() {
    // (Thread counts are varied in the shard test, where work is parallel.)
    let d = tmp("repeat");
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        let file = d.join(format!("cd-{threads}.geojson"));
        let out = tongda(&[
            "isochrone",
            "--origin",
            "chengdu",
            "--origin",
            "104.9,29.7",
            "--scenario",
            "tests/fixtures/scenarios/base-2030.toml",
            "--out",
            file.to_str().expect("utf-8"),
        ]);
        assert_eq!(out.status.code(), Some(0), "{threads}: {}", text(&out));
        outputs.push(std::fs::read(&file).expect("written"));
    }
    assert_eq!(outputs[0], outputs[1]);
    let v: serde_json::Value = serde_json::from_slice(&outputs[0]).expect("JSON");
    assert_eq!(v["type"], "FeatureCollection");
    let f = &v["features"][0];
    assert_eq!(f["geometry"]["type"], "MultiPolygon");
    for key in [
        "origin",
        "scenario",
        "year",
        "profile",
        "measure",
        "minutes_min",
        "minutes_max",
        "area_km2",
        "population",
    ] {
        assert!(!f["properties"][key].is_null(), "missing {key}");
    }
    assert_eq!(f["properties"]["origin"], "chengdu+pt_104.900000_29.700000");
    assert_eq!(f["properties"]["scenario"], "base-2030");
    assert!(v.get("crs").is_none(), "RFC 7946 output has no crs member");
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    let d = tmp("bad");
    let out_file = d.join("x.geojson");
    let o = out_file.to_str().expect("utf-8");
    let fixture = "tests/fixtures/scenarios/base-2024.toml";
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--origin", "NaN,30"], "finite"),
        (vec!["--origin", "104.07,inf"], "finite"),
        (vec!["--origin", "30.57,104.07"], "swapped"),
        (vec!["--origin", "0,0"], "outside the region"),
        (vec!["--origin", "120.5,31.2"], "outside the region"),
        (vec!["--origin", "98.5,33.5"], "km from the nearest"),
        (vec!["--origin", "104.07"], "lon,lat"),
        (vec!["--origin", "chengdoo"], "did you mean"),
        (
            vec!["--origin", "chengdu", "--minutes", "60,30"],
            "increase",
        ),
        (vec!["--origin", "chengdu", "--minutes", "0,30"], "positive"),
        (vec!["--origin", "chengdu", "--minutes", "-30"], "positive"),
        (vec!["--origin", "chengdu", "--minutes", "30,100000"], "cap"),
        (vec!["--origin", "chengdu", "--minutes", "abc"], "minutes"),
        (vec!["--origin", "chengdu", "--cell-km", "0"], "--cell-km"),
        (
            vec![
                "--origin",
                "chengdu",
                "--cell-km",
                "0.1",
                "--radius-km",
                "0.05",
            ],
            "--radius-km",
        ),
        (
            vec!["--origin", "chengdu", "--access-kmh", "NaN"],
            "--access-kmh",
        ),
        (vec!["--origin", "chengdu", "--crs", "nonsense"], "--crs"),
    ];
    for (extra, needle) in cases {
        let mut args = vec!["isochrone", "--scenario", fixture, "--out", o];
        args.extend(extra.iter().copied());
        let started = std::time::Instant::now();
        let out = tongda(&args);
        let all = text(&out);
        assert_eq!(out.status.code(), Some(2), "{extra:?}: {all}");
        assert!(
            all.contains(needle),
            "{extra:?}: expected \"{needle}\" in: {all}"
        );
        assert!(!all.contains("panicked"), "{extra:?}: {all}");
        assert!(started.elapsed().as_secs() < 30, "{extra:?} took too long");
    }
    assert!(!out_file.exists(), "nothing written on bad input");
    #[cfg(not(feature = "proj"))]
    {
        let out = tongda(&[
            "isochrone",
            "--scenario",
            fixture,
            "--out",
            o,
            "--origin",
            "chengdu",
            "--crs",
            "EPSG:32648",
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out).contains("--features proj"), "{}", text(&out));
    }
    // Batch: bad shards and origin lists.
    let dd = d.join("batch");
    let b = dd.to_str().expect("utf-8");
    for (extra, needle) in [
        (
            vec!["--origins", "cities", "--shard", "0/3"],
            "counts from 1",
        ),
        (vec!["--origins", "cities", "--shard", "4/3"], "larger than"),
        (vec!["--origins", "cities", "--shard", "1/0"], "N must be"),
        (vec!["--origins", "cities", "--shard", "two"], "K/N"),
        (vec!["--origins", "towns"], "not an origin set"),
        (
            vec!["--origins", "tests/fixtures/iso/mountain.toml"],
            "mountain.toml:",
        ),
    ] {
        let mut args = vec!["isochrones", "--scenario", fixture, "--out", b];
        args.extend(extra.iter().copied());
        let out = tongda(&args);
        let all = text(&out);
        assert_eq!(out.status.code(), Some(2), "{extra:?}: {all}");
        assert!(
            all.contains(needle),
            "{extra:?}: expected \"{needle}\" in: {all}"
        );
    }
    assert!(!dd.join("index.csv").exists());
}

#[test]
fn skim_writes_every_pair_and_matches_the_library() {
    let d = tmp("skim");
    let file = d.join("skim.csv");
    let out = tongda(&[
        "skim",
        "tests/fixtures/scenarios/base-2030.toml",
        "--out",
        file.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let csv = std::fs::read_to_string(&file).expect("written");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("origin,origin_name,destination,destination_name,in_vehicle_min,door_to_door_min")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let f = Fixture::load("tests/fixtures/scenarios/base-2030.toml");
    let places: Vec<u32> = (0..f.sc.network.nodes.len() as u32)
        .filter(|&i| f.sc.network.nodes[i as usize].kind.is_place())
        .collect();
    assert_eq!(rows.len(), places.len() * places.len());
    let skim = tongda_core::skim::Skim::compute(&f.g, &places, &places, Measure::DoorToDoor);
    for (k, r) in rows.iter().enumerate() {
        let (i, j) = (k / places.len(), k % places.len());
        assert_eq!(r[0], f.sc.network.nodes[places[i] as usize].id);
        assert_eq!(r[2], f.sc.network.nodes[places[j] as usize].id);
        let expect = skim
            .get(i, j)
            .map(|s| format!("{:.1}", (f64::from(s) / 6.0).round() / 10.0));
        assert_eq!(Some(r[5].to_string()), expect.or(Some(String::new())));
        if i == j {
            assert_eq!(r[5], "0.0");
        }
    }
    let bad = tongda(&[
        "skim",
        "tests/fixtures/scenarios/base-2030.toml",
        "--out",
        file.to_str().expect("utf-8"),
        "--measure",
        "fast",
    ]);
    assert_eq!(bad.status.code(), Some(2), "{}", text(&bad));
}

#[cfg(feature = "proj")]
#[test]
fn crs_reprojects_to_utm_with_a_crs_member() {
    let d = tmp("crs");
    let file = d.join("utm.geojson");
    let out = tongda(&[
        "isochrone",
        "--origin",
        "chengdu",
        "--scenario",
        "tests/fixtures/scenarios/base-2024.toml",
        "--crs",
        "EPSG:32648",
        "--out",
        file.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("written")).expect("JSON");
    assert_eq!(
        v["crs"]["properties"]["name"],
        "urn:ogc:def:crs:EPSG::32648"
    );
    let first = &v["features"][0]["geometry"]["coordinates"][0][0][0];
    let (x, y) = (first[0].as_f64().expect("x"), first[1].as_f64().expect("y"));
    // Chengdu in UTM 48N: about 400 km east, 3380 km north.
    assert!(
        (350_000.0..450_000.0).contains(&x) && (3_300_000.0..3_450_000.0).contains(&y),
        "{x} {y}"
    );
    let bad = tongda(&[
        "isochrone",
        "--origin",
        "chengdu",
        "--scenario",
        "tests/fixtures/scenarios/base-2024.toml",
        "--crs",
        "EPSG:999999",
        "--out",
        file.to_str().expect("utf-8"),
    ]);
    assert_eq!(bad.status.code(), Some(2), "{}", text(&bad));
}
