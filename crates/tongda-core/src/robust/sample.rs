//! Seeded, reproducible draws: Latin hypercube sampling over the inputs.
//!
//! Draw `i` of `n` puts input `k` in stratum `perm_k(i)` of `n` equal
//! quantile strata, at a point inside it drawn from a counter-based
//! generator keyed by `(seed, k, i)`. Every value depends only on the seed,
//! `n`, the input's position and the draw's index, never on the order in
//! which draws are evaluated: the same seed gives the same draws at any
//! number of threads, and a shard `K/N` evaluates exactly the draws of the
//! full run whose index falls to it.

use crate::stats::splitmix64;

/// A uniform number in [0, 1) from a key.
fn unit(key: u64) -> f64 {
    (splitmix64(key) >> 11) as f64 / (1u64 << 53) as f64
}

fn key(seed: u64, a: u64, b: u64) -> u64 {
    splitmix64(splitmix64(seed ^ 0x7467_6461) ^ a.wrapping_mul(0x1000_0000_01B3)) ^ b
}

/// The Latin hypercube plan of `n` draws over `inputs` inputs.
#[derive(Debug, Clone)]
pub struct Plan {
    seed: u64,
    /// `perm[k][i]`: the stratum of draw `i` for input `k`.
    perm: Vec<Vec<u32>>,
}

impl Plan {
    /// The plan of `n` draws of `inputs` inputs under `seed`.
    ///
    /// ```
    /// use tongda_core::robust::Plan;
    /// let p = Plan::new(2, 4, 7);
    /// // Each input visits each of the four strata exactly once.
    /// let mut strata: Vec<usize> = (0..4).map(|i| (p.quantile(0, i) * 4.0) as usize).collect();
    /// strata.sort();
    /// assert_eq!(strata, vec![0, 1, 2, 3]);
    /// assert_eq!(p.quantile(1, 3), Plan::new(2, 4, 7).quantile(1, 3));
    /// ```
    pub fn new(inputs: usize, n: usize, seed: u64) -> Plan {
        let perm = (0..inputs)
            .map(|k| {
                // Fisher–Yates with the counter-based generator.
                let mut p: Vec<u32> = (0..n as u32).collect();
                for i in (1..n).rev() {
                    let j =
                        (unit(key(seed, k as u64, 1 << 40 | i as u64)) * (i + 1) as f64) as usize;
                    p.swap(i, j.min(i));
                }
                p
            })
            .collect();
        Plan { seed, perm }
    }

    /// Input `k`'s quantile in [0, 1) for draw `i`.
    pub fn quantile(&self, k: usize, i: usize) -> f64 {
        let n = self.perm[k].len() as f64;
        let u = unit(key(self.seed, k as u64, i as u64));
        (f64::from(self.perm[k][i]) + u) / n
    }
}
