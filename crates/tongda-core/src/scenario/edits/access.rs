//! `set_access`: new minutes on the access connector between a place and
//! one of its facilities.

use super::{edit_error, Apply, EditError, Edited};
use crate::model::{Mode, Network};

/// New access minutes on one access link.
#[derive(Debug)]
struct SetAccess {
    link: usize,
    minutes: f64,
}

/// The connector `place` ↔ `facility`, to take `minutes`.
pub(super) fn resolve(
    net: &Network,
    place: &str,
    facility: &str,
    minutes: f64,
) -> Result<Box<dyn Apply>, EditError> {
    if !(0.0..=600.0).contains(&minutes) {
        return Err(edit_error(
            format!("minutes = {minutes} must be between 0 and 600"),
            "give the access time in minutes, e.g. 20",
        ));
    }
    let ids = net.nodes.iter().map(|n| n.id.as_str());
    let p = net
        .node_idx(place)
        .ok_or_else(|| EditError::unknown("place", place, ids.clone()))?;
    let f = net
        .node_idx(facility)
        .ok_or_else(|| EditError::unknown("facility", facility, ids))?;
    let link = net
        .links
        .iter()
        .position(|l| {
            l.mode == Mode::Access && ((l.from, l.to) == (p, f) || (l.from, l.to) == (f, p))
        })
        .ok_or_else(|| {
            edit_error(
                format!("no access connector between \"{place}\" and \"{facility}\""),
                "add one with an add_link edit (mode access)",
            )
        })?;
    Ok(Box::new(SetAccess { link, minutes }))
}

impl Apply for SetAccess {
    fn apply(&self, ed: &mut Edited) -> String {
        let l = &mut ed.links[self.link];
        let old = l.minutes.unwrap_or(0.0);
        l.minutes = Some(self.minutes);
        let name = |i: u32| &ed.base.nodes[i as usize].name_zh;
        format!(
            "access {} ↔ {}: {old:.0}→{:.0} min",
            name(l.from),
            name(l.to),
            self.minutes
        )
    }
}
