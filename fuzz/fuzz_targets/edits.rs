//! The scenario-edit resolver: `[[edits]]` tables applied to the fixture scenario.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;
use tongda_core::scenario::{Edit, Scenario};

fn scenario() -> &'static Scenario {
    static S: OnceLock<Scenario> = OnceLock::new();
    S.get_or_init(|| {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/scenarios/base-2024.toml");
        Scenario::load(&p).expect("fixture scenario")
    })
}

#[derive(serde::Deserialize)]
struct Edits {
    edits: Vec<Edit>,
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(e) = toml::from_str::<Edits>(text) else { return };
    // derive() refuses add edits; the others are resolved and applied.
    if let Ok(s) = scenario().derive(&e.edits) {
        let _ = s.with_year(2030);
    }
});
