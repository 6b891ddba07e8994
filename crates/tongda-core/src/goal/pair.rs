//! `kind = "pair"`: two places within the threshold, both directions unless
//! `both_directions = false` (G1: 成都 ↔ 重庆 within 60 min).

use super::evaluator::set_timed;
use super::spec::{yes, Timed};
use super::{bad_threshold, minutes, timed_outcome, Evaluator, GoalResult, Kind, NodeIds};
use super::{Outcome, Times};
use crate::model::NodeIdx;
use serde::{Deserialize, Serialize};

/// A pair goal as written in the goal file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// Origin place.
    pub from: String,
    /// Destination place.
    pub to: String,
    /// Also check `to → from`.
    #[serde(default = "yes")]
    pub both_directions: bool,
    /// Threshold, measure and profile.
    #[serde(flatten)]
    pub timed: Timed,
}

/// A pair goal with its places resolved.
#[derive(Debug, Clone)]
pub struct Checked {
    goal: Pair,
    from: NodeIdx,
    to: NodeIdx,
}

impl Kind for Pair {
    type Checked = Checked;

    fn bad_values(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if self.from == self.to {
            out.push((
                format!("`from` and `to` are the same place \"{}\"", self.from),
                "name two different places".into(),
            ));
        }
        out.extend(bad_threshold(self.timed.threshold_min));
        out
    }

    fn check(&self, ids: &mut NodeIds) -> Option<Checked> {
        let (from, to) = (ids.node("from", &self.from), ids.node("to", &self.to));
        Some(Checked {
            goal: self.clone(),
            from: from?,
            to: to?,
        })
    }

    fn evaluate(c: &Checked, ev: &mut Evaluator, r: &mut GoalResult) {
        let g = &c.goal;
        set_timed(r, g.timed.profile, g.timed.measure, g.timed.threshold_min);
        r.pairs.push(ev.timed_pair(&g.timed, (c.from, c.to)));
        if g.both_directions {
            r.pairs.push(ev.timed_pair(&g.timed, (c.to, c.from)));
        }
        let all: Vec<usize> = (0..r.pairs.len()).collect();
        super::pairs::judge(r, &all);
    }

    fn outcome(c: &Checked, t: &mut dyn Times) -> Outcome {
        let g = &c.goal;
        let mut m = vec![minutes(t.seconds(g.timed.on(), c.from, &[c.to])[0])];
        if g.both_directions {
            m.push(minutes(t.seconds(g.timed.on(), c.to, &[c.from])[0]));
        }
        timed_outcome(&m, g.timed.threshold_min)
    }
}

impl Checked {
    /// The profile the goal routes on.
    pub fn profile(&self) -> crate::timemodel::Profile {
        self.goal.timed.profile
    }
}
