//! Witness searches: bounded Dijkstra in the remaining graph during contraction.

use crate::sweep::{MonotoneQueue, RadixHeap};
use crate::{VertexId, Weight, INFINITY};

/// Reusable state of a witness search (generation-stamped labels, so a search
/// that settles 50 vertices costs 50, not `n`).
#[derive(Debug, Default)]
pub(crate) struct Witness {
    dist: Vec<Weight>,
    stamp: Vec<u32>,
    /// `== generation` for the targets of the current search.
    target: Vec<u32>,
    generation: u32,
    heap: RadixHeap,
}

impl Witness {
    pub(crate) fn new(n: usize) -> Witness {
        Witness {
            dist: vec![INFINITY; n],
            stamp: vec![0; n],
            target: vec![0; n],
            generation: 0,
            heap: RadixHeap::default(),
        }
    }

    /// Distance found to `v` by the last search (`INFINITY` if not reached;
    /// an upper bound when the search stopped early).
    #[inline]
    pub(crate) fn dist(&self, v: VertexId) -> Weight {
        if self.stamp[v as usize] == self.generation {
            self.dist[v as usize]
        } else {
            INFINITY
        }
    }

    /// Dijkstra from `source` over `out` (adjacency of the remaining graph)
    /// avoiding `avoid`, stopping once every target is settled, past
    /// `max_dist`, or after `max_settled` vertices.
    pub(crate) fn run(
        &mut self,
        out: &[Vec<(VertexId, Weight)>],
        source: VertexId,
        avoid: VertexId,
        targets: &[(VertexId, Weight)],
        max_dist: Weight,
        max_settled: usize,
    ) {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.target.iter_mut().for_each(|s| *s = 0);
            self.generation = 1;
        }
        let gen = self.generation;
        let mut remaining = 0usize;
        for &(t, _) in targets {
            if t != source && self.target[t as usize] != gen {
                self.target[t as usize] = gen;
                remaining += 1;
            }
        }
        self.heap.clear();
        self.dist[source as usize] = 0;
        self.stamp[source as usize] = gen;
        self.heap.push(0, source);
        let mut settled = 0;
        while let Some((d, u)) = self.heap.pop() {
            if d != self.dist[u as usize] {
                continue;
            }
            if d > max_dist || settled >= max_settled {
                break;
            }
            settled += 1;
            if self.target[u as usize] == gen {
                remaining -= 1;
                if remaining == 0 {
                    break;
                }
            }
            for &(v, w) in &out[u as usize] {
                if v == avoid {
                    continue;
                }
                let nd = d.saturating_add(w);
                let vi = v as usize;
                if self.stamp[vi] != gen || nd < self.dist[vi] {
                    self.stamp[vi] = gen;
                    self.dist[vi] = nd;
                    self.heap.push(nd, v);
                }
            }
        }
    }
}
