//! `compare.html`: what changes from scenario A to B on the map — projects
//! added and removed, the place pairs whose times change most, the goals
//! that flip.

use super::map::{in_scenario, network, network_legend, outline, places, project_layer, Frame};
use super::{esc, min1, mix, page, CONTROLS};
use crate::analysis::{Comparison, PairChange};
use crate::model::Link;
use crate::scenario::Scenario;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

const GREY: [u8; 3] = [200, 200, 200];
const FASTER: [u8; 3] = [33, 102, 172];
const SLOWER: [u8; 3] = [178, 24, 43];

/// Colour and stroke width of a pair's change; `max` is the largest |change|.
fn style(p: &PairChange, max: f64) -> (String, f64) {
    match (p.delta_min, p.before_min) {
        (Some(d), _) => {
            let t = (d.abs() / max.max(0.1)).min(1.0);
            let c = if d < 0.0 { FASTER } else { SLOWER };
            (mix(GREY, c, 0.25 + 0.75 * t), 1.5 + 3.5 * t)
        }
        // Reachable only after (faster: from ∞) or only before (slower: to ∞).
        (None, None) => (mix(GREY, FASTER, 1.0), 5.0),
        (None, Some(_)) => (mix(GREY, SLOWER, 1.0), 5.0),
    }
}

fn goal_value(kind: &str, v: Option<f64>) -> String {
    match v {
        None => "—".into(),
        Some(x) if kind == "coverage" => format!("{:.1}%", x * 100.0),
        Some(x) => format!("{x:.1} min"),
    }
}

fn pf(p: bool) -> &'static str {
    if p {
        "PASS"
    } else {
        "FAIL"
    }
}

/// Projects of `links`, each once: `name (id), opening year`.
fn project_list(links: &[&Link]) -> String {
    let mut ps: BTreeMap<&str, (&str, i32)> = BTreeMap::new();
    for l in links {
        let e = ps
            .entry(l.project.as_str())
            .or_insert((l.name_zh.as_str(), l.open_year));
        e.1 = e.1.max(l.open_year);
    }
    if ps.is_empty() {
        return "<p class=\"muted\">none</p>\n".into();
    }
    let mut out = String::from("<ul>\n");
    for (id, (name, year)) in ps {
        let _ = writeln!(
            out,
            "<li>{} <span class=\"muted\">({}, {year})</span></li>",
            esc(name),
            esc(id)
        );
    }
    out.push_str("</ul>\n");
    out
}

