//! The network of a scenario as GIS layers: its links as that scenario sees
//! them (after edits, in its year, with the statuses it allows) and its
//! nodes, as GeoJSON (one geometry type per file) or GeoPackage (two layers).
//!
//! The geodata files mix every year and status, and points with lines; a
//! GIS user wants the network of one year. Each link carries the operating
//! speed of that year ([`crate::model::Link::operating_speed_in`]), its
//! status, project and opening year.

mod gpkg;

pub use gpkg::write_gpkg;

use crate::chinacrs::MapCrs;
use crate::model::{Mode, NodeKind};
use crate::scenario::Scenario;
use crate::units::round_to;
use serde_json::{json, Map, Value};

/// The type of an attribute (GeoPackage column type; GeoJSON keeps JSON's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Text.
    Text,
    /// 64-bit integer.
    Integer,
    /// Double.
    Real,
    /// 0/1.
    Boolean,
}

impl FieldType {
    /// The GeoPackage column type.
    pub fn sql(self) -> &'static str {
        match self {
            FieldType::Text => "TEXT",
            FieldType::Integer => "INTEGER",
            FieldType::Real => "REAL",
            FieldType::Boolean => "BOOLEAN",
        }
    }
}

/// One layer: a name, its fields, and features (geometry in WGS84 and values).
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    /// Table / file name: `nodes` or `links`.
    pub name: &'static str,
    /// Point or line features.
    pub points: bool,
    /// Field names and types, in column order.
    pub fields: Vec<(&'static str, FieldType)>,
    /// Each feature: its coordinates (one for a point) and one value per field.
    pub features: Vec<(Vec<[f64; 2]>, Vec<Value>)>,
}

const NODE_FIELDS: [(&str, FieldType); 9] = [
    ("id", FieldType::Text),
    ("name_zh", FieldType::Text),
    ("name_en", FieldType::Text),
    ("kind", FieldType::Text),
    ("province", FieldType::Text),
    ("population", FieldType::Integer),
    ("parent", FieldType::Text),
    ("city", FieldType::Text),
    ("express_stop", FieldType::Boolean),
];

const LINK_FIELDS: [(&str, FieldType); 18] = [
    ("id", FieldType::Text),
    ("name_zh", FieldType::Text),
    ("name_en", FieldType::Text),
    ("project", FieldType::Text),
    ("line", FieldType::Text),
    ("mode", FieldType::Text),
    ("from_node", FieldType::Text),
    ("to_node", FieldType::Text),
    ("status", FieldType::Text),
    ("open_year", FieldType::Integer),
    ("retire_year", FieldType::Integer),
    ("design_speed_kmh", FieldType::Real),
    ("operating_speed_kmh", FieldType::Real),
    ("length_km", FieldType::Real),
    ("access_min", FieldType::Real),
    ("oneway", FieldType::Boolean),
    ("freight", FieldType::Boolean),
    ("inventory", FieldType::Boolean),
];

/// The two layers of a scenario's network: links that exist in its year with
/// an allowed status (or an opened project), and the nodes they touch plus
/// every place.
pub fn network_layers(sc: &Scenario) -> (Layer, Layer) {
    let net = &sc.network;
    let year = sc.spec.year;
    let spec = sc.graph_spec(sc.spec.profile);
    let used: Vec<&crate::model::Link> = net
        .links
        .iter()
        .filter(|l| {
            l.exists_in(year)
                && (spec.statuses.contains(&l.status) || spec.forced_projects.contains(&l.project))
        })
        .collect();
    let mut touched = vec![false; net.nodes.len()];
    for l in &used {
        touched[l.from as usize] = true;
        touched[l.to as usize] = true;
    }
    let nodes = Layer {
        name: "nodes",
        points: true,
        fields: NODE_FIELDS.to_vec(),
        features: net
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, n)| touched[*i] || n.kind.is_place())
            .map(|(i, n)| {
                let express = (n.kind == NodeKind::Station).then(|| net.is_express_stop(i as u32));
                (
                    vec![[n.coord.x, n.coord.y]],
                    vec![
                        json!(n.id),
                        json!(n.name_zh),
                        json!(n.name_en),
                        json!(n.kind.as_str()),
                        json!(n.province.as_str()),
                        json!(n.population),
                        json!(n.parent),
                        json!(n.city),
                        json!(express),
                    ],
                )
            })
            .collect(),
    };
    let links = Layer {
        name: "links",
        points: false,
        fields: LINK_FIELDS.to_vec(),
        features: used
            .iter()
            .map(|l| {
                let coords = l.geometry.coords().map(|c| [c.x, c.y]).collect();
                let access = l.mode == Mode::Access;
                (
                    coords,
                    vec![
                        json!(l.id),
                        json!(l.name_zh),
                        json!(l.name_en),
                        json!(l.project),
                        json!(l.line),
                        json!(l.mode.as_str()),
                        json!(net.nodes[l.from as usize].id),
                        json!(net.nodes[l.to as usize].id),
                        json!(l.status.as_str()),
                        json!(l.open_year),
                        json!(l.retire_year),
                        json!(l.design_speed_kmh),
                        json!(if access {
                            None
                        } else {
                            l.operating_speed_in(year).or(l.design_speed_kmh)
                        }),
                        json!(round_to(l.length_km, 3)),
                        json!(l.minutes),
                        json!(l.oneway),
                        json!(l.freight),
                        json!(l.inventory),
                    ],
                )
            })
            .collect(),
    };
    (nodes, links)
}

/// One layer as a GeoJSON FeatureCollection (one geometry type), in WGS84
/// (RFC 7946) or GCJ-02/BD-09, then named in the foreign member `tongda.crs`.
pub fn layer_geojson(layer: &Layer, crs: MapCrs, about: &Value) -> String {
    let mut out = String::from("{\"type\":\"FeatureCollection\",\n");
    let mut meta = about.clone();
    meta["crs"] = json!(crs.as_str());
    meta["layer"] = json!(layer.name);
    out.push_str(&format!("\"tongda\":{meta},\n\"features\":[\n"));
    for (k, (coords, values)) in layer.features.iter().enumerate() {
        if k > 0 {
            out.push_str(",\n");
        }
        let pts: Vec<Value> = coords
            .iter()
            .map(|c| {
                let (x, y) = crs.from_wgs84(c[0], c[1]);
                json!([round_to(x, 6), round_to(y, 6)])
            })
            .collect();
        let geometry = if layer.points {
            json!({"type": "Point", "coordinates": pts[0]})
        } else {
            json!({"type": "LineString", "coordinates": pts})
        };
        let mut props = Map::new();
        for ((name, _), v) in layer.fields.iter().zip(values) {
            props.insert((*name).to_string(), v.clone());
        }
        let f = json!({"type": "Feature", "geometry": geometry, "properties": props});
        out.push_str(&f.to_string());
    }
    out.push_str("\n]}\n");
    out
}
