//! Loading `geodata/*.geojson` into a [`Network`], validating as we go.
//!
//! Every problem found is collected as a [`Diagnostic`] (file, feature id,
//! what is wrong, how to fix it); loading goes on after an error so that a
//! planner sees all of them at once.

use super::props::{kind, Props};
use crate::error::{Diagnostic, Severity};
use crate::model::{Link, Mode, Network, Node, NodeKind, Province, Status};
use crate::text::closest;
use crate::{Error, Result};
use geo::{Coord, Distance, Geodesic, Haversine, Length, LineString, Point};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Plausible bounds of the region, `(min_lon, min_lat, max_lon, max_lat)`:
/// Sichuan and Chongqing with a margin.
pub const REGION_BOUNDS: (f64, f64, f64, f64) = (97.0, 26.0, 111.0, 34.5);

/// Declared lengths further than this from the geometry's geodesic length are flagged.
const LENGTH_TOLERANCE: f64 = 0.25;
/// Geometry endpoints further than this from their node are flagged, km.
const ENDPOINT_TOLERANCE_KM: f64 = 2.0;

/// What loading found: the network (if there were no errors) and every diagnostic.
#[derive(Debug)]
pub struct LoadReport {
    /// The network, present when there are no errors.
    pub network: Option<Network>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The files read, sorted.
    pub files: Vec<PathBuf>,
    /// The file each feature id came from.
    pub file_of: HashMap<String, PathBuf>,
}

impl LoadReport {
    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// The network, or [`Error::Invalid`] with every diagnostic.
    pub fn into_network(self) -> Result<Network> {
        match self.network {
            Some(n) => Ok(n),
            None => Err(Error::Invalid(self.diagnostics)),
        }
    }
}

/// Loads every `*.geojson` file of `dir` (sorted by name).
///
/// ```
/// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
/// let report = tongda_core::io::load_geodata(&mini).unwrap();
/// assert_eq!(report.error_count(), 0);
/// let net = report.into_network().unwrap();
/// assert!(net.node("chengdu").is_some());
/// ```
pub fn load_geodata(dir: &Path) -> Result<LoadReport> {
    let mut report = load_geodata_files(&geodata_files(dir)?)?;
    if let Some(net) = report.network.as_mut() {
        super::services::attach_services(dir, net, &mut report.diagnostics);
        super::ranges::attach_ranges(dir, net, &mut report.diagnostics);
        if report.error_count() > 0 {
            report.network = None;
        }
    }
    Ok(report)
}

/// The `*.geojson` files of `dir`, sorted by name; an error if there are none.
pub fn geodata_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let rd = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "geojson"))
        .collect();
    files.sort();
    // All files together, not only each one: a network is held several times
    // over in memory (parsed JSON, model, compiled graphs per profile and year).
    let total: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    if total > super::budget::MAX_GEODATA_BYTES {
        return Err(Error::TooLarge {
            path: dir.to_path_buf(),
            limit: super::budget::MAX_GEODATA_BYTES,
        });
    }
    if files.is_empty() {
        return Err(Error::Invalid(vec![Diagnostic::error(
            dir,
            None,
            "no *.geojson files in this directory".into(),
            "point --geodata at the directory holding the network's GeoJSON files",
        )]));
    }
    Ok(files)
}

/// A link as read, before its endpoints are resolved.
struct RawLink {
    link: Link,
    from: String,
    to: String,
    file: PathBuf,
}

/// Loads the given GeoJSON files as one network.
pub fn load_geodata_files(files: &[PathBuf]) -> Result<LoadReport> {
    let mut sources = Vec::with_capacity(files.len());
    for file in files {
        let text = super::budget::read_text(file)?;
        sources.push((file.clone(), text));
    }
    Ok(load_geodata_sources(&sources))
}

