//! Reachability goals: the file format, checking against a network, and
//! evaluation on a scenario.
//!
//! Each kind of goal is a module with one type implementing [`Kind`]:
//! [`pair`], [`hub_to_set`], [`within_set`], [`coverage`],
//! [`freight_route`] and [`inventory`]. [`Evaluator::check`] resolves every
//! place a goal names to a node index once, so evaluation never meets an
//! unknown id; [`Evaluator::evaluate`] returns typed [`GoalResult`]s. The
//! sentences a reader sees are written in [`crate::report`].
//!
//! ```
//! use tongda_core::goal::{read_goals, Evaluator};
//! use tongda_core::scenario::Scenario;
//!
//! # let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
//! let sc = Scenario::load(&root.join("scenarios/plan-2027.toml"))?;
//! let file = root.join("scenarios/goals.toml");
//! let mut ev = Evaluator::new(&sc);
//! let goals = ev.check(&read_goals(&file)?, &file)?;
//! for r in ev.evaluate(&goals) {
//!     println!("{} {}: {:?} min", r.id, if r.pass { "PASS" } else { "FAIL" }, r.value);
//! }
//! # Ok::<(), tongda_core::Error>(())
//! ```

mod check;
pub mod coverage;
mod evaluator;
pub mod freight_route;
pub mod hub_to_set;
pub mod inventory;
pub mod pair;
mod pairs;
mod result;
mod robustness;
mod spec;
pub mod within_set;

use crate::graph::Weight;
use crate::model::{Mode, Network, NodeIdx};
use crate::timemodel::{Measure, Profile};
use std::collections::BTreeSet;

pub use check::{CheckedGoal, CheckedKind, NodeIds};
pub use evaluator::Evaluator;
pub use pairs::slowest;
pub use result::{
    CoverageDetails, Details, FarPlace, FreightDetails, GoalResult, HubToSetDetails,
    InventoryDetails, InventoryRow, LegView, PairResult, ProjectRef,
};
pub use robustness::{percentile, GoalRobustness, Sensitivity};
pub use spec::{
    parse_goals, read_goals, GoalFile, GoalKind, GoalSpec, KmTarget, Quantifier, Timed,
};

/// What one kind of goal knows: the values it must refuse, how its place
/// ids resolve, and how it is evaluated.
pub trait Kind {
    /// The goal with every place id resolved to a node index.
    type Checked;

    /// Values no evaluation could honour (an empty list, a threshold of −5
    /// minutes, a share above 1…), as `(message, fix)` pairs.
    fn bad_values(&self) -> Vec<(String, String)> {
        Vec::new()
    }

    /// Resolves the goal's place ids; `None` when one is unknown (`ids`
    /// then holds its diagnostic).
    fn check(&self, ids: &mut NodeIds) -> Option<Self::Checked>;

    /// Evaluates the checked goal on the evaluator's scenario, filling the
    /// kind's part of `out`.
    fn evaluate(checked: &Self::Checked, ev: &mut Evaluator, out: &mut GoalResult);

    /// The verdict and margin alone, from the travel times `times` gives:
    /// what a robustness draw needs, without paths. Equal to `evaluate`'s
    /// `pass` and [`GoalResult::margin`] on the same graphs (tested).
    fn outcome(checked: &Self::Checked, times: &mut dyn Times) -> Outcome;
}

/// The verdict and margin of one goal in one draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// Pass or fail.
    pub pass: bool,
    /// The margin (see [`GoalResult::margin`]); `None` where the goal has
    /// none or the deciding pair is unreachable.
    pub margin: Option<f64>,
}

/// Travel times on one draw's graphs, as [`Kind::outcome`] asks for them.
pub trait Times {
    /// Seconds from `origin` to each of `dests` `on` a profile's graph
    /// under a measure (`None`: unreachable), as the router would find them.
    fn seconds(
        &mut self,
        on: (Profile, Measure),
        origin: NodeIdx,
        dests: &[NodeIdx],
    ) -> Vec<Option<Weight>>;

    /// The door-to-door route of `od` (origin, destination) on the
    /// profile's graph restricted to `modes` (plus access): its minutes
    /// (rounded as reports round them) and the modes its legs use.
    fn restricted_route(
        &mut self,
        profile: Profile,
        modes: &[Mode],
        od: (NodeIdx, NodeIdx),
    ) -> Option<(f64, BTreeSet<Mode>)>;

    /// The network as the draw sees it (its opening years).
    fn network(&self) -> &Network;

    /// The network year.
    fn year(&self) -> i32;
}

/// Minutes as the reports show them (one decimal).
fn minutes(s: Option<Weight>) -> Option<f64> {
    s.map(|s| crate::units::round1(f64::from(s) / 60.0))
}

/// The outcome of timed pairs that all decide: pass if each is within
/// `threshold`; the margin is the threshold less the slowest.
fn timed_outcome(deciding: &[Option<f64>], threshold: f64) -> Outcome {
    let pass = !deciding.is_empty() && deciding.iter().all(|m| m.is_some_and(|m| m <= threshold));
    let worst = deciding.iter().copied().max_by(|a, b| {
        a.unwrap_or(f64::INFINITY)
            .total_cmp(&b.unwrap_or(f64::INFINITY))
    });
    Outcome {
        pass,
        margin: worst.flatten().map(|w| crate::units::round1(threshold - w)),
    }
}

/// A threshold that must be a positive number of minutes, as a `(message, fix)`.
fn bad_threshold(threshold_min: f64) -> Option<(String, String)> {
    (!(threshold_min.is_finite() && threshold_min > 0.0)).then(|| {
        (
            format!("`threshold_min` = {threshold_min} is not a positive number of minutes"),
            "give the threshold in minutes, e.g. threshold_min = 60".into(),
        )
    })
}

/// A list shorter than a kind needs, as a `(message, fix)`.
fn too_short(key: &str, n: usize, least: usize, kind: &str) -> Option<(String, String)> {
    (n < least).then(|| {
        (
            format!(
                "`{key}` has {n} entr{} but a {kind} goal needs at least {least}",
                if n == 1 { "y" } else { "ies" },
            ),
            format!("list at least {least} in `{key}`"),
        )
    })
}

/// A place listed twice, as a `(message, fix)`.
fn listed_twice(key: &str, ids: &[String]) -> Option<(String, String)> {
    let mut seen = std::collections::BTreeSet::new();
    ids.iter()
        .find(|id| !seen.insert(id.as_str()))
        .map(|twice| {
            (
                format!("`{key}` names \"{twice}\" twice"),
                "list each place once".into(),
            )
        })
}
