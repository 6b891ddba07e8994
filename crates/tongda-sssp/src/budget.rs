//! Reading an input within a byte budget: [`read_bytes`] refuses what is
//! not a regular file (a FIFO with no writer would block forever,
//! `/dev/zero` never ends) and reads at most a given number of bytes, so
//! that no input makes tongda allocate without bound. The DIMACS readers
//! and every file tongda-core reads go through it.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Why an input could not be read within its budget.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: io::Error,
    },
    /// The input is larger than its budget.
    #[error("{path}: larger than {limit} bytes, the most tongda reads from one input — fix: check that this is the intended file (README, \"Errors and exit codes\", lists the limits)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit, bytes.
        limit: u64,
    },
    /// The path is not a regular file (a FIFO, a device, a directory).
    #[error(
        "{path} is {kind}, not a regular file — fix: give a regular file (or - for standard input)"
    )]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is.
        kind: &'static str,
    },
}

/// Standard input, when given as `-` or `/dev/stdin`.
fn is_stdin(path: &Path) -> bool {
    path == Path::new("-") || path == Path::new("/dev/stdin")
}

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

/// Reads at most `limit` bytes of `path`: a regular file, or standard input
/// as `-` or `/dev/stdin`. The type is checked before opening (opening a
/// FIFO blocks until a writer comes) and the size before reading; an error
/// names the file.
///
/// ```
/// use tongda_sssp::budget::{read_bytes, ReadError};
/// let dir = std::env::temp_dir();
/// assert!(matches!(read_bytes(&dir, 10), Err(ReadError::NotAFile { kind: "a directory", .. })));
/// ```
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let os_err = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let too_large = || ReadError::TooLarge {
        path: path.to_path_buf(),
        limit,
    };
    let mut buf = Vec::new();
    if is_stdin(path) {
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
            return Err(ReadError::NotAFile { path, kind });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn devices_and_directories_are_refused_and_sizes_checked() {
        let e = read_bytes(Path::new("/dev/zero"), 10)
            .unwrap_err()
            .to_string();
        assert!(e.contains("/dev/zero is a character device"), "{e}");
        let e = read_bytes(Path::new("/"), 10).unwrap_err().to_string();
        assert!(e.contains("is a directory"), "{e}");
        let f = std::env::temp_dir().join(format!("tongda-budget-{}", std::process::id()));
        std::fs::write(&f, b"0123456789").unwrap();
        assert_eq!(read_bytes(&f, 10).unwrap(), b"0123456789");
        assert!(matches!(
            read_bytes(&f, 9),
            Err(ReadError::TooLarge { limit: 9, .. })
        ));
        std::fs::remove_file(&f).unwrap();
    }
}
