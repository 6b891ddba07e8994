//! Reading `services.toml` (rail stop patterns) against a loaded network.
//!
//! Every problem is a [`Diagnostic`] naming the file, the service id and the
//! fix, collected all at once like the geodata's.

use super::geodata::closest_note;
use crate::error::Diagnostic;
use crate::model::{Mode, Network, NodeKind, Service, Traction};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

/// The file name of the services in a geodata directory.
pub const SERVICES_FILE: &str = "services.toml";

/// Trains per day above this are a typo (a train every 2 minutes all day).
const MAX_PER_DAY: f64 = 500.0;

/// One `[[service]]` table as written.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ServiceSpec {
    /// Stable ASCII id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// `hsr`, `intercity`, `conventional_rail` or `suburban_rail`.
    pub mode: String,
    /// `emu` (default: G/D/C/S trains) or `locomotive` (K/T/Z/Y and
    /// numbered trains, timed with the profile's `locomotive` parameters).
    #[serde(default, skip_serializing_if = "is_emu")]
    pub traction: Traction,
    /// Station ids where it calls, in order.
    pub stops: Vec<String>,
    /// Line ids it runs over.
    pub lines: Vec<String>,
    /// Trains per day in each direction.
    #[serde(default)]
    pub per_day: Option<f64>,
    /// Peak headway, minutes.
    #[serde(default)]
    pub headway_min: Option<f64>,
    /// First year it runs.
    #[serde(default)]
    pub from_year: Option<i32>,
    /// Last year it runs.
    #[serde(default)]
    pub to_year: Option<i32>,
    /// Runs only in the order of `stops`.
    #[serde(default)]
    pub oneway: bool,
    /// Timetable year and train numbers, or the announcement.
    pub source: String,
}

