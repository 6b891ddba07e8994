//! DIMACS 9th-challenge shortest-path files: `.gr` (arcs) and `.co`
//! (coordinates), so the same graph can be run here and in other tools.
//!
//! ```text
//! c comment lines start with c
//! p sp <nodes> <arcs>          one problem line, before any arc
//! a <tail> <head> <weight>     one line per arc; ids 1-based, weight >= 0
//! ```
//!
//! ```text
//! p aux sp co <nodes>
//! v <id> <x> <y>               integer coordinates (DIMACS: micro-degrees, x = longitude)
//! ```
//!
//! Inside tongda vertex ids are 0-based: file id `k` is vertex `k - 1`.
//! Reading never panics on bad input: every problem is a [`DimacsError`] that
//! names the 1-based line.
//!
//! Budgets, checked on the problem line before anything is allocated: an arc
//! line takes at least 8 bytes (`a 1 2 3` and its line break), so a `.gr`
//! file of B bytes declares at most B/8 arcs, and at most 2 × arcs +
//! [`ISOLATED_NODES`] nodes (every node beyond 2 × arcs has no arc); a `.co`
//! file of B bytes declares at most B/8 nodes (each needs its `v` line).
//! A weight is below 4294967295, which marks "unreached". [`read_gr`] and
//! [`read_co`] read at most [`MAX_FILE_BYTES`], from a regular file or from
//! standard input (`-`).
//!
//! ```
//! use tongda_sssp::dimacs::{parse_gr, write_gr};
//! let text = "c tiny\np sp 3 2\na 1 2 7\na 2 3 5\n";
//! let gr = parse_gr(text.as_bytes())?;
//! assert_eq!(gr.num_vertices, 3);
//! assert_eq!(gr.arcs, vec![(0, 1, 7), (1, 2, 5)]);
//! let mut out = Vec::new();
//! write_gr(&mut out, gr.num_vertices, &gr.arcs, &[]).unwrap();
//! assert_eq!(parse_gr(&out)?, gr);
//! # Ok::<(), tongda_sssp::dimacs::DimacsError>(())
//! ```

use crate::{CsrGraph, VertexId, Weight};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// What is wrong with a DIMACS file.
#[derive(Debug, thiserror::Error)]
pub enum DimacsError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{path}: larger than {limit} bytes, the most tongda reads from one input — fix: check that this is the intended file (README, \"Errors and exit codes\", lists the limits)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit, bytes.
        limit: u64,
    },
    /// The path is not a regular file (a FIFO, a device, a directory).
    #[error(
        "{path} is {kind}, not a regular file — fix: give a regular file (or - for standard input)"
    )]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is.
        kind: &'static str,
    },
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

/// Nodes without any arc a `.gr` file may declare beyond 2 × its arcs.
pub const ISOLATED_NODES: u64 = 1 << 20;

/// The largest arc weight: one less than [`crate::INFINITY`], which means "unreached".
pub const MAX_WEIGHT: Weight = crate::INFINITY - 1;

/// A graph read from a `.gr` file, with 0-based vertex ids.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GrGraph {
    /// Number of vertices (from the problem line).
    pub num_vertices: usize,
    /// `(tail, head, weight)` in file order, 0-based.
    pub arcs: Vec<(VertexId, VertexId, Weight)>,
}

impl GrGraph {
    /// An upper bound of any shortest path's length: the sum over vertices
    /// of the heaviest arc into each (a shortest path enters each vertex at
    /// most once). Below [`crate::INFINITY`], no distance can overflow.
    pub fn path_bound(&self) -> u64 {
        let mut heaviest = vec![0u32; self.num_vertices];
        for &(_, h, w) in &self.arcs {
            let slot = &mut heaviest[h as usize];
            *slot = (*slot).max(w);
        }
        heaviest.iter().map(|&w| u64::from(w)).sum()
    }

    /// The CSR graph of these arcs (arcs leaving a vertex keep file order).
    pub fn to_csr(&self) -> CsrGraph {
        CsrGraph::from_arcs(self.num_vertices, &self.arcs).0
    }
}

fn line_err(line: usize, kind: LineError) -> DimacsError {
    DimacsError::Line { line, kind }
}

/// Splits `text` into `(1-based line number, line without \r\n)`.
fn lines(text: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    text.split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix(b"\r").unwrap_or(l)))
}

/// Whitespace-separated fields of a line (at most 6; `count` has the true number).
struct Fields<'a> {
    f: [&'a [u8]; 6],
    count: usize,
}

fn fields(line: &[u8]) -> Fields<'_> {
    let mut f: [&[u8]; 6] = [&[]; 6];
    let mut count = 0;
    for tok in line
        .split(|b| b.is_ascii_whitespace())
        .filter(|t| !t.is_empty())
    {
        if count < 6 {
            f[count] = tok;
        }
        count += 1;
    }
    Fields { f, count }
}

