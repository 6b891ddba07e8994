//! Contouring the raster into bands with the `contour` crate (marching
//! squares, linear interpolation), then mapping the rings to lon/lat.

use super::error::{IsoError, IsoResult};
use super::grid::Grid;
use super::params::Minutes;
use super::raster::TimeRaster;
use crate::units::round_to;
use geo::orient::Direction;
use geo::{Coord, LineString, MultiPolygon, Orient, Polygon};

/// One band of an isochrone before its statistics: the area reached in
/// `(minutes_min, minutes_max]` (the first band from 0 inclusive).
#[derive(Debug, Clone, PartialEq)]
pub struct BandShape {
    /// Lower bound, minutes (exclusive; 0 for the first band).
    pub minutes_min: u32,
    /// Upper bound, minutes (inclusive).
    pub minutes_max: u32,
    /// WGS84 geometry, exteriors counter-clockwise, coordinates rounded.
    pub geometry: MultiPolygon<f64>,
}

/// Rounds a ring's coordinates, drops consecutive repeats, keeps it closed;
/// `None` when fewer than three distinct points remain.
pub(crate) fn clean_ring(
    coords: impl Iterator<Item = Coord<f64>>,
    decimals: i32,
) -> Option<LineString<f64>> {
    let mut out: Vec<Coord<f64>> = Vec::new();
    for c in coords {
        let c = Coord {
            x: round_to(c.x, decimals),
            y: round_to(c.y, decimals),
        };
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    while out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    if out.len() < 3 {
        return None;
    }
    out.push(out[0]);
    Some(LineString::new(out))
}

/// Rounds and cleans every ring, drops degenerate ones, orients by the
/// right-hand rule (RFC 7946: exteriors counter-clockwise, holes clockwise).
pub(crate) fn clean_multipolygon(mp: MultiPolygon<f64>, decimals: i32) -> MultiPolygon<f64> {
    let polys = mp
        .into_iter()
        .filter_map(|p| {
            let (ext, ints) = p.into_inner();
            let ext = clean_ring(ext.0.into_iter(), decimals)?;
            let ints = ints
                .into_iter()
                .filter_map(|r| clean_ring(r.0.into_iter(), decimals))
                .collect();
            Some(Polygon::new(ext, ints))
        })
        .collect();
    MultiPolygon::new(polys).orient(Direction::Default)
}

/// Contours `raster` into one band per threshold. Samples at or above `cap`
/// (seconds; above the last threshold) count as not reached. Thresholds sit
/// half a second above whole minutes, so integer sample times never equal
/// one and no ring passes exactly through a sample.
///
/// The bands come from one isoband computation: neighbouring bands share
/// their boundary rings exactly, so they tile without overlap or gap and
/// the union of bands `≤ T` is nested in the union `≤ T'` for `T < T'`.
pub fn contour(
    raster: &TimeRaster,
    grid: &Grid,
    minutes: &Minutes,
    cap: u32,
    decimals: i32,
    values: &mut Vec<f64>,
) -> IsoResult<Vec<BandShape>> {
    let ms = minutes.as_slice();
    let empty = || {
        ms.iter()
            .enumerate()
            .map(|(k, &m)| BandShape {
                minutes_min: if k == 0 { 0 } else { ms[k - 1] },
                minutes_max: m,
                geometry: MultiPolygon::new(vec![]),
            })
            .collect()
    };
    let Some((i0, i1, j0, j1)) = raster.extent_below(grid, cap) else {
        return Ok(empty());
    };
    // Two unreached samples of margin on every side (outside the grid counts as unreached).
    let (i0, j0) = (i0.saturating_sub(2), j0.saturating_sub(2));
    let (i1, j1) = ((i1 + 2).min(grid.nx - 1), (j1 + 2).min(grid.ny - 1));
    let (w, h) = (i1 - i0 + 1, j1 - j0 + 1);
    values.clear();
    values.reserve(w * h);
    for j in j0..=j1 {
        let row = &raster.seconds[j * grid.nx + i0..=j * grid.nx + i1];
        values.extend(row.iter().map(|&v| -f64::from(v.min(cap))));
    }
    // isobands wants increasing thresholds: negated times, largest first.
    let mut thresholds: Vec<f64> = ms
        .iter()
        .rev()
        .map(|&m| -(f64::from(m * 60) + 0.5))
        .collect();
    thresholds.push(0.5);
    let bands = contour::ContourBuilder::new(w, h, true)
        .isobands(values, &thresholds)
        .map_err(|e| IsoError::Internal(format!("contouring failed: {e:?}")))?;
    if bands.len() != ms.len() {
        return Err(IsoError::Internal(format!(
            "contouring gave {} bands for {} thresholds",
            bands.len(),
            ms.len()
        )));
    }
    // Sample (i, j) sits at contour coordinates (i + 0.5, j + 0.5).
    let (west, south) = grid.sample(i0, j0);
    let to_lonlat = |c: Coord<f64>| Coord {
        x: west + (c.x - 0.5) * grid.dlon,
        y: south + (c.y - 0.5) * grid.dlat,
    };
    let mut out: Vec<BandShape> = empty();
    for (k, band) in bands.into_iter().enumerate() {
        let (mp, _, _) = band.into_inner();
        let mapped: MultiPolygon<f64> = MultiPolygon::new(
            mp.into_iter()
                .map(|p| {
                    let (ext, ints) = p.into_inner();
                    Polygon::new(
                        ext.0.into_iter().map(to_lonlat).collect(),
                        ints.into_iter()
                            .map(|r| r.0.into_iter().map(to_lonlat).collect())
                            .collect(),
                    )
                })
                .collect(),
        );
        // Band k of the negated field is threshold index n-1-k.
        let idx = ms.len() - 1 - k;
        out[idx].geometry = clean_multipolygon(mapped, decimals);
    }
    Ok(out)
}
