//! Expands the model into a time-weighted routing graph.
//!
//! Every model node `n` is vertex `n` (its *concourse*: where a trip starts,
//! where access connectors arrive). Nodes served by scheduled runs get an
//! *arrival* vertex and, per run (a service, or a line's default pattern: see
//! `runs.rs`), a *depart* and an *arrive* vertex (on board, leaving /
//! reaching the node); places on the road network get a *road* vertex. Arcs:
//!
//! | arc | cost |
//! |---|---|
//! | place → facility (access) | access minutes + processing (stations, ports) |
//! | arrival → place (egress) | access minutes + egress |
//! | concourse → depart (board a line's default pattern) | headway/2 + terminal_s + approach_s |
//! | concourse(S) → arrival(T) (a service from call S to a later call T: `direct.rs`) | wait for the first train to T as fast + the service's ride from S to T |
//! | depart(A) → arrive(B) (ride) | run time |
//! | arrive → depart, same node and run (stay on board) | pass_stop_s where the run stops (else 0) + 2 × approach_s |
//! | arrive → arrival (alight; only where the run calls) | approach_s |
//! | arrival → concourse (transfer) | transfer_min |
//! | place ↔ road vertex | road_terminal_min |
//! | road ↔ road | run time |
//!
//! so that one ride costs `Σ run + terminal_s + pass_stop_s × (stops made
//! between boarding and alighting)` — a service stops where it calls; a
//! line's default pattern where [`Network::is_express_stop`] says so — plus,
//! on HSR and intercity runs, a station's `approach_s` (its slow throat,
//! `Node::approach_s`) for each approach the ride makes; a change of train
//! pays the transfer, a new wait and a new terminal loss. The [`Builder`]
//! adds the arcs phase by phase: runs, transfers, road vertices, then access
//! connectors and road links in link order.

use super::direct::{self, Chain, ChainArcs, DirectRide};
pub use super::kinds::{EdgeKind, Vertex};
use super::runs::{build_runs, Run};
pub use super::spec::{mode_params, GraphSpec};
pub(crate) use super::spec::{run_seconds, secs, traction_params};
use super::{CsrGraph, VertexId, Weight};
use crate::model::{Mode, Network, NodeIdx, NodeKind, Traction};
use crate::timemodel::TimeModel;
use std::collections::BTreeMap;

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
    /// The kind of each model node.
    pub node_kinds: Vec<NodeKind>,
    /// The links of each [`EdgeKind::Segment`], in the direction of travel.
    pub segments: Vec<Vec<(u32, bool)>>,
    /// The traction of the service each segment belongs to (its links'
    /// run times depend on it).
    pub segment_traction: Vec<Traction>,
    /// Each [`EdgeKind::Direct`] arc: which service it rides between which
    /// calls, and its wait for the first train as fast.
    pub rides: Vec<DirectRide>,
    /// The arcs of each service direction, which the direct rides ride.
    pub chains: Vec<ChainArcs>,
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

/// The on-board vertices of one run at one node: leaving it (depart) and
/// having reached it (arrive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LineVertex {
    depart: VertexId,
    arrive: VertexId,
}

/// A run's vertices at one node with what the direct rides need: the
/// in-vehicle losses of boarding and alighting there, the stay-on-board arc
/// (builder index) and the run's headway.
#[derive(Debug, Clone, Copy)]
struct OnBoard {
    lv: LineVertex,
    board_s: Weight,
    alight_s: Weight,
    through: usize,
    headway_min: f64,
}

/// Builds a [`RoutingGraph`] phase by phase: runs (stations, services and
/// lines), transfers, roads, then access connectors and road links.
struct Builder<'a> {
    net: &'a Network,
    tm: &'a TimeModel,
    spec: &'a GraphSpec,
    vertices: Vec<Vertex>,
    arcs: Vec<(VertexId, VertexId, Weight)>,
    kinds: Vec<EdgeKind>,
    arrival: Vec<Option<VertexId>>,
    boardings: Vec<Vec<(VertexId, Weight)>>,
    road: Vec<Option<VertexId>>,
    /// Per place: (facility, whether the facility's `city` is the place).
    reached: Vec<Vec<(NodeIdx, bool)>>,
    segments: Vec<Vec<(u32, bool)>>,
    segment_traction: Vec<Traction>,
    /// Each service direction's calls and arcs, for the direct rides.
    chains: Vec<Chain>,
    rides: Vec<DirectRide>,
    chain_arcs: Vec<ChainArcs>,
}

