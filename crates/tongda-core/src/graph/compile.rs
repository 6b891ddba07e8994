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
    /// Run names — service ids, and line ids for lines ridden as their default
    /// pattern — indexed by the `u32` in [`Vertex::Depart`] and [`Vertex::Arrive`].
    pub lines: Vec<String>,
    /// For each run, the index of its service in `Network::services`
    /// (`None` for a line's default pattern).
    pub run_service: Vec<Option<u32>>,
    /// Depart vertices at each model node with the in-vehicle start cost
    /// (the ride's terminal loss and the station's approach loss).
    pub boardings: Vec<Vec<(VertexId, Weight)>>,
    /// Arrival vertex of each model node, if it has one.
    pub arrival: Vec<Option<VertexId>>,
    /// Road vertex of each model node, if it has one.
    pub road: Vec<Option<VertexId>>,
    /// For each place, the facilities where its in-vehicle times start and
    /// end: its declared main stations ([`Node::main_stations`]: the central
    /// stations its own trains use — never an airport, suburban or other
    /// county's station); if it declares none, those connected by an access
    /// link whose `city` is the place — or, if it has none of its own, every
    /// facility its access links reach.
    ///
    /// [`Node::main_stations`]: crate::model::Node::main_stations
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

/// How a run serves one node.
#[derive(Debug, Clone, Copy)]
struct Call {
    /// Passengers board and alight here.
    boards: bool,
    /// Trains stop here (riding through costs `pass_stop_s`).
    stops: bool,
    /// Minutes between trains.
    headway_min: f64,
    /// The run's time-model parameters (terminal and stop losses).
    mp: ModeParams,
    /// The station's slow-approach loss, seconds (fast modes only).
    approach_s: f64,
}

/// One set of on-board vertices: a service, or a line's default pattern.
#[derive(Debug)]
struct Run {
    /// Line id or service id (the entry of [`RoutingGraph::lines`]).
    name: String,
    /// Index into `Network::services`, for a service.
    service: Option<u32>,
    /// The nodes served and how.
    calls: BTreeMap<NodeIdx, Call>,
    /// Links ridden, with the direction of travel.
    links: Vec<(u32, bool)>,
    /// Also ridden against that direction.
    both_ways: bool,
}

fn approach(net: &Network, node: NodeIdx, mode: Mode) -> f64 {
    match net.nodes[node as usize].approach_s {
        Some(s) if matches!(mode, Mode::Hsr | Mode::Intercity) => s,
        _ => 0.0,
    }
}

