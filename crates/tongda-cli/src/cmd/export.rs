//! `tongda export`: the network of a scenario or year as GIS layers.

use crate::common::{CliError, CliResult};
use crate::options::{is_stdout, say, scenario_or_year, write_output, CrsArg, Global};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tongda_core::export::{layer_geojson, network_layers, write_gpkg, Layer};

/// Which layer a single GeoJSON file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LayerName {
    /// Links (LineStrings).
    Links,
    /// Nodes (Points).
    Nodes,
}

/// Arguments of `tongda export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario: a file or a name from scenarios/ (edits applied). Without
    /// it, --year gives the geodata network of that year.
    scenario: Option<String>,
    /// Network year (default: the scenario's).
    #[arg(long)]
    year: Option<i32>,
    /// Output, by extension: FILE.gpkg (GeoPackage, layers `nodes` and
    /// `links`), FILE.geojson (one layer, see --layer), `-` (that GeoJSON on
    /// standard output) or a directory (nodes.geojson and links.geojson).
    #[arg(long)]
    out: PathBuf,
    /// The layer of a single GeoJSON file: links or nodes (a GeoJSON file holds one geometry type).
    #[arg(long, default_value = "links")]
    layer: LayerName,
    #[command(flatten)]
    crs: CrsArg,
}

enum Target {
    Gpkg,
    GeoJson,
    Dir,
}

fn target(out: &Path) -> CliResult<Target> {
    if is_stdout(out) {
        return Ok(Target::GeoJson);
    }
    let ext = out
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("gpkg") => Ok(Target::Gpkg),
        Some("geojson" | "json") => Ok(Target::GeoJson),
        None => Ok(Target::Dir),
        Some(other) => Err(CliError::input(format!(
            "--out {}: unknown format \".{other}\" — fix: use .gpkg, .geojson, a directory, or - for standard output",
            out.display()
        ))),
    }
}

/// Builds the layers and writes them.
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    let crs = args.crs.map_crs()?;
    let target = target(&args.out)?;
    let sc = scenario_or_year(g, args.scenario.as_deref(), args.year, "export")?;
    let (nodes, links) = network_layers(&sc);
    let about = json!({
        "generator": format!("tongda {}", env!("CARGO_PKG_VERSION")),
        "scenario": sc.spec.name,
        "year": sc.spec.year,
        "statuses": sc.spec.statuses,
        "edits": sc.edit_reports,
    });
    let written: Vec<String> = match target {
        Target::Gpkg => {
            if let Some(parent) = args.out.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|e| {
                    CliError::coded("io", format!("cannot create {}: {e}", parent.display()))
                })?;
            }
            let desc = format!("tongda: {} in {}", sc.spec.name, sc.spec.year);
            write_gpkg(&args.out, &[&nodes, &links], crs, &desc)?;
            vec![args.out.display().to_string()]
        }
        Target::GeoJson => {
            let layer: &Layer = match args.layer {
                LayerName::Links => &links,
                LayerName::Nodes => &nodes,
            };
            write_output(&args.out, &layer_geojson(layer, crs, &about))?;
            vec![args.out.display().to_string()]
        }
        Target::Dir => {
            let files = [
                ("nodes.geojson", layer_geojson(&nodes, crs, &about)),
                ("links.geojson", layer_geojson(&links, crs, &about)),
            ];
            tongda_core::report::write_all(&args.out, &files)?;
            files
                .iter()
                .map(|(n, _)| args.out.join(n).display().to_string())
                .collect()
        }
    };
    let quiet = is_stdout(&args.out);
    if g.json {
        let v = json!({"wrote": written, "scenario": sc.spec.name, "year": sc.spec.year,
                       "crs": crs.as_str(), "nodes": nodes.features.len(), "links": links.features.len()});
        say(quiet, &v.to_string());
    } else {
        for e in &sc.edit_reports {
            say(quiet, &format!("edit: {e}"));
        }
        say(
            quiet,
            &format!(
                "{} in {} ({}): {} nodes, {} links · wrote {}",
                sc.spec.name,
                sc.spec.year,
                crs,
                nodes.features.len(),
                links.features.len(),
                written.join(", ")
            ),
        );
    }
    Ok(ExitCode::SUCCESS)
}
