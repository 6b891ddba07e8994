//! The goal file format (TOML), as serde types.

use crate::error::Diagnostic;
use crate::inventory::Category;
use crate::timemodel::Profile;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// A goal file: `[[goal]]` tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalFile {
    /// The goals, in report order.
    #[serde(rename = "goal")]
    pub goals: Vec<GoalSpec>,
}

/// One reachability goal from the policy texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalSpec {
    /// Short id (`G1`, `G5a`…).
    pub id: String,
    /// The goal as the seed states it.
    pub title_zh: String,
    /// English rendering.
    pub title_en: String,
    /// Seed file(s) the goal comes from.
    pub source: String,
    /// How the goal was encoded (assumptions).
    #[serde(default)]
    pub note: String,
    /// What is measured.
    #[serde(flatten)]
    pub kind: GoalKind,
}

/// Which hubs must reach each member of the set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantifier {
    /// Each member within the threshold of at least one hub.
    Any,
    /// Each member within the threshold of every hub.
    All,
}

pub(super) fn passenger() -> Profile {
    Profile::Passenger
}

pub(super) fn freight() -> Profile {
    Profile::Freight
}

pub(super) fn yes() -> bool {
    true
}

/// What every timed goal states: a threshold, the measure that judges it
/// and the travel profile.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Timed {
    /// Threshold, minutes.
    pub threshold_min: f64,
    /// The measure the goal is judged on (both are reported).
    pub measure: crate::timemodel::Measure,
    /// Travel profile.
    #[serde(default = "passenger")]
    pub profile: Profile,
}

impl Timed {
    /// The profile's graph and the measure the goal's times are taken on.
    pub fn on(&self) -> (Profile, crate::timemodel::Measure) {
        (self.profile, self.measure)
    }
}

/// A kilometre target of an inventory goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KmTarget {
    /// What is counted.
    pub category: Category,
    /// Target kilometres.
    pub km: f64,
}

/// The kinds of goal, tagged by `kind`; each is a type in its own module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GoalKind {
    /// Two places within the threshold.
    Pair(super::pair::Pair),
    /// Each member of a set within the threshold of any/all hubs.
    HubToSet(super::hub_to_set::HubToSet),
    /// Every ordered pair of members within the threshold.
    WithinSet(super::within_set::WithinSet),
    /// Share of the region's population within the threshold of the nearest base.
    Coverage(super::coverage::Coverage),
    /// A freight route through `via` that uses `modes`, timed against an alternative.
    FreightRoute(super::freight_route::FreightRoute),
    /// Network kilometres of a province against targets.
    Inventory(super::inventory::Inventory),
}

impl GoalKind {
    /// The `kind` tag.
    pub fn name(&self) -> &'static str {
        match self {
            GoalKind::Pair(_) => "pair",
            GoalKind::HubToSet(_) => "hub_to_set",
            GoalKind::WithinSet(_) => "within_set",
            GoalKind::Coverage(_) => "coverage",
            GoalKind::FreightRoute(_) => "freight_route",
            GoalKind::Inventory(_) => "inventory",
        }
    }
}

/// Reads a goal file.
pub fn read_goals(path: &Path) -> Result<Vec<GoalSpec>> {
    parse_goals(&crate::io::budget::read_text(path)?, path)
}

/// Parses the text of a goal file read from `path` (named in diagnostics).
pub fn parse_goals(text: &str, path: &Path) -> Result<Vec<GoalSpec>> {
    let file: GoalFile = toml::from_str(text).map_err(|e| {
        Error::Invalid(vec![Diagnostic::error(
            path,
            None,
            format!("not a valid goal file: {}", e.to_string().trim()),
            "see scenarios/goals.toml for the format",
        )])
    })?;
    crate::io::keys::check_toml(text, path, crate::io::keys::goal_table_errors)?;
    Ok(file.goals)
}
