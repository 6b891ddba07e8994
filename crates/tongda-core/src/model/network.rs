//! The [`Network`]: all nodes and links, with id lookup.

use super::{Link, Node, NodeKind, Service};
use std::collections::HashMap;

/// Index of a node in [`Network::nodes`].
pub type NodeIdx = u32;

/// The whole network model: nodes and links in file order, with an id index.
///
/// A `Network` is immutable once loaded; scenarios work on a clone.
#[derive(Debug, Clone, Default)]
pub struct Network {
    /// All nodes.
    pub nodes: Vec<Node>,
    /// All links; `from`/`to` index into `nodes`.
    pub links: Vec<Link>,
    /// Rail services (stop patterns); lines no service runs over are ridden
    /// as one default pattern each (see [`crate::graph`]).
    pub services: Vec<Service>,
    /// Uncertain inputs of the data (`ranges.toml`; scenarios add `set_range`).
    pub ranges: Vec<super::Uncertain>,
    node_by_id: HashMap<String, NodeIdx>,
    link_by_id: HashMap<String, usize>,
}

impl Network {
    /// Builds a network from nodes and links; ids must already be unique
    /// (the loader checks this and reports duplicates as errors).
    pub fn new(nodes: Vec<Node>, links: Vec<Link>) -> Network {
        let node_by_id = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i as NodeIdx))
            .collect();
        let link_by_id = links
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.clone(), i))
            .collect();
        Network {
            nodes,
            links,
            services: Vec::new(),
            ranges: Vec::new(),
            node_by_id,
            link_by_id,
        }
    }

    /// The index of the node with this id.
    pub fn node_idx(&self, id: &str) -> Option<NodeIdx> {
        self.node_by_id.get(id).copied()
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.node_idx(id).map(|i| &self.nodes[i as usize])
    }

    /// The index of the link with this id.
    pub fn link_idx(&self, id: &str) -> Option<usize> {
        self.link_by_id.get(id).copied()
    }

    /// Whether the fastest scheduled services stop at node `n`, so that riding
    /// through it costs the mode's `pass_stop_s`.
    ///
    /// A station's `express_stop` property decides when present. Otherwise a
    /// station stops the fastest services if the place it serves (`city`) is a
    /// prefecture-level city centre (kind `city`: the 16 cities, including all
    /// of Chongqing's central stations), and is passed at speed if it serves a
    /// district or county. Ports and other nodes always count as stops.
    ///
    /// ```
    /// use tongda_core::io::load_geodata;
    /// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
    /// let net = load_geodata(&mini).unwrap().into_network().unwrap();
    /// // 成都东 serves the city of Chengdu: the fastest trains stop there.
    /// let cd = net.node_idx("st_chengdudong").unwrap();
    /// assert!(net.is_express_stop(cd));
    /// ```
    pub fn is_express_stop(&self, n: NodeIdx) -> bool {
        let node = &self.nodes[n as usize];
        if node.kind != NodeKind::Station {
            return true;
        }
        node.express_stop.unwrap_or_else(|| {
            node.city
                .as_deref()
                .and_then(|c| self.node(c))
                .is_some_and(|p| p.kind == NodeKind::City)
        })
    }

    /// Whether node `n` is a junction: a station that serves no place (no
    /// `city`), such as a 线路所 where two lines meet. Trains run through it;
    /// passengers never board or alight there.
    pub fn is_junction(&self, n: NodeIdx) -> bool {
        let node = &self.nodes[n as usize];
        node.kind == NodeKind::Station && node.city.is_none()
    }

    /// Replaces the link list (scenario edits), rebuilding the index.
    pub fn set_links(&mut self, links: Vec<Link>) {
        let services = std::mem::take(&mut self.services);
        let ranges = std::mem::take(&mut self.ranges);
        *self = Network::new(std::mem::take(&mut self.nodes), links);
        self.services = services;
        self.ranges = ranges;
    }

    /// The index of the service with this id.
    pub fn service_idx(&self, id: &str) -> Option<usize> {
        self.services.iter().position(|s| s.id == id)
    }

    /// The years this network can be asked about: from the year its first
    /// link opened to [`LAST_YEAR`]. Before, nothing exists and every route
    /// would fail for a reason that has nothing to do with the question.
    ///
    /// ```
    /// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
    /// let net = tongda_core::io::load_geodata(&mini).unwrap().into_network().unwrap();
    /// let years = net.years();
    /// assert!(years.contains(&2024) && !years.contains(&1800));
    /// assert!(net.check_year(1800).unwrap_err().fix.starts_with("use a year from"));
    /// ```
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        // Access connectors carry no opening year (they exist whenever their
        // station does), so only the lines count.
        let first = (self.links.iter())
            .filter(|l| l.mode != super::Mode::Access)
            .map(|l| l.open_year)
            .min();
        first.unwrap_or(LAST_YEAR)..=LAST_YEAR
    }

    /// Checks that `year` is one of [`Network::years`].
    pub fn check_year(&self, year: i32) -> std::result::Result<(), YearError> {
        let years = self.years();
        let fix = format!("use a year from {} to {}", years.start(), years.end());
        let message = if years.contains(&year) {
            return Ok(());
        } else if year < *years.start() {
            format!(
                "year {year} is before the first link of the network opened ({}): nothing would exist",
                years.start()
            )
        } else {
            format!("year {year} is after {LAST_YEAR}, beyond any plan the data hold")
        };
        Err(YearError { message, fix })
    }
}