/// Loads FeatureCollections given as `(label, GeoJSON text)` as one network;
/// the label names the source in diagnostics (a file path, or a scenario edit).
pub fn load_geodata_sources(sources: &[(PathBuf, String)]) -> LoadReport {
    let files: Vec<PathBuf> = sources.iter().map(|(p, _)| p.clone()).collect();
    let mut diags = Vec::new();
    let mut nodes: Vec<(Node, PathBuf)> = Vec::new();
    let mut links: Vec<RawLink> = Vec::new();
    // Ids of features that were rejected: references to them are not reported again.
    let mut rejected: HashSet<String> = HashSet::new();
    for (file, text) in sources {
        read_collection(
            file,
            text,
            &mut nodes,
            &mut links,
            &mut rejected,
            &mut diags,
        );
    }

    // Ids are unique across all files, nodes and links alike.
    let mut file_of: HashMap<String, PathBuf> = HashMap::new();
    let mut keep_node = vec![true; nodes.len()];
    for (i, (n, f)) in nodes.iter().enumerate() {
        if let Some(prev) = file_of.get(&n.id) {
            diags.push(Diagnostic::error(
                f,
                Some(n.id.clone()),
                format!("duplicate id: already used in {}", prev.display()),
                "give every feature its own id",
            ));
            keep_node[i] = false;
        } else {
            file_of.insert(n.id.clone(), f.clone());
        }
    }
    let mut keep_link = vec![true; links.len()];
    for (i, l) in links.iter().enumerate() {
        if let Some(prev) = file_of.get(&l.link.id) {
            diags.push(Diagnostic::error(
                &l.file,
                Some(l.link.id.clone()),
                format!("duplicate id: already used in {}", prev.display()),
                "give every feature its own id",
            ));
            keep_link[i] = false;
        } else {
            file_of.insert(l.link.id.clone(), l.file.clone());
        }
    }
    let nodes: Vec<Node> = nodes
        .into_iter()
        .zip(keep_node)
        .filter_map(|((n, _), k)| k.then_some(n))
        .collect();
    let index: HashMap<&str, u32> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i as u32))
        .collect();
    let node_ids: Vec<&str> = nodes.iter().map(|n| n.id.as_str()).collect();

    for n in &nodes {
        let f = &file_of[&n.id];
        for (key, target) in [("parent", &n.parent), ("city", &n.city)] {
            if let Some(t) = target {
                if !index.contains_key(t.as_str()) && !rejected.contains(t) {
                    diags.push(Diagnostic::error(
                        f,
                        Some(n.id.clone()),
                        format!(
                            "`{key}` names unknown node \"{t}\"{}",
                            suggest(t, &node_ids)
                        ),
                        "use the id of a place node",
                    ));
                }
            }
        }
    }

    for n in &nodes {
        for st in &n.main_stations {
            let f = &file_of[&n.id];
            let bad = match index.get(st.as_str()) {
                None if rejected.contains(st) => continue,
                None => format!(
                    "`main_stations` names unknown node \"{st}\"{}",
                    suggest(st, &node_ids)
                ),
                Some(&i) if nodes[i as usize].kind != NodeKind::Station => format!(
                    "`main_stations` names \"{st}\", which is a {}, not a station",
                    nodes[i as usize].kind.as_str()
                ),
                Some(_) if n.main_stations.iter().filter(|x| *x == st).count() > 1 => {
                    format!("`main_stations` names \"{st}\" twice")
                }
                Some(_) => continue,
            };
            diags.push(Diagnostic::error(
                f,
                Some(n.id.clone()),
                bad,
                "list the ids of the stations of the place's central urban area, once each",
            ));
        }
    }

    let mut resolved = Vec::new();
    for (raw, keep) in links.into_iter().zip(keep_link) {
        if !keep {
            continue;
        }
        let mut ok = true;
        let mut ends = [0u32; 2];
        for (k, (key, id)) in [("from", &raw.from), ("to", &raw.to)]
            .into_iter()
            .enumerate()
        {
            match index.get(id.as_str()) {
                Some(&i) => ends[k] = i,
                None if rejected.contains(id) => ok = false,
                None => {
                    ok = false;
                    diags.push(Diagnostic::error(
                        &raw.file,
                        Some(raw.link.id.clone()),
                        format!(
                            "`{key}` names unknown node \"{id}\"{}",
                            suggest(id, &node_ids)
                        ),
                        "use the id of an existing node, or add the node",
                    ));
                }
            }
        }
        if !ok {
            continue;
        }
        let mut link = raw.link;
        link.from = ends[0];
        link.to = ends[1];
        check_link_geometry(&mut link, &nodes, &raw.file, &mut diags);
        resolved.push(link);
    }

    let has_errors = diags.iter().any(|d| d.severity == Severity::Error);
    let network = (!has_errors).then(|| Network::new(nodes, resolved));
    LoadReport {
        network,
        diagnostics: diags,
        files,
        file_of,
    }
}

