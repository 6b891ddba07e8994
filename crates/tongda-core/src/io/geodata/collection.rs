//! One GeoJSON FeatureCollection: its features, their ids and geometries,
//! handed to [`super::node`] (Point) or [`super::link`] (LineString).

use super::props::{kind, object, Checked, Findings, Prop, Site};
use super::{is_valid_id, Read, REGION_BOUNDS};
use super::{link, node};
use crate::error::Diagnostic;
use crate::io::keys;
use geo::{Coord, LineString};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::path::Path;

/// A FeatureCollection as written; anything but `"type": "FeatureCollection"`
/// with a `features` array is refused as a whole. The features are kept as
/// parsed (not copied) and read one by one.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Collection {
    #[serde(rename = "type")]
    kind: Prop<String>,
    features: Value,
}

/// One feature as written. A feature that is not an object reads as one
/// with neither geometry nor properties; properties that are not an object
/// read as none.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Feature {
    geometry: Value,
    properties: Prop<Map<String, Value>>,
}

/// A geometry as written: its type, and its coordinates, read by type.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Geometry {
    #[serde(rename = "type")]
    kind: Prop<String>,
    coordinates: Prop<Value>,
}

/// The properties every feature has, whatever its geometry.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Common {
    id: Prop<String>,
}

/// A `[longitude, latitude, …]` position (further members are ignored).
#[derive(Debug, Clone, Copy)]
struct Position {
    lon: f64,
    lat: f64,
}

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Position;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("[longitude, latitude]")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Position, A::Error> {
                let missing = || serde::de::Error::invalid_length(0, &self);
                let lon = a.next_element::<f64>()?.ok_or_else(missing)?;
                let lat = a.next_element::<f64>()?.ok_or_else(missing)?;
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Position { lon, lat })
            }
        }
        d.deserialize_seq(V)
    }
}

