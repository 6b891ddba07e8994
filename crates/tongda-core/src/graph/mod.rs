//! Compiling the model into an immutable routing graph for one profile and year.

mod compile;
mod connectivity;
mod csr;
mod reweight;
mod runs;
mod scenario_spec;
mod spec;

pub use compile::{mode_params, EdgeKind, GraphSpec, RoutingGraph, Vertex};
pub use connectivity::{network_warnings, unreachable_nodes};
pub use csr::{CsrGraph, VertexId, Weight, INFINITY};
pub use reweight::Reweighter;
