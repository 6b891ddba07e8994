//! Resolving edits against the network (every error collected), then applying them.

use super::spec::Edit;
use crate::model::{Link, Network, Service};
use crate::text::closest;
use std::collections::BTreeSet;

/// An edit whose ids have been looked up and whose values have been checked.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Resolved {
    /// Links already added when the network was loaded.
    Added { ids: Vec<String>, from: String },
    /// Remove these links.
    Remove { links: Vec<usize>, what: String },
    /// New speeds on these links.
    SetSpeed {
        links: Vec<usize>,
        design: Option<f64>,
        operating: Option<f64>,
        what: String,
    },
    /// New access minutes on one access link.
    SetAccess { link: usize, minutes: f64 },
    /// Open these links in `year`.
    Open {
        links: Vec<usize>,
        year: i32,
        project: String,
    },
    /// Add this service.
    AddService(Box<Service>),
    /// Remove the service with this index.
    RemoveService(usize),
    /// New frequency of the service with this index.
    SetHeadway {
        service: usize,
        headway_min: Option<f64>,
        per_day: Option<f64>,
    },
}

fn service_idx(net: &Network, id: &str) -> Result<usize, String> {
    net.service_idx(id)
        .ok_or_else(|| unknown("service", id, net.services.iter().map(|s| s.id.as_str())))
}

fn projects(net: &Network) -> BTreeSet<&str> {
    net.links.iter().map(|l| l.project.as_str()).collect()
}

fn unknown(what: &str, id: &str, pool: impl Iterator<Item = impl AsRef<str>>) -> String {
    let pool: Vec<String> = pool.map(|s| s.as_ref().to_string()).collect();
    let c = closest(id, pool.iter().map(String::as_str), 3);
    if c.is_empty() {
        format!("unknown {what} \"{id}\"")
    } else {
        format!("unknown {what} \"{id}\" (closest: {})", c.join(", "))
    }
}

fn project_links(net: &Network, project: &str) -> Result<Vec<usize>, String> {
    let links: Vec<usize> = (0..net.links.len())
        .filter(|&i| net.links[i].project == project)
        .collect();
    if links.is_empty() {
        Err(unknown("project", project, projects(net).into_iter()))
    } else {
        Ok(links)
    }
}

fn link_ids(net: &Network, ids: &[String]) -> Result<Vec<usize>, String> {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for id in ids {
        match net.link_idx(id) {
            Some(i) => out.push(i),
            None => bad.push(unknown("link", id, net.links.iter().map(|l| l.id.as_str()))),
        }
    }
    if bad.is_empty() {
        Ok(out)
    } else {
        Err(bad.join("; "))
    }
}

/// Why an edit cannot be resolved, and how to fix it.
#[derive(Debug)]
pub(crate) struct EditError {
    pub message: String,
    pub fix: &'static str,
}

const FIX_SERVICE: &str =
    "write the service as a [[service]] table of services.toml (README, section \"Services\")";

const FIX_IDS: &str =
    "use ids from the geodata (tongda validate lists them; ids are case-sensitive)";

impl From<String> for EditError {
    /// Lookups fail on ids, so a bare message gets the ids fix.
    fn from(message: String) -> Self {
        EditError {
            message,
            fix: FIX_IDS,
        }
    }
}

fn edit_error(message: impl Into<String>, fix: &'static str) -> EditError {
    EditError {
        message: message.into(),
        fix,
    }
}

fn check_speed(v: Option<f64>, key: &str) -> Result<(), EditError> {
    match v {
        Some(x) if !crate::io::possible_speed(x) => Err(edit_error(
            format!("{key} = {x} km/h must be > 0 and ≤ 600"),
            "give the speed in km/h, e.g. 250",
        )),
        _ => Ok(()),
    }
}

