//! Checking goals against a network: every value honourable, every place
//! id resolved to a node index once.

use super::{coverage, freight_route, hub_to_set, inventory, pair, within_set};
use super::{GoalKind, GoalSpec, Kind};
use crate::error::Diagnostic;
use crate::model::{Network, NodeIdx};
use crate::{Error, Result};
use std::path::Path;

/// Resolves the place ids of one goal, collecting a diagnostic per unknown id.
pub struct NodeIds<'a> {
    net: &'a Network,
    file: &'a Path,
    goal: &'a str,
    diags: Vec<Diagnostic>,
}

impl NodeIds<'_> {
    /// The node index of `id`, named in the goal's property `key`; `None`
    /// (and a diagnostic with the closest ids) when the network lacks it.
    pub fn node(&mut self, key: &str, id: &str) -> Option<NodeIdx> {
        let idx = self.net.node_idx(id);
        if idx.is_none() {
            let ids = self.net.nodes.iter().map(|n| n.id.as_str());
            let c = crate::text::closest(id, ids, 3);
            self.diags.push(Diagnostic::error(
                self.file,
                Some(self.goal.to_string()),
                format!(
                    "`{key}` names unknown node \"{id}\" (closest: {})",
                    c.join(", ")
                ),
                "use node ids from the geodata",
            ));
        }
        idx
    }

    /// Every id of `ids` resolved, in order; `None` if one is unknown (all are tried).
    pub fn nodes(&mut self, key: &str, ids: &[String]) -> Option<Vec<NodeIdx>> {
        let v: Vec<Option<NodeIdx>> = ids.iter().map(|id| self.node(key, id)).collect();
        v.into_iter().collect()
    }
}

/// A goal whose every place resolved, ready to evaluate.
#[derive(Debug, Clone)]
pub struct CheckedGoal {
    /// The goal as written.
    pub spec: GoalSpec,
    /// Its kind, with node indices.
    pub kind: CheckedKind,
}

/// The checked form of each kind.
#[derive(Debug, Clone)]
pub enum CheckedKind {
    /// See [`pair`].
    Pair(pair::Checked),
    /// See [`hub_to_set`].
    HubToSet(hub_to_set::Checked),
    /// See [`within_set`].
    WithinSet(within_set::Checked),
    /// See [`coverage`].
    Coverage(coverage::Checked),
    /// See [`freight_route`].
    FreightRoute(freight_route::Checked),
    /// See [`inventory`].
    Inventory(inventory::Checked),
}

/// Checks `goals` (read from `file`) against `net`; every problem of every
/// goal is reported at once.
pub(super) fn check(net: &Network, goals: &[GoalSpec], file: &Path) -> Result<Vec<CheckedGoal>> {
    let mut diags = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for g in goals {
        if !seen.insert(g.id.as_str()) {
            diags.push(Diagnostic::error(
                file,
                Some(g.id.clone()),
                "duplicate goal id".into(),
                "give each goal its own id",
            ));
        }
        let mut ids = NodeIds {
            net,
            file,
            goal: &g.id,
            diags: Vec::new(),
        };
        let (problems, kind) = match &g.kind {
            GoalKind::Pair(k) => (k.bad_values(), k.check(&mut ids).map(CheckedKind::Pair)),
            GoalKind::HubToSet(k) => (k.bad_values(), k.check(&mut ids).map(CheckedKind::HubToSet)),
            GoalKind::WithinSet(k) => (
                k.bad_values(),
                k.check(&mut ids).map(CheckedKind::WithinSet),
            ),
            GoalKind::Coverage(k) => (k.bad_values(), k.check(&mut ids).map(CheckedKind::Coverage)),
            GoalKind::FreightRoute(k) => (
                k.bad_values(),
                k.check(&mut ids).map(CheckedKind::FreightRoute),
            ),
            GoalKind::Inventory(k) => (
                k.bad_values(),
                k.check(&mut ids).map(CheckedKind::Inventory),
            ),
        };
        for (message, fix) in problems {
            diags.push(Diagnostic::error(file, Some(g.id.clone()), message, &fix));
        }
        diags.append(&mut ids.diags);
        if let Some(kind) = kind {
            out.push(CheckedGoal {
                spec: g.clone(),
                kind,
            });
        }
    }
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(Error::Invalid(diags))
    }
}

impl CheckedGoal {
    /// The goal's verdict and margin from the travel times `t` gives.
    pub fn outcome(&self, t: &mut dyn super::Times) -> super::Outcome {
        match &self.kind {
            CheckedKind::Pair(c) => pair::Pair::outcome(c, t),
            CheckedKind::HubToSet(c) => hub_to_set::HubToSet::outcome(c, t),
            CheckedKind::WithinSet(c) => within_set::WithinSet::outcome(c, t),
            CheckedKind::Coverage(c) => coverage::Coverage::outcome(c, t),
            CheckedKind::FreightRoute(c) => freight_route::FreightRoute::outcome(c, t),
            CheckedKind::Inventory(c) => inventory::Inventory::outcome(c, t),
        }
    }

    /// The profiles whose graphs the goal routes on, with the modes a
    /// freight route restricts them to.
    pub fn graphs(&self) -> Vec<(crate::timemodel::Profile, Option<Vec<crate::model::Mode>>)> {
        match &self.kind {
            CheckedKind::Pair(c) => vec![(c.profile(), None)],
            CheckedKind::HubToSet(c) => vec![(c.profile(), None)],
            CheckedKind::WithinSet(c) => vec![(c.profile(), None)],
            CheckedKind::Coverage(c) => vec![(c.profile(), None)],
            CheckedKind::FreightRoute(c) => c.restricted(),
            CheckedKind::Inventory(_) => vec![],
        }
    }
}
