//! Re-weighting a compiled graph in place: new link speeds or time-model
//! cruise fractions change arc weights, never the topology, so a robustness
//! draw rewrites the weights of the arcs that ride links instead of
//! compiling the network again.
//!
//! Each ride, road and segment arc is rebuilt exactly as the compiler built
//! it (each link's run time rounded to whole seconds, then summed; a
//! segment keeps its stations' approach losses; a direct ride sums its
//! arcs again and re-derives its wait), so re-weighting with the
//! point values gives back the compiled weights bit for bit (tested).

use super::compile::{run_seconds, secs, EdgeKind, RoutingGraph};
use super::spec::traction_params;
use super::Weight;
use crate::model::{Link, Network, Traction};
use crate::timemodel::TimeModel;

/// What a graph's link-riding arcs are made of, recorded once per graph.
#[derive(Debug, Clone)]
pub struct Reweighter {
    /// Per arc: its weight less the run times of its links (the fixed part),
    /// for ride, road and segment arcs; `None` for the others.
    fixed: Vec<Option<Weight>>,
}

impl Reweighter {
    /// Records the fixed part of every link-riding arc of `g`, compiled
    /// from `net` under `tm`.
    pub fn new(g: &RoutingGraph, net: &Network, tm: &TimeModel) -> Reweighter {
        let fixed = (0..g.csr.num_arcs() as u32)
            .map(|a| {
                let runs = link_seconds(&Parts::of(g), a, &|li| &net.links[li as usize], tm)?;
                Some(g.csr.weight(a).saturating_sub(runs))
            })
            .collect();
        Reweighter { fixed }
    }

    /// Rewrites `g`'s weights for links as `link(i)` gives them (e.g. with
    /// a drawn speed) under `tm` (e.g. with a drawn cruise fraction).
    pub fn apply<'n>(&self, g: &mut RoutingGraph, link: &dyn Fn(u32) -> &'n Link, tm: &TimeModel) {
        let parts = Parts {
            profile: g.spec.profile,
            year: g.spec.year,
            edges: &g.edges,
            segments: &g.segments,
            segment_traction: &g.segment_traction,
        };
        let w = g.csr.weights_mut();
        for (a, fixed) in self.fixed.iter().enumerate() {
            if let Some(fixed) = fixed {
                if let Some(runs) = link_seconds(&parts, a as u32, link, tm) {
                    w[a] = fixed.saturating_add(runs);
                }
            }
        }
        // Direct rides sum the arcs just rewritten, and their waits depend
        // on which trains are now as fast.
        super::direct::set_weights(&mut g.rides, &g.chains, w);
    }
}

/// The parts of a graph that say what its arcs ride.
struct Parts<'g> {
    profile: crate::timemodel::Profile,
    year: i32,
    edges: &'g [EdgeKind],
    segments: &'g [Vec<(u32, bool)>],
    segment_traction: &'g [Traction],
}

impl<'g> Parts<'g> {
    fn of(g: &'g RoutingGraph) -> Parts<'g> {
        Parts {
            profile: g.spec.profile,
            year: g.spec.year,
            edges: &g.edges,
            segments: &g.segments,
            segment_traction: &g.segment_traction,
        }
    }
}

/// The summed run seconds of the links an arc rides (each rounded as the
/// compiler rounds it), or `None` for an arc that rides no link.
fn link_seconds<'n>(
    g: &Parts,
    a: u32,
    link: &dyn Fn(u32) -> &'n Link,
    tm: &TimeModel,
) -> Option<Weight> {
    let (profile, year) = (g.profile, g.year);
    let one = |li: u32, forward: bool, traction: Traction| -> Weight {
        let l = link(li);
        traction_params(tm, profile, l, traction)
            .map_or(0, |mp| secs(run_seconds(l, mp, forward, year)))
    };
    match g.edges[a as usize] {
        EdgeKind::Ride { link, forward } | EdgeKind::Road { link, forward } => {
            Some(one(link, forward, Traction::Emu))
        }
        EdgeKind::Segment { segment } => Some(
            g.segments[segment as usize]
                .iter()
                .map(|&(li, f)| one(li, f, g.segment_traction[segment as usize]))
                .fold(0, Weight::saturating_add),
        ),
        _ => None,
    }
}
