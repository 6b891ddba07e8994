//! `tongda run`: evaluate a scenario's goals and write the report files.

use crate::common::{with_threads, CliResult};
use std::path::PathBuf;
use std::process::ExitCode;
use tongda_core::report::{
    paths_geojson, report_markdown, run as run_scenario, skim_csv, summary_table, write_all,
};
use tongda_core::scenario::Scenario;

/// Arguments of `tongda run`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario file (e.g. scenarios/plan-2027.toml).
    scenario: PathBuf,
    /// Output directory (created if needed).
    #[arg(long)]
    out: PathBuf,
    /// Exit with code 3 if any goal fails (for CI pipelines of planners).
    #[arg(long)]
    fail_on_goal: bool,
    /// Worker threads (default: all cores). Results do not depend on it.
    #[arg(long)]
    threads: Option<usize>,
}

/// Runs the scenario, writes report.md, report.json, skim.csv, paths.geojson.
pub fn run(args: Args) -> CliResult<ExitCode> {
    with_threads(args.threads, || {
        let sc = Scenario::load(&args.scenario)?;
        let (report, skims) = run_scenario(&sc)?;
        let json = serde_json::to_string_pretty(&report)
            .map_err(|e| crate::common::CliError::internal(e.to_string()))?
            + "\n";
        let files = [
            ("report.json", json),
            ("report.md", report_markdown(&report)),
            ("skim.csv", skim_csv(&sc, &skims)),
            ("paths.geojson", paths_geojson(&sc.network, &report)),
        ];
        write_all(&args.out, &files)?;
        for e in &sc.edit_reports {
            println!("edit: {e}");
        }
        print!("{}", summary_table(&report));
        println!(
            "wrote {}/{{report.md, report.json, skim.csv, paths.geojson}}",
            args.out.display()
        );
        Ok(if args.fail_on_goal && report.summary.failed > 0 {
            ExitCode::from(3)
        } else {
            ExitCode::SUCCESS
        })
    })
}
