//! Snapping a `lon,lat` to the network: every usable node within the access
//! radius (an R-tree query), nearest first.

use super::error::{IsoError, IsoResult};
use super::grid::{local_km, KM_PER_DEG, REFERENCE_LAT};
use crate::graph::RoutingGraph;
use crate::model::NodeIdx;
use crate::Network;
use rstar::primitives::GeomWithData;
use rstar::RTree;

type Entry = GeomWithData<[f64; 2], NodeIdx>;

/// A network node reached off the network from a point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Access {
    /// The node.
    pub node: NodeIdx,
    /// Straight-line distance from the point, km.
    pub km: f64,
}

/// An R-tree of the nodes a trip can enter the compiled graph at (nodes with
/// at least one outgoing arc: places, served stations and ports, interchanges).
///
/// ```
/// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
/// use tongda_core::{graph::{GraphSpec, RoutingGraph}, iso::Snapper, Profile, TimeModel};
/// let net = tongda_core::io::load_geodata(&mini).unwrap().into_network().unwrap();
/// let g = RoutingGraph::compile(&net, &TimeModel::default(), &GraphSpec::new(Profile::Passenger, 2024));
/// let snapper = Snapper::new(&net, &g);
/// let near = snapper.within(104.07, 30.58, 30.0);
/// assert_eq!(net.nodes[near[0].node as usize].id, "chengdu");
/// assert!(near[0].km < 1.5);
/// ```
#[derive(Debug, Clone)]
pub struct Snapper {
    tree: RTree<Entry>,
    coords: Vec<(f64, f64)>,
}

fn plane(lon: f64, lat: f64) -> [f64; 2] {
    [
        lon * KM_PER_DEG * REFERENCE_LAT.to_radians().cos(),
        lat * KM_PER_DEG,
    ]
}

impl Snapper {
    /// Indexes the usable nodes of `net` in `g`.
    pub fn new(net: &Network, g: &RoutingGraph) -> Snapper {
        let n = net.nodes.len().min(g.csr.num_vertices());
        let entries: Vec<Entry> = (0..n as NodeIdx)
            .filter(|&v| !g.csr.arcs(v).is_empty())
            .map(|v| {
                let c = net.nodes[v as usize].coord;
                GeomWithData::new(plane(c.x, c.y), v)
            })
            .collect();
        Snapper {
            tree: RTree::bulk_load(entries),
            coords: net.nodes.iter().map(|n| (n.coord.x, n.coord.y)).collect(),
        }
    }

    /// True if no node is usable.
    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }

    /// Usable nodes within `radius_km` of `(lon, lat)`, nearest first (ties by node index).
    pub fn within(&self, lon: f64, lat: f64, radius_km: f64) -> Vec<Access> {
        // The plane is exact east–west at 30°N only: search a little wider, then measure.
        let r = radius_km * 1.1 + 1.0;
        let mut out: Vec<Access> = self
            .tree
            .locate_within_distance(plane(lon, lat), r * r)
            .map(|e| {
                let (x, y) = self.coords[e.data as usize];
                Access {
                    node: e.data,
                    km: local_km(lon, lat, x, y),
                }
            })
            .filter(|a| a.km <= radius_km)
            .collect();
        out.sort_by(|a, b| a.km.total_cmp(&b.km).then(a.node.cmp(&b.node)));
        out
    }

    /// The nearest usable node, whatever its distance.
    pub fn nearest(&self, lon: f64, lat: f64) -> Option<Access> {
        let q = plane(lon, lat);
        // Candidates up to 10 % beyond the planar nearest cover the plane's distortion.
        let first = self.tree.nearest_neighbor(q)?;
        let d0 = {
            let dx = first.geom()[0] - q[0];
            let dy = first.geom()[1] - q[1];
            (dx * dx + dy * dy).sqrt()
        };
        let r = d0 * 1.1 + 1.0;
        self.tree
            .locate_within_distance(q, r * r)
            .map(|e| {
                let (x, y) = self.coords[e.data as usize];
                Access {
                    node: e.data,
                    km: local_km(lon, lat, x, y),
                }
            })
            .min_by(|a, b| a.km.total_cmp(&b.km).then(a.node.cmp(&b.node)))
    }

    /// Like [`Snapper::within`], but an error naming the nearest node when none is in reach.
    pub fn snap(
        &self,
        input: &str,
        lon: f64,
        lat: f64,
        radius_km: f64,
        net: &Network,
    ) -> IsoResult<Vec<Access>> {
        let found = self.within(lon, lat, radius_km);
        if !found.is_empty() {
            return Ok(found);
        }
        match self.nearest(lon, lat) {
            Some(a) => Err(IsoError::OffNetwork {
                input: input.to_string(),
                distance_km: a.km,
                nearest: net.label(&net.nodes[a.node as usize]),
                radius_km,
            }),
            None => Err(IsoError::coordinate(
                input,
                "the network has no node a trip can start from for this profile and year",
            )),
        }
    }
}
