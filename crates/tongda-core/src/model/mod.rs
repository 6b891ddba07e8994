//! The network model: places, stations and the links between them, as read
//! from the geodata. This is the editable, human-scale representation;
//! routing runs on the compiled graph built from it by [`crate::graph`].

mod network;
mod service;
mod types;
mod uncertainty;

pub use network::{Network, NodeIdx, ProjectInfo, YearError, LAST_YEAR};
pub use service::{Service, ServicePathError, ServicePaths, Traction, SERVICE_DAY_MIN};
pub use types::{Link, Mode, Node, NodeKind, Province, Status};
pub use uncertainty::{InputKind, Spread, Uncertain};

/// Plausible bounds of the region, `(min_lon, min_lat, max_lon, max_lat)`:
/// Sichuan and Chongqing with a margin. Positions outside are refused,
/// whether in the geodata or as isochrone origins.
pub const REGION_BOUNDS: (f64, f64, f64, f64) = (97.0, 26.0, 111.0, 34.5);
