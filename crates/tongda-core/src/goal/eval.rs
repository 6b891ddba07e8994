//! Evaluating goals on a scenario: minutes for both measures, margins, the
//! critical path's legs, the not-yet-open projects it relies on, bottlenecks.

use super::spec::{GoalKind, GoalSpec, Quantifier};
use crate::error::Diagnostic;
use crate::graph::RoutingGraph;
use crate::inventory::Inventory;
use crate::model::{Mode, Network, NodeIdx, Status};
use crate::route::{Leg, LegKind, Router};
use crate::scenario::Scenario;
use crate::skim::Skim;
use crate::timemodel::{Measure, Profile};
use crate::{Error, Result};
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;
use std::path::Path;

/// Minutes rounded to one decimal.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A leg as reported: names resolved, minutes and km rounded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegView {
    /// Leg kind.
    pub kind: LegKind,
    /// Mode.
    pub mode: Option<Mode>,
    /// Line/road name.
    pub name_zh: String,
    /// Line/road name, English.
    pub name_en: String,
    /// Project id.
    pub project: Option<String>,
    /// The service ridden (rides on a service only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// Status of the project's links used (the least advanced).
    pub status: Option<Status>,
    /// Latest opening year of the links used.
    pub open_year: Option<i32>,
    /// From node id.
    pub from: String,
    /// From node name.
    pub from_name: String,
    /// To node id.
    pub to: String,
    /// To node name.
    pub to_name: String,
    /// Kilometres.
    pub km: f64,
    /// Minutes.
    pub minutes: f64,
    /// Link ids used.
    pub links: Vec<String>,
}

impl LegView {
    /// A report view of a route leg.
    pub fn of(net: &Network, leg: &Leg) -> LegView {
        let name = |id: &str| {
            net.node(id)
                .map_or_else(|| id.to_string(), |n| n.name_zh.clone())
        };
        let used: Vec<&crate::model::Link> =
            leg.links.iter().map(|&i| &net.links[i as usize]).collect();
        LegView {
            kind: leg.kind,
            mode: leg.mode,
            name_zh: leg.name_zh.clone(),
            name_en: leg.name_en.clone(),
            project: leg.project.clone(),
            service: leg.service.clone(),
            status: used.iter().map(|l| l.status).max(),
            open_year: used.iter().map(|l| l.open_year).max(),
            from: leg.from.clone(),
            from_name: name(&leg.from),
            to: leg.to.clone(),
            to_name: name(&leg.to),
            km: round1(leg.km),
            minutes: round1(leg.minutes()),
            links: used.iter().map(|l| l.id.clone()).collect(),
        }
    }
}

/// A project a path relies on that is not open today.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ProjectRef {
    /// Project id.
    pub project: String,
    /// Name.
    pub name_zh: String,
    /// Status.
    pub status: Status,
    /// (Planned) opening year.
    pub open_year: i32,
}

impl ProjectRef {
    /// `名称 (status year)`, as the reports list it.
    pub fn label(&self) -> String {
        format!(
            "{} ({} {})",
            self.name_zh,
            self.status.as_str(),
            self.open_year
        )
    }
}

/// One origin–destination pair of a goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairResult {
    /// Origin id.
    pub from: String,
    /// Origin name.
    pub from_name: String,
    /// Destination id.
    pub to: String,
    /// Destination name.
    pub to_name: String,
    /// In-vehicle minutes (station to station).
    pub in_vehicle_min: Option<f64>,
    /// Door-to-door minutes (centre to centre).
    pub door_to_door_min: Option<f64>,
    /// Minutes of the judged measure.
    pub minutes: Option<f64>,
    /// Threshold − minutes (positive: slack; negative: shortfall).
    pub margin_min: Option<f64>,
    /// Within the threshold.
    pub pass: bool,
    /// Kilometres of the critical path.
    pub km: Option<f64>,
    /// The critical path (judged measure).
    pub legs: Vec<LegView>,
    /// Not-yet-open projects the path uses.
    pub relies_on: Vec<ProjectRef>,
    /// For a failing pair: the leg that takes longest.
    pub bottleneck: Option<LegView>,
}

