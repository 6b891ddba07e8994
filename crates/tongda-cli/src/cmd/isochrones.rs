//! `tongda isochrones` (filled in by the isochrone work).

use crate::common::{CliError, CliResult};
use std::process::ExitCode;

/// Arguments of `tongda isochrones`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Not written yet.
pub fn run(_args: Args) -> CliResult<ExitCode> {
    Err(CliError::input("tongda isochrones is not available in this build yet"))
}
