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
            // The first year from which the goal passes through the last year.
            let first_pass_year = series
                .iter()
                .rposition(|s| !s.1)
                .map_or(series.first().map(|s| s.0), |i| {
                    series.get(i + 1).map(|s| s.0)
                });
            TimelineGoal {
                id: g.spec.id.clone(),
                title_zh: g.spec.title_zh.clone(),
                kind: g.spec.kind.name(),
                first_pass_year,
                years: series,
            }
        })
        .collect();
    Ok(Timeline {
        scenario: sc.spec.name.clone(),
        from,
        to,
        goals: out,
    })
}