/// The outcome of one goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalResult {
    /// Goal id.
    pub id: String,
    /// Title as in the seed.
    pub title_zh: String,
    /// English title.
    pub title_en: String,
    /// Seed file(s).
    pub source: String,
    /// Encoding note.
    pub note: String,
    /// Goal kind.
    pub kind: &'static str,
    /// Profile.
    pub profile: Option<Profile>,
    /// Judged measure.
    pub measure: Option<Measure>,
    /// Threshold, minutes.
    pub threshold_min: Option<f64>,
    /// Quantifier (hub-to-set goals).
    pub quantifier: Option<Quantifier>,
    /// Pass or fail.
    pub pass: bool,
    /// One sentence with the figures.
    pub summary: String,
    /// The pair (or item) that decides the result.
    pub worst: Option<String>,
    /// The deciding value (minutes; share for coverage).
    pub value: Option<f64>,
    /// The value needed.
    pub target: Option<f64>,
    /// Hub-to-set: pass under `any` and under `all`.
    pub pass_any: Option<bool>,
    /// Hub-to-set: pass under `all`.
    pub pass_all: Option<bool>,
    /// Every pair evaluated.
    pub pairs: Vec<PairResult>,
    /// Kind-specific details.
    pub details: serde_json::Value,
}

impl GoalResult {
    fn new(g: &GoalSpec) -> GoalResult {
        GoalResult {
            id: g.id.clone(),
            title_zh: g.title_zh.clone(),
            title_en: g.title_en.clone(),
            source: g.source.clone(),
            note: g.note.clone(),
            kind: g.kind.name(),
            profile: None,
            measure: None,
            threshold_min: None,
            quantifier: None,
            pass: false,
            summary: String::new(),
            worst: None,
            value: None,
            target: None,
            pass_any: None,
            pass_all: None,
            pairs: Vec::new(),
            details: serde_json::Value::Null,
        }
    }
}

/// Reads a goal file.
pub fn read_goals(path: &Path) -> Result<Vec<GoalSpec>> {
    parse_goals(&crate::io::budget::read_text(path)?, path)
}

/// Parses the text of a goal file read from `path` (named in diagnostics).
pub fn parse_goals(text: &str, path: &Path) -> Result<Vec<GoalSpec>> {
    let file: super::GoalFile = toml::from_str(text).map_err(|e| {
        Error::Invalid(vec![Diagnostic::error(
            path,
            None,
            format!("not a valid goal file: {}", e.to_string().trim()),
            "see scenarios/goals.toml for the format",
        )])
    })?;
    crate::io::keys::check_toml(text, path, crate::io::keys::goal_table_errors)?;
    Ok(file.goals)
}

/// Every node id a goal names, with the property it is in.
fn named_ids(g: &GoalSpec) -> Vec<(&'static str, &str)> {
    let mut v = Vec::new();
    match &g.kind {
        GoalKind::Pair { from, to, .. } => v.extend([("from", from.as_str()), ("to", to.as_str())]),
        GoalKind::HubToSet { hubs, set, .. } => {
            v.extend(hubs.iter().map(|h| ("hubs", h.as_str())));
            v.extend(set.iter().map(|h| ("set", h.as_str())));
        }
        GoalKind::WithinSet { set, .. } => v.extend(set.iter().map(|h| ("set", h.as_str()))),
        GoalKind::Coverage { bases, .. } => v.extend(bases.iter().map(|h| ("bases", h.as_str()))),
        GoalKind::FreightRoute { from, to, via, .. } => {
            v.extend([("from", from.as_str()), ("to", to.as_str())]);
            v.extend(via.iter().map(|h| ("via", h.as_str())));
        }
        GoalKind::Inventory { .. } => {}
    }
    v
}

