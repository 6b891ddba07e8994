//! The evaluator: one scenario, one compiled graph per profile, goals in,
//! typed results out.

use super::check::{check, CheckedGoal, CheckedKind};
use super::result::{Details, GoalResult};
use super::{coverage, freight_route, hub_to_set, inventory, pair, within_set};
use super::{GoalSpec, Kind};
use crate::graph::RoutingGraph;
use crate::scenario::Scenario;
use crate::timemodel::Profile;
use crate::Result;
use std::collections::BTreeMap;
use std::path::Path;

/// Evaluates goals on one scenario, compiling one graph per profile used.
pub struct Evaluator<'a> {
    sc: &'a Scenario,
    graphs: BTreeMap<Profile, RoutingGraph>,
    /// Search buffers reused by every pair (allocated once, not per pair).
    search: tongda_sssp::Dijkstra,
}

impl<'a> Evaluator<'a> {
    /// An evaluator for `sc`.
    pub fn new(sc: &'a Scenario) -> Evaluator<'a> {
        Evaluator {
            sc,
            graphs: BTreeMap::new(),
            search: tongda_sssp::Dijkstra::new(0),
        }
    }

    /// The scenario evaluated.
    pub fn scenario(&self) -> &'a Scenario {
        self.sc
    }

    /// The compiled graph of a profile (compiled on first use).
    pub fn graph(&mut self, p: Profile) -> &RoutingGraph {
        let sc = self.sc;
        self.graphs.entry(p).or_insert_with(|| {
            RoutingGraph::compile(&sc.network, &sc.time_model, &sc.graph_spec(p))
        })
    }

    /// Checks `goals` (read from `file`) against the scenario's network:
    /// every problem of every goal is reported at once, as diagnostics
    /// naming the file and the goal.
    pub fn check(&self, goals: &[GoalSpec], file: &Path) -> Result<Vec<CheckedGoal>> {
        check(&self.sc.network, goals, file)
    }

    /// Evaluates every goal, in order.
    pub fn evaluate(&mut self, goals: &[CheckedGoal]) -> Vec<GoalResult> {
        goals.iter().map(|g| self.evaluate_one(g)).collect()
    }

    /// Evaluates one goal.
    pub fn evaluate_one(&mut self, g: &CheckedGoal) -> GoalResult {
        let mut r = GoalResult {
            id: g.spec.id.clone(),
            title_zh: g.spec.title_zh.clone(),
            title_en: g.spec.title_en.clone(),
            source: g.spec.source.clone(),
            note: g.spec.note.clone(),
            kind: g.spec.kind.name(),
            profile: None,
            measure: None,
            threshold_min: None,
            quantifier: None,
            pass: false,
            worst: None,
            value: None,
            target: None,
            pass_any: None,
            pass_all: None,
            pairs: Vec::new(),
            details: Details::Pairs,
            robustness: None,
        };
        match &g.kind {
            CheckedKind::Pair(c) => pair::Pair::evaluate(c, self, &mut r),
            CheckedKind::HubToSet(c) => hub_to_set::HubToSet::evaluate(c, self, &mut r),
            CheckedKind::WithinSet(c) => within_set::WithinSet::evaluate(c, self, &mut r),
            CheckedKind::Coverage(c) => coverage::Coverage::evaluate(c, self, &mut r),
            CheckedKind::FreightRoute(c) => freight_route::FreightRoute::evaluate(c, self, &mut r),
            CheckedKind::Inventory(c) => inventory::Inventory::evaluate(c, self, &mut r),
        }
        r
    }

    /// One pair on the profile's graph.
    pub(super) fn pair(
        &mut self,
        profile: Profile,
        od: (crate::model::NodeIdx, crate::model::NodeIdx),
        measure: crate::timemodel::Measure,
        threshold: f64,
    ) -> super::PairResult {
        let sc = self.sc;
        self.graph(profile);
        let g = &self.graphs[&profile];
        let search = &mut self.search;
        super::pairs::pair_on(&sc.network, g, search, od, measure, threshold)
    }
}

impl Evaluator<'_> {
    /// One pair of a timed goal, judged on its measure and threshold.
    pub(super) fn timed_pair(
        &mut self,
        t: &super::Timed,
        od: (crate::model::NodeIdx, crate::model::NodeIdx),
    ) -> super::PairResult {
        self.pair(t.profile, od, t.measure, t.threshold_min)
    }
}

/// The profile, measure and threshold every timed kind reports.
pub(super) fn set_timed(
    r: &mut GoalResult,
    profile: Profile,
    measure: crate::timemodel::Measure,
    threshold: f64,
) {
    r.profile = Some(profile);
    r.measure = Some(measure);
    r.threshold_min = Some(threshold);
    r.target = Some(threshold);
}
