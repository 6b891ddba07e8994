//! Isochrone pages: the bands on the map with the population per band in the
//! legend (`tongda isochrone --html`), and an index of a batch's pages
//! (`tongda isochrones --html`).

use super::map::{network, network_legend, outline, places, scenario_links, Frame};
use super::{esc, mix, page, CONTROLS};
use crate::chinacrs::MapCrs;
use crate::iso::OutputCrs;
use crate::iso::{IsoMeta, Isochrone, Origin};
use crate::scenario::Scenario;
use std::fmt::Write;

const NEAR: [u8; 3] = [26, 152, 80];
const MID: [u8; 3] = [254, 224, 139];
const FAR: [u8; 3] = [215, 48, 39];

/// Fill of band `k` of `n`: green (near) through yellow to red (far).
fn band_colour(k: usize, n: usize) -> String {
    let t = if n <= 1 {
        0.0
    } else {
        k as f64 / (n - 1) as f64
    };
    if t <= 0.5 {
        mix(NEAR, MID, t * 2.0)
    } else {
        mix(MID, FAR, (t - 0.5) * 2.0)
    }
}

/// The page of one isochrone: its bands over the scenario's network, the
/// origins, and a legend with each band's area and population. Same inputs,
/// same bytes.
///
/// The map is drawn in WGS84 (it has no tile layer to align with); the
/// origin coordinates printed on the page are in `crs` when it is GCJ-02 or
/// BD-09, as the GeoJSON written beside it, and say so.
pub fn isochrone_html(sc: &Scenario, iso: &Isochrone, meta: &IsoMeta, crs: &OutputCrs) -> String {
    let f = Frame::of(&[&sc.base, &sc.network]);
    let links = scenario_links(sc);
    let n = iso.bands.len();
    let mut bands = String::from("<g class=\"bands\">\n");
    for (k, b) in iso.bands.iter().enumerate() {
        let d = f.polygons(&b.geometry);
        if d.is_empty() {
            continue;
        }
        let _ = writeln!(
            bands,
            "<path class=\"band\" data-k=\"{k}\" fill=\"{}\" d=\"{d}\"><title>{}–{} min · {:.1} km² · {} persons</title></path>",
            band_colour(k, n),
            b.minutes_min,
            b.minutes_max,
            b.area_km2,
            b.population
        );
    }
    bands.push_str("</g>\n");
    let mut origins = String::from("<g class=\"origins\">\n");
    for p in &iso.origins {
        let (x, y) = f.xy(geo::Coord {
            x: p.origin.lon,
            y: p.origin.lat,
        });
        let _ = writeln!(
            origins,
            "<circle class=\"origin\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\"><title>origin: {}</title></circle>",
            esc(&p.origin.name)
        );
    }
    origins.push_str("</g>\n");
    let inner = format!(
        "{}{bands}<g opacity=\"0.6\">\n{}</g>\n{}{origins}",
        outline(&f, &sc.base),
        network(&f, &links),
        places(&f, &sc.network)
    );
    let names: Vec<&str> = iso.origins.iter().map(|p| p.origin.name.as_str()).collect();
    let title = format!(
        "tongda isochrone — {} · {} {}",
        names.join(", "),
        meta.scenario,
        meta.year
    );
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<header><h1>{}</h1><p>scenario {} · year {} · {} · {} · population of the network's places {}</p></header>",
        esc(&title),
        esc(&meta.scenario),
        meta.year,
        meta.profile,
        meta.measure,
        iso.population_total
    );
    body.push_str("<main>\n<div id=\"mapbox\">\n");
    body.push_str(&f.svg(&title, &inner));
    body.push_str(CONTROLS);
    let mut legend = String::from(
        "<table id=\"bands\"><thead><tr><th></th><th>minutes</th><th class=\"n\">area km²</th><th class=\"n\">population</th>\
         <th class=\"n\">within: km²</th><th class=\"n\">persons</th><th class=\"n\">share</th></tr></thead><tbody>\n",
    );
    for (k, b) in iso.bands.iter().enumerate() {
        let _ = writeln!(
            legend,
            "<tr><td><span class=\"sq\" style=\"background:{}\"></span></td><td>{}–{}</td><td class=\"n\">{:.1}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{:.1}</td><td class=\"n\">{}</td><td class=\"n\">{:.1}%</td></tr>",
            band_colour(k, n),
            b.minutes_min,
            b.minutes_max,
            b.area_km2,
            b.population,
            b.area_within_km2,
            b.population_within,
            100.0 * b.population_within as f64 / iso.population_total.max(1) as f64
        );
    }
    legend.push_str("</tbody></table>\n");
    let _ = writeln!(
        body,
        "<div class=\"legend\">{legend}{}<br>population: persons whose place centre lies in the band</div>",
        network_legend()
    );
    body.push_str("</div>\n<aside>\n<h2>Origins</h2>\n<ul>\n");
    for p in &iso.origins {
        let how = match (p.on_network, p.snap()) {
            (true, _) => "on the network".to_string(),
            (false, Some(a)) => format!(
                "off the network; nearest node {} at {:.2} km",
                sc.network.nodes[a.node as usize].name_zh, a.km
            ),
            (false, None) => "no node within the access radius".to_string(),
        };
        let (lon, lat, label) = shown(crs, p.origin.lon, p.origin.lat);
        let _ = writeln!(
            body,
            "<li>{} <span class=\"muted\">({}; {lon:.4}, {lat:.4}{label}; {})</span></li>",
            esc(&p.origin.name),
            esc(&p.origin.id),
            esc(&how)
        );
    }
    body.push_str("</ul>\n<h2>Bands</h2>\n");
    body.push_str(&legend);
    body.push_str("</aside>\n</main>\n");
    page(&title, &body)
}

