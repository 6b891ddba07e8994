//! Shortest paths on the compiled graph: the router that turns model places
//! into sources/targets and paths into legs, on the Dijkstra engine of
//! `tongda_sssp` (re-exported here).

mod legs;
mod one_ride;
mod router;

pub use legs::{legs_of_path, Leg, LegKind};
pub use one_ride::one_ride_graph;
pub use router::{Endpoint, Route, Router};
pub use tongda_sssp::{Dijkstra, QuadHeap};
