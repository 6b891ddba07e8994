//! Calibration: published scheduled times against the time model.
//!
//! `geodata/calibration.csv` lists, for existing city pairs, the fastest
//! scheduled rail time station to station and typical free-flow driving times
//! centre to centre. [`evaluate`] routes every row on the network of its year
//! and reports the relative error, so that the documented time-model
//! parameters (not individual links) can be tuned until every row is within
//! tolerance.

use crate::graph::{GraphSpec, RoutingGraph};
use crate::model::Mode;
use crate::route::Router;
use crate::timemodel::{Measure, Profile, TimeModel};
use crate::{Error, Network, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The year whose network the published times describe.
pub const CALIBRATION_YEAR: i32 = 2024;

/// One published time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalibrationRow {
    /// Row id.
    pub id: String,
    /// Origin node id (station for rail rows, place for driving rows).
    pub from: String,
    /// Destination node id.
    pub to: String,
    /// Profile (`passenger` for rail, `car` for driving).
    pub profile: Profile,
    /// Measure (`in-vehicle`).
    pub measure: Measure,
    /// Published minutes.
    pub published_min: f64,
    /// Where the time was published.
    pub source: String,
    /// Optional: the year of the timetable (the network of that year is used;
    /// default [`CALIBRATION_YEAR`]).
    #[serde(default)]
    pub year: Option<i32>,
    /// Optional: the modes the service uses, `;`-separated (e.g. `conventional_rail`
    /// for a K-train time, so the router does not put it on the HSR).
    #[serde(default)]
    pub modes: Option<String>,
    /// Optional: `true` when the published time is one train's, with no
    /// change (a timetable's "fastest direct train"): the row is then
    /// measured on the model's fastest single ride
    /// ([`one_ride_graph`](crate::route::one_ride_graph)), not on a route
    /// that may change trains and so undercut it.
    #[serde(default)]
    pub direct: Option<bool>,
}

/// One row's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalibrationResult {
    /// The row.
    pub row: CalibrationRow,
    /// Modelled minutes (`None` if unreachable).
    pub model_min: Option<f64>,
    /// (model − published) / published.
    pub rel_error: Option<f64>,
    /// Lines used by the modelled route, in order.
    pub lines: Vec<String>,
    /// Modes ridden by the modelled route (access left out).
    #[serde(skip)]
    pub modes: std::collections::BTreeSet<Mode>,
    /// A direct row (one train) for which the model has no single train:
    /// `model_min` is then the fastest route with changes.
    pub no_direct_service: bool,
}

/// Reads a calibration CSV (header `id,from,to,profile,measure,published_min,source[,year][,modes][,direct]`).
pub fn read_calibration(path: &Path) -> Result<Vec<CalibrationRow>> {
    parse_calibration(&crate::io::budget::read_text(path)?, path)
}

/// Parses the text of a calibration CSV read from `path` (named in errors).
pub fn parse_calibration(text: &str, path: &Path) -> Result<Vec<CalibrationRow>> {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().map_err(|e| csv_error(path, e))?.clone();
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| csv_error(path, e))?;
        let line = rec.position().map_or(0, |p| p.line());
        let row: CalibrationRow = rec.deserialize(Some(&headers)).map_err(|e| {
            Error::BadParameter(format!(
                "{} line {line}: {e} — rows need id,from,to,profile,measure,published_min,source",
                path.display()
            ))
        })?;
        if !(row.published_min.is_finite() && row.published_min > 0.0) {
            return Err(Error::BadParameter(format!(
                "{} line {line}: row {}: published_min {} is not a positive number of minutes — fix: give the published time in minutes, e.g. 62",
                path.display(),
                row.id,
                row.published_min
            )));
        }
        rows.push(row);
    }
    Ok(rows)
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    let at = e
        .position()
        .map(|p| format!(" line {}", p.line()))
        .unwrap_or_default();
    Error::BadParameter(format!(
        "{}{at}: {e} — rows need id,from,to,profile,measure,published_min,source",
        path.display()
    ))
}

/// Routes every row on the network of its year (open links only).
/// Unknown node ids are errors naming the row.
pub fn evaluate(
    net: &Network,
    tm: &TimeModel,
    rows: &[CalibrationRow],
) -> Result<Vec<CalibrationResult>> {
    // Per (profile, year, modes): the compiled graph, and its one-train copy
    // for direct rows.
    let mut graphs: BTreeMap<(Profile, i32, Option<String>), RoutingGraph> = BTreeMap::new();
    let mut one_ride: BTreeMap<(Profile, i32, Option<String>), RoutingGraph> = BTreeMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let (from, to) = match (net.node_idx(&row.from), net.node_idx(&row.to)) {
            (Some(a), Some(b)) => (a, b),
            _ => {
                return Err(Error::BadParameter(format!(
                    "calibration row {}: unknown node id {} — use ids from the geodata",
                    row.id,
                    if net.node_idx(&row.from).is_none() {
                        &row.from
                    } else {
                        &row.to
                    }
                )))
            }
        };
        let modes = match &row.modes {
            Some(m) if !m.trim().is_empty() => {
                let parsed: Option<Vec<Mode>> =
                    m.split(';').map(|x| Mode::parse(x.trim())).collect();
                Some(parsed.ok_or_else(|| {
                    Error::BadParameter(format!(
                        "calibration row {}: bad `modes` \"{m}\": use mode names separated by ;",
                        row.id
                    ))
                })?)
            }
            _ => None,
        };
        let year = row.year.unwrap_or(CALIBRATION_YEAR);
        let direct = row.direct.unwrap_or(false);
        let modes_key = row.modes.clone().filter(|m| !m.trim().is_empty());
        let key = (row.profile, year, modes_key);
        let full = graphs.entry(key.clone()).or_insert_with(|| {
            let mut spec = GraphSpec::new(row.profile, year);
            spec.statuses = [crate::model::Status::Open].into_iter().collect();
            let mut tm = tm.clone();
            if let Some(modes) = &modes {
                tm.profile_mut(row.profile)
                    .modes
                    .retain(|m, _| modes.contains(m) || *m == Mode::Access);
            }
            RoutingGraph::compile(net, &tm, &spec)
        });
        let full = &*full;
        let one = direct.then(|| {
            &*one_ride
                .entry(key)
                .or_insert_with(|| crate::route::one_ride_graph(full))
        });
        let route_on = |g: &RoutingGraph| Router::new(net, g).route(from, to, row.measure);
        // A direct row the model has no single train for is routed with
        // changes, and says so (`no_direct_service`).
        let mut route = one.and_then(route_on);
        let no_direct_service = direct && route.is_none();
        if route.is_none() {
            route = route_on(full);
        }
        let model_min = route.as_ref().map(|r| r.minutes());
        let lines = route
            .iter()
            .flat_map(|r| r.legs.iter())
            .filter(|l| !l.links.is_empty() && l.mode != Some(Mode::Access))
            .map(|l| l.name_zh.clone())
            .collect();
        let modes = (route.iter().flat_map(|r| r.legs.iter()))
            .filter_map(|l| l.mode)
            .filter(|&m| m != Mode::Access)
            .collect();
        out.push(CalibrationResult {
            row: row.clone(),
            rel_error: model_min.map(|m| (m - row.published_min) / row.published_min),
            model_min,
            lines,
            modes,
            no_direct_service,
        });
    }
    Ok(out)
}