/// Looks up an edit's ids in `net` (which already holds the scenario's added links).
pub(crate) fn resolve(
    net: &Network,
    edit: &Edit,
    added: &[String],
    scenario_year: i32,
) -> Result<Resolved, EditError> {
    match edit {
        Edit::AddLinks { file } => Ok(Resolved::Added {
            ids: added.to_vec(),
            from: file.display().to_string(),
        }),
        Edit::AddLink { .. } => Ok(Resolved::Added {
            ids: added.to_vec(),
            from: "inline".into(),
        }),
        Edit::RemoveProject { project } => Ok(Resolved::Remove {
            links: project_links(net, project)?,
            what: format!("project {project}"),
        }),
        Edit::RemoveLinks { links } => {
            if links.is_empty() {
                return Err(edit_error(
                    "`links` is empty",
                    "list the ids of the links to remove",
                ));
            }
            Ok(Resolved::Remove {
                links: link_ids(net, links)?,
                what: "listed links".into(),
            })
        }
        Edit::SetSpeed {
            project,
            links,
            design_speed_kmh,
            operating_speed_kmh,
        } => {
            if design_speed_kmh.is_none() && operating_speed_kmh.is_none() {
                return Err(edit_error(
                    "no speed given",
                    "give design_speed_kmh and/or operating_speed_kmh",
                ));
            }
            check_speed(*design_speed_kmh, "design_speed_kmh")?;
            check_speed(*operating_speed_kmh, "operating_speed_kmh")?;
            let (idx, what) = match (project, links.is_empty()) {
                (Some(p), true) => (project_links(net, p)?, format!("project {p}")),
                (None, false) => (link_ids(net, links)?, "listed links".to_string()),
                _ => {
                    return Err(edit_error(
                        "give either `project` or `links`, not both or neither",
                        "name one project, or list link ids",
                    ))
                }
            };
            Ok(Resolved::SetSpeed {
                links: idx,
                design: *design_speed_kmh,
                operating: *operating_speed_kmh,
                what,
            })
        }
        Edit::SetAccess {
            place,
            facility,
            minutes,
        } => {
            if !(*minutes >= 0.0 && *minutes <= 600.0) {
                return Err(edit_error(
                    format!("minutes = {minutes} must be between 0 and 600"),
                    "give the access time in minutes, e.g. 20",
                ));
            }
            let ids = net.nodes.iter().map(|n| n.id.as_str());
            let p = net
                .node_idx(place)
                .ok_or_else(|| unknown("place", place, ids.clone()))?;
            let f = net
                .node_idx(facility)
                .ok_or_else(|| unknown("facility", facility, ids))?;
            let link = net
                .links
                .iter()
                .position(|l| {
                    l.mode == crate::model::Mode::Access
                        && ((l.from, l.to) == (p, f) || (l.from, l.to) == (f, p))
                })
                .ok_or_else(|| {
                    edit_error(
                        format!("no access connector between \"{place}\" and \"{facility}\""),
                        "add one with an add_link edit (mode access)",
                    )
                })?;
            Ok(Resolved::SetAccess {
                link,
                minutes: *minutes,
            })
        }
        Edit::OpenProject { project, year } => Ok(Resolved::Open {
            links: project_links(net, project)?,
            year: year.unwrap_or(scenario_year),
            project: project.clone(),
        }),
        Edit::AddService { service } => {
            // The same checks as services.toml; the first problem is the message.
            let mut diags = Vec::new();
            let file = std::path::Path::new("add_service");
            let mut out = crate::io::services::resolve_services(
                file,
                std::slice::from_ref(service),
                net,
                &mut diags,
            );
            match (out.pop(), diags.first()) {
                (Some(s), None) => Ok(Resolved::AddService(Box::new(Service {
                    described: false,
                    ..s
                }))),
                (_, Some(d)) => Err(EditError {
                    message: d.message.clone(),
                    fix: FIX_SERVICE,
                }),
                (None, None) => Err(edit_error("the service was not added", FIX_SERVICE)),
            }
        }
        Edit::RemoveService { service } => Ok(Resolved::RemoveService(service_idx(net, service)?)),
        Edit::SetHeadway {
            service,
            headway_min,
            per_day,
        } => {
            let ok = match (headway_min, per_day) {
                (Some(h), None) => *h > 0.0 && *h <= crate::model::SERVICE_DAY_MIN,
                (None, Some(n)) => *n > 0.0 && *n <= 500.0,
                _ => false,
            };
            if !ok {
                return Err(edit_error(
                    "give exactly one of `headway_min` (> 0, ≤ 960) and `per_day` (> 0, ≤ 500)",
                    "e.g. headway_min = 15, or per_day = 40",
                ));
            }
            Ok(Resolved::SetHeadway {
                service: service_idx(net, service)?,
                headway_min: *headway_min,
                per_day: *per_day,
            })
        }
    }
}

fn speeds(links: &[Link], idx: &[usize], f: impl Fn(&Link) -> Option<f64>) -> String {
    let set: BTreeSet<i64> = idx
        .iter()
        .filter_map(|&i| f(&links[i]).map(|v| v.round() as i64))
        .collect();
    if set.is_empty() {
        "—".into()
    } else {
        set.iter().map(i64::to_string).collect::<Vec<_>>().join("/")
    }
}

