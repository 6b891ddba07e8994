//! The records of a robustness run: one per draw, and the summary.

use crate::goal::{GoalRobustness, Outcome};
use crate::model::Uncertain;
use serde::Serialize;

/// One draw's outcome for every goal.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawRecord {
    /// The draw's index (0-based).
    pub draw: usize,
    /// Per goal, in goal order.
    pub outcomes: Vec<Outcome>,
}

/// The robustness of every goal of a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Robustness {
    /// The inputs drawn.
    pub inputs: Vec<Uncertain>,
    /// Per goal, in goal order.
    pub goals: Vec<GoalRobustness>,
}