/// Parses one FeatureCollection, adding its nodes, links and diagnostics to `out`.
pub(super) fn read_collection(file: &Path, text: &str, out: &mut Read) {
    // Parsed as a whole first, so that a syntax error anywhere is reported
    // with its line and column before any property is looked at.
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            out.diags.push(Diagnostic {
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
    let collection: Collection = object(root);
    let features = match (collection.kind, collection.features) {
        (Prop::Given(k), Value::Array(f)) if k == "FeatureCollection" => f,
        _ => {
            out.diags.push(Diagnostic::error(
                file,
                None,
                "not a GeoJSON FeatureCollection (need \"type\": \"FeatureCollection\" and a \"features\" array)".into(),
                "wrap the features in {\"type\": \"FeatureCollection\", \"features\": [...]}",
            ));
            return;
        }
    };
    for (i, f) in features.into_iter().enumerate() {
        read_feature(file, i, f, out);
    }
}

/// Reads feature number `i` (from 0) of `file`.
fn read_feature(file: &Path, i: usize, f: Value, out: &mut Read) {
    let feature: Feature = object(f);
    let props = Value::Object(match feature.properties {
        Prop::Given(m) => m,
        _ => Map::new(),
    });
    let Common { id } = object(&props);
    let fid = match &id {
        Prop::Given(id) => id.clone(),
        _ => format!("feature #{}", i + 1),
    };
    let mut found = Findings {
        site: Site { file, fid },
        diags: &mut out.diags,
    };
    let id = found.keep(check_id(&found.site, id));
    let geometry: Geometry = object(feature.geometry);
    let gtype = match geometry.kind {
        Prop::Given(t) => Some(t),
        _ => None,
    };
    let known = match gtype.as_deref() {
        Some("Point") => Some(keys::NODE_KEYS),
        Some("LineString") => Some(keys::LINK_KEYS),
        _ => None,
    };
    if let (Some(known), Value::Object(map)) = (known, &props) {
        for m in keys::unknown("property", map.keys(), &[known]) {
            found.error(
                m,
                "correct the spelling or remove the property (geodata/README.md lists every property)",
            );
        }
    }
    let accepted = match gtype.as_deref() {
        Some("Point") => {
            let c = point(geometry.coordinates, &mut found);
            let node = id
                .clone()
                .zip(c)
                .and_then(|(id, c)| node::read_node(id, c, object(&props), &mut found));
            node.map(|n| out.nodes.push((n, file.to_path_buf())))
                .is_some()
        }
        Some("LineString") => {
            let ls = line_string(geometry.coordinates, &mut found);
            let link = id
                .clone()
                .zip(ls)
                .and_then(|(id, ls)| link::read_link(id, ls, object(&props), &mut found));
            link.map(|l| out.links.push(l)).is_some()
        }
        Some(other) => {
            found.error(
                format!("geometry type {other} is not supported: nodes are Point, links are LineString"),
                "use a Point for a node or a LineString for a link (split a MultiLineString into links)",
            );
            false
        }
        None => {
            found.error(
                "missing geometry".into(),
                "give the feature a Point (node) or LineString (link) geometry",
            );
            false
        }
    };
    if !accepted {
        out.rejected.extend(id);
    }
}

/// A feature's id: ASCII lower-case letters, digits and `_`.
fn check_id(site: &Site, id: Prop<String>) -> Checked<String> {
    match id {
        Prop::Given(s) if is_valid_id(&s) => Ok(s),
        Prop::Given(s) => Err(site.error(
            format!("id \"{s}\" must be ASCII lower-case letters, digits and _"),
            "use a stable ASCII id such as st_chengdudong",
        )),
        Prop::Other(v) => Err(site.error(
            format!("`id` must be a string, found {}", kind(&v)),
            "write the id in double quotes",
        )),
        Prop::Absent => Err(site.error(
            "missing property `id`".into(),
            "every feature needs a unique ASCII id in properties.id",
        )),
    }
}

/// Checks one position: `[lon, lat]` numbers inside [`REGION_BOUNDS`].
fn position(p: Prop<Position>, site: &Site) -> Checked<Coord<f64>> {
    let Position { lon, lat } = match p {
        Prop::Given(p) => p,
        Prop::Other(v) => {
            return Err(site.error(
                format!("bad position {v}: expected [longitude, latitude] numbers"),
                "write positions as [lon, lat] in WGS84 degrees",
            ))
        }
        Prop::Absent => {
            return Err(site.error(
                "Point has no coordinates".into(),
                "add \"coordinates\": [lon, lat]",
            ))
        }
    };
    let (min_lon, min_lat, max_lon, max_lat) = REGION_BOUNDS;
    let inside =
        |x: f64, y: f64| (min_lon..=max_lon).contains(&x) && (min_lat..=max_lat).contains(&y);
    if inside(lon, lat) {
        Ok(Coord { x: lon, y: lat })
    } else if inside(lat, lon) {
        Err(site.error(
            format!("position [{lon}, {lat}] looks like [latitude, longitude]: latitude and longitude are swapped"),
            &format!("GeoJSON order is [lon, lat]: write [{lat}, {lon}]"),
        ))
    } else {
        Err(site.error(
            format!(
                "position [{lon}, {lat}] is outside the region (lon {min_lon}–{max_lon}, lat {min_lat}–{max_lat})"
            ),
            "check the coordinates: WGS84 degrees, [lon, lat] order",
        ))
    }
}

/// A Point's coordinates.
fn point(coordinates: Prop<Value>, found: &mut Findings) -> Option<Coord<f64>> {
    let p = match coordinates {
        Prop::Given(v) => Prop::deserialize(v).unwrap_or_default(),
        _ => Prop::Absent,
    };
    found.keep(position(p, &found.site))
}

/// A LineString's coordinates: at least two positions, each checked.
fn line_string(coordinates: Prop<Value>, found: &mut Findings) -> Option<LineString<f64>> {
    let positions: Prop<Vec<Prop<Position>>> = match coordinates {
        Prop::Given(v) => Prop::deserialize(v).unwrap_or_default(),
        _ => Prop::Absent,
    };
    let positions = match positions {
        Prop::Given(a) if a.len() >= 2 => a,
        _ => {
            found.error(
                "LineString needs at least two positions".into(),
                "give the link a geometry from its `from` node to its `to` node",
            );
            return None;
        }
    };
    let mut coords = Vec::with_capacity(positions.len());
    let mut ok = true;
    for p in positions {
        match found.keep(position(p, &found.site)) {
            Some(c) => coords.push(c),
            None => ok = false,
        }
    }
    ok.then(|| LineString::new(coords))
}
