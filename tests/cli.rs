//! The `tongda` binary as a user runs it: exit codes, no panics, route output.

use std::process::{Command, Output};

fn tongda(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tongda"))
        .args(args)
        .output()
        .expect("the tongda binary runs")
}

/// `tongda route --geodata tests/fixtures/mini --from FROM --to TO EXTRA…`.
fn route_on_mini(from: &str, to: &str, extra: &[&str]) -> Output {
    let args = [
        "route",
        "--geodata",
        "tests/fixtures/mini",
        "--from",
        from,
        "--to",
        to,
    ];
    tongda(&[&args[..], extra].concat())
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
    let out = route_on_mini("成都", "重庆", &["--year", "2024", "--json"]);
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
    let out = route_on_mini("chengdoo", "重庆", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim(),
        "tongda: no place or node called \"chengdoo\" — did you mean: chengdu (成都 / Chengdu)?"
    );
    // 遂宁 names both the city and the station: the place wins, no error.
    let out = route_on_mini("遂宁", "重庆", &[]);
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

fn read_dir_files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("output dir")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            (
                p.file_name().expect("name").to_string_lossy().into_owned(),
                std::fs::read(&p).expect("read"),
            )
        })
        .collect();
    v.sort();
    v
}

/// Same inputs, 1 or 2 threads: byte-identical output files.
#[test]
fn run_and_rank_are_byte_identical_across_thread_counts() {
    let tmp = std::env::temp_dir().join(format!("tongda-determinism-{}", std::process::id()));
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        let run_dir = tmp.join(format!("run-{threads}"));
        let rank_dir = tmp.join(format!("rank-{threads}"));
        for (args, dir) in [
            (
                vec![
                    "run",
                    "tests/fixtures/scenarios/base-2030.toml",
                    "--threads",
                    threads,
                    "--out",
                ],
                &run_dir,
            ),
            (
                vec![
                    "rank",
                    "tests/fixtures/scenarios/open-only-2024.toml",
                    "--threads",
                    threads,
                    "--out",
                ],
                &rank_dir,
            ),
        ] {
            let mut a = args.clone();
            let d = dir.to_str().expect("utf-8");
            a.push(d);
            let out = tongda(&a);
            assert_eq!(out.status.code(), Some(0), "{a:?}: {}", text(&out.stderr));
        }
        outputs.push((read_dir_files(&run_dir), read_dir_files(&rank_dir)));
    }
    assert_eq!(
        outputs[0].0.len(),
        5,
        "report.md, report.json, skim.csv, paths.geojson, report.html"
    );
    assert_eq!(outputs[0].1.len(), 3, "rank.md, rank.json, rank.csv");
    assert!(
        outputs[0] == outputs[1],
        "outputs differ between 1 and 2 threads"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn fail_on_goal_exits_3_and_writes_the_report() {
    let tmp = std::env::temp_dir().join(format!("tongda-fail-on-goal-{}", std::process::id()));
    let d = tmp.to_str().expect("utf-8");
    let out = tongda(&[
        "run",
        "tests/fixtures/scenarios/base-2024.toml",
        "--out",
        d,
        "--fail-on-goal",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("F1    FAIL"));
    assert!(tmp.join("report.json").exists());
    let out = tongda(&[
        "run",
        "tests/fixtures/scenarios/base-2030.toml",
        "--out",
        d,
        "--fail-on-goal",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let _ = std::fs::remove_dir_all(&tmp);
}

/// Runs `tongda run SCENARIO` into a fresh directory, asserts exit 2 and that
/// nothing was written, and returns stderr.
fn run_bad_scenario(scenario: &str, tag: &str) -> String {
    run_bad_scenario_with(&[], scenario, tag)
}

/// `tongda run SCENARIO --out DIR EXTRA…` must exit 2 and write nothing; returns stderr.
fn run_bad_scenario_with(extra: &[&str], scenario: &str, tag: &str) -> String {
    let tmp = std::env::temp_dir().join(format!("tongda-{tag}-{}", std::process::id()));
    let d = tmp.to_str().expect("utf-8");
    let out = tongda(&[&["run", scenario, "--out", d], extra].concat());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(!tmp.exists(), "nothing may be written for bad input");
    text(&out.stderr)
}

#[test]
fn a_scenario_with_bad_edits_writes_nothing() {
    let stderr = run_bad_scenario("tests/fixtures/scenarios/bad-edits.toml", "bad-edits");
    assert!(
        stderr.starts_with("tongda: 3 error(s) in the input:"),
        "{stderr}"
    );
}

#[test]
fn goals_no_evaluation_could_honour_are_named_and_nothing_is_written() {
    // Before the check, B1–B3 were evaluated and always failed, B4 panicked
    // (index out of bounds) and B5/B6 passed or failed vacuously.
    let stderr = run_bad_scenario("tests/fixtures/scenarios/bad-goal-values.toml", "bad-goals");
    let at =
        |id: &str| format!("  error: tests/fixtures/scenarios/bad-goals.toml: feature \"{id}\": ");
    let expected = [
        "tongda: 6 error(s) in the input:".to_string(),
        at("B1") + "`threshold_min` = -60 is not a positive number of minutes — fix: give the threshold in minutes, e.g. threshold_min = 60",
        at("B2") + "`required_share` = 95 is not a share in (0, 1] — fix: write the share as a fraction, e.g. required_share = 0.95 for 95 %",
        at("B3") + "target `hsr`: `km` = 0 is not a positive number of kilometres — fix: give the target in kilometres, e.g. km = 1900",
        at("B4") + "`hubs` has 0 entries but a hub_to_set goal needs at least 1 — fix: list at least 1 in `hubs`",
        at("B5") + "`set` names \"suining\" twice — fix: list each place once",
        at("B6") + "`from` and `to` are the same place \"chengdu\" — fix: name two different places",
    ];
    assert_eq!(stderr, expected.join("\n") + "\n");
}

#[test]
fn a_scenario_on_an_empty_network_is_refused() {
    // Before the check, year 1800 and `statuses = []` ran on a network with no
    // link: every goal failed with "—" and the report was written (for a
    // scenario named " ").
    let stderr = run_bad_scenario("tests/fixtures/scenarios/bad-basics.toml", "bad-basics");
    let at = "  error: tests/fixtures/scenarios/bad-basics.toml: ";
    let expected = [
        "tongda: 3 error(s) in the input:".to_string(),
        format!("{at}`name` is empty: reports and comparisons could not say which scenario they show — fix: give the scenario a short name, e.g. name = \"plan-2030\""),
        format!("{at}year 1800 is before the first link of the network opened (1995): nothing would exist — fix: use a year from 1995 to 2100"),
        format!("{at}`statuses = []` allows no link: nothing would exist — fix: list the statuses to use, e.g. [\"open\"] for the network as built, or leave `statuses` out for open, under_construction and planned"),
    ];
    assert_eq!(stderr, expected.join("\n") + "\n");
}

#[test]
fn years_outside_the_network_are_refused_by_each_command() {
    let mini = ["--geodata", "tests/fixtures/mini"];
    let refused = |args: &[&str], expected: &str| {
        let out = tongda(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            text(&out.stderr),
            format!("tongda: {expected}\n"),
            "{args:?}"
        );
        assert!(out.stdout.is_empty(), "{args:?} printed a result");
    };
    let route = [
        &["route", "--from", "成都", "--to", "重庆", "--year", "1990"][..],
        &mini,
    ]
    .concat();
    refused(&route, "--year 1990: year 1990 is before the first link of the network opened (1995): nothing would exist — fix: use a year from 1995 to 2100");
    let inventory = [&["inventory", "--year", "20300"][..], &mini].concat();
    refused(&inventory, "--year 20300: year 20300 is after 2100, beyond any plan the data hold — fix: use a year from 1995 to 2100");
    refused(
        &["timeline", "--scenario", "tests/fixtures/scenarios/base-2024.toml", "--from", "1900", "--to", "2024"],
        "--from 1900: year 1900 is before the first link of the network opened (1995): nothing would exist — fix: use a year from 1995 to 2100",
    );
}

#[cfg(unix)]
#[test]
fn a_reader_that_closes_the_pipe_early_does_not_make_it_panic() {
    // `tongda calibrate | head -0`: the reader closes the pipe before the
    // binary has written (it is still loading the geodata), so its first
    // write meets a closed pipe. It must end without a panic message.
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tongda"))
        .arg("calibrate")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the tongda binary runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("the binary ends");
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert!(stderr.is_empty(), "nothing to report, got: {stderr}");
}

#[test]
fn same_place_routes_and_huge_thread_counts_are_refused() {
    let out = route_on_mini("成都", "chengdu", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "tongda: --from and --to both name chengdu (成都 / Chengdu): there is nothing to route — fix: name two different places\n"
    );
    // 100000 threads used to abort the process ("failed to initiate panic")
    // or start them all; now refused before any is started.
    let stderr = run_bad_scenario_with(
        &["--threads", "100000"],
        "tests/fixtures/scenarios/base-2024.toml",
        "threads",
    );
    assert!(
        stderr.starts_with(
            "tongda: --threads 100000 is more than 1024 — fix: use 1 to 1024 (this machine has "
        ),
        "{stderr}"
    );
}
