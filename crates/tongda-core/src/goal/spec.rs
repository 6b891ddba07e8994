//! The goal file format (TOML), as serde types.

use crate::inventory::Category;
use crate::model::{Mode, Province};
use crate::timemodel::{Measure, Profile};
use serde::{Deserialize, Serialize};

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

fn passenger() -> Profile {
    Profile::Passenger
}

fn freight() -> Profile {
    Profile::Freight
}

fn yes() -> bool {
    true
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

/// The kinds of goal, tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GoalKind {
    /// Two places within the threshold (both directions unless `both_directions = false`).
    Pair {
        /// Origin place.
        from: String,
        /// Destination place.
        to: String,
        /// Also check `to → from`.
        #[serde(default = "yes")]
        both_directions: bool,
        /// Threshold, minutes.
        threshold_min: f64,
        /// The measure the goal is judged on (both are reported).
        measure: Measure,
        /// Travel profile.
        #[serde(default = "passenger")]
        profile: Profile,
    },
    /// Each member of `set` within the threshold of any/all `hubs` (both quantifiers reported).
    HubToSet {
        /// Hubs (origins).
        hubs: Vec<String>,
        /// Members (destinations).
        set: Vec<String>,
        /// Which quantifier decides pass/fail.
        quantifier: Quantifier,
        /// Threshold, minutes.
        threshold_min: f64,
        /// Judged measure.
        measure: Measure,
        /// Travel profile.
        #[serde(default = "passenger")]
        profile: Profile,
    },
    /// Every ordered pair of members within the threshold.
    WithinSet {
        /// Members.
        set: Vec<String>,
        /// Threshold, minutes.
        threshold_min: f64,
        /// Judged measure.
        measure: Measure,
        /// Travel profile.
        #[serde(default = "passenger")]
        profile: Profile,
    },
    /// Share of the region's population within the threshold of the nearest base.
    Coverage {
        /// Bases (origins), e.g. rescue centres.
        bases: Vec<String>,
        /// Threshold, minutes.
        threshold_min: f64,
        /// Share (0–1) of the population that must be covered.
        required_share: f64,
        /// Judged measure.
        measure: Measure,
        /// Travel profile.
        #[serde(default = "passenger")]
        profile: Profile,
    },
    /// A freight route through `via` that uses `modes`, timed against an alternative.
    FreightRoute {
        /// Origin.
        from: String,
        /// Destination.
        to: String,
        /// Nodes the route must pass, in order.
        #[serde(default)]
        via: Vec<String>,
        /// Modes the route must use (e.g. rail and waterway for 铁水联运).
        modes: Vec<Mode>,
        /// Modes of the alternative it is compared with (e.g. rail only).
        alternative_modes: Vec<Mode>,
        /// Travel profile.
        #[serde(default = "freight")]
        profile: Profile,
    },
    /// Network kilometres of a province against targets (only as good as the data's coverage).
    Inventory {
        /// Province.
        province: Province,
        /// Targets.
        targets: Vec<KmTarget>,
    },
}

impl GoalKind {
    /// The `kind` tag.
    pub fn name(&self) -> &'static str {
        match self {
            GoalKind::Pair { .. } => "pair",
            GoalKind::HubToSet { .. } => "hub_to_set",
            GoalKind::WithinSet { .. } => "within_set",
            GoalKind::Coverage { .. } => "coverage",
            GoalKind::FreightRoute { .. } => "freight_route",
            GoalKind::Inventory { .. } => "inventory",
        }
    }
}
