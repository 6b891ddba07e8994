//! The SVG map: projection, network layers, places and the region outline.

use super::esc;
use crate::model::{Link, Mode, Network, NodeKind, Status};
use crate::scenario::Scenario;
use geo::concave_hull::ConcaveHullOptions;
use geo::{Buffer, ConcaveHull, Coord, MultiPoint, MultiPolygon, Point};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Width of the map in SVG user units.
const WIDTH: f64 = 1000.0;

/// An equirectangular projection of the network's extent onto the SVG plane
/// (longitudes scaled by the cosine of the middle latitude: at the region's
/// size, 5° of latitude, distances are right within a few per cent).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    lon0: f64,
    lat0: f64,
    kx: f64,
    ky: f64,
    /// Width, user units.
    pub w: f64,
    /// Height, user units.
    pub h: f64,
}

impl Frame {
    /// The frame of every node and link of the networks, with a margin.
    pub fn of(nets: &[&Network]) -> Frame {
        let mut lo = Coord {
            x: f64::INFINITY,
            y: f64::INFINITY,
        };
        let mut hi = Coord {
            x: f64::NEG_INFINITY,
            y: f64::NEG_INFINITY,
        };
        let pts = nets.iter().flat_map(|net| {
            net.nodes
                .iter()
                .map(|n| n.coord)
                .chain(net.links.iter().flat_map(|l| l.geometry.coords().copied()))
        });
        for c in pts {
            lo.x = lo.x.min(c.x);
            lo.y = lo.y.min(c.y);
            hi.x = hi.x.max(c.x);
            hi.y = hi.y.max(c.y);
        }
        if !lo.x.is_finite() {
            (lo, hi) = (Coord { x: 103.0, y: 29.0 }, Coord { x: 108.0, y: 32.0 });
        }
        let cos = ((lo.y + hi.y) / 2.0).to_radians().cos();
        let (dx, dy) = (((hi.x - lo.x) * cos).max(0.01), (hi.y - lo.y).max(0.01));
        let m = 0.04;
        let k = WIDTH / (dx * (1.0 + 2.0 * m));
        let h = (dy + 2.0 * m * dx) * k;
        Frame {
            lon0: lo.x - m * dx / cos,
            lat0: hi.y + m * dx,
            kx: k * cos,
            ky: k,
            w: WIDTH,
            h: crate::units::round1(h),
        }
    }

    /// Projected position.
    pub fn xy(&self, c: Coord<f64>) -> (f64, f64) {
        ((c.x - self.lon0) * self.kx, (self.lat0 - c.y) * self.ky)
    }

    /// Path data of a polyline (`M x,y x,y …`), consecutive equal points
    /// dropped; `None` when fewer than two points remain.
    pub fn line(&self, coords: impl IntoIterator<Item = Coord<f64>>) -> Option<String> {
        line_xy(coords.into_iter().map(|c| self.xy(c)))
    }

    /// Path data of (multi)polygon rings, each closed with `Z`.
    pub fn polygons(&self, mp: &MultiPolygon<f64>) -> String {
        rings_xy(mp, |c| self.xy(c))
    }

    /// The `<svg>` element around `inner`.
    pub fn svg(&self, label: &str, inner: &str) -> String {
        format!(
            "<svg id=\"map\" viewBox=\"0 0 {:.1} {:.1}\" preserveAspectRatio=\"xMidYMid meet\" \
             role=\"img\" aria-label=\"{}\">\n{inner}</svg>\n",
            self.w,
            self.h,
            esc(label)
        )
    }
}

/// Path data of projected points (`M x,y x,y …`, one decimal: 0.1 unit ≈
/// 70 m), consecutive equal points dropped; `None` below two points.
fn line_xy(pts: impl Iterator<Item = (f64, f64)>) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for (x, y) in pts {
        let p = format!("{x:.1},{y:.1}");
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    (out.len() >= 2).then(|| format!("M{}", out.join(" ")))
}

/// Path data of polygon rings mapped by `xy`, each closed with `Z`.
fn rings_xy(mp: &MultiPolygon<f64>, xy: impl Fn(Coord<f64>) -> (f64, f64)) -> String {
    let mut d = String::new();
    for poly in &mp.0 {
        for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
            if let Some(l) = line_xy(ring.coords().map(|&c| xy(c))) {
                d.push_str(&l);
                d.push('Z');
            }
        }
    }
    d
}

/// True if `link` is part of the scenario's network in its year (as the
/// graph compiler selects links, for every mode; access connectors are left
/// out of the map).
pub(crate) fn in_scenario(sc: &Scenario, link: &Link) -> bool {
    link.mode != Mode::Access
        && link.exists_in(sc.spec.year)
        && (sc.spec.statuses.contains(&link.status) || sc.forced_projects.contains(&link.project))
}

