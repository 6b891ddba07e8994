//! Reading the geodata (with validation) and writing results.

pub mod atomic;
pub mod budget;
pub mod csv_out;
mod geodata;
pub mod keys;
pub mod ranges;
pub mod services;
pub mod validate;

pub use geodata::{
    geodata_files, load_geodata, load_geodata_files, load_geodata_sources, LoadReport,
    GEODATA_DIR_FIX, REGION_BOUNDS,
};
pub(crate) use geodata::{possible_speed, Parsed};
