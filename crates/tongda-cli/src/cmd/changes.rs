//! `tongda changes`: what opens, retires or changes speed between two years.

use crate::common::{check_year, CliError, CliResult};
use crate::options::{is_stdout, say, scenario_or_year, write_output, CrsArg, Global};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;
use tongda_core::analysis::{changes, Changes};
use tongda_core::chinacrs::MapCrs;
use tongda_core::model::Network;
use tongda_core::report::TextTable;
use tongda_core::units::{round1, round_to};

/// Arguments of `tongda changes`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// First year (the network at its end).
    #[arg(long)]
    from: i32,
    /// Second year.
    #[arg(long)]
    to: i32,
    /// Scenario whose statuses and edits are used (a file or a name from
    /// scenarios/); default: the geodata with open, under-construction and
    /// planned links.
    #[arg(long)]
    scenario: Option<String>,
    /// Also write the changed links as GeoJSON (LineStrings); `-` for standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    crs: CrsArg,
}

fn km(x: f64) -> String {
    if x == 0.0 {
        String::new()
    } else {
        format!("{x:.0}")
    }
}

/// The changes as text: one row per project, then km by change × mode.
pub fn table(c: &Changes) -> String {
    let mut out = format!(
        "Changes in {} from the end of {} to the end of {} (km: inventory links; a link between the provinces counts half to each)\n\n",
        c.scenario, c.from, c.to
    );
    let mut t = TextTable::new(
        &[
            "change",
            "project",
            "name",
            "mode",
            "status",
            "year",
            "speed km/h",
            "川 km",
            "渝 km",
            "km",
        ],
        &[
            false, false, false, false, false, false, false, true, true, true,
        ],
    );
    for p in &c.projects {
        t.row(vec![
            p.change.as_str().into(),
            p.project.clone(),
            p.name_zh.clone(),
            p.mode.to_string(),
            p.status.as_str().into(),
            p.years
                .iter()
                .map(|y| y.to_string())
                .collect::<Vec<_>>()
                .join(","),
            p.speed_kmh.map_or(String::new(), |((a, b), (c2, d))| {
                let r = |lo: f64, hi: f64| {
                    if lo == hi {
                        format!("{lo:.0}")
                    } else {
                        format!("{lo:.0}–{hi:.0}")
                    }
                };
                format!("{} → {}", r(a, b), r(c2, d))
            }),
            km(p.km_sc),
            km(p.km_cq),
            km(p.km()),
        ]);
    }
    out.push_str(&t.render());
    out.push_str("\nKilometres by change and mode:\n\n");
    let mut t = TextTable::new(
        &["change", "mode", "川 sc", "渝 cq", "total"],
        &[false, false, true, true, true],
    );
    for (kind, modes) in &c.km {
        for (mode, (sc, cq)) in modes {
            if sc + cq > 0.0 {
                t.row(vec![
                    kind.as_str().into(),
                    mode.to_string(),
                    format!("{sc:.0}"),
                    format!("{cq:.0}"),
                    format!("{:.0}", sc + cq),
                ]);
            }
        }
    }
    out.push_str(&t.render());
    out
}

/// The changes as JSON (km rounded to 0.1).
pub fn to_json(c: &Changes) -> serde_json::Value {
    let projects: Vec<_> = c
        .projects
        .iter()
        .map(|p| {
            json!({"project": p.project, "name_zh": p.name_zh, "name_en": p.name_en,
                   "change": p.change, "mode": p.mode, "status": p.status, "years": p.years,
                   "speed_kmh": p.speed_kmh.map(|((a, b), (c2, d))| json!({"from": [a, b], "to": [c2, d]})),
                   "km_sc": round1(p.km_sc), "km_cq": round1(p.km_cq), "km": round1(p.km()),
                   "links": p.links})
        })
        .collect();
    let mut km = serde_json::Map::new();
    for (kind, modes) in &c.km {
        let m: serde_json::Map<String, serde_json::Value> = modes
            .iter()
            .map(|(mode, (sc, cq))| {
                (
                    mode.as_str().to_string(),
                    json!({"sc": round1(*sc), "cq": round1(*cq), "total": round1(sc + cq)}),
                )
            })
            .collect();
        km.insert(kind.as_str().into(), m.into());
    }
    json!({"scenario": c.scenario, "from": c.from, "to": c.to, "projects": projects, "km": km})
}

/// The changed links as a GeoJSON FeatureCollection of LineStrings.
pub fn geojson(c: &Changes, net: &Network, crs: MapCrs) -> String {
    let mut features = Vec::new();
    for p in &c.projects {
        for id in &p.links {
            let Some(l) = net.link_idx(id).map(|i| &net.links[i]) else {
                continue;
            };
            let coords: Vec<_> = l
                .geometry
                .coords()
                .map(|q| {
                    let (x, y) = crs.from_wgs84(q.x, q.y);
                    json!([round_to(x, 6), round_to(y, 6)])
                })
                .collect();
            features.push(json!({"type": "Feature",
                "geometry": {"type": "LineString", "coordinates": coords},
                "properties": {"link": l.id, "project": p.project, "name_zh": l.name_zh, "name_en": l.name_en,
                    "change": p.change, "mode": l.mode, "status": l.status, "open_year": l.open_year,
                    "retire_year": l.retire_year, "length_km": round1(l.length_km), "inventory": l.inventory,
                    "speed_from_kmh": l.operating_speed_in(c.from).or(l.design_speed_kmh),
                    "speed_to_kmh": l.operating_speed_in(c.to).or(l.design_speed_kmh)}}));
        }
    }
    let fc = json!({"type": "FeatureCollection",
        "tongda": {"scenario": c.scenario, "from": c.from, "to": c.to, "crs": crs.as_str()},
        "features": features});
    fc.to_string() + "\n"
}

/// Computes and prints the changes.
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    let crs = args.crs.map_crs()?;
    if args.to <= args.from {
        return Err(CliError::coded(
            "bad_year",
            format!(
                "--to {} is not after --from {} — fix: give the earlier year in --from",
                args.to, args.from
            ),
        ));
    }
    let sc = scenario_or_year(
        g,
        args.scenario.as_deref(),
        args.scenario.is_none().then_some(args.to),
        "changes",
    )?;
    check_year(&sc.network, "--from", args.from)?;
    check_year(&sc.network, "--to", args.to)?;
    let c = changes(&sc, args.from, args.to);
    let to_stdout = args.out.as_deref().is_some_and(is_stdout);
    if let Some(out) = &args.out {
        write_output(out, &geojson(&c, &sc.network, crs))?;
    }
    if g.json {
        say(to_stdout, &to_json(&c).to_string());
    } else {
        let text = table(&c);
        for line in text.lines() {
            say(to_stdout, line);
        }
        if let Some(out) = &args.out {
            if !to_stdout {
                let n: usize = c.projects.iter().map(|p| p.links.len()).sum();
                println!("\nwrote {} ({n} links, {})", out.display(), crs);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
