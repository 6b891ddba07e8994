//! `tongda run`: evaluate a scenario's goals and write the report files.

use crate::common::{with_threads, CliResult};
use crate::options::{say, CrsArg, CsvArgs, Global};
use std::path::PathBuf;
use std::process::ExitCode;
use tongda_core::io::atomic::check_outputs;
use tongda_core::report::{
    paths_geojson, report_markdown, run as run_scenario, skim_csv, summary_table, write_all,
};

/// The files `run` writes into `--out`, all or none.
const OUTPUTS: [&str; 4] = ["report.json", "report.md", "skim.csv", "paths.geojson"];

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
}

/// Runs the scenario, writes report.md, report.json, skim.csv, paths.geojson, report.html.
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    let crs = args.crs.map_crs()?;
    with_threads(g.threads, || {
        let sc = g.scenario(&args.scenario)?;
        let outputs: Vec<PathBuf> = OUTPUTS.iter().map(|f| args.out.join(f)).collect();
        check_outputs(&outputs, &sc.inputs())?;
        let (report, skims) = run_scenario(&sc)?;
        let json = serde_json::to_string_pretty(&report)
            .map_err(|e| crate::common::CliError::internal(e.to_string()))?
            + "\n";
        // The map is drawn in WGS84, whatever --crs the GeoJSON is written in.
        let map_paths = paths_geojson(&sc.network, &report, tongda_core::chinacrs::MapCrs::Wgs84);
        let html = tongda_core::report::html::report_html(&sc, &report, &map_paths);
        let files = [
            ("report.json", json.clone()),
            ("report.md", report_markdown(&report)),
            ("skim.csv", args.csv.finish(skim_csv(&sc, &skims))),
            ("paths.geojson", paths_geojson(&sc.network, &report, crs)),
            ("report.html", html),
        ];
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
                "wrote {}/{{report.md, report.json, skim.csv, paths.geojson, report.html}}",
                args.out.display()
            ),
        );
        Ok(if args.fail_on_goal && report.summary.failed > 0 {
            ExitCode::from(3)
        } else {
            ExitCode::SUCCESS
        })
    })
}
