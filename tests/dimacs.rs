//! DIMACS `.gr`/`.co` reading and writing, `tongda gen-graph` and `tongda sssp`
//! on small files: round trips, exact errors for malformed files (with their
//! line numbers), and exit codes.

use std::path::{Path, PathBuf};
use std::process::Command;
use tongda_sssp::budget::ReadError;
use tongda_sssp::dimacs::{
    parse_co, parse_gr, read_co, read_gr, write_co, write_gr, DimacsError, LineError,
};
use tongda_sssp::synth::road_grid;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dimacs")
        .join(name)
}

fn tongda(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tongda"))
        .args(args)
        .output()
        .expect("run tongda");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `tongda gen-graph --side SIDE --seed SEED --out PREFIX`, which must succeed;
/// returns its stdout.
fn gen_graph(side: u32, seed: u64, prefix: &Path) -> String {
    let (side, seed) = (side.to_string(), seed.to_string());
    let out = prefix.to_str().unwrap();
    let (code, stdout, err) =
        tongda(&["gen-graph", "--side", &side, "--seed", &seed, "--out", out]);
    assert_eq!(code, 0, "{err}");
    stdout
}

fn tmp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tongda-dimacs-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn reads_the_tiny_fixture() {
    let g = read_gr(&fixture("tiny.gr")).unwrap();
    assert_eq!(g.num_vertices, 4);
    assert_eq!(
        g.arcs,
        vec![(0, 1, 10), (1, 3, 10), (0, 2, 5), (2, 3, 30), (3, 0, 7)]
    );
    let co = read_co(&fixture("tiny.co")).unwrap();
    assert_eq!(co[0], (104_066_000, 30_572_000));
    assert_eq!(co.len(), 4);
}

#[test]
fn round_trip_of_a_synthetic_graph_is_exact() {
    let g = road_grid(40, 11);
    let mut gr = Vec::new();
    write_gr(
        &mut gr,
        g.num_vertices,
        &g.arcs,
        &["round trip", "two lines"],
    )
    .unwrap();
    let back = parse_gr(&gr).unwrap();
    assert_eq!(back.num_vertices, g.num_vertices);
    assert_eq!(back.arcs, g.arcs);
    let mut gr2 = Vec::new();
    write_gr(
        &mut gr2,
        back.num_vertices,
        &back.arcs,
        &["round trip", "two lines"],
    )
    .unwrap();
    assert_eq!(gr, gr2, "write(read(write(g))) == write(g)");

    let mut co = Vec::new();
    write_co(&mut co, &g.coords, &[]).unwrap();
    assert_eq!(parse_co(&co).unwrap(), g.coords);
}

/// Each malformed fixture gives exactly this error.
#[test]
fn malformed_files_give_their_exact_error() {
    use LineError::*;
    let line = |name: &str| match read_gr(&fixture(name)) {
        Err(DimacsError::Line { line, kind }) => (line, kind),
        other => panic!("{name}: expected a line error, got {other:?}"),
    };
    assert_eq!(line("arc_before_problem.gr"), (2, BeforeProblemLine('a')));
    assert_eq!(
        line("node_out_of_range.gr"),
        (
            3,
            NodeOutOfRange {
                field: "head",
                id: 4,
                n: 3
            }
        )
    );
    assert_eq!(
        line("negative_weight.gr"),
        (
            3,
            BadNumber {
                field: "weight",
                value: "-1".into(),
                expect: "an integer in 0..=4294967294 (4294967295 means unreached)"
            }
        )
    );
    assert_eq!(
        line("weight_too_big.gr"),
        (
            2,
            BadNumber {
                field: "weight",
                value: "99999999999".into(),
                expect: "an integer in 0..=4294967294 (4294967295 means unreached)"
            }
        )
    );
    assert_eq!(
        line("not_a_number.gr"),
        (
            2,
            BadNumber {
                field: "head",
                value: "zwei".into(),
                expect: "a non-negative integer"
            }
        )
    );
    assert_eq!(
        line("missing_field.gr"),
        (
            3,
            FieldCount {
                expected: 4,
                found: 3
            }
        )
    );
    assert_eq!(
        line("unknown_line.gr"),
        (2, UnknownLineType("x".into(), 'a'))
    );
    assert_eq!(line("two_problem_lines.gr"), (2, DuplicateProblemLine(1)));
    assert!(matches!(
        read_gr(&fixture("no_problem_line.gr")),
        Err(DimacsError::MissingProblemLine)
    ));
    assert!(matches!(
        read_gr(&fixture("arc_count_mismatch.gr")),
        Err(DimacsError::CountMismatch {
            line: 1,
            what: "arcs",
            declared: 3,
            found: 2
        })
    ));
    assert!(matches!(
        read_gr(&fixture("does_not_exist.gr")),
        Err(DimacsError::Read(ReadError::Io { .. }))
    ));
}

#[test]
fn cli_rejects_malformed_graphs_with_exit_2_and_the_line() {
    let sources = fixture("tiny.sources");
    for (name, needle) in [
        (
            "node_out_of_range.gr",
            "line 3: head 4 is out of range 1..=3",
        ),
        ("negative_weight.gr", "line 3: weight \"-1\""),
        (
            "arc_before_problem.gr",
            "line 2: a line before the problem line",
        ),
        (
            "arc_count_mismatch.gr",
            "declares 3 arcs but the file has 2",
        ),
    ] {
        let g = fixture(name);
        let (code, _, err) = tongda(&[
            "sssp",
            "--graph",
            g.to_str().unwrap(),
            "--sources",
            sources.to_str().unwrap(),
        ]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains(name) && err.contains(needle), "{name}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let (code, _, err) = tongda(&[
        "sssp",
        "--graph",
        fixture("tiny.gr").to_str().unwrap(),
        "--sources",
        fixture("bad_zero.sources").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("line 2: node 0 is out of range 1..=4"),
        "{err}"
    );
}

#[test]
fn cli_sssp_checksum_on_the_tiny_graph() {
    // From 1: 0, 10, 5, 20; from 4: 7, 17, 12, 0.
    for threads in ["1", "2"] {
        let (code, out, err) = tongda(&[
            "sssp",
            "--graph",
            fixture("tiny.gr").to_str().unwrap(),
            "--sources",
            fixture("tiny.sources").to_str().unwrap(),
            "--threads",
            threads,
            "--json",
        ]);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["reached"], 8);
        assert_eq!(v["distance_sum"], 35 + 36);
        assert_eq!(v["sources"], 2);
        for k in ["min", "median", "max"] {
            assert!(v["per_source_ms"][k].as_f64().unwrap() >= 0.0);
        }
        assert!(v["load_ms"].as_f64().unwrap() >= 0.0);
    }
}

#[test]
fn cli_sssp_methods_and_reorder_agree() {
    let dir = tmp_dir("methods");
    let prefix = dir.join("g");
    gen_graph(40, 2, &prefix);
    let sources = dir.join("s.txt");
    std::fs::write(&sources, "1\n17\n300\n1200\n5\n6\n7\n8\n9\n10\n").unwrap();
    let gr = prefix.with_extension("gr");
    let run = |extra: &[&str]| -> (u64, u64) {
        let mut args = vec![
            "sssp",
            "--graph",
            gr.to_str().unwrap(),
            "--sources",
            sources.to_str().unwrap(),
            "--json",
        ];
        args.extend_from_slice(extra);
        let (code, out, err) = tongda(&args);
        assert_eq!(code, 0, "{extra:?}: {err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        (
            v["reached"].as_u64().unwrap(),
            v["distance_sum"].as_u64().unwrap(),
        )
    };
    let want = run(&["--threads", "1"]);
    assert!(want.0 > 0 && want.1 > 0);
    assert_eq!(run(&["--threads", "2", "--reorder"]), want);
    assert_eq!(run(&["--method", "phast"]), want);
    assert_eq!(run(&["--method", "phast-batch", "--threads", "2"]), want);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn gen_graph_is_deterministic_and_readable() {
    let dir = tmp_dir("gen");
    let (a, b) = (dir.join("a"), dir.join("b"));
    for p in [&a, &b] {
        let out = gen_graph(60, 5, p);
        assert!(out.contains("nodes"), "{out}");
    }
    let read = |p: &Path, ext: &str| std::fs::read(p.with_extension(ext)).unwrap();
    assert_eq!(read(&a, "gr"), read(&b, "gr"));
    assert_eq!(read(&a, "co"), read(&b, "co"));
    let g = read_gr(&a.with_extension("gr")).unwrap();
    let expected = road_grid(60, 5);
    assert_eq!(g.arcs, expected.arcs);
    assert_eq!(read_co(&a.with_extension("co")).unwrap(), expected.coords);

    let (code, _, err) = tongda(&["gen-graph", "--side", "1", "--out", a.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("--side 1 is out of range"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
