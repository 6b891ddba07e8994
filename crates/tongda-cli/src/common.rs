//! Shared CLI plumbing: loading the network and parameters, and CLI errors.

use crate::options::Global;
use std::fmt;
use std::path::{Path, PathBuf};
use tongda_core::{io::load_geodata, Network, TimeModel};

/// A failure the CLI reports: the message, a stable code, and whether it is
/// the user's input (exit 2) or a bug (exit 1).
#[derive(Debug)]
pub struct CliError {
    message: String,
    code: &'static str,
    internal: bool,
}

/// The stable error codes of `--json` errors, with what each means (the
/// README's table is checked against this list).
pub const ERROR_CODES: [(&str, &str); 11] = [
    (
        "bad_argument",
        "an option's value is malformed or out of range",
    ),
    (
        "bad_geometry",
        "a position (lon,lat, gcj02:…, bd09:…) cannot be read or is off the network",
    ),
    (
        "unknown_place",
        "a place, station or node name matches nothing",
    ),
    ("ambiguous_name", "a name matches several nodes or projects"),
    ("unknown_project", "a project id or name matches nothing"),
    ("bad_year", "a year the network cannot be asked about"),
    (
        "bad_scenario",
        "a scenario (or its goal file) is missing, malformed or has bad edits",
    ),
    ("bad_geodata", "the geodata have errors"),
    ("no_route", "the network does not connect two places"),
    ("io", "a file cannot be read or written"),
    ("internal", "a bug (exit 1)"),
];

impl CliError {
    /// Bad input (exit 2), code `bad_argument`.
    pub fn input(message: impl Into<String>) -> CliError {
        CliError::coded("bad_argument", message)
    }

    /// Bad input (exit 2) with a code from [`ERROR_CODES`].
    pub fn coded(code: &'static str, message: impl Into<String>) -> CliError {
        debug_assert!(ERROR_CODES.iter().any(|(c, _)| *c == code), "{code}");
        CliError {
            message: message.into(),
            code,
            internal: false,
        }
    }

    /// Internal failure (exit 1).
    pub fn internal(message: impl Into<String>) -> CliError {
        CliError {
            message: message.into(),
            code: "internal",
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

    /// The error as one JSON object, for `--json`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({"error": {
            "code": self.code,
            "message": self.message,
            "exit_code": self.exit_code(),
        }})
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "tongda: {}", self.message)
    }
}

impl From<tongda_core::Error> for CliError {
    /// The error's code and message; an output path is taken to be `--out`
    /// ([`output_err`] names another option).
    fn from(e: tongda_core::Error) -> CliError {
        output_err("--out", e)
    }
}

/// A core error of a command whose output path came from `flag`: the core
/// names the path, the CLI the option.
pub fn output_err(flag: &str, e: tongda_core::Error) -> CliError {
    use tongda_core::Error as E;
    if let E::Output(o) = &e {
        return CliError::input(format!("{flag} {o}"));
    }
    // The core says which directory to give; the CLI, with which option.
    let e = match e {
        E::Invalid(mut diags) => {
            for d in diags
                .iter_mut()
                .filter(|d| d.fix == tongda_core::io::GEODATA_DIR_FIX)
            {
                d.fix = format!("{} (--geodata DIR)", d.fix);
            }
            E::Invalid(diags)
        }
        other => other,
    };
    let code = match &e {
        E::Io { .. } | E::Write { .. } | E::Budget(_) => "io",
        E::UnknownName { .. } => "unknown_place",
        E::UnknownProject { .. } => "unknown_project",
        E::AmbiguousName { .. } => "ambiguous_name",
        E::BadParameter(_) | E::Output(_) => "bad_argument",
        E::Invalid(diags) => {
            let toml = diags
                .iter()
                .any(|d| d.file.extension().is_some_and(|x| x == "toml"));
            if toml {
                "bad_scenario"
            } else {
                "bad_geodata"
            }
        }
    };
    // A failed write (disk full, permission) is the environment's, not
    // the input's: exit 1, code `io`.
    if e.is_environment() {
        return CliError {
            message: e.to_string(),
            code: "io",
            internal: true,
        };
    }
    CliError::coded(code, e.to_string())
}

/// Result of a CLI command.
pub type CliResult<T> = Result<T, CliError>;

/// Refuses a year the network cannot be asked about (`flag` names the option).
pub fn check_year(net: &Network, flag: &str, year: i32) -> CliResult<()> {
    net.check_year(year).map_err(|e| {
        CliError::coded(
            "bad_year",
            format!("{flag} {year}: {} — fix: {}", e.message, e.fix),
        )
    })
}

/// Options of the commands on the network (not on a scenario).
#[derive(Debug, Clone, clap::Args)]
pub struct NetworkArgs {
    /// TOML file overriding time-model parameters (default: GEODATA/timemodel.toml if present).
    #[arg(long)]
    pub params: Option<PathBuf>,
}

/// Reads the time model: defaults overlaid with `params` (or the geodata's timemodel.toml).
pub fn load_time_model(args: &NetworkArgs, g: &Global) -> CliResult<TimeModel> {
    let path = match &args.params {
        Some(p) => p.clone(),
        None => {
            let p = g.geodata_dir().join("timemodel.toml");
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
    // Regular files only, at most 64 MiB (tongda_core::io::budget).
    tongda_core::io::budget::read_text(path).map_err(|e| CliError::coded("io", e.to_string()))
}

/// Loads the network (errors are fatal; warnings are dropped) and the time model.
pub fn load_network(args: &NetworkArgs, g: &Global) -> CliResult<(Network, TimeModel)> {
    let tm = load_time_model(args, g)?;
    let report = load_geodata_report(g)?;
    Ok((report.into_network()?, tm))
}

/// Reads the geodata of `--geodata` (default geodata/), with a hint when the directory is missing.
pub fn load_geodata_report(g: &Global) -> CliResult<tongda_core::io::LoadReport> {
    load_geodata(&g.geodata_dir()).map_err(geodata_err)
}

/// An error of reading the geodata: one that could not be read gets a hint
/// that the geodata directory is taken from the current directory.
pub fn geodata_err(e: tongda_core::Error) -> CliError {
    match e {
        tongda_core::Error::Io { path, source } => CliError::coded(
            "io",
            format!(
                "cannot read {}: {source} (run from the repository root or pass --geodata DIR)",
                path.display()
            ),
        ),
        other => other.into(),
    }
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
            crate::pool::with_threads(n, f).map_err(|e| CliError::internal(e.to_string()))?
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn output_errors_name_the_option_the_path_came_from() {
        let e = || {
            tongda_core::io::atomic::split_file_output(std::path::Path::new("page/"))
                .expect_err("a directory")
        };
        let html = super::output_err("--html", e());
        assert!(html
            .to_string()
            .starts_with("tongda: --html page/: names a directory"));
        assert_eq!(html.exit_code(), 2);
        let out: super::CliError = e().into();
        assert!(out
            .to_string()
            .starts_with("tongda: --out page/: names a directory"));
        assert_eq!(out.to_json()["error"]["code"], "bad_argument");
    }

    #[test]
    fn every_error_code_is_in_the_readme_table() {
        let readme = include_str!("../../../README.md");
        for (code, _) in super::ERROR_CODES {
            assert!(
                readme.contains(&format!("| `{code}` |")),
                "README: no row for `{code}`"
            );
        }
    }
}
