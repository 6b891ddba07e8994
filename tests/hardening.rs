//! Issue 18: every reproduction of the hardening issue, as the user meets it
//! through the `tongda` binary — budgets before allocation, no sentinel
//! collisions, checked populations, one CSV writer, strict calibration,
//! outputs that are whole or absent and never over inputs, no silent typos,
//! accurate messages, no blocking on FIFOs — plus a fault test that kills
//! `run` and `isochrones` at random points.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const FIX: &str = "tests/fixtures/hardening";

fn tongda(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tongda"))
        .args(args)
        .output()
        .expect("the tongda binary runs")
}

fn all(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

fn fx(name: &str) -> String {
    format!("{FIX}/{name}")
}

/// A fresh, empty directory under the target directory.
fn scratch(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("hardening-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch dir");
    d
}

fn expect_exit(o: &Output, code: i32, needle: &str, what: &str) {
    let text = all(o);
    assert_eq!(o.status.code(), Some(code), "{what}: {text}");
    assert!(
        text.contains(needle),
        "{what}: expected {needle:?} in: {text}"
    );
    assert!(!text.contains("panicked"), "{what}: {text}");
}

/// Temporary files left in `dir` (any name ending in `.tmp`).
fn tmp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}

// 1. Allocation aborts.

#[test]
fn dimacs_headers_larger_than_their_file_are_refused_before_allocating() {
    assert_eq!(
        std::fs::metadata(fx("huge_header.gr"))
            .expect("fixture")
            .len(),
        18
    );
    let o = tongda(&[
        "sssp",
        "--graph",
        &fx("huge_header.gr"),
        "--sources",
        &fx("one.sources"),
    ]);
    expect_exit(
        &o,
        2,
        "line 1: the problem line declares 4294967294 nodes, more than a file of 18 bytes can hold (at most 1048576)",
        "p sp 4294967294 0",
    );
    for method in ["dijkstra", "phast"] {
        let o = tongda(&[
            "sssp",
            "--graph",
            &fx("header_1e8.gr"),
            "--sources",
            &fx("one.sources"),
            "--method",
            method,
        ]);
        expect_exit(
            &o,
            2,
            "declares 100000000 nodes, more than a file of 25 bytes can hold",
            method,
        );
    }
    let e = tongda_sssp::dimacs::parse_co(b"p aux sp co 4000000000\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 1: the problem line declares 4000000000 nodes, more than a file of 23 bytes can hold (at most 3) — fix: correct the counts on the problem line"
    );
    let e = tongda_sssp::dimacs::parse_gr(b"p sp 2 1000000000\n").unwrap_err();
    assert!(e.to_string().contains("declares 1000000000 arcs"), "{e}");
}

#[cfg(unix)]
#[test]
fn devices_and_oversized_inputs_are_refused() {
    let o = tongda(&[
        "calibrate",
        "--geodata",
        "tests/fixtures/mini",
        "--file",
        "/dev/zero",
    ]);
    expect_exit(
        &o,
        2,
        "/dev/zero is a character device, not a regular file — fix: give a regular file",
        "calibrate --file /dev/zero",
    );
    // A sparse 65-MiB file: larger than any text input may be.
    let d = scratch("oversized");
    let big = d.join("big.toml");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len((64 << 20) + 1).expect("sparse file");
    let o = tongda(&[
        "route",
        "--geodata",
        "tests/fixtures/mini",
        "--params",
        big.to_str().expect("utf-8"),
        "--from",
        "chengdu",
        "--to",
        "chongqing",
    ]);
    expect_exit(
        &o,
        2,
        "big.toml: larger than 67108864 bytes, the most tongda reads from one input",
        "65-MiB params",
    );
    // Two 40-MiB GeoJSON files: each under the limit, together over it.
    let geo = d.join("geo");
    std::fs::create_dir_all(&geo).expect("dir");
    for f in ["a.geojson", "b.geojson"] {
        let f = std::fs::File::create(geo.join(f)).expect("create");
        f.set_len(40 << 20).expect("sparse file");
    }
    let o = tongda(&["validate", "--geodata", geo.to_str().expect("utf-8")]);
    expect_exit(
        &o,
        2,
        "geo: larger than 67108864 bytes, the most tongda reads from one input",
        "80 MiB of geodata",
    );
}

