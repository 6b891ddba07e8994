//! `tongda validate`: every error and warning in the geodata, at once.

use crate::common::{load_time_model, CliError, CliResult, NetworkArgs};
use std::process::ExitCode;
use tongda_core::io::{load_geodata, validate::network_warnings};
use tongda_core::Severity;

/// Arguments of `tongda validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    net: NetworkArgs,
}

/// Prints all diagnostics; exit 2 if any is an error.
pub fn run(args: Args) -> CliResult<ExitCode> {
    let tm = load_time_model(&args.net)?;
    let report = load_geodata(&args.net.geodata).map_err(|e| match e {
        tongda_core::Error::Io { path, source } => CliError::input(format!(
            "cannot read {}: {source} (run from the repository root or pass --geodata DIR)",
            path.display()
        )),
        other => other.into(),
    })?;
    let mut diags = report.diagnostics.clone();
    let counts = report
        .network
        .as_ref()
        .map(|n| (n.nodes.len(), n.links.len()));
    if let Some(net) = &report.network {
        diags.extend(network_warnings(net, &tm, &report.file_of));
    }
    for d in &diags {
        println!("{d}");
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
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
