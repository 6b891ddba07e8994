//! Population inside bands, and the share of the region's population
//! within a time of a set of origins.
//!
//! Method: population sits at place centres. Each place's 2020 census
//! population, made non-overlapping by [`crate::population::units`] (a city's
//! own population is its total minus its listed districts and counties), is
//! counted in the band whose polygon holds the place's position. Limits: a
//! unit's people are all counted at its centre, so a band that covers most
//! of a county but not its seat counts none of it, and one that covers only
//! the seat counts all of it; the error grows with the size of the units and
//! is largest for large, sparsely detailed prefectures (a prefecture listed
//! without its counties puts everyone at the prefecture seat).

use super::bands::BandShape;
use crate::model::NodeIdx;
use crate::Network;
use geo::{Intersects, Point};

/// Persons in each band: each unit is counted once, in the first band (by
/// increasing minutes) whose polygon holds its position (boundary included).
pub fn band_population(net: &Network, units: &[(NodeIdx, u64)], bands: &[BandShape]) -> Vec<u64> {
    let mut out = vec![0u64; bands.len()];
    for &(node, persons) in units {
        let c = net.nodes[node as usize].coord;
        let p = Point::new(c.x, c.y);
        if let Some(k) = bands.iter().position(|b| b.geometry.intersects(&p)) {
            out[k] = out[k].saturating_add(persons);
        }
    }
    out
}

/// Population within a time of the origins: the cumulative sum of the bands.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Coverage {
    /// The threshold, minutes.
    pub minutes: u32,
    /// Persons within `minutes`.
    pub persons: u64,
    /// `persons` / the population of every place of the network (0–1).
    pub share: f64,
}
