//! The errors of the isochrone module.

use std::fmt;

/// What can go wrong when computing or writing isochrones.
///
/// Every variant but [`IsoError::Internal`] is a problem with the caller's
/// input (the CLI exits with code 2 for those); the message says what is
/// wrong and how to fix it.
#[derive(Debug, thiserror::Error)]
pub enum IsoError {
    /// A `lon,lat` origin that cannot be read or used.
    #[error("origin \"{input}\": {reason}")]
    BadCoordinate {
        /// What the user gave.
        input: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// A `lon,lat` origin farther from the network than the access radius.
    #[error(
        "origin \"{input}\" is {distance_km:.1} km from the nearest usable network node \
         ({nearest}); the access radius is {radius_km} km — pick a point nearer a place or station, \
         or raise --radius-km"
    )]
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
    /// The minute thresholds are unusable (empty, not increasing, ≤ 0, above the cap).
    #[error("--minutes {0}")]
    BadMinutes(String),
    /// A method parameter is out of range (cell size, access speed, …).
    #[error("{0}")]
    BadParameter(String),
    /// A `--shard K/N` that cannot be used.
    #[error("--shard \"{input}\": {reason}")]
    BadShard {
        /// What the user gave.
        input: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// An origin list (set name or file) that cannot be used.
    #[error("{0}")]
    BadOrigins(String),
    /// An output CRS that cannot be used (or a build without the `proj` feature).
    #[error("--crs \"{input}\": {reason}")]
    BadCrs {
        /// What the user gave.
        input: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// A name that matches no node, or several (from [`crate::Network::resolve`]).
    #[error(transparent)]
    Model(#[from] crate::Error),
    /// A bug: contouring or reprojection failed on input that passed the checks.
    #[error("internal error: {0}")]
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
}

/// The most characters of a user's input echoed in a message.
pub const MAX_ECHO: usize = 80;

/// The most errors of an origins file listed in one message.
pub const MAX_LISTED: usize = 20;

/// Result alias of the isochrone module.
pub type IsoResult<T> = std::result::Result<T, IsoError>;
