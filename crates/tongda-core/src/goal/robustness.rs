//! What robustness reports per goal: the share of draws that pass, the
//! margin's spread, and the inputs the verdict is sensitive to (computed
//! by [`crate::robust`]).

use super::Outcome;
use crate::model::{InputKind, Uncertain};
use crate::units::round_to;
use serde::Serialize;

/// The robustness of one goal (`report.json`'s `robustness` member).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalRobustness {
    /// Goal id.
    #[serde(skip)]
    pub goal: String,
    /// Number of draws.
    pub draws: usize,
    /// Seed of the draws.
    pub seed: u64,
    /// Share of the draws in which the goal passes.
    pub pass_share: f64,
    /// 5th percentile of the margin (`null`: unreachable in ≥ 5 % of the
    /// draws, or the goal has no margin).
    pub margin_p5: Option<f64>,
    /// Median margin.
    pub margin_p50: Option<f64>,
    /// 95th percentile of the margin.
    pub margin_p95: Option<f64>,
    /// The inputs that flip the verdict or move the margin most alone, most
    /// decisive first (at most five).
    pub sensitive_to: Vec<Sensitivity>,
}

/// What one input at its bounds does to one goal (the others at their point values).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    /// Input id.
    pub input: String,
    /// What a reader sees.
    pub label: String,
    /// The low bound tried.
    pub low: f64,
    /// The high bound tried.
    pub high: f64,
    /// Verdict at the low bound.
    pub pass_at_low: bool,
    /// Verdict at the high bound.
    pub pass_at_high: bool,
    /// Margin at the low bound.
    pub margin_at_low: Option<f64>,
    /// Margin at the high bound.
    pub margin_at_high: Option<f64>,
    /// Where the verdict changes: the last value (from the low bound) with
    /// the low bound's verdict.
    pub flips_at: Option<f64>,
    /// The unit of the values (" km/h", or empty).
    #[serde(skip)]
    pub unit: &'static str,
}

impl Sensitivity {
    /// The sweep result of input `u` at `bounds` with outcomes `at`.
    pub fn new(
        u: &Uncertain,
        bounds: (f64, f64),
        at: (Outcome, Outcome),
        flips_at: Option<f64>,
    ) -> Sensitivity {
        Sensitivity {
            input: u.id.clone(),
            label: u.label.clone(),
            low: bounds.0,
            high: bounds.1,
            pass_at_low: at.0.pass,
            pass_at_high: at.1.pass,
            margin_at_low: at.0.margin,
            margin_at_high: at.1.margin,
            flips_at,
            unit: u.kind.unit(),
        }
    }

    /// How far the input alone moves the margin from the point value's.
    fn swing(&self, point: Option<f64>) -> f64 {
        let d = |m: Option<f64>| match (m, point) {
            (Some(m), Some(p)) => (m - p).abs(),
            (None, None) => 0.0,
            _ => f64::INFINITY,
        };
        d(self.margin_at_low).max(d(self.margin_at_high))
    }

    /// "fails at 成渝中线高铁 design speed ≤ 372 km/h" (for a flipping input).
    pub fn flip_text(&self) -> Option<String> {
        let v = self.flips_at?;
        let verdict = if self.pass_at_low { "passes" } else { "fails" };
        Some(format!("{verdict} at {} ≤ {v}{}", self.label, self.unit))
    }
}

/// The `p`-th percentile (0–100) of margins by the nearest-rank rule, an
/// unreachable (`None`) draw counting as the lowest margin.
///
/// ```
/// use tongda_core::goal::percentile;
/// let m = [Some(3.0), None, Some(1.0), Some(2.0)];
/// assert_eq!(percentile(&m, 50.0), Some(1.0));
/// assert_eq!(percentile(&m, 5.0), None);
/// assert_eq!(percentile(&m, 95.0), Some(3.0));
/// ```
pub fn percentile(margins: &[Option<f64>], p: f64) -> Option<f64> {
    let mut v: Vec<f64> = (margins.iter())
        .map(|m| m.unwrap_or(f64::NEG_INFINITY))
        .collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let rank = ((p / 100.0 * v.len() as f64).ceil() as usize).clamp(1, v.len());
    Some(v[rank - 1]).filter(|x| x.is_finite())
}

impl GoalRobustness {
    /// The robustness of goal `id` from its outcome in every draw, at the
    /// point values, and in the sweep of every input.
    pub fn of(
        id: &str,
        seed: u64,
        outcomes: &[Outcome],
        point: Outcome,
        sweeps: &[Sensitivity],
    ) -> GoalRobustness {
        let passing = outcomes.iter().filter(|o| o.pass).count();
        let margins: Vec<Option<f64>> = outcomes.iter().map(|o| o.margin).collect();
        let has_margin = point.margin.is_some() || margins.iter().any(Option::is_some);
        let pct = |p| has_margin.then(|| percentile(&margins, p)).flatten();
        let mut sensitive: Vec<(bool, f64, &Sensitivity)> = (sweeps.iter())
            .map(|s| {
                let flips = s.pass_at_low != point.pass || s.pass_at_high != point.pass;
                (flips, s.swing(point.margin), s)
            })
            .filter(|&(flips, swing, _)| flips || swing > 0.0)
            .collect();
        sensitive.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.total_cmp(&a.1))
                .then(a.2.input.cmp(&b.2.input))
        });
        GoalRobustness {
            goal: id.to_string(),
            draws: outcomes.len(),
            seed,
            pass_share: if outcomes.is_empty() {
                0.0
            } else {
                round_to(passing as f64 / outcomes.len() as f64, 4)
            },
            margin_p5: pct(5.0),
            margin_p50: pct(50.0),
            margin_p95: pct(95.0),
            sensitive_to: sensitive.into_iter().take(5).map(|s| s.2.clone()).collect(),
        }
    }

    /// "PASS in 71 % of 1000 draws; fails at 成渝中线高铁 design speed ≤ 372 km/h".
    pub fn text(&self, pass: bool) -> String {
        let share = if pass {
            self.pass_share
        } else {
            1.0 - self.pass_share
        };
        let mut s = format!(
            "{} in {} % of {} draws",
            if pass { "PASS" } else { "FAIL" },
            round_to(share * 100.0, 1),
            self.draws
        );
        if let Some(f) = self.sensitive_to.iter().find_map(Sensitivity::flip_text) {
            s.push_str("; ");
            s.push_str(&f);
        }
        s
    }
}

impl InputKind {
    /// True for inputs drawn as whole numbers.
    pub fn is_integer(self) -> bool {
        self == InputKind::OpenYear
    }
}
