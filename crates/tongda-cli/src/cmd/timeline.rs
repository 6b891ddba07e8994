//! `tongda timeline`: the first year each goal passes as projects open.

use crate::common::{check_year, with_threads, CliError, CliResult};
use crate::options::Global;
use std::path::PathBuf;
use std::process::ExitCode;
use tongda_core::analysis::timeline;
use tongda_core::io::atomic::split_file_output;
use tongda_core::report::TextTable;

/// Arguments of `tongda timeline`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// First year.
    #[arg(long, default_value_t = 2024)]
    from: i32,
    /// Last year.
    #[arg(long, default_value_t = 2035)]
    to: i32,
    /// Scenario whose statuses and edits are used (its year is replaced by each
    /// year in turn): a file or a name from scenarios/.
    #[arg(long, default_value = "plan-2030")]
    scenario: String,
    /// Also write the timeline as a chart to this HTML file.
    #[arg(long)]
    html: Option<PathBuf>,
    /// Robustness: per year, the share of N draws of the uncertain inputs
    /// that pass; gives the first year each goal passes in ≥ 50 % and ≥ 90 %.
    #[arg(long, value_name = "N")]
    draws: Option<usize>,
    /// Seed of the draws.
    #[arg(long, default_value_t = 1, requires = "draws")]
    seed: u64,
}

/// Prints the timeline.
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    if args.to < args.from {
        return Err(CliError::input(format!(
            "--to {} is before --from {}",
            args.to, args.from
        )));
    }
    with_threads(g.threads, || {
        let sc = g.scenario(&args.scenario)?;
        check_year(&sc.network, "--from", args.from)?;
        check_year(&sc.network, "--to", args.to)?;
        let t = match args.draws {
            None => timeline(&sc, args.from, args.to)?,
            Some(n) if (1..=100_000).contains(&n) => {
                let settings = tongda_core::robust::Settings {
                    draws: n,
                    seed: args.seed,
                };
                tongda_core::analysis::timeline_draws(&sc, args.from, args.to, &settings)?
            }
            Some(n) => {
                return Err(CliError::input(format!(
                    "--draws {n}: give 1 to 100000 draws"
                )))
            }
        };
        if let Some(path) = &args.html {
            let html_err = |e| crate::common::output_err("--html", e);
            let (dir, name) = split_file_output(path).map_err(html_err)?;
            let page = tongda_core::report::html::timeline_html(&t);
            tongda_core::report::write_all(&dir, &[(name.as_str(), page)]).map_err(html_err)?;
            eprintln!("wrote {}", path.display());
        }
        if g.json {
            let s =
                serde_json::to_string_pretty(&t).map_err(|e| CliError::internal(e.to_string()))?;
            println!("{s}");
            return Ok(ExitCode::SUCCESS);
        }
        println!(
            "Timeline of {} ({}–{}): first year each goal passes and keeps passing\n",
            t.scenario, t.from, t.to
        );
        let mut headers = vec!["goal".to_string(), "first pass".to_string()];
        if t.draws.is_some() {
            headers.push("≥50% of draws".into());
            headers.push("≥90% of draws".into());
        }
        headers.extend((t.from..=t.to).map(|y| y.to_string()));
        let hdr: Vec<&str> = headers.iter().map(String::as_str).collect();
        let right: Vec<bool> = (0..hdr.len()).map(|i| i >= 1).collect();
        let mut table = TextTable::new(&hdr, &right);
        for g in &t.goals {
            let year = |y: Option<i32>| y.map_or("—".into(), |y| y.to_string());
            let mut row = vec![g.id.clone(), year(g.first_pass_year)];
            if t.draws.is_some() {
                row.push(year(g.first_year_p50.flatten()));
                row.push(year(g.first_year_p90.flatten()));
            }
            row.extend(g.years.iter().map(|(_, pass, v)| {
                let mark = if *pass { "✓" } else { "✗" };
                match v {
                    Some(v) if g.kind == "coverage" => format!("{mark}{:.0}%", v * 100.0),
                    Some(v) => format!("{mark}{v:.0}"),
                    None => mark.to_string(),
                }
            }));
            table.row(row);
        }
        print!("{}", table.render());
        println!("\n✓/✗ pass/fail with the deciding value (minutes; share for coverage goals).");
        if let Some((n, seed)) = t.draws {
            println!("≥50%/≥90% of draws: first year from which that share of {n} draws of the uncertain inputs (seed {seed}) passes.");
        }
        Ok(ExitCode::SUCCESS)
    })
}