fn suggest(q: &str, ids: &[&str]) -> String {
    let c = closest(q, ids.iter().copied(), 3);
    if c.is_empty() {
        String::new()
    } else {
        format!(" (closest: {})", c.join(", "))
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

/// Parses one FeatureCollection, appending nodes, links and diagnostics.
fn read_collection(
    file: &Path,
    text: &str,
    nodes: &mut Vec<(Node, PathBuf)>,
    links: &mut Vec<RawLink>,
    rejected: &mut HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) {
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            diags.push(Diagnostic {
                line_col: Some((e.line(), e.column())),
                ..Diagnostic::error(
                    file,
                    None,
                    format!("invalid JSON: {e}"),
                    "repair the JSON syntax at that line and column (a JSON linter helps)",
                )
            });
            return;
        }
    };
    let features = match (
        root.get("type").and_then(Value::as_str),
        root.get("features"),
    ) {
        (Some("FeatureCollection"), Some(Value::Array(f))) => f,
        _ => {
            diags.push(Diagnostic::error(
                file,
                None,
                "not a GeoJSON FeatureCollection (need \"type\": \"FeatureCollection\" and a \"features\" array)".into(),
                "wrap the features in {\"type\": \"FeatureCollection\", \"features\": [...]}",
            ));
            return;
        }
    };
    for (i, f) in features.iter().enumerate() {
        let empty = serde_json::Map::new();
        let map = f
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let fid = match map.get("id").and_then(Value::as_str) {
            Some(id) => id.to_string(),
            None => format!("feature #{}", i + 1),
        };
        let mut p = Props {
            map,
            file,
            fid: fid.clone(),
            diags,
        };
        let id = match map.get("id") {
            Some(Value::String(s)) if is_valid_id(s) => Some(s.clone()),
            Some(Value::String(s)) => {
                p.error(
                    format!("id \"{s}\" must be ASCII lower-case letters, digits and _"),
                    "use a stable ASCII id such as st_chengdudong",
                );
                None
            }
            Some(v) => {
                p.error(
                    format!("`id` must be a string, found {}", kind(v)),
                    "write the id in double quotes",
                );
                None
            }
            None => {
                p.error(
                    "missing property `id`".into(),
                    "every feature needs a unique ASCII id in properties.id",
                );
                None
            }
        };
        let geom = f.get("geometry");
        let gtype = geom.and_then(|g| g.get("type")).and_then(Value::as_str);
        let coords = geom.and_then(|g| g.get("coordinates"));
        let before = nodes.len() + links.len();
        let known = match gtype {
            Some("Point") => Some(super::keys::NODE_KEYS),
            Some("LineString") => Some(super::keys::LINK_KEYS),
            _ => None,
        };
        if let Some(known) = known {
            for m in super::keys::unknown("property", map.keys(), &[known]) {
                p.error(
                    m,
                    "correct the spelling or remove the property (geodata/README.md lists every property)",
                );
            }
        }
        match gtype {
            Some("Point") => {
                if let (Some(id), Some(c)) = (id.clone(), read_point(coords, &mut p)) {
                    if let Some(n) = read_node(id, c, &mut p) {
                        nodes.push((n, file.to_path_buf()));
                    }
                }
            }
            Some("LineString") => {
                if let (Some(id), Some(ls)) = (id.clone(), read_linestring(coords, &mut p)) {
                    if let Some(l) = read_link(id, ls, &mut p) {
                        links.push(l);
                    }
                }
            }
            Some(other) => p.error(
                format!("geometry type {other} is not supported: nodes are Point, links are LineString"),
                "use a Point for a node or a LineString for a link (split a MultiLineString into links)",
            ),
            None => p.error(
                "missing geometry".into(),
                "give the feature a Point (node) or LineString (link) geometry",
            ),
        }
        if nodes.len() + links.len() == before {
            rejected.extend(id);
        }
    }
}

