//! `kind = "within_set"`: every ordered pair of a set's members within the
//! threshold (G3: a one-hour commute inside the Chengdu metropolitan area).

use super::evaluator::set_timed;
use super::spec::Timed;
use super::{bad_threshold, listed_twice, too_short, Evaluator, GoalResult, Kind, NodeIds};
use super::{minutes, timed_outcome, Outcome, Times};
use crate::model::NodeIdx;
use serde::{Deserialize, Serialize};

/// A within-set goal as written in the goal file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WithinSet {
    /// Members.
    pub set: Vec<String>,
    /// Threshold, measure and profile.
    #[serde(flatten)]
    pub timed: Timed,
}

/// A within-set goal with its members resolved.
#[derive(Debug, Clone)]
pub struct Checked {
    goal: WithinSet,
    set: Vec<NodeIdx>,
}

impl Kind for WithinSet {
    type Checked = Checked;

    fn bad_values(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        out.extend(too_short("set", self.set.len(), 2, "within_set"));
        out.extend(listed_twice("set", &self.set));
        out.extend(bad_threshold(self.timed.threshold_min));
        out
    }

    fn check(&self, ids: &mut NodeIds) -> Option<Checked> {
        Some(Checked {
            goal: self.clone(),
            set: ids.nodes("set", &self.set)?,
        })
    }

    fn evaluate(c: &Checked, ev: &mut Evaluator, r: &mut GoalResult) {
        let g = &c.goal;
        set_timed(r, g.timed.profile, g.timed.measure, g.timed.threshold_min);
        for (i, &a) in c.set.iter().enumerate() {
            for (j, &b) in c.set.iter().enumerate() {
                if i != j {
                    r.pairs.push(ev.timed_pair(&g.timed, (a, b)));
                }
            }
        }
        let all: Vec<usize> = (0..r.pairs.len()).collect();
        super::pairs::judge(r, &all);
    }

    fn outcome(c: &Checked, t: &mut dyn Times) -> Outcome {
        let g = &c.goal;
        let mut m = Vec::new();
        for (i, &a) in c.set.iter().enumerate() {
            let secs = t.seconds(g.timed.on(), a, &c.set);
            m.extend(
                (secs.into_iter().enumerate())
                    .filter(|&(j, _)| j != i)
                    .map(|(_, s)| minutes(s)),
            );
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
