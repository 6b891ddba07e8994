//! Node contraction (Geisberger, Sanders, Schultes, Delling 2008): vertices
//! are removed one by one in order of importance; when `v` is removed, a
//! shortcut `u → w` replaces each path `u → v → w` that a bounded witness
//! search cannot match without `v`.

use super::witness::Witness;
use crate::{VertexId, Weight};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Tuning of the contraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContractionParams {
    /// Vertices a witness search may settle while estimating priorities.
    pub simulate_settled: usize,
    /// Vertices a witness search may settle while contracting (a search cut
    /// short only adds an unnecessary shortcut; distances stay exact).
    pub contract_settled: usize,
    /// Re-estimate the priorities of a contracted vertex's neighbours at once
    /// (better order, slower); otherwise they are only re-estimated lazily
    /// when they reach the top of the queue.
    pub update_neighbours: bool,
}

impl Default for ContractionParams {
    fn default() -> Self {
        ContractionParams {
            simulate_settled: 40,
            contract_settled: 300,
            update_neighbours: false,
        }
    }
}

/// The output of the contraction, per vertex (original ids).
#[derive(Debug, Default)]
pub(crate) struct Contracted {
    /// Rank of each vertex (0 = contracted first).
    pub rank: Vec<u32>,
    /// Arcs `v → w` to higher-ranked `w`.
    pub up: Vec<Vec<(VertexId, Weight)>>,
    /// Arcs `u → v` from higher-ranked `u`, as `(u, weight)`.
    pub down_in: Vec<Vec<(VertexId, Weight)>>,
    /// Shortcuts added.
    pub shortcuts: usize,
}

struct Graph {
    out: Vec<Vec<(VertexId, Weight)>>,
    inn: Vec<Vec<(VertexId, Weight)>>,
}

/// Adds arc `(to, w)` to `list` or lowers its weight.
fn upsert(list: &mut Vec<(VertexId, Weight)>, to: VertexId, w: Weight) -> bool {
    match list.iter_mut().find(|a| a.0 == to) {
        Some(a) if a.1 <= w => false,
        Some(a) => {
            a.1 = w;
            true
        }
        None => {
            list.push((to, w));
            true
        }
    }
}

struct Contractor {
    g: Graph,
    witness: Witness,
    deleted_neighbours: Vec<u32>,
    params: ContractionParams,
    buf: Vec<(VertexId, VertexId, Weight)>,
}

impl Contractor {
    /// The shortcuts contracting `v` needs, into `self.buf`.
    fn shortcuts(&mut self, v: VertexId, max_settled: usize) {
        self.buf.clear();
        let g = &self.g;
        let outs = &g.out[v as usize];
        for &(u, wu) in &g.inn[v as usize] {
            let max_out = outs.iter().filter(|a| a.0 != u).map(|a| a.1).max();
            let Some(max_out) = max_out else { continue };
            self.witness
                .run(&g.out, u, v, outs, wu.saturating_add(max_out), max_settled);
            for &(w, ww) in outs {
                if w == u {
                    continue;
                }
                let c = wu.saturating_add(ww);
                if self.witness.dist(w) > c {
                    self.buf.push((u, w, c));
                }
            }
        }
    }

    fn priority(&mut self, v: VertexId) -> i64 {
        self.shortcuts(v, self.params.simulate_settled);
        let degree = self.g.out[v as usize].len() + self.g.inn[v as usize].len();
        2 * self.buf.len() as i64 - degree as i64 + i64::from(self.deleted_neighbours[v as usize])
    }
}

/// Contracts every vertex of the graph `n`, `arcs`.
pub(crate) fn contract(
    n: usize,
    arcs: &[(VertexId, VertexId, Weight)],
    params: ContractionParams,
) -> Contracted {
    let mut g = Graph {
        out: vec![Vec::new(); n],
        inn: vec![Vec::new(); n],
    };
    for &(t, h, w) in arcs {
        if t != h {
            upsert(&mut g.out[t as usize], h, w);
            upsert(&mut g.inn[h as usize], t, w);
        }
    }
    let mut c = Contractor {
        g,
        witness: Witness::new(n),
        deleted_neighbours: vec![0; n],
        params,
        buf: Vec::new(),
    };
    let mut prio: Vec<i64> = (0..n as VertexId).map(|v| c.priority(v)).collect();
    let mut queue: BinaryHeap<Reverse<(i64, VertexId)>> = (0..n as VertexId)
        .map(|v| Reverse((prio[v as usize], v)))
        .collect();
    let mut out = Contracted {
        rank: vec![u32::MAX; n],
        up: vec![Vec::new(); n],
        down_in: vec![Vec::new(); n],
        shortcuts: 0,
    };
    let mut next_rank = 0u32;
    let mut neighbours: Vec<VertexId> = Vec::new();
    while let Some(Reverse((p, v))) = queue.pop() {
        if out.rank[v as usize] != u32::MAX || p != prio[v as usize] {
            continue; // contracted, or a stale entry
        }
        // Lazy update: re-evaluate; contract only if still the minimum.
        let fresh = c.priority(v);
        if let Some(&Reverse((next, _))) = queue.peek() {
            if fresh > next {
                prio[v as usize] = fresh;
                queue.push(Reverse((fresh, v)));
                continue;
            }
        }
        c.shortcuts(v, c.params.contract_settled);
        out.rank[v as usize] = next_rank;
        next_rank += 1;
        let vo = std::mem::take(&mut c.g.out[v as usize]);
        let vi = std::mem::take(&mut c.g.inn[v as usize]);
        neighbours.clear();
        for &(w, _) in &vo {
            c.g.inn[w as usize].retain(|a| a.0 != v);
            neighbours.push(w);
        }
        for &(u, _) in &vi {
            c.g.out[u as usize].retain(|a| a.0 != v);
            neighbours.push(u);
        }
        for &(u, w, cost) in &c.buf {
            if upsert(&mut c.g.out[u as usize], w, cost) {
                upsert(&mut c.g.inn[w as usize], u, cost);
                out.shortcuts += 1;
            }
        }
        out.up[v as usize] = vo;
        out.down_in[v as usize] = vi;
        neighbours.sort_unstable();
        neighbours.dedup();
        for &x in &neighbours {
            c.deleted_neighbours[x as usize] += 1;
            if !c.params.update_neighbours {
                continue;
            }
            let p = c.priority(x);
            if p != prio[x as usize] {
                prio[x as usize] = p;
                queue.push(Reverse((p, x)));
            }
        }
    }
    out
}