// 2. Sentinel collision.

#[test]
fn a_weight_equal_to_unreached_and_paths_beyond_32_bits_are_refused() {
    let o = tongda(&[
        "sssp",
        "--graph",
        &fx("weight_sentinel.gr"),
        "--sources",
        &fx("one.sources"),
    ]);
    expect_exit(
        &o,
        2,
        "line 2: weight \"4294967295\" is not an integer in 0..=4294967294 (4294967295 means unreached)",
        "weight 4294967295",
    );
    let o = tongda(&[
        "sssp",
        "--graph",
        &fx("path_overflow.gr"),
        "--sources",
        &fx("one.sources"),
    ]);
    expect_exit(
        &o,
        2,
        "a shortest path could be as long as 8589934588 (the heaviest arc into each node, summed), more than tongda's 32-bit distances hold (4294967294)",
        "path overflow",
    );
}

// 3. Population overflow.

#[test]
fn implausible_populations_are_refused_with_file_feature_and_fix() {
    for (dir, value) in [
        ("pop_9e18", "9000000000000000000"),
        ("pop_2_63", "9223372036854775808"),
    ] {
        let o = tongda(&["validate", "--geodata", &fx(dir)]);
        expect_exit(
            &o,
            2,
            &format!("error: {FIX}/{dir}/nodes.geojson: feature \"chengdu\": `population` {value} is more than 100000000 persons, more than any place has — fix: give the 2020 census resident population of this unit (persons, e.g. 20937757 for Chengdu)"),
            dir,
        );
    }
}

// 4. One CSV writer.

