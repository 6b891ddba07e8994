//! Analyses built on scenario runs: accessibility measures, year-by-year
//! timelines, scenario comparison and project ranking.

mod access;
mod changes;
mod compare;
mod rank;
mod timeline;

pub use access::{accessibility, Accessibility};
pub use changes::{changes, ChangeKind, Changes, ProjectChange};
pub use compare::{compare, Comparison, GoalChange, PairChange};
pub use rank::{candidates, rank, RankAction, RankRow};
pub use timeline::{timeline, Timeline, TimelineGoal};

use crate::goal::{read_goals, Evaluator, GoalResult, GoalSpec};
use crate::scenario::Scenario;
use crate::Result;

/// The goal file of a scenario, read and checked against its network.
pub fn scenario_goals(sc: &Scenario) -> Result<Vec<GoalSpec>> {
    let path = sc.goals_path().ok_or_else(|| {
        crate::Error::BadParameter(format!("{}: no `goals` file named", sc.file.display()))
    })?;
    let goals = read_goals(&path)?;
    Evaluator::new(sc).check(&goals, &path)?;
    Ok(goals)
}

/// Evaluates `goals` on `sc`.
pub fn evaluate(sc: &Scenario, goals: &[GoalSpec]) -> Vec<GoalResult> {
    Evaluator::new(sc).evaluate(goals)
}
