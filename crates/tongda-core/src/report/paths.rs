//! `paths.geojson`: each goal's critical paths as LineStrings, one per leg.

use super::Report;
use crate::chinacrs::MapCrs;
use crate::model::Network;
use crate::units::round_to;
use geojson::{Feature, FeatureCollection, Geometry, JsonObject};
use serde_json::json;

/// Coordinates of a leg, its links chained and oriented in travel order.
fn leg_coords(net: &Network, link_ids: &[String], start: &str, crs: MapCrs) -> Vec<Vec<f64>> {
    let mut at = net.node_idx(start);
    let mut coords: Vec<Vec<f64>> = Vec::new();
    for id in link_ids {
        let Some(l) = net.link_idx(id).map(|i| &net.links[i]) else {
            continue;
        };
        let mut pts: Vec<Vec<f64>> = l
            .geometry
            .coords()
            .map(|c| {
                let (x, y) = crs.from_wgs84(c.x, c.y);
                vec![round_to(x, 6), round_to(y, 6)]
            })
            .collect();
        if at == Some(l.to) {
            pts.reverse();
            at = Some(l.from);
        } else {
            at = Some(l.to);
        }
        if coords.last() == pts.first() {
            pts.remove(0);
        }
        coords.extend(pts);
    }
    coords
}

/// The GeoJSON FeatureCollection of every goal pair's path (legs without
/// geometry — waits, transfers — are left out), in WGS84 or, for Chinese
/// web maps, GCJ-02 or BD-09 (then named in the foreign member `tongda.crs`).
pub fn paths_geojson(net: &Network, r: &Report, crs: MapCrs) -> String {
    let mut features = Vec::new();
    for g in &r.goals {
        for p in &g.pairs {
            for (k, l) in p.legs.iter().enumerate() {
                let coords = leg_coords(net, &l.links, &l.from, crs);
                if coords.len() < 2 {
                    continue;
                }
                let props = json!({
                    "goal": g.id, "goal_pass": g.pass, "from": p.from, "to": p.to,
                    "pair": format!("{} → {}", p.from_name, p.to_name), "pair_pass": p.pass,
                    "pair_minutes": p.minutes, "leg": k + 1, "kind": l.kind, "mode": l.mode,
                    "name_zh": l.name_zh, "name_en": l.name_en, "project": l.project,
                    "status": l.status, "open_year": l.open_year,
                    "leg_from": l.from_name, "leg_to": l.to_name, "km": l.km, "minutes": l.minutes,
                });
                let properties: Option<JsonObject> = props.as_object().cloned();
                features.push(Feature {
                    bbox: None,
                    geometry: Some(Geometry::new_line_string(coords)),
                    id: None,
                    properties,
                    foreign_members: None,
                });
            }
        }
    }
    let foreign_members = (crs != MapCrs::Wgs84)
        .then(|| {
            json!({"tongda": {"crs": crs.as_str()}})
                .as_object()
                .cloned()
        })
        .flatten();
    let fc = FeatureCollection {
        bbox: None,
        features,
        foreign_members,
    };
    let mut s = fc.to_string();
    s.push('\n');
    s
}
