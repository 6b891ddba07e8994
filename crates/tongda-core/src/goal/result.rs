//! What evaluating a goal produces: typed results, one detail type per kind.
//!
//! These are data; the sentences a reader sees are written in `report/`.

use super::spec::Quantifier;
use crate::inventory::Category;
use crate::model::{Mode, Network, Province, Status};
use crate::route::{Leg, LegKind};
use crate::timemodel::{Measure, Profile};
use crate::units::round1;
use serde::{Serialize, Serializer};
use std::collections::BTreeSet;

/// A leg of a critical path: names resolved, minutes and km rounded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegView {
    /// Leg kind.
    pub kind: LegKind,
    /// Mode.
    pub mode: Option<Mode>,
    /// Line/road name.
    pub name_zh: String,
    /// Line/road name, English.
    pub name_en: String,
    /// Project id.
    pub project: Option<String>,
    /// The service ridden (rides on a service only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// Status of the project's links used (the least advanced).
    pub status: Option<Status>,
    /// Latest opening year of the links used.
    pub open_year: Option<i32>,
    /// From node id.
    pub from: String,
    /// From node name.
    pub from_name: String,
    /// To node id.
    pub to: String,
    /// To node name.
    pub to_name: String,
    /// Kilometres.
    pub km: f64,
    /// Minutes.
    pub minutes: f64,
    /// Link ids used.
    pub links: Vec<String>,
}

impl LegView {
    /// The view of a route leg on `net`.
    pub fn of(net: &Network, leg: &Leg) -> LegView {
        let name = |id: &str| {
            net.node(id)
                .map_or_else(|| id.to_string(), |n| n.name_zh.clone())
        };
        let used: Vec<&crate::model::Link> =
            leg.links.iter().map(|&i| &net.links[i as usize]).collect();
        LegView {
            kind: leg.kind,
            mode: leg.mode,
            name_zh: leg.name_zh.clone(),
            name_en: leg.name_en.clone(),
            project: leg.project.clone(),
            service: leg.service.clone(),
            status: used.iter().map(|l| l.status).max(),
            open_year: used.iter().map(|l| l.open_year).max(),
            from: leg.from.clone(),
            from_name: name(&leg.from),
            to: leg.to.clone(),
            to_name: name(&leg.to),
            km: round1(leg.km),
            minutes: round1(leg.minutes()),
            links: used.iter().map(|l| l.id.clone()).collect(),
        }
    }
}

/// A project a path relies on that is not open today.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ProjectRef {
    /// Project id.
    pub project: String,
    /// Name.
    pub name_zh: String,
    /// Status.
    pub status: Status,
    /// (Planned) opening year.
    pub open_year: i32,
}

/// One origin–destination pair of a goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairResult {
    /// Origin id.
    pub from: String,
    /// Origin name.
    pub from_name: String,
    /// Destination id.
    pub to: String,
    /// Destination name.
    pub to_name: String,
    /// In-vehicle minutes (station to station).
    pub in_vehicle_min: Option<f64>,
    /// Door-to-door minutes (centre to centre).
    pub door_to_door_min: Option<f64>,
    /// Minutes of the judged measure.
    pub minutes: Option<f64>,
    /// Threshold − minutes (positive: slack; negative: shortfall).
    pub margin_min: Option<f64>,
    /// Within the threshold.
    pub pass: bool,
    /// Kilometres of the critical path.
    pub km: Option<f64>,
    /// The critical path (judged measure).
    pub legs: Vec<LegView>,
    /// Not-yet-open projects the path uses.
    pub relies_on: Vec<ProjectRef>,
    /// For a failing pair: the leg that takes longest.
    pub bottleneck: Option<LegView>,
}

/// The outcome of one goal.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalResult {
    /// Goal id.
    pub id: String,
    /// Title as in the seed.
    pub title_zh: String,
    /// English title.
    pub title_en: String,
    /// Seed file(s).
    pub source: String,
    /// Encoding note.
    pub note: String,
    /// Goal kind (the `kind` tag of the goal file).
    pub kind: &'static str,
    /// Profile.
    pub profile: Option<Profile>,
    /// Judged measure.
    pub measure: Option<Measure>,
    /// Threshold, minutes.
    pub threshold_min: Option<f64>,
    /// Quantifier (hub-to-set goals).
    pub quantifier: Option<Quantifier>,
    /// Pass or fail.
    pub pass: bool,
    /// The pair (or item) that decides the result.
    pub worst: Option<String>,
    /// The deciding value (minutes; share for coverage).
    pub value: Option<f64>,
    /// The value needed.
    pub target: Option<f64>,
    /// Hub-to-set: pass under `any`.
    pub pass_any: Option<bool>,
    /// Hub-to-set: pass under `all`.
    pub pass_all: Option<bool>,
    /// Every pair evaluated.
    pub pairs: Vec<PairResult>,
    /// What only this kind of goal has.
    pub details: Details,
    /// How sure the verdict is (`run --draws` only).
    pub robustness: Option<super::GoalRobustness>,
}

