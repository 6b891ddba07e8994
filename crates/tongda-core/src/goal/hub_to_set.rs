//! `kind = "hub_to_set"`: each member of a set within the threshold of any
//! (or every) hub (G2: the main cities within one hour of both 成都 and 重庆).

use super::evaluator::set_timed;
use super::result::{Details, HubToSetDetails};
use super::spec::{Quantifier, Timed};
use super::{bad_threshold, listed_twice, too_short, Evaluator, GoalResult, Kind, NodeIds};
use super::{minutes, timed_outcome, Outcome, Times};
use crate::model::NodeIdx;
use serde::{Deserialize, Serialize};

/// A hub-to-set goal as written in the goal file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HubToSet {
    /// Hubs (origins).
    pub hubs: Vec<String>,
    /// Members (destinations).
    pub set: Vec<String>,
    /// Which quantifier decides pass/fail (both are reported).
    pub quantifier: Quantifier,
    /// Threshold, measure and profile.
    #[serde(flatten)]
    pub timed: Timed,
}

/// A hub-to-set goal with its places resolved.
#[derive(Debug, Clone)]
pub struct Checked {
    goal: HubToSet,
    hubs: Vec<NodeIdx>,
    set: Vec<NodeIdx>,
}

impl Kind for HubToSet {
    type Checked = Checked;

    fn bad_values(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        out.extend(too_short("hubs", self.hubs.len(), 1, "hub_to_set"));
        out.extend(too_short("set", self.set.len(), 1, "hub_to_set"));
        out.extend(listed_twice("hubs", &self.hubs));
        out.extend(listed_twice("set", &self.set));
        out.extend(bad_threshold(self.timed.threshold_min));
        out
    }

    fn check(&self, ids: &mut NodeIds) -> Option<Checked> {
        let hubs = ids.nodes("hubs", &self.hubs);
        let set = ids.nodes("set", &self.set);
        Some(Checked {
            goal: self.clone(),
            hubs: hubs?,
            set: set?,
        })
    }

    fn evaluate(c: &Checked, ev: &mut Evaluator, r: &mut GoalResult) {
        let g = &c.goal;
        set_timed(r, g.timed.profile, g.timed.measure, g.timed.threshold_min);
        r.quantifier = Some(g.quantifier);
        let mut d = HubToSetDetails {
            nearest: Vec::new(),
            farthest: Vec::new(),
        };
        for &m in &c.set {
            let first = r.pairs.len();
            for &h in &c.hubs {
                r.pairs.push(ev.timed_pair(&g.timed, (h, m)));
            }
            let key = |i: &usize| r.pairs[*i].minutes.unwrap_or(f64::INFINITY);
            let range = first..r.pairs.len();
            let nearest = range.clone().min_by(|a, b| key(a).total_cmp(&key(b)));
            let farthest = range.max_by(|a, b| key(a).total_cmp(&key(b)));
            d.nearest.push(nearest.unwrap_or(first));
            d.farthest.push(farthest.unwrap_or(first));
        }
        let all_pass = |idx: &[usize]| idx.iter().all(|&i| r.pairs[i].pass);
        r.pass_any = Some(all_pass(&d.nearest));
        r.pass_all = Some(all_pass(&d.farthest));
        let deciding = d.deciding(g.quantifier).to_vec();
        super::pairs::judge(r, &deciding);
        r.details = Details::HubToSet(d);
    }

    fn outcome(c: &Checked, t: &mut dyn Times) -> Outcome {
        let g = &c.goal;
        let by_hub: Vec<Vec<Option<f64>>> = (c.hubs.iter())
            .map(|&h| {
                (t.seconds(g.timed.on(), h, &c.set).into_iter())
                    .map(minutes)
                    .collect()
            })
            .collect();
        let key = |m: &Option<f64>| m.unwrap_or(f64::INFINITY);
        let deciding: Vec<Option<f64>> = (0..c.set.len())
            .map(|j| {
                let per_hub = by_hub.iter().map(|row| row[j]);
                let pick = match g.quantifier {
                    Quantifier::Any => per_hub.min_by(|a, b| key(a).total_cmp(&key(b))),
                    Quantifier::All => per_hub.max_by(|a, b| key(a).total_cmp(&key(b))),
                };
                pick.flatten()
            })
            .collect();
        timed_outcome(&deciding, g.timed.threshold_min)
    }
}

impl HubToSetDetails {
    /// The pairs that decide under `q`: each member's nearest hub under
    /// `any`, its farthest under `all`.
    pub fn deciding(&self, q: Quantifier) -> &[usize] {
        match q {
            Quantifier::Any => &self.nearest,
            Quantifier::All => &self.farthest,
        }
    }
}

impl Checked {
    /// The profile the goal routes on.
    pub fn profile(&self) -> crate::timemodel::Profile {
        self.goal.timed.profile
    }
}
