//! A node feature (Point): a place (city, district, county) or a facility
//! (station, port, airport, interchange).

use super::props::{one_of, parse_choice, Checked, Findings, NonEmpty, Prop, SOURCE_FIX};
use crate::model::{Node, NodeKind, Province};
use geo::Coord;
use serde::Deserialize;

/// The largest population a place may declare: 100 million persons (all of
/// Sichuan has 84 million, Chongqing 32 million), so that sums over every
/// place of a network cannot overflow.
pub const MAX_POPULATION: u64 = 100_000_000;

/// The longest approach loss a station may declare, seconds (a 10-km throat
/// at walking pace would be far more; no real hub approach costs over 15 min).
const MAX_APPROACH_S: f64 = 900.0;

/// The longest station processing time, minutes.
const MAX_PROCESSING_MIN: f64 = 600.0;

/// The properties of a node as written (besides `id`, read for every
/// feature); geodata/README.md describes each. The fields are the keys of
/// [`crate::io::keys::NODE_KEYS`], in its order.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct NodeProps {
    name_zh: Prop<String>,
    name_en: Prop<String>,
    kind: Prop<String>,
    province: Prop<String>,
    population: Prop<u64>,
    parent: Prop<String>,
    city: Prop<String>,
    processing_min: Prop<f64>,
    express_stop: Prop<bool>,
    approach_s: Prop<f64>,
    source: Prop<String>,
    main_stations: Prop<Vec<NonEmpty>>,
    main_stations_source: Prop<String>,
}

/// A node's kind, one of [`NodeKind::ALL`].
fn node_kind(found: &mut Findings, p: &Prop<String>) -> Option<NodeKind> {
    let names = || one_of(NodeKind::ALL.map(NodeKind::as_str));
    let k = found.keep(
        found
            .site
            .required_str("kind", p, &format!("set kind to {}", names())),
    )?;
    let kind = parse_choice(&NodeKind::ALL, NodeKind::as_str, &k);
    if kind.is_none() {
        found.error(format!("unknown kind \"{k}\""), &format!("use {}", names()));
    }
    kind
}

/// A node's province, one of [`Province::ALL`].
fn province(found: &mut Findings, p: &Prop<String>) -> Option<Province> {
    let codes = one_of(Province::ALL.map(Province::as_str));
    let s = found.keep(found.site.required_str(
        "province",
        p,
        &format!("set province to {codes}"),
    ))?;
    let province = parse_choice(&Province::ALL, Province::as_str, &s);
    if province.is_none() {
        let named = one_of(Province::ALL.map(|p| format!("{} ({})", p.as_str(), p.name_en())));
        found.error(format!("unknown province \"{s}\""), &format!("use {named}"));
    }
    province
}

/// A place's 2020 census population: required for places, positive, at
/// most [`MAX_POPULATION`].
fn population(found: &Findings, p: &Prop<u64>, kind: Option<NodeKind>) -> Checked<Option<u64>> {
    match p.written().map(|w| w.copied()) {
        Some(Ok(n)) if n > MAX_POPULATION => Err(found.site.error(
            format!("`population` {n} is more than {MAX_POPULATION} persons, more than any place has"),
            "give the 2020 census resident population of this unit (persons, e.g. 20937757 for Chengdu)",
        )),
        Some(Ok(n)) if n > 0 => Ok(Some(n)),
        None if kind.is_some_and(NodeKind::is_place) => Err(found.site.error(
            "a place needs `population`".into(),
            "add the 2020 census resident population (persons, integer)",
        )),
        None => Ok(None),
        Some(v) => {
            let v = v.map_or_else(|v| v.to_string(), |n| n.to_string());
            Err(found.site.error(
                format!("`population` must be a positive integer, found {v}"),
                "write the number of persons as a whole number",
            ))
        }
    }
}

/// What only a station may carry: `express_stop` and `approach_s`; `None`
/// if `approach_s` is out of range (the node cannot be used).
fn station_props(
    found: &mut Findings,
    express_stop: &Prop<bool>,
    approach_s: &Prop<f64>,
    kind: Option<NodeKind>,
) -> Option<(Option<bool>, Option<f64>)> {
    let station_only = |found: &mut Findings, key: &str, present: bool| {
        if present && kind.is_some_and(|k| k != NodeKind::Station) {
            found.error(
                format!("`{key}` applies to stations only"),
                "remove the property, or set kind to station",
            );
        }
    };
    let express_stop = found.optional_bool("express_stop", express_stop);
    station_only(found, "express_stop", express_stop.is_some());
    let approach_s = found.optional_f64("approach_s", approach_s);
    station_only(found, "approach_s", approach_s.is_some());
    if approach_s.is_some_and(|s| !(0.0..=MAX_APPROACH_S).contains(&s)) {
        found.error(
            format!("`approach_s` must be between 0 and {MAX_APPROACH_S} seconds"),
            "give the seconds one approach to the station takes beyond the line's cruise pace",
        );
        return None;
    }
    Some((express_stop, approach_s))
}

/// A place's `main_stations` and their `main_stations_source`, which only
/// a place may carry, and only with a source.
fn main_stations(
    found: &mut Findings,
    stations: &Prop<Vec<NonEmpty>>,
    source: &Prop<String>,
    kind: Option<NodeKind>,
) -> (Vec<String>, Option<String>) {
    let stations = found.keep(found.site.optional_ids("main_stations", stations));
    let stations = stations.unwrap_or_default();
    let source = found.optional_str("main_stations_source", source);
    if stations.is_empty() {
        return (stations, source);
    }
    if kind.is_some_and(|k| !k.is_place()) {
        found.error(
            "`main_stations` applies to places (city, district, county) only".into(),
            "move the list to the place the stations serve",
        );
    } else if source.as_deref().is_none_or(|s| s.trim().is_empty()) {
        found.error(
            "`main_stations` has no `main_stations_source`".into(),
            "say why these are the place's main stations (a public source, or the rule used)",
        );
    }
    (stations, source)
}

/// Checks a node's properties; `None` if the node cannot be used (its
/// diagnostics are in `found`).
pub(super) fn read_node(
    id: String,
    coord: Coord<f64>,
    p: NodeProps,
    found: &mut Findings,
) -> Option<Node> {
    let name_zh = found.required_str("name_zh", &p.name_zh, "add the Chinese name");
    let name_en = found.required_str("name_en", &p.name_en, "add the English name");
    let source = found.required_str("source", &p.source, SOURCE_FIX);
    let kind = node_kind(found, &p.kind);
    let province = province(found, &p.province);
    let population = found.keep(population(found, &p.population, kind)).flatten();
    let parent = found.optional_str("parent", &p.parent);
    let city = found.optional_str("city", &p.city);
    let processing_min = found.optional_f64("processing_min", &p.processing_min);
    let (express_stop, approach_s) = station_props(found, &p.express_stop, &p.approach_s, kind)?;
    let (main_stations, main_source) =
        main_stations(found, &p.main_stations, &p.main_stations_source, kind);
    if processing_min.is_some_and(|m| !(0.0..=MAX_PROCESSING_MIN).contains(&m)) {
        found.error(
            format!("`processing_min` must be between 0 and {MAX_PROCESSING_MIN}"),
            "give minutes from entrance to platform",
        );
        return None;
    }
    let source = match main_source {
        Some(m) if !m.trim().is_empty() => format!("{} | main stations: {m}", source?),
        _ => source?,
    };
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
        source,
    })
}
