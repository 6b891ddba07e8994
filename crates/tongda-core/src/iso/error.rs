//! The errors of the isochrone module.

use std::fmt;

/// An input of an isochrone request, as messages name it. The library
/// names it by what it means ([`IsoInput::meaning`]); a caller may name it
/// its own way ([`IsoError::message`]), as the CLI does with its flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IsoInput {
    /// The minute thresholds ([`super::Minutes`]).
    Minutes,
    /// The grid cell size ([`super::IsoParams::cell_km`]).
    CellKm,
    /// The speed off the network ([`super::IsoParams::access_kmh`]).
    AccessKmh,
    /// The detour factor off the network ([`super::IsoParams::detour`]).
    Detour,
    /// The access radius ([`super::IsoParams::radius_km`]).
    RadiusKm,
    /// The part of a batch run ([`super::Shard`]).
    Shard,
    /// The output CRS ([`super::OutputCrs`]).
    Crs,
}

impl IsoInput {
    /// What the input is, in words (`the cell size (km)`).
    pub fn meaning(self) -> &'static str {
        match self {
            IsoInput::Minutes => "the list of minute thresholds",
            IsoInput::CellKm => "the cell size (km)",
            IsoInput::AccessKmh => "the access speed (km/h)",
            IsoInput::Detour => "the detour factor",
            IsoInput::RadiusKm => "the access radius (km)",
            IsoInput::Shard => "the shard",
            IsoInput::Crs => "the output CRS",
        }
    }
}

/// What can go wrong when computing or writing isochrones.
///
/// Every variant but [`IsoError::Internal`] is a problem with the caller's
/// input (the CLI exits with code 2 for those); the message says what is
/// wrong and how to fix it, naming the inputs by what they mean
/// ([`IsoInput`]); [`IsoError::message`] names them otherwise.
#[derive(Debug, thiserror::Error)]
pub enum IsoError {
    /// A `lon,lat` origin that cannot be read or used.
    BadCoordinate {
        /// What the user gave.
        input: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// A `lon,lat` origin farther from the network than the access radius.
    OffNetwork {
        /// What the user gave.
        input: String,
        /// Distance to the nearest node that can be used, km.
        distance_km: f64,
        /// That node (`id (名称 / Name)`).
        nearest: String,
        /// The access radius, km.
        radius_km: f64,
    },
    /// The minute thresholds are unusable (empty, not increasing, ≤ 0, above
    /// the cap): why, worded to follow the thresholds' name.
    BadMinutes(String),
    /// A method parameter outside its documented range.
    OutOfRange {
        /// The parameter.
        input: IsoInput,
        /// Its value.
        value: f64,
        /// The smallest value allowed.
        min: f64,
        /// The largest value allowed.
        max: f64,
        /// What the values mean (`5 walking, 15 cycling, 30 local roads`).
        hint: &'static str,
    },
    /// An access radius below the cell size: bands would miss the nodes' own cells.
    RadiusBelowCell {
        /// The access radius, km.
        radius_km: f64,
        /// The cell size, km.
        cell_km: f64,
    },
    /// A grid of more than [`super::params::MAX_CELLS`] cells.
    TooManyCells {
        /// The cell size, km.
        cell_km: f64,
        /// Columns.
        nx: usize,
        /// Rows.
        ny: usize,
    },
    /// The network cannot carry isochrones (it has no nodes).
    BadParameter(String),
    /// A part `K/N` of a batch run that cannot be used.
    BadShard {
        /// What the user gave.
        input: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// An origin list (set name or file) that cannot be used.
    BadOrigins(String),
    /// An output CRS that cannot be used (or a build without the `proj` feature).
    BadCrs {
        /// What the user gave.
        input: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// A name that matches no node, or several (from [`crate::Network::resolve`]).
    Model(#[from] crate::Error),
    /// A bug: contouring or reprojection failed on input that passed the checks.
    Internal(String),
}

impl IsoError {
    /// True when the error is the caller's input (as opposed to a bug).
    pub fn is_input(&self) -> bool {
        !matches!(self, IsoError::Internal(_))
    }

    pub(crate) fn coordinate(input: &str, reason: impl fmt::Display) -> IsoError {
        IsoError::BadCoordinate {
            // A 20-kB line is not echoed whole.
            input: crate::io::budget::excerpt(input, MAX_ECHO),
            reason: reason.to_string(),
        }
    }

    /// The message with each input named by `name`: the error's
    /// [`Display`](fmt::Display) is `message(IsoInput::meaning)`, and the CLI
    /// passes the flags that set the inputs.
    ///
    /// ```
    /// use tongda_core::iso::{IsoError, IsoInput, IsoParams};
    /// let e = IsoParams { cell_km: 0.05, ..IsoParams::default() }.check().unwrap_err();
    /// assert!(e.to_string().starts_with("the cell size (km) 0.05 is out of range: use 0.1 to 20"));
    /// let flag = |i| if i == IsoInput::CellKm { "--cell-km" } else { "--other" };
    /// assert!(e.message(flag).starts_with("--cell-km 0.05 is out of range"));
    /// ```
    pub fn message(&self, name: impl Fn(IsoInput) -> &'static str) -> String {
        match self {
            IsoError::BadCoordinate { input, reason } => format!("origin \"{input}\": {reason}"),
            IsoError::OffNetwork {
                input,
                distance_km,
                nearest,
                radius_km,
            } => format!(
                "origin \"{input}\" is {distance_km:.1} km from the nearest usable network node \
                 ({nearest}); the access radius is {radius_km} km — pick a point nearer a place or \
                 station, or raise {}",
                name(IsoInput::RadiusKm)
            ),
            IsoError::BadMinutes(reason) => format!("{} {reason}", name(IsoInput::Minutes)),
            IsoError::OutOfRange {
                input,
                value,
                min,
                max,
                hint,
            } => format!(
                "{} {value} is out of range: use {min} to {max} ({hint})",
                name(*input)
            ),
            IsoError::RadiusBelowCell { radius_km, cell_km } => format!(
                "{} {radius_km} is smaller than {} {cell_km}: bands would miss the nodes' own cells",
                name(IsoInput::RadiusKm),
                name(IsoInput::CellKm)
            ),
            IsoError::TooManyCells { cell_km, nx, ny } => format!(
                "a {cell_km} km grid over the network needs {nx} × {ny} cells, more than {}: \
                 raise {}",
                super::params::MAX_CELLS,
                name(IsoInput::CellKm)
            ),
            IsoError::BadShard { input, reason } => {
                format!("{} \"{input}\": {reason}", name(IsoInput::Shard))
            }
            IsoError::BadCrs { input, reason } => {
                format!("{} \"{input}\": {reason}", name(IsoInput::Crs))
            }
            IsoError::BadParameter(m) | IsoError::BadOrigins(m) => m.clone(),
            IsoError::Model(e) => e.to_string(),
            IsoError::Internal(m) => format!("internal error: {m}"),
        }
    }
}

impl fmt::Display for IsoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(IsoInput::meaning))
    }
}

/// The most characters of a user's input echoed in a message.
pub const MAX_ECHO: usize = 80;

/// The most errors of an origins file listed in one message.
pub const MAX_LISTED: usize = 20;

/// Result alias of the isochrone module.
pub type IsoResult<T> = std::result::Result<T, IsoError>;
