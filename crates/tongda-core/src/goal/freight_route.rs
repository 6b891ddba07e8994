//! `kind = "freight_route"`: a freight route through given points that
//! uses given modes, timed against an alternative (G7: 铁水联运 via 万州).

use super::result::{Details, FreightDetails};
use super::spec::freight;
use super::{too_short, Evaluator, GoalResult, Kind, NodeIds};
use super::{Outcome, Times};
use crate::graph::RoutingGraph;
use crate::model::{Mode, NodeIdx};
use crate::route::Router;
use crate::timemodel::{Measure, Profile};
use crate::units::round1;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A freight-route goal as written in the goal file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FreightRoute {
    /// Origin.
    pub from: String,
    /// Destination.
    pub to: String,
    /// Nodes the route must pass, in order.
    #[serde(default)]
    pub via: Vec<String>,
    /// Modes the route must use (e.g. rail and waterway for 铁水联运).
    pub modes: Vec<Mode>,
    /// Modes of the alternative it is compared with (e.g. rail only).
    pub alternative_modes: Vec<Mode>,
    /// Travel profile.
    #[serde(default = "freight")]
    pub profile: Profile,
}

/// A freight-route goal with its points resolved.
#[derive(Debug, Clone)]
pub struct Checked {
    goal: FreightRoute,
    /// From, the via points, to.
    stops: Vec<NodeIdx>,
}

impl Kind for FreightRoute {
    type Checked = Checked;

    fn bad_values(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        out.extend(too_short("modes", self.modes.len(), 1, "freight_route"));
        let alt = self.alternative_modes.len();
        out.extend(too_short("alternative_modes", alt, 1, "freight_route"));
        out
    }

    fn check(&self, ids: &mut NodeIds) -> Option<Checked> {
        let from = ids.node("from", &self.from);
        let to = ids.node("to", &self.to);
        let via = ids.nodes("via", &self.via);
        let mut stops = vec![from?];
        stops.extend(via?);
        stops.push(to?);
        Some(Checked {
            goal: self.clone(),
            stops,
        })
    }

    /// The corridor: from → via… → to on the corridor's own modes (plus
    /// access), each stage the fastest door-to-door path; the alternative
    /// uses only its modes.
    fn evaluate(c: &Checked, ev: &mut Evaluator, r: &mut GoalResult) {
        let g = &c.goal;
        r.profile = Some(g.profile);
        r.measure = Some(Measure::DoorToDoor);
        let sc = ev.scenario();
        let net = &sc.network;
        let restricted = |keep: &[Mode]| -> RoutingGraph {
            let mut tm = sc.time_model.clone();
            tm.profile_mut(g.profile)
                .modes
                .retain(|m, _| keep.contains(m) || *m == Mode::Access);
            RoutingGraph::compile(net, &tm, &sc.graph_spec(g.profile))
        };
        let corridor = restricted(&g.modes);
        let stages: Vec<_> = c
            .stops
            .windows(2)
            .map(|w| {
                let od = (w[0], w[1]);
                super::pairs::pair_on(
                    net,
                    &corridor,
                    &mut tongda_sssp::Dijkstra::new(0),
                    od,
                    Measure::DoorToDoor,
                    f64::INFINITY,
                )
            })
            .collect();
        let exists = stages.iter().all(|s| s.minutes.is_some());
        let used: BTreeSet<Mode> = stages
            .iter()
            .flat_map(|s| s.legs.iter())
            .filter_map(|l| l.mode)
            .collect();
        let missing: Vec<Mode> = g
            .modes
            .iter()
            .filter(|m| !used.contains(m))
            .copied()
            .collect();
        let total: Option<f64> = stages
            .iter()
            .map(|s| s.minutes)
            .sum::<Option<f64>>()
            .map(round1);
        let alternative = restricted(&g.alternative_modes);
        let (from, to) = (c.stops[0], c.stops[c.stops.len() - 1]);
        let alt_min = Router::new(net, &alternative)
            .route(from, to, Measure::DoorToDoor)
            .map(|rt| round1(rt.minutes()));

        r.pass = exists && missing.is_empty();
        r.value = total;
        r.worst = stages
            .iter()
            .find(|s| s.minutes.is_none())
            .map(|s| format!("{} → {}", s.from_name, s.to_name));
        let mut stops = vec![g.from.clone()];
        stops.extend(g.via.iter().cloned());
        stops.push(g.to.clone());
        r.details = Details::FreightRoute(FreightDetails {
            alternative_min: alt_min,
            alternative_modes: g.alternative_modes.clone(),
            missing_modes: missing,
            modes_used: used,
            required_modes: g.modes.clone(),
            stops,
        });
        r.pairs = stages;
    }

    fn outcome(c: &Checked, t: &mut dyn Times) -> Outcome {
        let g = &c.goal;
        let mut used = BTreeSet::new();
        let mut exists = true;
        for w in c.stops.windows(2) {
            match t.restricted_route(g.profile, &g.modes, (w[0], w[1])) {
                Some((_, modes)) => used.extend(modes),
                None => exists = false,
            }
        }
        Outcome {
            pass: exists && g.modes.iter().all(|m| used.contains(m)),
            margin: None,
        }
    }
}

impl Checked {
    /// The restricted graphs the goal routes on: the corridor's modes (and
    /// the alternative's, which `evaluate` reports but no verdict uses).
    pub fn restricted(&self) -> Vec<(Profile, Option<Vec<Mode>>)> {
        vec![(self.goal.profile, Some(self.goal.modes.clone()))]
    }
}
