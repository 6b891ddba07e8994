//! The raster grid: a regular lon/lat lattice over the network's extent.

use super::error::{IsoError, IsoResult};
use super::params::{IsoParams, MAX_CELLS};
use crate::Network;

/// Kilometres per degree of latitude (mean Earth radius 6371.0088 km).
pub const KM_PER_DEG: f64 = 6371.0088 * std::f64::consts::PI / 180.0;

/// Latitude at which grid cells are exactly `cell_km` wide (the region spans
/// 27.7–32°N, so cells are within ±4 % of square everywhere in it).
pub const REFERENCE_LAT: f64 = 30.0;

/// Straight-line distance in km between two nearby positions, on a local
/// equirectangular plane (error below 0.1 % within 100 km).
#[inline]
pub fn local_km(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    let mid = ((lat1 + lat2) * 0.5).to_radians();
    let dx = (lon2 - lon1) * KM_PER_DEG * mid.cos();
    let dy = (lat2 - lat1) * KM_PER_DEG;
    (dx * dx + dy * dy).sqrt()
}

/// A lattice of sample points `(west + i·dlon, south + j·dlat)` for
/// `i < nx`, `j < ny`, row `j = 0` to the south. The lattice is anchored at
/// lon 0 / lat 0, so the same cell size gives the same sample points whatever
/// the extent.
///
/// ```
/// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
/// use tongda_core::iso::{Grid, IsoParams};
/// let net = tongda_core::io::load_geodata(&mini).unwrap().into_network().unwrap();
/// let grid = Grid::covering(&net, &IsoParams::default()).unwrap();
/// let chengdu = net.node("chengdu").unwrap().coord;
/// let (i, j) = grid.cell_of(chengdu.x, chengdu.y).unwrap();
/// let (lon, lat) = grid.sample(i, j);
/// assert!((lon - chengdu.x).abs() <= grid.dlon && (lat - chengdu.y).abs() <= grid.dlat);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Longitude of column 0.
    pub west: f64,
    /// Latitude of row 0.
    pub south: f64,
    /// Degrees of longitude between columns.
    pub dlon: f64,
    /// Degrees of latitude between rows.
    pub dlat: f64,
    /// Columns.
    pub nx: usize,
    /// Rows.
    pub ny: usize,
}

impl Grid {
    /// The grid covering every node of `net` with a margin of twice the access
    /// radius plus two cells: a position origin is within the radius of some
    /// node, and its own off-network disc reaches one radius farther, so no
    /// sample near the grid's edge is ever reached (a band never runs along it).
    pub fn covering(net: &Network, p: &IsoParams) -> IsoResult<Grid> {
        p.check()?;
        if net.nodes.is_empty() {
            return Err(IsoError::BadParameter("the network has no nodes".into()));
        }
        let (mut w, mut e, mut s, mut n) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for node in &net.nodes {
            w = w.min(node.coord.x);
            e = e.max(node.coord.x);
            s = s.min(node.coord.y);
            n = n.max(node.coord.y);
        }
        let dlat = p.cell_km / KM_PER_DEG;
        let dlon = p.cell_km / (KM_PER_DEG * REFERENCE_LAT.to_radians().cos());
        let margin_km = 2.0 * p.radius_km + 2.0 * p.cell_km;
        // Longitude margin at the extent's most poleward latitude (the widest in degrees).
        let coslat = s.abs().max(n.abs()).min(80.0).to_radians().cos();
        let mlon = margin_km / (KM_PER_DEG * coslat);
        let mlat = margin_km / KM_PER_DEG;
        let i0 = ((w - mlon) / dlon).floor();
        let i1 = ((e + mlon) / dlon).ceil();
        let j0 = ((s - mlat) / dlat).floor();
        let j1 = ((n + mlat) / dlat).ceil();
        let nx = (i1 - i0) as usize + 1;
        let ny = (j1 - j0) as usize + 1;
        if nx.saturating_mul(ny) > MAX_CELLS {
            return Err(IsoError::TooManyCells {
                cell_km: p.cell_km,
                nx,
                ny,
            });
        }
        Ok(Grid {
            west: i0 * dlon,
            south: j0 * dlat,
            dlon,
            dlat,
            nx,
            ny,
        })
    }

    /// Number of samples.
    pub fn len(&self) -> usize {
        self.nx * self.ny
    }

    /// True if the grid has no samples.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Position of sample `(i, j)`: `(lon, lat)`.
    #[inline]
    pub fn sample(&self, i: usize, j: usize) -> (f64, f64) {
        (
            self.west + i as f64 * self.dlon,
            self.south + j as f64 * self.dlat,
        )
    }

    /// The lower-left sample `(i, j)` of the grid square holding `(lon, lat)`,
    /// if the point lies inside the grid.
    pub fn cell_of(&self, lon: f64, lat: f64) -> Option<(usize, usize)> {
        let x = (lon - self.west) / self.dlon;
        let y = (lat - self.south) / self.dlat;
        if !(x >= 0.0 && y >= 0.0) {
            return None;
        }
        let (i, j) = (x.floor() as usize, y.floor() as usize);
        (i + 1 < self.nx && j + 1 < self.ny).then_some((i, j))
    }

    /// The sample window `(i0..=i1, j0..=j1)` within `km` of `(lon, lat)` (clipped to the grid).
    pub fn window(&self, lon: f64, lat: f64, km: f64) -> Option<(usize, usize, usize, usize)> {
        let rlat = km / KM_PER_DEG;
        let rlon = km / (KM_PER_DEG * lat.to_radians().cos().max(0.1));
        let fi0 = ((lon - rlon - self.west) / self.dlon).ceil().max(0.0);
        let fi1 = ((lon + rlon - self.west) / self.dlon).floor();
        let fj0 = ((lat - rlat - self.south) / self.dlat).ceil().max(0.0);
        let fj1 = ((lat + rlat - self.south) / self.dlat).floor();
        if fi1 < fi0 || fj1 < fj0 || fi0 >= self.nx as f64 || fj0 >= self.ny as f64 {
            return None;
        }
        let i1 = (fi1 as usize).min(self.nx - 1);
        let j1 = (fj1 as usize).min(self.ny - 1);
        Some((fi0 as usize, i1, fj0 as usize, j1))
    }
}
