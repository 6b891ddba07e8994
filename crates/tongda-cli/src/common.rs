//! Shared CLI plumbing: loading the network and parameters, and CLI errors.

use std::fmt;
use std::path::{Path, PathBuf};
use tongda_core::{io::load_geodata, Network, TimeModel};

/// A failure the CLI reports: the message and whether it is the user's input.
#[derive(Debug)]
pub struct CliError {
    message: String,
    internal: bool,
}

impl CliError {
    /// Bad input (exit 2).
    pub fn input(message: impl Into<String>) -> CliError {
        CliError {
            message: message.into(),
            internal: false,
        }
    }

    /// Internal failure (exit 1).
    pub fn internal(message: impl Into<String>) -> CliError {
        CliError {
            message: message.into(),
            internal: true,
        }
    }

    /// The process exit code.
    pub fn exit_code(&self) -> u8 {
        if self.internal {
            1
        } else {
            2
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "tongda: {}", self.message)
    }
}

impl From<tongda_core::Error> for CliError {
    fn from(e: tongda_core::Error) -> CliError {
        CliError::input(e.to_string())
    }
}

/// Result of a CLI command.
pub type CliResult<T> = Result<T, CliError>;

/// Refuses a year the network cannot be asked about (`flag` names the option).
pub fn check_year(net: &Network, flag: &str, year: i32) -> CliResult<()> {
    net.check_year(year)
        .map_err(|e| CliError::input(format!("{flag} {year}: {} — fix: {}", e.message, e.fix)))
}

/// Options for finding the network, shared by every subcommand.
#[derive(Debug, Clone, clap::Args)]
pub struct NetworkArgs {
    /// Directory of the network's GeoJSON files.
    #[arg(long, default_value = "geodata")]
    pub geodata: PathBuf,
    /// TOML file overriding time-model parameters (default: GEODATA/timemodel.toml if present).
    #[arg(long)]
    pub params: Option<PathBuf>,
}

/// Reads the time model: defaults overlaid with `params` (or the geodata's timemodel.toml).
pub fn load_time_model(args: &NetworkArgs) -> CliResult<TimeModel> {
    let path = match &args.params {
        Some(p) => p.clone(),
        None => {
            let p = args.geodata.join("timemodel.toml");
            if !p.exists() {
                return Ok(TimeModel::default());
            }
            p
        }
    };
    let text = read_text(&path)?;
    Ok(TimeModel::from_toml_overrides(
        &text,
        &path.display().to_string(),
    )?)
}

/// Reads a text file with a clear error.
pub fn read_text(path: &Path) -> CliResult<String> {
    std::fs::read_to_string(path)
        .map_err(|e| CliError::input(format!("cannot read {}: {e}", path.display())))
}

/// Loads the network (errors are fatal; warnings are dropped) and the time model.
pub fn load_network(args: &NetworkArgs) -> CliResult<(Network, TimeModel)> {
    let tm = load_time_model(args)?;
    let report = load_geodata(&args.geodata).map_err(|e| match e {
        tongda_core::Error::Io { path, source } => CliError::input(format!(
            "cannot read {}: {source} (run from the repository root or pass --geodata DIR)",
            path.display()
        )),
        other => other.into(),
    })?;
    Ok((report.into_network()?, tm))
}

/// Minutes with one decimal, from seconds.
pub fn minutes(seconds: u32) -> f64 {
    (f64::from(seconds) / 6.0).round() / 10.0
}

/// A value rounded to one decimal.
pub fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The most worker threads a command starts. Each has its own stack, so a
/// typo such as `--threads 100000` would exhaust memory and abort the process.
pub const MAX_THREADS: usize = 1024;

/// Refuses a `--threads` count above [`MAX_THREADS`].
pub fn check_threads(n: usize) -> CliResult<()> {
    if n <= MAX_THREADS {
        return Ok(());
    }
    let cores = std::thread::available_parallelism().map_or(1, |p| p.get());
    Err(CliError::input(format!(
        "--threads {n} is more than {MAX_THREADS} — fix: use 1 to {MAX_THREADS} (this machine has {cores} cores; more threads than cores gain nothing)"
    )))
}

/// Runs `f` on a rayon pool of `threads` workers (default: rayon's global pool).
pub fn with_threads<T>(
    threads: Option<usize>,
    f: impl FnOnce() -> CliResult<T> + Send,
) -> CliResult<T>
where
    T: Send,
{
    match threads {
        None => f(),
        Some(0) => Err(CliError::input("--threads must be at least 1")),
        Some(n) => {
            check_threads(n)?;
            tongda_core::sweep::with_threads(n, f).map_err(|e| CliError::internal(e.to_string()))?
        }
    }
}
