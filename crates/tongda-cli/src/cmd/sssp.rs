//! `tongda sssp`: one-to-all sweeps on a DIMACS graph (owned by the hot-loop work).

use crate::common::{CliError, CliResult};
use std::process::ExitCode;

/// Arguments of `tongda sssp`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Not written yet.
pub fn run(_args: Args) -> CliResult<ExitCode> {
    Err(CliError::input(
        "tongda sssp is not available in this build yet",
    ))
}
