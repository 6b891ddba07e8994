//! Reading `ranges.toml` (uncertain inputs of the geodata) against a loaded
//! network, and the checks every range passes wherever it is written (the
//! geodata's file or a scenario's `set_range` edit).

use crate::error::Diagnostic;
use crate::model::{InputKind, Network, Spread, Uncertain};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The file name of the ranges in a geodata directory.
pub const RANGES_FILE: &str = "ranges.toml";

/// One `[[range]]` table as written (also the body of a `set_range` edit).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RangeSpec {
    /// A project id: the range applies to every link of it.
    #[serde(default)]
    pub project: Option<String>,
    /// Or these link ids.
    #[serde(default)]
    pub links: Vec<String>,
    /// `[low, high]` design speed, km/h.
    #[serde(default)]
    pub design_speed_kmh_range: Option<[f64; 2]>,
    /// `[low, high]` operating speed, km/h.
    #[serde(default)]
    pub operating_speed_kmh_range: Option<[f64; 2]>,
    /// `[earliest, latest]` opening year.
    #[serde(default)]
    pub open_year_range: Option<[i32; 2]>,
    /// The public source of the range, or the assumption it states.
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RangesFile {
    #[serde(default)]
    range: Vec<RangeSpec>,
}

/// Why a range cannot be used: the message and its fix.
pub type RangeProblem = (String, &'static str);

/// Resolves one range table against `net` into its uncertain inputs (one
/// per range it gives), or every problem found.
pub fn resolve_range(spec: &RangeSpec, net: &Network) -> Result<Vec<Uncertain>, Vec<RangeProblem>> {
    let mut problems: Vec<RangeProblem> = Vec::new();
    let (links, name, target) = match (&spec.project, spec.links.is_empty()) {
        (Some(p), true) => {
            let links: Vec<usize> = (0..net.links.len())
                .filter(|&i| net.links[i].project == *p)
                .collect();
            if links.is_empty() {
                let ids: std::collections::BTreeSet<&str> =
                    net.links.iter().map(|l| l.project.as_str()).collect();
                return Err(vec![(
                    crate::text::unknown("project", p, ids.into_iter()),
                    "use a project id of the geodata (tongda list projects)",
                )]);
            }
            let name = net.links[links[0]].name_zh.clone();
            (links, name, p.clone())
        }
        (None, false) => {
            let mut idx = Vec::new();
            for id in &spec.links {
                match net.link_idx(id) {
                    Some(i) => idx.push(i),
                    None => {
                        let ids = net.links.iter().map(|l| l.id.as_str());
                        problems.push((
                            crate::text::unknown("link", id, ids),
                            "use link ids of the geodata",
                        ));
                    }
                }
            }
            if !problems.is_empty() {
                return Err(problems);
            }
            let name = net.links[idx[0]].name_zh.clone();
            (idx, name, spec.links.join("+"))
        }
        _ => {
            return Err(vec![(
                "give either `project` or `links`, not both or neither".into(),
                "name one project, or list link ids",
            )])
        }
    };
    if spec.source.trim().is_empty() {
        problems.push((
            "`source` is empty".into(),
            "name the public source of the range, or state the assumption (\"assumption: …\")",
        ));
    }
    let mut out = Vec::new();
    let speeds = [
        (
            InputKind::DesignSpeed,
            "design_speed_kmh",
            spec.design_speed_kmh_range,
        ),
        (
            InputKind::OperatingSpeed,
            "operating_speed_kmh",
            spec.operating_speed_kmh_range,
        ),
    ];
    for (kind, key, range) in speeds {
        let Some([low, high]) = range else { continue };
        let point = |i: usize| match kind {
            InputKind::DesignSpeed => net.links[i].design_speed_kmh,
            _ => net.links[i].operating_speed_kmh,
        };
        let values: Vec<f64> = links.iter().filter_map(|&i| point(i)).collect();
        check_bounds(
            &mut problems,
            key,
            low,
            high,
            &values,
            crate::io::possible_speed,
        );
        out.push(input(
            net, spec, &links, &name, &target, kind, key, low, high,
        ));
    }
    if let Some([low, high]) = spec.open_year_range {
        let values: Vec<f64> = links
            .iter()
            .map(|&i| f64::from(net.links[i].open_year))
            .collect();
        let plausible = |y: f64| (1950.0..=2100.0).contains(&y);
        check_bounds(
            &mut problems,
            "open_year",
            f64::from(low),
            f64::from(high),
            &values,
            plausible,
        );
        let (low, high) = (f64::from(low), f64::from(high));
        out.push(input(
            net,
            spec,
            &links,
            &name,
            &target,
            InputKind::OpenYear,
            "open_year",
            low,
            high,
        ));
    }
    if out.is_empty() && problems.is_empty() {
        problems.push((
            "no range given".into(),
            "give design_speed_kmh_range, operating_speed_kmh_range and/or open_year_range",
        ));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[allow(clippy::too_many_arguments)]
fn input(
    net: &Network,
    spec: &RangeSpec,
    links: &[usize],
    name: &str,
    target: &str,
    kind: InputKind,
    key: &str,
    low: f64,
    high: f64,
) -> Uncertain {
    Uncertain {
        id: format!("{target}.{key}"),
        label: format!("{name} {}", kind.words()),
        kind,
        low,
        high,
        spread: Spread::Uniform,
        links: links.iter().map(|&i| net.links[i].id.clone()).collect(),
        source: spec.source.clone(),
    }
}

/// low ≤ high, both plausible, and every point value inside.
fn check_bounds(
    problems: &mut Vec<RangeProblem>,
    key: &str,
    low: f64,
    high: f64,
    points: &[f64],
    plausible: impl Fn(f64) -> bool,
) {
    if !(plausible(low) && plausible(high)) {
        problems.push((
            format!("`{key}_range` = [{low}, {high}] holds a value that is not plausible"),
            "speeds are > 0 and ≤ 600 km/h, years 1950–2100",
        ));
    } else if low > high {
        problems.push((
            format!("`{key}_range` = [{low}, {high}]: low is above high"),
            "write the range as [low, high]",
        ));
    } else if let Some(p) = points.iter().find(|&&p| !(low..=high).contains(&p)) {
        problems.push((
            format!("`{key}_range` = [{low}, {high}] does not contain the data's `{key}` = {p}"),
            "widen the range to contain the point value, or correct the point value",
        ));
    }
}

/// Reads `dir/ranges.toml` (if any) into `net.ranges`; problems go to `diags`.
pub fn attach_ranges(dir: &Path, net: &mut Network, diags: &mut Vec<Diagnostic>) {
    let file = dir.join(RANGES_FILE);
    if !file.is_file() {
        return;
    }
    let text = match super::budget::read_text(&file) {
        Ok(t) => t,
        Err(e) => {
            let fix = "check the file's permissions and encoding (UTF-8)";
            diags.push(Diagnostic::error(&file, None, e.to_string(), fix));
            return;
        }
    };
    let specs = match toml::from_str::<RangesFile>(&text) {
        Ok(f) => f.range,
        Err(e) => {
            let line_col = e.span().map(|s| super::services::line_col(&text, s.start));
            diags.push(Diagnostic {
                line_col,
                ..Diagnostic::error(
                    &file,
                    None,
                    format!("not a valid ranges file: {}", e.message()),
                    "see the README, section \"Robustness\", for the format of [[range]] tables",
                )
            });
            return;
        }
    };
    let mut ranges = Vec::new();
    for (k, spec) in specs.iter().enumerate() {
        let what = spec
            .project
            .clone()
            .unwrap_or_else(|| format!("range #{}", k + 1));
        match resolve_range(spec, net) {
            Ok(mut r) => ranges.append(&mut r),
            Err(problems) => {
                for (message, fix) in problems {
                    diags.push(Diagnostic::error(&file, Some(what.clone()), message, fix));
                }
            }
        }
    }
    net.ranges = ranges;
}
