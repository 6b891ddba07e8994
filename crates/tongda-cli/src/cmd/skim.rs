//! `tongda skim` (filled in by the isochrone work).

use crate::common::{CliError, CliResult};
use std::process::ExitCode;

/// Arguments of `tongda skim`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Not written yet.
pub fn run(_args: Args) -> CliResult<ExitCode> {
    Err(CliError::input("tongda skim is not available in this build yet"))
}
