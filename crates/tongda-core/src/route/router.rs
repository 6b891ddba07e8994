//! The [`Router`]: one-to-one routes between model nodes for a measure, with legs.

use super::legs::{legs_of_path, Leg};
use crate::graph::{RoutingGraph, VertexId, Weight};
use crate::model::{Network, NodeIdx};
use crate::timemodel::{Measure, Profile};
use serde::Serialize;
use tongda_sssp::Dijkstra;

/// Where a route starts or ends, as routing-graph vertices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The model node.
    pub node: NodeIdx,
    /// Vertices with their initial cost (as a source).
    pub sources: Vec<(VertexId, Weight)>,
    /// Vertices that count as arrival (as a target).
    pub targets: Vec<VertexId>,
    /// In-vehicle: the platforms (arrival vertices) of the stations where the
    /// endpoint boards. A trip from here never counts as arriving at one of
    /// them: that would be a ride out and back to the station it left.
    pub platforms: Vec<VertexId>,
}

impl Endpoint {
    /// The endpoint of model node `node` under `measure`.
    ///
    /// - door-to-door: the node's own vertex;
    /// - in-vehicle: on board at every station/port serving the node (with the
    ///   ride's terminal loss as initial cost), or on its road vertex; arrival at
    ///   the platform of any serving station, or on the road at the node. A
    ///   place on neither starts and ends at the node itself; a station or
    ///   port that no run serves has no in-vehicle endpoint (unreachable).
    pub fn new(g: &RoutingGraph, node: NodeIdx, measure: Measure) -> Endpoint {
        let mut sources = vec![];
        let mut targets = vec![];
        let mut platforms = vec![];
        match measure {
            Measure::DoorToDoor => {
                sources.push((node, 0));
                targets.push(node);
                if let Some(arr) = g.arrival[node as usize] {
                    targets.push(arr); // a station as destination: the platform
                }
            }
            Measure::InVehicle => {
                let mut nodes = vec![node];
                nodes.extend(g.facilities[node as usize].iter().copied());
                for n in nodes {
                    sources.extend(g.boardings[n as usize].iter().copied());
                    targets.extend(g.arrival[n as usize]);
                    platforms.extend(g.arrival[n as usize]);
                    if let Some(r) = g.road[n as usize] {
                        sources.push((r, 0));
                        targets.push(r);
                    }
                }
                if sources.is_empty() && !is_terminal(g, node) {
                    // A place neither served by a train nor on the road:
                    // start at the node itself. A station or port no train
                    // or vessel serves has no in-vehicle time at all.
                    sources.push((node, 0));
                    targets.push(node);
                }
            }
        }
        sources.sort_unstable();
        sources.dedup();
        targets.sort_unstable();
        targets.dedup();
        platforms.sort_unstable();
        platforms.dedup();
        Endpoint {
            node,
            sources,
            targets,
            platforms,
        }
    }

    /// Whether arriving at `target` ends a trip that started at `origin`: not
    /// at a platform of a station the trip boarded at.
    pub fn arrives(origin: &Endpoint, target: VertexId) -> bool {
        !origin.platforms.contains(&target)
    }
}

/// True if `node` is a station or port (a place to board, not to live).
fn is_terminal(g: &RoutingGraph, node: NodeIdx) -> bool {
    g.node_kinds[node as usize].is_terminal()
}

/// A route between two model nodes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Route {
    /// Origin node id.
    pub from: String,
    /// Destination node id.
    pub to: String,
    /// The measure used.
    pub measure: Measure,
    /// The profile used.
    pub profile: Profile,
    /// The network year.
    pub year: i32,
    /// Total seconds.
    pub seconds: Weight,
    /// The legs, in order; their seconds sum to `seconds`.
    pub legs: Vec<Leg>,
}

impl Route {
    /// Total minutes.
    pub fn minutes(&self) -> f64 {
        f64::from(self.seconds) / 60.0
    }

    /// Seconds moving: on board (rides) and driving, without access, egress,
    /// waits, transfers and terminals. Never more than [`Route::seconds`].
    ///
    /// This is the freight in-vehicle time: a consignment's in-vehicle time
    /// is measured on its door-to-door route, since the fastest chain of
    /// on-board legs alone (the passenger definition) may avoid the truck
    /// legs a real consignment uses and come out longer than door to door.
    pub fn moving_seconds(&self) -> Weight {
        self.legs
            .iter()
            .filter(|l| matches!(l.kind, super::LegKind::Ride | super::LegKind::Drive))
            .map(|l| l.seconds)
            .sum()
    }

