//! Shards `K/N`: which origins one of N machines computes.

use super::error::{IsoError, IsoResult};

/// Most shards.
pub const MAX_SHARDS: usize = 100_000;

/// Part `k` (1-based) of `n`: the origins at positions `p` (0-based, in the
/// run's origin order) with `p mod n = k − 1`. Round-robin keeps the parts
/// balanced when big and small origins alternate. Every origin is in exactly
/// one part, and an origin's output does not depend on the part it is in.
///
/// ```
/// use tongda_core::iso::Shard;
/// let parts: Vec<Shard> = (1..=3).map(|k| format!("{k}/3").parse().unwrap()).collect();
/// let items: Vec<u32> = (0..10).collect();
/// let mut union: Vec<u32> = parts.iter().flat_map(|s| s.select(&items)).collect();
/// union.sort();
/// assert_eq!(union, items);
/// assert_eq!(parts[1].select(&items), vec![1, 4, 7]);
/// for bad in ["0/3", "4/3", "1/0", "3", "a/b", "1/3/5", "-1/3", ""] {
///     assert!(bad.parse::<Shard>().is_err(), "{bad}");
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This part, 1..=n.
    pub k: usize,
    /// Number of parts.
    pub n: usize,
}

impl Shard {
    /// The whole run (1/1).
    pub const ALL: Shard = Shard { k: 1, n: 1 };

    /// True if position `p` (0-based) belongs to this part.
    pub fn contains(&self, p: usize) -> bool {
        p % self.n == self.k - 1
    }

    /// The items of this part, in order.
    pub fn select<T: Clone>(&self, items: &[T]) -> Vec<T> {
        items
            .iter()
            .enumerate()
            .filter(|(p, _)| self.contains(*p))
            .map(|(_, t)| t.clone())
            .collect()
    }
}

impl std::str::FromStr for Shard {
    type Err = IsoError;

    fn from_str(s: &str) -> IsoResult<Shard> {
        let bad = |reason: String| IsoError::BadShard {
            input: s.to_string(),
            reason,
        };
        let form = || bad("give K/N: part K of N, 1 ≤ K ≤ N (e.g. 2/8)".into());
        let (k, n) = s.trim().split_once('/').ok_or_else(form)?;
        let num = |x: &str| x.trim().parse::<usize>().map_err(|_| form());
        let (k, n) = (num(k)?, num(n)?);
        if n == 0 || n > MAX_SHARDS {
            return Err(bad(format!("N must be 1 to {MAX_SHARDS}")));
        }
        if k == 0 {
            return Err(bad(
                "K counts from 1 (Slurm's SLURM_ARRAY_TASK_ID and Kubernetes' JOB_COMPLETION_INDEX \
                 count from 0 unless told otherwise: pass index + 1)"
                    .into(),
            ));
        }
        if k > n {
            return Err(bad(format!("K = {k} is larger than N = {n}")));
        }
        Ok(Shard { k, n })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.k, self.n)
    }
}
