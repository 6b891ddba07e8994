//! Many-source sweeps with PHAST on the current rayon pool.

use super::{ContractionHierarchy, Phast, PhastBatch, LANES};
use crate::sweep::{checksum, sweep_with, SourceResult};
use crate::VertexId;
use rayon::prelude::*;
use std::sync::Mutex;
use std::time::Instant;

/// One PHAST tree per source, one [`Phast`] state per worker; results in
/// source order (see [`crate::sweep::sweep_sources`]).
pub fn sweep_phast(ch: &ContractionHierarchy, sources: &[VertexId]) -> Vec<SourceResult> {
    sweep_with(sources, || Phast::new(ch), |st, s| checksum(st.run(ch, s)))
}

/// [`LANES`] trees per sweep ([`PhastBatch`]), batches spread over the
/// workers; each source is charged its batch's time divided by the batch
/// size. Results in source order.
pub fn sweep_phast_batched(ch: &ContractionHierarchy, sources: &[VertexId]) -> Vec<SourceResult> {
    let pool: Mutex<Vec<PhastBatch>> = Mutex::new(Vec::new());
    let batches: Vec<Vec<SourceResult>> = sources
        .par_chunks(LANES)
        .with_max_len(1)
        .map(|chunk| {
            let mut st = pool
                .lock()
                .ok()
                .and_then(|mut p| p.pop())
                .unwrap_or_else(|| PhastBatch::new(ch));
            let t = Instant::now();
            st.run(ch, chunk);
            let sums = st.checksums();
            let nanos = t.elapsed().as_nanos() as u64 / chunk.len() as u64;
            if let Ok(mut p) = pool.lock() {
                p.push(st);
            }
            chunk
                .iter()
                .zip(sums)
                .map(|(&source, (reached, distance_sum))| SourceResult {
                    source,
                    reached,
                    distance_sum,
                    nanos,
                })
                .collect()
        })
        .collect();
    batches.into_iter().flatten().collect()
}
