//! PHAST for [`LANES`] sources at once: one sweep serves several trees.

use super::phast::Phast;
use super::ContractionHierarchy;
use crate::{VertexId, Weight, INFINITY};

/// Sources per batched sweep: 8 × `u32` = one 256-bit vector.
pub const LANES: usize = 8;

/// Per-thread state of batched PHAST (Delling et al. 2011, §5: several trees
/// per sweep). The sweep reads each down arc once for [`LANES`] sources and
/// updates all lanes with vector instructions, so the cost per tree drops
/// several-fold. 32 bytes per vertex.
///
/// ```
/// use tongda_sssp::ch::{ContractionHierarchy, PhastBatch};
/// let ch = ContractionHierarchy::build(3, &[(0, 1, 5), (1, 2, 5), (0, 2, 20), (2, 0, 1)]);
/// let mut q = PhastBatch::new(&ch);
/// q.run(&ch, &[0, 2]);
/// assert_eq!(q.distance(&ch, 0, 2), Some(10)); // lane 0: from vertex 0
/// assert_eq!(q.distance(&ch, 1, 1), Some(6)); // lane 1: from vertex 2
/// ```
#[derive(Debug, Clone, Default)]
pub struct PhastBatch {
    dist: Vec<[Weight; LANES]>,
    single: Phast,
    /// `(position, lane, upward distance)` of every upward-settled vertex.
    seeds: Vec<(u32, u32, Weight)>,
    lanes: usize,
}

impl PhastBatch {
    /// State for `ch`.
    pub fn new(ch: &ContractionHierarchy) -> PhastBatch {
        PhastBatch {
            dist: vec![[INFINITY; LANES]; ch.num_vertices()],
            single: Phast::new(ch),
            seeds: Vec::new(),
            lanes: 0,
        }
    }

    /// Distances from up to [`LANES`] sources; lane `j` is `sources[j]`
    /// (unused lanes stay unreached). Indexed by sweep position.
    /// Panics if more than [`LANES`] sources are given.
    pub fn run(&mut self, ch: &ContractionHierarchy, sources: &[VertexId]) -> &[[Weight; LANES]] {
        assert!(sources.len() <= LANES, "at most {LANES} sources per batch");
        let n = ch.num_vertices();
        if self.dist.len() < n {
            *self = PhastBatch::new(ch);
        }
        self.seeds.clear();
        for (lane, &s) in sources.iter().enumerate() {
            self.single.upward(ch, ch.position(s));
            self.seeds.extend(
                self.single
                    .up_settled
                    .iter()
                    .map(|&(p, d)| (p, lane as u32, d)),
            );
        }
        self.seeds.sort_unstable();
        self.lanes = sources.len();
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU supports AVX2 (checked just above).
                unsafe { sweep_avx2(ch, &mut self.dist[..n], &self.seeds) };
                return &self.dist[..n];
            }
        }
        sweep(ch, &mut self.dist[..n], &self.seeds);
        &self.dist[..n]
    }

    /// Distance from the source of `lane` to original vertex `v`.
    pub fn distance(&self, ch: &ContractionHierarchy, lane: usize, v: VertexId) -> Option<Weight> {
        match self.dist[ch.position(v) as usize][lane] {
            INFINITY => None,
            d => Some(d),
        }
    }

    /// `(reached, sum of finite distances)` of each lane of the last run.
    pub fn checksums(&self) -> Vec<(u64, u64)> {
        let mut reached = [0u64; LANES];
        let mut sum = [0u64; LANES];
        for row in &self.dist {
            for j in 0..LANES {
                let d = row[j];
                let hit = d != INFINITY;
                reached[j] += u64::from(hit);
                sum[j] += if hit { u64::from(d) } else { 0 };
            }
        }
        (0..self.lanes).map(|j| (reached[j], sum[j])).collect()
    }

    /// Bytes held by this state.
    pub fn memory_bytes(&self) -> usize {
        4 * LANES * self.dist.capacity() + self.single.memory_bytes() + 12 * self.seeds.capacity()
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn sweep_avx2(
    ch: &ContractionHierarchy,
    dist: &mut [[Weight; LANES]],
    seeds: &[(u32, u32, Weight)],
) {
    sweep(ch, dist, seeds)
}

/// The batched sweep (inlined into an AVX2 copy when the CPU has it).
#[inline(always)]
fn sweep(ch: &ContractionHierarchy, dist: &mut [[Weight; LANES]], seeds: &[(u32, u32, Weight)]) {
    let n = ch.num_vertices();
    let (first, arcs) = (&ch.down_first[..n + 1], &ch.down_arcs[..]);
    let mut k = 0;
    for p in 0..n {
        let mut acc = [INFINITY; LANES];
        while k < seeds.len() && seeds[k].0 as usize == p {
            let (_, lane, d) = seeds[k];
            acc[lane as usize] = acc[lane as usize].min(d);
            k += 1;
        }
        // SAFETY: see `Phast::sweep`: tails of arcs entering `p` are `< p`
        // (checked when the hierarchy was built) and `first` is a valid CSR
        // offset array of `arcs`.
        unsafe {
            let lo = *first.get_unchecked(p) as usize;
            let hi = *first.get_unchecked(p + 1) as usize;
            for &(t, w) in arcs.get_unchecked(lo..hi) {
                let src = dist.get_unchecked(t as usize);
                for j in 0..LANES {
                    acc[j] = acc[j].min(src[j].saturating_add(w));
                }
            }
            *dist.get_unchecked_mut(p) = acc;
        }
    }
}
