//! Comparing two scenarios: goals that flip, pairs that change most,
//! population-weighted minutes, people within an hour of each hub.

use super::{access::accessibility, evaluate, scenario_goals, Accessibility};
use crate::scenario::Scenario;
use crate::units::round1;
use crate::Result;
use serde::Serialize;

/// The hubs whose 60-minute populations are compared.
pub const HUBS: [&str; 2] = ["chengdu", "chongqing"];

/// A goal in both scenarios.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalChange {
    /// Goal id.
    pub id: String,
    /// Title.
    pub title_zh: String,
    /// Goal kind (`coverage` values are shares, others minutes).
    pub kind: &'static str,
    /// Pass in A.
    pub before: bool,
    /// Pass in B.
    pub after: bool,
    /// Deciding value in A.
    pub value_before: Option<f64>,
    /// Deciding value in B.
    pub value_after: Option<f64>,
    /// True if pass/fail differs.
    pub flipped: bool,
}

/// A place pair whose door-to-door time changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairChange {
    /// Origin id.
    pub from: String,
    /// Destination id.
    pub to: String,
    /// Origin name.
    pub from_name: String,
    /// Destination name.
    pub to_name: String,
    /// Minutes in A.
    pub before_min: Option<f64>,
    /// Minutes in B.
    pub after_min: Option<f64>,
    /// B − A (negative: faster); unreachable counts as a change of ±∞ and sorts first.
    pub delta_min: Option<f64>,
}

/// The comparison of scenario A (before) with B (after).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// A's name.
    pub before: String,
    /// B's name.
    pub after: String,
    /// Every goal, flipped or not.
    pub goals: Vec<GoalChange>,
    /// The pairs whose times change most (at most `top`).
    pub pairs: Vec<PairChange>,
    /// Accessibility of A.
    pub access_before: Accessibility,
    /// Accessibility of B.
    pub access_after: Accessibility,
}

/// Compares two scenarios (they must share their place ids).
pub fn compare(a: &Scenario, b: &Scenario, top: usize) -> Result<Comparison> {
    let goals = scenario_goals(a)?;
    let (ra, rb) = rayon::join(|| evaluate(a, &goals), || evaluate(b, &goals));
    let goal_changes = ra
        .iter()
        .zip(&rb)
        .map(|(x, y)| GoalChange {
            id: x.id.clone(),
            title_zh: x.title_zh.clone(),
            kind: x.kind,
            before: x.pass,
            after: y.pass,
            value_before: x.value,
            value_after: y.value,
            flipped: x.pass != y.pass,
        })
        .collect();
    let (acc_a, acc_b) = rayon::join(|| accessibility(a, &HUBS), || accessibility(b, &HUBS));
    let mut pairs = Vec::new();
    let (sa, sb) = (&acc_a.skim, &acc_b.skim);
    for (i, &o) in sa.origins.iter().enumerate() {
        for (j, &d) in sa.destinations.iter().enumerate() {
            if o == d {
                continue;
            }
            // Units are the same places in both (same geodata); find B's indices by id.
            let (oid, did) = (
                &a.network.nodes[o as usize].id,
                &a.network.nodes[d as usize].id,
            );
            let bi = sb
                .origins
                .iter()
                .position(|&x| &b.network.nodes[x as usize].id == oid);
            let bj = sb
                .destinations
                .iter()
                .position(|&x| &b.network.nodes[x as usize].id == did);
            let before = sa.get(i, j).map(|s| f64::from(s) / 60.0);
            let after = match (bi, bj) {
                (Some(bi), Some(bj)) => sb.get(bi, bj).map(|s| f64::from(s) / 60.0),
                _ => None,
            };
            let delta = match (before, after) {
                (Some(x), Some(y)) => Some(y - x),
                (None, None) => continue,
                _ => None,
            };
            if delta.is_some_and(|d| d.abs() < 0.05) {
                continue;
            }
            pairs.push(PairChange {
                from: oid.clone(),
                to: did.clone(),
                from_name: a.network.nodes[o as usize].name_zh.clone(),
                to_name: a.network.nodes[d as usize].name_zh.clone(),
                before_min: before.map(round1),
                after_min: after.map(round1),
                delta_min: delta.map(round1),
            });
        }
    }
    pairs.sort_by(|x, y| {
        let mag = |p: &PairChange| p.delta_min.map_or(f64::INFINITY, f64::abs);
        mag(y)
            .total_cmp(&mag(x))
            .then_with(|| (&x.from, &x.to).cmp(&(&y.from, &y.to)))
    });
    pairs.truncate(top);
    Ok(Comparison {
        before: a.spec.name.clone(),
        after: b.spec.name.clone(),
        goals: goal_changes,
        pairs,
        access_before: acc_a,
        access_after: acc_b,
    })
}
