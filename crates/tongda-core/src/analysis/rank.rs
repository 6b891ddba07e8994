//! Ranking projects by what they add to (or take from) a scenario.
//!
//! For each candidate the scenario is derived in memory (no files re-read),
//! one graph is compiled, the goals are evaluated and the population-unit
//! skim is computed; candidates run in parallel (rayon) and the rows come
//! back in a fixed order, whatever the number of threads.

use super::{access::accessibility, compare::HUBS, evaluate};
use crate::goal::{CheckedGoal, GoalResult};
use crate::model::Status;
use crate::scenario::{Edit, Scenario};
use crate::Result;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What is done with a candidate project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RankAction {
    /// Added alone to the scenario (opened in its year).
    Add,
    /// Removed alone from the scenario (leave-one-out).
    Remove,
}

/// The marginal effect of one project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankRow {
    /// Project id.
    pub project: String,
    /// Project name.
    pub name_zh: String,
    /// Status in the data.
    pub status: Status,
    /// (Planned) opening year in the data.
    pub open_year: i32,
    /// Added or removed.
    pub action: RankAction,
    /// Goals that flip to pass (add) or to fail (remove).
    pub goals_flipped: Vec<String>,
    /// Population-weighted mean door-to-door minutes saved (add) or lost (remove), per trip.
    pub pop_weighted_minutes: f64,
    /// People newly within 60 min of each hub (add), or no longer (remove).
    pub people_within_60: BTreeMap<String, i64>,
}

/// Candidate projects: for `Add`, projects with links that do not exist in
/// the scenario (not yet open in its year, or a status it excludes); for
/// `Remove`, projects present in the scenario that are not open today.
pub fn candidates(sc: &Scenario, action: RankAction) -> Vec<String> {
    let spec = sc.graph_spec(crate::timemodel::Profile::Passenger);
    let mut used: BTreeSet<&str> = BTreeSet::new();
    let mut unused: BTreeSet<&str> = BTreeSet::new();
    for l in sc
        .network
        .links
        .iter()
        .filter(|l| l.mode != crate::model::Mode::Access)
    {
        let active = l.exists_in(spec.year)
            && (spec.statuses.contains(&l.status) || spec.forced_projects.contains(&l.project));
        if active && l.status != Status::Open {
            used.insert(&l.project);
        }
        if !active && l.retire_year.is_none_or(|r| r > spec.year) {
            unused.insert(&l.project);
        }
    }
    let pick = match action {
        RankAction::Add => unused.difference(&used).copied().collect::<Vec<_>>(),
        RankAction::Remove => used.into_iter().collect(),
    };
    pick.into_iter().map(String::from).collect()
}

fn passes(rs: &[GoalResult]) -> BTreeMap<String, bool> {
    rs.iter().map(|r| (r.id.clone(), r.pass)).collect()
}

/// Ranks `projects` by their marginal effect on the scenario, best first
/// (ties broken by project id).
pub fn rank(
    sc: &Scenario,
    goals: &[CheckedGoal],
    projects: &[(String, RankAction)],
) -> Result<Vec<RankRow>> {
    let base_goals = passes(&evaluate(sc, goals));
    let base_acc = accessibility(sc, &HUBS);
    let rows: Vec<RankRow> = projects
        .par_iter()
        .map(|(p, action)| {
            let edit = match action {
                RankAction::Add => Edit::OpenProject {
                    project: p.clone(),
                    year: Some(sc.spec.year),
                },
                RankAction::Remove => Edit::RemoveProject { project: p.clone() },
            };
            let derived = sc.derive(&[edit])?;
            let after_goals = passes(&evaluate(&derived, goals));
            let acc = accessibility(&derived, &HUBS);
            let goals_flipped = base_goals
                .iter()
                .filter(|(id, pass)| after_goals.get(*id) != Some(pass))
                .map(|(id, _)| id.clone())
                .collect();
            let sign = if *action == RankAction::Add {
                1.0
            } else {
                -1.0
            };
            let people = HUBS
                .iter()
                .map(|h| {
                    let (b, a) = (
                        base_acc.people_within_60.get(*h),
                        acc.people_within_60.get(*h),
                    );
                    let d = a.copied().unwrap_or(0) as i64 - b.copied().unwrap_or(0) as i64;
                    (
                        h.to_string(),
                        if *action == RankAction::Add { d } else { -d },
                    )
                })
                .collect();
            // The project's least advanced status and latest opening year.
            let links: Vec<&crate::model::Link> = sc
                .network
                .links
                .iter()
                .filter(|l| &l.project == p)
                .collect();
            Ok(RankRow {
                project: p.clone(),
                name_zh: links.first().map(|l| l.name_zh.clone()).unwrap_or_default(),
                status: links
                    .iter()
                    .map(|l| l.status)
                    .max()
                    .unwrap_or(Status::Planned),
                open_year: links.iter().map(|l| l.open_year).max().unwrap_or(0),
                action: *action,
                goals_flipped,
                // Rounded to 0.01 min; + 0.0 turns −0.0 into 0.0.
                pop_weighted_minutes: (sign
                    * (base_acc.pop_weighted_mean_min - acc.pop_weighted_mean_min)
                    * 100.0)
                    .round()
                    / 100.0
                    + 0.0,
                people_within_60: people,
            })
        })
        .collect::<Result<_>>()?;
    let mut rows = rows;
    rows.sort_by(|a, b| {
        (a.action, std::cmp::Reverse(a.goals_flipped.len()))
            .cmp(&(b.action, std::cmp::Reverse(b.goals_flipped.len())))
            .then(b.pop_weighted_minutes.total_cmp(&a.pop_weighted_minutes))
            .then_with(|| a.project.cmp(&b.project))
    });
    Ok(rows)
}