pub(crate) fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Checks one `[lon, lat]` position.
fn read_position(v: &Value, p: &mut Props) -> Option<Coord<f64>> {
    let arr = v.as_array().filter(|a| a.len() >= 2);
    let (lon, lat) = match arr.map(|a| (a[0].as_f64(), a[1].as_f64())) {
        Some((Some(lon), Some(lat))) => (lon, lat),
        _ => {
            p.error(
                format!("bad position {v}: expected [longitude, latitude] numbers"),
                "write positions as [lon, lat] in WGS84 degrees",
            );
            return None;
        }
    };
    let (min_lon, min_lat, max_lon, max_lat) = REGION_BOUNDS;
    let inside =
        |x: f64, y: f64| (min_lon..=max_lon).contains(&x) && (min_lat..=max_lat).contains(&y);
    if inside(lon, lat) {
        Some(Coord { x: lon, y: lat })
    } else if inside(lat, lon) {
        p.error(
            format!("position [{lon}, {lat}] looks like [latitude, longitude]: latitude and longitude are swapped"),
            &format!("GeoJSON order is [lon, lat]: write [{lat}, {lon}]"),
        );
        None
    } else {
        p.error(
            format!(
                "position [{lon}, {lat}] is outside the region (lon {min_lon}–{max_lon}, lat {min_lat}–{max_lat})"
            ),
            "check the coordinates: WGS84 degrees, [lon, lat] order",
        );
        None
    }
}

fn read_point(v: Option<&Value>, p: &mut Props) -> Option<Coord<f64>> {
    match v {
        Some(v) => read_position(v, p),
        None => {
            p.error(
                "Point has no coordinates".into(),
                "add \"coordinates\": [lon, lat]",
            );
            None
        }
    }
}

fn read_linestring(v: Option<&Value>, p: &mut Props) -> Option<LineString<f64>> {
    let arr = match v.and_then(Value::as_array) {
        Some(a) if a.len() >= 2 => a,
        _ => {
            p.error(
                "LineString needs at least two positions".into(),
                "give the link a geometry from its `from` node to its `to` node",
            );
            return None;
        }
    };
    let mut out = Vec::with_capacity(arr.len());
    let mut ok = true;
    for pos in arr {
        match read_position(pos, p) {
            Some(c) => out.push(c),
            None => ok = false,
        }
    }
    ok.then(|| LineString::new(out))
}

