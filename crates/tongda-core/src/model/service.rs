//! Rail services: stop patterns with a frequency, ridden across lines.

use super::{Mode, NodeIdx};
use serde::{Deserialize, Serialize};

/// The hours over which `per_day` trains are spread to give a headway
/// (06:30–22:30, the operating day of the region's HSR timetables).
pub const SERVICE_DAY_MIN: f64 = 960.0;

/// How a service's trains are drawn: multiple-unit trains (G/D/C/S: 动车组)
/// or locomotive-hauled coaches (K/T/Z/Y and numbered: 普速列车). The two
/// run the same track at different speeds: a locomotive-hauled train
/// accelerates slowly, is limited by its coaches and waits in passing loops
/// for faster trains, so it rides with the profile's `locomotive`
/// time-model parameters instead of its lines' mode parameters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Traction {
    /// Electric or diesel multiple units (G, D, C, S trains): the mode's parameters.
    #[default]
    Emu,
    /// Locomotive-hauled coaches (K, T, Z, Y and numbered trains).
    Locomotive,
}

/// One stop pattern of scheduled trains, in the manner of a GTFS route
/// pattern or Conveyal R5's frequency-based `AddTrips`: the stations it calls
/// at, the lines it runs over (several lines = through-running, one ride), and
/// how often it runs. It runs in both directions unless `oneway`.
///
/// ```
/// use tongda_core::model::{Mode, Service, Traction};
/// let s = Service {
///     id: "svc_cd_cq".into(),
///     name_zh: "成渝高铁 直达".into(),
///     name_en: "Chengdu–Chongqing non-stop".into(),
///     mode: Mode::Hsr,
///     traction: Traction::Emu,
///     stops: vec![0, 5],
///     lines: vec!["chengyu_hsr".into()],
///     per_day: Some(32.0),
///     headway_min: None,
///     from_year: Some(2021),
///     to_year: None,
///     oneway: false,
///     source: "12306 2024: G8501 …".into(),
///     described: true,
///     removed: false,
/// };
/// assert_eq!(s.headway(), 30.0); // 960 min of service day / 32 trains
/// assert!(s.runs_in(2024) && !s.runs_in(2020));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Service {
    /// Stable ASCII id (`svc_…`).
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Mode of the lines it runs over (its time-model parameters).
    pub mode: Mode,
    /// Multiple units or locomotive-hauled ([`Traction`]).
    pub traction: Traction,
    /// Stations where it calls, in order (indices into the network's nodes).
    pub stops: Vec<NodeIdx>,
    /// The `line`s of the links it runs over.
    pub lines: Vec<String>,
    /// Trains per day in each direction.
    pub per_day: Option<f64>,
    /// Peak headway, minutes (instead of `per_day`).
    pub headway_min: Option<f64>,
    /// First year it runs (default: as soon as its links exist).
    pub from_year: Option<i32>,
    /// Last year it runs.
    pub to_year: Option<i32>,
    /// Runs only in the order of `stops`.
    pub oneway: bool,
    /// Timetable year and train numbers, or the announcement / assumption.
    pub source: String,
    /// Read from the network's `services.toml` (not added by a scenario): in
    /// its years, the links it runs over are *described* and have no default
    /// pattern, whatever a scenario does to it.
    pub described: bool,
    /// Taken out by a scenario (`remove_service`): it no longer runs, but the
    /// links it described keep no default pattern, so that removing a service
    /// never brings a faster stand-in back.
    pub removed: bool,
}

impl Service {
    /// The headway, minutes: `headway_min`, else [`SERVICE_DAY_MIN`] / `per_day`.
    pub fn headway(&self) -> f64 {
        match (self.headway_min, self.per_day) {
            (Some(h), _) => h,
            (None, Some(n)) if n > 0.0 => SERVICE_DAY_MIN / n,
            _ => SERVICE_DAY_MIN,
        }
    }

    /// True if the pattern runs in `year` (its links may still be missing).
    pub fn runs_in(&self, year: i32) -> bool {
        self.from_year.is_none_or(|y| y <= year) && self.to_year.is_none_or(|y| year <= y)
    }
}

/// Why a service's stops cannot be joined into one path over its lines.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServicePathError {
    /// No accepted link of the service's lines joins two consecutive stops.
    #[error("no link of line(s) {} joins stop \"{from}\" to \"{to}\"", .lines.join(", "))]
    Gap {
        /// The service's lines.
        lines: Vec<String>,
        /// The stop the gap starts at (node id).
        from: String,
        /// The next stop (node id).
        to: String,
    },
    /// The path between two stops passes a station already on the path.
    #[error("the path between the stops visits station \"{station}\" twice")]
    Revisit {
        /// The station (node id).
        station: String,
    },
}

impl ServicePathError {
    /// How to fix the service.
    pub fn fix(&self) -> &'static str {
        "list every line the trains run over, or check the order of the stops"
    }
}

