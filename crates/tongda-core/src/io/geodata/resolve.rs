//! Joining the features of every file into one network: ids unique across
//! files, references between features resolved, link geometry checked
//! against the nodes it joins.

use super::RawLink;
use crate::error::Diagnostic;
use crate::model::{Link, Mode, Node, NodeKind};
use crate::text::closest;
use geo::{Coord, Distance, Geodesic, Haversine, Length, Point};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Declared lengths further than this from the geometry's geodesic length are flagged.
const LENGTH_TOLERANCE: f64 = 0.25;
/// Geometry endpoints further than this from their node are flagged, km.
const ENDPOINT_TOLERANCE_KM: f64 = 2.0;

/// The file each feature id came from.
type FileOf = HashMap<String, PathBuf>;

/// Joins the nodes and links of every file: the nodes kept, the links with
/// their endpoints resolved, and the file of each id. `rejected` holds the
/// ids of features that failed their own checks: references to them are not
/// reported again.
pub(super) fn join(
    nodes: Vec<(Node, PathBuf)>,
    links: Vec<RawLink>,
    rejected: &HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Node>, Vec<Link>, FileOf) {
    let mut file_of = FileOf::new();
    let nodes: Vec<Node> = nodes
        .into_iter()
        .filter_map(|(n, f)| claim_id(&mut file_of, &n.id, &f, diags).then_some(n))
        .collect();
    let links: Vec<RawLink> = links
        .into_iter()
        .filter(|l| claim_id(&mut file_of, &l.link.id, &l.file, diags))
        .collect();
    let index: HashMap<&str, u32> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i as u32))
        .collect();
    let refs = Refs {
        nodes: &nodes,
        index: &index,
        ids: nodes.iter().map(|n| n.id.as_str()).collect(),
        rejected,
        file_of: &file_of,
    };
    refs.check_places(diags);
    refs.check_main_stations(diags);
    let links = links
        .into_iter()
        .filter_map(|raw| refs.resolve_link(raw, diags))
        .collect();
    (nodes, links, file_of)
}

/// Ids are unique across all files, nodes and links alike: records the
/// file of `id`, or reports it as a duplicate (false: leave the feature out).
fn claim_id(file_of: &mut FileOf, id: &str, file: &Path, diags: &mut Vec<Diagnostic>) -> bool {
    if let Some(prev) = file_of.get(id) {
        diags.push(Diagnostic::error(
            file,
            Some(id.to_string()),
            format!("duplicate id: already used in {}", prev.display()),
            "give every feature its own id",
        ));
        return false;
    }
    file_of.insert(id.to_string(), file.to_path_buf());
    true
}

/// " (closest: a, b, c)": the ids nearest to an unknown one, if any.
pub(crate) fn closest_note<'a>(q: &str, ids: impl IntoIterator<Item = &'a str>) -> String {
    let c = closest(q, ids.into_iter(), 3);
    if c.is_empty() {
        String::new()
    } else {
        format!(" (closest: {})", c.join(", "))
    }
}

/// The nodes kept, for resolving references to them.
struct Refs<'a> {
    nodes: &'a [Node],
    index: &'a HashMap<&'a str, u32>,
    ids: Vec<&'a str>,
    rejected: &'a HashSet<String>,
    file_of: &'a FileOf,
}

