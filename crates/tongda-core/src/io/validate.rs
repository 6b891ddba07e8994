//! Network-level checks that need the whole model: likely duplicate links and
//! nodes cut off from the main network of a profile. Both are warnings.

use crate::error::Diagnostic;
use crate::graph::GraphSpec;
use crate::model::{Mode, Network, NodeIdx};
use crate::timemodel::{Profile, TimeModel};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// All network-level warnings, in a stable order.
pub fn network_warnings(
    net: &Network,
    tm: &TimeModel,
    file_of: &HashMap<String, PathBuf>,
) -> Vec<Diagnostic> {
    let mut out = duplicate_links(net, file_of);
    for p in Profile::ALL {
        out.extend(unreachable_nodes(net, tm, p, file_of));
    }
    out
}

fn file<'a>(file_of: &'a HashMap<String, PathBuf>, id: &str) -> &'a Path {
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

/// Nodes used by `profile` that are not in the largest strongly connected
/// component of its network (all years, all statuses but retired links).
pub fn unreachable_nodes(
    net: &Network,
    tm: &TimeModel,
    profile: Profile,
    file_of: &HashMap<String, PathBuf>,
) -> Vec<Diagnostic> {
    let mut spec = GraphSpec::new(profile, i32::MAX - 1);
    spec.statuses = crate::model::Status::ALL.into_iter().collect();
    let mut g: DiGraph<(), ()> = DiGraph::with_capacity(net.nodes.len(), net.links.len() * 2);
    let idx: Vec<NodeIndex> = net.nodes.iter().map(|_| g.add_node(())).collect();
    let mut relevant: Vec<bool> = net.nodes.iter().map(|n| n.kind.is_place()).collect();
    for l in net.links.iter().filter(|l| spec.uses(l, tm)) {
        let (a, b) = (idx[l.from as usize], idx[l.to as usize]);
        g.add_edge(a, b, ());
        if !l.oneway {
            g.add_edge(b, a, ());
        }
        if l.mode != Mode::Access {
            relevant[l.from as usize] = true;
            relevant[l.to as usize] = true;
        }
    }
    let sccs = petgraph::algo::tarjan_scc(&g);
    let Some(main) = sccs.iter().max_by_key(|c| c.len()) else {
        return Vec::new();
    };
    let mut in_main = vec![false; net.nodes.len()];
    for v in main {
        in_main[v.index()] = true;
    }
    net.nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| relevant[*i] && !in_main[*i])
        .map(|(_, n)| {
            Diagnostic::warning(
                file(file_of, &n.id),
                Some(n.id.clone()),
                format!(
                    "not reachable both ways from the main {profile} network ({} of {} nodes)",
                    main.len(),
                    net.nodes.len()
                ),
                "connect it with a link or an access connector usable by this profile",
            )
        })
        .collect()
}
