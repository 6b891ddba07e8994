//! Input budgets: every file tongda reads goes through [`read_bytes`] or
//! [`read_text`], which refuse what is not a regular file (a FIFO with no
//! writer would block forever, `/dev/zero` never ends) and read at most a
//! documented number of bytes, so that no input can make tongda allocate
//! without bound. Counts declared inside a file (DIMACS headers) are checked
//! against what the file's bytes can hold with [`count_fits`].

use crate::{Error, Result};
use std::path::Path;

/// The most bytes read from one text input (GeoJSON, TOML, CSV, origins):
/// 64 MiB, about 100 times the whole region's geodata.
pub const MAX_TEXT_BYTES: u64 = 64 << 20;

/// The most bytes of all `*.geojson` files of a geodata directory together:
/// 64 MiB (the region's geodata is under 1 MB; a network is held several
/// times over in memory, so 200 MB of GeoJSON grew `run` past 12 GB).
pub const MAX_GEODATA_BYTES: u64 = 64 << 20;

/// The most bytes read from one DIMACS `.gr`/`.co` file: 2 GiB (the full
/// USA road graph of the 9th DIMACS challenge is 1.3 GB).
pub const MAX_DIMACS_BYTES: u64 = tongda_sssp::dimacs::MAX_FILE_BYTES;

/// Reads at most `limit` bytes of `path` (a regular file, or standard input
/// as `-`): an error names the file when it is not a regular file or is
/// larger than `limit` (the one reader of budgets,
/// [`tongda_sssp::budget::read_bytes`], which the DIMACS readers use too).
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>> {
    Ok(tongda_sssp::budget::read_bytes(path, limit)?)
}

/// [`read_bytes`] with [`MAX_TEXT_BYTES`], as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = read_bytes(path, MAX_TEXT_BYTES)?;
    String::from_utf8(bytes).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ),
    })
}

/// True if `count` items of at least `min_bytes` bytes each fit in `len` bytes
/// (the last item may lack its line break). A header declaring more items
/// than its file can hold is refused before anything is allocated for them.
pub fn count_fits(count: u64, min_bytes: u64, len: usize) -> bool {
    count
        .checked_mul(min_bytes)
        .is_some_and(|b| b <= (len as u64).saturating_add(1))
}

/// Shortens `s` to at most `max` characters for an error message, marking the cut.
pub fn excerpt(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((i, _)) => format!("{}… ({} bytes in all)", &s[..i], s.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_excerpts() {
        assert!(count_fits(2, 8, 15));
        assert!(!count_fits(3, 8, 15));
        assert!(!count_fits(u64::MAX, 8, usize::MAX));
        assert_eq!(excerpt("abc", 5), "abc");
        assert_eq!(excerpt("abcdef", 3), "abc… (6 bytes in all)");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_directories_are_refused() {
        let e = read_text(Path::new("/dev/zero")).unwrap_err().to_string();
        assert!(e.contains("/dev/zero is a character device"), "{e}");
        let e = read_text(Path::new("/")).unwrap_err().to_string();
        assert!(e.contains("is a directory"), "{e}");
    }
}
