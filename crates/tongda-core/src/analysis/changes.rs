//! What changes in a scenario's network between two years: the projects
//! whose links open, retire or change operating speed.
//!
//! Kilometres are counted as the inventory counts them: links with
//! `inventory: false` (a second line on shared track, a service overlay) and
//! access connectors are left out, and a link between the two provinces
//! counts half to each.

use crate::model::{Link, Mode, Network, Province};
use crate::scenario::Scenario;
use serde::Serialize;
use std::collections::BTreeMap;

/// How a project changes between the two years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Links that did not exist in the first year exist in the second.
    Opens,
    /// Links that existed in the first year no longer do.
    Retires,
    /// Links that exist in both years run at another top operating speed.
    Speed,
}

impl ChangeKind {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Opens => "opens",
            ChangeKind::Retires => "retires",
            ChangeKind::Speed => "speed",
        }
    }
}

/// One project's change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectChange {
    /// Project id.
    pub project: String,
    /// Its Chinese name.
    pub name_zh: String,
    /// Its English name.
    pub name_en: String,
    /// Opens, retires or changes speed.
    pub change: ChangeKind,
    /// Mode of the changed links (the first one's when they differ).
    pub mode: Mode,
    /// Status of the changed links (the most advanced).
    pub status: crate::model::Status,
    /// The year(s) the change takes effect (opening, retirement or speed years).
    pub years: Vec<i32>,
    /// Top operating speeds before → after, km/h (speed changes; lowest and highest link).
    pub speed_kmh: Option<((f64, f64), (f64, f64))>,
    /// Kilometres (inventory links), Sichuan.
    pub km_sc: f64,
    /// Kilometres (inventory links), Chongqing.
    pub km_cq: f64,
    /// The changed links (all of them, inventory or not).
    pub links: Vec<String>,
}

impl ProjectChange {
    /// Kilometres in both provinces.
    pub fn km(&self) -> f64 {
        self.km_sc + self.km_cq
    }
}

/// Every change between two years, with totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changes {
    /// Scenario name.
    pub scenario: String,
    /// First year.
    pub from: i32,
    /// Second year.
    pub to: i32,
    /// Projects that change, by kind, then year, then mode, then id.
    pub projects: Vec<ProjectChange>,
    /// `change → mode → (km Sichuan, km Chongqing)`.
    pub km: BTreeMap<ChangeKind, BTreeMap<Mode, (f64, f64)>>,
}

fn speed_in(l: &Link, year: i32) -> Option<f64> {
    l.operating_speed_in(year).or(l.design_speed_kmh)
}

/// (Sichuan, Chongqing) shares of a link's kilometres.
fn province_km(net: &Network, l: &Link) -> (f64, f64) {
    if !l.inventory || l.mode == Mode::Access {
        return (0.0, 0.0);
    }
    let (a, b) = (
        net.nodes[l.from as usize].province,
        net.nodes[l.to as usize].province,
    );
    let share = |p: Province| f64::from(u8::from(a == p)) * 0.5 + f64::from(u8::from(b == p)) * 0.5;
    (
        l.length_km * share(Province::Sc),
        l.length_km * share(Province::Cq),
    )
}

/// The changes of `sc`'s network (its edits, statuses and opened projects)
/// from the end of `from` to the end of `to`.
pub fn changes(sc: &Scenario, from: i32, to: i32) -> Changes {
    let net = &sc.network;
    let spec = sc.graph_spec(sc.spec.profile);
    let allowed =
        |l: &Link| spec.statuses.contains(&l.status) || spec.forced_projects.contains(&l.project);
    let mut groups: BTreeMap<(ChangeKind, String), Vec<&Link>> = BTreeMap::new();
    for l in net
        .links
        .iter()
        .filter(|l| l.mode != Mode::Access && allowed(l))
    {
        let (e1, e2) = (l.exists_in(from), l.exists_in(to));
        let kind = match (e1, e2) {
            (false, true) => ChangeKind::Opens,
            (true, false) => ChangeKind::Retires,
            (true, true) if speed_in(l, from) != speed_in(l, to) => ChangeKind::Speed,
            _ => continue,
        };
        groups.entry((kind, l.project.clone())).or_default().push(l);
    }
    let infos: BTreeMap<String, crate::model::ProjectInfo> = net
        .projects()
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let mut km: BTreeMap<ChangeKind, BTreeMap<Mode, (f64, f64)>> = BTreeMap::new();
    let mut projects: Vec<ProjectChange> = groups
        .into_iter()
        .map(|((kind, project), links)| {
            let mut years: Vec<i32> = links
                .iter()
                .flat_map(|l| match kind {
                    ChangeKind::Opens => vec![l.open_year],
                    ChangeKind::Retires => l.retire_year.into_iter().collect(),
                    ChangeKind::Speed => l
                        .operating_speed_since
                        .iter()
                        .map(|(y, _)| *y)
                        .filter(|y| *y > from && *y <= to)
                        .collect(),
                })
                .collect();
            years.sort_unstable();
            years.dedup();
            let speed_kmh = (kind == ChangeKind::Speed).then(|| {
                let range = |y: i32| {
                    let v: Vec<f64> = links.iter().filter_map(|l| speed_in(l, y)).collect();
                    let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
                    let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    (lo, hi)
                };
                (range(from), range(to))
            });
            let (mut sc_km, mut cq_km) = (0.0, 0.0);
            for l in &links {
                let (a, b) = province_km(net, l);
                sc_km += a;
                cq_km += b;
                let e = km.entry(kind).or_default().entry(l.mode).or_default();
                e.0 += a;
                e.1 += b;
            }
            let info = infos.get(&project);
            ProjectChange {
                name_zh: info.map_or_else(|| links[0].name_zh.clone(), |p| p.name_zh.clone()),
                name_en: info.map_or_else(|| links[0].name_en.clone(), |p| p.name_en.clone()),
                project,
                change: kind,
                mode: links[0].mode,
                status: links
                    .iter()
                    .map(|l| l.status)
                    .min()
                    .unwrap_or(links[0].status),
                years,
                speed_kmh,
                km_sc: sc_km,
                km_cq: cq_km,
                links: links.iter().map(|l| l.id.clone()).collect(),
            }
        })
        .collect();
    projects.sort_by(|a, b| {
        (a.change, a.years.first(), a.mode, &a.project).cmp(&(
            b.change,
            b.years.first(),
            b.mode,
            &b.project,
        ))
    });
    Changes {
        scenario: sc.spec.name.clone(),
        from,
        to,
        projects,
        km,
    }
}