/// What in a goal no evaluation could honour, as (message, fix) pairs: an
/// empty list (no hubs, a within-set of one place), a place listed twice, a
/// pair from a place to itself, a threshold of −5 or NaN minutes, a share
/// above 1, a target of 0 km.
fn bad_values(g: &GoalSpec) -> Vec<(String, String)> {
    let mut out = Vec::new();
    // Lists of places: (key, ids, the fewest the kind needs).
    let places: Vec<(&str, &[String], usize)> = match &g.kind {
        GoalKind::HubToSet { hubs, set, .. } => vec![("hubs", hubs, 1), ("set", set, 1)],
        GoalKind::WithinSet { set, .. } => vec![("set", set, 2)],
        GoalKind::Coverage { bases, .. } => vec![("bases", bases, 1)],
        _ => vec![],
    };
    // Every list: (key, entries, the fewest the kind needs).
    let mut lists: Vec<(&str, usize, usize)> = places
        .iter()
        .map(|&(k, ids, least)| (k, ids.len(), least))
        .collect();
    match &g.kind {
        GoalKind::FreightRoute {
            modes,
            alternative_modes,
            ..
        } => lists.extend([
            ("modes", modes.len(), 1),
            ("alternative_modes", alternative_modes.len(), 1),
        ]),
        GoalKind::Inventory { targets, .. } => lists.push(("targets", targets.len(), 1)),
        _ => {}
    }
    for (key, n, least) in lists {
        if n < least {
            out.push((
                format!(
                    "`{key}` has {n} entr{} but a {} goal needs at least {least}",
                    if n == 1 { "y" } else { "ies" },
                    g.kind.name()
                ),
                format!("list at least {least} in `{key}`"),
            ));
        }
    }
    for (key, ids, _) in places {
        let mut seen = std::collections::BTreeSet::new();
        if let Some(twice) = ids.iter().find(|id| !seen.insert(id.as_str())) {
            out.push((
                format!("`{key}` names \"{twice}\" twice"),
                "list each place once".into(),
            ));
        }
    }
    if let GoalKind::Pair { from, to, .. } = &g.kind {
        if from == to {
            out.push((
                format!("`from` and `to` are the same place \"{from}\""),
                "name two different places".into(),
            ));
        }
    }
    let positive = |v: f64| v.is_finite() && v > 0.0;
    match &g.kind {
        GoalKind::Pair { threshold_min, .. }
        | GoalKind::HubToSet { threshold_min, .. }
        | GoalKind::WithinSet { threshold_min, .. }
        | GoalKind::Coverage { threshold_min, .. }
            if !positive(*threshold_min) =>
        {
            out.push((
                format!("`threshold_min` = {threshold_min} is not a positive number of minutes"),
                "give the threshold in minutes, e.g. threshold_min = 60".into(),
            ));
        }
        _ => {}
    }
    match &g.kind {
        GoalKind::Coverage { required_share, .. }
            if !(*required_share > 0.0 && *required_share <= 1.0) =>
        {
            out.push((
                format!("`required_share` = {required_share} is not a share in (0, 1]"),
                "write the share as a fraction, e.g. required_share = 0.95 for 95 %".into(),
            ));
        }
        GoalKind::Inventory { targets, .. } => {
            for t in targets.iter().filter(|t| !positive(t.km)) {
                out.push((
                    format!(
                        "target `{}`: `km` = {} is not a positive number of kilometres",
                        t.category.as_str(),
                        t.km
                    ),
                    "give the target in kilometres, e.g. km = 1900".into(),
                ));
            }
        }
        _ => {}
    }
    out
}

/// Evaluates goals on one scenario, compiling one graph per profile used.
pub struct Evaluator<'a> {
    sc: &'a Scenario,
    graphs: BTreeMap<Profile, RoutingGraph>,
}

impl<'a> Evaluator<'a> {
    /// An evaluator for `sc`.
    pub fn new(sc: &'a Scenario) -> Evaluator<'a> {
        Evaluator {
            sc,
            graphs: BTreeMap::new(),
        }
    }

    fn net(&self) -> &'a Network {
        &self.sc.network
    }

    /// The compiled graph of a profile (compiled on first use).
    pub fn graph(&mut self, p: Profile) -> &RoutingGraph {
        let sc = self.sc;
        self.graphs.entry(p).or_insert_with(|| {
            RoutingGraph::compile(&sc.network, &sc.time_model, &sc.graph_spec(p))
        })
    }

