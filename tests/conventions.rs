//! Issue 20: one options layer (--geodata, scenario names, --json errors on
//! every command), list, export (GeoJSON, GeoPackage, checked with GDAL's
//! ogrinfo), changes, GCJ-02/BD-09, Excel CSV, freight in-vehicle.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tongda(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tongda"))
        .args(args)
        .output()
        .expect("the tongda binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tongda-conv-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// The JSON error a failed `--json` command prints on stderr: exit 2, one object.
fn json_error(args: &[&str]) -> serde_json::Value {
    let out = tongda(args);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    let v: serde_json::Value = serde_json::from_str(err.trim())
        .unwrap_or_else(|e| panic!("{args:?}: stderr is not one JSON object ({e}): {err}"));
    assert!(v["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    assert_eq!(v["error"]["exit_code"], 2);
    v
}

/// Every command, with the arguments it needs besides the scenario (`{S}`).
fn commands(out: &Path) -> Vec<Vec<String>> {
    let o = out.display().to_string();
    let cmds: Vec<Vec<&str>> = vec![
        vec!["run", "{S}", "--out", &o],
        vec![
            "timeline",
            "--scenario",
            "{S}",
            "--from",
            "2024",
            "--to",
            "2025",
        ],
        vec!["compare", "{S}", "{S}", "--out", &o],
        vec!["rank", "{S}", "--out", &o],
        vec!["skim", "{S}", "--out", "-"],
        vec![
            "isochrone",
            "--scenario",
            "{S}",
            "--origin",
            "成都",
            "--out",
            "-",
        ],
        vec![
            "isochrones",
            "--scenario",
            "{S}",
            "--origins",
            "cities",
            "--out",
            &o,
        ],
        vec!["export", "{S}", "--out", "-"],
        vec![
            "changes",
            "--scenario",
            "{S}",
            "--from",
            "2024",
            "--to",
            "2030",
        ],
    ];
    cmds.into_iter()
        .map(|c| c.into_iter().map(String::from).collect())
        .collect()
}

fn with_scenario(cmd: &[String], s: &str) -> Vec<String> {
    cmd.iter()
        .map(|a| if a == "{S}" { s.to_string() } else { a.clone() })
        .collect()
}

#[test]
fn every_command_takes_geodata_and_reports_a_missing_directory_as_a_json_io_error() {
    let out = tmp("geodata");
    let missing = "/nonexistent/tongda-geodata";
    let mut all: Vec<Vec<String>> = commands(&out)
        .iter()
        .map(|c| with_scenario(c, "plan-2030"))
        .collect();
    for c in [
        vec!["validate"],
        vec!["route", "--from", "成都", "--to", "重庆"],
        vec!["inventory"],
        vec!["calibrate"],
        vec!["list", "places"],
        vec!["export", "--year", "2030", "--out", "-"],
        vec!["changes", "--from", "2024", "--to", "2030"],
    ] {
        all.push(c.into_iter().map(String::from).collect());
    }
    for cmd in all {
        let mut args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        args.extend(["--geodata", missing, "--json"]);
        let v = json_error(&args);
        assert_eq!(v["error"]["code"], "io", "{args:?}: {v}");
        assert!(
            v["error"]["message"]
                .as_str()
                .unwrap_or("")
                .contains(missing),
            "{args:?}: the message names the directory: {v}"
        );
    }
}

#[test]
fn every_scenario_command_takes_a_name_and_suggests_the_closest_for_an_unknown_one() {
    let out = tmp("names");
    for cmd in commands(&out) {
        let args = with_scenario(&cmd, "plan-2031");
        let mut a: Vec<&str> = args.iter().map(String::as_str).collect();
        a.push("--json");
        let v = json_error(&a);
        assert_eq!(v["error"]["code"], "bad_scenario", "{a:?}: {v}");
        let m = v["error"]["message"].as_str().unwrap_or("");
        assert!(m.contains("plan-2030"), "{a:?}: suggests plan-2030: {m}");
    }
    // A name works where a file did (and a file still works).
    for s in ["baseline-2024", "scenarios/baseline-2024.toml"] {
        let o = tongda(&["skim", s, "--places", "cities", "--out", "-"]);
        assert_eq!(o.status.code(), Some(0), "{s}: {}", text(&o.stderr));
        assert_eq!(text(&o.stdout).lines().count(), 1 + 16 * 16, "{s}");
    }
}

#[test]
fn geodata_replaces_the_scenarios_own_directory() {
    // The fixture scenario names ../mini; --geodata the real geodata instead:
    // the skim then has the real network's 16 cities, not the fixture's.
    let s = "tests/fixtures/scenarios/base-2024.toml";
    let mini = tongda(&["skim", s, "--places", "cities", "--out", "-"]);
    assert_eq!(mini.status.code(), Some(0), "{}", text(&mini.stderr));
    let real = tongda(&[
        "skim",
        s,
        "--places",
        "cities",
        "--out",
        "-",
        "--geodata",
        "geodata",
    ]);
    assert_eq!(real.status.code(), Some(0), "{}", text(&real.stderr));
    assert_eq!(text(&real.stdout).lines().count(), 1 + 16 * 16);
    assert_ne!(text(&mini.stdout), text(&real.stdout));
}

#[test]
fn json_errors_carry_the_codes_the_readme_lists() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["route", "--from", "成都", "--to", "重廣"],
            "unknown_place",
        ),
        (
            vec![
                "rank",
                "plan-2030",
                "--out",
                "/tmp/x",
                "--projects",
                "成达万高速",
            ],
            "unknown_project",
        ),
        (
            vec!["route", "--from", "成都", "--to", "重庆", "--year", "1700"],
            "bad_year",
        ),
        (vec!["export", "plan-2035", "--out", "-"], "bad_scenario"),
        (
            vec!["isochrone", "--origin", "30.57,104.07", "--out", "-"],
            "bad_geometry",
        ),
        (
            vec!["skim", "plan-2030", "--out", "-", "--threads", "0"],
            "bad_argument",
        ),
        (vec!["route", "--nonsense"], "bad_argument"),
        (
            vec![
                "route",
                "--from",
                "成都",
                "--to",
                "重庆",
                "--geodata",
                "tests/fixtures/bad/duplicate_id",
            ],
            "bad_geodata",
        ),
        (
            vec!["export", "plan-2030", "--out", "x.shp"],
            "bad_argument",
        ),
    ];
    for (args, code) in cases {
        let mut a = args.clone();
        a.push("--json");
        let v = json_error(&a);
        assert_eq!(v["error"]["code"], code, "{a:?}: {v}");
        assert!(
            readme.contains(&format!("| `{code}` |")),
            "the README's table lists `{code}`"
        );
    }
    // The suggestion names the project's id and its Chinese name.
    let v = json_error(&[
        "rank",
        "plan-2030",
        "--out",
        "/tmp/x",
        "--projects",
        "成达万高速",
        "--json",
    ]);
    assert!(v["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("chengdawan (成达万高铁)")));
}

#[test]
fn names_are_accepted_with_or_without_their_suffix() {
    for (q, id) in [
        ("成都市", "chengdu"),
        ("德阳市", "deyang"),
        ("重庆市", "chongqing"),
        ("成都东", "st_chengdudong"),
        ("沙坪坝", "cq_shapingba"),
        ("沙坪坝站", "st_shapingba"),
    ] {
        let o = tongda(&["route", "--from", q, "--to", "乐山", "--json"]);
        assert_eq!(o.status.code(), Some(0), "{q}: {}", text(&o.stderr));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        assert_eq!(v["from"], id, "{q}");
    }
    // A project by its Chinese name: rank takes it (a leave-one-out of plan-2030).
    let out = tmp("rank");
    let o = tongda(&[
        "rank",
        "plan-2030",
        "--out",
        out.to_str().expect("utf-8"),
        "--projects",
        "成达万高铁",
        "--mode",
        "remove",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v[0]["project"], "chengdawan");
}

#[test]
fn list_shows_ids_names_kind_status_and_year() {
    let o = tongda(&["list", "places", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let cd = v
        .as_array()
        .and_then(|a| a.iter().find(|p| p["id"] == "chengdu"))
        .expect("chengdu");
    assert_eq!(cd["name_zh"], "成都");
    assert_eq!(cd["kind"], "city");
    let o = tongda(&["list", "projects", "--year", "2024", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let ids: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert!(!ids.contains(&"chengdawan"), "not open in 2024");
    let o = tongda(&["list", "projects", "--year", "2030", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let cdw = v
        .as_array()
        .and_then(|a| a.iter().find(|p| p["id"] == "chengdawan"))
        .expect("成达万 by 2030");
    assert_eq!(cdw["name_zh"], "成达万高铁");
    assert_eq!(cdw["year"], 2027);
    for what in ["stations", "scenarios", "goals"] {
        let o = tongda(&["list", what]);
        assert_eq!(o.status.code(), Some(0), "{what}: {}", text(&o.stderr));
    }
    let o = tongda(&["list", "scenarios", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(v.as_array().is_some_and(
        |a| a.iter().any(|s| s["id"] == "plan-2030") && !a.iter().any(|s| s["id"] == "goals")
    ));
}

/// GDAL's ogrinfo on `path`: its summary, failing on any warning or error.
/// None when ogrinfo is missing outside CI (the test then skips, loudly).
fn ogrinfo(path: &Path) -> Option<String> {
    let o = match Command::new("ogrinfo")
        .args(["-ro", "-al", "-so"])
        .arg(path)
        .output()
    {
        Ok(o) => o,
        Err(e) => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("CI: ogrinfo is missing ({e}); .ci/run installs gdal-bin");
            }
            eprintln!("SKIPPED: ogrinfo not found ({e}); install gdal-bin to run this check");
            return None;
        }
    };
    let err = text(&o.stderr);
    assert!(o.status.success(), "ogrinfo {}: {err}", path.display());
    assert!(
        err.trim().is_empty(),
        "ogrinfo {} printed warnings: {err}",
        path.display()
    );
    Some(text(&o.stdout))
}

#[test]
fn export_of_plan_2030_opens_in_ogrinfo_without_warnings() {
    let dir = tmp("export");
    let gpkg = dir.join("plan-2030.gpkg");
    let g = gpkg.to_str().expect("utf-8");
    let o = tongda(&["export", "plan-2030", "--out", g]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let links = dir.join("links.geojson");
    let o = tongda(&[
        "export",
        "plan-2030",
        "--out",
        links.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let layers = dir.join("layers");
    let o = tongda(&[
        "export",
        "plan-2030",
        "--out",
        layers.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let gcj = dir.join("gcj.gpkg");
    let o = tongda(&[
        "export",
        "--year",
        "2030",
        "--crs",
        "GCJ-02",
        "--out",
        gcj.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let changes = dir.join("changes.geojson");
    let o = tongda(&[
        "changes",
        "--from",
        "2024",
        "--to",
        "2030",
        "--out",
        changes.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));

    let Some(info) = ogrinfo(&gpkg) else {
        return;
    };
    assert!(info.contains("Layer name: nodes") && info.contains("Layer name: links"));
    assert!(info.contains("Geometry: Point") && info.contains("Geometry: Line String"));
    assert!(info.contains("ID[\"EPSG\",4326]"), "CRS EPSG:4326: {info}");
    for field in [
        "open_year: Integer64",
        "design_speed_kmh: Real",
        "operating_speed_kmh: Real",
        "population: Integer64",
        "name_zh: String",
        "oneway: Integer(Boolean)",
    ] {
        assert!(info.contains(field), "{field}: {info}");
    }
    let one = ogrinfo(&links).expect("ogrinfo");
    assert!(one.contains("Geometry: Line String") && !one.contains("Point"));
    for f in ["nodes.geojson", "links.geojson"] {
        ogrinfo(&layers.join(f)).expect("ogrinfo");
    }
    ogrinfo(&gcj).expect("ogrinfo");
    ogrinfo(&changes).expect("ogrinfo");
}

#[test]
fn export_links_carry_that_years_speed_status_and_project() {
    let o = tongda(&["export", "plan-2030", "--out", "-"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("GeoJSON");
    let feats = v["features"].as_array().expect("features");
    assert!(feats.iter().all(|f| f["geometry"]["type"] == "LineString"));
    let cdw = feats
        .iter()
        .find(|f| f["properties"]["project"] == "chengdawan")
        .expect("成达万 in plan-2030");
    assert_eq!(cdw["properties"]["open_year"], 2027);
    assert!(cdw["properties"]["operating_speed_kmh"].as_f64().is_some());
    // Nothing opening after 2030, nothing proposed.
    assert!(feats.iter().all(|f| f["properties"]["open_year"]
        .as_i64()
        .is_some_and(|y| y <= 2030)
        && f["properties"]["status"] != "proposed"));
    // The 2024 network has no 成达万.
    let o = tongda(&["export", "--year", "2024", "--out", "-"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("GeoJSON");
    assert!(!v["features"]
        .as_array()
        .expect("features")
        .iter()
        .any(|f| f["properties"]["project"] == "chengdawan"));
}

#[test]
fn changes_2024_to_2030_lists_openings_and_retirements_with_km() {
    let o = tongda(&["changes", "--from", "2024", "--to", "2030", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let find = |id: &str, change: &str| {
        v["projects"]
            .as_array()
            .and_then(|a| {
                a.iter()
                    .find(|p| p["project"] == id && p["change"] == change)
            })
            .cloned()
            .unwrap_or_else(|| panic!("{id} {change}"))
    };
    let cdw = find("chengdawan", "opens");
    assert_eq!(cdw["years"], serde_json::json!([2027]));
    assert!(cdw["km_sc"].as_f64().is_some_and(|k| k > 300.0));
    assert!(cdw["km_cq"].as_f64().is_some_and(|k| k > 0.0));
    find("longxu_old", "retires");
    find("chengyu_zhongxian", "opens");
    assert!(v["km"]["opens"]["hsr"]["total"]
        .as_f64()
        .is_some_and(|k| k > 1000.0));
    // The table and the reversed years.
    let o = tongda(&["changes", "--from", "2024", "--to", "2030"]);
    assert!(text(&o.stdout).contains("成达万高铁"));
    let v = json_error(&["changes", "--from", "2030", "--to", "2024", "--json"]);
    assert_eq!(v["error"]["code"], "bad_year");
}

#[test]
fn gcj02_and_bd09_positions_are_read_and_written() {
    use tongda_core::chinacrs::{distance_m, MapCrs};
    use tongda_core::iso::OriginSpec;
    // 天府广场 (WGS84) given as GCJ-02 and BD-09 comes back within a metre.
    let wgs = (104.0665, 30.5723);
    for (prefix, crs) in [("gcj02", MapCrs::Gcj02), ("bd09", MapCrs::Bd09)] {
        let (x, y) = crs.from_wgs84(wgs.0, wgs.1);
        let spec = OriginSpec::parse(&format!("{prefix}:{x},{y}")).expect("parses");
        let OriginSpec::Point { lon, lat } = spec else {
            panic!("a point");
        };
        assert!(distance_m((lon, lat), wgs) < 1.0, "{prefix}");
    }
    assert!(OriginSpec::parse("gcj02:104.07").is_err());
    // Written: export in GCJ-02 is offset from WGS84 by the transform.
    let w = tongda(&["export", "plan-2030", "--layer", "nodes", "--out", "-"]);
    let g = tongda(&[
        "export",
        "plan-2030",
        "--layer",
        "nodes",
        "--out",
        "-",
        "--crs",
        "GCJ-02",
    ]);
    let pos = |o: &Output| -> (f64, f64) {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("GeoJSON");
        let f = v["features"]
            .as_array()
            .and_then(|a| a.iter().find(|f| f["properties"]["id"] == "chengdu"))
            .cloned()
            .expect("chengdu");
        let c = &f["geometry"]["coordinates"];
        (c[0].as_f64().expect("x"), c[1].as_f64().expect("y"))
    };
    let (pw, pg) = (pos(&w), pos(&g));
    let expect = MapCrs::Gcj02.from_wgs84(pw.0, pw.1);
    assert!(distance_m(pg, expect) < 0.2);
    assert!(distance_m(pw, pg) > 100.0, "GCJ-02 is offset");
    // An isochrone around a GCJ-02 position, written in BD-09.
    let (x, y) = MapCrs::Gcj02.from_wgs84(104.0665, 30.5723);
    let o = tongda(&[
        "isochrone",
        "--scenario",
        "baseline-2024",
        "--origin",
        &format!("gcj02:{x},{y}"),
        "--minutes",
        "30",
        "--crs",
        "BD-09",
        "--out",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("GeoJSON");
    assert_eq!(v["tongda"]["crs"], "BD-09");
    assert!(v.get("crs").is_none(), "no OGC crs member for BD-09");
}

#[test]
fn excel_csv_has_a_bom_and_unquoted_numbers() {
    let o = tongda(&[
        "skim",
        "plan-2030",
        "--places",
        "cities",
        "--out",
        "-",
        "--excel",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(o.stdout.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let body = text(&o.stdout[3..]);
    let row = body.lines().nth(1).expect("a row");
    let cells: Vec<&str> = row.split(',').collect();
    assert!(
        cells[4].parse::<f64>().is_ok() && !cells[4].contains('"'),
        "{row}"
    );
    let plain = tongda(&["skim", "plan-2030", "--places", "cities", "--out", "-"]);
    assert!(!plain.stdout.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(text(&plain.stdout), body);
}

#[test]
fn freight_in_vehicle_is_never_longer_than_door_to_door() {
    let dir = tmp("freight");
    let o = tongda(&["run", "plan-2027", "--out", dir.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).expect("report"))
            .expect("json");
    let mut n = 0;
    for g in r["goals"].as_array().expect("goals") {
        for p in g["pairs"].as_array().into_iter().flatten() {
            if let (Some(iv), Some(dd)) =
                (p["in_vehicle_min"].as_f64(), p["door_to_door_min"].as_f64())
            {
                assert!(
                    iv <= dd,
                    "{} {} → {}: {iv} > {dd}",
                    g["id"],
                    p["from"],
                    p["to"]
                );
                n += 1;
            }
        }
    }
    assert!(n > 10);
    for (a, b) in [
        ("达州站", "万州新田港"),
        ("成都", "巫山"),
        ("成都", "泸州西站"),
    ] {
        let o = tongda(&[
            "route",
            "--from",
            a,
            "--to",
            b,
            "--profile",
            "freight",
            "--year",
            "2027",
            "--json",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        let dd = v["minutes"].as_f64().expect("minutes");
        let iv = v["other_measure"]["minutes"].as_f64().expect("in-vehicle");
        assert!(iv <= dd && iv > 0.0, "{a} → {b}: {iv} > {dd}");
    }
}

#[test]
fn a_freight_skims_in_vehicle_column_is_the_routers_moving_time() {
    // Every cell of the freight skim: in-vehicle ≤ door-to-door, and equal to
    // the moving time of the router's door-to-door route (an independent
    // search per pair, with its legs).
    use tongda_core::graph::RoutingGraph;
    use tongda_core::route::Router;
    use tongda_core::skim::Skim;
    use tongda_core::{Measure, Profile};
    let sc =
        tongda_core::scenario::Scenario::load(std::path::Path::new("scenarios/plan-2027.toml"))
            .expect("loads");
    let g = RoutingGraph::compile(
        &sc.network,
        &sc.time_model,
        &sc.graph_spec(Profile::Freight),
    );
    let places: Vec<u32> = (0..sc.network.nodes.len() as u32)
        .filter(|&i| sc.network.nodes[i as usize].kind.is_place())
        .step_by(7)
        .collect();
    let iv = Skim::moving(&sc.network, &g, &places, &places);
    let dd = Skim::compute(&g, &places, &places, Measure::DoorToDoor);
    let mut router = Router::new(&sc.network, &g);
    let mut n = 0;
    for (i, &a) in places.iter().enumerate() {
        for (j, &b) in places.iter().enumerate() {
            let (m, d) = (iv.get(i, j), dd.get(i, j));
            assert_eq!(m.is_some(), d.is_some(), "{i} {j}");
            if let (Some(m), Some(d)) = (m, d) {
                assert!(m <= d, "{a} → {b}: {m} > {d}");
                if a != b {
                    let r = router.route(a, b, Measure::DoorToDoor).expect("reachable");
                    assert_eq!(r.seconds, d);
                    assert_eq!(r.moving_seconds(), m, "{a} → {b}");
                    n += 1;
                }
            }
        }
    }
    assert!(n > 100, "{n} pairs");
}

#[test]
fn validate_and_gen_graph_speak_json_too() {
    let o = tongda(&["validate", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["errors"], 0);
    let o = tongda(&[
        "validate",
        "--geodata",
        "tests/fixtures/bad/duplicate_id",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["errors"], 1);
    assert_eq!(v["diagnostics"][0]["severity"], "error");
    let dir = tmp("gen");
    let prefix = dir.join("g");
    let o = tongda(&[
        "gen-graph",
        "--side",
        "10",
        "--out",
        prefix.to_str().expect("utf-8"),
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(v["nodes"].as_u64().is_some_and(|n| n > 0));
}

#[test]
fn rank_csv_quotes_a_name_with_a_comma_and_never_a_number() {
    let dir = tmp("rankcsv");
    let o = tongda(&[
        "rank",
        "plan-2030",
        "--out",
        dir.to_str().expect("utf-8"),
        "--projects",
        "rd_chengxuan_dalin",
        "--mode",
        "remove",
        "--excel",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let bytes = std::fs::read(dir.join("rank.csv")).expect("rank.csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "--excel: BOM");
    let body = text(&bytes[3..]);
    let row = body.lines().nth(1).expect("one row");
    // A minimal CSV split that honours quotes.
    let mut cells = vec![String::new()];
    let mut quoted = false;
    for ch in row.chars() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(String::new()),
            c => cells.last_mut().expect("cell").push(c),
        }
    }
    assert_eq!(cells.len(), 10, "{row}");
    assert!(cells[3].contains(','), "the name keeps its comma: {row}");
    for k in [0, 5, 7, 8, 9] {
        assert!(cells[k].parse::<f64>().is_ok(), "column {k} numeric: {row}");
    }
    assert!(!row.contains("\"2030\""), "{row}");
}

#[test]
fn isochrone_pages_print_their_origins_in_the_output_crs() {
    // The GeoJSON and its HTML page agree: with --crs GCJ-02 the page's
    // origin coordinates are GCJ-02 (the published transform, tested on
    // reference points in chinacrs), labelled; with WGS84 they are as given.
    let dir = tmp("iso-html-crs");
    let file = dir.join("cd.geojson");
    let out = file.to_str().expect("utf-8");
    let args = [
        "isochrone",
        "--scenario",
        "plan-2030",
        "--origin",
        "104.0657,30.6595",
        "--html",
        "--out",
        out,
    ];
    let o = tongda(&[&args[..], &["--crs", "GCJ-02"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let page = std::fs::read_to_string(dir.join("cd.html")).expect("page");
    let (x, y) = tongda_core::chinacrs::wgs84_to_gcj02(104.0657, 30.6595);
    let shown = format!("{x:.4}, {y:.4} (GCJ-02)");
    assert!(page.contains(&shown), "{shown} not on the page");
    let o = tongda(&args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let page = std::fs::read_to_string(dir.join("cd.html")).expect("page");
    assert!(page.contains("104.0657, 30.6595; ") && !page.contains("(GCJ-02)"));
}