/// A year a network cannot be asked about: what is wrong and which years to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearError {
    /// What is wrong.
    pub message: String,
    /// Which years to use.
    pub fix: String,
}

/// The last year a network can be asked about, and the last year a geodata file may give.
pub const LAST_YEAR: i32 = 2100;

impl Network {
    /// Finds a node by id, Chinese name or English name (case-insensitive).
    /// When a name matches a place and facilities alike, the place wins; when
    /// nothing matches exactly, a single place whose name starts with the query
    /// is taken (重庆 → 重庆中心城区).
    ///
    /// ```
    /// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
    /// let net = tongda_core::io::load_geodata(&mini)
    ///     .unwrap().into_network().unwrap();
    /// assert_eq!(net.resolve("成都").unwrap(), net.resolve("chengdu").unwrap());
    /// assert!(net.resolve("chengdoo").is_err());
    /// ```
    ///
    /// A name is also accepted with or without the usual suffix — 市, 区, 县
    /// or 站 — where that names one node: 成都市 → 成都, 成都东 → 成都东站.
    pub fn resolve(&self, query: &str) -> crate::Result<NodeIdx> {
        let first = self.resolve_as_given(query);
        let Err(crate::Error::UnknownName { .. }) = &first else {
            return first;
        };
        let q = query.trim();
        let mut alternates: Vec<String> = Vec::new();
        for suffix in ["市", "区", "县", "站"] {
            if let Some(stem) = q.strip_suffix(suffix) {
                if !stem.is_empty() {
                    alternates.push(stem.to_string());
                }
            }
        }
        alternates.push(format!("{q}站"));
        let mut found: Vec<NodeIdx> = Vec::new();
        for a in &alternates {
            if let Ok(i) = self.resolve_as_given(a) {
                if !found.contains(&i) {
                    found.push(i);
                }
            }
        }
        match found.len() {
            1 => Ok(found[0]),
            0 => first,
            _ => Err(crate::Error::AmbiguousName {
                query: query.to_string(),
                candidates: found
                    .iter()
                    .map(|&i| self.label(&self.nodes[i as usize]))
                    .collect(),
            }),
        }
    }