/// Median of the absolute relative errors of reachable rows.
pub fn median_abs_error(results: &[CalibrationResult]) -> Option<f64> {
    let mut e: Vec<f64> = results
        .iter()
        .filter_map(|r| r.rel_error.map(f64::abs))
        .collect();
    if e.is_empty() {
        return None;
    }
    e.sort_by(f64::total_cmp);
    let n = e.len();
    Some(if n % 2 == 1 {
        e[n / 2]
    } else {
        (e[n / 2 - 1] + e[n / 2]) / 2.0
    })
}

/// The spread of one mode's cruise fraction, from a bootstrap over the
/// calibration rows that ride that mode alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CruiseSpread {
    /// Profile.
    pub profile: Profile,
    /// Mode.
    pub mode: Mode,
    /// Rows that ride only this mode.
    pub rows: usize,
    /// The cruise fraction of the time model.
    pub cruise_fraction: f64,
    /// Standard deviation of the fitted cruise fraction over the resamples.
    pub sd: f64,
}

/// Fewer single-mode rows than this give no spread.
pub const MIN_BOOTSTRAP_ROWS: usize = 8;

/// A bootstrap of each mode's cruise fraction: `resamples` times, draw the
/// rows that ride only that mode with replacement (seeded), take the
/// median of published ÷ modelled minutes `m`, and fit the cruise fraction
/// as `cruise_fraction ÷ m` (time on a line scales as 1 ÷ cruise fraction,
/// stop and terminal losses aside). The standard deviation of those fits
/// is the mode's `cruise_fraction_sd`.
///
/// ```
/// # use tongda_core::calibration::*;
/// # let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
/// let net = tongda_core::io::load_geodata(&root.join("geodata"))?.into_network()?;
/// let tm = tongda_core::TimeModel::default();
/// let rows = read_calibration(&root.join("geodata/calibration.csv"))?;
/// let spreads = bootstrap_cruise(&evaluate(&net, &tm, &rows)?, &tm, 200, 1);
/// assert!(spreads.iter().all(|s| s.sd > 0.0 && s.sd < 0.2));
/// # Ok::<(), tongda_core::Error>(())
/// ```
pub fn bootstrap_cruise(
    results: &[CalibrationResult],
    tm: &TimeModel,
    resamples: usize,
    seed: u64,
) -> Vec<CruiseSpread> {
    let mut groups: BTreeMap<(Profile, Mode), Vec<f64>> = BTreeMap::new();
    for r in results {
        let (Some(model), 1) = (r.model_min, r.modes.len()) else {
            continue;
        };
        if let Some(&m) = r.modes.iter().next() {
            if model > 0.0 {
                groups
                    .entry((r.row.profile, m))
                    .or_default()
                    .push(r.row.published_min / model);
            }
        }
    }
    let mut out = Vec::new();
    for ((profile, mode), ratios) in groups {
        let Some(mp) = tm.profile(profile).modes.get(&mode) else {
            continue;
        };
        if ratios.len() < MIN_BOOTSTRAP_ROWS {
            continue;
        }
        let n = ratios.len();
        let fits: Vec<f64> = (0..resamples)
            .map(|b| {
                let mut sample: Vec<f64> = (0..n)
                    .map(|i| {
                        let key = crate::stats::splitmix64(seed ^ ((b as u64) << 32 | i as u64));
                        ratios[(key % n as u64) as usize]
                    })
                    .collect();
                sample.sort_by(f64::total_cmp);
                let median = if n % 2 == 1 {
                    sample[n / 2]
                } else {
                    (sample[n / 2 - 1] + sample[n / 2]) / 2.0
                };
                mp.cruise_fraction / median
            })
            .collect();
        let mean = fits.iter().sum::<f64>() / fits.len() as f64;
        let var =
            fits.iter().map(|f| (f - mean).powi(2)).sum::<f64>() / (fits.len() - 1).max(1) as f64;
        out.push(CruiseSpread {
            profile,
            mode,
            rows: n,
            cruise_fraction: mp.cruise_fraction,
            sd: var.sqrt(),
        });
    }
    out
}
