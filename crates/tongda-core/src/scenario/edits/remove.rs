//! `remove_project` and `remove_links`: links taken out of the network.

use super::{edit_error, link_ids, project_links, Apply, EditError, Edited};
use crate::model::Network;

/// Remove these links.
#[derive(Debug)]
struct Remove {
    links: Vec<usize>,
    what: String,
}

/// Every link of `project`.
pub(super) fn project(net: &Network, project: &str) -> Result<Box<dyn Apply>, EditError> {
    Ok(Box::new(Remove {
        links: project_links(net, project)?,
        what: format!("project {project}"),
    }))
}

/// The listed links.
pub(super) fn links(net: &Network, links: &[String]) -> Result<Box<dyn Apply>, EditError> {
    if links.is_empty() {
        return Err(edit_error(
            "`links` is empty",
            "list the ids of the links to remove",
        ));
    }
    Ok(Box::new(Remove {
        links: link_ids(net, links)?,
        what: "listed links".into(),
    }))
}

impl Apply for Remove {
    fn apply(&self, ed: &mut Edited) -> String {
        let n = self.links.iter().filter(|&&i| !ed.removed[i]).count();
        self.links.iter().for_each(|&i| ed.removed[i] = true);
        let name = self
            .links
            .first()
            .map(|&i| ed.links[i].name_zh.clone())
            .unwrap_or_default();
        format!("removed {n} link(s) of {} ({name})", self.what)
    }
}
