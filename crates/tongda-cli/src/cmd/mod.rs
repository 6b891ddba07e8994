//! One module per subcommand.

pub mod calibrate;
pub mod gen_graph;
pub mod inventory;
pub mod route;
pub mod run;
pub mod sssp;
pub mod validate;
