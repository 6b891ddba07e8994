//! Every validation rule, on its own malformed copy of the mini fixture
//! (tests/fixtures/bad/<case>, written by tests/fixtures/gen_fixtures.py),
//! must produce exactly the reviewed diagnostics below — no more, no fewer.
//! `{dir}` stands for the case's directory.

use tongda_core::graph::network_warnings;
use tongda_core::io::load_geodata;
use tongda_core::TimeModel;

const CASES: &[(&str, &[&str])] = &[
    (
        "duplicate_id",
        &[
            "error: {dir}/links.geojson: feature \"suiyu_1\": duplicate id: already used in {dir}/links.geojson — fix: give every feature its own id",
        ],
    ),
    (
        "invalid_json",
        &[
            "error: {dir}/links.geojson:209:24: invalid JSON: EOF while parsing an object at line 209 column 24 — fix: repair the JSON syntax at that line and column (a JSON linter helps)",
        ],
    ),
    (
        "length_negative",
        &[
            "error: {dir}/links.geojson: feature \"chengyu_hsr_2\": `length_km` = -158 must be positive — fix: give the official length in km, or omit it to use the geometry's length",
        ],
    ),
    (
        "length_zero",
        &[
            "error: {dir}/links.geojson: feature \"chengyu_hsr_2\": `length_km` = 0 must be positive — fix: give the official length in km, or omit it to use the geometry's length",
        ],
    ),
    (
        "missing_id",
        &[
            "error: {dir}/links.geojson: feature \"feature #3\": missing property `id` — fix: every feature needs a unique ASCII id in properties.id",
        ],
    ),
    (
        "outside_region",
        &[
            "error: {dir}/nodes.geojson: feature \"suining\": position [121.47, 31.23] is outside the region (lon 97–111, lat 26–34.5) — fix: check the coordinates: WGS84 degrees, [lon, lat] order",
        ],
    ),
    (
        "speed_absurd",
        &[
            "error: {dir}/links.geojson: feature \"chengyu_hsr_1\": `design_speed_kmh` = 900 km/h is impossible: it must be > 0 and ≤ 600 — fix: give the speed in km/h (e.g. 350 for HSR, 120 for an expressway)",
        ],
    ),
    (
        "speed_zero",
        &[
            "error: {dir}/links.geojson: feature \"chengyu_hsr_1\": `design_speed_kmh` = 0 km/h is impossible: it must be > 0 and ≤ 600 — fix: give the speed in km/h (e.g. 350 for HSR, 120 for an expressway)",
        ],
    ),
    (
        "speed_since_not_object",
        &["error: {dir}/links.geojson: feature \"chengyu_hsr_1\": `operating_speed_since` must be an object, found an array — fix: write an object of year → km/h, e.g. {\"2016\": 210, \"2018\": 250}"],
    ),
    (
        "speed_since_bad_year",
        &["error: {dir}/links.geojson: feature \"chengyu_hsr_1\": `operating_speed_since` key \"2020年\" is not a year (1800–2100) — fix: write an object of year → km/h, e.g. {\"2016\": 210, \"2018\": 250}"],
    ),
    (
        "speed_since_before_opening",
        &["error: {dir}/links.geojson: feature \"chengyu_hsr_1\": `operating_speed_since` changes the speed in 2012, not after the opening year 2015 — fix: give the speed at opening as `operating_speed_kmh`; list only later changes here"],
    ),
    (
        "speed_since_speed_absurd",
        &["error: {dir}/links.geojson: feature \"chengyu_hsr_1\": `operating_speed_since` \"2020\": 0 is not a possible speed (> 0 and ≤ 600 km/h) — fix: write an object of year → km/h, e.g. {\"2016\": 210, \"2018\": 250}"],
    ),
    (
        "swapped_lat_lon",
        &[
            "error: {dir}/nodes.geojson: feature \"suining\": position [30.5327, 105.5927] looks like [latitude, longitude]: latitude and longitude are swapped — fix: GeoJSON order is [lon, lat]: write [105.5927, 30.5327]",
        ],
    ),
    (
        "express_stop_misplaced",
        &[
            "error: {dir}/nodes.geojson: feature \"neijiang\": `express_stop` applies to stations only — fix: remove the property, or set kind to station",
        ],
    ),
    (
        "express_stop_not_bool",
        &[
            "error: {dir}/nodes.geojson: feature \"st_neijiangbei\": property `express_stop` must be true or false, found \"yes\" — fix: write true or false",
        ],
    ),
    (
        "approach_misplaced",
        &[
            "error: {dir}/nodes.geojson: feature \"neijiang\": `approach_s` applies to stations only — fix: remove the property, or set kind to station",
        ],
    ),
    (
        "approach_absurd",
        &[
            "error: {dir}/nodes.geojson: feature \"st_neijiangbei\": `approach_s` must be between 0 and 900 seconds — fix: give the seconds one approach to the station takes beyond the line's cruise pace",
        ],
    ),
    (
        "unknown_mode",
        &[
            "error: {dir}/links.geojson: feature \"suiyu_1\": unknown mode \"maglev\" — fix: use hsr, intercity, conventional_rail, suburban_rail, expressway, highway, waterway or access",
        ],
    ),
    (
        "unknown_node",
        &[
            "error: {dir}/links.geojson: feature \"suiyu_2\": `to` names unknown node \"st_chongqingbie\" (closest: st_chongqingbei, chongqing) — fix: use the id of an existing node, or add the node",
        ],
    ),
    (
        "unknown_status",
        &[
            "error: {dir}/links.geojson: feature \"zhongxian_1\": unknown status \"dreamt\" — fix: use open, under_construction, planned or proposed",
        ],
    ),
    (
        "warn_duplicate_link",
        &[
            "warning: {dir}/links.geojson: feature \"suiyu_1_again\": likely duplicate of link \"suiyu_1\": same endpoints (st_chengdudong – st_suining), mode intercity and status open — fix: remove one, or give the second line its own `line` and `inventory: false` if it shares the track",
        ],
    ),
    (
        "warn_length_off",
        &[
            "warning: {dir}/links.geojson: feature \"suiyu_1\": declared length_km 400.0 is +192% off the geometry's geodesic length 136.8 km — fix: check length_km, or add vertices so the geometry follows the route",
        ],
    ),
    (
        "warn_unreachable",
        &[
            "warning: {dir}/nodes.geojson: feature \"ziyang\": not reachable both ways from the main passenger network (10 of 11 nodes) — fix: connect it with a link or an access connector usable by this profile",
            "warning: {dir}/nodes.geojson: feature \"ziyang\": not reachable both ways from the main car network (10 of 11 nodes) — fix: connect it with a link or an access connector usable by this profile",
            "warning: {dir}/nodes.geojson: feature \"ziyang\": not reachable both ways from the main freight network (10 of 11 nodes) — fix: connect it with a link or an access connector usable by this profile",
        ],
    ),
    (
        "wrong_geometry",
        &[
            "error: {dir}/nodes.geojson: feature \"neijiang\": geometry type Polygon is not supported: nodes are Point, links are LineString — fix: use a Point for a node or a LineString for a link (split a MultiLineString into links)",
        ],
    ),
    (
        "year_not_integer",
        &[
            "error: {dir}/links.geojson: feature \"zhongxian_1\": property `open_year` must be an integer year, found \"2027年\" — fix: write the year as a whole number without quotes, e.g. 2027",
        ],
    ),
];

