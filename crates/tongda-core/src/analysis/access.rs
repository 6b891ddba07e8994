//! Population-weighted accessibility of a scenario (door-to-door, passenger).

use crate::graph::RoutingGraph;
use crate::population::units;
use crate::scenario::Scenario;
use crate::skim::Skim;
use crate::timemodel::{Measure, Profile};
use serde::Serialize;
use std::collections::BTreeMap;

/// Accessibility figures of one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Accessibility {
    /// Mean door-to-door minutes over ordered pairs of population units,
    /// weighted by the product of their populations (unreachable pairs excluded).
    pub pop_weighted_mean_min: f64,
    /// Ordered pairs of distinct units that are unreachable.
    pub unreachable_pairs: usize,
    /// People within 60 min door-to-door of each hub.
    pub people_within_60: BTreeMap<String, u64>,
    /// The skim between population units (seconds), for pair comparisons.
    #[serde(skip)]
    pub skim: Skim,
}

/// Computes [`Accessibility`] for the scenario; `hubs` are place ids.
pub fn accessibility(sc: &Scenario, hubs: &[&str]) -> Accessibility {
    let g = RoutingGraph::compile(
        &sc.network,
        &sc.time_model,
        &sc.graph_spec(Profile::Passenger),
    );
    let u = units(&sc.network);
    let nodes: Vec<u32> = u.iter().map(|x| x.0).collect();
    let skim = Skim::compute(&g, &nodes, &nodes, Measure::DoorToDoor);
    let (mut num, mut den, mut unreachable) = (0.0f64, 0.0f64, 0usize);
    for i in 0..nodes.len() {
        for j in 0..nodes.len() {
            if i == j {
                continue;
            }
            match skim.get(i, j) {
                Some(s) => {
                    let w = u[i].1 as f64 * u[j].1 as f64;
                    num += w * f64::from(s) / 60.0;
                    den += w;
                }
                None => unreachable += 1,
            }
        }
    }
    let mut people_within_60 = BTreeMap::new();
    for hub in hubs {
        let Some(h) = sc.network.node_idx(hub) else {
            continue;
        };
        // Row of the hub if it is a unit; otherwise a dedicated sweep.
        let row: Vec<Option<u32>> = match nodes.iter().position(|&n| n == h) {
            Some(i) => (0..nodes.len()).map(|j| skim.get(i, j)).collect(),
            None => Skim::compute(&g, &[h], &nodes, Measure::DoorToDoor).seconds,
        };
        let people = row
            .iter()
            .zip(&u)
            .filter(|(s, _)| s.is_some_and(|s| s <= 3600))
            .fold(0u64, |acc, (_, x)| acc.saturating_add(x.1));
        people_within_60.insert(hub.to_string(), people);
    }
    Accessibility {
        pop_weighted_mean_min: if den > 0.0 { num / den } else { f64::NAN },
        unreachable_pairs: unreachable,
        people_within_60,
        skim,
    }
}
