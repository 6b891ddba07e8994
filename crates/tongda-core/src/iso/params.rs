//! Method parameters (grid cell, access speed, detour, radius) and the
//! minute thresholds, with their defaults, limits and checks.

use super::error::{IsoError, IsoInput, IsoResult};

/// Largest threshold accepted, minutes (12 h: every part of the region is
/// reached well within it; larger values are almost always a typo such as
/// seconds given for minutes).
pub const MAX_MINUTES: u32 = 720;

/// Most thresholds in one request.
pub const MAX_THRESHOLDS: usize = 12;

/// Most grid cells (the grid is held as `f64` and `u32`, 12 bytes a cell):
/// 64 million lets a 0.1 km cell, the documented minimum, cover the whole
/// region (47 million cells, about 0.5 GB).
pub const MAX_CELLS: usize = 64_000_000;

/// How the space between the network's nodes is crossed.
///
/// A cell's time is the minimum over network nodes within `radius_km` of
/// `node time + distance × detour / access_kmh`: the last (and, for a
/// `lon,lat` origin, first) part of a trip is made off the modelled network,
/// on local roads, at `access_kmh` along a road `detour` times longer than
/// the straight line.
///
/// ```
/// use tongda_core::iso::IsoParams;
/// let p = IsoParams::default();
/// assert_eq!((p.cell_km, p.access_kmh, p.detour, p.radius_km), (1.0, 30.0, 1.3, 30.0));
/// // 10 km straight line off the network take 26 minutes
/// assert_eq!(p.access_seconds(10.0), 1560);
/// assert!(IsoParams { cell_km: 0.0, ..p }.check().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IsoParams {
    /// Grid cell size, km (default 1 km; east–west size exact at 30°N).
    pub cell_km: f64,
    /// Speed off the network (local roads, urban streets), km/h (default 30).
    pub access_kmh: f64,
    /// Road distance / straight-line distance off the network (default 1.3).
    pub detour: f64,
    /// Farthest straight-line distance travelled off the network, km (default 30).
    pub radius_km: f64,
}

impl Default for IsoParams {
    fn default() -> Self {
        IsoParams {
            cell_km: 1.0,
            access_kmh: 30.0,
            detour: 1.3,
            radius_km: 30.0,
        }
    }
}

impl IsoParams {
    /// Checks every parameter against its documented range.
    pub fn check(&self) -> IsoResult<()> {
        let range = |input: IsoInput, value: f64, min: f64, max: f64, hint: &'static str| {
            if value.is_finite() && value >= min && value <= max {
                Ok(())
            } else {
                Err(IsoError::OutOfRange {
                    input,
                    value,
                    min,
                    max,
                    hint,
                })
            }
        };
        range(
            IsoInput::CellKm,
            self.cell_km,
            0.1,
            20.0,
            "1 km suits the region; coarser is faster",
        )?;
        range(
            IsoInput::AccessKmh,
            self.access_kmh,
            1.0,
            120.0,
            "5 walking, 15 cycling, 30 local roads",
        )?;
        range(
            IsoInput::Detour,
            self.detour,
            1.0,
            3.0,
            "road distance / straight-line distance",
        )?;
        range(
            IsoInput::RadiusKm,
            self.radius_km,
            0.5,
            200.0,
            "how far from a node one travels off the network",
        )?;
        if self.radius_km < self.cell_km {
            return Err(IsoError::RadiusBelowCell {
                radius_km: self.radius_km,
                cell_km: self.cell_km,
            });
        }
        Ok(())
    }

    /// Seconds to travel `km` (straight line) off the network, rounded.
    pub fn access_seconds(&self, km: f64) -> u32 {
        (km * self.detour / self.access_kmh * 3600.0).round() as u32
    }

    /// Seconds to cross one cell off the network.
    pub fn cell_seconds(&self) -> u32 {
        self.access_seconds(self.cell_km).max(1)
    }
}

/// Minute thresholds: strictly increasing whole minutes in `1..=MAX_MINUTES`,
/// at most [`MAX_THRESHOLDS`] of them. Band `k` holds the times in
/// `(T[k-1], T[k]]` (the first band from 0).
///
/// ```
/// use tongda_core::iso::Minutes;
/// let m: Minutes = "30,60, 90,120".parse().unwrap();
/// assert_eq!(m.as_slice(), &[30, 60, 90, 120]);
/// for bad in ["", "60,30", "0,30", "-30", "30,30", "90.5", "30,100000", "NaN"] {
///     assert!(bad.parse::<Minutes>().is_err(), "{bad}");
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Minutes(Vec<u32>);

impl Minutes {
    /// Checks and wraps a list of thresholds.
    pub fn new(values: Vec<u32>) -> IsoResult<Minutes> {
        if values.is_empty() {
            return Err(IsoError::BadMinutes(
                "is empty: give thresholds such as 30,60,90,120".into(),
            ));
        }
        if values.len() > MAX_THRESHOLDS {
            return Err(IsoError::BadMinutes(format!(
                "has {} thresholds: at most {MAX_THRESHOLDS}",
                values.len()
            )));
        }
        for w in values.windows(2) {
            if w[1] <= w[0] {
                return Err(IsoError::BadMinutes(format!(
                    "must increase strictly: {} then {}",
                    w[0], w[1]
                )));
            }
        }
        if values[0] == 0 {
            return Err(IsoError::BadMinutes(
                "contains 0, which is not a threshold: thresholds are positive minutes".into(),
            ));
        }
        let last = values[values.len() - 1];
        if last > MAX_MINUTES {
            return Err(IsoError::BadMinutes(format!(
                "contains {last}, above the cap of {MAX_MINUTES} min (12 h); the whole region is \
                 reached well within it (were seconds given instead of minutes?)"
            )));
        }
        Ok(Minutes(values))
    }

    /// The thresholds, increasing.
    pub fn as_slice(&self) -> &[u32] {
        &self.0
    }

    /// The largest threshold.
    pub fn max(&self) -> u32 {
        self.0[self.0.len() - 1]
    }

    /// The smallest threshold `≥ seconds / 60`, in seconds, if any.
    pub fn ceiling_seconds(&self, seconds: u32) -> Option<u32> {
        self.0.iter().map(|&m| m * 60).find(|&s| s >= seconds)
    }
}

impl std::str::FromStr for Minutes {
    type Err = IsoError;

    fn from_str(s: &str) -> IsoResult<Minutes> {
        if s.trim().is_empty() {
            return Minutes::new(Vec::new());
        }
        let values = s
            .split(',')
            .map(|p| {
                let p = p.trim();
                p.parse::<u32>().map_err(|_| {
                    IsoError::BadMinutes(format!(
                        "contains \"{p}\", not a whole, positive number of minutes (e.g. 30,60,90,120)"
                    ))
                })
            })
            .collect::<IsoResult<Vec<u32>>>()?;
        Minutes::new(values)
    }
}