fn show(tok: &[u8]) -> String {
    String::from_utf8_lossy(tok).into_owned()
}

/// Parses an unsigned decimal integer (no sign, digits only) up to `u64::MAX`.
#[inline]
fn parse_u64(tok: &[u8]) -> Option<u64> {
    if tok.is_empty() || tok.len() > 20 {
        return None;
    }
    let mut v: u64 = 0;
    for &b in tok {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        v = v.checked_mul(10)?.checked_add(u64::from(d))?;
    }
    Some(v)
}

fn parse_i32(tok: &[u8]) -> Option<i32> {
    let (neg, digits) = match tok.first() {
        Some(b'-') => (true, &tok[1..]),
        Some(b'+') => (false, &tok[1..]),
        _ => (false, tok),
    };
    let v = i64::try_from(parse_u64(digits)?).ok()?;
    i32::try_from(if neg { -v } else { v }).ok()
}

fn number(tok: &[u8], field: &'static str, line: usize) -> Result<u64, DimacsError> {
    parse_u64(tok).ok_or_else(|| {
        line_err(
            line,
            LineError::BadNumber {
                field,
                value: show(tok),
                expect: "a non-negative integer",
            },
        )
    })
}

fn node_id(
    tok: &[u8],
    field: &'static str,
    n: usize,
    line: usize,
) -> Result<VertexId, DimacsError> {
    let id = number(tok, field, line)?;
    if id == 0 || id > n as u64 {
        return Err(line_err(line, LineError::NodeOutOfRange { field, id, n }));
    }
    Ok((id - 1) as VertexId)
}

fn node_count(tok: &[u8], line: usize) -> Result<usize, DimacsError> {
    let n = number(tok, "nodes", line)?;
    if n >= u64::from(u32::MAX) {
        return Err(line_err(line, LineError::TooManyNodes(n)));
    }
    Ok(n as usize)
}

/// Parses the text of a `.gr` file.
pub fn parse_gr(text: &[u8]) -> Result<GrGraph, DimacsError> {
    const PROBLEM: &str = "p sp <nodes> <arcs>";
    let mut problem: Option<(usize, usize, u64)> = None; // (line, n, m)
    let mut arcs = Vec::new();
    for (ln, line) in lines(text) {
        match line.iter().find(|b| !b.is_ascii_whitespace()) {
            None | Some(b'c') => {}
            Some(b'a') => {
                let Some((_, n, _)) = problem else {
                    return Err(line_err(ln, LineError::BeforeProblemLine('a')));
                };
                let f = fields(line);
                if f.count != 4 || f.f[0] != b"a" {
                    return Err(line_err(
                        ln,
                        LineError::FieldCount {
                            expected: 4,
                            found: f.count,
                        },
                    ));
                }
                let t = node_id(f.f[1], "tail", n, ln)?;
                let h = node_id(f.f[2], "head", n, ln)?;
                let w = parse_u64(f.f[3])
                    .and_then(|w| Weight::try_from(w).ok())
                    .filter(|&w| w <= MAX_WEIGHT)
                    .ok_or_else(|| {
                        line_err(
                            ln,
                            LineError::BadNumber {
                                field: "weight",
                                value: show(f.f[3]),
                                expect: "an integer in 0..=4294967294 (4294967295 means unreached)",
                            },
                        )
                    })?;
                arcs.push((t, h, w));
            }
            Some(b'p') => {
                if let Some((first, _, _)) = problem {
                    return Err(line_err(ln, LineError::DuplicateProblemLine(first)));
                }
                let f = fields(line);
                if f.count != 4 || f.f[0] != b"p" || f.f[1] != b"sp" {
                    return Err(line_err(ln, LineError::BadProblemLine(PROBLEM)));
                }
                let n = node_count(f.f[2], ln)?;
                let m = number(f.f[3], "arcs", ln)?;
                let beyond = |what, declared, most| {
                    line_err(
                        ln,
                        LineError::CountBeyondFile {
                            what,
                            declared,
                            most,
                            bytes: text.len(),
                        },
                    )
                };
                let most_arcs = (text.len() as u64 + 1) / 8;
                if m > most_arcs {
                    return Err(beyond("arcs", m, most_arcs));
                }
                let most_nodes = 2 * m + ISOLATED_NODES;
                if n as u64 > most_nodes {
                    return Err(beyond("nodes", n as u64, most_nodes));
                }
                arcs.reserve(m as usize);
                problem = Some((ln, n, m));
            }
            Some(_) => {
                let tok = fields(line).f[0];
                return Err(line_err(ln, LineError::UnknownLineType(show(tok), 'a')));
            }
        }
    }
    let (pl, n, m) = problem.ok_or(DimacsError::MissingProblemLine)?;
    if arcs.len() as u64 != m {
        return Err(DimacsError::CountMismatch {
            line: pl,
            what: "arcs",
            declared: m,
            found: arcs.len() as u64,
        });
    }
    Ok(GrGraph {
        num_vertices: n,
        arcs,
    })
}

