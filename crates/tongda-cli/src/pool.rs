//! Thread pools for `--threads`: run a computation on a rayon pool of a
//! chosen size, so that a command's parallelism is set per call. Public for
//! the repository's tests and benchmarks, which pin the thread count too.

use std::fmt;

/// A rayon pool of the requested size could not be started.
#[derive(Debug)]
pub struct PoolError {
    threads: usize,
    source: rayon::ThreadPoolBuildError,
}

impl fmt::Display for PoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot start {} threads: {}", self.threads, self.source)
    }
}

impl std::error::Error for PoolError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Runs `f` on a rayon pool of `threads` workers (0 = one per core).
///
/// ```
/// use rayon::prelude::*;
/// let sum = tongda_cli::pool::with_threads(2, || {
///     assert_eq!(rayon::current_num_threads(), 2);
///     (1..=100u32).into_par_iter().sum::<u32>()
/// })?;
/// assert_eq!(sum, 5050);
/// # Ok::<(), tongda_cli::pool::PoolError>(())
/// ```
pub fn with_threads<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> Result<R, PoolError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|source| PoolError { threads, source })?;
    Ok(pool.install(f))
}

/// The number of workers [`with_threads`]`(threads, …)` uses.
///
/// ```
/// assert_eq!(tongda_cli::pool::pool_size(3), 3);
/// assert!(tongda_cli::pool::pool_size(0) >= 1);
/// ```
pub fn pool_size(threads: usize) -> usize {
    if threads == 0 {
        std::thread::available_parallelism().map_or(1, |p| p.get())
    } else {
        threads
    }
}
