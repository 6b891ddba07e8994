//! Writing an isochrone as a GeoJSON FeatureCollection (RFC 7946).
//!
//! One Feature per band, a MultiPolygon, in increasing minutes; properties
//! in a fixed order; coordinates rounded; one feature per line. The same
//! inputs give the same bytes.

use super::crs::{OutputCrs, Reprojector};
use super::engine::Isochrone;
use super::error::IsoResult;
use super::params::IsoParams;
use crate::timemodel::{Measure, Profile};
use crate::units::round_to;
use geo::{LineString, MultiPolygon};
use serde_json::{json, Value};
use std::fmt::Write;

/// What the isochrone was computed on, for the output's properties.
#[derive(Debug, Clone, PartialEq)]
pub struct IsoMeta {
    /// Scenario name.
    pub scenario: String,
    /// Network year.
    pub year: i32,
    /// Profile.
    pub profile: Profile,
    /// Measure of the network part.
    pub measure: Measure,
}

fn object(out: &mut String, members: &[(&str, Value)]) {
    out.push('{');
    for (k, (key, v)) in members.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        let _ = write!(out, "{}:{}", Value::from(*key), v);
    }
    out.push('}');
}

fn ring(out: &mut String, r: &LineString<f64>) {
    out.push('[');
    for (k, c) in r.0.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        let _ = write!(out, "[{},{}]", c.x, c.y);
    }
    out.push(']');
}

/// `{"type":"MultiPolygon","coordinates":…}`.
pub fn multipolygon_json(out: &mut String, mp: &MultiPolygon<f64>) {
    out.push_str("{\"type\":\"MultiPolygon\",\"coordinates\":[");
    for (k, p) in mp.0.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push('[');
        ring(out, p.exterior());
        for r in p.interiors() {
            out.push(',');
            ring(out, r);
        }
        out.push(']');
    }
    out.push_str("]}");
}

/// The FeatureCollection text of `iso`.
///
/// Each band's properties: `origin` (ids joined by `+` for a set),
/// `origin_name`, `scenario`, `year`, `profile`, `measure`, `minutes_min`,
/// `minutes_max`, `area_km2`, `population` (this band), `area_within_km2`,
/// `population_within` and `share_within` (up to `minutes_max`). The
/// collection's foreign member `tongda` records the origins (with the node
/// each position was snapped to and the distance), the method parameters
/// and the output CRS. Outside WGS84 a (pre-RFC 7946) `crs` member names
/// the CRS for GIS software.
pub fn render(
    iso: &Isochrone,
    meta: &IsoMeta,
    params: &IsoParams,
    crs: &OutputCrs,
    rp: &Reprojector,
    net: &crate::Network,
) -> IsoResult<String> {
    let origin = iso
        .origins
        .iter()
        .map(|p| p.origin.id.as_str())
        .collect::<Vec<_>>()
        .join("+");
    let origin_name = iso
        .origins
        .iter()
        .map(|p| p.origin.name.as_str())
        .collect::<Vec<_>>()
        .join("+");
    let origins: Vec<Value> = iso
        .origins
        .iter()
        .map(|p| {
            let snap = p.snap().map(|a| {
                json!({
                    "node": net.nodes[a.node as usize].id,
                    "km": round_to(a.km, 3),
                    "access_min": round_to(f64::from(params.access_seconds(a.km)) / 60.0, 3),
                })
            });
            json!({
                "id": p.origin.id,
                "name": p.origin.name,
                "lon": round_to(p.origin.lon, 6),
                "lat": round_to(p.origin.lat, 6),
                "on_network": p.on_network,
                "snapped_to": snap,
                "entry_nodes": p.access.len(),
            })
        })
        .collect();
    let mut out = String::with_capacity(1 << 16);
    out.push_str("{\"type\":\"FeatureCollection\",\n");
    if !crs.is_wgs84() && crs.map_crs().is_none() {
        let urn = format!("urn:ogc:def:crs:{}", crs.code().replacen(':', "::", 1));
        let _ = writeln!(
            out,
            "\"crs\":{},",
            json!({"type": "name", "properties": {"name": urn}})
        );
    }
    let meta_json = json!({
        "generator": format!("tongda {}", env!("CARGO_PKG_VERSION")),
        "origins": origins,
        "method": {
            "grid_cell_km": params.cell_km,
            "access_kmh": params.access_kmh,
            "detour": params.detour,
            "radius_km": params.radius_km,
            "time": "min over network nodes within radius_km of (node time + straight-line km × detour / access_kmh)",
            "population": "2020 census at place centres, non-overlapping units; a unit counts in the band holding its centre",
            "population_total": iso.population_total,
        },
        "crs": crs.code(),
    });
    let _ = writeln!(out, "\"tongda\":{meta_json},");
    out.push_str("\"features\":[\n");
    let total = iso.population_total.max(1) as f64;
    for (k, b) in iso.bands.iter().enumerate() {
        if k > 0 {
            out.push_str(",\n");
        }
        out.push_str("{\"type\":\"Feature\",\"properties\":");
        object(
            &mut out,
            &[
                ("origin", json!(origin)),
                ("origin_name", json!(origin_name)),
                ("scenario", json!(meta.scenario)),
                ("year", json!(meta.year)),
                ("profile", json!(meta.profile.as_str())),
                ("measure", json!(meta.measure.as_str())),
                ("minutes_min", json!(b.minutes_min)),
                ("minutes_max", json!(b.minutes_max)),
                ("area_km2", json!(b.area_km2)),
                ("population", json!(b.population)),
                ("area_within_km2", json!(b.area_within_km2)),
                ("population_within", json!(b.population_within)),
                (
                    "share_within",
                    json!(round_to(b.population_within as f64 / total, 4)),
                ),
            ],
        );
        out.push_str(",\"geometry\":");
        multipolygon_json(&mut out, &rp.apply(&b.geometry)?);
        out.push('}');
    }
    out.push_str("\n]}\n");
    Ok(out)
}
