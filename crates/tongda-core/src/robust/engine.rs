//! Evaluating goals under one draw of the uncertain inputs, on compiled
//! graphs re-weighted in place.
//!
//! A draw's speeds and cruise fractions change arc weights only: each
//! worker keeps one compiled graph per profile and re-weights it per draw
//! ([`Reweighter`]). A drawn opening year can change which links exist, so
//! the graphs are keyed by the set of links whose existence the draw
//! toggles: each distinct set is compiled once per worker (a handful for a
//! scenario year, as the years are whole numbers), never once per draw.

use crate::goal::{CheckedGoal, Outcome, Times};
use crate::graph::{Reweighter, RoutingGraph, VertexId, Weight};
use crate::model::{InputKind, Link, Mode, Network, NodeIdx, Uncertain};
use crate::route::{Dijkstra, Endpoint, Router};
use crate::scenario::Scenario;
use crate::timemodel::{Measure, Profile, TimeModel};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, OnceLock};

/// One draw: a value per input (`None`: the point value of the data).
pub type Values = Vec<Option<f64>>;

/// A compiled graph's identity: profile, the modes a freight route keeps,
/// and the links whose existence the draw toggles.
type GraphKey = (Profile, Option<Vec<Mode>>, Vec<usize>);

/// Goals of one scenario, ready to evaluate under any draw.
pub struct Engine<'a> {
    sc: &'a Scenario,
    goals: &'a [CheckedGoal],
    inputs: Vec<Uncertain>,
    /// Per input, the indices of its links in the scenario's network.
    links: Vec<Vec<usize>>,
    /// Graphs compiled so far, shared by the workers (each re-weights its
    /// own copy).
    compiled: Mutex<BTreeMap<GraphKey, Arc<OnceLock<Compiled>>>>,
}

/// What one rayon worker keeps between draws: its compiled graphs and
/// their search state.
#[derive(Default)]
pub struct Worker {
    graphs: BTreeMap<GraphKey, Compiled>,
}

#[derive(Clone)]
struct Compiled {
    graph: RoutingGraph,
    reweighter: Reweighter,
    dijkstra: Dijkstra,
    /// Endpoints met so far (they depend on the topology only).
    endpoints: BTreeMap<(NodeIdx, Measure), Endpoint>,
    /// Target vertices not yet settled in the current search.
    waiting: Vec<bool>,
}

impl Compiled {
    fn endpoint(&mut self, node: NodeIdx, measure: Measure) -> &Endpoint {
        let g = &self.graph;
        self.endpoints
            .entry((node, measure))
            .or_insert_with(|| Endpoint::new(g, node, measure))
    }
}

