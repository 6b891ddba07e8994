//! One train, no change: the graph a timetable's "fastest direct train"
//! is measured on.

use crate::graph::{CsrGraph, EdgeKind, RoutingGraph};

/// A copy of `g` that keeps only the arcs of riding one run: rides,
/// segments, staying on board and alighting. Routed in-vehicle, a trip on
/// it starts on board at the origin's stations and must reach the
/// destination's platform without leaving the train — the model's analogue
/// of a published direct train (a check-set row), which a route with a
/// change of train would undercut.
///
/// ```
/// use tongda_core::{io::load_geodata, graph::{GraphSpec, RoutingGraph}, route::{one_ride_graph, Router}, Measure, Profile, TimeModel};
/// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
/// let net = load_geodata(&mini).unwrap().into_network().unwrap();
/// let g = RoutingGraph::compile(&net, &TimeModel::default(), &GraphSpec::new(Profile::Passenger, 2024));
/// let one = one_ride_graph(&g);
/// let (a, b) = (net.node_idx("st_chengdudong").unwrap(), net.node_idx("st_shapingba").unwrap());
/// let route = Router::new(&net, &one).route(a, b, Measure::InVehicle).unwrap();
/// assert_eq!(route.legs.len(), 1); // one ride
/// ```
pub fn one_ride_graph(g: &RoutingGraph) -> RoutingGraph {
    let keep = |k: &EdgeKind| {
        matches!(
            k,
            EdgeKind::Ride { .. }
                | EdgeKind::Segment { .. }
                | EdgeKind::Through { .. }
                | EdgeKind::Alight { .. }
        )
    };
    let mut arcs = Vec::new();
    let mut kinds = Vec::new();
    for v in 0..g.csr.num_vertices() as u32 {
        for a in g.csr.arcs(v) {
            if keep(&g.edges[a as usize]) {
                arcs.push((v, g.csr.head(a), g.csr.weight(a)));
                kinds.push(g.edges[a as usize]);
            }
        }
    }
    let (csr, order) = CsrGraph::from_arcs(g.csr.num_vertices(), &arcs);
    RoutingGraph {
        spec: g.spec.clone(),
        csr,
        vertices: g.vertices.clone(),
        edges: order.iter().map(|&i| kinds[i as usize]).collect(),
        lines: g.lines.clone(),
        run_service: g.run_service.clone(),
        boardings: g.boardings.clone(),
        arrival: g.arrival.clone(),
        road: g.road.clone(),
        node_kinds: g.node_kinds.clone(),
        segments: g.segments.clone(),
        segment_traction: g.segment_traction.clone(),
        // The direct rides are not arcs of this graph.
        rides: Vec::new(),
        chains: Vec::new(),
        facilities: g.facilities.clone(),
    }
}
