//! Outputs that are whole or absent.
//!
//! [`write_files`] writes every file of one command into its directory
//! under an exclusive lock on that directory (`flock` on the directory
//! itself, so nothing is left behind): each file goes to a temporary name
//! unique to the process and call (`.<name>.tongda-<pid>-<n>.tmp`); then the
//! previous files of those names are removed and all are renamed into
//! place. So
//! - a final-named file is always complete (a rename is atomic);
//! - a process killed between two renames leaves some of its files and
//!   none of the previous call's (the directory is short of files, never a
//!   mixture of two calls);
//! - two processes writing into one directory (two `run`s, eight
//!   `isochrones --shard k/8`) take turns: the files of one call are never
//!   mixed with another's, and temporary names never collide;
//! - every error path removes this call's temporary files, and a process
//!   killed with `kill -9` leaves temporary files that the next write into
//!   the directory removes (it holds the lock, so no writer owns them).
//!
//! [`check_outputs`] refuses an output that is an input of the same run, or
//! a file output that names a directory.

use crate::error::OutputError;
use crate::{Error, Result};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Marks tongda's temporary files: `.<name>.tongda-<pid>-<n>.tmp`.
const TMP_MARK: &str = ".tongda-";

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn write_err(path: &Path, source: std::io::Error) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        reason: source.to_string(),
    }
}

/// An exclusive `flock` on a directory, released when dropped.
struct DirLock {
    #[cfg(unix)]
    _file: Option<std::fs::File>,
}

impl DirLock {
    #[cfg(unix)]
    fn take(dir: &Path) -> Result<DirLock> {
        use std::os::unix::io::AsRawFd;
        let file = std::fs::File::open(dir).map_err(|e| write_err(dir, e))?;
        loop {
            // SAFETY: `file` is an open descriptor for the duration of the call.
            let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) };
            if rc == 0 {
                return Ok(DirLock { _file: Some(file) });
            }
            let e = std::io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EINTR) => continue,
                // A file system without locks: write without one (temporary
                // names are still unique, renames still atomic).
                Some(libc::ENOLCK) | Some(libc::EOPNOTSUPP) => return Ok(DirLock { _file: None }),
                _ => return Err(write_err(dir, e)),
            }
        }
    }

    #[cfg(not(unix))]
    fn take(_dir: &Path) -> Result<DirLock> {
        Ok(DirLock {})
    }
}

/// True for a temporary file of tongda (this version's or an older one's
/// `.<name>.tmp`).
fn is_tmp(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

/// Removes temporary files left by killed writers (call with the lock held).
fn remove_stale(dir: &Path, names: &[&str]) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let ours =
            name.contains(TMP_MARK) || names.iter().any(|n| name == format!(".{n}.tmp").as_str());
        if is_tmp(name) && ours {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Writes `files` (name, contents) into `dir` (created if needed) so that
/// each is whole or absent; see the module documentation.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("tongda-doc-atomic-{}", std::process::id()));
/// tongda_core::io::atomic::write_files(&dir, &[("a.txt", b"one".to_vec())]).unwrap();
/// assert_eq!(std::fs::read(dir.join("a.txt")).unwrap(), b"one");
/// assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1); // no temporary file left
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn write_files(dir: &Path, files: &[(&str, Vec<u8>)]) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(OutputError::FileNotDirectory {
            path: dir.to_path_buf(),
        }
        .into());
    }
    for (name, _) in files {
        let path = dir.join(name);
        if path.is_dir() {
            return Err(OutputError::DirectoryNotFile {
                example: path.join(name),
                path,
            }
            .into());
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| write_err(dir, e))?;
    let _lock = DirLock::take(dir)?;
    let names: Vec<&str> = files.iter().map(|f| f.0).collect();
    remove_stale(dir, &names);
    let mut temps: Vec<(PathBuf, PathBuf)> = Vec::with_capacity(files.len());
    let result = (|| {
        for (name, body) in files {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let tmp = dir.join(format!(".{name}{TMP_MARK}{}-{n}.tmp", std::process::id()));
            temps.push((tmp.clone(), dir.join(name)));
            std::fs::write(&tmp, body).map_err(|e| write_err(&tmp, e))?;
        }
        // The previous call's files go first, so that a process killed
        // between two renames leaves some of this call's files and none of
        // the previous call's: never a mixture of two runs.
        for (_, path) in &temps {
            match std::fs::remove_file(path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(write_err(path, e))
                }
                _ => {}
            }
        }
        let abort_after = fault_injection();
        for (i, (tmp, path)) in temps.iter().enumerate() {
            if abort_after == Some(i) {
                std::process::abort();
            }
            std::fs::rename(tmp, path).map_err(|e| write_err(path, e))?;
        }
        Ok(())
    })();
    if result.is_err() {
        for (tmp, _) in &temps {
            let _ = std::fs::remove_file(tmp);
        }
    }
    result
}