/// The runs of a compiled graph: every service running in the spec's year on
/// active links, then, per scheduled line, one default run over the links
/// that no running service uses.
fn build_runs(net: &Network, tm: &TimeModel, spec: &GraphSpec, active: &[u32]) -> Vec<Run> {
    let mut is_active = vec![false; net.links.len()];
    for &li in active {
        is_active[li as usize] = true;
    }
    let mut runs = Vec::new();
    let mut covered: BTreeSet<u32> = BTreeSet::new();
    let pp = tm.profile(spec.profile);
    for (si, svc) in net.services.iter().enumerate() {
        let Some(mp) = pp.modes.get(&svc.mode) else {
            continue;
        };
        if spec.profile == Profile::Freight || !svc.runs_in(spec.year) {
            continue;
        }
        let Ok(path) = net.service_path(svc, |i| is_active[i]) else {
            continue; // not all of its track exists this year
        };
        covered.extend(path.iter().map(|&(li, _)| li));
        let mut calls = BTreeMap::new();
        let mut nodes = vec![svc.stops[0]];
        for &(li, fwd) in &path {
            let l = &net.links[li as usize];
            nodes.push(if fwd { l.to } else { l.from });
        }
        for node in nodes {
            let stops = svc.stops.contains(&node);
            calls.insert(
                node,
                Call {
                    boards: stops,
                    stops,
                    headway_min: svc.headway(),
                    mp: *mp,
                    approach_s: approach(net, node, svc.mode),
                },
            );
        }
        runs.push(Run {
            name: svc.id.clone(),
            service: Some(si as u32),
            calls,
            links: path,
            both_ways: !svc.oneway,
        });
    }
    // Default patterns: the links no running service uses, one run per
    // line, in line-id order.
    let mut by_line: BTreeMap<&str, Run> = BTreeMap::new();
    for &li in active {
        let l = &net.links[li as usize];
        if !l.mode.is_scheduled() || covered.contains(&li) {
            continue;
        }
        let Some(lp) = mode_params(tm, spec.profile, l) else {
            continue;
        };
        let run = by_line.entry(l.line.as_str()).or_insert_with(|| Run {
            name: l.line.clone(),
            service: None,
            calls: BTreeMap::new(),
            links: Vec::new(),
            both_ways: true,
        });
        run.links.push((li, true));
        let hw = l.headway_min.unwrap_or(lp.headway_min);
        for end in [l.from, l.to] {
            let a = approach(net, end, l.mode);
            let stops = net.is_express_stop(end);
            let c = run.calls.entry(end).or_insert(Call {
                boards: true,
                stops,
                headway_min: hw,
                mp: *lp,
                approach_s: a,
            });
            c.headway_min = c.headway_min.min(hw);
            c.approach_s = c.approach_s.max(a);
        }
    }
    runs.extend(by_line.into_values());
    runs
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

        // Runs: what one set of on-board vertices stands for. A service that
        // runs this year on open links of its lines is one run (it calls only
        // at its stops, through-running across lines); the links no running
        // service uses are ridden as their line's default pattern (boarded
        // anywhere, stopping at express stops).
        let runs = build_runs(net, tm, spec, &active);
        let lines: Vec<String> = runs.iter().map(|r| r.name.clone()).collect();
        let run_service: Vec<Option<u32>> = runs.iter().map(|r| r.service).collect();

        // Arrival vertices and the on-board vertices of each run at each node.
        let mut arrival: Vec<Option<VertexId>> = vec![None; n];
        let mut boardings: Vec<Vec<(VertexId, Weight)>> = vec![Vec::new(); n];
        let mut line_vertex: BTreeMap<(NodeIdx, u32), VertexId> = BTreeMap::new();
        for (ri, run) in runs.iter().enumerate() {
            let line = ri as u32;
            for (&node, call) in &run.calls {
                let arr = *arrival[node as usize].get_or_insert_with(|| {
                    vertices.push(Vertex::Arrival(node));
                    (vertices.len() - 1) as VertexId
                });
                let lv = vertices.len() as VertexId;
                vertices.push(Vertex::Depart(node, line));
                vertices.push(Vertex::Arrive(node, line));
                let av = lv + 1;
                line_vertex.insert((node, line), lv);
                if call.boards {
                    let wait_s = secs(call.headway_min * 60.0 / 2.0);
                    let ride_s = secs(call.mp.terminal_s + call.approach_s);
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
                        secs(call.approach_s),
                        EdgeKind::Alight { node },
                    );
                }
                let stop_s = if call.stops { call.mp.pass_stop_s } else { 0.0 };
                let through_s = secs(stop_s + 2.0 * call.approach_s);
                push(
                    &mut arcs,
                    &mut kinds,
                    av,
                    lv,
                    through_s,
                    EdgeKind::Through { node },
                );
            }
            // Ride arcs: depart(A) → arrive(B), in each direction the run goes.
            for &(li, forward) in &run.links {
                let l = &net.links[li as usize];
                let Some(mp) = mode_params(tm, spec.profile, l) else {
                    continue;
                };
                let (a, b) = if forward {
                    (l.from, l.to)
                } else {
                    (l.to, l.from)
                };
                let (va, vb) = (line_vertex[&(a, line)], line_vertex[&(b, line)]);
                let w = secs(run_seconds(l, mp, forward, spec.year));
                push(
                    &mut arcs,
                    &mut kinds,
                    va,
                    vb + 1,
                    w,
                    EdgeKind::Ride { link: li, forward },
                );
                if run.both_ways && !l.oneway {
                    let w = secs(run_seconds(l, mp, !forward, spec.year));
                    let kind = EdgeKind::Ride {
                        link: li,
                        forward: !forward,
                    };
                    push(&mut arcs, &mut kinds, vb, va + 1, w, kind);
                }
            }
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
                mode if mode.is_road() => {
                    let (Some(a), Some(b)) = (road[l.from as usize], road[l.to as usize]) else {
                        continue;
                    };
                    let w = secs(run_seconds(l, mp, true, spec.year));
                    let kind = |forward| EdgeKind::Road { link: li, forward };
                    push(&mut arcs, &mut kinds, a, b, w, kind(true));
                    if !l.oneway {
                        let w = secs(run_seconds(l, mp, false, spec.year));
                        push(&mut arcs, &mut kinds, b, a, w, kind(false));
                    }
                }
                // Scheduled links are ridden through their runs (above).
                _ => {}
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
            run_service,
            boardings,
            arrival,
            road,
            facilities: facilities
                .into_iter()
                .enumerate()
                .map(|(place, f)| {
                    // Declared main stations decide; else the place's own
                    // facilities; else every facility its connectors reach.
                    let main = &net.nodes[place].main_stations;
                    if !main.is_empty() {
                        return main.iter().filter_map(|id| net.node_idx(id)).collect();
                    }
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