/// The links of the scenario's network in its year ([`in_scenario`]), in
/// file order: what the map pages draw.
pub(crate) fn scenario_links(sc: &Scenario) -> Vec<&Link> {
    sc.network
        .links
        .iter()
        .filter(|l| in_scenario(sc, l))
        .collect()
}

/// Drawing order of modes: rivers at the bottom, HSR on top.
const ORDER: [Mode; 7] = [
    Mode::Waterway,
    Mode::Highway,
    Mode::Expressway,
    Mode::ConventionalRail,
    Mode::SuburbanRail,
    Mode::Intercity,
    Mode::Hsr,
];

fn rank(m: Mode) -> usize {
    ORDER.iter().position(|&x| x == m).unwrap_or(ORDER.len())
}

/// Midpoint (by vertex count) of a project's middle link, for its label.
fn label_at(links: &[&Link]) -> Coord<f64> {
    let l = links[links.len() / 2];
    let cs: Vec<Coord<f64>> = l.geometry.coords().copied().collect();
    if cs.len() % 2 == 1 {
        cs[cs.len() / 2]
    } else {
        let (a, b) = (cs[cs.len() / 2 - 1], cs[cs.len() / 2]);
        Coord {
            x: (a.x + b.x) / 2.0,
            y: (a.y + b.y) / 2.0,
        }
    }
}

/// One `<path>` per project of `links` with `class`, a title naming the
/// project, its status and opening year, and (when `label` is given) a text
/// label of that class.
pub(crate) fn project_layer(
    f: &Frame,
    links: &[&Link],
    class: &str,
    label: Option<&str>,
) -> String {
    let mut by_project: BTreeMap<(usize, &str), Vec<&Link>> = BTreeMap::new();
    for l in links {
        by_project
            .entry((rank(l.mode), l.project.as_str()))
            .or_default()
            .push(l);
    }
    let mut out = String::new();
    let mut labels = String::new();
    for ((_, project), ls) in &by_project {
        let d: String = ls
            .iter()
            .filter_map(|l| f.line(l.geometry.coords().copied()))
            .collect();
        if d.is_empty() {
            continue;
        }
        let year = ls.iter().map(|l| l.open_year).max().unwrap_or(0);
        let status = ls.iter().map(|l| l.status).max().unwrap_or(Status::Open);
        let name = &ls[0].name_zh;
        let _ = writeln!(
            out,
            "<path class=\"net m-{} {class}\" data-project=\"{}\" d=\"{d}\"><title>{} ({}) · {} · opens {year}</title></path>",
            ls[0].mode.as_str(),
            esc(project),
            esc(name),
            esc(project),
            status.as_str(),
        );
        if let Some(lc) = label {
            let (x, y) = f.xy(label_at(ls));
            // Rail projects are labelled at every zoom, roads and rivers when zoomed in.
            let _ = writeln!(
                labels,
                "<text class=\"{lc}{}\" x=\"{x:.1}\" y=\"{y:.1}\">{} {year}</text>",
                if ls[0].mode.is_rail() { " rail" } else { "" },
                esc(name)
            );
        }
    }
    out + &labels
}

/// The network layers: links open today in one path per mode; links not
/// open today (under construction, planned, proposed) dashed, one path per
/// project, titled and labelled with the project and its opening year.
pub(crate) fn network(f: &Frame, links: &[&Link]) -> String {
    let mut open: BTreeMap<usize, (Mode, String)> = BTreeMap::new();
    let mut future: Vec<&Link> = Vec::new();
    for l in links {
        if l.status == Status::Open {
            if let Some(d) = f.line(l.geometry.coords().copied()) {
                open.entry(rank(l.mode))
                    .or_insert_with(|| (l.mode, String::new()))
                    .1
                    .push_str(&d);
            }
        } else {
            future.push(l);
        }
    }
    let mut out = String::from("<g class=\"network\">\n");
    for (mode, d) in open.values() {
        let _ = writeln!(
            out,
            "<path class=\"net m-{}\" d=\"{d}\"><title>{}</title></path>",
            mode.as_str(),
            mode_label(*mode)
        );
    }
    out.push_str(&project_layer(f, &future, "fut", Some("fut-l")));
    out.push_str("</g>\n");
    out
}

/// English label of a mode for legends and titles.
pub(crate) fn mode_label(m: Mode) -> &'static str {
    match m {
        Mode::Hsr => "high-speed rail",
        Mode::Intercity => "intercity rail",
        Mode::ConventionalRail => "conventional rail",
        Mode::SuburbanRail => "suburban rail",
        Mode::Expressway => "expressway",
        Mode::Highway => "highway",
        Mode::Waterway => "waterway (river)",
        Mode::Access => "access",
    }
}