fn read_node(id: String, coord: Coord<f64>, p: &mut Props) -> Option<Node> {
    let name_zh = p.req_str("name_zh", "add the Chinese name");
    let name_en = p.req_str("name_en", "add the English name");
    let source = p.req_str(
        "source",
        "name the seed file or the public fact behind the feature",
    );
    let kind = p.req_str(
        "kind",
        "set kind to city, district, county, station, port, airport or interchange",
    );
    let kind = kind.and_then(
        |k| match NodeKind::ALL.into_iter().find(|x| x.as_str() == k) {
            Some(x) => Some(x),
            None => {
                p.error(
                    format!("unknown kind \"{k}\""),
                    "use city, district, county, station, port, airport or interchange",
                );
                None
            }
        },
    );
    let province = p.req_str("province", "set province to sc or cq");
    let province = province.and_then(|s| match s.as_str() {
        "sc" => Some(Province::Sc),
        "cq" => Some(Province::Cq),
        _ => {
            p.error(
                format!("unknown province \"{s}\""),
                "use sc (Sichuan) or cq (Chongqing)",
            );
            None
        }
    });
    let population = match p.map.get("population") {
        Some(Value::Number(n)) if n.as_u64().is_some_and(|x| x > MAX_POPULATION) => {
            p.error(
                format!("`population` {n} is more than {MAX_POPULATION} persons, more than any place has"),
                "give the 2020 census resident population of this unit (persons, e.g. 20937757 for Chengdu)",
            );
            None
        }
        Some(Value::Number(n)) if n.as_u64().is_some_and(|x| x > 0) => n.as_u64(),
        None | Some(Value::Null) => {
            if kind.is_some_and(NodeKind::is_place) {
                p.error(
                    "a place needs `population`".into(),
                    "add the 2020 census resident population (persons, integer)",
                );
            }
            None
        }
        Some(v) => {
            p.error(
                format!("`population` must be a positive integer, found {v}"),
                "write the number of persons as a whole number",
            );
            None
        }
    };
    let parent = p.opt_str("parent");
    let city = p.opt_str("city");
    let processing_min = p.opt_f64("processing_min").ok().flatten();
    // Properties that only a station may carry.
    let station_only = |p: &mut Props, key: &str, present: bool| {
        if present && kind.is_some_and(|k| k != NodeKind::Station) {
            p.error(
                format!("`{key}` applies to stations only"),
                "remove the property, or set kind to station",
            );
        }
    };
    let express_stop = p.opt_bool("express_stop");
    station_only(p, "express_stop", express_stop.is_some());
    let approach_s = p.opt_f64("approach_s").ok().flatten();
    station_only(p, "approach_s", approach_s.is_some());
    if approach_s.is_some_and(|s| !(0.0..=MAX_APPROACH_S).contains(&s)) {
        p.error(
            format!("`approach_s` must be between 0 and {MAX_APPROACH_S} seconds"),
            "give the seconds one approach to the station takes beyond the line's cruise pace",
        );
        return None;
    }
    let main_stations = p.opt_str_list("main_stations");
    let main_source = p.opt_str("main_stations_source");
    if !main_stations.is_empty() {
        if kind.is_some_and(|k| !k.is_place()) {
            p.error(
                "`main_stations` applies to places (city, district, county) only".into(),
                "move the list to the place the stations serve",
            );
        } else if main_source.as_deref().is_none_or(|s| s.trim().is_empty()) {
            p.error(
                "`main_stations` has no `main_stations_source`".into(),
                "say why these are the place's main stations (a public source, or the rule used)",
            );
        }
    }
    if processing_min.is_some_and(|m| !(0.0..=600.0).contains(&m)) {
        p.error(
            "`processing_min` must be between 0 and 600".into(),
            "give minutes from entrance to platform",
        );
        return None;
    }
    Some(Node {
        id,
        name_zh: name_zh?,
        name_en: name_en?,
        kind: kind?,
        province: province?,
        population,
        parent,
        city,
        processing_min,
        express_stop,
        approach_s,
        main_stations,
        coord,
        source: match main_source {
            Some(m) if !m.trim().is_empty() => format!("{} | main stations: {m}", source?),
            _ => source?,
        },
    })
}

/// The largest population a place may declare: 100 million persons (all of
/// Sichuan has 84 million, Chongqing 32 million), so that sums over every
/// place of a network cannot overflow.
pub const MAX_POPULATION: u64 = 100_000_000;

/// The longest approach loss a station may declare, seconds (a 10-km throat
/// at walking pace would be far more; no real hub approach costs over 15 min).
const MAX_APPROACH_S: f64 = 900.0;

/// Years the data may name (opening, retirement, speed changes).
pub(crate) const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i64> =
    1800..=crate::model::LAST_YEAR as i64;

/// True for a speed a link can have, km/h: above 0, at most 600.
pub(crate) fn possible_speed(kmh: f64) -> bool {
    kmh > 0.0 && kmh <= 600.0
}