    fn resolve_as_given(&self, query: &str) -> crate::Result<NodeIdx> {
        if let Some(i) = self.node_idx(query) {
            return Ok(i);
        }
        let q = query.trim().to_lowercase();
        let hits: Vec<NodeIdx> = (0..self.nodes.len() as NodeIdx)
            .filter(|&i| {
                let n = &self.nodes[i as usize];
                n.name_zh == query.trim() || n.name_en.to_lowercase() == q || n.id == q
            })
            .collect();
        let places: Vec<NodeIdx> = hits
            .iter()
            .copied()
            .filter(|&i| self.nodes[i as usize].kind.is_place())
            .collect();
        let prefixed: Vec<NodeIdx> = (0..self.nodes.len() as NodeIdx)
            .filter(|&i| {
                let n = &self.nodes[i as usize];
                n.kind.is_place()
                    && !q.is_empty()
                    && (n.name_zh.starts_with(query.trim())
                        || n.name_en.to_lowercase().starts_with(&q))
            })
            .collect();
        match (hits.len(), places.len()) {
            (1, _) => Ok(hits[0]),
            (_, 1) => Ok(places[0]),
            (0, _) if prefixed.len() == 1 => Ok(prefixed[0]),
            (0, _) => {
                let labels: Vec<String> = self.nodes.iter().map(|n| self.label(n)).collect();
                let mut keys: Vec<(String, usize)> = Vec::new();
                for (i, n) in self.nodes.iter().enumerate() {
                    keys.push((n.id.clone(), i));
                    keys.push((n.name_zh.clone(), i));
                    keys.push((n.name_en.clone(), i));
                }
                let best = crate::text::closest(query, keys.iter().map(|(k, _)| k.as_str()), 12);
                let mut suggestions: Vec<String> = Vec::new();
                for b in best {
                    if let Some((_, i)) = keys.iter().find(|(k, _)| *k == b) {
                        let l = labels[*i].clone();
                        if !suggestions.contains(&l) {
                            suggestions.push(l);
                        }
                    }
                }
                suggestions.truncate(5);
                Err(crate::Error::UnknownName {
                    query: query.to_string(),
                    suggestions,
                })
            }
            _ => Err(crate::Error::AmbiguousName {
                query: query.to_string(),
                candidates: hits
                    .iter()
                    .map(|&i| self.label(&self.nodes[i as usize]))
                    .collect(),
            }),
        }
    }

    /// `id (名称 / Name)` for messages.
    pub fn label(&self, n: &Node) -> String {
        format!("{} ({} / {})", n.id, n.name_zh, n.name_en)
    }
}

/// A project as the links that carry its id describe it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ProjectInfo {
    /// Project id (what scenario edits and `rank --projects` take).
    pub id: String,
    /// Chinese name: the most common line name of its links, without a parenthesised note.
    pub name_zh: String,
    /// English name, likewise.
    pub name_en: String,
    /// Modes of its links.
    pub modes: Vec<super::Mode>,
    /// Statuses of its links.
    pub statuses: Vec<super::Status>,
    /// Earliest opening year of its links.
    pub open_year: i32,
    /// Latest retirement year of its links, when all of them retire.
    pub retire_year: Option<i32>,
    /// Kilometres of its links counted in the inventory.
    pub km: f64,
}

/// `成达万高铁(天府–资阳西 共线)` → `成达万高铁`.
fn base_name(s: &str) -> &str {
    let cut = s.find(['(', '（']).unwrap_or(s.len());
    s[..cut].trim()
}

fn most_common(names: &[&str]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for n in names.iter().map(|n| base_name(n)).filter(|n| !n.is_empty()) {
        match counts.iter_mut().find(|(m, _)| *m == n) {
            Some(c) => c.1 += 1,
            None => counts.push((n, 1)),
        }
    }
    // Most links first; on a tie the first seen.
    let mut best: Option<(&str, usize)> = None;
    for (n, c) in counts {
        if best.is_none_or(|(_, b)| c > b) {
            best = Some((n, c));
        }
    }
    best.map(|(n, _)| n.to_string()).unwrap_or_default()
}

