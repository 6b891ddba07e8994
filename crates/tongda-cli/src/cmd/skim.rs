//! `tongda skim`: many-to-many travel times between the places of a scenario.

use crate::common::{with_threads, CliError, CliResult};
use crate::options::{is_stdout, say, write_output, CsvArgs, Global};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tongda_core::graph::RoutingGraph;
use tongda_core::io::atomic::{check_outputs, split_file_output};
use tongda_core::iso::Origin;
use tongda_core::skim::{skim_csv, Skim};
use tongda_core::{Measure, Profile};

/// Arguments of `tongda skim`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario: a file, or a name from scenarios/ (e.g. plan-2030).
    scenario: String,
    /// Output CSV file; `-` writes to standard output.
    #[arg(long)]
    out: PathBuf,
    /// in-vehicle, door-to-door, or both (one column each).
    #[arg(long, default_value = "both")]
    measure: String,
    /// Travel profile (default: the scenario's).
    #[arg(long)]
    profile: Option<Profile>,
    /// Which places: cities, districts (districts and counties) or places (all).
    #[arg(long, default_value = "places")]
    places: String,
    #[command(flatten)]
    csv: CsvArgs,
}

/// Splits `path` into its directory and file name for [`write_all`]; a
/// trailing `/` or an existing directory is refused (one file is written).
pub fn dir_and_name(path: &Path) -> CliResult<(PathBuf, String)> {
    Ok(split_file_output(path)?)
}

fn measures(s: &str) -> CliResult<Vec<Measure>> {
    match s {
        "both" => Ok(vec![Measure::InVehicle, Measure::DoorToDoor]),
        other => Ok(vec![other.parse::<Measure>().map_err(|_| {
            CliError::input(format!(
                "--measure \"{other}\": use in-vehicle, door-to-door or both"
            ))
        })?]),
    }
}

/// Computes the skim and writes the CSV.
pub fn run(args: Args, opts: &Global) -> CliResult<ExitCode> {
    let measures = measures(&args.measure)?;
    if !is_stdout(&args.out) {
        dir_and_name(&args.out)?;
    }
    with_threads(opts.threads, || {
        let sc = opts.scenario(&args.scenario)?;
        if !is_stdout(&args.out) {
            check_outputs(std::slice::from_ref(&args.out), &sc.inputs())?;
        }
        let profile = args.profile.unwrap_or(sc.spec.profile);
        let g = RoutingGraph::compile(&sc.network, &sc.time_model, &sc.graph_spec(profile));
        let places: Vec<u32> = Origin::set(&sc.network, &args.places)
            .map_err(|e| CliError::input(e.to_string()))?
            .iter()
            .filter_map(|o| o.node)
            .collect();
        if places.is_empty() {
            return Err(CliError::input(format!(
                "the scenario's network has no {}",
                args.places
            )));
        }
        let skims: Vec<Skim> = measures
            .iter()
            .map(|&m| match (profile, m) {
                // Freight in-vehicle: the moving time of the door-to-door
                // route (README, "Worked example"), never longer than it.
                (Profile::Freight, Measure::InVehicle) => {
                    Skim::moving(&sc.network, &g, &places, &places)
                }
                _ => Skim::compute(&g, &places, &places, m),
            })
            .collect();
        let refs: Vec<&Skim> = skims.iter().collect();
        let (out, unreachable) = skim_csv(&sc.network, &refs);
        write_output(&args.out, &args.csv.finish(out))?;
        let quiet = is_stdout(&args.out);
        if opts.json {
            let v = serde_json::json!({"wrote": args.out.display().to_string(), "places": places.len(),
                "rows": places.len() * places.len(), "profile": profile, "year": sc.spec.year,
                "scenario": sc.spec.name, "empty_cells": unreachable});
            say(quiet, &v.to_string());
        } else {
            say(quiet, &format!(
                "wrote {}: {} × {} {} ({} profile, year {}, scenario {}), {} empty cell(s) where unreachable",
                args.out.display(),
                places.len(),
                places.len(),
                args.places,
                profile,
                sc.spec.year,
                sc.spec.name,
                unreachable
            ));
        }
        Ok(ExitCode::SUCCESS)
    })
}
