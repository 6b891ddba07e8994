//! Nodes cut off from the main network of a profile. Which links a profile
//! uses is the compiler's rule ([`GraphSpec::uses`]), so the check lives
//! beside the compiler rather than in the reader ([`crate::io`] comes before
//! the graph in the data flow and does not import it).

use super::GraphSpec;
use crate::error::Diagnostic;
use crate::io::validate::{duplicate_links, file};
use crate::model::{Mode, Network};
use crate::timemodel::{Profile, TimeModel};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::HashMap;
use std::path::PathBuf;

/// All network-level warnings, in a stable order: likely duplicate links
/// ([`duplicate_links`]), then the nodes cut off from each profile's main
/// network ([`unreachable_nodes`]).
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