/// `compare.html` for scenarios `a` (before) and `b` (after) and their
/// comparison. Same inputs, same bytes.
pub fn compare_html(a: &Scenario, b: &Scenario, c: &Comparison) -> String {
    let f = Frame::of(&[&a.base, &a.network, &b.network]);
    let ids_a: BTreeSet<&str> = a
        .network
        .links
        .iter()
        .filter(|l| in_scenario(a, l))
        .map(|l| l.id.as_str())
        .collect();
    let ids_b: BTreeSet<&str> = b
        .network
        .links
        .iter()
        .filter(|l| in_scenario(b, l))
        .map(|l| l.id.as_str())
        .collect();
    let common: Vec<&Link> = b
        .network
        .links
        .iter()
        .filter(|l| ids_a.contains(l.id.as_str()) && ids_b.contains(l.id.as_str()))
        .collect();
    let added: Vec<&Link> = b
        .network
        .links
        .iter()
        .filter(|l| ids_b.contains(l.id.as_str()) && !ids_a.contains(l.id.as_str()))
        .collect();
    let removed: Vec<&Link> = a
        .network
        .links
        .iter()
        .filter(|l| ids_a.contains(l.id.as_str()) && !ids_b.contains(l.id.as_str()))
        .collect();

    let max = c
        .pairs
        .iter()
        .filter_map(|p| p.delta_min.map(f64::abs))
        .fold(0.0, f64::max);
    let mut chg = String::from("<g class=\"changes\">\n");
    // Smallest changes first, so the largest are drawn on top.
    for (i, p) in c.pairs.iter().enumerate().rev() {
        let (Some(o), Some(d)) = (b.network.node(&p.from), b.network.node(&p.to)) else {
            continue;
        };
        let ((x1, y1), (x2, y2)) = (f.xy(o.coord), f.xy(d.coord));
        // A gentle curve to the left of the direction of travel, so that
        // A → B and B → A do not overlap.
        let (mx, my) = ((x1 + x2) / 2.0, (y1 + y2) / 2.0);
        let (cx, cy) = (mx + (y2 - y1) * 0.12, my - (x2 - x1) * 0.12);
        let (colour, width) = style(p, max);
        let _ = writeln!(
            chg,
            "<path class=\"chg{}\" data-i=\"{i}\" stroke=\"{colour}\" stroke-width=\"{width:.1}\" \
             d=\"M{x1:.1},{y1:.1} Q{cx:.1},{cy:.1} {x2:.1},{y2:.1}\"><title>{} → {}: {} → {} min ({})</title></path>",
            if p.delta_min.is_none() { " unreach" } else { "" },
            esc(&p.from_name),
            esc(&p.to_name),
            min1(p.before_min),
            min1(p.after_min),
            p.delta_min
                .map_or("reachability changes".into(), |d| format!("{d:+.1}")),
        );
    }
    chg.push_str("</g>\n");
    let inner = format!(
        "{}{}<g class=\"diff\">\n{}{}</g>\n{chg}{}",
        outline(&f, &b.base),
        network(&f, &common),
        project_layer(&f, &removed, "removed", None),
        project_layer(&f, &added, "added", Some("fut-l")),
        places(&f, &b.network)
    );

    let title = format!("tongda compare — {} → {}", c.before, c.after);
    let flips = c.goals.iter().filter(|g| g.flipped).count();
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<header><h1>{}</h1><p>{} ({}) → {} ({}) · {flips} goal(s) flip · {} link(s) added, {} removed</p></header>",
        esc(&title),
        esc(&c.before),
        a.spec.year,
        esc(&c.after),
        b.spec.year,
        added.len(),
        removed.len()
    );
    body.push_str("<main>\n<div id=\"mapbox\">\n");
    body.push_str(&f.svg(&title, &inner));
    body.push_str(CONTROLS);
    let _ = writeln!(
        body,
        "<div class=\"legend\"><span class=\"item\"><span class=\"sw\" style=\"border-color:#e66101\"></span>in {} only (added)</span>\
         <span class=\"item\"><span class=\"sw\" style=\"border-color:#5e3c99;border-top-style:dashed\"></span>in {} only (removed)</span><br>\
         door-to-door change of the {} pairs that change most: \
         <span class=\"item\"><span class=\"sw\" style=\"border-color:{}\"></span>faster by {max:.1} min</span>\
         <span class=\"item\"><span class=\"sw\" style=\"border-color:{}\"></span>small change</span>\
         <span class=\"item\"><span class=\"sw\" style=\"border-color:{}\"></span>slower by {max:.1} min</span>\
         (curves bend to the left of the direction of travel)<br>{}</div>",
        esc(&c.after),
        esc(&c.before),
        c.pairs.len(),
        mix(GREY, FASTER, 1.0),
        mix(GREY, FASTER, 0.25),
        mix(GREY, SLOWER, 1.0),
        network_legend()
    );
    body.push_str("</div>\n<aside>\n<h2>Goals</h2>\n");
    body.push_str(
        "<table><thead><tr><th>goal</th><th>before</th><th>after</th><th class=\"n\">value before</th>\
         <th class=\"n\">value after</th><th>flipped</th><th>goal (seed)</th></tr></thead><tbody>\n",
    );
    for g in &c.goals {
        let _ = writeln!(
            body,
            "<tr{}><td>{}</td><td class=\"{b}\">{b}</td><td class=\"{a}\">{a}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            if g.flipped { " class=\"flip\"" } else { "" },
            esc(&g.id),
            esc(&goal_value(g.kind, g.value_before)),
            esc(&goal_value(g.kind, g.value_after)),
            if g.flipped { "yes" } else { "" },
            esc(&g.title_zh),
            b = pf(g.before),
            a = pf(g.after),
        );
    }
    body.push_str("</tbody></table>\n<h2>Accessibility (door-to-door, passenger)</h2>\n<ul>\n");
    let (xa, xb) = (&c.access_before, &c.access_after);
    let _ = writeln!(
        body,
        "<li>population-weighted mean door-to-door minutes: {:.1} → {:.1} ({:+.1})</li>",
        xa.pop_weighted_mean_min,
        xb.pop_weighted_mean_min,
        xb.pop_weighted_mean_min - xa.pop_weighted_mean_min
    );
    for (hub, before) in &xa.people_within_60 {
        let after = xb.people_within_60.get(hub).copied().unwrap_or(0);
        let _ = writeln!(
            body,
            "<li>people within 60 min of {}: {:.2} M → {:.2} M ({:+.2} M)</li>",
            esc(hub),
            *before as f64 / 1e6,
            after as f64 / 1e6,
            (after as f64 - *before as f64) / 1e6
        );
    }
    body.push_str("</ul>\n<h2>Place pairs that change most (door-to-door minutes)</h2>\n");
    body.push_str(
        "<table><thead><tr><th>from → to</th><th class=\"n\">before</th><th class=\"n\">after</th>\
         <th class=\"n\">change</th></tr></thead><tbody>\n",
    );
    for p in &c.pairs {
        let _ = writeln!(
            body,
            "<tr><td>{} → {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&p.from_name),
            esc(&p.to_name),
            p.before_min.map_or("unreachable".into(), |x| format!("{x:.1}")),
            p.after_min.map_or("unreachable".into(), |x| format!("{x:.1}")),
            p.delta_min.map_or("—".into(), |d| format!("{d:+.1}"))
        );
    }
    body.push_str("</tbody></table>\n");
    let _ = writeln!(body, "<h2>Projects in {} only (added)</h2>", esc(&c.after));
    body.push_str(&project_list(&added));
    let _ = writeln!(
        body,
        "<h2>Projects in {} only (removed)</h2>",
        esc(&c.before)
    );
    body.push_str(&project_list(&removed));
    body.push_str("</aside>\n</main>\n");
    page(&title, &body)
}
