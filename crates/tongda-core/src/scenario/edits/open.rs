//! `open_project`: a project's links open in a given year, whatever their
//! status.

use super::{project_links, Apply, EditError, Edited};
use crate::model::Network;
use std::collections::BTreeSet;

/// Open these links in `year`.
#[derive(Debug)]
struct Open {
    links: Vec<usize>,
    year: i32,
    project: String,
}

/// Opens `project` in `year`.
pub(super) fn resolve(
    net: &Network,
    project: &str,
    year: i32,
) -> Result<Box<dyn Apply>, EditError> {
    Ok(Box::new(Open {
        links: project_links(net, project)?,
        year,
        project: project.to_string(),
    }))
}

impl Apply for Open {
    fn apply(&self, ed: &mut Edited) -> String {
        let before: BTreeSet<String> = self
            .links
            .iter()
            .map(|&i| {
                let l = &ed.links[i];
                format!("{} {}", l.status.as_str(), l.open_year)
            })
            .collect();
        for &i in &self.links {
            let l = &mut ed.links[i];
            l.open_year = l.open_year.min(self.year);
            l.retire_year = l.retire_year.filter(|r| *r > self.year);
        }
        format!(
            "opened project {} ({} link(s)) in {}; was {}",
            self.project,
            self.links.len(),
            self.year,
            before.into_iter().collect::<Vec<_>>().join(", ")
        )
    }

    fn opens(&self) -> Option<&str> {
        Some(&self.project)
    }
}
