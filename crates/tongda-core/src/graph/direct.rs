//! Direct rides: from a station to a later call of a service, waiting for
//! the first train that is at least as fast.
//!
//! A stop pattern is one of many that serve a pair of stations: 成都东 →
//! 沙坪坝 is served by dozens of patterns of a few trains a day each. A
//! traveller does not wait half the headway of one pattern; they take the
//! first train that gets them there soon enough. For each pair of calls
//! (S, T) of a service *r*, the graph has one arc from S's concourse to T's
//! platform whose cost is
//!
//! ```text
//! wait(r) + ride(r),   wait(r) = ½ · 1 / Σ { 1/headway(s) : s calls at S then T, ride(s) ≤ ride(r) }
//! ```
//!
//! — the strategy "board the first train to T that is no slower than *r*"
//! costs at most that (each such train's ride is ≤ ride(r)), so the figure
//! never flatters; the router takes the best *r*, which is the classic
//! common-lines choice of attractive services (Chriqui & Robillard 1975;
//! Spiess & Florian 1989) restricted to "as fast as r". With one service on
//! a pair, the wait is half its own headway, as before.
//!
//! `ride(r)` is the service's in-vehicle time: its terminal and approach
//! loss at S, its segment and stay-on-board arcs between S and T, and its
//! approach loss at T. It is summed from those arcs' current weights, so
//! re-weighting the graph (robustness draws) re-derives every direct ride
//! and every wait with the same function as the compiler ([`set_weights`]).

use super::{VertexId, Weight};
use crate::model::NodeIdx;

/// One direct-ride arc: service run `line` from `from` to `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectRide {
    /// The run ridden (index into [`RoutingGraph::lines`](super::RoutingGraph::lines)).
    pub line: u32,
    /// Boarding node.
    pub from: NodeIdx,
    /// Alighting node.
    pub to: NodeIdx,
    /// The run's own headway, minutes.
    pub headway_min: f64,
    /// The combined headway of the trains from `from` to `to` no slower than
    /// this one (this one included), minutes.
    pub combined_headway_min: f64,
    /// Seconds waiting: half of `combined_headway_min`.
    pub wait_s: Weight,
    /// Seconds of terminal and approach losses at both ends.
    pub fixed_s: Weight,
    /// The service direction ridden (index into
    /// [`RoutingGraph::chains`](super::RoutingGraph::chains)).
    pub chain: u32,
    /// Its calls boarded and left (indices into the chain's calls).
    pub calls: (u16, u16),
    /// The direct arc itself (CSR arc id).
    pub arc: u32,
}

/// The arcs of one service direction between its calls (CSR arc ids):
/// what a direct ride is made of.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChainArcs {
    /// From each call to the next.
    pub segments: Vec<u32>,
    /// Staying on board at each call.
    pub throughs: Vec<u32>,
}

impl ChainArcs {
    /// The segment arcs from call `i` to call `j`.
    pub fn segments_between(&self, (i, j): (u16, u16)) -> &[u32] {
        &self.segments[i as usize..j as usize]
    }
}

/// One direction of a service as the compiler laid it out: its calls in
/// order with the arcs between them (builder arc indices).
#[derive(Debug, Default)]
pub(crate) struct Chain {
    /// The run.
    pub(crate) line: u32,
    /// Its headway, minutes.
    pub(crate) headway_min: f64,
    /// The calls, in the direction of travel: node, boarding loss
    /// (terminal + approach), alighting loss (approach), and the
    /// stay-on-board arc there.
    pub(crate) calls: Vec<(NodeIdx, Weight, Weight, usize)>,
    /// The segment arc from each call to the next.
    pub(crate) segments: Vec<usize>,
}

