//! Scenario edits, one module per kind: each resolves against the network
//! (ids looked up, values checked, every error collected by the caller) into
//! a value that knows how to apply itself, as Conveyal R5's modifications
//! do with `resolve` and `apply`.
//!
//! | edit | module |
//! | --- | --- |
//! | `add_links`, `add_link` | [`added`] (the links themselves are read with the geodata) |
//! | `remove_project`, `remove_links` | [`remove`] |
//! | `set_speed` | [`speed`] |
//! | `set_access` | [`access`] |
//! | `open_project` | [`open`] |
//! | `add_service`, `remove_service`, `set_headway` | [`service`] |
//! | `set_range` | [`range`] |

mod access;
mod added;
mod open;
mod range;
mod remove;
mod service;
mod speed;

use super::spec::Edit;
use crate::model::{Link, Network, Service, Uncertain};
use crate::text::unknown;
use std::collections::BTreeSet;

/// Why an edit cannot be resolved, and how to fix it (the caller names the
/// scenario file and the edit).
#[derive(Debug, thiserror::Error)]
#[error("{message} — fix: {fix}")]
pub(crate) struct EditError {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: &'static str,
}

/// The fix of an unknown id.
const FIX_IDS: &str =
    "use ids from the geodata (tongda validate lists them; ids are case-sensitive)";

impl EditError {
    /// Ids that name nothing (`message` says which, with the closest ids).
    fn unknown_ids(message: String) -> EditError {
        edit_error(message, FIX_IDS)
    }

    /// An id that names no `what` among `candidates`.
    fn unknown<'a>(what: &str, id: &str, candidates: impl Iterator<Item = &'a str>) -> EditError {
        EditError::unknown_ids(unknown(what, id, candidates))
    }
}

fn edit_error(message: impl Into<String>, fix: &'static str) -> EditError {
    EditError {
        message: message.into(),
        fix,
    }
}

/// A resolved edit: its ids looked up and its values checked.
pub(crate) trait Apply: std::fmt::Debug + Send + Sync {
    /// Applies the edit to the network being edited; returns one line
    /// saying what it did.
    fn apply(&self, net: &mut Edited) -> String;

    /// The project this edit opens whatever its status (`open_project`).
    fn opens(&self) -> Option<&str> {
        None
    }
}

/// The network as the edits change it: a copy of the links (with the ones
/// removed so far marked) and of the services.
pub(crate) struct Edited<'a> {
    /// The network before the edits (node names for the reports).
    pub base: &'a Network,
    /// Links, edited in place.
    pub links: Vec<Link>,
    /// Links removed so far.
    pub removed: Vec<bool>,
    /// Services, edited in place.
    pub services: Vec<Service>,
    /// Uncertain inputs, edited in place.
    pub ranges: Vec<Uncertain>,
}

/// Resolves `edit` against `net` (which already holds the scenario's added
/// links; `added` are the ids an add edit brought in).
pub(crate) fn resolve(
    net: &Network,
    edit: &Edit,
    added: &[String],
    scenario_year: i32,
) -> Result<Box<dyn Apply>, EditError> {
    match edit {
        Edit::AddLinks { file } => Ok(added::resolve(added, &file.display().to_string())),
        Edit::AddLink { .. } => Ok(added::resolve(added, "inline")),
        Edit::RemoveProject { project } => remove::project(net, project),
        Edit::RemoveLinks { links } => remove::links(net, links),
        Edit::SetSpeed {
            project,
            links,
            design_speed_kmh,
            operating_speed_kmh,
        } => speed::resolve(
            net,
            project.as_deref(),
            links,
            *design_speed_kmh,
            *operating_speed_kmh,
        ),
        Edit::SetAccess {
            place,
            facility,
            minutes,
        } => access::resolve(net, place, facility, *minutes),
        Edit::OpenProject { project, year } => {
            open::resolve(net, project, year.unwrap_or(scenario_year))
        }
        Edit::AddService { service } => service::add(net, service),
        Edit::RemoveService { service } => service::remove(net, service),
        Edit::SetHeadway {
            service,
            headway_min,
            per_day,
        } => service::headway(net, service, *headway_min, *per_day),
        Edit::SetRange { range: r } => range::resolve(net, r),
    }
}

/// Applies resolved edits in order to a copy of the links and services;
/// returns the new parts and one line per edit saying what it did.
pub(crate) fn apply(net: &Network, resolved: &[Box<dyn Apply>]) -> Applied {
    let mut ed = Edited {
        base: net,
        links: net.links.clone(),
        removed: vec![false; net.links.len()],
        services: net.services.clone(),
        ranges: net.ranges.clone(),
    };
    let reports = resolved.iter().map(|r| r.apply(&mut ed)).collect();
    let kept = ed
        .links
        .into_iter()
        .zip(ed.removed)
        .filter_map(|(l, r)| (!r).then_some(l))
        .collect();
    Applied {
        links: kept,
        services: ed.services,
        ranges: ed.ranges,
        reports,
    }
}

/// The network's parts after the edits, and what each edit did.
pub(crate) struct Applied {
    /// Links (removed ones left out).
    pub links: Vec<Link>,
    /// Services.
    pub services: Vec<Service>,
    /// Uncertain inputs.
    pub ranges: Vec<Uncertain>,
    /// One line per edit.
    pub reports: Vec<String>,
}

/// The links of a project (an unknown project is an error with the closest ids).
fn project_links(net: &Network, project: &str) -> Result<Vec<usize>, EditError> {
    let links: Vec<usize> = (0..net.links.len())
        .filter(|&i| net.links[i].project == project)
        .collect();
    if links.is_empty() {
        let projects: BTreeSet<&str> = net.links.iter().map(|l| l.project.as_str()).collect();
        Err(EditError::unknown("project", project, projects.into_iter()))
    } else {
        Ok(links)
    }
}

/// The links with these ids (every unknown id named).
fn link_ids(net: &Network, ids: &[String]) -> Result<Vec<usize>, EditError> {
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
        Err(EditError::unknown_ids(bad.join("; ")))
    }
}
