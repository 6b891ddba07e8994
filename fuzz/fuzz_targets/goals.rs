//! Goal TOML: parsed, then checked against the fixture scenario's network.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;
use tongda_core::scenario::Scenario;

fn scenario() -> &'static Scenario {
    static S: OnceLock<Scenario> = OnceLock::new();
    S.get_or_init(|| {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/scenarios/base-2024.toml");
        Scenario::load(&p).expect("fixture scenario")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = Path::new("fuzz-goals.toml");
    match tongda_core::goal::parse_goals(text, path) {
        Ok(goals) => {
            let ev = tongda_core::goal::Evaluator::new(scenario());
            let _ = ev.check(&goals, path);
        }
        Err(e) => assert!(e.to_string().contains("fuzz-goals.toml"), "{e}"),
    }
});
