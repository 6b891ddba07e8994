//! Reading `.gr` and `.co` files within a byte budget.

use super::{parse_co, parse_gr, DimacsError, GrGraph};
use std::io::{self, Read};
use std::path::Path;

/// The most bytes read from one `.gr`/`.co` file: 2 GiB (the full USA road
/// graph of the 9th DIMACS challenge is 1.3 GB).
pub const MAX_FILE_BYTES: u64 = 2 << 30;

/// What a path that is not a regular file is, for messages.
fn file_kind(ft: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let special = [
            (ft.is_fifo(), "a FIFO (named pipe)"),
            (ft.is_char_device(), "a character device"),
            (ft.is_block_device(), "a block device"),
            (ft.is_socket(), "a socket"),
        ];
        if let Some(&(_, kind)) = special.iter().find(|k| k.0) {
            return kind;
        }
    }
    if ft.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Reads at most [`MAX_FILE_BYTES`] of `path`: a regular file, or standard
/// input as `-` or `/dev/stdin`. The type is checked before opening (opening
/// a FIFO blocks until a writer comes) and the size before reading, so no
/// input makes this allocate without bound.
fn read(path: &Path) -> Result<Vec<u8>, DimacsError> {
    let limit = MAX_FILE_BYTES;
    let os_err = |source| DimacsError::Io {
        path: path.to_path_buf(),
        source,
    };
    let too_large = || DimacsError::TooLarge {
        path: path.to_path_buf(),
        limit,
    };
    let mut buf = Vec::new();
    if path == Path::new("-") || path == Path::new("/dev/stdin") {
        let stdin = io::stdin().lock();
        stdin
            .take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(os_err)?;
    } else {
        let meta = std::fs::metadata(path).map_err(os_err)?;
        if !meta.is_file() {
            let kind = file_kind(meta.file_type());
            let path = path.to_path_buf();
            return Err(DimacsError::NotAFile { path, kind });
        }
        if meta.len() > limit {
            return Err(too_large());
        }
        buf.reserve_exact(meta.len() as usize);
        // The file may grow after the check: never read past the limit.
        let file = std::fs::File::open(path).map_err(os_err)?;
        file.take(limit + 1).read_to_end(&mut buf).map_err(os_err)?;
    }
    if buf.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(buf)
}

/// Reads a `.gr` file.
pub fn read_gr(path: &Path) -> Result<GrGraph, DimacsError> {
    parse_gr(&read(path)?)
}

/// Reads a `.co` file.
pub fn read_co(path: &Path) -> Result<Vec<(i32, i32)>, DimacsError> {
    parse_co(&read(path)?)
}
