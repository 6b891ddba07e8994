//! Reachability goals: the file format and their evaluation on a scenario.

mod eval;
mod spec;

pub use eval::{
    parse_goals, read_goals, round1, Evaluator, GoalResult, LegView, PairResult, ProjectRef,
};
pub use spec::{GoalFile, GoalKind, GoalSpec, KmTarget, Quantifier};