impl<'a> Builder<'a> {
    fn new(net: &'a Network, tm: &'a TimeModel, spec: &'a GraphSpec) -> Builder<'a> {
        let n = net.nodes.len();
        Builder {
            net,
            tm,
            spec,
            vertices: (0..n as NodeIdx).map(Vertex::Node).collect(),
            arcs: Vec::new(),
            kinds: Vec::new(),
            arrival: vec![None; n],
            boardings: vec![Vec::new(); n],
            road: vec![None; n],
            reached: vec![Vec::new(); n],
            segments: Vec::new(),
            segment_traction: Vec::new(),
            chains: Vec::new(),
            rides: Vec::new(),
            chain_arcs: Vec::new(),
        }
    }

    fn arc(&mut self, tail: VertexId, head: VertexId, w: Weight, kind: EdgeKind) {
        self.arcs.push((tail, head, w));
        self.kinds.push(kind);
    }

    fn vertex(&mut self, v: Vertex) -> VertexId {
        self.vertices.push(v);
        (self.vertices.len() - 1) as VertexId
    }

    /// The arrival vertex of a node (created on first use).
    fn arrival_of(&mut self, node: NodeIdx) -> VertexId {
        match self.arrival[node as usize] {
            Some(v) => v,
            None => {
                let v = self.vertex(Vertex::Arrival(node));
                self.arrival[node as usize] = Some(v);
                v
            }
        }
    }

    /// Phase 1: each run's vertices at the nodes it serves (board, alight,
    /// stay on board) and its ride arcs. A line's default pattern gets one
    /// set of vertices at every node, shared by both directions, and one
    /// ride arc per link; a service gets a set per direction at its calls
    /// only (a train cannot turn back with its passengers), with one
    /// segment arc from each call to the next.
    fn runs(&mut self, runs: &[Run]) {
        for (ri, run) in runs.iter().enumerate() {
            let line = ri as u32;
            if run.service.is_some() {
                let ahead = self.on_board(run, line, true);
                self.segments_of(run, line, &ahead, true);
                if run.both_ways {
                    let back = self.on_board(run, line, true);
                    self.segments_of(run, line, &back, false);
                }
            } else {
                let at = self.on_board(run, line, false);
                self.ride_arcs(run, &at);
            }
        }
    }

    /// One set of on-board vertices of a run, with its alight and
    /// stay-on-board arcs; `calls_only` (a service) leaves out the nodes it
    /// passes and boards through direct rides (`direct.rs`), a line's
    /// default pattern through a board arc at every node.
    fn on_board(&mut self, run: &Run, line: u32, calls_only: bool) -> BTreeMap<NodeIdx, OnBoard> {
        let mut at = BTreeMap::new();
        for (&node, call) in &run.calls {
            if calls_only && !call.boards {
                continue; // passed: folded into the segment arcs
            }
            let arr = self.arrival_of(node);
            let lv = LineVertex {
                depart: self.vertex(Vertex::Depart(node, line)),
                arrive: self.vertex(Vertex::Arrive(node, line)),
            };
            let board_s = secs(call.mp.terminal_s + call.approach_s);
            let alight_s = secs(call.approach_s);
            if call.boards {
                self.boardings[node as usize].push((lv.depart, board_s));
                if !calls_only {
                    let wait_s = secs(call.headway_min * 60.0 / 2.0);
                    let board = EdgeKind::Board {
                        node,
                        line,
                        wait_s,
                        ride_s: board_s,
                    };
                    self.arc(node, lv.depart, wait_s + board_s, board);
                }
                self.arc(lv.arrive, arr, alight_s, EdgeKind::Alight { node });
            }
            let stop_s = if call.stops { call.mp.pass_stop_s } else { 0.0 };
            let through_s = secs(stop_s + 2.0 * call.approach_s);
            let through = self.arcs.len();
            self.arc(lv.arrive, lv.depart, through_s, EdgeKind::Through { node });
            let headway_min = call.headway_min;
            at.insert(
                node,
                OnBoard {
                    lv,
                    board_s,
                    alight_s,
                    through,
                    headway_min,
                },
            );
        }
        at
    }

    /// Ride arcs of a default pattern: depart(A) → arrive(B) per link, both ways.
    fn ride_arcs(&mut self, run: &Run, at: &BTreeMap<NodeIdx, OnBoard>) {
        for &(li, forward) in &run.links {
            let l = &self.net.links[li as usize];
            let Some(mp) = mode_params(self.tm, self.spec.profile, l) else {
                continue;
            };
            let (a, b) = if forward {
                (l.from, l.to)
            } else {
                (l.to, l.from)
            };
            let (va, vb) = (at[&a].lv, at[&b].lv);
            let w = secs(run_seconds(l, mp, forward, self.spec.year));
            self.arc(
                va.depart,
                vb.arrive,
                w,
                EdgeKind::Ride { link: li, forward },
            );
            if run.both_ways && !l.oneway {
                let w = secs(run_seconds(l, mp, !forward, self.spec.year));
                let kind = EdgeKind::Ride {
                    link: li,
                    forward: !forward,
                };
                self.arc(vb.depart, va.arrive, w, kind);
            }
        }
    }

    /// Segment arcs of a service in one direction (`ahead`: the order of its
    /// stops): from each call to the next, the run times of the links
    /// between plus the approach losses of the stations passed, each rounded
    /// as its own arc would be. The calls and arcs are kept as a [`Chain`]
    /// for the direct rides.
    fn segments_of(&mut self, run: &Run, line: u32, at: &BTreeMap<NodeIdx, OnBoard>, ahead: bool) {
        let links: Vec<(u32, bool)> = if ahead {
            run.links.clone()
        } else {
            run.links.iter().rev().map(|&(li, f)| (li, !f)).collect()
        };
        let Some(&(first, fwd0)) = links.first() else {
            return;
        };
        let l0 = &self.net.links[first as usize];
        let mut from = if fwd0 { l0.from } else { l0.to };
        let mut chain = Chain {
            line,
            headway_min: at[&from].headway_min,
            ..Chain::default()
        };
        let call = |ob: &OnBoard, node| (node, ob.board_s, ob.alight_s, ob.through);
        chain.calls.push(call(&at[&from], from));
        let (mut w, mut seg) = (0, Vec::new());
        for &(li, forward) in &links {
            let l = &self.net.links[li as usize];
            let Some(mp) = traction_params(self.tm, self.spec.profile, l, run.traction) else {
                break; // build_runs keeps only services whose links all run
            };
            if l.oneway && !forward {
                break; // this direction cannot run
            }
            w += secs(run_seconds(l, mp, forward, self.spec.year));
            seg.push((li, forward));
            let to = if forward { l.to } else { l.from };
            match at.get(&to) {
                // Passed without a call: its slow approaches only.
                None => w += secs(2.0 * run.calls[&to].approach_s),
                Some(ob) => {
                    let segment = self.segments.len() as u32;
                    self.segments.push(std::mem::take(&mut seg));
                    self.segment_traction.push(run.traction);
                    chain.segments.push(self.arcs.len());
                    chain.calls.push(call(ob, to));
                    self.arc(
                        at[&from].lv.depart,
                        ob.lv.arrive,
                        w,
                        EdgeKind::Segment { segment },
                    );
                    (from, w) = (to, 0);
                }
            }
        }
        self.chains.push(chain);
    }

    /// Phase 1b: one direct-ride arc per pair of calls of each service
    /// direction, from the boarding node's concourse to the alighting
    /// node's platform (weights set once the CSR graph exists).
    fn direct_rides(&mut self) {
        let (rides, chain_arcs) = direct::rides_of(&self.chains, &self.arrival);
        self.chain_arcs = chain_arcs;
        for (mut ride, tail, head) in rides {
            ride.arc = self.arcs.len() as u32;
            let kind = EdgeKind::Direct {
                ride: self.rides.len() as u32,
            };
            self.arc(tail, head, 0, kind);
            self.rides.push(ride);
        }
    }

    /// Phase 2: from the arrival side back to the concourse (a change of
    /// train or vessel costs the transfer time).
    fn transfers(&mut self) {
        let transfer = secs(self.tm.profile(self.spec.profile).transfer_min * 60.0);
        for node in 0..self.arrival.len() {
            if let Some(arr) = self.arrival[node] {
                let node = node as NodeIdx;
                self.arc(arr, node, transfer, EdgeKind::Transfer { node });
            }
        }
    }

    /// Phase 3: road vertices. Interchanges are road vertices themselves;
    /// places get one, with a terminal cost to enter or leave the road network.
    fn road_vertices(&mut self, active: &[u32]) {
        let terminal = secs(self.tm.profile(self.spec.profile).road_terminal_min * 60.0);
        for &li in active {
            let l = &self.net.links[li as usize];
            if !l.mode.is_road() {
                continue;
            }
            for end in [l.from, l.to] {
                if self.road[end as usize].is_some() {
                    continue;
                }
                let v = if self.net.nodes[end as usize].kind == NodeKind::Interchange {
                    end
                } else {
                    let v = self.vertex(Vertex::Road(end));
                    self.arc(end, v, terminal, EdgeKind::RoadTerminal { node: end });
                    self.arc(v, end, terminal, EdgeKind::RoadTerminal { node: end });
                    v
                };
                self.road[end as usize] = Some(v);
            }
        }
    }

    /// Phase 4: access connectors and road links, in link order.
    fn links(&mut self, active: &[u32]) {
        for &li in active {
            let l = &self.net.links[li as usize];
            let Some(mp) = mode_params(self.tm, self.spec.profile, l) else {
                continue;
            };
            if l.mode == Mode::Access {
                self.access(li);
            } else if l.mode.is_road() {
                let (Some(a), Some(b)) = (self.road[l.from as usize], self.road[l.to as usize])
                else {
                    continue;
                };
                let kind = |forward| EdgeKind::Road { link: li, forward };
                let w = secs(run_seconds(l, mp, true, self.spec.year));
                self.arc(a, b, w, kind(true));
                if !l.oneway {
                    let w = secs(run_seconds(l, mp, false, self.spec.year));
                    self.arc(b, a, w, kind(false));
                }
            }
            // Scheduled links are ridden through their runs (phase 1).
        }
    }

    /// One access connector between a place and a facility.
    fn access(&mut self, li: u32) {
        let (net, tm, spec) = (self.net, self.tm, self.spec);
        let l = &net.links[li as usize];
        let (a, b) = (&net.nodes[l.from as usize], &net.nodes[l.to as usize]);
        // Orient place → facility when one end is a place.
        let (place, fac) = if b.kind.is_place() && !a.kind.is_place() {
            (l.to, l.from)
        } else {
            (l.from, l.to)
        };
        let fac_node = &net.nodes[fac as usize];
        let own = fac_node.city.as_deref() == Some(net.nodes[place as usize].id.as_str());
        self.reached[place as usize].push((fac, own));
        let m = l.minutes.unwrap_or(0.0);
        let processing = fac_node
            .processing_min
            .unwrap_or_else(|| tm.processing_min(spec.profile, fac_node.kind));
        let (enter, leave) = (
            EdgeKind::Access {
                link: li,
                entering: true,
            },
            EdgeKind::Access {
                link: li,
                entering: false,
            },
        );
        self.arc(place, fac, secs((m + processing) * 60.0), enter);
        // Out of a station or port only after alighting (from its arrival
        // vertex), and never out of an airport (no air links are routed):
        // otherwise two access connectors through a shared facility would act
        // as a road between two places.
        if fac_node.kind == NodeKind::Interchange || fac_node.kind.is_place() {
            self.arc(fac, place, secs(m * 60.0), leave);
        }
        if let Some(arr) = self.arrival[fac as usize] {
            let egress = tm.profile(spec.profile).egress_min;
            self.arc(arr, place, secs((m + egress) * 60.0), leave);
        }
    }

    /// The facilities where each place's in-vehicle times start and end:
    /// its declared main stations; else its own facilities; else every
    /// facility its connectors reach.
    fn facilities(&self) -> Vec<Vec<NodeIdx>> {
        (self.reached.iter().enumerate())
            .map(|(place, f)| {
                let main = &self.net.nodes[place].main_stations;
                if !main.is_empty() {
                    return main.iter().filter_map(|id| self.net.node_idx(id)).collect();
                }
                let any_own = f.iter().any(|&(_, own)| own);
                (f.iter())
                    .filter(|&&(_, own)| own || !any_own)
                    .map(|&(fac, _)| fac)
                    .collect()
            })
            .collect()
    }

    fn finish(mut self, runs: &[Run]) -> RoutingGraph {
        let facilities = self.facilities();
        let (mut csr, order) = CsrGraph::from_arcs(self.vertices.len(), &self.arcs);
        direct::renumber(&mut self.rides, &mut self.chain_arcs, &order);
        direct::set_weights(&mut self.rides, &self.chain_arcs, csr.weights_mut());
        RoutingGraph {
            spec: self.spec.clone(),
            csr,
            vertices: self.vertices,
            edges: order.iter().map(|&i| self.kinds[i as usize]).collect(),
            lines: runs.iter().map(|r| r.name.clone()).collect(),
            run_service: runs.iter().map(|r| r.service).collect(),
            boardings: self.boardings,
            arrival: self.arrival,
            road: self.road,
            node_kinds: self.net.nodes.iter().map(|n| n.kind).collect(),
            segments: self.segments,
            segment_traction: self.segment_traction,
            rides: self.rides,
            chains: self.chain_arcs,
            facilities,
        }
    }
}

impl RoutingGraph {
    /// Compiles `net` for `spec` under time model `tm`.
    pub fn compile(net: &Network, tm: &TimeModel, spec: &GraphSpec) -> RoutingGraph {
        let active: Vec<u32> = (0..net.links.len() as u32)
            .filter(|&i| spec.uses(&net.links[i as usize], tm))
            .collect();
        let runs = build_runs(net, tm, spec, &active);
        let mut b = Builder::new(net, tm, spec);
        b.runs(&runs);
        b.direct_rides();
        b.transfers();
        b.road_vertices(&active);
        b.links(&active);
        b.finish(&runs)
    }
}
