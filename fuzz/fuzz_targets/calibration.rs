//! Calibration CSV: parsed, and what parses is evaluated on the mini network.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;
use tongda_core::{Network, TimeModel};

fn net() -> &'static Network {
    static N: OnceLock<Network> = OnceLock::new();
    N.get_or_init(|| {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/mini");
        tongda_core::io::load_geodata(&p).expect("mini").into_network().expect("mini")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = Path::new("fuzz.csv");
    match tongda_core::calibration::parse_calibration(text, path) {
        Ok(rows) => {
            let _ = tongda_core::calibration::evaluate(net(), &TimeModel::default(), &rows);
        }
        Err(e) => assert!(e.to_string().contains("fuzz.csv"), "{e}"),
    }
});
