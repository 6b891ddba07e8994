//! `tongda gen-graph`: road-like synthetic graphs (owned by the hot-loop work).

use crate::common::{CliError, CliResult};
use std::process::ExitCode;

/// Arguments of `tongda gen-graph`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Not written yet.
pub fn run(_args: Args) -> CliResult<ExitCode> {
    Err(CliError::input(
        "tongda gen-graph is not available in this build yet",
    ))
}
