//! Expands the model into a time-weighted routing graph.
//!
//! Every model node `n` is vertex `n` (its *concourse*: where a trip starts,
//! where access connectors arrive). Nodes served by scheduled lines get an
//! *arrival* vertex and, per line, a *depart* and an *arrive* vertex (on board,
//! leaving / reaching the node); places on the road network get a *road*
//! vertex. Arcs:
//!
//! | arc | cost |
//! |---|---|
//! | place → facility (access) | access minutes + processing (stations, ports) |
//! | arrival → place (egress) | access minutes + egress |
//! | concourse → depart (board) | headway/2 + terminal_s + approach_s |
//! | depart(A) → arrive(B) (ride) | run time |
//! | arrive → depart, same node and line (stay on board) | pass_stop_s at an express stop (else 0) + 2 × approach_s |
//! | arrive → arrival (alight) | approach_s |
//! | arrival → concourse (transfer) | transfer_min |
//! | place ↔ road vertex | road_terminal_min |
//! | road ↔ road | run time |
//!
//! so that one ride costs `Σ run + terminal_s + pass_stop_s × (express stops
//! passed)` — the fastest service stops where [`Network::is_express_stop`]
//! says so and runs through the other stations — plus, on HSR and intercity
//! lines, a station's `approach_s` (its slow throat, `Node::approach_s`) for
//! each approach the ride makes; a change of line pays the transfer, a new
//! wait and a new terminal loss.

use super::csr::{CsrGraph, VertexId, Weight};
use crate::model::{Link, Mode, Network, NodeIdx, NodeKind, Status};
use crate::timemodel::{ModeParams, Profile, TimeModel};
use std::collections::{BTreeMap, BTreeSet};

/// Which links are compiled: a profile, a year and the statuses allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphSpec {
    /// Travel profile.
    pub profile: Profile,
    /// Links with `open_year <= year` (and not retired) are used.
    pub year: i32,
    /// Link statuses allowed (e.g. open + under construction + planned).
    pub statuses: BTreeSet<Status>,
    /// Projects used whatever their status (a scenario's `open_project` edits).
    pub forced_projects: BTreeSet<String>,
}

impl GraphSpec {
    /// The default spec: everything but `proposed` that exists in `year`.
    pub fn new(profile: Profile, year: i32) -> GraphSpec {
        GraphSpec {
            profile,
            year,
            statuses: [Status::Open, Status::UnderConstruction, Status::Planned]
                .into_iter()
                .collect(),
            forced_projects: BTreeSet::new(),
        }
    }

    /// True if `link` is part of the graph for this spec under `tm`.
    pub fn uses(&self, link: &Link, tm: &TimeModel) -> bool {
        link.exists_in(self.year)
            && (self.statuses.contains(&link.status)
                || self.forced_projects.contains(&link.project))
            && mode_params(tm, self.profile, link).is_some()
    }
}

/// What a routing-graph vertex stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vertex {
    /// The concourse of a model node (trips start and end here).
    Node(NodeIdx),
    /// The arrival side of a station or port (after alighting).
    Arrival(NodeIdx),
    /// On board line `line` (index into [`RoutingGraph::lines`]), leaving a node.
    Depart(NodeIdx, u32),
    /// On board line `line`, having reached a node.
    Arrive(NodeIdx, u32),
    /// On the road network at a place.
    Road(NodeIdx),
}

/// What a routing-graph arc stands for (for turning paths into legs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EdgeKind {
    /// Riding a scheduled link (index into `Network::links`); `forward` = from → to.
    Ride { link: u32, forward: bool },
    /// Driving a road link.
    Road { link: u32, forward: bool },
    /// An access connector; `entering` = from the place to the facility.
    Access { link: u32, entering: bool },
    /// Boarding line `line` at `node`: `wait_s` waiting, `ride_s` terminal
    /// and approach loss.
    Board {
        node: NodeIdx,
        line: u32,
        wait_s: Weight,
        ride_s: Weight,
    },
    /// Alighting at `node` (costs the station's approach loss on fast lines).
    Alight { node: NodeIdx },
    /// Staying on board through `node` (`pass_stop_s` if it is an express
    /// stop, plus two approach losses).
    Through { node: NodeIdx },
    /// Changing line at `node`.
    Transfer { node: NodeIdx },
    /// Entering or leaving the road network at a place (parking, urban streets).
    RoadTerminal { node: NodeIdx },
}