impl<'a> Engine<'a> {
    /// The engine of `sc`'s goals over `inputs`.
    pub fn new(sc: &'a Scenario, goals: &'a [CheckedGoal], inputs: Vec<Uncertain>) -> Engine<'a> {
        let links = (inputs.iter())
            .map(|u| {
                u.links
                    .iter()
                    .filter_map(|id| sc.network.link_idx(id))
                    .collect()
            })
            .collect();
        Engine {
            sc,
            goals,
            inputs,
            links,
            compiled: Mutex::new(BTreeMap::new()),
        }
    }

    /// The inputs drawn, in order.
    pub fn inputs(&self) -> &[Uncertain] {
        &self.inputs
    }

    /// The goals evaluated, in order.
    pub fn goals(&self) -> &[CheckedGoal] {
        self.goals
    }

    /// Every goal's outcome under `values`.
    pub fn evaluate(&self, values: &Values, w: &mut Worker) -> Vec<Outcome> {
        let draw = self.draw(values);
        let mut keys: Vec<(Profile, Option<Vec<Mode>>)> =
            self.goals.iter().flat_map(|g| g.graphs()).collect();
        keys.sort();
        keys.dedup();
        for (profile, modes) in keys {
            let key = self.key(profile, modes, &draw);
            let c = w
                .graphs
                .entry(key.clone())
                .or_insert_with(|| self.template(&key, &draw));
            let tm = restrict(&draw.tm, profile, key.1.as_deref());
            let link = |i: u32| draw.link(&self.sc.network, i as usize);
            c.reweighter.apply(&mut c.graph, &link, &tm);
        }
        let mut times = DrawTimes {
            engine: self,
            worker: w,
            draw: &draw,
            drawn: std::cell::OnceCell::new(),
        };
        self.goals.iter().map(|g| g.outcome(&mut times)).collect()
    }

    /// The links, time model and topology of a draw.
    fn draw(&self, values: &Values) -> Draw {
        let net = &self.sc.network;
        let year = self.sc.spec.year;
        let mut tm = self.sc.time_model.clone();
        let mut links: BTreeMap<usize, Link> = BTreeMap::new();
        for ((u, idx), v) in self.inputs.iter().zip(&self.links).zip(values) {
            let Some(v) = *v else { continue };
            if let InputKind::CruiseFraction(p, m) = u.kind {
                if let Some(mp) = tm.profile_mut(p).modes.get_mut(&m) {
                    mp.cruise_fraction = v;
                }
                continue;
            }
            for &i in idx {
                let l = links.entry(i).or_insert_with(|| net.links[i].clone());
                match u.kind {
                    InputKind::DesignSpeed => {
                        // The cruise speed is min(design, operating): a
                        // design speed caps the operating one, as in set_speed.
                        l.design_speed_kmh = Some(v);
                    }
                    InputKind::OperatingSpeed => {
                        l.operating_speed_kmh = Some(v);
                        l.operating_speed_since.clear();
                    }
                    InputKind::OpenYear => l.open_year = v as i32,
                    InputKind::CruiseFraction(..) => {}
                }
            }
        }
        let toggled = (links.iter())
            .filter(|(&i, l)| l.exists_in(year) != net.links[i].exists_in(year))
            .map(|(&i, _)| i)
            .collect();
        Draw { tm, links, toggled }
    }

    /// The key of a profile's graph in a draw: the toggled links the graph
    /// would use (a road opening later does not change a rail corridor).
    fn key(&self, profile: Profile, modes: Option<Vec<Mode>>, draw: &Draw) -> GraphKey {
        let tm = restrict(&self.sc.time_model, profile, modes.as_deref());
        let toggled = (draw.toggled.iter().copied())
            .filter(|&i| {
                crate::graph::mode_params(&tm, profile, &self.sc.network.links[i]).is_some()
            })
            .collect();
        (profile, modes, toggled)
    }

    /// A worker's copy of the graph of `key`, compiled once for all workers.
    fn template(&self, key: &GraphKey, draw: &Draw) -> Compiled {
        // The map is locked only to find the key's cell: different keys
        // compile at the same time, the same key once.
        let cell = {
            let mut shared = self.compiled.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(shared.entry(key.clone()).or_default())
        };
        cell.get_or_init(|| self.compile(key, draw)).clone()
    }

    /// Compiles the graph of `key` with the draw's opening years and the
    /// scenario's point speeds; the draw's weights come from re-weighting.
    fn compile(&self, key: &GraphKey, draw: &Draw) -> Compiled {
        let (profile, modes, toggled) = key;
        let sc = self.sc;
        let tm = restrict(&sc.time_model, *profile, modes.as_deref());
        let spec = sc.graph_spec(*profile);
        let graph = if toggled.is_empty() {
            RoutingGraph::compile(&sc.network, &tm, &spec)
        } else {
            RoutingGraph::compile(&draw.network_of(&sc.network, toggled), &tm, &spec)
        };
        let reweighter = Reweighter::new(&graph, &sc.network, &tm);
        let dijkstra = Dijkstra::new(graph.csr.num_vertices());
        Compiled {
            graph,
            reweighter,
            dijkstra,
            endpoints: BTreeMap::new(),
            waiting: Vec::new(),
        }
    }
}

/// A time model keeping only `modes` (plus access) of `profile`, as a
/// freight route's corridor does.
fn restrict(tm: &TimeModel, profile: Profile, modes: Option<&[Mode]>) -> TimeModel {
    let mut tm = tm.clone();
    if let Some(keep) = modes {
        (tm.profile_mut(profile).modes).retain(|m, _| keep.contains(m) || *m == Mode::Access);
    }
    tm
}

