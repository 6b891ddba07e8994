//! One module per subcommand.

pub mod calibrate;
pub mod compare;
pub mod gen_graph;
pub mod inventory;
pub mod isochrone;
pub mod isochrones;
pub mod rank;
pub mod route;
pub mod run;
pub mod skim;
pub mod sssp;
pub mod timeline;
pub mod validate;
