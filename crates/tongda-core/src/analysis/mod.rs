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
pub use timeline::{timeline, timeline_draws, Timeline, TimelineGoal};

use crate::goal::{read_goals, CheckedGoal, Evaluator, GoalResult};
use crate::scenario::Scenario;
use crate::Result;

/// The goal file of a scenario, read and checked against its network.
pub fn scenario_goals(sc: &Scenario) -> Result<Vec<CheckedGoal>> {
    let path = sc.goals_path().ok_or_else(|| {
        crate::Error::BadParameter(format!("{}: no `goals` file named", sc.file.display()))
    })?;
    Evaluator::new(sc).check(&read_goals(&path)?, &path)
}

/// Evaluates `goals` (checked on `sc` or on the scenario it derives from:
/// edits add nodes but never remove one) on `sc`.
pub fn evaluate(sc: &Scenario, goals: &[CheckedGoal]) -> Vec<GoalResult> {
    Evaluator::new(sc).evaluate(goals)
}
