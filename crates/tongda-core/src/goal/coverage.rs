//! `kind = "coverage"`: the share of the region's population within the
//! threshold of the nearest base (G6: emergency rescue coverage).

use super::evaluator::set_timed;
use super::result::{CoverageDetails, Details, FarPlace};
use super::spec::passenger;
use super::{bad_threshold, listed_twice, too_short, Evaluator, GoalResult, Kind, NodeIds};
use super::{Outcome, Times};
use crate::model::NodeIdx;
use crate::skim::Skim;
use crate::timemodel::{Measure, Profile};
use crate::units::{round1, round_to};
use serde::{Deserialize, Serialize};

/// A coverage goal as written in the goal file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// Bases (origins), e.g. rescue centres.
    pub bases: Vec<String>,
    /// Threshold, minutes.
    pub threshold_min: f64,
    /// Share (0–1) of the population that must be covered.
    pub required_share: f64,
    /// Judged measure.
    pub measure: Measure,
    /// Travel profile.
    #[serde(default = "passenger")]
    pub profile: Profile,
}

/// A coverage goal with its bases resolved.
#[derive(Debug, Clone)]
pub struct Checked {
    goal: Coverage,
    bases: Vec<NodeIdx>,
}

/// How the share is measured, as `report.json` states it.
const METHOD: &str = "population units (see README), door-to-door from the nearest base";

impl Kind for Coverage {
    type Checked = Checked;

    fn bad_values(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        out.extend(too_short("bases", self.bases.len(), 1, "coverage"));
        out.extend(listed_twice("bases", &self.bases));
        out.extend(bad_threshold(self.threshold_min));
        if !(self.required_share > 0.0 && self.required_share <= 1.0) {
            out.push((
                format!(
                    "`required_share` = {} is not a share in (0, 1]",
                    self.required_share
                ),
                "write the share as a fraction, e.g. required_share = 0.95 for 95 %".into(),
            ));
        }
        out
    }

    fn check(&self, ids: &mut NodeIds) -> Option<Checked> {
        Some(Checked {
            goal: self.clone(),
            bases: ids.nodes("bases", &self.bases)?,
        })
    }

    fn evaluate(c: &Checked, ev: &mut Evaluator, r: &mut GoalResult) {
        let g = &c.goal;
        set_timed(r, g.profile, g.measure, g.threshold_min);
        let net = &ev.scenario().network;
        let units = crate::population::units(net);
        let unit_idx: Vec<NodeIdx> = units.iter().map(|u| u.0).collect();
        let skim = Skim::compute(ev.graph(g.profile), &c.bases, &unit_idx, g.measure);
        let total = crate::population::total(&units);
        let mut covered = 0u64;
        let mut outside: Vec<(f64, usize)> = Vec::new();
        for (j, (_, people)) in units.iter().enumerate() {
            let best = (0..c.bases.len())
                .filter_map(|i| skim.get(i, j))
                .min()
                .map(|s| f64::from(s) / 60.0);
            match best {
                Some(m) if m <= g.threshold_min => covered = covered.saturating_add(*people),
                other => outside.push((other.unwrap_or(f64::INFINITY), j)),
            }
        }
        let share = if total > 0 {
            covered as f64 / total as f64
        } else {
            0.0
        };
        outside.sort_by(|a, b| b.0.total_cmp(&a.0));
        let place = |j: usize| &net.nodes[unit_idx[j] as usize];
        let farthest = outside
            .iter()
            .take(10)
            .map(|&(m, j)| FarPlace {
                minutes: m.is_finite().then(|| round1(m)),
                name: place(j).name_zh.clone(),
                place: place(j).id.clone(),
                population: units[j].1,
            })
            .collect();
        r.pass = share >= g.required_share;
        r.value = Some(round_to(share, 3));
        r.target = Some(g.required_share);
        r.worst = outside.first().map(|&(_, j)| place(j).name_zh.clone());
        r.details = Details::Coverage(CoverageDetails {
            farthest,
            method: METHOD,
            population_covered: covered,
            population_total: total,
            share: r.value,
            places_outside: outside.len(),
        });
    }

    fn outcome(c: &Checked, t: &mut dyn Times) -> Outcome {
        let g = &c.goal;
        let units = crate::population::units(t.network());
        let unit_idx: Vec<NodeIdx> = units.iter().map(|u| u.0).collect();
        let rows: Vec<Vec<Option<crate::graph::Weight>>> = (c.bases.iter())
            .map(|&b| t.seconds((g.profile, g.measure), b, &unit_idx))
            .collect();
        let total = crate::population::total(&units);
        let mut covered = 0u64;
        for (j, (_, people)) in units.iter().enumerate() {
            let best = rows.iter().filter_map(|row| row[j]).min();
            if best.is_some_and(|s| f64::from(s) / 60.0 <= g.threshold_min) {
                covered = covered.saturating_add(*people);
            }
        }
        let share = if total > 0 {
            covered as f64 / total as f64
        } else {
            0.0
        };
        Outcome {
            pass: share >= g.required_share,
            margin: Some(round_to(round_to(share, 3) - g.required_share, 3)),
        }
    }
}

impl Checked {
    /// The profile the goal routes on.
    pub fn profile(&self) -> crate::timemodel::Profile {
        self.goal.profile
    }
}