/// Fields of one CSV line (RFC 4180 quoting).
fn csv_fields(line: &str) -> Vec<String> {
    let (mut out, mut cur, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    out.push(cur);
    out
}

#[test]
fn run_and_skim_write_the_same_quoted_csv() {
    let d = scratch("csv");
    let out = d.join("run");
    let o = tongda(&[
        "run",
        &fx("comma-name.toml"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", all(&o));
    let run_csv = std::fs::read_to_string(out.join("skim.csv")).expect("skim.csv");
    let skim_path = d.join("skim.csv");
    let o = tongda(&[
        "skim",
        &fx("comma-name.toml"),
        "--out",
        skim_path.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", all(&o));
    let skim_csv = std::fs::read_to_string(&skim_path).expect("skim csv");
    assert_eq!(run_csv, skim_csv, "run and skim write the same table");
    assert!(run_csv.contains("\"成都,四川 \"\"省会\"\"\""), "{run_csv}");
    for line in run_csv.lines() {
        assert_eq!(csv_fields(line).len(), 6, "{line}");
    }
}

// 5. calibrate --strict.

#[test]
fn calibrate_refuses_non_finite_or_non_positive_minutes_and_tolerances() {
    let cal = |file: &str, extra: &[&str]| {
        let f = fx(file);
        let mut args = vec![
            "calibrate",
            "--geodata",
            "tests/fixtures/mini",
            "--strict",
            "--file",
            &f,
        ];
        args.extend_from_slice(extra);
        tongda(&args)
    };
    for (file, value) in [
        ("calib_nan.csv", "NaN"),
        ("calib_inf.csv", "inf"),
        ("calib_zero.csv", "0"),
    ] {
        let row = file.trim_start_matches("calib_").trim_end_matches(".csv");
        expect_exit(
            &cal(file, &[]),
            2,
            &format!("{FIX}/{file} line 2: row {row}_row: published_min {value} is not a positive number of minutes — fix: give the published time in minutes, e.g. 62"),
            file,
        );
    }
    for t in ["NaN", "inf", "-0.1"] {
        expect_exit(
            &cal("calib_ok.csv", &[&format!("--tolerance={t}")]),
            2,
            "must be a finite number ≥ 0",
            t,
        );
    }
    expect_exit(
        &cal("calib_malformed.csv", &[]),
        2,
        &format!("{FIX}/calib_malformed.csv line 3:"),
        "malformed row",
    );
}

// 6. Leftovers and mixtures; 7. outputs over inputs.

#[test]
fn outputs_over_inputs_and_directories_for_files_are_refused() {
    let d = scratch("over-inputs");
    let sc = d.join("s.toml");
    let original = "name = \"s\"\ngeodata = \"geo\"\nyear = 2024\ngoals = \"goals.toml\"\n";
    std::fs::write(&sc, original).expect("scenario");
    std::fs::copy("tests/fixtures/scenarios/goals.toml", d.join("goals.toml")).expect("goals");
    let geo = d.join("geo");
    std::fs::create_dir_all(&geo).expect("geo");
    for f in ["links.geojson", "nodes.geojson", "timemodel.toml"] {
        std::fs::copy(format!("tests/fixtures/mini/{f}"), geo.join(f)).expect("copy");
    }
    let s = sc.to_str().expect("utf-8");
    let o = tongda(&["skim", s, "--out", s]);
    expect_exit(&o, 2, "would overwrite the input", "skim S --out S");
    assert_eq!(std::fs::read_to_string(&sc).expect("scenario"), original);

    let o = tongda(&["run", s, "--out", geo.to_str().expect("utf-8")]);
    expect_exit(&o, 2, "would overwrite the input", "run --out geodata");
    assert!(!geo.join("paths.geojson").exists());
    let o = tongda(&["validate", "--geodata", geo.to_str().expect("utf-8")]);
    assert!(o.status.success(), "{}", all(&o));
    // rank and compare: the same check (before any work is done).
    let g = geo.to_str().expect("utf-8");
    let o = tongda(&["rank", s, "--out", g]);
    expect_exit(&o, 2, "would overwrite the input", "rank --out geodata");
    let o = tongda(&["compare", s, s, "--out", g]);
    expect_exit(&o, 2, "would overwrite the input", "compare --out geodata");
    assert!(!geo.join("rank.md").exists() && !geo.join("compare.md").exists());

    let newdir = format!("{}/newdir/", d.display());
    let o = tongda(&["skim", s, "--out", &newdir]);
    expect_exit(
        &o,
        2,
        "names a directory, but this command writes one file",
        "skim --out newdir/",
    );
    assert!(!d.join("newdir").exists());

    // An existing directory as a file output: refused, nothing left behind.
    let existing = d.join("existing");
    std::fs::create_dir_all(&existing).expect("dir");
    for cmd in [
        vec!["skim", s, "--out", existing.to_str().expect("utf-8")],
        vec![
            "isochrone",
            "--origin",
            "chengdu",
            "--scenario",
            s,
            "--out",
            existing.to_str().expect("utf-8"),
        ],
    ] {
        let o = tongda(&cmd);
        expect_exit(&o, 2, "names a directory", cmd[0]);
        assert!(tmp_files(&d).is_empty() && tmp_files(&existing).is_empty());
    }
}

#[test]
fn write_failures_say_write_and_exit_1() {
    // /proc refuses new directories whoever runs the test (root included).
    let o = tongda(&[
        "run",
        "tests/fixtures/scenarios/base-2024.toml",
        "--out",
        "/proc/self/tongda-out",
    ]);
    expect_exit(
        &o,
        1,
        "cannot write /proc/self/tongda-out",
        "run into /proc",
    );
    assert!(!all(&o).contains("cannot read"), "{}", all(&o));
}

/// Runs `n` copies of `args` at once; all must succeed.
fn concurrently(runs: Vec<Vec<String>>) {
    let children: Vec<_> = runs
        .iter()
        .map(|a| {
            Command::new(env!("CARGO_BIN_EXE_tongda"))
                .args(a)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for (c, a) in children.into_iter().zip(&runs) {
        let o = c.wait_with_output().expect("wait");
        assert!(o.status.success(), "{a:?}: {}", all(&o));
    }
}

#[test]
fn concurrent_runs_into_one_directory_never_mix() {
    let d = scratch("concurrent-runs");
    let refs: Vec<(String, PathBuf)> = ["base-2024", "base-2030"]
        .iter()
        .map(|s| {
            let r = d.join(format!("ref-{s}"));
            let o = tongda(&[
                "run",
                &format!("tests/fixtures/scenarios/{s}.toml"),
                "--out",
                r.to_str().expect("utf-8"),
            ]);
            assert!(o.status.success(), "{}", all(&o));
            (s.to_string(), r)
        })
        .collect();
    let files = ["report.json", "report.md", "skim.csv", "paths.geojson"];
    let shared = d.join("shared");
    for round in 0..4 {
        let runs = (0..4)
            .map(|k| {
                vec![
                    "run".to_string(),
                    format!("tests/fixtures/scenarios/{}.toml", refs[k % 2].0),
                    "--out".into(),
                    shared.display().to_string(),
                    "--threads".into(),
                    "1".into(),
                ]
            })
            .collect();
        concurrently(runs);
        let got: Vec<Vec<u8>> = files
            .iter()
            .map(|f| std::fs::read(shared.join(f)).expect("output"))
            .collect();
        let matches = refs.iter().any(|(_, r)| {
            files
                .iter()
                .zip(&got)
                .all(|(f, g)| &std::fs::read(r.join(f)).expect("ref") == g)
        });
        assert!(
            matches,
            "round {round}: the four files come from different runs"
        );
        assert!(tmp_files(&shared).is_empty(), "{:?}", tmp_files(&shared));
    }
}

#[test]
fn eight_concurrent_shards_into_one_directory_all_succeed() {
    let d = scratch("shards");
    let out = d.join("iso");
    let runs: Vec<Vec<String>> = (1..=8)
        .map(|k| {
            [
                "isochrones",
                "--origins",
                "places",
                "--scenario",
                "tests/fixtures/scenarios/base-2024.toml",
                "--minutes",
                "30,60",
                "--cell-km",
                "4",
                "--threads",
                "1",
                "--shard",
                &format!("{k}/8"),
                "--out",
                out.to_str().expect("utf-8"),
            ]
            .map(String::from)
            .to_vec()
        })
        .collect();
    for _ in 0..2 {
        concurrently(runs.clone());
    }
    assert!(out.join("index.csv").exists());
    assert!(tmp_files(&out).is_empty(), "{:?}", tmp_files(&out));
}

/// Kills `args` with SIGKILL after a pseudo-random delay, `trials` times,
/// then re-runs it to completion: every final-named file must equal the
/// reference bytes whenever it exists, and no temporary file may remain.
fn kill_trials(args: &[String], out: &Path, reference: &Path, trials: u64, max_delay_ms: u64) {
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let expected: Vec<(String, Vec<u8>)> = std::fs::read_dir(reference)
        .expect("reference")
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("ref file"),
            )
        })
        .collect();
    let check = |after_rerun: bool| {
        for (name, bytes) in &expected {
            match std::fs::read(out.join(name)) {
                Ok(got) => assert!(&got == bytes, "{name} is not whole"),
                Err(_) => assert!(!after_rerun, "{name} missing after a re-run"),
            }
        }
        if after_rerun {
            assert!(tmp_files(out).is_empty(), "left: {:?}", tmp_files(out));
        }
    };
    for _ in 0..trials {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = seed % max_delay_ms;
        let mut child = Command::new(env!("CARGO_BIN_EXE_tongda"))
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        check(false);
    }
    let o = Command::new(env!("CARGO_BIN_EXE_tongda"))
        .args(args)
        .output()
        .expect("re-run");
    assert!(o.status.success(), "{}", all(&o));
    check(true);
}

#[test]
fn killed_runs_and_batches_leave_whole_files_and_no_temporaries_after_a_rerun() {
    let t0 = Instant::now();
    let d = scratch("kill");
    let run = |out: &Path| {
        [
            "run",
            "tests/fixtures/scenarios/base-2024.toml",
            "--out",
            out.to_str().expect("utf-8"),
            "--threads",
            "1",
        ]
        .map(String::from)
        .to_vec()
    };
    let iso = |out: &Path| {
        [
            "isochrones",
            "--origins",
            "places",
            "--scenario",
            "tests/fixtures/scenarios/base-2024.toml",
            "--minutes",
            "30,60",
            "--cell-km",
            "3",
            "--threads",
            "1",
            "--out",
            out.to_str().expect("utf-8"),
        ]
        .map(String::from)
        .to_vec()
    };
    for (name, make) in [
        ("run", &run as &dyn Fn(&Path) -> Vec<String>),
        ("iso", &iso),
    ] {
        let reference = d.join(format!("{name}-ref"));
        let o = Command::new(env!("CARGO_BIN_EXE_tongda"))
            .args(make(&reference))
            .output()
            .expect("reference run");
        assert!(o.status.success(), "{}", all(&o));
        let out = d.join(name);
        kill_trials(&make(&out), &out, &reference, 25, 120);
    }
    assert!(t0.elapsed() < Duration::from_secs(60), "{:?}", t0.elapsed());
}

#[test]
fn a_run_killed_between_two_renames_leaves_none_of_the_previous_runs_files() {
    // Scenario A's outputs are in the directory; scenario B is written over
    // them and killed (abort, as kill -9) before its k-th rename, for every
    // k. Whatever is left must be B's files only — never a mixture of A's
    // and B's — and a re-run of B completes the set.
    let d = scratch("rename-mix");
    let run = |scenario: &str, out: &Path, abort: Option<usize>| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tongda"));
        c.args(["run", &fx_scenario(scenario), "--out"])
            .arg(out)
            .args(["--threads", "1"]);
        if let Some(k) = abort {
            c.env("TONGDA_ABORT_BEFORE_RENAME", k.to_string());
        }
        c.output().expect("the tongda binary runs")
    };
    let files = |dir: &Path| -> std::collections::BTreeMap<String, Vec<u8>> {
        (std::fs::read_dir(dir).expect("dir").flatten())
            .filter(|e| !e.file_name().to_string_lossy().ends_with(".tmp"))
            .map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                (name, std::fs::read(e.path()).expect("file"))
            })
            .collect()
    };
    let (ref_a, ref_b) = (d.join("a"), d.join("b"));
    assert!(run("base-2024.toml", &ref_a, None).status.success());
    assert!(run("base-2030.toml", &ref_b, None).status.success());
    let (a, b) = (files(&ref_a), files(&ref_b));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    let differing = a.iter().filter(|(n, bytes)| b[*n] != **bytes).count();
    assert!(
        differing >= 2,
        "the two scenarios must differ in several files"
    );
    for k in 0..a.len() {
        let out = d.join(format!("out-{k}"));
        assert!(run("base-2024.toml", &out, None).status.success());
        let o = run("base-2030.toml", &out, Some(k));
        assert!(!o.status.success(), "the fault hook must abort the run");
        let left = files(&out);
        assert_eq!(left.len(), k, "before rename {k}: {:?}", left.keys());
        for (name, bytes) in &left {
            assert!(bytes == &b[name], "before rename {k}: {name} is not B's");
        }
        assert!(run("base-2030.toml", &out, None).status.success());
        assert_eq!(files(&out), b, "a re-run completes B's files");
        assert!(tmp_files(&out).is_empty(), "{:?}", tmp_files(&out));
    }
}

fn fx_scenario(name: &str) -> String {
    format!("tests/fixtures/scenarios/{name}")
}

// 8. Silent typos.

#[test]
fn unknown_keys_are_errors_with_a_suggestion() {
    let d = scratch("typos");
    let out = d.to_str().expect("utf-8");
    expect_exit(
        &tongda(&["run", &fx("edit-typo.toml"), "--out", out]),
        2,
        &format!("error: {FIX}/edit-typo.toml: edit #1 (open_project): unknown key `yaer`, did you mean `year`? — fix: correct the spelling or remove the key"),
        "edit typo",
    );
    expect_exit(
        &tongda(&["run", &fx("goal-typo.toml"), "--out", out]),
        2,
        &format!("error: {FIX}/goals-typo.toml: goal #1 (T1): unknown key `both_direction`, did you mean `both_directions`?"),
        "goal typo",
    );
    let o = tongda(&["validate", "--geodata", &fx("property_typo")]);
    expect_exit(
        &o,
        2,
        &format!("error: {FIX}/property_typo/nodes.geojson: feature \"suining\": unknown property `populaton`, did you mean `population`? — fix: correct the spelling or remove the property (geodata/README.md lists every property)"),
        "geodata typo",
    );
    // The properties being added to places in parallel are known.
    assert!(!all(&o).contains("main_stations"), "{}", all(&o));
    assert!(
        std::fs::read_dir(&d).expect("dir").next().is_none(),
        "nothing written"
    );
}

// 9. Misleading messages.

#[test]
fn bad_origin_lines_name_file_and_line_and_are_not_echoed_whole() {
    let d = scratch("origins");
    let f = d.join("origins.txt");
    let long = format!("chengdu\n{}\n", "x,".repeat(10_000));
    std::fs::write(&f, long).expect("origins");
    let o = tongda(&[
        "isochrones",
        "--origins",
        f.to_str().expect("utf-8"),
        "--scenario",
        "tests/fixtures/scenarios/base-2024.toml",
        "--out",
        d.join("out").to_str().expect("utf-8"),
    ]);
    expect_exit(&o, 2, &format!("{}:2:", f.display()), "bad origin line");
    assert!(all(&o).len() < 2_000, "{} bytes of message", all(&o).len());
}

// 10. Other gaps.

#[cfg(unix)]
#[test]
fn a_fifo_without_a_writer_is_refused_instead_of_blocking() {
    let d = scratch("fifo");
    let fifo = d.join("params.toml");
    let st = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(st.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_tongda"))
        .args([
            "route",
            "--geodata",
            "tests/fixtures/mini",
            "--params",
            fifo.to_str().expect("utf-8"),
            "--from",
            "chengdu",
            "--to",
            "chongqing",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let t0 = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if t0.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("tongda blocked on a FIFO");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let o = child.wait_with_output().expect("output");
    expect_exit(&o, 2, "is a FIFO (named pipe), not a regular file", "FIFO");
}

#[test]
fn the_documented_minimum_cell_is_accepted_for_the_region() {
    let d = scratch("cell");
    let o = tongda(&[
        "isochrone",
        "--origin",
        "成都",
        "--minutes",
        "30",
        "--cell-km",
        "0.1",
        "--out",
        d.join("c.geojson").to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", all(&o));
}

#[test]
fn a_hundred_thousand_origins_are_read_in_linear_time() {
    let d = scratch("many-origins");
    let f = d.join("origins.txt");
    let mut s = String::new();
    let mut x = 12345u64;
    for _ in 0..100_000 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let (a, b) = ((x >> 40) % 100_000, (x >> 20) % 100_000);
        s.push_str(&format!(
            "{:.6},{:.6}\n",
            104.0 + a as f64 * 5e-6,
            30.5 + b as f64 * 5e-6
        ));
    }
    std::fs::write(&f, s).expect("origins");
    let t0 = Instant::now();
    let o = tongda(&[
        "isochrones",
        "--origins",
        f.to_str().expect("utf-8"),
        "--shard",
        "1/100000",
        "--minutes",
        "30",
        "--cell-km",
        "4",
        "--out",
        d.join("out").to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", all(&o));
    // Quadratic: 55 s on the 2-core CI machine; linear: about 1 s.
    assert!(t0.elapsed() < Duration::from_secs(20), "{:?}", t0.elapsed());
}

#[test]
fn another_year_of_a_scenario_reads_no_file_again() {
    // timeline re-read and re-validated the whole geodata for every year
    // (37 s on 20,000 links); it now re-applies the edits only.
    let d = scratch("with-year");
    let geo = d.join("mini");
    std::fs::create_dir_all(&geo).expect("dir");
    for f in ["links.geojson", "nodes.geojson", "timemodel.toml"] {
        std::fs::copy(format!("tests/fixtures/mini/{f}"), geo.join(f)).expect("copy");
    }
    let sc = d.join("s.toml");
    std::fs::write(&sc, "name = \"s\"\ngeodata = \"mini\"\nyear = 2024\n").expect("scenario");
    let s = tongda_core::scenario::Scenario::load(&sc).expect("loads");
    std::fs::remove_dir_all(&geo).expect("remove the geodata");
    let s2030 = s.with_year(2030).expect("no file is read again");
    assert_eq!(s2030.spec.year, 2030);
    assert_eq!(s2030.base.links.len(), s.base.links.len());
}

#[test]
fn concurrent_writers_of_one_file_name_never_fail_or_leave_temporaries() {
    // Eight shards each write the same index.csv: with one shared temporary
    // name, one writer's rename took the other's file away ("cannot read
    // …/index.csv"). Many threads at once make the race certain.
    let d = scratch("same-name");
    std::thread::scope(|s| {
        for t in 0..16 {
            let d = &d;
            s.spawn(move || {
                for i in 0..40 {
                    let body = format!("writer {t} round {i}\n");
                    tongda_core::report::write_all(d, &[("index.csv", body)])
                        .expect("concurrent write");
                }
            });
        }
    });
    let last = std::fs::read_to_string(d.join("index.csv")).expect("index");
    assert!(last.starts_with("writer "), "{last}");
    assert!(tmp_files(&d).is_empty(), "{:?}", tmp_files(&d));
}

#[test]
fn every_edit_type_has_its_known_keys() {
    use tongda_core::io::keys::EDIT_KEYS;
    // Each edit type of the scenario format is listed (a new one must be added).
    for ty in [
        "add_links",
        "add_link",
        "remove_project",
        "remove_links",
        "set_speed",
        "set_access",
        "open_project",
        "add_service",
        "remove_service",
        "set_headway",
    ] {
        assert!(EDIT_KEYS.iter().any(|(k, _)| *k == ty), "{ty}");
    }
    let text = "name = \"x\"\ngeodata = \"g\"\nyear = 2024\n[[edits]]\ntype = \"set_headway\"\nservice = \"s\"\nheadway = 10\n";
    let e = tongda_core::scenario::Scenario::parse_spec(text, Path::new("x.toml")).unwrap_err();
    assert!(
        e.to_string()
            .contains("x.toml: edit #1 (set_headway): unknown key `headway` (known: type, service, headway_min, per_day)"),
        "{e}"
    );
}

#[test]
fn fuzz_finding_a_derived_scenario_in_another_year_does_not_panic() {
    // cargo fuzz (target `edits`): a scenario derived with extra edits (as
    // `rank` does) panicked with "index out of bounds" when asked for
    // another year, once with_year stopped re-reading the files.
    let text = std::fs::read_to_string(fx("fuzz-edits-derive-then-year.toml")).expect("fixture");
    let extra = tongda_core::scenario::Scenario::parse_spec(&text, Path::new("f.toml"))
        .expect("parses")
        .edits;
    let base =
        tongda_core::scenario::Scenario::load(Path::new("tests/fixtures/scenarios/base-2024.toml"))
            .expect("fixture scenario");
    let derived = base.derive(&extra).expect("derives");
    let later = derived.with_year(2030).expect("another year");
    assert_eq!(later.spec.edits.len(), 1);
    assert_eq!(later.edit_reports.len(), derived.edit_reports.len());
}

#[test]
fn an_empty_geodata_directory_is_named_with_the_option_that_gives_it() {
    // The library says which directory to give, the CLI with which option.
    let d = scratch("empty-geodata");
    let dir = d.to_str().expect("utf-8");
    let fix = "fix: give the directory that holds the network's GeoJSON files (--geodata DIR)";
    expect_exit(&tongda(&["validate", "--geodata", dir]), 2, fix, "validate");
    let out = d.join("out");
    let out = out.to_str().expect("utf-8");
    let run = tongda(&[
        "run",
        "scenarios/plan-2027.toml",
        "--geodata",
        dir,
        "--out",
        out,
    ]);
    expect_exit(&run, 2, fix, "run");
    assert!(!d.join("out").exists(), "bad input writes nothing");
}
