//! `tongda skim`: many-to-many travel times between the places of a scenario.

use crate::common::{with_threads, CliError, CliResult};
use crate::options::{is_stdout, say, write_output, CsvArgs, Global};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tongda_core::graph::RoutingGraph;
use tongda_core::iso::Origin;
use tongda_core::skim::Skim;
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

/// Splits `path` into its directory and file name for [`write_all`].
pub fn dir_and_name(path: &Path) -> CliResult<(PathBuf, String)> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| CliError::input(format!("--out {}: not a file name", path.display())))?
        .to_string();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((dir, name))
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
pub fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
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
            .map(|&m| Skim::compute(&g, &places, &places, m))
            .collect();
        let net = &sc.network;
        let mut out = String::from("origin,origin_name,destination,destination_name");
        for m in &measures {
            let _ = write!(out, ",{}_min", m.as_str().replace('-', "_"));
        }
        out.push('\n');
        let mut unreachable = 0usize;
        for (i, &o) in places.iter().enumerate() {
            for (j, &d) in places.iter().enumerate() {
                let (on, dn) = (&net.nodes[o as usize], &net.nodes[d as usize]);
                let _ = write!(
                    out,
                    "{},{},{},{}",
                    csv_field(&on.id),
                    csv_field(&on.name_zh),
                    csv_field(&dn.id),
                    csv_field(&dn.name_zh)
                );
                for s in &skims {
                    match s.get(i, j) {
                        Some(sec) => {
                            let _ = write!(out, ",{:.1}", (f64::from(sec) / 6.0).round() / 10.0);
                        }
                        None => {
                            unreachable += 1;
                            out.push(',');
                        }
                    }
                }
                out.push('\n');
            }
        }
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
