//! # tongda-sssp
//!
//! One-to-all shortest paths on large directed graphs with `u32` weights:
//! the engine behind `tongda sssp` and `tongda gen-graph`, and the Dijkstra
//! that tongda's router runs on the region network.
//!
//! - [`CsrGraph`] and [`Dijkstra`]: a compact graph and a Dijkstra with
//!   predecessors and reusable buffers;
//! - [`sweep`]: the distances-only hot loop for one-to-all sweeps;
//! - [`ch`]: contraction hierarchies and PHAST, for many sweeps on one graph;
//! - [`dimacs`]: DIMACS `.gr`/`.co` files; [`synth`]: road-like test graphs.

#![warn(missing_docs)]

pub mod ch;
mod csr;
mod dijkstra;
pub mod dimacs;
mod heap;
pub mod sweep;
pub mod synth;

pub use csr::{CsrGraph, VertexId, Weight, INFINITY};
pub use dijkstra::Dijkstra;
pub use heap::QuadHeap;
