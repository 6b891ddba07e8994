//! `tongda validate`: every error and warning in the geodata, at once.

use crate::common::{load_geodata_report, load_time_model, CliResult, NetworkArgs};
use crate::options::Global;
use std::process::ExitCode;
use tongda_core::graph::network_warnings;
use tongda_core::Severity;

/// Arguments of `tongda validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    net: NetworkArgs,
}

/// Prints all diagnostics; exit 2 if any is an error.
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    let tm = load_time_model(&args.net, g)?;
    let report = load_geodata_report(g)?;
    let mut diags = report.diagnostics.clone();
    let counts = report
        .network
        .as_ref()
        .map(|n| (n.nodes.len(), n.links.len()));
    if let Some(net) = &report.network {
        diags.extend(network_warnings(net, &tm, &report.file_of));
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    if g.json {
        let v = serde_json::json!({"errors": errors, "warnings": warnings, "files": report.files.len(),
            "nodes": counts.map(|c| c.0), "links": counts.map(|c| c.1), "diagnostics": diags});
        println!("{v}");
        return Ok(if errors > 0 {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        });
    }
    for d in &diags {
        println!("{d}");
    }
    let what = match counts {
        Some((n, l)) => format!(" ({n} nodes, {l} links)"),
        None => String::new(),
    };
    println!(
        "{errors} error(s), {warnings} warning(s) in {} file(s){what}",
        report.files.len()
    );
    Ok(if errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
