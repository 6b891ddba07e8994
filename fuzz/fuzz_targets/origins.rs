//! Origins files (one place or lon,lat per line) against the mini network.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;
use tongda_core::Network;

fn net() -> &'static Network {
    static N: OnceLock<Network> = OnceLock::new();
    N.get_or_init(|| {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/mini");
        tongda_core::io::load_geodata(&p).expect("mini").into_network().expect("mini")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = tongda_core::iso::Origin::read_list(text, "fuzz.txt", net()) {
        let m = e.to_string();
        assert!(m.contains("fuzz.txt"), "{m}");
        // Lines are not echoed whole: at most 20 errors of bounded length.
        assert!(m.len() < 20_000, "{} bytes", m.len());
    }
});