/// Parses the text of a `.co` file: the coordinates `(x, y)` of vertices
/// `0..n`. Every node must be given exactly once.
pub fn parse_co(text: &[u8]) -> Result<Vec<(i32, i32)>, DimacsError> {
    const PROBLEM: &str = "p aux sp co <nodes>";
    let mut problem: Option<(usize, usize)> = None;
    let mut coords: Vec<(i32, i32)> = Vec::new();
    let mut seen: Vec<bool> = Vec::new();
    let mut count = 0u64;
    for (ln, line) in lines(text) {
        match line.iter().find(|b| !b.is_ascii_whitespace()) {
            None | Some(b'c') => {}
            Some(b'v') => {
                let Some((_, n)) = problem else {
                    return Err(line_err(ln, LineError::BeforeProblemLine('v')));
                };
                let f = fields(line);
                if f.count != 4 || f.f[0] != b"v" {
                    return Err(line_err(
                        ln,
                        LineError::FieldCount {
                            expected: 4,
                            found: f.count,
                        },
                    ));
                }
                let v = node_id(f.f[1], "id", n, ln)? as usize;
                let coord = |i: usize, field| {
                    parse_i32(f.f[i]).ok_or_else(|| {
                        line_err(
                            ln,
                            LineError::BadNumber {
                                field,
                                value: show(f.f[i]),
                                expect: "a 32-bit integer",
                            },
                        )
                    })
                };
                let (x, y) = (coord(2, "x")?, coord(3, "y")?);
                if seen[v] {
                    return Err(line_err(ln, LineError::DuplicateCoordinate(v as u64 + 1)));
                }
                seen[v] = true;
                coords[v] = (x, y);
                count += 1;
            }
            Some(b'p') => {
                if let Some((first, _)) = problem {
                    return Err(line_err(ln, LineError::DuplicateProblemLine(first)));
                }
                let f = fields(line);
                if f.count != 5 || f.f[..4] != [b"p" as &[u8], b"aux", b"sp", b"co"] {
                    return Err(line_err(ln, LineError::BadProblemLine(PROBLEM)));
                }
                let n = node_count(f.f[4], ln)?;
                let most = (text.len() as u64 + 1) / 8;
                if n as u64 > most {
                    return Err(line_err(
                        ln,
                        LineError::CountBeyondFile {
                            what: "nodes",
                            declared: n as u64,
                            most,
                            bytes: text.len(),
                        },
                    ));
                }
                coords = vec![(0, 0); n];
                seen = vec![false; n];
                problem = Some((ln, n));
            }
            Some(_) => {
                let tok = fields(line).f[0];
                return Err(line_err(ln, LineError::UnknownLineType(show(tok), 'v')));
            }
        }
    }
    let (pl, n) = problem.ok_or(DimacsError::MissingProblemLine)?;
    if count != n as u64 {
        return Err(DimacsError::CountMismatch {
            line: pl,
            what: "coordinates",
            declared: n as u64,
            found: count,
        });
    }
    Ok(coords)
}

/// The most bytes read from one `.gr`/`.co` file: 2 GiB (the full USA road
/// graph of the 9th DIMACS challenge is 1.3 GB).
pub const MAX_FILE_BYTES: u64 = 2 << 30;

/// What a path that is not a regular file is, for messages.
fn file_kind(ft: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let special = [
            (ft.is_fifo(), "a FIFO (named pipe)"),
            (ft.is_char_device(), "a character device"),
            (ft.is_block_device(), "a block device"),
            (ft.is_socket(), "a socket"),
        ];
        if let Some(&(_, kind)) = special.iter().find(|k| k.0) {
            return kind;
        }
    }
    if ft.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Reads at most [`MAX_FILE_BYTES`] of `path`: a regular file, or standard
/// input as `-` or `/dev/stdin`. The type is checked before opening (opening
/// a FIFO blocks until a writer comes) and the size before reading, so no
/// input makes this allocate without bound.
fn read(path: &Path) -> Result<Vec<u8>, DimacsError> {
    let limit = MAX_FILE_BYTES;
    let os_err = |source| DimacsError::Io {
        path: path.to_path_buf(),
        source,
    };
    let too_large = || DimacsError::TooLarge {
        path: path.to_path_buf(),
        limit,
    };
    let mut buf = Vec::new();
    if path == Path::new("-") || path == Path::new("/dev/stdin") {
        let stdin = io::stdin().lock();
        stdin
            .take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(os_err)?;
    } else {
        let meta = std::fs::metadata(path).map_err(os_err)?;
        if !meta.is_file() {
            let kind = file_kind(meta.file_type());
            let path = path.to_path_buf();
            return Err(DimacsError::NotAFile { path, kind });
        }
        if meta.len() > limit {
            return Err(too_large());
        }
        buf.reserve_exact(meta.len() as usize);
        // The file may grow after the check: never read past the limit.
        let file = std::fs::File::open(path).map_err(os_err)?;
        file.take(limit + 1).read_to_end(&mut buf).map_err(os_err)?;
    }
    if buf.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(buf)
}