impl GoalResult {
    /// The margin of the deciding value: threshold − minutes for time goals,
    /// share − required share for coverage, `None` where neither applies.
    ///
    /// Units: minutes (one decimal) for timed goals, a share (three
    /// decimals) for coverage, km (one decimal; the smallest surplus over
    /// the targets) for inventory.
    pub fn margin(&self) -> Option<f64> {
        use crate::units::{round1, round_to};
        match (&self.details, self.value, self.target) {
            (Details::Coverage(_), Some(v), Some(t)) => Some(round_to(v - t, 3)),
            (Details::Inventory(d), ..) => (d.targets.iter())
                .map(|t| t.data_km - t.target_km)
                .reduce(f64::min)
                .map(round1),
            (Details::Pairs | Details::HubToSet(_), Some(v), Some(t)) => Some(round1(t - v)),
            _ => None,
        }
    }
}

/// The kind-specific part of a [`GoalResult`].
///
/// In `report.json` it is the `details` member: an object for coverage,
/// freight-route and inventory goals, `null` for the pair kinds (their
/// figures are in `pairs`).
#[derive(Debug, Clone, PartialEq)]
pub enum Details {
    /// Pair and within-set goals: every pair decides.
    Pairs,
    /// Hub-to-set goals: which pairs decide under each quantifier.
    HubToSet(HubToSetDetails),
    /// Population coverage.
    Coverage(CoverageDetails),
    /// A freight corridor against its alternative.
    FreightRoute(FreightDetails),
    /// Kilometres against targets.
    Inventory(InventoryDetails),
}

impl Serialize for Details {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Details::Pairs | Details::HubToSet(_) => s.serialize_none(),
            Details::Coverage(d) => d.serialize(s),
            Details::FreightRoute(d) => d.serialize(s),
            Details::Inventory(d) => d.serialize(s),
        }
    }
}

/// Which of a hub-to-set goal's pairs decide (indices into `pairs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubToSetDetails {
    /// Per member, its pair with the nearest hub (decides under `any`).
    pub nearest: Vec<usize>,
    /// Per member, its pair with the farthest hub (decides under `all`).
    pub farthest: Vec<usize>,
}

/// The outcome of a coverage goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageDetails {
    /// The (up to ten) farthest places outside, farthest first.
    pub farthest: Vec<FarPlace>,
    /// How the share is measured.
    pub method: &'static str,
    /// People within the threshold.
    pub population_covered: u64,
    /// People in all population units.
    pub population_total: u64,
    /// Covered share, three decimals.
    pub share: Option<f64>,
    /// Number of places outside the threshold.
    #[serde(skip)]
    pub places_outside: usize,
}

/// A place outside a coverage threshold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FarPlace {
    /// Minutes from the nearest base (`None`: unreachable).
    pub minutes: Option<f64>,
    /// Name.
    pub name: String,
    /// Place id.
    pub place: String,
    /// Population.
    pub population: u64,
}

/// The outcome of a freight-route goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FreightDetails {
    /// Minutes of the alternative (`None`: no route).
    pub alternative_min: Option<f64>,
    /// Modes of the alternative.
    pub alternative_modes: Vec<Mode>,
    /// Required modes the route does not use.
    pub missing_modes: Vec<Mode>,
    /// Modes the route uses.
    pub modes_used: BTreeSet<Mode>,
    /// Modes the route must use.
    pub required_modes: Vec<Mode>,
    /// From, the via points, to.
    pub stops: Vec<String>,
}

/// The outcome of an inventory goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InventoryDetails {
    /// Province.
    pub province: Province,
    /// One row per target.
    pub targets: Vec<InventoryRow>,
    /// Network year.
    pub year: i32,
}

/// One target of an inventory goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InventoryRow {
    /// What is counted.
    pub category: Category,
    /// Kilometres the data has (one decimal in `report.json`).
    #[serde(serialize_with = "one_decimal")]
    pub data_km: f64,
    /// Target kilometres.
    pub target_km: f64,
}

fn one_decimal<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(round1(*x))
}
