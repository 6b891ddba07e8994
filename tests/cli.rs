//! The `tongda` binary as a user runs it: exit codes, no panics, route output.

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

#[test]
fn malformed_geodata_exits_2_without_panicking() {
    let mut dirs: Vec<_> = std::fs::read_dir("tests/fixtures/bad")
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 14);
    for dir in dirs {
        let d = dir.to_str().expect("utf-8 path");
        let warn_only = dir
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("warn_"));
        for args in [
            vec!["validate", "--geodata", d],
            vec![
                "route",
                "--geodata",
                d,
                "--from",
                "chengdu",
                "--to",
                "chongqing",
            ],
        ] {
            let out = tongda(&args);
            let all = text(&out.stdout) + &text(&out.stderr);
            assert!(!all.contains("panicked"), "{args:?}: {all}");
            if !warn_only {
                assert_eq!(out.status.code(), Some(2), "{args:?}: {all}");
                assert!(all.contains("error"), "{args:?}: {all}");
            } else if args[0] == "validate" {
                assert_eq!(out.status.code(), Some(0), "{args:?}: {all}");
            }
        }
    }
}

#[test]
fn route_json_on_the_fixture_has_minutes_and_legs() {
    let out = tongda(&[
        "route",
        "--geodata",
        "tests/fixtures/mini",
        "--from",
        "成都",
        "--to",
        "重庆",
        "--year",
        "2024",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["measure"], "door-to-door");
    assert_eq!(v["profile"], "passenger");
    assert_eq!(v["year"], 2024);
    let legs = v["legs"].as_array().expect("legs");
    let sum: f64 = legs
        .iter()
        .map(|l| l["minutes"].as_f64().expect("minutes"))
        .sum();
    let total = v["minutes"].as_f64().expect("minutes");
    assert!(
        (sum - total).abs() < 0.1 * legs.len() as f64,
        "legs {sum} vs total {total}"
    );
    assert!(legs.iter().any(|l| l["name_zh"] == "成渝高铁"), "{v}");
}

#[test]
fn unknown_and_ambiguous_names_list_matches_and_exit_2() {
    let out = tongda(&[
        "route",
        "--geodata",
        "tests/fixtures/mini",
        "--from",
        "chengdoo",
        "--to",
        "重庆",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim(),
        "tongda: no place or node called \"chengdoo\" — did you mean: chengdu (成都 / Chengdu)?"
    );
    // 遂宁 names both the city and the station: the place wins, no error.
    let out = tongda(&[
        "route",
        "--geodata",
        "tests/fixtures/mini",
        "--from",
        "遂宁",
        "--to",
        "重庆",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn bad_options_exit_2() {
    for args in [
        vec![
            "route",
            "--geodata",
            "tests/fixtures/mini",
            "--from",
            "成都",
            "--to",
            "重庆",
            "--profile",
            "plane",
        ],
        vec![
            "route",
            "--geodata",
            "tests/fixtures/mini",
            "--from",
            "成都",
            "--to",
            "重庆",
            "--statuses",
            "soon",
        ],
        vec![
            "route",
            "--geodata",
            "tests/fixtures/nowhere",
            "--from",
            "成都",
            "--to",
            "重庆",
        ],
        vec![
            "validate",
            "--geodata",
            "tests/fixtures/mini",
            "--params",
            "tests/fixtures/nowhere.toml",
        ],
        vec!["frobnicate"],
    ] {
        let out = tongda(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(!text(&out.stderr).contains("panicked"));
    }
}

/// On the repository's own geodata (issue "Region geodata"), the headline query works.
#[test]
fn route_chengdu_chongqing_on_the_region_geodata() {
    let out = tongda(&[
        "route", "--from", "成都", "--to", "重庆", "--year", "2024", "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let m = v["minutes"].as_f64().expect("minutes");
    assert!(m > 60.0 && m < 240.0, "door-to-door 成都→重庆 {m} min");
    assert!(!v["legs"].as_array().expect("legs").is_empty());
}
