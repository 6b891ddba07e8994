//! `set_speed`: new design and/or operating speed on a project's links or
//! on listed links. The scenario's speed holds in every year.

use super::{edit_error, link_ids, project_links, Apply, EditError, Edited};
use crate::model::{Link, Network};
use std::collections::BTreeSet;

/// New speeds on these links.
#[derive(Debug)]
struct SetSpeed {
    links: Vec<usize>,
    design: Option<f64>,
    operating: Option<f64>,
    what: String,
}

fn check_speed(v: Option<f64>, key: &str) -> Result<(), EditError> {
    match v {
        Some(x) if !crate::io::possible_speed(x) => Err(edit_error(
            format!(
                "{key} = {x} km/h must be > 0 and ≤ {}",
                crate::units::MAX_SPEED_KMH
            ),
            "give the speed in km/h, e.g. 250",
        )),
        _ => Ok(()),
    }
}

/// Speeds for `project`'s links or for `links` (exactly one of the two).
pub(super) fn resolve(
    net: &Network,
    project: Option<&str>,
    links: &[String],
    design: Option<f64>,
    operating: Option<f64>,
) -> Result<Box<dyn Apply>, EditError> {
    if design.is_none() && operating.is_none() {
        return Err(edit_error(
            "no speed given",
            "give design_speed_kmh and/or operating_speed_kmh",
        ));
    }
    check_speed(design, "design_speed_kmh")?;
    check_speed(operating, "operating_speed_kmh")?;
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
    Ok(Box::new(SetSpeed {
        links: idx,
        design,
        operating,
        what,
    }))
}

/// The distinct speeds of the links, e.g. "300/350" ("—" if none has one).
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

impl Apply for SetSpeed {
    fn apply(&self, ed: &mut Edited) -> String {
        let links = &mut ed.links;
        let mut parts = Vec::new();
        if let Some(v) = self.design {
            parts.push(format!(
                "design speed {}→{v:.0} km/h",
                speeds(links, &self.links, |l| l.design_speed_kmh)
            ));
        }
        if let Some(v) = self.operating {
            // The latest speed: the one a what-if replaces.
            let latest = |l: &Link| {
                l.operating_speed_since
                    .last()
                    .map(|&(_, v)| v)
                    .or(l.operating_speed_kmh)
            };
            parts.push(format!(
                "operating speed {}→{v:.0} km/h",
                speeds(links, &self.links, latest)
            ));
        }
        for &i in &self.links {
            let l = &mut links[i];
            if let Some(d) = self.design {
                l.design_speed_kmh = Some(d);
                // A lower design speed caps the operating speed too.
                l.operating_speed_kmh = l.operating_speed_kmh.map(|o| o.min(d));
            }
            if self.operating.is_some() {
                // The scenario's speed holds in every year: it replaces the
                // link's speed history.
                l.operating_speed_kmh = self.operating;
                l.operating_speed_since.clear();
            }
        }
        format!(
            "{} on {} link(s) of {}",
            parts.join(", "),
            self.links.len(),
            self.what
        )
    }
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
        let edit: Box<dyn Apply> = Box::new(SetSpeed {
            links: vec![0],
            design: None,
            operating: Some(160.0),
            what: "test".into(),
        });
        let applied = super::super::apply(&net, &[edit]);
        let (links, reports) = (applied.links, applied.reports);
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
