//! `report.html`: the scenario's network, each goal's critical paths, the
//! goal table with both measures, and each path's legs on demand.

use super::map::{network, network_legend, outline, places, scenario_links, Frame};
use super::{esc, min1, page, CONTROLS};
use crate::goal::{GoalResult, LegView, PairResult, ProjectRef};
use crate::report::Report;
use crate::scenario::Scenario;
use crate::timemodel::Measure;
use geo::Coord;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Path data of each goal pair, `(goal, from, to)` → `d`, from the
/// `paths.geojson` text (one LineString per leg, in travel order).
fn pair_paths(f: &Frame, paths_geojson: &str) -> BTreeMap<(String, String, String), String> {
    let mut out: BTreeMap<(String, String, String), String> = BTreeMap::new();
    let v: Value = serde_json::from_str(paths_geojson).unwrap_or(Value::Null);
    let features = v["features"].as_array().cloned().unwrap_or_default();
    for ft in &features {
        let p = &ft["properties"];
        let key = (
            p["goal"].as_str().unwrap_or_default().to_string(),
            p["from"].as_str().unwrap_or_default().to_string(),
            p["to"].as_str().unwrap_or_default().to_string(),
        );
        let coords = ft["geometry"]["coordinates"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let cs = coords.iter().filter_map(|c| {
            Some(Coord {
                x: c.get(0)?.as_f64()?,
                y: c.get(1)?.as_f64()?,
            })
        });
        if let Some(d) = f.line(cs) {
            out.entry(key).or_default().push_str(&d);
        }
    }
    out
}

/// The goal's value, target and margin as in the terminal's summary table.
fn value_target_margin(g: &GoalResult) -> (String, String, String) {
    let share = g.kind == "coverage";
    let value = match g.value {
        None => "—".to_string(),
        Some(v) if share => format!("{:.1}%", v * 100.0),
        Some(v) => format!("{v:.1} min"),
    };
    let target = match g.target {
        Some(t) if share => format!("≥ {:.0}%", t * 100.0),
        Some(t) => format!("≤ {t:.0} min"),
        None => "—".into(),
    };
    let margin = match (g.value, g.target) {
        (Some(v), Some(t)) if share => format!("{:+.1} pt", (v - t) * 100.0),
        (Some(v), Some(t)) => format!("{:+.1}", t - v),
        _ => "—".into(),
    };
    (value, target, margin)
}

fn pass_word(p: bool) -> &'static str {
    if p {
        "PASS"
    } else {
        "FAIL"
    }
}