/// The compiled graph of one [`GraphSpec`]: a CSR graph plus what each vertex
/// and arc means.
///
/// ```
/// use tongda_core::{io::load_geodata, graph::{GraphSpec, RoutingGraph}, Profile, TimeModel};
/// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
/// let net = load_geodata(&mini).unwrap().into_network().unwrap();
/// let g = RoutingGraph::compile(&net, &TimeModel::default(), &GraphSpec::new(Profile::Passenger, 2024));
/// assert!(g.csr.num_arcs() > 0);
/// ```
#[derive(Debug, Clone)]
pub struct RoutingGraph {
    /// The spec compiled.
    pub spec: GraphSpec,
    /// The graph the router runs on.
    pub csr: CsrGraph,
    /// Meaning of each vertex.
    pub vertices: Vec<Vertex>,
    /// Meaning of each CSR arc.
    pub edges: Vec<EdgeKind>,
    /// Line ids, indexed by the `u32` in [`Vertex::Depart`] and [`Vertex::Arrive`].
    pub lines: Vec<String>,
    /// Depart vertices at each model node with the in-vehicle start cost
    /// (the ride's terminal loss and the station's approach loss).
    pub boardings: Vec<Vec<(VertexId, Weight)>>,
    /// Arrival vertex of each model node, if it has one.
    pub arrival: Vec<Option<VertexId>>,
    /// Road vertex of each model node, if it has one.
    pub road: Vec<Option<VertexId>>,
    /// For each place, the facilities that serve it: those connected by an
    /// access link whose `city` is the place — or, if it has none of its own,
    /// every facility its access links reach. In-vehicle times start and end
    /// there, so that a station in a neighbouring county reached by a long
    /// connector does not count as the city's own.
    pub facilities: Vec<Vec<NodeIdx>>,
}

fn secs(x: f64) -> Weight {
    x.round().clamp(0.0, (u32::MAX / 4) as f64) as Weight
}

/// The parameters a link runs at under a profile, or `None` if the profile
/// cannot use it. Freight runs on any rail link marked `freight: true`, at the
/// freight profile's `conventional_rail` parameters (freight trains run at
/// freight speeds whatever the line's passenger classification); passenger
/// profiles use the link's own mode.
pub fn mode_params<'a>(tm: &'a TimeModel, profile: Profile, link: &Link) -> Option<&'a ModeParams> {
    let pp = tm.profile(profile);
    if profile == Profile::Freight && link.mode.is_rail() {
        return if link.freight {
            pp.modes.get(&Mode::ConventionalRail)
        } else {
            None
        };
    }
    pp.modes.get(&link.mode)
}

/// Cruise speed of a link in a direction in `year`, km/h.
fn cruise_kmh(link: &Link, mp: &ModeParams, forward: bool, year: i32) -> f64 {
    let top = if link.mode == Mode::Waterway {
        let (down, up) = (link.speed_downstream_kmh, link.speed_upstream_kmh);
        let v = if forward { down } else { up };
        v.or(link.design_speed_kmh).unwrap_or(10.0)
    } else if link.mode.is_road() && link.speed_limit_kmh.is_some() {
        link.speed_limit_kmh.unwrap_or(60.0)
    } else {
        let mut v = link.design_speed_kmh.unwrap_or(60.0);
        if let Some(op) = link.operating_speed_in(year) {
            v = v.min(op);
        }
        v
    };
    let capped = mp.max_speed_kmh.map_or(top, |m| top.min(m));
    capped * mp.cruise_fraction
}

/// Run time of a link in a direction in `year`, seconds (unrounded).
pub(crate) fn run_seconds(link: &Link, mp: &ModeParams, forward: bool, year: i32) -> f64 {
    link.length_km / cruise_kmh(link, mp, forward, year) * 3600.0
}