    /// Checks every id the goals name; all unknown ids are reported at once.
    pub fn check(&self, goals: &[GoalSpec], file: &Path) -> Result<()> {
        let net = self.net();
        let mut diags = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for g in goals {
            if !seen.insert(g.id.as_str()) {
                diags.push(Diagnostic::error(
                    file,
                    Some(g.id.clone()),
                    "duplicate goal id".into(),
                    "give each goal its own id",
                ));
            }
            for (message, fix) in bad_values(g) {
                diags.push(Diagnostic::error(file, Some(g.id.clone()), message, &fix));
            }
            for (key, id) in named_ids(g) {
                if net.node_idx(id).is_none() {
                    let c = crate::text::closest(id, net.nodes.iter().map(|n| n.id.as_str()), 3);
                    diags.push(Diagnostic::error(
                        file,
                        Some(g.id.clone()),
                        format!(
                            "`{key}` names unknown node \"{id}\" (closest: {})",
                            c.join(", ")
                        ),
                        "use node ids from the geodata",
                    ));
                }
            }
        }
        if diags.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(diags))
        }
    }

    /// Evaluates every goal (ids must have been checked).
    pub fn evaluate(&mut self, goals: &[GoalSpec]) -> Vec<GoalResult> {
        goals.iter().map(|g| self.evaluate_one(g)).collect()
    }

    fn idx(&self, id: &str) -> NodeIdx {
        self.net().node_idx(id).unwrap_or(0)
    }

    /// One pair: the judged measure's route (legs) and the other measure's minutes.
    pub fn pair(
        &mut self,
        profile: Profile,
        from: &str,
        to: &str,
        measure: Measure,
        threshold: f64,
    ) -> PairResult {
        let sc = self.sc;
        self.graph(profile);
        let g = &self.graphs[&profile];
        pair_on(sc, g, from, to, measure, threshold)
    }

    fn evaluate_one(&mut self, g: &GoalSpec) -> GoalResult {
        let mut r = GoalResult::new(g);
        match &g.kind {
            GoalKind::Pair {
                from,
                to,
                both_directions,
                threshold_min,
                measure,
                profile,
            } => {
                set_common(&mut r, *profile, *measure, *threshold_min);
                r.pairs
                    .push(self.pair(*profile, from, to, *measure, *threshold_min));
                if *both_directions {
                    r.pairs
                        .push(self.pair(*profile, to, from, *measure, *threshold_min));
                }
                let v = judge(&r.pairs.iter().collect::<Vec<_>>(), *threshold_min);
                apply_verdict(&mut r, v);
            }
            GoalKind::WithinSet {
                set,
                threshold_min,
                measure,
                profile,
            } => {
                set_common(&mut r, *profile, *measure, *threshold_min);
                for a in set {
                    for b in set.iter().filter(|b| *b != a) {
                        r.pairs
                            .push(self.pair(*profile, a, b, *measure, *threshold_min));
                    }
                }
                let v = judge(&r.pairs.iter().collect::<Vec<_>>(), *threshold_min);
                apply_verdict(&mut r, v);
            }
            GoalKind::HubToSet {
                hubs,
                set,
                quantifier,
                threshold_min,
                measure,
                profile,
            } => {
                set_common(&mut r, *profile, *measure, *threshold_min);
                r.quantifier = Some(*quantifier);
                let mut best: Vec<usize> = Vec::new(); // index of the best hub's pair per member
                let mut worst_hub: Vec<usize> = Vec::new();
                for m in set {
                    let first = r.pairs.len();
                    for h in hubs {
                        r.pairs
                            .push(self.pair(*profile, h, m, *measure, *threshold_min));
                    }
                    let range = first..r.pairs.len();
                    let key = |i: &usize| r.pairs[*i].minutes.unwrap_or(f64::INFINITY);
                    best.push(
                        range
                            .clone()
                            .min_by(|a, b| key(a).total_cmp(&key(b)))
                            .unwrap_or(first),
                    );
                    worst_hub.push(
                        range
                            .max_by(|a, b| key(a).total_cmp(&key(b)))
                            .unwrap_or(first),
                    );
                }
                let ok = |idx: &[usize]| idx.iter().filter(|&&i| r.pairs[i].pass).count();
                let (n_any, n_all) = (ok(&best), ok(&worst_hub));
                r.pass_any = Some(n_any == set.len());
                r.pass_all = Some(n_all == set.len());
                let deciding: Vec<usize> = if *quantifier == Quantifier::Any {
                    best.clone()
                } else {
                    worst_hub.clone()
                };
                let pairs: Vec<&PairResult> = deciding.iter().map(|&i| &r.pairs[i]).collect();
                let v = judge(&pairs, *threshold_min);
                let worst_summary = v.summary.clone();
                apply_verdict(&mut r, v);
                r.summary = format!(
                    "{n_any}/{} within {threshold_min:.0} min of any hub, {n_all}/{} of every hub ({} decides); worst: {}",
                    set.len(),
                    set.len(),
                    if *quantifier == Quantifier::Any { "any" } else { "all" },
                    worst_summary
                );
            }
            GoalKind::Coverage {
                bases,
                threshold_min,
                required_share,
                measure,
                profile,
            } => {
                set_common(&mut r, *profile, *measure, *threshold_min);
                self.coverage(
                    &mut r,
                    bases,
                    *threshold_min,
                    *required_share,
                    *measure,
                    *profile,
                );
            }
            GoalKind::FreightRoute {
                from,
                to,
                via,
                modes,
                alternative_modes,
                profile,
            } => {
                r.profile = Some(*profile);
                r.measure = Some(Measure::DoorToDoor);
                self.freight(&mut r, from, to, via, modes, alternative_modes, *profile);
            }
            GoalKind::Inventory { province, targets } => {
                let net = self.net();
                let inv = Inventory::of(net, self.sc.spec.year);
                let mut rows = Vec::new();
                let mut pass = true;
                let mut parts = Vec::new();
                for t in targets {
                    let km = inv.category_km(net, t.category, *province, &Status::ALL);
                    if km < t.km && pass {
                        r.worst = Some(format!(
                            "{} {:.0} of {:.0} km",
                            t.category.as_str(),
                            km,
                            t.km
                        ));
                    }
                    pass &= km >= t.km;
                    parts.push(format!("{} {:.0}/{:.0} km", t.category.as_str(), km, t.km));
                    rows.push(
                        json!({"category": t.category, "target_km": t.km, "data_km": round1(km)}),
                    );
                }
                r.pass = pass;
                r.summary = format!(
                    "{} in {}: {} (the data's coverage of official totals: see `tongda inventory`)",
                    province.as_str(),
                    self.sc.spec.year,
                    parts.join(", ")
                );
                r.details =
                    json!({"province": province, "year": self.sc.spec.year, "targets": rows});
            }
        }
        r
    }

    fn coverage(
        &mut self,
        r: &mut GoalResult,
        bases: &[String],
        t: f64,
        required: f64,
        measure: Measure,
        profile: Profile,
    ) {
        let net = self.net();
        let units = crate::population::units(net);
        let base_idx: Vec<NodeIdx> = bases.iter().map(|b| self.idx(b)).collect();
        let unit_idx: Vec<NodeIdx> = units.iter().map(|u| u.0).collect();
        let g = self.graph(profile);
        let skim = Skim::compute(g, &base_idx, &unit_idx, measure);
        let total = crate::population::total(&units);
        let mut covered = 0u64;
        let mut outside: Vec<(f64, usize)> = Vec::new();
        for (j, (_, w)) in units.iter().enumerate() {
            let best = (0..base_idx.len())
                .filter_map(|i| skim.get(i, j))
                .min()
                .map(|s| f64::from(s) / 60.0);
            match best {
                Some(m) if m <= t => covered = covered.saturating_add(*w),
                other => outside.push((other.unwrap_or(f64::INFINITY), j)),
            }
        }
        let share = if total > 0 {
            covered as f64 / total as f64
        } else {
            0.0
        };
        outside.sort_by(|a, b| b.0.total_cmp(&a.0));
        let far: Vec<_> = outside
            .iter()
            .take(10)
            .map(|(m, j)| {
                let n = &net.nodes[unit_idx[*j] as usize];
                json!({"place": n.id, "name": n.name_zh, "population": units[*j].1,
                       "minutes": if m.is_finite() { Some(round1(*m)) } else { None }})
            })
            .collect();
        r.pass = share >= required;
        r.value = Some((share * 1000.0).round() / 1000.0);
        r.target = Some(required);
        r.worst = outside
            .first()
            .map(|(_, j)| net.nodes[unit_idx[*j] as usize].name_zh.clone());
        r.summary = format!(
            "{:.1}% of {:.1} M people within {t:.0} min of the nearest base (required {:.0}%); {} places outside",
            share * 100.0,
            total as f64 / 1e6,
            required * 100.0,
            outside.len()
        );
        r.details = json!({"population_total": total, "population_covered": covered, "share": r.value,
                           "farthest": far, "method": "population units (see README), door-to-door from the nearest base"});
    }

    #[allow(clippy::too_many_arguments)]
    fn freight(
        &mut self,
        r: &mut GoalResult,
        from: &str,
        to: &str,
        via: &[String],
        modes: &[Mode],
        alt: &[Mode],
        profile: Profile,
    ) {
        // The corridor: from → via… → to on the corridor's own modes (plus access),
        // each stage the fastest door-to-door path; the alternative uses only its modes.
        let sc = self.sc;
        let restricted = |keep: &[Mode]| {
            let mut tm = sc.time_model.clone();
            tm.profile_mut(profile)
                .modes
                .retain(|m, _| keep.contains(m) || *m == Mode::Access);
            RoutingGraph::compile(&sc.network, &tm, &sc.graph_spec(profile))
        };
        let corridor = restricted(modes);
        let mut stops = vec![from.to_string()];
        stops.extend(via.iter().cloned());
        stops.push(to.to_string());
        let mut stages = Vec::new();
        for w in stops.windows(2) {
            stages.push(pair_on(
                sc,
                &corridor,
                &w[0],
                &w[1],
                Measure::DoorToDoor,
                f64::INFINITY,
            ));
        }
        let exists = stages.iter().all(|s| s.minutes.is_some());
        let used: std::collections::BTreeSet<Mode> = stages
            .iter()
            .flat_map(|s| s.legs.iter())
            .filter_map(|l| l.mode)
            .collect();
        let missing: Vec<&str> = modes
            .iter()
            .filter(|m| !used.contains(m))
            .map(|m| m.as_str())
            .collect();
        let total: Option<f64> = stages
            .iter()
            .map(|s| s.minutes)
            .sum::<Option<f64>>()
            .map(round1);

        let g = restricted(alt);
        let mut router = Router::new(&sc.network, &g);
        let alt_min = router
            .route(self.idx(from), self.idx(to), Measure::DoorToDoor)
            .map(|rt| round1(rt.minutes()));

        r.pass = exists && missing.is_empty();
        r.value = total;
        r.summary = match (total, missing.is_empty()) {
            (Some(t), true) => format!(
                "route exists via {}: {:.0} h {:.0} min door to door; {} alternative: {}",
                stops[1..stops.len() - 1].join(", "),
                (t / 60.0).floor(),
                t % 60.0,
                alt.iter().map(|m| m.as_str()).collect::<Vec<_>>().join("+"),
                alt_min.map_or("no route".into(), |a| format!(
                    "{a:.0} min (ratio {:.2})",
                    t / a
                ))
            ),
            (Some(_), false) => format!("a route exists but does not use {}", missing.join(", ")),
            (None, _) => "no route through the required points in this network".into(),
        };
        r.worst = stages
            .iter()
            .find(|s| s.minutes.is_none())
            .map(|s| format!("{} → {}", s.from_name, s.to_name));
        r.details = json!({"stops": stops, "required_modes": modes, "modes_used": used, "missing_modes": missing,
                           "alternative_modes": alt, "alternative_min": alt_min});
        r.pairs = stages;
    }
}

