//! Reading `.gr` and `.co` files within a byte budget.

use super::{parse_co, parse_gr, DimacsError, GrGraph};
use std::path::Path;

/// The most bytes read from one `.gr`/`.co` file: 2 GiB (the full USA road
/// graph of the 9th DIMACS challenge is 1.3 GB).
pub const MAX_FILE_BYTES: u64 = 2 << 30;

/// Reads at most [`MAX_FILE_BYTES`] of `path` ([`crate::budget::read_bytes`]).
fn read(path: &Path) -> Result<Vec<u8>, DimacsError> {
    Ok(crate::budget::read_bytes(path, MAX_FILE_BYTES)?)
}

/// Reads a `.gr` file.
pub fn read_gr(path: &Path) -> Result<GrGraph, DimacsError> {
    parse_gr(&read(path)?)
}

/// Reads a `.co` file.
pub fn read_co(path: &Path) -> Result<Vec<(i32, i32)>, DimacsError> {
    parse_co(&read(path)?)
}
