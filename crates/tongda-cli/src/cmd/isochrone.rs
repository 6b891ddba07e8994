//! `tongda isochrone` (filled in by the isochrone work).

use crate::common::{CliError, CliResult};
use std::process::ExitCode;

/// Arguments of `tongda isochrone`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Not written yet.
pub fn run(_args: Args) -> CliResult<ExitCode> {
    Err(CliError::input("tongda isochrone is not available in this build yet"))
}