/// One pair on a given graph: the judged measure's route (legs) and the other measure's minutes.
fn pair_on(
    sc: &Scenario,
    g: &RoutingGraph,
    from: &str,
    to: &str,
    measure: Measure,
    threshold: f64,
) -> PairResult {
    let net = &sc.network;
    let (a, b) = (
        net.node_idx(from).unwrap_or(0),
        net.node_idx(to).unwrap_or(0),
    );
    let mut router = Router::new(net, g);
    // Freight: in-vehicle is the moving time of the door-to-door route (see
    // `Route::moving_seconds`), so it is never longer than door to door.
    let freight = g.spec.profile == crate::timemodel::Profile::Freight;
    let judged = if freight {
        router.route(a, b, Measure::DoorToDoor)
    } else {
        router.route(a, b, measure)
    };
    let other_measure = if measure == Measure::InVehicle {
        Measure::DoorToDoor
    } else {
        Measure::InVehicle
    };
    let moving = |r: &crate::route::Route| round1(f64::from(r.moving_seconds()) / 60.0);
    let other = if freight {
        judged.as_ref().map(|r| match other_measure {
            Measure::InVehicle => moving(r),
            Measure::DoorToDoor => round1(r.minutes()),
        })
    } else {
        router
            .route(a, b, other_measure)
            .map(|r| round1(r.minutes()))
    };
    let minutes = judged.as_ref().map(|r| match (freight, measure) {
        (true, Measure::InVehicle) => moving(r),
        _ => round1(r.minutes()),
    });
    let (iv, dd) = if measure == Measure::InVehicle {
        (minutes, other)
    } else {
        (other, minutes)
    };
    let legs: Vec<LegView> = judged
        .iter()
        .flat_map(|r| r.legs.iter())
        .map(|l| LegView::of(net, l))
        .collect();
    let pass = minutes.is_some_and(|m| m <= threshold);
    let mut relies_on: Vec<ProjectRef> = Vec::new();
    for l in judged
        .iter()
        .flat_map(|r| r.legs.iter())
        .flat_map(|l| l.links.iter())
    {
        let link = &net.links[*l as usize];
        if link.status != Status::Open && link.mode != Mode::Access {
            let p = ProjectRef {
                project: link.project.clone(),
                name_zh: link.name_zh.clone(),
                status: link.status,
                open_year: link.open_year,
            };
            if !relies_on.iter().any(|q| q.project == p.project) {
                relies_on.push(p);
            }
        }
    }
    let bottleneck = if pass {
        None
    } else {
        legs.iter()
            .filter(|l| matches!(l.kind, LegKind::Ride | LegKind::Drive))
            .max_by(|x, y| x.minutes.total_cmp(&y.minutes))
            .cloned()
    };
    let name = |i: NodeIdx| net.nodes[i as usize].name_zh.clone();
    PairResult {
        from: from.to_string(),
        from_name: name(a),
        to: to.to_string(),
        to_name: name(b),
        in_vehicle_min: iv,
        door_to_door_min: dd,
        minutes,
        margin_min: minutes.map(|m| round1(threshold - m)),
        pass,
        km: judged.as_ref().map(|r| round1(r.km())),
        legs,
        relies_on,
        bottleneck,
    }
}

