//! One module per subcommand.

pub mod route;
pub mod validate;
