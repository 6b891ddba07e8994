//! Input budgets: every file tongda reads goes through [`read_bytes`] or
//! [`read_text`], which refuse what is not a regular file (a FIFO with no
//! writer would block forever, `/dev/zero` never ends) and read at most a
//! documented number of bytes, so that no input can make tongda allocate
//! without bound. Counts declared inside a file (DIMACS headers) are checked
//! against what the file's bytes can hold with [`count_fits`].

use crate::{Error, Result};
use std::io::Read;
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
pub const MAX_DIMACS_BYTES: u64 = 2 << 30;

/// Standard input, when given as `-` or `/dev/stdin`.
fn is_stdin(path: &Path) -> bool {
    path == Path::new("-") || path == Path::new("/dev/stdin")
}

/// What a non-regular file is, for messages.
fn file_kind(ft: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    if ft.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Reads at most `limit` bytes of `path` (a regular file, or standard input
/// as `-`): an error names the file when it is not a regular file or is
/// larger than `limit`.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let too_large = || Error::TooLarge {
        path: path.to_path_buf(),
        limit,
    };
    if is_stdin(path) {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(io)?;
        if buf.len() as u64 > limit {
            return Err(too_large());
        }
        return Ok(buf);
    }
    // The type is checked before opening: opening a FIFO blocks until a writer comes.
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(Error::NotAFile {
            path: path.to_path_buf(),
            kind: file_kind(meta.file_type()),
        });
    }
    if meta.len() > limit {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut buf = Vec::with_capacity(meta.len() as usize);
    // The file may grow between the check and the read: never read past the limit.
    file.take(limit + 1).read_to_end(&mut buf).map_err(io)?;
    if buf.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(buf)
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