    /// Kilometres travelled.
    pub fn km(&self) -> f64 {
        // + 0.0 turns the empty sum's −0.0 into 0.0 (a route without legs printed "-0.0 km")
        self.legs.iter().map(|l| l.km).sum::<f64>() + 0.0
    }
}

/// Routes on one compiled graph, reusing its Dijkstra buffers between queries.
///
/// ```
/// use tongda_core::{io::load_geodata, graph::{GraphSpec, RoutingGraph}, route::Router, Measure, Profile, TimeModel};
/// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
/// let net = load_geodata(&mini).unwrap().into_network().unwrap();
/// let g = RoutingGraph::compile(&net, &TimeModel::default(), &GraphSpec::new(Profile::Passenger, 2024));
/// let mut router = Router::new(&net, &g);
/// let from = net.resolve("成都").unwrap();
/// let to = net.resolve("Chongqing").unwrap();
/// let route = router.route(from, to, Measure::InVehicle).unwrap();
/// assert!(route.minutes() > 30.0 && route.minutes() < 180.0);
/// let total: u32 = route.legs.iter().map(|l| l.seconds).sum();
/// assert_eq!(total, route.seconds);
/// ```
#[derive(Debug)]
pub struct Router<'a> {
    net: &'a Network,
    graph: &'a RoutingGraph,
    dijkstra: Dijkstra,
}

impl<'a> Router<'a> {
    /// A router over `graph`, compiled from `net`.
    pub fn new(net: &'a Network, graph: &'a RoutingGraph) -> Router<'a> {
        Router {
            net,
            graph,
            dijkstra: Dijkstra::new(graph.csr.num_vertices()),
        }
    }

    /// A router over `graph` that searches with `dijkstra`'s buffers (grown
    /// if too small): a caller routing many pairs on many graphs keeps one
    /// set of buffers ([`Router::into_dijkstra`] gives them back).
    pub fn with_dijkstra(
        net: &'a Network,
        graph: &'a RoutingGraph,
        dijkstra: Dijkstra,
    ) -> Router<'a> {
        Router {
            net,
            graph,
            dijkstra,
        }
    }

    /// The search buffers, for the next router.
    pub fn into_dijkstra(self) -> Dijkstra {
        self.dijkstra
    }

    /// The seconds of the fastest route from `from` to `to` under
    /// `measure` (as [`Router::route`] gives them, without building legs).
    pub fn seconds(&mut self, from: NodeIdx, to: NodeIdx, measure: Measure) -> Option<Weight> {
        let (_, target) = self.search(from, to, measure)?;
        self.dijkstra.distance(target)
    }

    /// Runs the search of a route; gives the origin's endpoint and the
    /// target vertex reached.
    fn search(
        &mut self,
        from: NodeIdx,
        to: NodeIdx,
        measure: Measure,
    ) -> Option<(Endpoint, VertexId)> {
        let g = self.graph;
        let src = Endpoint::new(g, from, measure);
        let dst = Endpoint::new(g, to, measure);
        // A handful of vertices: a scan beats a graph-sized flag array.
        let targets: Vec<VertexId> = (dst.targets.iter().copied())
            .filter(|&t| Endpoint::arrives(&src, t))
            .collect();
        let mut reached = None;
        self.dijkstra.run_until(&g.csr, &src.sources, |v| {
            let hit = targets.contains(&v);
            if hit {
                reached = Some(v);
            }
            hit
        });
        Some((src, reached?))
    }

    /// The fastest route from `from` to `to` under `measure`, or `None` if unreachable.
    pub fn route(&mut self, from: NodeIdx, to: NodeIdx, measure: Measure) -> Option<Route> {
        let g = self.graph;
        let (src, target) = self.search(from, to, measure)?;
        let seconds = self.dijkstra.distance(target)?;
        let arcs = self.dijkstra.path_arcs(target);
        let source = self.dijkstra.path_source(target);
        let initial = src
            .sources
            .iter()
            .filter(|(v, _)| *v == source)
            .map(|(_, w)| *w)
            .min()
            .unwrap_or(0);
        let legs = legs_of_path(self.net, g, source, initial, &arcs);
        Some(Route {
            from: self.net.nodes[from as usize].id.clone(),
            to: self.net.nodes[to as usize].id.clone(),
            measure,
            profile: g.spec.profile,
            year: g.spec.year,
            seconds,
            legs,
        })
    }
}
