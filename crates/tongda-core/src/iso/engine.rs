//! The isochrone engine: origins → Dijkstra → raster → bands → statistics.

use super::bands::{contour, BandShape};
use super::coverage::{band_population, Coverage};
use super::error::{IsoError, IsoResult};
use super::grid::Grid;
use super::origin::Origin;
use super::params::{IsoParams, Minutes};
use super::raster::{node_times, TimeRaster};
use super::snap::{Access, Snapper};
use crate::graph::{RoutingGraph, VertexId, Weight};
use crate::model::NodeIdx;
use crate::route::{Dijkstra, Endpoint};
use crate::timemodel::Measure;
use crate::units::round1;
use crate::{Network, TimeModel};
use geo::{GeodesicArea, MultiPolygon};

/// Decimal places of WGS84 coordinates in outputs (about 0.1 m).
pub const WGS84_DECIMALS: i32 = 6;

/// One band of an isochrone with its statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Lower bound, minutes (exclusive; 0 for the first band).
    pub minutes_min: u32,
    /// Upper bound, minutes (inclusive).
    pub minutes_max: u32,
    /// WGS84 geometry (RFC 7946 orientation, 6 decimals).
    pub geometry: MultiPolygon<f64>,
    /// Geodesic area of this band, km² (one decimal).
    pub area_km2: f64,
    /// Persons whose place centre lies in this band.
    pub population: u64,
    /// Area within `minutes_max` (this band and those before), km².
    pub area_within_km2: f64,
    /// Persons within `minutes_max`.
    pub population_within: u64,
}

/// How an origin enters the network.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The origin.
    pub origin: Origin,
    /// True for a node origin with links in the compiled graph: trips start at it.
    pub on_network: bool,
    /// Otherwise, the nodes entered off the network (nearest first) with
    /// their distance (possibly none, for an unlinked node far from all others).
    pub access: Vec<Access>,
}

impl Placed {
    /// The nearest node entered off the network, if the origin is not on it.
    pub fn snap(&self) -> Option<Access> {
        self.access.first().copied()
    }
}

/// The isochrone of one origin or a set of origins (the minimum over them).
#[derive(Debug, Clone, PartialEq)]
pub struct Isochrone {
    /// The origins and how each enters the network.
    pub origins: Vec<Placed>,
    /// The thresholds.
    pub minutes: Minutes,
    /// One band per threshold, increasing.
    pub bands: Vec<Band>,
    /// Population of every place of the network (the denominator of shares).
    pub population_total: u64,
    /// When each model node can be left for the off-network part of a trip, seconds.
    pub node_seconds: Vec<Option<Weight>>,
}

impl Isochrone {
    /// Persons and share of the network's population within each threshold.
    pub fn coverage(&self) -> Vec<Coverage> {
        self.bands
            .iter()
            .map(|b| Coverage {
                minutes: b.minutes_max,
                persons: b.population_within,
                share: if self.population_total == 0 {
                    0.0
                } else {
                    b.population_within as f64 / self.population_total as f64
                },
            })
            .collect()
    }
}

/// Reusable buffers of one isochrone query: Dijkstra labels, the raster and
/// the contour input.
#[derive(Debug, Clone)]
pub struct Workspace {
    dijkstra: Dijkstra,
    raster: TimeRaster,
    values: Vec<f64>,
}

/// Computes isochrones on one compiled graph. Build it once; reuse a
/// [`Workspace`] for many origins, e.g. through rayon's `map_init`, which
/// makes one per rayon job (a piece of the input; usually several per
/// thread: see [*Threads*](tongda_sssp#threads)). Results do not depend on
/// which workspace or thread computed them.
///
/// ```
/// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
/// use tongda_core::{graph::{GraphSpec, RoutingGraph}, Measure, Profile, TimeModel};
/// use tongda_core::iso::{IsoEngine, IsoParams, Minutes, Origin, OriginSpec};
/// let net = tongda_core::io::load_geodata(&mini).unwrap().into_network().unwrap();
/// let tm = TimeModel::default();
/// let g = RoutingGraph::compile(&net, &tm, &GraphSpec::new(Profile::Passenger, 2024));
/// let engine = IsoEngine::new(&net, &g, &tm, Measure::DoorToDoor, IsoParams::default())?;
/// let chengdu = Origin::resolve(&OriginSpec::parse("成都")?, &net)?;
/// let minutes: Minutes = "30,60,90,120".parse()?;
/// let iso = engine.compute(&[chengdu], &minutes, &mut engine.workspace())?;
/// assert_eq!(iso.bands.len(), 4);
/// assert!(iso.bands[0].area_km2 > 100.0);
/// assert!(iso.bands[0].population >= 20_000_000); // Chengdu itself
/// # Ok::<(), tongda_core::iso::IsoError>(())
/// ```
#[derive(Debug, Clone)]
pub struct IsoEngine<'a> {
    net: &'a Network,
    graph: &'a RoutingGraph,
    tm: &'a TimeModel,
    measure: Measure,
    params: IsoParams,
    grid: Grid,
    snapper: Snapper,
    units: Vec<(NodeIdx, u64)>,
    total: u64,
}

