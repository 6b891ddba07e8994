//! Turning a path of routing-graph arcs into legs a planner can read.

use crate::graph::{EdgeKind, RoutingGraph, Vertex, Weight};
use crate::model::{Mode, Network, NodeIdx};
use serde::Serialize;

/// What a leg is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LegKind {
    /// From a place to a station/port/interchange (includes processing).
    Access,
    /// From a station/port to a place (includes leaving the station).
    Egress,
    /// Waiting for the service (half the headway).
    Wait,
    /// On board one line, possibly over several links.
    Ride,
    /// Changing line at a station.
    Transfer,
    /// Driving along one road.
    Drive,
    /// Entering or leaving the road network at a place.
    RoadTerminal,
}

/// One leg of a route.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leg {
    /// What the leg is.
    pub kind: LegKind,
    /// Mode (rides, drives, access).
    pub mode: Option<Mode>,
    /// Line or road name, Chinese.
    pub name_zh: String,
    /// Line or road name, English.
    pub name_en: String,
    /// Project id of the links used.
    pub project: Option<String>,
    /// Rides: the service ridden (its id in `services.toml`); `None` on a
    /// line's default pattern.
    pub service: Option<String>,
    /// Start node id.
    pub from: String,
    /// End node id.
    pub to: String,
    /// Kilometres travelled.
    pub km: f64,
    /// Seconds spent.
    pub seconds: Weight,
    /// Model link indices used, in order.
    #[serde(skip)]
    pub links: Vec<u32>,
}

impl Leg {
    /// Minutes, unrounded.
    pub fn minutes(&self) -> f64 {
        f64::from(self.seconds) / 60.0
    }

    fn new(kind: LegKind, from: NodeIdx, to: NodeIdx, net: &Network) -> Leg {
        Leg {
            kind,
            mode: None,
            name_zh: String::new(),
            name_en: String::new(),
            project: None,
            service: None,
            from: net.nodes[from as usize].id.clone(),
            to: net.nodes[to as usize].id.clone(),
            km: 0.0,
            seconds: 0,
            links: Vec::new(),
        }
    }

    fn with_link(mut self, net: &Network, link: u32) -> Leg {
        self.name_from_link(net, link);
        self
    }

    fn name_from_link(&mut self, net: &Network, link: u32) {
        let l = &net.links[link as usize];
        self.mode = Some(l.mode);
        self.name_zh = l.name_zh.clone();
        self.name_en = l.name_en.clone();
        self.project = Some(l.project.clone());
    }
}

fn node_of(v: Vertex) -> NodeIdx {
    match v {
        Vertex::Node(n)
        | Vertex::Arrival(n)
        | Vertex::Depart(n, _)
        | Vertex::Arrive(n, _)
        | Vertex::Road(n) => n,
    }
}

