//! The `tongda` command-line interface: parses arguments, runs the library,
//! prints results, and maps failures to exit codes (2 = bad input, 1 = internal).

mod cmd;
mod common;
mod options;
pub mod pool;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// tongda (通达): reachability of the Chengdu–Chongqing transport network.
#[derive(Debug, Parser)]
#[command(name = "tongda", version, about, long_about = None)]
struct Cli {
    #[command(flatten)]
    global: options::Global,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Evaluate a scenario's goals; write report.md, report.json, skim.csv, paths.geojson.
    Run(cmd::run::Args),
    /// For each goal, the first year it passes as projects open.
    Timeline(cmd::timeline::Args),
    /// Compare two scenarios: goals that flip, pairs that change, accessibility.
    Compare(cmd::compare::Args),
    /// Rank projects by their marginal effect on a scenario (parallel).
    Rank(cmd::rank::Args),
    /// Many-to-many travel times between all places of a scenario, as CSV.
    Skim(cmd::skim::Args),
    /// Isochrone bands (GeoJSON) around one origin.
    Isochrone(cmd::isochrone::Args),
    /// Isochrones for many origins (batch, shardable), one file per origin plus an index.
    Isochrones(cmd::isochrones::Args),
    /// Check the geodata: print every error and warning (exit 2 on errors).
    Validate(cmd::validate::Args),
    /// Fastest route between two places, with its legs.
    Route(cmd::route::Args),
    /// Kilometres by mode × status × province for a year, against official totals.
    Inventory(cmd::inventory::Args),
    /// Published scheduled times against the time model (median and worst error).
    Calibrate(cmd::calibrate::Args),
    /// List places, stations, projects, scenarios or goals (ids, names, kind, status, year).
    List(cmd::list::Args),
    /// The network of a year or scenario as GeoJSON or GeoPackage (nodes and links layers).
    Export(cmd::export::Args),
    /// Projects that open, retire or change speed between two years, with km by mode and province.
    Changes(cmd::changes::Args),
    /// One-to-all shortest paths on a DIMACS .gr graph, timed, with a checksum.
    Sssp(cmd::sssp::Args),
    /// Write a road-like synthetic graph as DIMACS .gr/.co files.
    GenGraph(cmd::gen_graph::Args),
}

/// Runs the CLI and returns the process exit code.
pub fn main() -> ExitCode {
    restore_default_sigpipe();
    // Known before parsing, so that argument errors too come as JSON.
    let json = std::env::args_os().skip(1).any(|a| a == "--json");
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            if !e.use_stderr() {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            if json {
                let err = common::CliError::input(e.render().to_string().trim().to_string());
                eprintln!("{}", err.to_json());
            } else {
                let _ = e.print();
            }
            return ExitCode::from(2);
        }
    };
    let g = cli.global;
    let result = match cli.command {
        Command::Run(a) => cmd::run::run(a, &g),
        Command::Timeline(a) => cmd::timeline::run(a, &g),
        Command::Compare(a) => cmd::compare::run(a, &g),
        Command::Rank(a) => cmd::rank::run(a, &g),
        Command::Skim(a) => cmd::skim::run(a, &g),
        Command::Isochrone(a) => cmd::isochrone::run(a, &g),
        Command::Isochrones(a) => cmd::isochrones::run(a, &g),
        Command::Validate(a) => cmd::validate::run(a, &g),
        Command::Route(a) => cmd::route::run(a, &g),
        Command::Inventory(a) => cmd::inventory::run(a, &g),
        Command::Calibrate(a) => cmd::calibrate::run(a, &g),
        Command::List(a) => cmd::list::run(a, &g),
        Command::Export(a) => cmd::export::run(a, &g),
        Command::Changes(a) => cmd::changes::run(a, &g),
        Command::Sssp(a) => cmd::sssp::run(a, &g),
        Command::GenGraph(a) => cmd::gen_graph::run(a, &g),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if g.json {
                eprintln!("{}", e.to_json());
            } else {
                eprintln!("{e}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}

/// Rust ignores SIGPIPE, so `tongda calibrate | head` made `println!` panic
/// once `head` closed the pipe. Restore the default action, as Unix tools
/// have it: the process ends quietly when its reader goes away.
#[cfg(unix)]
fn restore_default_sigpipe() {
    // SAFETY: called first in `main`, before any other thread exists;
    // SIG_DFL is a valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn restore_default_sigpipe() {}