impl RoutingGraph {
    /// Compiles `net` for `spec` under time model `tm`.
    pub fn compile(net: &Network, tm: &TimeModel, spec: &GraphSpec) -> RoutingGraph {
        let pp = tm.profile(spec.profile);
        let n = net.nodes.len();
        let mut vertices: Vec<Vertex> = (0..n as NodeIdx).map(Vertex::Node).collect();
        let mut arcs: Vec<(VertexId, VertexId, Weight)> = Vec::new();
        let mut kinds: Vec<EdgeKind> = Vec::new();
        let push = |arcs: &mut Vec<_>, kinds: &mut Vec<_>, t, h, w, k| {
            arcs.push((t, h, w));
            kinds.push(k);
        };

        let active: Vec<u32> = (0..net.links.len() as u32)
            .filter(|&i| spec.uses(&net.links[i as usize], tm))
            .collect();

        // Lines and the nodes they serve; headway per (node, line) = the shortest
        // headway of the line's links at that node.
        let mut line_ids: BTreeMap<&str, u32> = BTreeMap::new();
        let mut lines: Vec<String> = Vec::new();
        // (headway min, mode parameters, approach loss s) per (node, line).
        let mut served: BTreeMap<(NodeIdx, u32), (f64, ModeParams, f64)> = BTreeMap::new();
        for &li in &active {
            let l = &net.links[li as usize];
            if !l.mode.is_scheduled() {
                continue;
            }
            let next = lines.len() as u32;
            let id = *line_ids.entry(l.line.as_str()).or_insert_with(|| {
                lines.push(l.line.clone());
                next
            });
            let Some(lp) = mode_params(tm, spec.profile, l) else {
                continue;
            };
            let hw = l.headway_min.unwrap_or(lp.headway_min);
            let fast = matches!(l.mode, Mode::Hsr | Mode::Intercity);
            for end in [l.from, l.to] {
                let approach = match net.nodes[end as usize].approach_s {
                    Some(s) if fast => s,
                    _ => 0.0,
                };
                let e = served.entry((end, id)).or_insert((hw, *lp, approach));
                e.0 = e.0.min(hw);
                e.2 = e.2.max(approach);
            }
        }

        // Arrival vertices and line vertices.
        let mut arrival: Vec<Option<VertexId>> = vec![None; n];
        let mut boardings: Vec<Vec<(VertexId, Weight)>> = vec![Vec::new(); n];
        let mut line_vertex: BTreeMap<(NodeIdx, u32), VertexId> = BTreeMap::new();
        for (&(node, line), &(hw, mp, approach)) in &served {
            let arr = *arrival[node as usize].get_or_insert_with(|| {
                vertices.push(Vertex::Arrival(node));
                (vertices.len() - 1) as VertexId
            });
            let lv = vertices.len() as VertexId;
            vertices.push(Vertex::Depart(node, line));
            vertices.push(Vertex::Arrive(node, line));
            let av = lv + 1;
            line_vertex.insert((node, line), lv);
            let wait_s = secs(hw * 60.0 / 2.0);
            let ride_s = secs(mp.terminal_s + approach);
            boardings[node as usize].push((lv, ride_s));
            push(
                &mut arcs,
                &mut kinds,
                node,
                lv,
                wait_s + ride_s,
                EdgeKind::Board {
                    node,
                    line,
                    wait_s,
                    ride_s,
                },
            );
            push(
                &mut arcs,
                &mut kinds,
                av,
                arr,
                secs(approach),
                EdgeKind::Alight { node },
            );
            let stop_s = if net.is_express_stop(node) {
                mp.pass_stop_s
            } else {
                0.0
            };
            let through_s = secs(stop_s + 2.0 * approach);
            push(
                &mut arcs,
                &mut kinds,
                av,
                lv,
                through_s,
                EdgeKind::Through { node },
            );
        }
        for (node, arr) in arrival.iter().enumerate() {
            if let Some(arr) = *arr {
                let node = node as NodeIdx;
                push(
                    &mut arcs,
                    &mut kinds,
                    arr,
                    node,
                    secs(pp.transfer_min * 60.0),
                    EdgeKind::Transfer { node },
                );
            }
        }

        // Road vertices: interchanges are road vertices themselves; places get one
        // with a terminal cost to enter or leave the road network.
        let mut road: Vec<Option<VertexId>> = vec![None; n];
        let terminal = secs(pp.road_terminal_min * 60.0);
        for &li in &active {
            let l = &net.links[li as usize];
            if !l.mode.is_road() {
                continue;
            }
            for end in [l.from, l.to] {
                if road[end as usize].is_some() {
                    continue;
                }
                let v = if net.nodes[end as usize].kind == NodeKind::Interchange {
                    end
                } else {
                    let v = vertices.len() as VertexId;
                    vertices.push(Vertex::Road(end));
                    push(
                        &mut arcs,
                        &mut kinds,
                        end,
                        v,
                        terminal,
                        EdgeKind::RoadTerminal { node: end },
                    );
                    push(
                        &mut arcs,
                        &mut kinds,
                        v,
                        end,
                        terminal,
                        EdgeKind::RoadTerminal { node: end },
                    );
                    v
                };
                road[end as usize] = Some(v);
            }
        }

        let mut facilities: Vec<Vec<(NodeIdx, bool)>> = vec![Vec::new(); n];
        for &li in &active {
            let l = &net.links[li as usize];
            let Some(mp) = mode_params(tm, spec.profile, l) else {
                continue;
            };
            match l.mode {
                Mode::Access => {
                    let (a, b) = (&net.nodes[l.from as usize], &net.nodes[l.to as usize]);
                    // Orient place → facility when one end is a place.
                    let (place, fac) = if b.kind.is_place() && !a.kind.is_place() {
                        (l.to, l.from)
                    } else {
                        (l.from, l.to)
                    };
                    let fac_node = &net.nodes[fac as usize];
                    let own =
                        fac_node.city.as_deref() == Some(net.nodes[place as usize].id.as_str());
                    facilities[place as usize].push((fac, own));
                    let m = l.minutes.unwrap_or(0.0);
                    let processing = fac_node
                        .processing_min
                        .unwrap_or_else(|| tm.processing_min(spec.profile, fac_node.kind));
                    push(
                        &mut arcs,
                        &mut kinds,
                        place,
                        fac,
                        secs((m + processing) * 60.0),
                        EdgeKind::Access {
                            link: li,
                            entering: true,
                        },
                    );
                    // Out of a station or port only after alighting (from its
                    // arrival vertex), and never out of an airport (no air links
                    // are routed): otherwise two access connectors through a
                    // shared facility would act as a road between two places.
                    if fac_node.kind == NodeKind::Interchange || fac_node.kind.is_place() {
                        push(
                            &mut arcs,
                            &mut kinds,
                            fac,
                            place,
                            secs(m * 60.0),
                            EdgeKind::Access {
                                link: li,
                                entering: false,
                            },
                        );
                    }
                    if let Some(arr) = arrival[fac as usize] {
                        push(
                            &mut arcs,
                            &mut kinds,
                            arr,
                            place,
                            secs((m + pp.egress_min) * 60.0),
                            EdgeKind::Access {
                                link: li,
                                entering: false,
                            },
                        );
                    }
                }
                mode => {
                    // Vertices of the link's two ends: (from, to) for the forward
                    // arc; rides arrive at the arrive vertex, which follows the
                    // depart vertex.
                    let ends = if mode.is_road() {
                        match (road[l.from as usize], road[l.to as usize]) {
                            (Some(a), Some(b)) => Some(((a, b), (b, a))),
                            _ => None,
                        }
                    } else {
                        let line = line_ids[l.line.as_str()];
                        let (a, b) = (line_vertex[&(l.from, line)], line_vertex[&(l.to, line)]);
                        Some(((a, b + 1), (b, a + 1)))
                    };
                    let Some((fwd, back)) = ends else { continue };
                    let kind = |forward| {
                        if mode.is_road() {
                            EdgeKind::Road { link: li, forward }
                        } else {
                            EdgeKind::Ride { link: li, forward }
                        }
                    };
                    let w = secs(run_seconds(l, mp, true, spec.year));
                    push(&mut arcs, &mut kinds, fwd.0, fwd.1, w, kind(true));
                    if !l.oneway {
                        let w = secs(run_seconds(l, mp, false, spec.year));
                        push(&mut arcs, &mut kinds, back.0, back.1, w, kind(false));
                    }
                }
            }
        }

        let (csr, order) = CsrGraph::from_arcs(vertices.len(), &arcs);
        let edges = order.iter().map(|&i| kinds[i as usize]).collect();
        RoutingGraph {
            spec: spec.clone(),
            csr,
            vertices,
            edges,
            lines,
            boardings,
            arrival,
            road,
            facilities: facilities
                .into_iter()
                .map(|f| {
                    let any_own = f.iter().any(|&(_, own)| own);
                    f.into_iter()
                        .filter(|&(_, own)| own || !any_own)
                        .map(|(fac, _)| fac)
                        .collect()
                })
                .collect(),
        }
    }
}
