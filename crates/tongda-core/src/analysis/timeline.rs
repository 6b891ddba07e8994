//! Year by year: when does each goal first pass as projects open?

use super::{evaluate, scenario_goals};
use crate::goal::GoalResult;
use crate::scenario::Scenario;
use crate::Result;
use rayon::prelude::*;
use serde::Serialize;

/// One goal over the years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineGoal {
    /// Goal id.
    pub id: String,
    /// Title.
    pub title_zh: String,
    /// Goal kind (`coverage` values are shares, others minutes).
    pub kind: &'static str,
    /// First year the goal passes (and keeps passing to the end), if any.
    pub first_pass_year: Option<i32>,
    /// `(year, pass, deciding value)` for every year.
    pub years: Vec<(i32, bool, Option<f64>)>,
    /// With draws: the share of draws that pass, per year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pass_share: Option<Vec<(i32, f64)>>,
    /// With draws: the first year from which the goal passes in at least
    /// half of the draws (through the last year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_year_p50: Option<Option<i32>>,
    /// With draws: the same for 90 % of the draws.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_year_p90: Option<Option<i32>>,
}

/// The timeline of a scenario over `from..=to`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// Scenario name.
    pub scenario: String,
    /// First year.
    pub from: i32,
    /// Last year.
    pub to: i32,
    /// One entry per goal.
    pub goals: Vec<TimelineGoal>,
    /// With draws: how many, and the seed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draws: Option<(usize, u64)>,
}

/// Evaluates the scenario's goals in every year of `from..=to` (years in parallel).
pub fn timeline(sc: &Scenario, from: i32, to: i32) -> Result<Timeline> {
    let goals = scenario_goals(sc)?;
    let years: Vec<i32> = (from..=to).collect();
    let per_year: Vec<Vec<GoalResult>> = years
        .par_iter()
        .map(|&y| sc.with_year(y).map(|s| evaluate(&s, &goals)))
        .collect::<Result<_>>()?;
    let out = goals
        .iter()
        .enumerate()
        .map(|(k, g)| {
            let series: Vec<(i32, bool, Option<f64>)> = years
                .iter()
                .zip(&per_year)
                .map(|(&y, rs)| (y, rs[k].pass, rs[k].value))
                .collect();
            let passes: Vec<(i32, bool)> = series.iter().map(|s| (s.0, s.1)).collect();
            TimelineGoal {
                id: g.spec.id.clone(),
                title_zh: g.spec.title_zh.clone(),
                kind: g.spec.kind.name(),
                first_pass_year: first_year(&passes),
                years: series,
                pass_share: None,
                first_year_p50: None,
                first_year_p90: None,
            }
        })
        .collect();
    Ok(Timeline {
        scenario: sc.spec.name.clone(),
        from,
        to,
        goals: out,
        draws: None,
    })
}

/// The first year from which `pass` holds through the last year.
fn first_year(series: &[(i32, bool)]) -> Option<i32> {
    series
        .iter()
        .rposition(|s| !s.1)
        .map_or(series.first().map(|s| s.0), |i| {
            series.get(i + 1).map(|s| s.0)
        })
}

/// The timeline with, per goal and year, the share of `settings.draws`
/// draws of the uncertain inputs that pass, and the first years from which
/// at least 50 % and 90 % of them pass.
pub fn timeline_draws(
    sc: &Scenario,
    from: i32,
    to: i32,
    settings: &crate::robust::Settings,
) -> Result<Timeline> {
    let mut t = timeline(sc, from, to)?;
    let all: Vec<usize> = (0..settings.draws).collect();
    let mut shares: Vec<Vec<(i32, f64)>> = vec![Vec::new(); t.goals.len()];
    for y in from..=to {
        let s = sc.with_year(y)?;
        let goals = scenario_goals(&s)?;
        let engine = crate::robust::Engine::new(&s, &goals, crate::robust::inputs(&s));
        let records = crate::robust::run_draws(&engine, settings, &all);
        for (k, share) in shares.iter_mut().enumerate() {
            let n = records.iter().filter(|r| r.outcomes[k].pass).count();
            share.push((
                y,
                crate::units::round_to(n as f64 / settings.draws as f64, 4),
            ));
        }
    }
    for (g, share) in t.goals.iter_mut().zip(shares) {
        let at = |p: f64| first_year(&share.iter().map(|&(y, s)| (y, s >= p)).collect::<Vec<_>>());
        g.first_year_p50 = Some(at(0.5));
        g.first_year_p90 = Some(at(0.9));
        g.pass_share = Some(share);
    }
    t.draws = Some((settings.draws, settings.seed));
    Ok(t)
}
