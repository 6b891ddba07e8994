//! Self-contained HTML reports with a map: `report.html` (`tongda run`),
//! `compare.html` (`tongda compare`), the isochrone pages (`--html`) and the
//! goal timeline chart (`tongda timeline --html`).
//!
//! The map is SVG drawn here, in Rust, from the same data the other writers
//! use (the report's goal results, `paths.geojson`, the comparison, the
//! isochrone bands) and the scenario's network; nothing is recomputed. A
//! small hand-written script (`assets/html/map.js`, embedded with
//! `include_str!`) adds pan and zoom, goal and pair selection. No library, no
//! tiles, no fonts or images are loaded: the page's Content-Security-Policy
//! forbids every fetch, so it works offline from `file://` and mailed as one
//! file. Output is deterministic: the same inputs give the same bytes.

mod compare;
mod iso;
mod map;
mod report;
mod timeline;

pub use compare::compare_html;
pub use iso::{html_file_name, isochrone_html, isochrones_index_html};
pub use report::report_html;
pub use timeline::timeline_html;

use std::fmt::Write;

const CSS: &str = include_str!("../../../assets/html/map.css");
const CAPTURE_JS: &str = include_str!("../../../assets/html/capture.js");
const MAP_JS: &str = include_str!("../../../assets/html/map.js");

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Minutes with one decimal, or a dash.
pub(crate) fn min1(v: Option<f64>) -> String {
    v.map_or("—".into(), |x| format!("{x:.1}"))
}

/// The page around a body: head with the policy, styles and the error
/// capture script; the map script and the state element at the end.
pub(crate) fn page(title: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + CSS.len() + MAP_JS.len() + 2048);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<script>\n{CAPTURE_JS}</script>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        esc(title)
    );
    out.push_str(body);
    let _ = write!(
        out,
        "<pre id=\"tongda-state\"></pre>\n<script>\n{MAP_JS}</script>\n</body>\n</html>\n"
    );
    out
}

/// The zoom buttons over the map.
pub(crate) const CONTROLS: &str = "<div class=\"ctl\"><button id=\"zin\" title=\"zoom in\">+</button>\
<button id=\"zout\" title=\"zoom out\">−</button><button id=\"zhome\" title=\"whole region\">⌂</button></div>\n";

/// A colour between two `#rrggbb` colours (`t` in 0..=1), as `#rrggbb`.
pub(crate) fn mix(a: [u8; 3], b: [u8; 3], t: f64) -> String {
    let t = t.clamp(0.0, 1.0);
    let c = |i: usize| (f64::from(a[i]) + (f64::from(b[i]) - f64::from(a[i])) * t).round() as u8;
    format!("#{:02x}{:02x}{:02x}", c(0), c(1), c(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(esc("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
    }

    #[test]
    fn mixes_colours_at_the_ends_and_between() {
        assert_eq!(mix([0, 0, 0], [255, 255, 255], 0.0), "#000000");
        assert_eq!(mix([0, 0, 0], [255, 255, 255], 1.0), "#ffffff");
        assert_eq!(mix([0, 0, 0], [255, 255, 255], 2.0), "#ffffff");
        assert_eq!(mix([0, 100, 0], [0, 200, 0], 0.5), "#009600");
    }
}