/// The HTML file name of an origin's page in a batch (`<file stem>.html`).
pub fn html_file_name(o: &Origin) -> String {
    let f = o.file_name();
    match f.strip_suffix(".geojson") {
        Some(stem) => format!("{stem}.html"),
        None => format!("{f}.html"),
    }
}

/// `index.html` of a batch: every origin of the run (not only one shard's)
/// with a link to its page, so that merged shards browse as one batch.
/// Origin coordinates are in `crs` when it is GCJ-02 or BD-09 (as in
/// [`isochrone_html`]).
pub fn isochrones_index_html(meta: &IsoMeta, origins: &[Origin], crs: &OutputCrs) -> String {
    let title = format!(
        "tongda isochrones — {} {} · {} origins",
        meta.scenario,
        meta.year,
        origins.len()
    );
    let mut body = format!(
        "<header><h1>{}</h1><p>{} · {} · one page per origin, with its bands on the map</p></header>\n<main>\n<aside style=\"max-width:none;flex:1\">\n\
         <table><thead><tr><th>origin</th><th>id</th><th class=\"n\">lon{label}</th><th class=\"n\">lat{label}</th><th>page</th></tr></thead><tbody>\n",
        esc(&title),
        meta.profile,
        meta.measure,
        label = shown(crs, 0.0, 0.0).2
    );
    for o in origins {
        let file = html_file_name(o);
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{:.4}</td><td class=\"n\">{:.4}</td><td><a href=\"{}\">{}</a></td></tr>",
            esc(&o.name),
            esc(&o.id),
            shown(crs, o.lon, o.lat).0,
            shown(crs, o.lon, o.lat).1,
            esc(&file),
            esc(&file)
        );
    }
    body.push_str("</tbody></table>\n</aside>\n</main>\n");
    page(&title, &body)
}

/// A WGS84 position as the page prints it: in GCJ-02 or BD-09 when `crs` is
/// one of them (with a label naming it), else as it is.
fn shown(crs: &OutputCrs, lon: f64, lat: f64) -> (f64, f64, String) {
    match crs.map_crs() {
        Some(m) if m != MapCrs::Wgs84 => {
            let (x, y) = m.from_wgs84(lon, lat);
            (x, y, format!(" ({})", m.as_str()))
        }
        _ => (lon, lat, String::new()),
    }
}
