//! How sure is each verdict: goals evaluated under many joint draws of the
//! uncertain inputs (speed and opening-year ranges of the data, the time
//! model's `cruise_fraction_sd`), and a one-at-a-time sweep of each input
//! at its bounds.
//!
//! ```
//! use tongda_core::analysis::scenario_goals;
//! use tongda_core::robust::{robustness, Settings};
//! use tongda_core::scenario::Scenario;
//!
//! # let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
//! let sc = Scenario::load(&root.join("scenarios/plan-2027.toml"))?;
//! let goals = scenario_goals(&sc)?;
//! let r = robustness(&sc, &goals, &Settings { draws: 20, seed: 1 });
//! let g1 = &r.goals[0];
//! println!("G1 passes in {:.0} % of {} draws", g1.pass_share * 100.0, g1.draws);
//! # Ok::<(), tongda_core::Error>(())
//! ```

mod engine;
mod records;
mod sample;
mod summary;

pub use crate::stats::{normal_quantile, splitmix64};
pub use engine::{Engine, Values, Worker};
pub use records::{draws_csv, merge, read_draws_csv};
pub use sample::Plan;
pub use summary::{DrawRecord, Robustness};

use crate::goal::{CheckedGoal, GoalRobustness, Outcome, Sensitivity};
use crate::model::{InputKind, Spread, Uncertain};
use crate::scenario::Scenario;
use crate::timemodel::Profile;
use rayon::prelude::*;

/// How many draws, from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Number of joint draws.
    pub draws: usize,
    /// Seed of the draws.
    pub seed: u64,
}

/// Every uncertain input of a scenario: its network's ranges (geodata and
/// `set_range` edits), then each time-model cruise fraction with a
/// standard deviation (of a mode some link has), in profile and mode order.
pub fn inputs(sc: &Scenario) -> Vec<Uncertain> {
    let mut out = sc.network.ranges.clone();
    for p in Profile::ALL {
        for (m, mp) in &sc.time_model.profile(p).modes {
            let ridden = sc.network.links.iter().any(|l| l.mode == *m);
            if mp.cruise_fraction_sd <= 0.0 || !ridden {
                continue;
            }
            let (mean, sd) = (mp.cruise_fraction, mp.cruise_fraction_sd);
            out.push(Uncertain {
                id: format!("{}.{}.cruise_fraction", p.as_str(), m.as_str()),
                label: format!("{} {} cruise fraction", p.as_str(), m.as_str()),
                kind: InputKind::CruiseFraction(p, *m),
                low: (mean - 3.0 * sd).max(0.05),
                high: (mean + 3.0 * sd).min(1.0),
                spread: Spread::Normal { mean, sd },
                links: Vec::new(),
                source: "bootstrap over geodata/calibration.csv (README, \"Robustness\")".into(),
            });
        }
    }
    out
}

/// The values of draw `i` of `plan` over `inputs`.
pub fn draw_values(inputs: &[Uncertain], plan: &Plan, i: usize) -> Values {
    (inputs.iter().enumerate())
        .map(|(k, u)| Some(u.at_quantile(plan.quantile(k, i))))
        .collect()
}

/// The outcomes of the draws `indices` (each evaluated independently, in
/// parallel; the result is in `indices` order whatever the thread count).
pub fn run_draws(engine: &Engine, settings: &Settings, indices: &[usize]) -> Vec<DrawRecord> {
    let plan = Plan::new(engine.inputs().len(), settings.draws, settings.seed);
    indices
        .par_iter()
        .map_init(Worker::default, |w, &i| DrawRecord {
            draw: i,
            outcomes: engine.evaluate(&draw_values(engine.inputs(), &plan, i), w),
        })
        .collect()
}

/// Draws every goal `settings.draws` times and sweeps every input at its
/// bounds: the robustness of each goal.
pub fn robustness(sc: &Scenario, goals: &[CheckedGoal], settings: &Settings) -> Robustness {
    let engine = Engine::new(sc, goals, inputs(sc));
    let all: Vec<usize> = (0..settings.draws).collect();
    let records = run_draws(&engine, settings, &all);
    summarize(&engine, settings, &records)
}

/// The robustness of each goal from the records of every draw (of one run
/// or of the merged shards of one).
pub fn summarize(engine: &Engine, settings: &Settings, records: &[DrawRecord]) -> Robustness {
    let point = engine.evaluate(&vec![None; engine.inputs().len()], &mut Worker::default());
    let sweeps = sweep(engine, &point);
    let goals = (engine.goals().iter().enumerate())
        .map(|(j, g)| {
            let outcomes: Vec<Outcome> = records.iter().map(|r| r.outcomes[j]).collect();
            GoalRobustness::of(&g.spec.id, settings.seed, &outcomes, point[j], &sweeps[j])
        })
        .collect();
    Robustness {
        inputs: engine.inputs().to_vec(),
        goals,
    }
}

/// Per goal, per input: the outcome with the input at its low and at its
/// high bound (the others at their point values), and where the verdict
/// flips between them.
fn sweep(engine: &Engine, point: &[Outcome]) -> Vec<Vec<Sensitivity>> {
    let n = engine.inputs().len();
    let per_input: Vec<Vec<Sensitivity>> = (0..n)
        .into_par_iter()
        .map_init(Worker::default, |w, k| {
            let u = &engine.inputs()[k];
            let (low, high) = u.sweep_bounds();
            let at = |w: &mut Worker, v: f64| {
                let mut values = vec![None; n];
                values[k] = Some(v);
                engine.evaluate(&values, w)
            };
            let (lo, hi) = (at(w, low), at(w, high));
            (0..point.len())
                .map(|j| {
                    let flips_at = (lo[j].pass != hi[j].pass)
                        .then(|| flip_point(u, low, high, lo[j].pass, |v| at(w, v)[j].pass));
                    Sensitivity::new(u, (low, high), (lo[j], hi[j]), flips_at)
                })
                .collect()
        })
        .collect();
    (0..point.len())
        .map(|j| per_input.iter().map(|s| s[j].clone()).collect())
        .collect()
}

/// The value where the verdict changes between `low` (verdict `at_low`)
/// and `high`: the last value with the low verdict, to 0.1 (speeds,
/// fractions to 0.001) or to the year.
fn flip_point(
    u: &Uncertain,
    low: f64,
    high: f64,
    at_low: bool,
    mut pass: impl FnMut(f64) -> bool,
) -> f64 {
    if u.kind == InputKind::OpenYear {
        let mut y = low;
        while y < high && pass(y + 1.0) == at_low {
            y += 1.0;
        }
        return y;
    }
    let step = match u.kind {
        InputKind::CruiseFraction(..) => 0.001,
        _ => 0.1,
    };
    let (mut a, mut b) = (low, high);
    while b - a > step / 2.0 {
        let mid = (a + b) / 2.0;
        if pass(mid) == at_low {
            a = mid;
        } else {
            b = mid;
        }
    }
    (a / step).round() * step
}