/// Applies resolved edits in order to a copy of the links and services;
/// returns the new links, the new services and one line per edit saying what
/// it did.
pub(crate) fn apply(
    net: &Network,
    resolved: &[Resolved],
) -> (Vec<Link>, Vec<Service>, Vec<String>) {
    let mut links = net.links.clone();
    let mut services: Vec<Service> = net.services.clone();
    let mut removed = vec![false; links.len()];
    let mut reports = Vec::new();
    for r in resolved {
        let report = match r {
            Resolved::Added { ids, from } => format!(
                "added {} link(s) from {from}: {}",
                ids.len(),
                ids.join(", ")
            ),
            Resolved::Remove { links: idx, what } => {
                let n = idx.iter().filter(|&&i| !removed[i]).count();
                idx.iter().for_each(|&i| removed[i] = true);
                let name = idx
                    .first()
                    .map(|&i| links[i].name_zh.clone())
                    .unwrap_or_default();
                format!("removed {n} link(s) of {what} ({name})")
            }
            Resolved::SetSpeed {
                links: idx,
                design,
                operating,
                what,
            } => {
                let mut parts = Vec::new();
                if let Some(v) = design {
                    parts.push(format!(
                        "design speed {}→{v:.0} km/h",
                        speeds(&links, idx, |l| l.design_speed_kmh)
                    ));
                }
                if let Some(v) = operating {
                    parts.push(format!(
                        "operating speed {}→{v:.0} km/h",
                        speeds(&links, idx, |l| {
                            // The latest speed: the one a what-if replaces.
                            l.operating_speed_since
                                .last()
                                .map(|&(_, v)| v)
                                .or(l.operating_speed_kmh)
                        })
                    ));
                }
                for &i in idx {
                    if design.is_some() {
                        links[i].design_speed_kmh = *design;
                        // A lower design speed caps the operating speed too.
                        if let (Some(d), Some(o)) = (design, links[i].operating_speed_kmh) {
                            links[i].operating_speed_kmh = Some(o.min(*d));
                        }
                    }
                    if operating.is_some() {
                        // The scenario's speed holds in every year: it replaces
                        // the link's speed history.
                        links[i].operating_speed_kmh = *operating;
                        links[i].operating_speed_since.clear();
                    }
                }
                format!("{} on {} link(s) of {what}", parts.join(", "), idx.len())
            }
            Resolved::SetAccess { link, minutes } => {
                let l = &mut links[*link];
                let old = l.minutes.unwrap_or(0.0);
                l.minutes = Some(*minutes);
                format!(
                    "access {} ↔ {}: {old:.0}→{minutes:.0} min",
                    net.nodes[l.from as usize].name_zh, net.nodes[l.to as usize].name_zh
                )
            }
            Resolved::Open {
                links: idx,
                year,
                project,
            } => {
                let before: BTreeSet<String> = idx
                    .iter()
                    .map(|&i| format!("{} {}", links[i].status.as_str(), links[i].open_year))
                    .collect();
                for &i in idx {
                    let l = &mut links[i];
                    l.open_year = l.open_year.min(*year);
                    l.retire_year = l.retire_year.filter(|r| *r > *year);
                }
                format!(
                    "opened project {project} ({} link(s)) in {year}; was {}",
                    idx.len(),
                    before.into_iter().collect::<Vec<_>>().join(", ")
                )
            }
            Resolved::AddService(s) => {
                let report = format!(
                    "added service {} ({}), {} stops, every {:.0} min",
                    s.id,
                    s.name_zh,
                    s.stops.len(),
                    s.headway()
                );
                services.push((**s).clone());
                report
            }
            Resolved::RemoveService(i) => {
                let s = &mut services[*i];
                let was = std::mem::replace(&mut s.removed, true);
                if was {
                    format!("service {} was already removed", s.id)
                } else {
                    format!("removed service {} ({})", s.id, s.name_zh)
                }
            }
            Resolved::SetHeadway {
                service,
                headway_min,
                per_day,
            } => {
                let s = &mut services[*service];
                let old = s.headway();
                s.headway_min = *headway_min;
                s.per_day = *per_day;
                let note = if s.removed {
                    " (removed: it does not run)"
                } else {
                    ""
                };
                format!(
                    "service {}: every {old:.0}→{:.0} min{note}",
                    s.id,
                    s.headway()
                )
            }
        };
        reports.push(report);
    }
    let kept = links
        .into_iter()
        .zip(removed)
        .filter_map(|(l, r)| (!r).then_some(l))
        .collect();
    (kept, services, reports)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_speed_edit_replaces_the_speed_history() {
        let mini =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
        let mut net = crate::io::load_geodata(&mini)
            .expect("readable")
            .into_network()
            .expect("valid");
        let mut links = net.links.clone();
        links[0].operating_speed_kmh = Some(200.0);
        links[0].operating_speed_since = vec![(2016, 210.0), (2018, 250.0)];
        net.set_links(links);
        let edit = Resolved::SetSpeed {
            links: vec![0],
            design: None,
            operating: Some(160.0),
            what: "test".into(),
        };
        let (links, _, reports) = apply(&net, &[edit]);
        // The report names the latest speed as the one replaced.
        assert!(
            reports[0].starts_with("operating speed 250→160 km/h"),
            "{}",
            reports[0]
        );
        for year in [2014, 2017, 2030] {
            assert_eq!(links[0].operating_speed_in(year), Some(160.0), "{year}");
        }
    }
}
