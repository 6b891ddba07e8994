//! `add_service`, `remove_service` and `set_headway`: the rail services a
//! scenario runs.

use super::{edit_error, Apply, EditError, Edited};
use crate::io::services::ServiceSpec;
use crate::model::{Network, Service, SERVICE_DAY_MIN};

const FIX_SERVICE: &str =
    "write the service as a [[service]] table of services.toml (README, section \"Services\")";

fn service_idx(net: &Network, id: &str) -> Result<usize, EditError> {
    let ids = net.services.iter().map(|s| s.id.as_str());
    net.service_idx(id)
        .ok_or_else(|| EditError::unknown("service", id, ids))
}

/// Add this service.
#[derive(Debug)]
struct AddService(Box<Service>);

/// A new service, checked as services.toml is; the first problem is the message.
pub(super) fn add(net: &Network, spec: &ServiceSpec) -> Result<Box<dyn Apply>, EditError> {
    let mut diags = Vec::new();
    let file = std::path::Path::new("add_service");
    let mut out =
        crate::io::services::resolve_services(file, std::slice::from_ref(spec), net, &mut diags);
    match (out.pop(), diags.first()) {
        (Some(s), None) => Ok(Box::new(AddService(Box::new(Service {
            described: false,
            ..s
        })))),
        (_, Some(d)) => Err(edit_error(d.message.clone(), FIX_SERVICE)),
        (None, None) => Err(edit_error("the service was not added", FIX_SERVICE)),
    }
}

impl Apply for AddService {
    fn apply(&self, ed: &mut Edited) -> String {
        let s = &self.0;
        ed.services.push((**s).clone());
        format!(
            "added service {} ({}), {} stops, every {:.0} min",
            s.id,
            s.name_zh,
            s.stops.len(),
            s.headway()
        )
    }
}

/// Remove the service with this index (it keeps covering its links: see
/// `Service::removed`).
#[derive(Debug)]
struct RemoveService(usize);

/// Removes the service `id`.
pub(super) fn remove(net: &Network, id: &str) -> Result<Box<dyn Apply>, EditError> {
    Ok(Box::new(RemoveService(service_idx(net, id)?)))
}

impl Apply for RemoveService {
    fn apply(&self, ed: &mut Edited) -> String {
        let s = &mut ed.services[self.0];
        if std::mem::replace(&mut s.removed, true) {
            format!("service {} was already removed", s.id)
        } else {
            format!("removed service {} ({})", s.id, s.name_zh)
        }
    }
}

/// New frequency of the service with this index.
#[derive(Debug)]
struct SetHeadway {
    service: usize,
    headway_min: Option<f64>,
    per_day: Option<f64>,
}

/// A new frequency for service `id`: exactly one of a headway and trains per day.
pub(super) fn headway(
    net: &Network,
    id: &str,
    headway_min: Option<f64>,
    per_day: Option<f64>,
) -> Result<Box<dyn Apply>, EditError> {
    let ok = match (headway_min, per_day) {
        (Some(h), None) => h > 0.0 && h <= SERVICE_DAY_MIN,
        (None, Some(n)) => n > 0.0 && n <= 500.0,
        _ => false,
    };
    if !ok {
        return Err(edit_error(
            "give exactly one of `headway_min` (> 0, ≤ 960) and `per_day` (> 0, ≤ 500)",
            "e.g. headway_min = 15, or per_day = 40",
        ));
    }
    Ok(Box::new(SetHeadway {
        service: service_idx(net, id)?,
        headway_min,
        per_day,
    }))
}

impl Apply for SetHeadway {
    fn apply(&self, ed: &mut Edited) -> String {
        let s = &mut ed.services[self.service];
        let old = s.headway();
        s.headway_min = self.headway_min;
        s.per_day = self.per_day;
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
}
