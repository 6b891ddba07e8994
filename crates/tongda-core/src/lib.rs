//! # tongda-core
//!
//! The library behind `tongda` (通达), a transport network simulator of the
//! Chengdu–Chongqing economic circle. Data flows one way:
//!
//! files ([`io`]) → model ([`model`]) → compiled graph ([`graph`]) → sweeps
//! ([`route`]) → results.
//!
//! ```
//! use tongda_core::{io::load_geodata, graph::{GraphSpec, RoutingGraph}, route::Router};
//! use tongda_core::{Measure, Profile, TimeModel};
//!
//! # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
//! let net = load_geodata(&mini)?.into_network()?;
//! let graph = RoutingGraph::compile(&net, &TimeModel::default(), &GraphSpec::new(Profile::Passenger, 2024));
//! let mut router = Router::new(&net, &graph);
//! let route = router
//!     .route(net.resolve("成都")?, net.resolve("重庆")?, Measure::DoorToDoor)
//!     .expect("connected");
//! println!("{:.0} min over {} legs", route.minutes(), route.legs.len());
//! # Ok::<(), tongda_core::Error>(())
//! ```

#![warn(missing_docs)]

pub mod analysis;
pub mod calibration;
pub mod chinacrs;
pub mod error;
pub mod export;
pub mod goal;
pub mod graph;
pub mod inventory;
pub mod io;
pub mod iso;
pub mod model;
pub mod population;
pub mod report;
pub mod robust;
pub mod route;
pub mod scenario;
pub mod skim;
pub mod stats;
pub mod text;
pub mod timemodel;
pub mod units;

pub use error::{Diagnostic, Error, OutputError, Result, Severity};
pub use model::Network;
pub use timemodel::{Measure, Profile, TimeModel};
