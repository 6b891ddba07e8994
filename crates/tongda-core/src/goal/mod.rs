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
mod spec;
pub mod within_set;

pub use check::{CheckedGoal, CheckedKind, NodeIds};
pub use evaluator::Evaluator;
pub use pairs::slowest;
pub use result::{
    CoverageDetails, Details, FarPlace, FreightDetails, GoalResult, HubToSetDetails,
    InventoryDetails, InventoryRow, LegView, PairResult, ProjectRef,
};
pub use spec::{parse_goals, read_goals, GoalFile, GoalKind, GoalSpec, KmTarget, Quantifier};

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
