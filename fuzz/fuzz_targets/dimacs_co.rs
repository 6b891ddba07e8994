//! DIMACS .co coordinates.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = tongda_sssp::dimacs::parse_co(data);
});
