//! Parsing `.gr` and `.co` text.

use super::{DimacsError, GrGraph, LineError, ISOLATED_NODES, MAX_WEIGHT};
use crate::{VertexId, Weight};

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
