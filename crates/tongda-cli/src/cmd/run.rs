//! `tongda run`: evaluate a scenario's goals and write the report files.

use crate::common::CliError;
use crate::common::{with_threads, CliResult};
use crate::options::{say, CrsArg, CsvArgs, Global};
use std::path::PathBuf;
use std::process::ExitCode;
use tongda_core::analysis::scenario_goals;
use tongda_core::io::atomic::check_outputs;
use tongda_core::iso::Shard;
use tongda_core::report::{
    paths_geojson, report_markdown, run as run_scenario, skim_csv, summary_table, write_all,
};
use tongda_core::robust::{self, Engine, Robustness, Settings};
use tongda_core::scenario::Scenario;

/// The files `run` writes into `--out`, all or none.
const OUTPUTS: [&str; 6] = [
    "report.json",
    "report.md",
    "skim.csv",
    "paths.geojson",
    "report.html",
    "draws.csv",
];

/// Arguments of `tongda run`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario: a file, or a name from scenarios/ (e.g. plan-2027).
    scenario: String,
    /// Output directory (created if needed).
    #[arg(long)]
    out: PathBuf,
    /// Exit with code 3 if any goal fails (for CI pipelines of planners).
    #[arg(long)]
    fail_on_goal: bool,
    #[command(flatten)]
    crs: CrsArg,
    #[command(flatten)]
    csv: CsvArgs,
    /// Robustness: evaluate every goal under N joint draws of the uncertain
    /// inputs (README, "Robustness"); adds `robustness` to report.json and
    /// report.md, and writes draws.csv.
    #[arg(long, value_name = "N")]
    draws: Option<usize>,
    /// Seed of the draws.
    #[arg(long, default_value_t = 1, requires = "draws")]
    seed: u64,
    /// Evaluate only part K of N of the draws (round-robin by draw index)
    /// and write only its draws.csv; merge the parts with --merge.
    #[arg(long, value_name = "K/N", requires = "draws")]
    shard: Option<String>,
    /// Merge the draws.csv of these shard output directories into the full
    /// run's outputs (the draw count and seed come from the files).
    #[arg(long, value_name = "DIR", num_args = 1.., conflicts_with_all = ["draws", "shard"])]
    merge: Vec<PathBuf>,
}

/// The most draws one run takes.
const MAX_DRAWS: usize = 1_000_000;

/// Runs the scenario, writes report.md, report.json, skim.csv, paths.geojson, report.html.
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    let crs = args.crs.map_crs()?;
    with_threads(g.threads, || {
        let sc = g.scenario(&args.scenario)?;
        let outputs: Vec<PathBuf> = OUTPUTS.iter().map(|f| args.out.join(f)).collect();
        check_outputs(&outputs, &sc.inputs())?;
        let (report, skims) = run_scenario(&sc)?;
        let (report, draws_csv) = match robustness(&args, &sc)? {
            Robust::None => (report, None),
            Robust::Shard(csv) => {
                write_all(&args.out, &[("draws.csv", csv)])?;
                say(
                    g.json,
                    &format!(
                        "wrote {}/draws.csv (one shard; merge the shards with --merge)",
                        args.out.display()
                    ),
                );
                return Ok(ExitCode::SUCCESS);
            }
            Robust::Full(r, settings, csv) => (
                report.with_robustness(r, settings.draws, settings.seed),
                Some(csv),
            ),
        };
        let json = serde_json::to_string_pretty(&report)
            .map_err(|e| crate::common::CliError::internal(e.to_string()))?
            + "\n";
        // The map is drawn in WGS84, whatever --crs the GeoJSON is written in.
        let map_paths = paths_geojson(&sc.network, &report, tongda_core::chinacrs::MapCrs::Wgs84);
        let html = tongda_core::report::html::report_html(&sc, &report, &map_paths);
        let mut files = vec![
            ("report.json", json.clone()),
            ("report.md", report_markdown(&report)),
            ("skim.csv", args.csv.finish(skim_csv(&sc, &skims))),
            ("paths.geojson", paths_geojson(&sc.network, &report, crs)),
            ("report.html", html),
        ];
        files.extend(draws_csv.map(|c| ("draws.csv", c)));
        write_all(&args.out, &files)?;
        if g.json {
            print!("{json}");
        } else {
            for e in &sc.edit_reports {
                println!("edit: {e}");
            }
            print!("{}", summary_table(&report));
        }
        say(
            g.json,
            &format!(
                "wrote {}/{{report.md, report.json, skim.csv, paths.geojson, report.html{}}}",
                args.out.display(),
                if files.len() > 5 { ", draws.csv" } else { "" }
            ),
        );
        Ok(if args.fail_on_goal && report.summary.failed > 0 {
            ExitCode::from(3)
        } else {
            ExitCode::SUCCESS
        })
    })
}

/// What a run's robustness options ask for.
enum Robust {
    /// No draws.
    None,
    /// One shard's draws.csv.
    Shard(String),
    /// Every goal's robustness, and the whole run's draws.csv.
    Full(Robustness, Settings, String),
}

/// Draws (all, one shard, or the merge of shards) as the options ask.
fn robustness(args: &Args, sc: &Scenario) -> CliResult<Robust> {
    if args.draws.is_none() && args.merge.is_empty() {
        return Ok(Robust::None);
    }
    let goals = scenario_goals(sc)?;
    let ids: Vec<&str> = goals.iter().map(|g| g.spec.id.as_str()).collect();
    let engine = Engine::new(sc, &goals, robust::inputs(sc));
    let (settings, records) = if args.merge.is_empty() {
        let n = args.draws.unwrap_or(0);
        if !(1..=MAX_DRAWS).contains(&n) {
            return Err(CliError::input(format!(
                "--draws {n}: give 1 to {MAX_DRAWS} draws"
            )));
        }
        let settings = Settings {
            draws: n,
            seed: args.seed,
        };
        let shard: Shard = match &args.shard {
            Some(s) => s
                .parse()
                .map_err(|e| CliError::input(format!("--shard {s}: {e}")))?,
            None => Shard::ALL,
        };
        let indices = shard.select(&(0..n).collect::<Vec<usize>>());
        let records = robust::run_draws(&engine, &settings, &indices);
        if args.shard.is_some() {
            return Ok(Robust::Shard(robust::draws_csv(&ids, &settings, &records)));
        }
        (settings, records)
    } else {
        let mut parts = Vec::new();
        for dir in &args.merge {
            let path = dir.join("draws.csv");
            let text = crate::common::read_text(&path)?;
            let (s, r) = robust::read_draws_csv(&path, &text, &ids)?;
            parts.push((path, s, r));
        }
        robust::merge(parts)?
    };
    let csv = robust::draws_csv(&ids, &settings, &records);
    Ok(Robust::Full(
        robust::summarize(&engine, &settings, &records),
        settings,
        csv,
    ))
}
