//! Compiling the model into an immutable routing graph for one profile and year.

mod compile;
mod csr;
mod runs;

pub use compile::{EdgeKind, GraphSpec, RoutingGraph, Vertex};
pub use csr::{CsrGraph, VertexId, Weight, INFINITY};