/// Reads `operating_speed_since`, an object `{"YYYY": km/h, …}` of later
/// changes of a link's operating speed, into `(year, km/h)` pairs sorted by
/// year. Each year must be a plausible year after `open_year`; each speed
/// must be possible.
fn read_speed_since(p: &mut Props, open_year: Option<i32>) -> Result<Vec<(i32, f64)>, ()> {
    const FIX: &str = "write an object of year → km/h, e.g. {\"2016\": 210, \"2018\": 250}";
    let key = "operating_speed_since";
    let obj = match p.map.get(key) {
        None | Some(serde_json::Value::Null) => return Ok(Vec::new()),
        Some(serde_json::Value::Object(o)) => o,
        Some(v) => {
            let found = super::props::kind(v);
            p.error(format!("`{key}` must be an object, found {found}"), FIX);
            return Err(());
        }
    };
    let mut out = Vec::with_capacity(obj.len());
    let mut bad = false;
    for (y, v) in obj {
        let year = y
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| PLAUSIBLE_YEARS.contains(&i64::from(*y)));
        let kmh = v.as_f64().filter(|v| possible_speed(*v));
        match (year, kmh) {
            (Some(year), Some(kmh)) if open_year.is_none_or(|o| year > o) => out.push((year, kmh)),
            (Some(year), Some(_)) => {
                p.error(
                    format!(
                        "`{key}` changes the speed in {year}, not after the opening year {}",
                        open_year.unwrap_or_default()
                    ),
                    "give the speed at opening as `operating_speed_kmh`; list only later changes here",
                );
                bad = true;
            }
            (None, _) => {
                p.error(
                    format!(
                        "`{key}` key \"{y}\" is not a year ({}–{})",
                        PLAUSIBLE_YEARS.start(),
                        PLAUSIBLE_YEARS.end()
                    ),
                    FIX,
                );
                bad = true;
            }
            (_, None) => {
                p.error(
                    format!("`{key}` \"{y}\": {v} is not a possible speed (> 0 and ≤ 600 km/h)"),
                    FIX,
                );
                bad = true;
            }
        }
    }
    if bad {
        return Err(());
    }
    out.sort_by_key(|&(y, _)| y);
    Ok(out)
}