impl Refs<'_> {
    /// `parent` and `city` name known nodes.
    fn check_places(&self, diags: &mut Vec<Diagnostic>) {
        for n in self.nodes {
            for (key, target) in [("parent", &n.parent), ("city", &n.city)] {
                let Some(t) = target else { continue };
                if !self.index.contains_key(t.as_str()) && !self.rejected.contains(t) {
                    diags.push(Diagnostic::error(
                        &self.file_of[&n.id],
                        Some(n.id.clone()),
                        format!(
                            "`{key}` names unknown node \"{t}\"{}",
                            closest_note(t, self.ids.iter().copied())
                        ),
                        "use the id of a place node",
                    ));
                }
            }
        }
    }

    /// `main_stations` names known stations, once each.
    fn check_main_stations(&self, diags: &mut Vec<Diagnostic>) {
        for n in self.nodes {
            for st in &n.main_stations {
                let bad = match self.index.get(st.as_str()) {
                    None if self.rejected.contains(st) => continue,
                    None => format!(
                        "`main_stations` names unknown node \"{st}\"{}",
                        closest_note(st, self.ids.iter().copied())
                    ),
                    Some(&i) if self.nodes[i as usize].kind != NodeKind::Station => format!(
                        "`main_stations` names \"{st}\", which is a {}, not a station",
                        self.nodes[i as usize].kind.as_str()
                    ),
                    Some(_) if n.main_stations.iter().filter(|x| *x == st).count() > 1 => {
                        format!("`main_stations` names \"{st}\" twice")
                    }
                    Some(_) => continue,
                };
                diags.push(Diagnostic::error(
                    &self.file_of[&n.id],
                    Some(n.id.clone()),
                    bad,
                    "list the ids of the stations of the place's central urban area, once each",
                ));
            }
        }
    }

    /// The link with `from` and `to` resolved and its geometry checked, or
    /// `None` if an endpoint is unknown.
    fn resolve_link(&self, raw: RawLink, diags: &mut Vec<Diagnostic>) -> Option<Link> {
        let mut ok = true;
        let mut ends = [0u32; 2];
        for (k, (key, id)) in [("from", &raw.from), ("to", &raw.to)]
            .into_iter()
            .enumerate()
        {
            match self.index.get(id.as_str()) {
                Some(&i) => ends[k] = i,
                None if self.rejected.contains(id) => ok = false,
                None => {
                    ok = false;
                    diags.push(Diagnostic::error(
                        &raw.file,
                        Some(raw.link.id.clone()),
                        format!(
                            "`{key}` names unknown node \"{id}\"{}",
                            closest_note(id, self.ids.iter().copied())
                        ),
                        "use the id of an existing node, or add the node",
                    ));
                }
            }
        }
        if !ok {
            return None;
        }
        let mut link = raw.link;
        link.from = ends[0];
        link.to = ends[1];
        check_link_geometry(&mut link, self.nodes, &raw.file, diags);
        Some(link)
    }
}

/// Length from the geometry, endpoint agreement, declared-length agreement.
fn check_link_geometry(link: &mut Link, nodes: &[Node], file: &Path, diags: &mut Vec<Diagnostic>) {
    let geodesic_km = Geodesic.length(&link.geometry) / 1000.0;
    let coords: Vec<Coord<f64>> = link.geometry.coords().copied().collect();
    if let (Some(first), Some(last)) = (coords.first(), coords.last()) {
        for (end, c, node) in [("first", first, link.from), ("last", last, link.to)] {
            let n = &nodes[node as usize];
            let d = Haversine.distance(Point::from(*c), Point::from(n.coord)) / 1000.0;
            if d > ENDPOINT_TOLERANCE_KM {
                diags.push(Diagnostic::warning(
                    file,
                    Some(link.id.clone()),
                    format!(
                        "the geometry's {end} vertex is {d:.1} km from node \"{}\"",
                        n.id
                    ),
                    "start the geometry at `from` and end it at `to`",
                ));
            }
        }
    }
    match link.declared_length_km {
        Some(declared) => {
            if link.mode != Mode::Access && geodesic_km > 0.0 {
                let off = (declared - geodesic_km) / geodesic_km;
                if off.abs() > LENGTH_TOLERANCE {
                    diags.push(Diagnostic::warning(
                        file,
                        Some(link.id.clone()),
                        format!(
                            "declared length_km {declared:.1} is {:+.0}% off the geometry's geodesic length {geodesic_km:.1} km",
                            off * 100.0
                        ),
                        "check length_km, or add vertices so the geometry follows the route",
                    ));
                }
            }
            link.length_km = declared;
        }
        None => {
            if geodesic_km <= 0.0 && link.mode != Mode::Access {
                diags.push(Diagnostic::error(
                    file,
                    Some(link.id.clone()),
                    "the link has zero length (all vertices coincide) and no length_km".into(),
                    "give the geometry distinct vertices or set length_km",
                ));
            }
            link.length_km = geodesic_km;
        }
    }
}
