//! The one options layer: what `--geodata`, `--threads`, `--json`, a
//! scenario given by name, `--out -`, `--crs` and `--excel` mean, the same
//! on every command that takes them.

use crate::common::{CliError, CliResult};
use std::io::Write;
use std::path::{Path, PathBuf};
use tongda_core::chinacrs::MapCrs;
use tongda_core::scenario::Scenario;

/// Options every command takes, before or after the subcommand's name.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Global {
    /// Directory of the network's GeoJSON files. Default: geodata/ for
    /// commands on the network, the scenario's own `geodata` for commands on
    /// a scenario (--geodata replaces it).
    #[arg(long, global = true, value_name = "DIR")]
    pub geodata: Option<PathBuf>,
    /// Worker threads (default: all cores). Results do not depend on it.
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// Print JSON on stdout instead of text; errors come as one JSON object
    /// on stderr, with a stable `code` (see the README, "Errors and exit codes").
    #[arg(long, global = true)]
    pub json: bool,
}

impl Global {
    /// The geodata directory of commands on the network (not on a scenario).
    pub fn geodata_dir(&self) -> PathBuf {
        self.geodata
            .clone()
            .unwrap_or_else(|| PathBuf::from("geodata"))
    }

    /// Loads a scenario given as a file or a name from `scenarios/`, on
    /// `--geodata` when given.
    pub fn scenario(&self, s: &str) -> CliResult<Scenario> {
        let path = scenario_path(s)?;
        Scenario::load_with_geodata(&path, self.geodata.as_deref()).map_err(CliError::from)
    }
}

/// The directory scenario names are looked up in.
pub const SCENARIO_DIR: &str = "scenarios";

/// The scenario files of `scenarios/` (not the goal file), by name.
pub fn scenario_names() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(SCENARIO_DIR)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .filter(|p| {
                    // A scenario names its year; goals.toml does not.
                    std::fs::read_to_string(p)
                        .is_ok_and(|t| t.lines().any(|l| l.trim_start().starts_with("year")))
                })
                .filter_map(|p| {
                    let stem = p.file_stem()?.to_str()?.to_string();
                    Some((stem, p))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// A scenario argument: an existing file, or a name from `scenarios/`
/// (`plan-2030` → `scenarios/plan-2030.toml`). Unknown names get the
/// closest scenario names.
pub fn scenario_path(s: &str) -> CliResult<PathBuf> {
    let p = PathBuf::from(s);
    if p.is_file() {
        return Ok(p);
    }
    let by_name = Path::new(SCENARIO_DIR).join(format!("{s}.toml"));
    if !s.contains('/') && !s.ends_with(".toml") && by_name.is_file() {
        return Ok(by_name);
    }
    let names = scenario_names();
    let stem = p
        .file_stem()
        .map_or(s.to_string(), |x| x.to_string_lossy().into_owned());
    let close = tongda_core::text::closest(&stem, names.iter().map(|(n, _)| n.as_str()), 3);
    let hint = if close.is_empty() {
        format!(
            "give a scenario file or one of: {}",
            names
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    } else {
        format!("did you mean {}?", close.join(", "))
    };
    Err(CliError::coded(
        "bad_scenario",
        format!(
            "no scenario \"{s}\": neither a file nor a name in {SCENARIO_DIR}/ — fix: {hint} (`tongda list scenarios` lists them)"
        ),
    ))
}

/// True when `path` is `-`, standard output.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Writes one output file, or to standard output when the path is `-`.
pub fn write_output(path: &Path, text: &str) -> CliResult<()> {
    if is_stdout(path) {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| CliError::coded("io", format!("cannot write to stdout: {e}")));
    }
    let (dir, name) = crate::cmd::skim::dir_and_name(path)?;
    tongda_core::report::write_all(&dir, &[(name.as_str(), text.to_string())])?;
    Ok(())
}

/// Prints a status line on stdout, or on stderr when stdout carries the
/// output itself (`--out -`) or JSON (`--json`).
pub fn say(quiet_stdout: bool, line: &str) {
    if quiet_stdout {
        eprintln!("{line}");
    } else {
        println!("{line}");
    }
}

/// `--crs` of a writer of coordinates: WGS84 (default), GCJ-02 or BD-09.
#[derive(Debug, Clone, clap::Args)]
pub struct CrsArg {
    /// Coordinates written: EPSG:4326 (WGS84, default), GCJ-02 (高德, 腾讯)
    /// or BD-09 (百度). See the README, "Chinese map coordinates".
    #[arg(long, default_value = "EPSG:4326", value_name = "CRS")]
    pub crs: String,
}

impl CrsArg {
    /// The checked system.
    pub fn map_crs(&self) -> CliResult<MapCrs> {
        self.crs.parse::<MapCrs>().map_err(|e| {
            CliError::coded(
                "bad_argument",
                format!("--crs {e} — fix: use EPSG:4326, GCJ-02 or BD-09"),
            )
        })
    }
}

/// `--excel` of a writer of CSV.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct CsvArgs {
    /// Start CSV files with a UTF-8 byte-order mark so that Excel (on a
    /// Chinese Windows too) reads the Chinese names right.
    #[arg(long)]
    pub excel: bool,
}

impl CsvArgs {
    /// The CSV text as written: with a BOM under `--excel`.
    pub fn finish(self, csv: String) -> String {
        if self.excel {
            let mut s = String::with_capacity(csv.len() + 3);
            s.push('\u{feff}');
            s.push_str(&csv);
            s
        } else {
            csv
        }
    }
}

/// A scenario argument, or `--year Y` alone: the geodata network of that
/// year with the default statuses (open, under construction, planned) and
/// no edits. With both, the scenario is taken to that year.
pub fn scenario_or_year(
    g: &Global,
    scenario: Option<&str>,
    year: Option<i32>,
    what: &str,
) -> CliResult<Scenario> {
    match (scenario, year) {
        (Some(s), None) => g.scenario(s),
        (Some(s), Some(y)) => {
            let sc = g.scenario(s)?;
            crate::common::check_year(&sc.network, "--year", y)?;
            Ok(sc.with_year(y)?)
        }
        (None, Some(y)) => {
            let dir = g.geodata_dir();
            let geodata = std::path::absolute(&dir)
                .map_err(|e| CliError::coded("io", format!("{}: {e}", dir.display())))?;
            let spec = tongda_core::scenario::ScenarioSpec {
                name: format!("geodata-{y}"),
                description: format!(
                    "the geodata network in {y}: open, under construction and planned links, no edits"
                ),
                geodata,
                year: 2024,
                statuses: vec![
                    tongda_core::model::Status::Open,
                    tongda_core::model::Status::UnderConstruction,
                    tongda_core::model::Status::Planned,
                ],
                profile: tongda_core::Profile::Passenger,
                goals: None,
                params: None,
                edits: Vec::new(),
            };
            // Built for a year every network has, then checked and moved to `y`.
            let sc =
                Scenario::build(spec, Path::new("--year")).map_err(crate::common::geodata_err)?;
            crate::common::check_year(&sc.network, "--year", y)?;
            Ok(sc.with_year(y)?)
        }
        (None, None) => Err(CliError::input(format!(
            "{what} needs a scenario or --year — fix: e.g. `tongda {what} plan-2030` or `tongda {what} --year 2030`"
        ))),
    }
}
