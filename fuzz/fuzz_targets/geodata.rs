//! GeoJSON geodata: any text loads to a network or to diagnostics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let report = tongda_core::io::load_geodata_sources(&[(PathBuf::from("fuzz.geojson"), text.to_string())]);
    if let Some(net) = &report.network {
        // What loads must be usable: population units and a compiled graph.
        let units = tongda_core::population::units(net);
        let _ = tongda_core::population::total(&units);
    }
});
