//! Typed errors and validation diagnostics.

use std::fmt;
use std::path::PathBuf;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The data cannot be used until this is fixed.
    Error,
    /// Probably a mistake; the data can still be used.
    Warning,
}

/// One finding of validation: where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the finding is in.
    pub file: PathBuf,
    /// The feature id (or `feature #N` when it has none), if the finding is about one feature.
    pub feature: Option<String>,
    /// Line and column (1-based) for syntax errors.
    pub line_col: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl Diagnostic {
    /// A finding of `severity`, about one feature or (`None`) the whole file.
    pub fn new(
        severity: Severity,
        file: impl Into<PathBuf>,
        feature: Option<String>,
        message: String,
        fix: &str,
    ) -> Self {
        Diagnostic {
            severity,
            file: file.into(),
            feature,
            line_col: None,
            message,
            fix: fix.to_string(),
        }
    }

    /// An error about one feature.
    pub fn error(
        file: impl Into<PathBuf>,
        feature: Option<String>,
        message: String,
        fix: &str,
    ) -> Self {
        Diagnostic::new(Severity::Error, file, feature, message, fix)
    }

    /// A warning about one feature.
    pub fn warning(
        file: impl Into<PathBuf>,
        feature: Option<String>,
        message: String,
        fix: &str,
    ) -> Self {
        Diagnostic::new(Severity::Warning, file, feature, message, fix)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}: {}", self.file.display())?;
        if let Some((l, c)) = self.line_col {
            write!(f, ":{l}:{c}")?;
        }
        if let Some(id) = &self.feature {
            write!(f, ": feature \"{id}\"")?;
        }
        write!(f, ": {}", self.message)?;
        if !self.fix.is_empty() {
            write!(f, " — fix: {}", self.fix)?;
        }
        Ok(())
    }
}

/// Errors from loading and using the network and its parameters.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// An input refused by its byte budget: not a regular file, or larger
    /// than tongda reads from one input (see [`crate::io::budget`]). A read
    /// that fails is [`Error::Io`].
    #[error(transparent)]
    Budget(tongda_sssp::budget::ReadError),
    /// The input has errors; every one found is listed.
    #[error("{} error(s) in the input:\n{}", count_errors(.0), format_diags(.0))]
    Invalid(Vec<Diagnostic>),
    /// A name given by the user matched nothing.
    #[error("no place or node called \"{query}\"{}", did_you_mean(.suggestions))]
    UnknownName {
        /// What the user asked for.
        query: String,
        /// Closest matches, best first.
        suggestions: Vec<String>,
    },
    /// A project name or id given by the user matched nothing.
    #[error("no project called \"{query}\"{}", did_you_mean(.suggestions))]
    UnknownProject {
        /// What the user asked for.
        query: String,
        /// Closest matches (`id (名称)`), best first.
        suggestions: Vec<String>,
    },
    /// A name given by the user matched several nodes.
    #[error("\"{query}\" is ambiguous: it names {} — use an id", .candidates.join(", "))]
    AmbiguousName {
        /// What the user asked for.
        query: String,
        /// The matching nodes (`id (name)`).
        candidates: Vec<String>,
    },
    /// An output file could not be written (disk full, permission): an
    /// environment failure, not bad input (exit 1).
    #[error("cannot write {path}: {reason}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A parameter or option is out of range.
    #[error("{0}")]
    BadParameter(String),
    /// An output path that cannot be written as the command asks.
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// Why an output path cannot be written as the command asks
/// ([`crate::io::atomic`]); the caller names the option the path came from.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// A directory output names an existing file.
    #[error("{path}: is a file, not a directory — fix: give a directory (or remove the file)")]
    FileNotDirectory {
        /// The output directory.
        path: PathBuf,
    },
    /// A file to write is an existing directory.
    #[error("{path}: is a directory, not a file — fix: give a file name (e.g. {example})")]
    DirectoryNotFile {
        /// The file.
        path: PathBuf,
        /// A file name that would do.
        example: PathBuf,
    },
    /// A one-file output names a directory (a trailing `/`, `.`, an existing directory).
    #[error("{path}: names a directory, but this command writes one file — fix: give a file name (e.g. {example})")]
    NamesDirectory {
        /// The output.
        path: PathBuf,
        /// A file name that would do.
        example: PathBuf,
    },
    /// A file name that is not UTF-8.
    #[error("{path}: not a UTF-8 file name")]
    NotUtf8 {
        /// The output.
        path: PathBuf,
    },
    /// An output that would overwrite an input of the same run.
    #[error("{output}: would overwrite the input {input} of this run — fix: write the output somewhere else (e.g. out/)")]
    OverwritesInput {
        /// The output, as given.
        output: PathBuf,
        /// The input, as given.
        input: PathBuf,
    },
}

fn count_errors(d: &[Diagnostic]) -> usize {
    d.iter().filter(|d| d.severity == Severity::Error).count()
}

fn format_diags(d: &[Diagnostic]) -> String {
    d.iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("  {d}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn did_you_mean(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(" — did you mean: {}?", s.join(", "))
    }
}

impl From<tongda_sssp::budget::ReadError> for Error {
    fn from(e: tongda_sssp::budget::ReadError) -> Error {
        use tongda_sssp::budget::ReadError;
        match e {
            ReadError::Io { path, source } => Error::Io { path, source },
            budget => Error::Budget(budget),
        }
    }
}

impl Error {
    /// True for failures of the environment (a write failed: disk full,
    /// permission), which the CLI reports with exit 1 rather than 2.
    pub fn is_environment(&self) -> bool {
        matches!(self, Error::Write { .. })
    }
}

/// Result alias of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