fn kind_word(l: &LegView) -> String {
    serde_json::to_value(l.kind)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn leg_name(l: &LegView) -> &str {
    if l.name_zh.is_empty() {
        &l.name_en
    } else {
        &l.name_zh
    }
}

fn leg_text(l: &LegView) -> String {
    let status = match (l.status, l.open_year) {
        (Some(s), Some(y)) if s != crate::model::Status::Open => format!(" ({}, {y})", s.as_str()),
        _ => String::new(),
    };
    let service = l
        .service
        .as_deref()
        .map_or(String::new(), |s| format!(" · service {s}"));
    format!(
        "{} {}{status}{service}: {} → {}, {:.1} km, {:.1} min",
        kind_word(l),
        leg_name(l),
        l.from_name,
        l.to_name,
        l.km,
        l.minutes
    )
}

/// The goal table (both measures' pairs appear per goal below it).
fn goal_table(r: &Report) -> String {
    let mut out = String::from(
        "<table id=\"goals\"><thead><tr><th>goal</th><th>result</th><th>measure</th><th>deciding case</th>\
         <th class=\"n\">value</th><th class=\"n\">target</th><th class=\"n\">margin</th><th>goal (seed)</th></tr></thead><tbody>\n",
    );
    for (i, g) in r.goals.iter().enumerate() {
        let (value, target, margin) = value_target_margin(g);
        let _ = writeln!(
            out,
            "<tr class=\"goal\" tabindex=\"0\" data-g=\"{i}\" data-id=\"{}\" title=\"{}\"><td>{}</td><td class=\"{res}\">{res}</td><td>{}</td><td>{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            esc(&g.id),
            esc(&g.title_en),
            esc(&g.id),
            g.measure.map_or("—", Measure::as_str),
            esc(g.worst.as_deref().unwrap_or("—")),
            esc(&value),
            esc(&target),
            esc(&margin),
            esc(&g.title_zh),
            res = pass_word(g.pass),
        );
    }
    out.push_str("</tbody></table>\n");
    out
}

/// A goal's pairs with both measures (shown when the goal is selected).
fn goal_pairs(i: usize, g: &GoalResult) -> String {
    let mut out = format!(
        "<div class=\"goal-pairs\" data-g=\"{i}\" hidden>\n<h2>{} — {} <span class=\"{res}\">{res}</span></h2>\n<p>{}</p>\n",
        esc(&g.id),
        esc(&g.title_zh),
        esc(&crate::report::goal_summary(g)),
        res = pass_word(g.pass)
    );
    if !g.note.is_empty() {
        let _ = writeln!(out, "<p class=\"muted\">Encoding: {}</p>", esc(&g.note));
    }
    if g.pairs.is_empty() {
        let details = serde_json::to_string_pretty(&g.details).unwrap_or_default();
        let _ = writeln!(out, "<pre class=\"details\">{}</pre>", esc(&details));
    } else {
        out.push_str(
            "<table><thead><tr><th>from → to</th><th class=\"n\">in-vehicle min</th><th class=\"n\">door-to-door min</th>\
             <th class=\"n\">margin</th><th>pass</th><th>relies on (not yet open)</th></tr></thead><tbody>\n",
        );
        for (j, p) in g.pairs.iter().enumerate() {
            let relies: Vec<String> = p.relies_on.iter().map(ProjectRef::label).collect();
            let _ = writeln!(
                out,
                "<tr class=\"pair\" tabindex=\"0\" data-g=\"{i}\" data-p=\"{j}\"><td>{} → {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td><td class=\"{res}\">{}</td><td>{}</td></tr>",
                esc(&p.from_name),
                esc(&p.to_name),
                min1(p.in_vehicle_min),
                min1(p.door_to_door_min),
                p.margin_min.map_or("—".into(), |m| format!("{m:+.1}")),
                if p.pass { "✓" } else { "✗" },
                esc(&if relies.is_empty() {
                    "—".to_string()
                } else {
                    relies.join(", ")
                }),
                res = pass_word(p.pass),
            );
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</div>\n");
    out
}

/// One pair's details: both measures, its legs, what it relies on, its bottleneck.
fn pair_detail(i: usize, j: usize, g: &GoalResult, p: &PairResult) -> String {
    let mut out = format!(
        "<section class=\"pd\" id=\"pd-{i}-{j}\" hidden>\n<h2>{} · {} → {} <span class=\"{res}\">{res}</span></h2>\n",
        esc(&g.id),
        esc(&p.from_name),
        esc(&p.to_name),
        res = pass_word(p.pass)
    );
    let _ = writeln!(
        out,
        "<p>in-vehicle {} min · door-to-door {} min · judged: {} · margin {} · {} km</p>",
        min1(p.in_vehicle_min),
        min1(p.door_to_door_min),
        g.measure.map_or("—", Measure::as_str),
        p.margin_min.map_or("—".into(), |m| format!("{m:+.1} min")),
        min1(p.km)
    );
    out.push_str(
        "<table><thead><tr><th>#</th><th>leg</th><th>mode</th><th>line / road</th><th>from → to</th>\
         <th class=\"n\">km</th><th class=\"n\">min</th></tr></thead><tbody>\n",
    );
    for (k, l) in p.legs.iter().enumerate() {
        let status = match (l.status, l.open_year) {
            (Some(s), Some(y)) if s != crate::model::Status::Open => {
                format!(" <span class=\"muted\">({}, {y})</span>", s.as_str())
            }
            _ => String::new(),
        };
        let service = l.service.as_deref().map_or(String::new(), |sv| {
            format!(" <span class=\"muted\">· service {}</span>", esc(sv))
        });
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}{status}{service}</td><td>{} → {}</td><td class=\"n\">{:.1}</td><td class=\"n\">{:.1}</td></tr>",
            k + 1,
            esc(&kind_word(l)),
            l.mode.map_or("", |m| m.as_str()),
            esc(leg_name(l)),
            esc(&l.from_name),
            esc(&l.to_name),
            l.km,
            l.minutes
        );
    }
    out.push_str("</tbody></table>\n");
    if p.relies_on.is_empty() {
        out.push_str("<p>Relies on no project that is not open today.</p>\n");
    } else {
        out.push_str("<p>Relies on (not open today):</p><ul>\n");
        for r in &p.relies_on {
            let _ = writeln!(
                out,
                "<li>{} <span class=\"muted\">({}, {}, opening {})</span></li>",
                esc(&r.name_zh),
                esc(&r.project),
                r.status.as_str(),
                r.open_year
            );
        }
        out.push_str("</ul>\n");
    }
    if let Some(b) = &p.bottleneck {
        let _ = writeln!(out, "<p>Bottleneck: {}</p>", esc(&leg_text(b)));
    }
    out.push_str("</section>\n");
    out
}

/// `report.html` for a scenario run: built from the report and the
/// `paths.geojson` text written next to it, and the scenario's network for
/// its year. Same inputs, same bytes.
pub fn report_html(sc: &Scenario, r: &Report, paths_geojson: &str) -> String {
    let f = Frame::of(&[&sc.base, &sc.network]);
    let links = scenario_links(sc);
    let paths = pair_paths(&f, paths_geojson);

    // Passing pairs first, failing ones on top of them.
    let mut pass_svg = String::new();
    let mut fail_svg = String::new();
    for (i, g) in r.goals.iter().enumerate() {
        for (j, p) in g.pairs.iter().enumerate() {
            let key = (g.id.clone(), p.from.clone(), p.to.clone());
            let Some(d) = paths.get(&key) else { continue };
            let target = if p.pass { &mut pass_svg } else { &mut fail_svg };
            let _ = writeln!(
                target,
                "<path class=\"pair {}\" data-g=\"{i}\" data-p=\"{j}\" data-goal-pass=\"{}\" d=\"{d}\"><title>{} · {} → {} · {} min · {}</title></path>",
                if p.pass { "pass" } else { "fail" },
                g.pass,
                esc(&g.id),
                esc(&p.from_name),
                esc(&p.to_name),
                min1(p.minutes),
                pass_word(p.pass)
            );
        }
    }
    let inner = format!(
        "{}{}<g class=\"paths\">\n{pass_svg}{fail_svg}</g>\n{}",
        outline(&f, &sc.base),
        network(&f, &links),
        places(&f, &sc.network)
    );
    let s = &r.scenario;
    let title = format!("tongda report — {} ({})", s.name, s.year);
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<header><h1>{}</h1><p>{}{} of {} goals pass · network year {} · statuses {} · {}</p></header>",
        esc(&title),
        if s.description.is_empty() {
            String::new()
        } else {
            format!("{} · ", esc(&s.description))
        },
        r.summary.passed,
        r.summary.goals,
        s.year,
        s.statuses
            .iter()
            .map(|x| x.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        esc(&r.generator)
    );
    body.push_str("<main>\n<div id=\"mapbox\">\n");
    body.push_str(&f.svg(&title, &inner));
    body.push_str(CONTROLS);
    let _ = writeln!(
        body,
        "<div class=\"legend\"><span class=\"item\"><span class=\"sw\" style=\"border-color:#1a9850\"></span>path of a passing pair</span>\
         <span class=\"item\"><span class=\"sw\" style=\"border-color:#d73027\"></span>path of a failing pair</span><br>{}<br>\
         circles: population (2020 census; a city's own, less its listed districts and counties) · shaded: the region \
         (hull of the places, not a boundary) · wheel or +/− to zoom, drag to pan, click a path or a goal</div>",
        network_legend()
    );
    body.push_str("</div>\n<aside>\n");
    for e in &s.edits {
        let _ = writeln!(body, "<p class=\"muted\">edit: {}</p>", esc(e));
    }
    let _ = writeln!(
        body,
        "<h2>Goals</h2>\n<p class=\"muted\"><b>in-vehicle</b>: {} · <b>door-to-door</b>: {}</p>",
        esc(r.measures["in-vehicle"].as_str().unwrap_or("")),
        esc(r.measures["door-to-door"].as_str().unwrap_or(""))
    );
    body.push_str(&goal_table(r));
    body.push_str("<p class=\"muted\">Select a goal to highlight its pairs on the map and list them with both measures; select a pair or a path for its legs.</p>\n");
    let _ = writeln!(
        body,
        "<p class=\"muted\">A run evaluates one year; the goal timeline over the years is drawn by \
         <code>tongda timeline --scenario {} --html timeline.html</code>.</p>",
        esc(&s.file)
    );
    for (i, g) in r.goals.iter().enumerate() {
        body.push_str(&goal_pairs(i, g));
    }
    for (i, g) in r.goals.iter().enumerate() {
        for (j, p) in g.pairs.iter().enumerate() {
            body.push_str(&pair_detail(i, j, g, p));
        }
    }
    body.push_str("</aside>\n</main>\n");
    page(&title, &body)
}