impl<'a> IsoEngine<'a> {
    /// An engine for `graph` (compiled from `net` under `tm`).
    pub fn new(
        net: &'a Network,
        graph: &'a RoutingGraph,
        tm: &'a TimeModel,
        measure: Measure,
        params: IsoParams,
    ) -> IsoResult<IsoEngine<'a>> {
        params.check()?;
        let grid = Grid::covering(net, &params)?;
        let units = crate::population::units(net);
        let total = crate::population::total(&units);
        Ok(IsoEngine {
            net,
            graph,
            tm,
            measure,
            params,
            grid,
            snapper: Snapper::new(net, graph),
            units,
            total,
        })
    }

    /// Fresh per-thread buffers.
    pub fn workspace(&self) -> Workspace {
        Workspace {
            dijkstra: Dijkstra::new(self.graph.csr.num_vertices()),
            raster: TimeRaster::default(),
            values: Vec::new(),
        }
    }

    /// The grid.
    pub fn grid(&self) -> &Grid {
        &self.grid
    }

    /// The method parameters.
    pub fn params(&self) -> &IsoParams {
        &self.params
    }

    /// The measure of the network part of trips.
    pub fn measure(&self) -> Measure {
        self.measure
    }

    /// The network.
    pub fn network(&self) -> &Network {
        self.net
    }

    /// How `origin` enters the network: a node origin on the network enters
    /// at itself; a position (or a node without links for this profile and
    /// year) enters at every usable node within the radius, paying the
    /// off-network time and, at a station or port (door-to-door), its
    /// processing time. Errors when a position has no node within the radius.
    pub fn place(&self, origin: &Origin) -> IsoResult<Placed> {
        if let Some(n) = origin.node {
            if !self.graph.csr.arcs(n).is_empty() {
                return Ok(Placed {
                    origin: origin.clone(),
                    on_network: true,
                    access: vec![],
                });
            }
            let mut access = self
                .snapper
                .within(origin.lon, origin.lat, self.params.radius_km);
            access.retain(|a| a.node != n);
            return Ok(Placed {
                origin: origin.clone(),
                on_network: false,
                access,
            });
        }
        let access = self.snapper.snap(
            &origin.name,
            origin.lon,
            origin.lat,
            self.params.radius_km,
            self.net,
        )?;
        Ok(Placed {
            origin: origin.clone(),
            on_network: false,
            access,
        })
    }

    fn sources(&self, placed: &Placed, out: &mut Vec<(VertexId, Weight)>) {
        if let (Some(n), true) = (placed.origin.node, placed.on_network) {
            out.extend(Endpoint::new(self.graph, n, self.measure).sources);
            return;
        }
        for a in &placed.access {
            let node = &self.net.nodes[a.node as usize];
            let mut cost = self.params.access_seconds(a.km);
            if self.measure == Measure::DoorToDoor {
                let min = node
                    .processing_min
                    .unwrap_or_else(|| self.tm.processing_min(self.graph.spec.profile, node.kind));
                cost = cost.saturating_add((min * 60.0).round() as Weight);
            }
            out.extend(
                Endpoint::new(self.graph, a.node, self.measure)
                    .sources
                    .into_iter()
                    .map(|(v, w)| (v, w.saturating_add(cost))),
            );
        }
    }

    /// The isochrone of `origins` (one, or a set: each point takes the
    /// fastest origin) for the thresholds `minutes`.
    pub fn compute(
        &self,
        origins: &[Origin],
        minutes: &Minutes,
        ws: &mut Workspace,
    ) -> IsoResult<Isochrone> {
        if origins.is_empty() {
            return Err(IsoError::BadOrigins("no origin given".into()));
        }
        let placed = origins
            .iter()
            .map(|o| self.place(o))
            .collect::<IsoResult<Vec<Placed>>>()?;
        let mut sources = Vec::new();
        for p in &placed {
            self.sources(p, &mut sources);
        }
        ws.dijkstra.run(&self.graph.csr, &sources);
        let mut times = node_times(self.net, self.graph, self.tm, self.measure, &ws.dijkstra);
        for p in &placed {
            if let Some(n) = p.origin.node {
                times[n as usize] = Some(0);
            }
        }

        let last = minutes.max() * 60;
        let cap = last + 2 * self.params.cell_seconds();
        let grid = &self.grid;
        ws.raster.reset(grid);
        for p in &placed {
            ws.raster
                .paint(grid, &self.params, (p.origin.lon, p.origin.lat), 0, cap);
        }
        for (n, t) in times.iter().enumerate() {
            if let Some(t) = *t {
                let c = self.net.nodes[n].coord;
                ws.raster.paint(grid, &self.params, (c.x, c.y), t, cap);
            }
        }
        for p in &placed {
            ws.raster
                .pin(grid, minutes, (p.origin.lon, p.origin.lat), 0);
        }
        for (n, t) in times.iter().enumerate() {
            if let Some(t) = *t {
                let c = self.net.nodes[n].coord;
                ws.raster.pin(grid, minutes, (c.x, c.y), t);
            }
        }

        let shapes = contour(
            &ws.raster,
            grid,
            minutes,
            cap,
            WGS84_DECIMALS,
            &mut ws.values,
        )?;
        Ok(self.finish(placed, minutes, shapes, times))
    }

    fn finish(
        &self,
        origins: Vec<Placed>,
        minutes: &Minutes,
        shapes: Vec<BandShape>,
        node_seconds: Vec<Option<Weight>>,
    ) -> Isochrone {
        let pops = band_population(self.net, &self.units, &shapes);
        let (mut area_cum, mut pop_cum) = (0.0, 0u64);
        let bands = shapes
            .into_iter()
            .zip(pops)
            .map(|(s, pop)| {
                let area = s.geometry.geodesic_area_unsigned() / 1e6;
                area_cum += area;
                pop_cum = pop_cum.saturating_add(pop);
                Band {
                    minutes_min: s.minutes_min,
                    minutes_max: s.minutes_max,
                    geometry: s.geometry,
                    area_km2: round1(area),
                    population: pop,
                    area_within_km2: round1(area_cum),
                    population_within: pop_cum,
                }
            })
            .collect();
        Isochrone {
            origins,
            minutes: minutes.clone(),
            bands,
            population_total: self.total,
            node_seconds,
        }
    }
}
