//! Time-model TOML overrides.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = tongda_core::TimeModel::from_toml_overrides(text, "fuzz-timemodel.toml");
});
