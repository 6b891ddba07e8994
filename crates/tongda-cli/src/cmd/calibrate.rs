//! `tongda calibrate`: published scheduled times against the time model.

use crate::common::{load_network, CliError, CliResult, NetworkArgs};
use crate::options::Global;
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;
use tongda_core::calibration::{bootstrap_cruise, evaluate, median_abs_error, read_calibration};
use tongda_core::report::TextTable as Table;
use tongda_core::units::{round1, round_to};

/// Arguments of `tongda calibrate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Calibration CSV files (default: GEODATA/calibration.csv).
    #[arg(long)]
    file: Vec<PathBuf>,
    /// Relative tolerance; rows outside it are marked with `!`.
    #[arg(long, default_value_t = 0.15)]
    tolerance: f64,
    /// Exit with code 3 if any row is outside the tolerance (for CI pipelines).
    #[arg(long)]
    strict: bool,
    /// Also bootstrap each mode's cruise fraction over the rows that ride
    /// it alone (N resamples): the `cruise_fraction_sd` of robustness draws.
    #[arg(long, value_name = "N")]
    bootstrap: Option<usize>,
    /// Seed of the bootstrap.
    #[arg(long, default_value_t = 1, requires = "bootstrap")]
    seed: u64,
    #[command(flatten)]
    net: NetworkArgs,
}

/// Prints every row with its error, then the median and worst.
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    // NaN compares false with everything, so it would pass every row.
    if !(args.tolerance.is_finite() && args.tolerance >= 0.0) {
        return Err(CliError::input(format!(
            "--tolerance {}: must be a finite number ≥ 0 — fix: give a relative tolerance such as 0.15 (15 %)",
            args.tolerance
        )));
    }
    let (net, tm) = load_network(&args.net, g)?;
    let files = if args.file.is_empty() {
        vec![g.geodata_dir().join("calibration.csv")]
    } else {
        args.file.clone()
    };
    let mut rows = Vec::new();
    for f in &files {
        rows.extend(read_calibration(f)?);
    }
    if rows.is_empty() {
        return Err(CliError::input(
            "no calibration rows: give --file with published times",
        ));
    }
    let results = evaluate(&net, &tm, &rows)?;
    if let Some(n) = args.bootstrap {
        if !(2..=100_000).contains(&n) {
            return Err(CliError::input(format!(
                "--bootstrap {n}: give 2 to 100000 resamples"
            )));
        }
        let spreads = bootstrap_cruise(&results, &tm, n, args.seed);
        if g.json {
            let s = serde_json::to_string_pretty(&spreads)
                .map_err(|e| CliError::internal(e.to_string()))?;
            println!("{s}");
        } else {
            let mut t = Table::new(
                &["profile", "mode", "rows", "cruise_fraction", "sd"],
                &[false, false, true, true, true],
            );
            for s in &spreads {
                t.row(vec![
                    s.profile.as_str().into(),
                    s.mode.as_str().into(),
                    s.rows.to_string(),
                    format!("{:.3}", s.cruise_fraction),
                    format!("{:.3}", s.sd),
                ]);
            }
            print!("{}", t.render());
            println!(
                "bootstrap of {n} resamples (seed {}) over the rows that ride one mode alone (at least {} rows)",
                args.seed,
                tongda_core::calibration::MIN_BOOTSTRAP_ROWS
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let median = median_abs_error(&results).unwrap_or(f64::NAN);
    let worst = results
        .iter()
        .filter_map(|r| r.rel_error.map(|e| (e.abs(), r)))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let outside = results
        .iter()
        .filter(|r| r.rel_error.is_none_or(|e| e.abs() > args.tolerance))
        .count();
    let no_direct = results.iter().filter(|r| r.no_direct_service).count();
    if g.json {
        let rows: Vec<_> = results
            .iter()
            .map(|r| json!({"id": r.row.id, "from": r.row.from, "to": r.row.to, "profile": r.row.profile,
                            "published_min": r.row.published_min, "model_min": r.model_min.map(round1),
                            "rel_error": r.rel_error.map(|e| round_to(e, 3)), "lines": r.lines,
                            "no_direct_service": r.no_direct_service}))
            .collect();
        println!(
            "{}",
            json!({"rows": rows, "median_abs_error": median, "outside_tolerance": outside,
                   "no_direct_service": no_direct})
        );
    } else {
        let mut t = Table::new(
            &["id", "from → to", "published", "model", "error", "lines"],
            &[false, false, true, true, true, false],
        );
        for r in &results {
            let name = |id: &str| net.node(id).map_or(id.to_string(), |n| n.name_zh.clone());
            let mut lines = r.lines.clone();
            lines.dedup();
            t.row(vec![
                r.row.id.clone(),
                format!("{} → {}", name(&r.row.from), name(&r.row.to)),
                format!("{:.0}", r.row.published_min),
                r.model_min
                    .map_or("unreachable".into(), |m| format!("{m:.1}")),
                r.rel_error.map_or(String::new(), |e| {
                    format!(
                        "{:+.1}%{}",
                        e * 100.0,
                        if e.abs() > args.tolerance { " !" } else { "" }
                    )
                }),
                if r.no_direct_service {
                    format!(
                        "{} (no direct train in the model: with changes)",
                        lines.join(" + ")
                    )
                } else {
                    lines.join(" + ")
                },
            ]);
        }
        print!("{}", t.render());
        println!(
            "{} rows · median |error| {:.1}% · worst {} · {} outside ±{:.0}%",
            results.len(),
            median * 100.0,
            worst.map_or("-".into(), |(e, r)| format!(
                "{:.1}% ({})",
                e * 100.0,
                r.row.id
            )),
            outside,
            args.tolerance * 100.0
        );
        if no_direct > 0 {
            println!(
                "{no_direct} direct-train rows have no single train in the model and are measured with changes"
            );
        }
    }
    Ok(if args.strict && outside > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}