fn set_common(r: &mut GoalResult, profile: Profile, measure: Measure, t: f64) {
    r.profile = Some(profile);
    r.measure = Some(measure);
    r.threshold_min = Some(t);
    r.target = Some(t);
}

/// The verdict over deciding pairs: pass if all pass; the worst is the slowest.
struct Verdict {
    pass: bool,
    worst: Option<String>,
    value: Option<f64>,
    summary: String,
}

fn judge(pairs: &[&PairResult], t: f64) -> Verdict {
    let worst = pairs.iter().max_by(|a, b| {
        a.minutes
            .unwrap_or(f64::INFINITY)
            .total_cmp(&b.minutes.unwrap_or(f64::INFINITY))
    });
    let ok = pairs.iter().filter(|p| p.pass).count();
    Verdict {
        pass: !pairs.is_empty() && ok == pairs.len(),
        worst: worst.map(|w| format!("{} → {}", w.from_name, w.to_name)),
        value: worst.and_then(|w| w.minutes),
        summary: worst.map_or_else(String::new, |w| {
            format!(
                "{ok}/{} pairs within {t:.0} min; slowest {} → {} {}",
                pairs.len(),
                w.from_name,
                w.to_name,
                w.minutes.map_or("unreachable".into(), |m| format!(
                    "{m:.1} min (margin {:+.1})",
                    t - m
                ))
            )
        }),
    }
}

fn apply_verdict(r: &mut GoalResult, v: Verdict) {
    r.pass = v.pass;
    r.worst = v.worst;
    r.value = v.value;
    r.summary = v.summary;
}