/// Fault injection for the tests of this module's promises:
/// `TONGDA_ABORT_BEFORE_RENAME=N` makes [`write_files`] abort the process
/// (as `kill -9` would) just before its N-th rename (0-based), after the
/// previous files were removed. Unset in normal use.
fn fault_injection() -> Option<usize> {
    std::env::var("TONGDA_ABORT_BEFORE_RENAME")
        .ok()
        .and_then(|v| v.parse().ok())
}

/// The directory and file name of a file output; a trailing `/` (or an
/// existing directory) means a directory, which is refused.
pub fn split_file_output(path: &Path) -> Result<(PathBuf, String)> {
    let text = path.as_os_str().to_string_lossy();
    let names_dir = text.ends_with('/')
        || text.ends_with(std::path::MAIN_SEPARATOR)
        || path.is_dir()
        || matches!(
            path.components().next_back(),
            Some(Component::CurDir | Component::ParentDir) | None
        );
    if names_dir {
        return Err(OutputError::NamesDirectory {
            path: path.to_path_buf(),
            example: Path::new(text.trim_end_matches('/')).join("out.csv"),
        }
        .into());
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| OutputError::NotUtf8 {
            path: path.to_path_buf(),
        })?
        .to_string();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((dir, name))
}

/// `path` made absolute and free of `.`/`..` and symbolic links, as far as
/// it exists (the rest is appended as written).
fn resolve(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            resolve(parent).join(name)
        }
        _ => std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// Refuses outputs that would overwrite an input of the same run: an output
/// file that is an input file, or an output inside (or equal to) an input
/// directory (the geodata). `outputs` are the files a command writes.
pub fn check_outputs(outputs: &[PathBuf], inputs: &[PathBuf]) -> Result<()> {
    let inputs: Vec<(PathBuf, &PathBuf)> = inputs.iter().map(|p| (resolve(p), p)).collect();
    for out in outputs {
        let o = resolve(out);
        for (i, given) in &inputs {
            let clash = if i.is_dir() {
                o.starts_with(i)
            } else {
                &o == i
            };
            if clash {
                return Err(OutputError::OverwritesInput {
                    output: out.clone(),
                    input: given.to_path_buf(),
                }
                .into());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_slash_means_a_directory() {
        let e = split_file_output(Path::new("newdir/")).expect_err("a directory");
        assert_eq!(
            e.to_string(),
            "newdir/: names a directory, but this command writes one file — fix: give a file name (e.g. newdir/out.csv)"
        );
        assert!(split_file_output(Path::new(".")).is_err());
        assert_eq!(
            split_file_output(Path::new("a.csv")).unwrap(),
            (PathBuf::from("."), "a.csv".to_string())
        );
    }

    #[test]
    fn outputs_over_inputs_are_refused() {
        let d = std::env::temp_dir().join(format!("tongda-atomic-{}", std::process::id()));
        std::fs::create_dir_all(d.join("geo")).unwrap();
        std::fs::write(d.join("s.toml"), "x").unwrap();
        let inputs = [d.join("s.toml"), d.join("geo")];
        assert!(check_outputs(&[d.join("s.toml")], &inputs).is_err());
        assert!(check_outputs(&[d.join("geo/../s.toml")], &inputs).is_err());
        assert!(check_outputs(&[d.join("geo/paths.geojson")], &inputs).is_err());
        assert!(check_outputs(&[d.join("out/paths.geojson")], &inputs).is_ok());
        std::fs::remove_dir_all(&d).unwrap();
    }
}
