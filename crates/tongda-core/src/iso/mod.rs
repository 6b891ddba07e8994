//! Isochrones and population coverage.
//!
//! Data flow, one file per step:
//!
//! - [`params`]: method parameters and minute thresholds, checked;
//! - [`origin`]: origins (a place, or `lon,lat` checked for form and region);
//! - [`snap`]: an R-tree of the nodes a trip can enter the graph at;
//! - [`grid`]: the raster lattice over the network's extent;
//! - [`raster`]: node times from one (multi-source) Dijkstra, painted on the
//!   grid as cones of off-network travel;
//! - [`bands`]: isobands of the raster (the `contour` crate), mapped to lon/lat;
//! - [`coverage`]: population inside bands (method and limits documented there);
//! - [`engine`]: the above, in order, with per-thread buffers;
//! - [`geojson`]: the FeatureCollection writer; [`crs`]: optional reprojection
//!   (cargo feature `proj`);
//! - [`shard`], [`batch`]: `--shard K/N` and the batch index.
//!
//! The time of a grid sample is the minimum over network nodes within
//! `radius_km` of `node time + straight-line km × detour / access_kmh`; a
//! node's time is when the off-network part of a trip can start there (see
//! [`raster::node_times`]). Samples beyond every node's radius are not
//! reached: areas far from any modelled place, station or interchange stay
//! outside every band rather than being filled in by guesswork.

pub mod bands;
pub mod batch;
pub mod coverage;
pub mod crs;
pub mod engine;
pub mod error;
pub mod geojson;
pub mod grid;
pub mod origin;
pub mod params;
pub mod raster;
pub mod shard;
pub mod snap;

pub use batch::{index_csv, INDEX_FILE};
pub use coverage::Coverage;
pub use crs::{OutputCrs, Reprojector};
pub use engine::{Band, IsoEngine, Isochrone, Placed, Workspace, WGS84_DECIMALS};
pub use error::{IsoError, IsoInput, IsoResult};
pub use geojson::{render, IsoMeta};
pub use grid::Grid;
pub use origin::{Origin, OriginSpec};
pub use params::{IsoParams, Minutes, MAX_MINUTES, MAX_THRESHOLDS};
pub use shard::Shard;
pub use snap::{Access, Snapper};