fn diagnostics(case: &str) -> Vec<String> {
    let dir = format!("tests/fixtures/bad/{case}");
    let report = load_geodata(dir.as_ref()).expect("fixture directory is readable");
    let mut diags = report.diagnostics.clone();
    if let Some(net) = &report.network {
        diags.extend(network_warnings(
            net,
            &TimeModel::default(),
            &report.file_of,
        ));
    }
    diags
        .iter()
        .map(|d| d.to_string().replace(&format!("{dir}/"), "{dir}/"))
        .collect()
}

#[test]
fn every_malformed_fixture_gives_its_exact_diagnostics() {
    let on_disk = std::fs::read_dir("tests/fixtures/bad")
        .expect("fixtures exist")
        .count();
    assert_eq!(
        on_disk,
        CASES.len(),
        "a fixture under tests/fixtures/bad has no expectation here"
    );
    for (case, expected) in CASES {
        assert_eq!(diagnostics(case), *expected, "case {case}");
    }
}

#[test]
fn errors_block_the_network_and_warnings_do_not() {
    for (case, _) in CASES {
        let report = load_geodata(format!("tests/fixtures/bad/{case}").as_ref()).expect("readable");
        let is_error_case = !case.starts_with("warn_");
        assert_eq!(report.network.is_none(), is_error_case, "case {case}");
        assert_eq!(report.error_count() > 0, is_error_case, "case {case}");
    }
}

#[test]
fn the_mini_fixture_is_clean() {
    let report = load_geodata("tests/fixtures/mini".as_ref()).expect("readable");
    let net = report.network.as_ref().expect("no errors");
    let warnings = network_warnings(net, &TimeModel::default(), &report.file_of);
    assert!(
        report.diagnostics.is_empty() && warnings.is_empty(),
        "{:?} {:?}",
        report.diagnostics,
        warnings
    );
}

#[test]
fn a_missing_directory_is_an_io_error_naming_it() {
    let err = load_geodata("tests/fixtures/no_such_dir".as_ref()).expect_err("missing");
    assert!(
        err.to_string()
            .starts_with("cannot read tests/fixtures/no_such_dir:"),
        "{err}"
    );
}
