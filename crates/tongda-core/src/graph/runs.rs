//! Runs: what one set of on-board vertices of the routing graph stands for.
//!
//! A service that runs in the compiled year on active links of its lines is
//! one run: boarded and left only where it calls, stopping only there, and
//! running through from one line to another. The links no running service
//! uses are ridden as their line's *default pattern*: boarded anywhere but
//! at a junction ([`Network::is_junction`]), stopping at the express stops
//! ([`Network::is_express_stop`]).

use super::compile::{mode_params, GraphSpec};
use crate::model::{Mode, Network, NodeIdx, Traction};
use crate::timemodel::{ModeParams, Profile, TimeModel};
use std::collections::{BTreeMap, BTreeSet};

/// How a run serves one node.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Call {
    /// Passengers board and alight here.
    pub(crate) boards: bool,
    /// Trains stop here (riding through costs `pass_stop_s`).
    pub(crate) stops: bool,
    /// Minutes between trains.
    pub(crate) headway_min: f64,
    /// The run's time-model parameters (terminal and stop losses).
    pub(crate) mp: ModeParams,
    /// The station's slow-approach loss, seconds (fast modes only).
    pub(crate) approach_s: f64,
}

/// One set of on-board vertices: a service, or a line's default pattern.
#[derive(Debug)]
pub(crate) struct Run {
    /// Line id or service id (the entry of [`RoutingGraph::lines`]).
    pub(crate) name: String,
    /// Index into `Network::services`, for a service.
    pub(crate) service: Option<u32>,
    /// The nodes served and how.
    pub(crate) calls: BTreeMap<NodeIdx, Call>,
    /// Links ridden, with the direction of travel.
    pub(crate) links: Vec<(u32, bool)>,
    /// Also ridden against that direction.
    pub(crate) both_ways: bool,
    /// How its trains are drawn (a default pattern: multiple units, timed
    /// at its links' mode parameters).
    pub(crate) traction: Traction,
}

fn approach(net: &Network, node: NodeIdx, mode: Mode) -> f64 {
    match net.nodes[node as usize].approach_s {
        Some(s) if matches!(mode, Mode::Hsr | Mode::Intercity) => s,
        _ => 0.0,
    }
}

/// The runs of a compiled graph: every service running in the spec's year on
/// active links, then, per scheduled line, one default run over the links
/// that no service of the network's own `services.toml` runs over in that
/// year (a scenario's service edits add or take away runs; they never bring a
/// default pattern back or take one away, so adding a service never slows a
/// trip and removing one never speeds one up).
pub(crate) fn build_runs(
    net: &Network,
    tm: &TimeModel,
    spec: &GraphSpec,
    active: &[u32],
) -> Vec<Run> {
    let mut is_active = vec![false; net.links.len()];
    for &li in active {
        is_active[li as usize] = true;
    }
    let mut runs = Vec::new();
    let mut covered: BTreeSet<u32> = BTreeSet::new();
    let pp = tm.profile(spec.profile);
    let paths = crate::model::ServicePaths::new(net, |i| is_active[i]);
    for (si, svc) in net.services.iter().enumerate() {
        let Some(mode_mp) = pp.modes.get(&svc.mode) else {
            continue;
        };
        let mp = pp.for_train(svc.traction, mode_mp);
        if spec.profile == Profile::Freight || !svc.runs_in(spec.year) {
            continue;
        }
        let Ok(path) = paths.path(svc) else {
            continue; // not all of its track exists this year
        };
        if svc.described {
            covered.extend(path.iter().map(|&(li, _)| li));
        }
        if svc.removed {
            continue;
        }
        let mut calls = BTreeMap::new();
        let mut nodes = vec![svc.stops[0]];
        for &(li, fwd) in &path {
            let l = &net.links[li as usize];
            nodes.push(if fwd { l.to } else { l.from });
        }
        for node in nodes {
            let stops = svc.stops.contains(&node);
            calls.insert(
                node,
                Call {
                    boards: stops,
                    stops,
                    headway_min: svc.headway(),
                    mp: *mp,
                    approach_s: approach(net, node, svc.mode),
                },
            );
        }
        runs.push(Run {
            name: svc.id.clone(),
            service: Some(si as u32),
            calls,
            links: path,
            both_ways: !svc.oneway,
            traction: svc.traction,
        });
    }
    // Default patterns: the links no running service uses, one run per
    // line, in line-id order.
    let mut by_line: BTreeMap<&str, Run> = BTreeMap::new();
    for &li in active {
        let l = &net.links[li as usize];
        if !l.mode.is_scheduled() || covered.contains(&li) {
            continue;
        }
        let Some(lp) = mode_params(tm, spec.profile, l) else {
            continue;
        };
        let run = by_line.entry(l.line.as_str()).or_insert_with(|| Run {
            name: l.line.clone(),
            service: None,
            calls: BTreeMap::new(),
            links: Vec::new(),
            both_ways: true,
            traction: Traction::Emu,
        });
        run.links.push((li, true));
        let hw = l.headway_min.unwrap_or(lp.headway_min);
        for end in [l.from, l.to] {
            let a = approach(net, end, l.mode);
            let stops = net.is_express_stop(end);
            let c = run.calls.entry(end).or_insert(Call {
                boards: !net.is_junction(end),
                stops,
                headway_min: hw,
                mp: *lp,
                approach_s: a,
            });
            c.headway_min = c.headway_min.min(hw);
            c.approach_s = c.approach_s.max(a);
        }
    }
    runs.extend(by_line.into_values());
    runs
}