fn read_link(id: String, geometry: LineString<f64>, p: &mut Props) -> Option<RawLink> {
    let mode = p.req_str("mode", "set mode").and_then(|m| match Mode::parse(&m) {
        Some(x) => Some(x),
        None => {
            p.error(
                format!("unknown mode \"{m}\""),
                "use hsr, intercity, conventional_rail, suburban_rail, expressway, highway, waterway or access",
            );
            None
        }
    });
    let is_access = mode == Some(Mode::Access);
    let from = p.req_str("from", "set `from` to the id of the start node");
    let to = p.req_str("to", "set `to` to the id of the end node");
    let source = p.req_str(
        "source",
        "name the seed file or the public fact behind the feature",
    );
    let (name_zh, name_en, project) = if is_access {
        (
            p.opt_str("name_zh").unwrap_or_else(|| "接驳".into()),
            p.opt_str("name_en").unwrap_or_else(|| "access".into()),
            p.opt_str("project").unwrap_or_else(|| "access".into()),
        )
    } else {
        (
            p.req_str("name_zh", "add the Chinese name of the line")
                .unwrap_or_default(),
            p.req_str("name_en", "add the English name of the line")
                .unwrap_or_default(),
            p.req_str(
                "project",
                "group the links of one project under an ASCII project id",
            )
            .unwrap_or_default(),
        )
    };
    let line = p.opt_str("line").unwrap_or_else(|| project.clone());

    let status = match p.opt_str("status") {
        Some(s) => match Status::parse(&s) {
            Some(x) => Some(x),
            None => {
                p.error(
                    format!("unknown status \"{s}\""),
                    "use open, under_construction, planned or proposed",
                );
                None
            }
        },
        None if is_access => Some(Status::Open),
        None => {
            p.error(
                "missing property `status`".into(),
                "use open, under_construction, planned or proposed",
            );
            None
        }
    };
    let open_year = match p.opt_int("open_year") {
        Ok(Some(y)) if PLAUSIBLE_YEARS.contains(&y) => Some(y as i32),
        Ok(Some(y)) => {
            p.error(
                format!("open_year {y} is not a plausible year"),
                &format!(
                    "give the year of opening, {}–{}",
                    PLAUSIBLE_YEARS.start(),
                    PLAUSIBLE_YEARS.end()
                ),
            );
            None
        }
        Ok(None) if is_access => Some(0),
        Ok(None) => {
            p.error(
                "missing property `open_year`".into(),
                "give the (planned) year of opening, e.g. 2027",
            );
            None
        }
        Err(()) => None,
    };
    let retire_year = match p.opt_int("retire_year") {
        Ok(y) => y.map(|y| y as i32),
        Err(()) => None,
    };

    let speed = |p: &mut Props, key: &str, required: bool| -> Result<Option<f64>, ()> {
        match p.opt_f64(key)? {
            Some(v) if possible_speed(v) => Ok(Some(v)),
            Some(v) => {
                p.error(
                    format!("`{key}` = {v} km/h is impossible: it must be > 0 and ≤ 600"),
                    "give the speed in km/h (e.g. 350 for HSR, 120 for an expressway)",
                );
                Err(())
            }
            None if required => {
                p.error(
                    format!("missing property `{key}`"),
                    "give the speed in km/h",
                );
                Err(())
            }
            None => Ok(None),
        }
    };
    let is_water = mode == Some(Mode::Waterway);
    let design = speed(p, "design_speed_kmh", !is_access && mode.is_some());
    let operating = speed(p, "operating_speed_kmh", false);
    let since = read_speed_since(p, open_year);
    let limit = speed(p, "speed_limit_kmh", false);
    let up = speed(p, "speed_upstream_kmh", is_water);
    let down = speed(p, "speed_downstream_kmh", is_water);
    let declared = match p.opt_f64("length_km") {
        Ok(Some(v)) if v > 0.0 => Ok(Some(v)),
        Ok(Some(v)) => {
            p.error(
                format!("`length_km` = {v} must be positive"),
                "give the official length in km, or omit it to use the geometry's length",
            );
            Err(())
        }
        other => other,
    };
    let minutes = match p.opt_f64("minutes") {
        Ok(Some(v)) if v >= 0.0 => Ok(Some(v)),
        Ok(Some(v)) => {
            p.error(
                format!("`minutes` = {v} must not be negative"),
                "give the access time in minutes",
            );
            Err(())
        }
        Ok(None) if is_access => {
            p.error(
                "an access connector needs `minutes`".into(),
                "give the door ↔ station time in minutes",
            );
            Err(())
        }
        other => other,
    };
    let headway = match p.opt_f64("headway_min") {
        Ok(Some(v)) if v > 0.0 => Ok(Some(v)),
        Ok(Some(v)) => {
            p.error(
                format!("`headway_min` = {v} must be positive"),
                "give minutes between departures",
            );
            Err(())
        }
        other => other,
    };
    let oneway = p.opt_bool("oneway").unwrap_or(false);
    let freight = p
        .opt_bool("freight")
        .unwrap_or(mode == Some(Mode::ConventionalRail));
    let inventory = p.opt_bool("inventory").unwrap_or(true);

    Some(RawLink {
        link: Link {
            id,
            name_zh,
            name_en,
            project,
            line,
            mode: mode?,
            from: 0,
            to: 0,
            design_speed_kmh: design.ok()?,
            operating_speed_kmh: operating.ok()?,
            operating_speed_since: since.ok()?,
            speed_limit_kmh: limit.ok()?,
            speed_upstream_kmh: up.ok()?,
            speed_downstream_kmh: down.ok()?,
            length_km: 0.0,
            declared_length_km: declared.ok()?,
            minutes: minutes.ok()?,
            headway_min: headway.ok()?,
            status: status?,
            open_year: open_year?,
            retire_year,
            oneway,
            freight,
            inventory,
            geometry,
            source: source?,
        },
        from: from?,
        to: to?,
        file: p.file.to_path_buf(),
    })
}