impl super::Network {
    /// The links a service runs over, in order, as `(link index, forward)`:
    /// between each two consecutive stops, the shortest path (by km) over the
    /// links of its lines that `link_ok` accepts. An error says which two
    /// stops no such link joins, or which station the path would visit twice.
    /// For many services on one network, build a [`ServicePaths`] once.
    pub fn service_path(
        &self,
        service: &Service,
        link_ok: impl Fn(usize) -> bool,
    ) -> Result<Vec<(u32, bool)>, ServicePathError> {
        ServicePaths::new(self, link_ok).path(service)
    }
}

/// Finds service paths on one network: the rail links `link_ok` accepts,
/// indexed by node once, for any number of services (the search buffers
/// are reused from one service to the next).
#[derive(Debug)]
pub struct ServicePaths<'a> {
    net: &'a super::Network,
    /// Per node: (link, forward) of the accepted rail links leaving it.
    adj: Vec<Vec<(u32, bool)>>,
    /// Per link: the index of its `line` in `lines`.
    line_of: Vec<u32>,
    /// The distinct line ids, sorted.
    lines: Vec<&'a str>,
    search: std::cell::RefCell<Search>,
}

/// Dense buffers of one stop-to-stop search, reset through `touched`.
#[derive(Debug, Default)]
struct Search {
    dist: Vec<u64>,
    prev: Vec<(u32, bool, NodeIdx)>,
    touched: Vec<NodeIdx>,
}

impl<'a> ServicePaths<'a> {
    /// Indexes the rail links of `net` that `link_ok` accepts.
    pub fn new(net: &'a super::Network, link_ok: impl Fn(usize) -> bool) -> ServicePaths<'a> {
        let mut adj = vec![Vec::new(); net.nodes.len()];
        for (i, l) in net.links.iter().enumerate() {
            if l.mode.is_rail() && link_ok(i) {
                adj[l.from as usize].push((i as u32, true));
                if !l.oneway {
                    adj[l.to as usize].push((i as u32, false));
                }
            }
        }
        let mut lines: Vec<&str> = net.links.iter().map(|l| l.line.as_str()).collect();
        lines.sort_unstable();
        lines.dedup();
        let line_of = (net.links.iter())
            .map(|l| lines.binary_search(&l.line.as_str()).unwrap_or(0) as u32)
            .collect();
        let n = net.nodes.len();
        let search = Search {
            dist: vec![u64::MAX; n],
            prev: vec![(0, false, 0); n],
            touched: Vec::new(),
        };
        ServicePaths {
            net,
            adj,
            line_of,
            lines,
            search: std::cell::RefCell::new(search),
        }
    }

    /// The path of `service` (see [`super::Network::service_path`]).
    pub fn path(&self, service: &Service) -> Result<Vec<(u32, bool)>, ServicePathError> {
        use std::cmp::Reverse;
        use std::collections::BinaryHeap;
        let net = self.net;
        let wanted: Vec<u32> = (service.lines.iter())
            .filter_map(|l| self.lines.binary_search(&l.as_str()).ok())
            .map(|i| i as u32)
            .collect();
        let on_lines = |li: u32| wanted.contains(&self.line_of[li as usize]);
        let mut s = self.search.borrow_mut();
        let mut path = Vec::new();
        let mut visited = vec![service.stops[0]];
        let mut heap = BinaryHeap::new();
        for w in service.stops.windows(2) {
            let (a, b) = (w[0], w[1]);
            // Dijkstra in metres (integers: deterministic ties).
            for n in std::mem::take(&mut s.touched) {
                s.dist[n as usize] = u64::MAX;
            }
            s.dist[a as usize] = 0;
            s.touched.push(a);
            heap.clear();
            heap.push(Reverse((0u64, a)));
            while let Some(Reverse((d, n))) = heap.pop() {
                if n == b {
                    break;
                }
                if s.dist[n as usize] < d {
                    continue;
                }
                for &(li, fwd) in &self.adj[n as usize] {
                    if !on_lines(li) {
                        continue;
                    }
                    let l = &net.links[li as usize];
                    let m = if fwd { l.to } else { l.from };
                    let nd = d + (l.length_km * 1000.0).round() as u64;
                    if nd < s.dist[m as usize] {
                        if s.dist[m as usize] == u64::MAX {
                            s.touched.push(m);
                        }
                        s.dist[m as usize] = nd;
                        s.prev[m as usize] = (li, fwd, n);
                        heap.push(Reverse((nd, m)));
                    }
                }
            }
            if s.dist[b as usize] == u64::MAX {
                return Err(ServicePathError::Gap {
                    lines: service.lines.clone(),
                    from: net.nodes[a as usize].id.clone(),
                    to: net.nodes[b as usize].id.clone(),
                });
            }
            let mut seg = Vec::new();
            let mut n = b;
            while n != a {
                let (li, fwd, p) = s.prev[n as usize];
                seg.push((li, fwd, n));
                n = p;
            }
            seg.reverse();
            for (li, fwd, n) in seg {
                if visited.contains(&n) {
                    return Err(ServicePathError::Revisit {
                        station: net.nodes[n as usize].id.clone(),
                    });
                }
                visited.push(n);
                path.push((li, fwd));
            }
        }
        Ok(path)
    }
}
