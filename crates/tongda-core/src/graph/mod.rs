//! Compiling the model into an immutable routing graph for one profile and
//! year, stored as `tongda_sssp`'s [`CsrGraph`] (re-exported here with its
//! vertex, weight and unreached types).

mod compile;
mod connectivity;
mod direct;
mod kinds;
mod reweight;
mod runs;
mod scenario_spec;
mod spec;

pub use compile::{mode_params, EdgeKind, GraphSpec, RoutingGraph, Vertex};
pub use connectivity::{network_warnings, unreachable_nodes};
pub use direct::{ChainArcs, DirectRide};
pub use reweight::Reweighter;
pub use tongda_sssp::{CsrGraph, VertexId, Weight, INFINITY};