/// The direct rides of every pair of calls of every chain, with the arc
/// each needs (concourse of the boarding node → `arrival` of the
/// alighting node), sorted by (from, to, line) so that the rides of one
/// pair are adjacent; and the chains' arcs. Arc ids are builder indices
/// until [`renumber`] maps them to CSR ids.
pub(crate) fn rides_of(
    chains: &[Chain],
    arrival: &[Option<VertexId>],
) -> (Vec<(DirectRide, VertexId, VertexId)>, Vec<ChainArcs>) {
    let mut rides = Vec::new();
    for (ci, c) in chains.iter().enumerate() {
        for i in 0..c.calls.len() {
            for j in i + 1..c.calls.len() {
                let (from, board_s, _, _) = c.calls[i];
                let (to, _, alight_s, _) = c.calls[j];
                let Some(platform) = arrival[to as usize] else {
                    continue;
                };
                let ride = DirectRide {
                    line: c.line,
                    from,
                    to,
                    headway_min: c.headway_min,
                    combined_headway_min: c.headway_min,
                    wait_s: 0,
                    fixed_s: board_s.saturating_add(alight_s),
                    chain: ci as u32,
                    calls: (i as u16, j as u16),
                    arc: 0,
                };
                rides.push((ride, from as VertexId, platform));
            }
        }
    }
    // A run with two chains (both directions) serves a pair once per
    // direction; a loop could serve it twice: keep the first (stable sort).
    rides.sort_by_key(|(r, _, _)| (r.from, r.to, r.line));
    rides.dedup_by_key(|(r, _, _)| (r.from, r.to, r.line));
    let arcs = (chains.iter())
        .map(|c| ChainArcs {
            segments: c.segments.iter().map(|&a| a as u32).collect(),
            throughs: c.calls.iter().map(|c| c.3 as u32).collect(),
        })
        .collect();
    (rides, arcs)
}

/// Maps builder arc indices to CSR arc ids (`order[csr] = builder`).
pub(crate) fn renumber(rides: &mut [DirectRide], chains: &mut [ChainArcs], order: &[u32]) {
    let mut csr_of = vec![0u32; order.len()];
    for (csr, &b) in order.iter().enumerate() {
        csr_of[b as usize] = csr as u32;
    }
    for r in rides {
        r.arc = csr_of[r.arc as usize];
    }
    for c in chains {
        for a in c.segments.iter_mut().chain(c.throughs.iter_mut()) {
            *a = csr_of[*a as usize];
        }
    }
}

/// The seconds from each chain's first call to each of its calls, all
/// chains in one array (`first[c]` is chain c's first entry): arriving
/// (`.0`) and leaving again after staying on board (`.1`), so that riding
/// from call i to call j takes `arrive[j] − leave[i]`.
fn offsets(chains: &[ChainArcs], weights: &[Weight]) -> (Vec<usize>, Vec<(u64, u64)>) {
    let mut first = Vec::with_capacity(chains.len());
    let mut at = Vec::with_capacity(chains.iter().map(|c| c.throughs.len()).sum());
    for c in chains {
        first.push(at.len());
        let (mut arrive, mut leave) = (0u64, 0u64);
        for (k, &through) in c.throughs.iter().enumerate() {
            if k > 0 {
                arrive = leave + u64::from(weights[c.segments[k - 1] as usize]);
                leave = arrive + u64::from(weights[through as usize]);
            }
            at.push((arrive, leave));
        }
    }
    (first, at)
}

/// Sets every direct ride's wait and its arc's weight from the current
/// weights of the arcs it rides (see the module docs). `rides` is sorted
/// by (from, to, line).
pub(crate) fn set_weights(rides: &mut [DirectRide], chains: &[ChainArcs], weights: &mut [Weight]) {
    let (first, at) = offsets(chains, weights);
    let ride_s = |r: &DirectRide| -> Weight {
        let c = first[r.chain as usize];
        let (i, j) = (c + r.calls.0 as usize, c + r.calls.1 as usize);
        let s = at[j].0 - at[i].1 + u64::from(r.fixed_s);
        s.min(u64::from(Weight::MAX)) as Weight
    };
    let (mut ride, mut order) = (Vec::new(), Vec::new());
    let mut start = 0;
    while start < rides.len() {
        let key = (rides[start].from, rides[start].to);
        let end = start + rides[start..].partition_point(|r| (r.from, r.to) == key);
        let pair = &mut rides[start..end];
        ride.clear();
        ride.extend(pair.iter().map(ride_s));
        order.clear();
        order.extend(0..pair.len());
        order.sort_by_key(|&k| (ride[k], pair[k].line));
        let mut k = 0;
        let mut freq = 0.0; // trains per minute no slower than ride[order[k]]
        while k < order.len() {
            let same = order[k..].partition_point(|&m| ride[m] == ride[order[k]]);
            for &m in &order[k..k + same] {
                freq += 1.0 / pair[m].headway_min;
            }
            for &m in &order[k..k + same] {
                let r = &mut pair[m];
                r.combined_headway_min = 1.0 / freq;
                r.wait_s = super::spec::secs(r.combined_headway_min * 60.0 / 2.0);
                weights[r.arc as usize] = r.wait_s.saturating_add(ride[m]);
            }
            k += same;
        }
        start = end;
    }
}