/// Builds the legs of a path that starts at `source` with initial cost
/// `initial` and follows `arcs`. Leg seconds sum to the path's cost.
pub fn legs_of_path(
    net: &Network,
    g: &RoutingGraph,
    source: u32,
    initial: Weight,
    arcs: &[u32],
) -> Vec<Leg> {
    let mut legs: Vec<Leg> = Vec::new();
    let mut ride: Option<Leg> = None;
    let service_of =
        |line: u32| g.run_service[line as usize].map(|s| net.services[s as usize].id.clone());
    if let Vertex::Depart(n, line) = g.vertices[source as usize] {
        let mut leg = Leg::new(LegKind::Ride, n, n, net);
        leg.seconds = initial;
        leg.name_en = g.lines[line as usize].clone();
        leg.service = service_of(line);
        ride = Some(leg);
    }
    let mut tail = source;
    for &a in arcs {
        let head = g.csr.head(a);
        let w = g.csr.weight(a);
        let (tn, hn) = (
            node_of(g.vertices[tail as usize]),
            node_of(g.vertices[head as usize]),
        );
        match g.edges[a as usize] {
            EdgeKind::Board {
                node,
                wait_s,
                ride_s,
                line,
            } => {
                if wait_s > 0 {
                    let mut wait = Leg::new(LegKind::Wait, node, node, net);
                    wait.seconds = wait_s;
                    wait.name_en = format!("wait for {}", g.lines[line as usize]);
                    wait.name_zh = "候车".into();
                    legs.push(wait);
                }
                let mut leg = Leg::new(LegKind::Ride, node, node, net);
                leg.seconds = ride_s;
                leg.name_en = g.lines[line as usize].clone();
                leg.service = service_of(line);
                ride = Some(leg);
            }
            EdgeKind::Direct { ride: d } => {
                let d = &g.rides[d as usize];
                if d.wait_s > 0 {
                    let mut wait = Leg::new(LegKind::Wait, d.from, d.from, net);
                    wait.seconds = d.wait_s;
                    let line = &g.lines[d.line as usize];
                    wait.name_en = if d.combined_headway_min < d.headway_min - 1e-9 {
                        format!(
                            "wait for {line} or a train as fast (every {:.0} min together)",
                            d.combined_headway_min
                        )
                    } else {
                        format!("wait for {line}")
                    };
                    wait.name_zh = "候车".into();
                    legs.push(wait);
                }
                let mut leg = Leg::new(LegKind::Ride, d.from, d.to, net);
                leg.seconds = w.saturating_sub(d.wait_s);
                leg.name_en = g.lines[d.line as usize].clone();
                leg.service = service_of(d.line);
                for &p in g.chains[d.chain as usize].segments_between(d.calls) {
                    if let EdgeKind::Segment { segment } = g.edges[p as usize] {
                        for &(link, _) in &g.segments[segment as usize] {
                            if leg.links.is_empty() {
                                leg.name_from_link(net, link);
                            }
                            leg.km += net.links[link as usize].length_km;
                            leg.links.push(link);
                        }
                    }
                }
                legs.push(leg);
            }
            EdgeKind::Ride { link, .. } => {
                if let Some(r) = ride.as_mut() {
                    if r.links.is_empty() {
                        r.name_from_link(net, link);
                    }
                    r.seconds += w;
                    r.km += net.links[link as usize].length_km;
                    r.links.push(link);
                    r.to = net.nodes[hn as usize].id.clone();
                }
            }
            EdgeKind::Segment { segment } => {
                if let Some(r) = ride.as_mut() {
                    for &(link, _) in &g.segments[segment as usize] {
                        if r.links.is_empty() {
                            r.name_from_link(net, link);
                        }
                        r.km += net.links[link as usize].length_km;
                        r.links.push(link);
                    }
                    r.seconds += w;
                    r.to = net.nodes[hn as usize].id.clone();
                }
            }
            EdgeKind::Through { .. } => {
                if let Some(r) = ride.as_mut() {
                    r.seconds += w;
                }
            }
            EdgeKind::Alight { .. } => {
                if let Some(mut r) = ride.take() {
                    r.seconds += w;
                    legs.push(r);
                }
            }
            EdgeKind::Transfer { node } => {
                let mut t = Leg::new(LegKind::Transfer, node, node, net);
                t.seconds = w;
                t.name_en = "transfer".into();
                t.name_zh = "换乘".into();
                legs.push(t);
            }
            EdgeKind::Access { link, entering } => {
                let kind = if entering {
                    LegKind::Access
                } else {
                    LegKind::Egress
                };
                let mut leg = Leg::new(kind, tn, hn, net).with_link(net, link);
                leg.seconds = w;
                leg.km = net.links[link as usize].length_km;
                leg.links.push(link);
                legs.push(leg);
            }
            EdgeKind::Road { link, .. } => {
                let l = &net.links[link as usize];
                let extend = legs.last().is_some_and(|p| {
                    p.kind == LegKind::Drive && p.project.as_deref() == Some(l.project.as_str())
                });
                if !extend {
                    legs.push(Leg::new(LegKind::Drive, tn, hn, net).with_link(net, link));
                }
                if let Some(p) = legs.last_mut() {
                    p.seconds += w;
                    p.km += l.length_km;
                    p.links.push(link);
                    p.to = net.nodes[hn as usize].id.clone();
                }
            }
            EdgeKind::RoadTerminal { node } => {
                let mut t = Leg::new(LegKind::RoadTerminal, node, node, net);
                t.seconds = w;
                t.name_en = "urban streets / parking".into();
                t.name_zh = "市内道路/停车".into();
                legs.push(t);
            }
        }
        tail = head;
    }
    if let Some(r) = ride.take() {
        legs.push(r);
    }
    legs
}
