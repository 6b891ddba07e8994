//! DIMACS .gr: parse, and build the CSR graph of what parses (the budget
//! keeps every allocation proportional to the input's size).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(g) = tongda_sssp::dimacs::parse_gr(data) {
        let _ = g.path_bound();
        let _ = g.to_csr();
    }
});