fn is_emu(t: &Traction) -> bool {
    *t == Traction::Emu
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ServicesFile {
    #[serde(default)]
    service: Vec<ServiceSpec>,
}

/// Parses a services file's text into specs, or one diagnostic with the line.
pub fn parse_services(file: &Path, text: &str) -> Result<Vec<ServiceSpec>, Box<Diagnostic>> {
    toml::from_str::<ServicesFile>(text)
        .map(|f| f.service)
        .map_err(|e| {
            let line_col = e.span().map(|s| line_col(text, s.start));
            Box::new(Diagnostic {
                line_col,
                ..Diagnostic::error(
                    file,
                    None,
                    format!("not a valid services file: {}", e.message()),
                    "see the README, section \"Services\", for the format of [[service]] tables",
                )
            })
        })
}

pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Checks specs against `net` and turns them into [`Service`]s; every problem
/// found is pushed to `diags` (the service is then left out).
pub fn resolve_services(
    file: &Path,
    specs: &[ServiceSpec],
    net: &Network,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Service> {
    let mut seen: HashSet<&str> = net.services.iter().map(|s| s.id.as_str()).collect();
    let paths = crate::model::ServicePaths::new(net, |_| true);
    let mut out = Vec::new();
    for spec in specs {
        let before = diags.len();
        let mut err = |message: String, fix: &str| {
            diags.push(Diagnostic::error(file, Some(spec.id.clone()), message, fix))
        };
        if !super::geodata::is_valid_id(&spec.id) {
            err(
                format!(
                    "service id \"{}\" must be ASCII lower-case letters, digits and _",
                    spec.id
                ),
                "use a stable ASCII id such as svc_chengyu_express",
            );
        } else if !seen.insert(&spec.id) {
            err(
                "duplicate service id".into(),
                "give every service its own id",
            );
        }
        if spec.source.trim().is_empty() {
            err(
                "`source` is empty".into(),
                "give the timetable year and train numbers, or the announcement",
            );
        }
        let mode = Mode::parse(&spec.mode).filter(|m| m.is_rail());
        if mode.is_none() {
            err(
                format!("mode \"{}\" is not a rail mode", spec.mode),
                &format!(
                    "use {}",
                    super::geodata::one_of(Mode::ALL.into_iter().filter(|m| m.is_rail()))
                ),
            );
        }
        match (spec.per_day, spec.headway_min) {
            (Some(n), None) if n > 0.0 && n <= MAX_PER_DAY => {}
            (None, Some(h)) if h > 0.0 && h <= crate::model::SERVICE_DAY_MIN => {}
            (Some(_), Some(_)) | (None, None) => err(
                "give exactly one of `per_day` and `headway_min`".into(),
                "count the trains of the pattern per day and direction (per_day), or give the peak headway",
            ),
            (Some(n), None) => err(
                format!("per_day = {n} must be > 0 and ≤ {MAX_PER_DAY}"),
                "count the trains of the pattern per day in one direction",
            ),
            (None, Some(h)) => err(
                format!(
                    "headway_min = {h} must be > 0 and ≤ {}",
                    crate::model::SERVICE_DAY_MIN
                ),
                "give the minutes between trains in the peak",
            ),
        }
        if let (Some(a), Some(b)) = (spec.from_year, spec.to_year) {
            if a > b {
                err(
                    format!("from_year {a} is after to_year {b}"),
                    "give the first and the last year the pattern runs",
                );
            }
        }
        for (key, y) in [("from_year", spec.from_year), ("to_year", spec.to_year)] {
            if y.is_some_and(|y| !super::geodata::PLAUSIBLE_YEARS.contains(&i64::from(y))) {
                err(
                    format!("{key} {} is not a plausible year", y.unwrap_or_default()),
                    "give a timetable year such as 2024",
                );
            }
        }
        let known_lines: HashSet<&str> = net
            .links
            .iter()
            .filter(|l| l.mode.is_rail())
            .map(|l| l.line.as_str())
            .collect();
        if spec.lines.is_empty() {
            err(
                "`lines` is empty".into(),
                "list the lines (the links' `line`) the trains run over",
            );
        }
        for line in &spec.lines {
            if !known_lines.contains(line.as_str()) {
                let note = closest_note(line, known_lines.iter().copied());
                err(
                    format!("unknown rail line \"{line}\"{note}"),
                    "use the `line` of rail links in the geodata",
                );
            }
        }
        if spec.stops.len() < 2 {
            err(
                "a service needs at least two stops".into(),
                "list the stations where it calls, in order",
            );
        }
        let mut stops = Vec::new();
        for st in &spec.stops {
            match net.node_idx(st) {
                Some(i) if net.is_junction(i) => err(
                    format!("stop \"{st}\" is a junction (a station with no `city`): trains do not call there"),
                    "list the stations where passengers board, or give the station the `city` it serves",
                ),
                Some(i) if net.nodes[i as usize].kind == NodeKind::Station => {
                    if stops.contains(&i) {
                        err(
                            format!("stop \"{st}\" is listed twice"),
                            "a pattern calls at a station once; split a loop into two services",
                        );
                    }
                    stops.push(i);
                }
                Some(i) => err(
                    format!(
                        "stop \"{st}\" is a {}, not a station",
                        net.nodes[i as usize].kind.as_str()
                    ),
                    "list station ids",
                ),
                None => {
                    let note = closest_note(st, net.nodes.iter().map(|n| n.id.as_str()));
                    err(
                        format!("unknown stop \"{st}\"{note}"),
                        "use station ids from the geodata",
                    )
                }
            }
        }
        if diags.len() > before {
            continue;
        }
        let lines: Vec<String> = spec.lines.clone();
        let service = Service {
            id: spec.id.clone(),
            name_zh: spec.name_zh.clone(),
            name_en: spec.name_en.clone(),
            mode: mode.unwrap_or(Mode::Hsr),
            traction: spec.traction,
            stops,
            lines,
            per_day: spec.per_day,
            headway_min: spec.headway_min,
            from_year: spec.from_year,
            to_year: spec.to_year,
            oneway: spec.oneway,
            source: spec.source.clone(),
            described: true,
            removed: false,
        };
        // The stops must be joined by the lines in some year.
        match paths.path(&service) {
            Ok(_) => out.push(service),
            Err(gap) => diags.push(Diagnostic::error(
                file,
                Some(spec.id.clone()),
                gap.to_string(),
                gap.fix(),
            )),
        }
    }
    out
}

/// Reads `dir/services.toml` if it exists and attaches the services to
/// `net`; problems are pushed to `diags`.
pub fn attach_services(dir: &Path, net: &mut Network, diags: &mut Vec<Diagnostic>) {
    let file = dir.join(SERVICES_FILE);
    if !file.is_file() {
        return;
    }
    let text = match super::budget::read_text(&file) {
        Ok(t) => t,
        Err(e) => {
            diags.push(Diagnostic::error(
                &file,
                None,
                e.to_string(),
                "check the file's permissions and encoding (UTF-8)",
            ));
            return;
        }
    };
    match parse_services(&file, &text) {
        Ok(specs) => {
            let services = resolve_services(&file, &specs, net, diags);
            net.services = services;
        }
        Err(d) => diags.push(*d),
    }
}
