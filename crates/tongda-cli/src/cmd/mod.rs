//! One module per subcommand.

pub mod gen_graph;
pub mod route;
pub mod sssp;
pub mod validate;
