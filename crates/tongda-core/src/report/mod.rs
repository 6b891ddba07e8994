//! Results of a scenario run and the files they are written to.
//!
//! Everything is rendered in memory first; [`write_all`] then writes each
//! file to a temporary name and renames it, so a failure leaves no
//! half-written output.

pub mod html;
mod markdown;
mod paths;
mod summary;
mod table;

pub use markdown::report_markdown;
pub use paths::paths_geojson;
pub use summary::goal_summary;
pub use table::{display_width, summary_table, TextTable};

use crate::goal::{Evaluator, GoalResult};
use crate::scenario::Scenario;
use crate::skim::Skim;
use crate::timemodel::Measure;
use crate::Result;
use serde::Serialize;
use std::path::Path;

/// Version of the `report.json` schema; bumped when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// The scenario part of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioInfo {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Scenario file name.
    pub file: String,
    /// Network year.
    pub year: i32,
    /// Statuses allowed.
    pub statuses: Vec<crate::model::Status>,
    /// What each edit did.
    pub edits: Vec<String>,
}

/// Totals over the goals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Number of goals.
    pub goals: usize,
    /// Goals that pass.
    pub passed: usize,
    /// Goals that fail.
    pub failed: usize,
}

/// Everything `tongda run` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `tongda <version>`.
    pub generator: String,
    /// The scenario.
    pub scenario: ScenarioInfo,
    /// What the two measures mean.
    pub measures: serde_json::Value,
    /// Totals.
    pub summary: Summary,
    /// One entry per goal, in goal-file order.
    pub goals: Vec<GoalResult>,
    /// The draws of a robustness run (`run --draws` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draws: Option<DrawsInfo>,
}

/// What a robustness run drew: how many draws, the seed, and the inputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DrawsInfo {
    /// Number of draws.
    pub draws: usize,
    /// Seed.
    pub seed: u64,
    /// Every uncertain input, with its range and source.
    pub inputs: Vec<crate::model::Uncertain>,
}

impl Report {
    /// The report with each goal's robustness (from `run --draws`).
    pub fn with_robustness(
        mut self,
        r: crate::robust::Robustness,
        draws: usize,
        seed: u64,
    ) -> Report {
        for (g, rb) in self.goals.iter_mut().zip(r.goals) {
            g.robustness = Some(rb);
        }
        self.draws = Some(DrawsInfo {
            draws,
            seed,
            inputs: r.inputs,
        });
        self
    }
}

/// A skim of all places for both measures (the `skim.csv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceSkims {
    /// In-vehicle skim.
    pub in_vehicle: Skim,
    /// Door-to-door skim.
    pub door_to_door: Skim,
}

/// Runs a scenario: evaluates its goals and skims all places.
pub fn run(sc: &Scenario) -> Result<(Report, PlaceSkims)> {
    let goals = crate::analysis::scenario_goals(sc)?;
    let mut ev = Evaluator::new(sc);
    let results = ev.evaluate(&goals);
    let places: Vec<u32> = (0..sc.network.nodes.len() as u32)
        .filter(|&i| sc.network.nodes[i as usize].kind.is_place())
        .collect();
    let g = ev.graph(sc.spec.profile);
    let skims = PlaceSkims {
        in_vehicle: Skim::compute(g, &places, &places, Measure::InVehicle),
        door_to_door: Skim::compute(g, &places, &places, Measure::DoorToDoor),
    };
    Ok((report_of(sc, results), skims))
}

/// Wraps goal results into a [`Report`].
pub fn report_of(sc: &Scenario, goals: Vec<GoalResult>) -> Report {
    let passed = goals.iter().filter(|g| g.pass).count();
    Report {
        schema_version: SCHEMA_VERSION,
        generator: format!("tongda {}", env!("CARGO_PKG_VERSION")),
        scenario: ScenarioInfo {
            name: sc.spec.name.clone(),
            description: sc.spec.description.clone(),
            file: sc
                .file
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            year: sc.spec.year,
            statuses: sc.spec.statuses.clone(),
            edits: sc.edit_reports.clone(),
        },
        measures: serde_json::json!({
            "in-vehicle": "boarding at the best station of the origin to alighting at the best station of the destination: time on board incl. stops en route, plus transfers between lines",
            "door-to-door": "centre to centre: access, station processing, half-headway wait, in-vehicle, transfers, egress",
        }),
        summary: Summary {
            goals: goals.len(),
            passed,
            failed: goals.len() - passed,
        },
        goals,
        draws: None,
    }
}

/// `skim.csv`: one row per ordered pair of places, minutes for each measure
/// (written by the one CSV writer, [`crate::io::csv_out`], as `tongda skim`'s:
/// [`crate::skim::skim_csv`]).
pub fn skim_csv(sc: &Scenario, s: &PlaceSkims) -> String {
    crate::skim::skim_csv(&sc.network, &[&s.in_vehicle, &s.door_to_door]).0
}

/// Writes `files` (name, contents) into `dir` so that each is whole or
/// absent and concurrent writers do not mix (see [`crate::io::atomic`]);
/// the directory is created if needed.
pub fn write_all(dir: &Path, files: &[(&str, String)]) -> Result<()> {
    let files: Vec<(&str, Vec<u8>)> = files
        .iter()
        .map(|(n, b)| (*n, b.clone().into_bytes()))
        .collect();
    crate::io::atomic::write_files(dir, &files)
}