impl Network {
    /// Every project (links other than access connectors), in order of first appearance.
    pub fn projects(&self) -> Vec<ProjectInfo> {
        let mut order: Vec<&str> = Vec::new();
        let mut by: HashMap<&str, Vec<&Link>> = HashMap::new();
        for l in &self.links {
            if l.mode == super::Mode::Access || l.project.is_empty() {
                continue;
            }
            let e = by.entry(l.project.as_str()).or_default();
            if e.is_empty() {
                order.push(l.project.as_str());
            }
            e.push(l);
        }
        order
            .into_iter()
            .map(|id| {
                let links = &by[id];
                let zh: Vec<&str> = links.iter().map(|l| l.name_zh.as_str()).collect();
                let en: Vec<&str> = links.iter().map(|l| l.name_en.as_str()).collect();
                let mut modes: Vec<super::Mode> = links.iter().map(|l| l.mode).collect();
                modes.sort();
                modes.dedup();
                let mut statuses: Vec<super::Status> = links.iter().map(|l| l.status).collect();
                statuses.sort();
                statuses.dedup();
                let retire_year = if links.iter().all(|l| l.retire_year.is_some()) {
                    links.iter().filter_map(|l| l.retire_year).max()
                } else {
                    None
                };
                ProjectInfo {
                    id: id.to_string(),
                    name_zh: most_common(&zh),
                    name_en: most_common(&en),
                    modes,
                    statuses,
                    open_year: links.iter().map(|l| l.open_year).min().unwrap_or(0),
                    retire_year,
                    km: links
                        .iter()
                        .filter(|l| l.inventory)
                        .map(|l| l.length_km)
                        .sum(),
                }
            })
            .collect()
    }

    /// Finds a project by id, or by the Chinese or English name of its links
    /// (成达万高铁 → its id). Unknown names get the closest ids and names.
    ///
    /// ```
    /// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
    /// let net = tongda_core::io::load_geodata(&mini).unwrap().into_network().unwrap();
    /// let p = &net.projects()[0];
    /// assert_eq!(net.resolve_project(&p.id).unwrap(), p.id);
    /// assert_eq!(net.resolve_project(&p.name_zh).unwrap(), p.id);
    /// assert!(net.resolve_project("no such line").is_err());
    /// ```
    pub fn resolve_project(&self, query: &str) -> crate::Result<String> {
        let q = query.trim();
        if self.links.iter().any(|l| l.project == q) {
            return Ok(q.to_string());
        }
        let lq = q.to_lowercase();
        let mut hits: Vec<&str> = Vec::new();
        for l in &self.links {
            if l.mode == super::Mode::Access {
                continue;
            }
            let named = l.name_zh == q
                || base_name(&l.name_zh) == q
                || l.name_en.to_lowercase() == lq
                || base_name(&l.name_en).to_lowercase() == lq
                || l.project.to_lowercase() == lq;
            if named && !hits.contains(&l.project.as_str()) {
                hits.push(&l.project);
            }
        }
        match hits.len() {
            1 => Ok(hits[0].to_string()),
            0 => {
                let projects = self.projects();
                let mut keys: Vec<(&str, &ProjectInfo)> = Vec::new();
                for p in &projects {
                    keys.push((p.id.as_str(), p));
                    keys.push((p.name_zh.as_str(), p));
                    keys.push((p.name_en.as_str(), p));
                }
                let best = crate::text::closest(q, keys.iter().map(|(k, _)| *k), 12);
                let mut suggestions: Vec<String> = Vec::new();
                for b in best {
                    if let Some((_, p)) = keys.iter().find(|(k, _)| *k == b) {
                        let label = format!("{} ({})", p.id, p.name_zh);
                        if !suggestions.contains(&label) {
                            suggestions.push(label);
                        }
                    }
                }
                suggestions.truncate(5);
                Err(crate::Error::UnknownProject {
                    query: query.to_string(),
                    suggestions,
                })
            }
            _ => Err(crate::Error::AmbiguousName {
                query: query.to_string(),
                candidates: hits.iter().map(|h| h.to_string()).collect(),
            }),
        }
    }
}
