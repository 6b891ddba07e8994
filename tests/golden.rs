//! The reviewed golden report of scenarios/plan-2027.toml.
//!
//! Any change to the geodata, the time model, the goals or the report format
//! changes this file. Regenerate it only on purpose, then review the diff:
//!
//! ```text
//! TONGDA_BLESS=1 cargo test --release --test golden
//! git diff tests/golden/plan-2027.report.json
//! ```

use tongda_core::report::run;
use tongda_core::scenario::Scenario;

const GOLDEN: &str = "tests/golden/plan-2027.report.json";

#[test]
fn plan_2027_report_matches_the_reviewed_golden_file() {
    let sc = Scenario::load("scenarios/plan-2027.toml".as_ref()).expect("scenario loads");
    let (report, _) = run(&sc).expect("scenario runs");
    let json = serde_json::to_string_pretty(&report).expect("serialises") + "\n";
    if std::env::var_os("TONGDA_BLESS").is_some() {
        std::fs::write(GOLDEN, &json).expect("golden written");
        return;
    }
    let golden =
        std::fs::read_to_string(GOLDEN).expect("golden file exists (TONGDA_BLESS=1 to create it)");
    if json != golden {
        let first = json
            .lines()
            .zip(golden.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "report.json of plan-2027 differs from {GOLDEN} at line {}:\n  now:    {}\n  golden: {}\nIf the change is intended, regenerate with TONGDA_BLESS=1 and review the diff.",
            first + 1,
            json.lines().nth(first).unwrap_or(""),
            golden.lines().nth(first).unwrap_or("")
        );
    }
}