/// Reads a `.gr` file.
pub fn read_gr(path: &Path) -> Result<GrGraph, DimacsError> {
    parse_gr(&read(path)?)
}

/// Reads a `.co` file.
pub fn read_co(path: &Path) -> Result<Vec<(i32, i32)>, DimacsError> {
    parse_co(&read(path)?)
}

/// Appends the decimal digits of `v` to `buf`.
#[inline]
fn push_u64(buf: &mut Vec<u8>, mut v: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    buf.extend_from_slice(&tmp[i..]);
}

fn push_i32(buf: &mut Vec<u8>, v: i32) {
    if v < 0 {
        buf.push(b'-');
    }
    push_u64(buf, u64::from(v.unsigned_abs()));
}

fn comments(buf: &mut Vec<u8>, lines: &[&str]) {
    for c in lines {
        for l in c.lines() {
            buf.extend_from_slice(b"c ");
            buf.extend_from_slice(l.as_bytes());
            buf.push(b'\n');
        }
    }
}

/// Writes a `.gr` file: comment lines, the problem line, then the arcs in order.
pub fn write_gr<W: Write>(
    mut out: W,
    num_vertices: usize,
    arcs: &[(VertexId, VertexId, Weight)],
    comment: &[&str],
) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    comments(&mut buf, comment);
    buf.extend_from_slice(b"p sp ");
    push_u64(&mut buf, num_vertices as u64);
    buf.push(b' ');
    push_u64(&mut buf, arcs.len() as u64);
    buf.push(b'\n');
    for &(t, h, w) in arcs {
        buf.extend_from_slice(b"a ");
        push_u64(&mut buf, u64::from(t) + 1);
        buf.push(b' ');
        push_u64(&mut buf, u64::from(h) + 1);
        buf.push(b' ');
        push_u64(&mut buf, u64::from(w));
        buf.push(b'\n');
        if buf.len() > (1 << 16) - 64 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    out.flush()
}

/// Writes a `.co` file for vertices `0..coords.len()`.
pub fn write_co<W: Write>(mut out: W, coords: &[(i32, i32)], comment: &[&str]) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    comments(&mut buf, comment);
    buf.extend_from_slice(b"p aux sp co ");
    push_u64(&mut buf, coords.len() as u64);
    buf.push(b'\n');
    for (i, &(x, y)) in coords.iter().enumerate() {
        buf.extend_from_slice(b"v ");
        push_u64(&mut buf, i as u64 + 1);
        buf.push(b' ');
        push_i32(&mut buf, x);
        buf.push(b' ');
        push_i32(&mut buf, y);
        buf.push(b'\n');
        if buf.len() > (1 << 16) - 64 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err_of(text: &str) -> DimacsError {
        parse_gr(text.as_bytes()).unwrap_err()
    }

    #[test]
    fn reads_comments_blank_lines_and_crlf() {
        let g = parse_gr(b"c x\r\n\r\np sp 2 1\r\n  a 2 1 0\r\n").unwrap();
        assert_eq!(g.arcs, vec![(1, 0, 0)]);
    }

    #[test]
    fn line_numbers_in_errors() {
        match err_of("p sp 2 1\nc\na 1 3 4\n") {
            DimacsError::Line { line: 3, kind } => assert_eq!(
                kind,
                LineError::NodeOutOfRange {
                    field: "head",
                    id: 3,
                    n: 2
                }
            ),
            e => panic!("{e}"),
        }
        assert!(matches!(
            err_of("a 1 2 3\n"),
            DimacsError::Line {
                line: 1,
                kind: LineError::BeforeProblemLine('a')
            }
        ));
        assert!(matches!(
            err_of("p sp 2 1\na 1 2 -3\n"),
            DimacsError::Line {
                line: 2,
                kind: LineError::BadNumber {
                    field: "weight",
                    ..
                }
            }
        ));
        assert!(matches!(
            err_of("p sp 2 2\na 1 2 3\n"),
            DimacsError::CountMismatch {
                declared: 2,
                found: 1,
                ..
            }
        ));
    }

    #[test]
    fn coordinates_round_trip() {
        let c = vec![(-73530767, 41085396), (0, -1), (5, 7)];
        let mut out = Vec::new();
        write_co(&mut out, &c, &["test"]).unwrap();
        assert_eq!(parse_co(&out).unwrap(), c);
    }
}
