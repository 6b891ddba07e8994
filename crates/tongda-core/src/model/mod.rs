//! The network model: places, stations and the links between them, as read
//! from the geodata. This is the editable, human-scale representation;
//! routing runs on the compiled graph built from it by [`crate::graph`].

mod network;
mod service;
mod types;
mod uncertainty;

pub use network::{Network, NodeIdx, ProjectInfo, YearError, LAST_YEAR};
pub use service::{Service, ServicePaths, SERVICE_DAY_MIN};
pub use types::{Link, Mode, Node, NodeKind, Province, Status};
pub use uncertainty::{InputKind, Spread, Uncertain};
