//! The errors of reading DIMACS files.

/// What is wrong with a DIMACS file.
#[derive(Debug, thiserror::Error)]
pub enum DimacsError {
    /// The file could not be read, is not a regular file, or is larger
    /// than [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES).
    #[error(transparent)]
    Read(#[from] crate::budget::ReadError),
    /// A line is malformed.
    #[error("line {line}: {kind}")]
    Line {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        kind: LineError,
    },
    /// The file has no problem line.
    #[error(
        "no problem line: a .gr file needs `p sp <nodes> <arcs>`, a .co file `p aux sp co <nodes>`"
    )]
    MissingProblemLine,
    /// The number of arcs (or coordinates) differs from the problem line.
    #[error("the problem line (line {line}) declares {declared} {what} but the file has {found}")]
    CountMismatch {
        /// Line of the problem line.
        line: usize,
        /// `arcs` or `coordinates`.
        what: &'static str,
        /// Declared count.
        declared: u64,
        /// Count found.
        found: u64,
    },
}

/// What is wrong with one line of a DIMACS file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineError {
    /// The line starts with an unknown letter.
    #[error("unknown line type {0:?}: expected c, p or {1}")]
    UnknownLineType(String, char),
    /// The problem line is not `p sp N M` / `p aux sp co N`.
    #[error("malformed problem line: expected `{0}`")]
    BadProblemLine(&'static str),
    /// A second problem line.
    #[error("a second problem line (the first is on line {0})")]
    DuplicateProblemLine(usize),
    /// A data line before the problem line.
    #[error("{0} line before the problem line")]
    BeforeProblemLine(char),
    /// Wrong number of fields on a data line.
    #[error("expected {expected} fields, found {found}")]
    FieldCount {
        /// Fields expected (including the letter).
        expected: usize,
        /// Fields found.
        found: usize,
    },
    /// A field is not an integer in range.
    #[error("{field} {value:?} is not {expect}")]
    BadNumber {
        /// Which field (`tail`, `head`, `weight`, `id`, `x`, `y`, `nodes`, `arcs`).
        field: &'static str,
        /// The text found.
        value: String,
        /// What was expected.
        expect: &'static str,
    },
    /// A node id outside `1..=n`.
    #[error("{field} {id} is out of range 1..={n}")]
    NodeOutOfRange {
        /// Which field.
        field: &'static str,
        /// The id found.
        id: u64,
        /// Number of nodes declared.
        n: usize,
    },
    /// Too many nodes for 32-bit ids.
    #[error("{0} nodes is more than tongda's 32-bit vertex ids allow")]
    TooManyNodes(u64),
    /// The problem line declares more than the file's bytes can hold.
    #[error("the problem line declares {declared} {what}, more than a file of {bytes} bytes can hold (at most {most}) — fix: correct the counts on the problem line")]
    CountBeyondFile {
        /// `arcs` or `nodes`.
        what: &'static str,
        /// Declared count.
        declared: u64,
        /// The most the file can hold.
        most: u64,
        /// The file's size.
        bytes: usize,
    },
    /// A coordinate given twice.
    #[error("coordinates of node {0} given twice")]
    DuplicateCoordinate(u64),
}
