//! Network-level checks on the model as loaded: likely duplicate links (a
//! warning). Nodes cut off from the main network of a profile need the
//! compiler's rule for which links a profile uses, so that check lives with
//! the compiler (`graph::unreachable_nodes`, and `graph::network_warnings`
//! runs both): the reader comes before the graph in the data flow.

use crate::error::Diagnostic;
use crate::model::{Mode, Network, NodeIdx};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The file a feature id came from, or `?` (for diagnostics).
pub(crate) fn file<'a>(file_of: &'a HashMap<String, PathBuf>, id: &str) -> &'a Path {
    file_of.get(id).map_or(Path::new("?"), PathBuf::as_path)
}

/// Two links with the same endpoints (either direction), mode and status.
pub fn duplicate_links(net: &Network, file_of: &HashMap<String, PathBuf>) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<(NodeIdx, NodeIdx, Mode, crate::model::Status), usize> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, l) in net.links.iter().enumerate() {
        let key = (l.from.min(l.to), l.from.max(l.to), l.mode, l.status);
        match seen.get(&key) {
            Some(&j) => {
                let other = &net.links[j];
                // A declared overlay (another line on shared track) is not a duplicate.
                if other.line != l.line && !(other.inventory && l.inventory) {
                    continue;
                }
                out.push(Diagnostic::warning(
                    file(file_of, &l.id),
                    Some(l.id.clone()),
                    format!(
                        "likely duplicate of link \"{}\": same endpoints ({} – {}), mode {} and status {}",
                        other.id,
                        net.nodes[l.from as usize].id,
                        net.nodes[l.to as usize].id,
                        l.mode,
                        l.status.as_str()
                    ),
                    "remove one, or give the second line its own `line` and `inventory: false` if it shares the track",
                ));
            }
            None => {
                seen.insert(key, i);
            }
        }
    }
    out
}
