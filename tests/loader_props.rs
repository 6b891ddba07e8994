//! Property tests of every loader (issue 18): any byte string — random, or a
//! fixture with random bytes changed, inserted or cut — gives `Ok` or a
//! diagnostic naming the file and a location, never a panic; budgets keep
//! allocations proportional to the input.

use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;
use tongda_core::Network;

fn mini() -> &'static Network {
    static N: OnceLock<Network> = OnceLock::new();
    N.get_or_init(|| {
        tongda_core::io::load_geodata(Path::new("tests/fixtures/mini"))
            .expect("mini")
            .into_network()
            .expect("mini")
    })
}

/// A fixture with up to 8 random edits (overwrite, insert, truncate).
fn mutated(fixtures: &'static [&'static str]) -> impl Strategy<Value = Vec<u8>> {
    (
        0..fixtures.len(),
        prop::collection::vec(
            (any::<u8>(), any::<prop::sample::Index>(), any::<u8>()),
            0..8,
        ),
    )
        .prop_map(move |(k, edits)| {
            let mut b = std::fs::read(fixtures[k]).expect("fixture");
            for (op, at, byte) in edits {
                if b.is_empty() {
                    b.push(byte);
                    continue;
                }
                let i = at.index(b.len());
                match op % 4 {
                    0 => b[i] = byte,
                    1 => b.insert(i, byte),
                    2 => b.truncate(i),
                    _ => {
                        // Digits: counts, years and populations are where budgets bite.
                        b.splice(i..i, b"99999999999999999999".iter().copied());
                    }
                }
            }
            b
        })
}

/// Random bytes, or a mutated fixture.
fn input(fixtures: &'static [&'static str]) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..512),
        mutated(fixtures)
    ]
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn geodata(b in input(&["tests/fixtures/mini/nodes.geojson", "tests/fixtures/mini/links.geojson", "tests/fixtures/iso/mountain.geojson"])) {
        let r = tongda_core::io::load_geodata_sources(&[(Path::new("p.geojson").to_path_buf(), text(&b))]);
        for d in &r.diagnostics {
            prop_assert_eq!(d.file.as_path(), Path::new("p.geojson"));
            // A location: a line and column, or a feature.
            prop_assert!(d.line_col.is_some() || d.feature.is_some() || d.message.contains("FeatureCollection") || d.message.contains("no node"), "{}", d);
        }
    }

    #[test]
    fn dimacs(b in input(&["tests/fixtures/dimacs/tiny.gr", "tests/fixtures/dimacs/tiny.co", "tests/fixtures/hardening/path_overflow.gr"])) {
        let lines = b.split(|&c| c == b'\n').count();
        for r in [tongda_sssp::dimacs::parse_gr(&b).map(|_| ()), tongda_sssp::dimacs::parse_co(&b).map(|_| ())] {
            if let Err(tongda_sssp::dimacs::DimacsError::Line { line, .. }) = r {
                prop_assert!(line >= 1 && line <= lines);
            }
        }
        if let Ok(g) = tongda_sssp::dimacs::parse_gr(&b) {
            // Budget: nodes and arcs proportional to the bytes.
            prop_assert!(g.arcs.len() <= b.len() / 7 + 1);
            prop_assert!(g.num_vertices as u64 <= 2 * g.arcs.len() as u64 + tongda_sssp::dimacs::ISOLATED_NODES);
        }
    }

    #[test]
    fn scenario_goals_and_time_model(b in input(&["tests/fixtures/scenarios/no-central-line.toml", "tests/fixtures/scenarios/goals.toml", "tests/fixtures/mini/timemodel.toml", "tests/fixtures/hardening/edit-typo.toml"])) {
        let t = text(&b);
        if let Err(e) = tongda_core::scenario::Scenario::parse_spec(&t, Path::new("s.toml")) {
            prop_assert!(e.to_string().contains("s.toml"), "{}", e);
        }
        if let Err(e) = tongda_core::goal::parse_goals(&t, Path::new("g.toml")) {
            prop_assert!(e.to_string().contains("g.toml"), "{}", e);
        }
        if let Err(e) = tongda_core::TimeModel::from_toml_overrides(&t, "t.toml") {
            prop_assert!(e.to_string().contains("t.toml"), "{}", e);
        }
    }

    #[test]
    fn calibration(b in input(&["tests/fixtures/hardening/calib_ok.csv", "geodata/calibration.csv"])) {
        match tongda_core::calibration::parse_calibration(&text(&b), Path::new("c.csv")) {
            Err(e) => {
                let m = e.to_string();
                prop_assert!(m.contains("c.csv") && m.contains("line"), "{}", m);
            }
            Ok(rows) => {
                for r in &rows {
                    prop_assert!(r.published_min.is_finite() && r.published_min > 0.0);
                }
                let _ = tongda_core::calibration::evaluate(mini(), &tongda_core::TimeModel::default(), &rows);
            }
        }
    }

    #[test]
    fn origins(b in input(&["tests/fixtures/iso/origins.txt"])) {
        if let Err(e) = tongda_core::iso::Origin::read_list(&text(&b), "o.txt", mini()) {
            let m = e.to_string();
            prop_assert!(m.contains("o.txt"), "{}", m);
            prop_assert!(m.len() < 20_000);
        }
    }
}
