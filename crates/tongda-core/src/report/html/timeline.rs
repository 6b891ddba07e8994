//! `timeline --html`: the goal timeline as a chart — one row per goal, one
//! column per year, each cell green (pass) or red (fail) with the deciding
//! value, the first year of passing marked.

use super::{esc, page};
use crate::analysis::Timeline;
use std::fmt::Write;

const CELL_W: f64 = 54.0;
const CELL_H: f64 = 26.0;
const LEFT: f64 = 64.0;
const TOP: f64 = 28.0;

fn value(kind: &str, v: Option<f64>) -> String {
    match v {
        None => String::new(),
        Some(x) if kind == "coverage" => format!("{:.0}%", x * 100.0),
        Some(x) => format!("{x:.0}"),
    }
}

/// The timeline page. Same inputs, same bytes.
pub fn timeline_html(t: &Timeline) -> String {
    let years: Vec<i32> = (t.from..=t.to).collect();
    let w = LEFT + CELL_W * years.len() as f64 + 90.0;
    let h = TOP + CELL_H * t.goals.len() as f64 + 8.0;
    let mut svg = format!(
        "<svg id=\"chart\" viewBox=\"0 0 {w:.0} {h:.0}\" width=\"{w:.0}\" height=\"{h:.0}\" role=\"img\" aria-label=\"goal timeline\">\n"
    );
    for (k, y) in years.iter().enumerate() {
        let _ = writeln!(
            svg,
            "<text class=\"yr\" x=\"{:.1}\" y=\"{:.1}\">{y}</text>",
            LEFT + CELL_W * (k as f64 + 0.5),
            TOP - 10.0
        );
    }
    let _ = writeln!(
        svg,
        "<text class=\"yr\" x=\"{:.1}\" y=\"{:.1}\">first pass</text>",
        LEFT + CELL_W * years.len() as f64 + 45.0,
        TOP - 10.0
    );
    for (i, g) in t.goals.iter().enumerate() {
        let y0 = TOP + CELL_H * i as f64;
        let _ = writeln!(
            svg,
            "<text class=\"gid\" x=\"4\" y=\"{:.1}\"><title>{}</title>{}</text>",
            y0 + CELL_H * 0.65,
            esc(&g.title_zh),
            esc(&g.id)
        );
        for (k, (year, pass, v)) in g.years.iter().enumerate() {
            let x0 = LEFT + CELL_W * k as f64;
            let first = g.first_pass_year == Some(*year);
            let _ = writeln!(
                svg,
                "<rect class=\"cell {}{}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"><title>{} {year}: {} {}</title></rect>\
                 <text class=\"cv\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                if *pass { "pass" } else { "fail" },
                if first { " first" } else { "" },
                x0 + 1.0,
                y0 + 1.0,
                CELL_W - 2.0,
                CELL_H - 2.0,
                esc(&g.id),
                if *pass { "PASS" } else { "FAIL" },
                esc(&value(g.kind, *v)),
                x0 + CELL_W / 2.0,
                y0 + CELL_H * 0.65,
                esc(&value(g.kind, *v))
            );
        }
        let _ = writeln!(
            svg,
            "<text class=\"fp\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            LEFT + CELL_W * years.len() as f64 + 45.0,
            y0 + CELL_H * 0.65,
            g.first_pass_year.map_or("—".into(), |y| y.to_string())
        );
    }
    svg.push_str("</svg>\n");
    let title = format!("tongda timeline — {} ({}–{})", t.scenario, t.from, t.to);
    let body = format!(
        "<header><h1>{}</h1><p>the first year each goal passes and keeps passing, as projects open · \
         each cell: pass (green) or fail (red) with the deciding value (minutes; share for coverage goals) · \
         outlined: the first year of passing</p></header>\n\
         <main><div style=\"padding:12px;overflow:auto\">\n\n{svg}</div></main>\n",
        esc(&title)
    );
    page(&title, &body)
}