/// The draw's changed links, time model and toggled links.
struct Draw {
    tm: TimeModel,
    links: BTreeMap<usize, Link>,
    toggled: Vec<usize>,
}

impl Draw {
    /// `net` with the draw's opening years of the `toggled` links.
    fn network_of(&self, net: &Network, toggled: &[usize]) -> Network {
        let mut out = net.clone();
        let mut links = net.links.clone();
        for &i in toggled {
            links[i].open_year = self.links[&i].open_year;
        }
        out.set_links(links);
        out
    }

    fn link<'n>(&'n self, net: &'n Network, i: usize) -> &'n Link {
        self.links.get(&i).unwrap_or(&net.links[i])
    }
}

/// [`Times`] on one worker's re-weighted graphs.
struct DrawTimes<'e, 'a> {
    engine: &'e Engine<'a>,
    worker: &'e mut Worker,
    draw: &'e Draw,
    /// The network with the draw's opening years, made on first use.
    drawn: std::cell::OnceCell<Network>,
}

impl DrawTimes<'_, '_> {
    fn compiled(&mut self, profile: Profile, modes: Option<&[Mode]>) -> &mut Compiled {
        let key = self
            .engine
            .key(profile, modes.map(<[Mode]>::to_vec), self.draw);
        self.worker
            .graphs
            .get_mut(&key)
            .expect("every graph a goal routes on is compiled before its goals run")
    }
}

impl Times for DrawTimes<'_, '_> {
    fn seconds(
        &mut self,
        (profile, measure): (Profile, Measure),
        origin: NodeIdx,
        dests: &[NodeIdx],
    ) -> Vec<Option<Weight>> {
        let net = &self.engine.sc.network;
        let c = self.compiled(profile, None);
        let g = &c.graph;
        if profile == Profile::Freight && measure == Measure::InVehicle {
            // Freight in-vehicle is the moving time of the door-to-door route.
            let mut r = Router::new(net, g);
            return (dests.iter())
                .map(|&d| {
                    r.route(origin, d, Measure::DoorToDoor)
                        .map(|r| r.moving_seconds())
                })
                .collect();
        }
        let src = c.endpoint(origin, measure).clone();
        let targets: Vec<Vec<VertexId>> = (dests.iter())
            .map(|&d| {
                let e = c.endpoint(d, measure);
                (e.targets.iter().copied())
                    .filter(|&t| Endpoint::arrives(&src, t))
                    .collect()
            })
            .collect();
        // Stop once every target is settled (their distances are final).
        c.waiting.resize(c.graph.csr.num_vertices(), false);
        let mut left = 0usize;
        for &t in targets.iter().flatten() {
            if !std::mem::replace(&mut c.waiting[t as usize], true) {
                left += 1;
            }
        }
        let waiting = &mut c.waiting;
        c.dijkstra.run_until(&c.graph.csr, &src.sources, |v| {
            if std::mem::replace(&mut waiting[v as usize], false) {
                left -= 1;
            }
            left == 0
        });
        waiting.iter_mut().for_each(|w| *w = false);
        (dests.iter().zip(&targets))
            .map(|(&d, ts)| {
                if d == origin {
                    return Some(0);
                }
                ts.iter().filter_map(|&t| c.dijkstra.distance(t)).min()
            })
            .collect()
    }

    fn restricted_route(
        &mut self,
        profile: Profile,
        modes: &[Mode],
        (from, to): (NodeIdx, NodeIdx),
    ) -> Option<(f64, BTreeSet<Mode>)> {
        let net = &self.engine.sc.network;
        let c = self.compiled(profile, Some(modes));
        let route = Router::new(net, &c.graph).route(from, to, Measure::DoorToDoor)?;
        let used = route.legs.iter().filter_map(|l| l.mode).collect();
        Some((crate::units::round1(route.minutes()), used))
    }

    fn network(&self) -> &Network {
        let net = &self.engine.sc.network;
        if self.draw.toggled.is_empty() {
            return net;
        }
        self.drawn
            .get_or_init(|| self.draw.network_of(net, &self.draw.toggled))
    }

    fn year(&self) -> i32 {
        self.engine.sc.spec.year
    }
}