/// The legend items of the network's modes and of links not open today.
pub(crate) fn network_legend() -> String {
    let mut out = String::new();
    for m in ORDER.iter().rev() {
        let _ = write!(
            out,
            "<span class=\"item\"><svg width=\"22\" height=\"8\"><path class=\"net m-{}\" d=\"M1,4 21,4\"/></svg> {}</span>",
            m.as_str(),
            mode_label(*m)
        );
    }
    out.push_str(
        "<span class=\"item\"><svg width=\"22\" height=\"8\"><path class=\"net m-hsr fut\" d=\"M1,4 21,4\"/></svg> not open today (project, opening year)</span>",
    );
    out
}

/// Places as circles (area ∝ own population: a city's census population less
/// its listed districts and counties) with their names; prefecture-level
/// names always, districts' and counties' when zoomed in.
pub(crate) fn places(f: &Frame, net: &Network) -> String {
    let own: BTreeMap<u32, u64> = crate::population::units(net).into_iter().collect();
    let max = own.values().copied().max().unwrap_or(1).max(1) as f64;
    let mut ps: Vec<(u64, usize)> = net
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind.is_place())
        .map(|(i, _)| (own.get(&(i as u32)).copied().unwrap_or(0), i))
        .collect();
    // Big circles first, so small ones stay clickable on top; ties by node order.
    ps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut circles = String::from("<g class=\"places\">\n");
    let mut labels = String::from("<g class=\"labels\">\n");
    for (pop, i) in ps {
        let n = &net.nodes[i];
        let (x, y) = f.xy(n.coord);
        let r = 1.5 + 11.0 * (pop as f64 / max).sqrt();
        let city = n.kind == NodeKind::City;
        let _ = writeln!(
            circles,
            "<circle class=\"place{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"><title>{} {} · {:.2} M</title></circle>",
            if city { " city" } else { "" },
            esc(&n.name_zh),
            esc(&n.name_en),
            pop as f64 / 1e6
        );
        let _ = writeln!(
            labels,
            "<text class=\"lbl{}\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            if city { "" } else { " minor" },
            x + r + 1.5,
            y + 4.0,
            esc(&n.name_zh)
        );
    }
    circles.push_str("</g>\n");
    labels.push_str("</g>\n");
    circles + &labels
}

/// The outline of the region: a concave hull of the places, widened by about
/// 20 km. It is derived from the data, not an administrative boundary.
pub(crate) fn outline(f: &Frame, net: &Network) -> String {
    let pts: MultiPoint<f64> = net
        .nodes
        .iter()
        .filter(|n| n.kind.is_place())
        .map(|n| {
            let (x, y) = f.xy(n.coord);
            Point::new(x, y)
        })
        .collect();
    if pts.0.len() < 3 {
        return String::new();
    }
    let hull = pts.concave_hull_with_options(ConcaveHullOptions {
        concavity: 2.5,
        length_threshold: 0.0,
    });
    let km = f.ky / 111.0; // user units per km (north–south)
    let shape = hull.buffer(20.0 * km);
    let d = rings_xy(&shape, |c| (c.x, c.y));
    format!("<path class=\"outline\" d=\"{d}\"><title>region: concave hull of the modelled places, widened by 20 km (not an administrative boundary)</title></path>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mini() -> Network {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
        crate::io::load_geodata(&dir)
            .unwrap()
            .into_network()
            .unwrap()
    }

    #[test]
    fn the_frame_holds_every_node_with_north_up_and_east_right() {
        let net = mini();
        let f = Frame::of(&[&net]);
        for n in &net.nodes {
            let (x, y) = f.xy(n.coord);
            assert!(
                (0.0..=f.w).contains(&x) && (0.0..=f.h).contains(&y),
                "{}",
                n.id
            );
        }
        let o = Coord { x: 105.0, y: 30.0 };
        let (x0, y0) = f.xy(o);
        let (xe, _) = f.xy(Coord { x: 105.1, ..o });
        let (_, yn) = f.xy(Coord { y: 30.1, ..o });
        assert!(xe > x0 && yn < y0, "east is right, north is up");
        // One degree of longitude at 30°N is cos(30°) of one of latitude (±3 %).
        let (dx, dy) = (xe - x0, y0 - yn);
        assert!(
            (dx / dy - 30f64.to_radians().cos()).abs() < 0.03,
            "{dx} {dy}"
        );
    }

    #[test]
    fn lines_drop_repeated_points_and_need_two() {
        let pts = [(1.0, 2.0), (1.04, 2.0), (3.0, 4.0)];
        assert_eq!(
            line_xy(pts.into_iter()).as_deref(),
            Some("M1.0,2.0 3.0,4.0")
        );
        assert_eq!(line_xy([(1.0, 2.0), (1.0, 2.0)].into_iter()), None);
    }
}
