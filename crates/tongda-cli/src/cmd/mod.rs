//! One module per subcommand.

pub mod calibrate;
pub mod changes;
pub mod compare;
pub mod export;
pub mod gen_graph;
pub mod inventory;
pub mod isochrone;
pub mod isochrones;
pub mod list;
pub mod rank;
pub mod route;
pub mod run;
pub mod skim;
pub mod sssp;
pub mod timeline;
pub mod validate;
