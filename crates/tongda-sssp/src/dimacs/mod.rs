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

mod error;
mod parse;
mod read;
mod write;

pub use error::{DimacsError, LineError};
pub use parse::{parse_co, parse_gr};
pub use read::{read_co, read_gr, MAX_FILE_BYTES};
pub use write::{write_co, write_gr};

use crate::{CsrGraph, VertexId, Weight};

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
