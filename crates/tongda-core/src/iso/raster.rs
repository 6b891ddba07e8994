//! The travel-time raster: the time at each grid sample, the minimum over
//! the nodes reached of node time + off-network time.

use super::grid::{Grid, KM_PER_DEG};
use super::params::{IsoParams, Minutes};
use crate::graph::{RoutingGraph, Weight};
use crate::model::NodeIdx;
use crate::route::Dijkstra;
use crate::timemodel::Measure;
use crate::{Network, TimeModel};

/// Marks a sample no node reaches.
pub const UNREACHED: u32 = u32::MAX;

/// When each node can be left for the off-network part of a trip, from the
/// last Dijkstra run: the node's own vertex (a place's centre, an
/// interchange); for a station or port, its arrival side plus `egress_min`
/// (door-to-door) or the arrival itself (in-vehicle); in-vehicle also the
/// node's road vertex.
pub fn node_times(
    net: &Network,
    g: &RoutingGraph,
    tm: &TimeModel,
    measure: Measure,
    dj: &Dijkstra,
) -> Vec<Option<Weight>> {
    let egress = match measure {
        Measure::DoorToDoor => (tm.profile(g.spec.profile).egress_min * 60.0).round() as Weight,
        Measure::InVehicle => 0,
    };
    (0..net.nodes.len())
        .map(|n| {
            let mut best = dj.distance(n as NodeIdx);
            let mut take = |t: Option<Weight>| {
                if let Some(t) = t {
                    best = Some(best.map_or(t, |b| b.min(t)));
                }
            };
            if let Some(arr) = g.arrival.get(n).copied().flatten() {
                take(dj.distance(arr).map(|d| d.saturating_add(egress)));
            }
            if measure == Measure::InVehicle {
                if let Some(r) = g.road.get(n).copied().flatten() {
                    take(dj.distance(r));
                }
            }
            best
        })
        .collect()
}

/// Seconds at each grid sample (row-major, row 0 south), [`UNREACHED`] where
/// no node is within the access radius. Reused between isochrones.
#[derive(Debug, Clone, Default)]
pub struct TimeRaster {
    /// The values, `grid.nx × grid.ny`.
    pub seconds: Vec<u32>,
}

impl TimeRaster {
    /// Clears the raster for `grid` (keeps the allocation).
    pub fn reset(&mut self, grid: &Grid) {
        self.seconds.clear();
        self.seconds.resize(grid.len(), UNREACHED);
    }

    /// Lowers the samples around `(lon, lat)` to `t0 + off-network time`,
    /// up to the radius and never above `cap` seconds.
    pub fn paint(&mut self, grid: &Grid, p: &IsoParams, (lon, lat): (f64, f64), t0: u32, cap: u32) {
        if t0 > cap {
            return;
        }
        // Farther than this, the time is above the cap anyway.
        let by_cap = f64::from(cap - t0) / 3600.0 * p.access_kmh / p.detour;
        let reach = p.radius_km.min(by_cap + p.cell_km);
        let Some((i0, i1, j0, j1)) = grid.window(lon, lat, reach) else {
            return;
        };
        let per_km = p.detour / p.access_kmh * 3600.0;
        let kx = KM_PER_DEG * lat.to_radians().cos();
        let r2 = p.radius_km * p.radius_km;
        for j in j0..=j1 {
            let row = j * grid.nx;
            let dy = (grid.sample(0, j).1 - lat) * KM_PER_DEG;
            for i in i0..=i1 {
                let dx = (grid.sample(i, j).0 - lon) * kx;
                let d2 = dx * dx + dy * dy;
                if d2 > r2 {
                    continue;
                }
                let t = t0.saturating_add((d2.sqrt() * per_km).round() as u32);
                let v = &mut self.seconds[row + i];
                if t < *v {
                    *v = t;
                }
            }
        }
    }

    /// Makes sure a point reached at `t` seconds lies inside the band of the
    /// first threshold `≥ t`: the four samples around it are lowered to that
    /// threshold when they are above it. (At 1 km cells the cones alone put
    /// a node up to ~3.7 min later than its own time.)
    pub fn pin(&mut self, grid: &Grid, minutes: &Minutes, (lon, lat): (f64, f64), t: u32) {
        let (Some(ceiling), Some((i, j))) = (minutes.ceiling_seconds(t), grid.cell_of(lon, lat))
        else {
            return;
        };
        for (di, dj) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            let v = &mut self.seconds[(j + dj) * grid.nx + i + di];
            if *v > ceiling {
                *v = ceiling;
            }
        }
    }

    /// The sample window `(i0, i1, j0, j1)` holding every sample below `cap`, if any.
    pub fn extent_below(&self, grid: &Grid, cap: u32) -> Option<(usize, usize, usize, usize)> {
        let (mut i0, mut i1, mut j0, mut j1) = (usize::MAX, 0, usize::MAX, 0);
        for j in 0..grid.ny {
            let row = &self.seconds[j * grid.nx..(j + 1) * grid.nx];
            let Some(first) = row.iter().position(|&v| v < cap) else {
                continue;
            };
            let last = row.iter().rposition(|&v| v < cap).unwrap_or(first);
            i0 = i0.min(first);
            i1 = i1.max(last);
            j0 = j0.min(j);
            j1 = j1.max(j);
        }
        (i0 != usize::MAX).then_some((i0, i1, j0, j1))
    }
}
