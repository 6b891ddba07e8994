//! Reading the geodata (with validation) and writing results.

mod geodata;
mod props;
pub mod validate;

pub use geodata::{load_geodata, load_geodata_files, LoadReport, REGION_BOUNDS};
