//! A link feature (LineString): a section of a line or road, a waterway, or
//! an access connector between a place and a facility.

use super::props::{kind, one_of, Checked, Findings, Prop, Site, SOURCE_FIX};
use super::{possible_speed, RawLink, MAX_SPEED_KMH, PLAUSIBLE_YEARS};
use crate::model::{Link, Mode, Status};
use geo::LineString;
use serde::Deserialize;
use serde_json::{Map, Value};

/// The properties of a link as written (besides `id`, read for every
/// feature); geodata/README.md describes each. The fields are the keys of
/// [`crate::io::keys::LINK_KEYS`], in its order.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct LinkProps {
    name_zh: Prop<String>,
    name_en: Prop<String>,
    project: Prop<String>,
    line: Prop<String>,
    mode: Prop<String>,
    from: Prop<String>,
    to: Prop<String>,
    design_speed_kmh: Prop<f64>,
    operating_speed_kmh: Prop<f64>,
    operating_speed_since: Prop<Map<String, Value>>,
    speed_limit_kmh: Prop<f64>,
    speed_upstream_kmh: Prop<f64>,
    speed_downstream_kmh: Prop<f64>,
    length_km: Prop<f64>,
    minutes: Prop<f64>,
    headway_min: Prop<f64>,
    status: Prop<String>,
    open_year: Prop<i64>,
    retire_year: Prop<i64>,
    oneway: Prop<bool>,
    freight: Prop<bool>,
    inventory: Prop<bool>,
    source: Prop<String>,
}

/// The speeds of a link as checked, km/h.
struct Speeds {
    design: Option<f64>,
    operating: Option<f64>,
    since: Vec<(i32, f64)>,
    limit: Option<f64>,
    upstream: Option<f64>,
    downstream: Option<f64>,
}

/// The lengths and times of a link as checked.
struct Measures {
    declared_length_km: Option<f64>,
    minutes: Option<f64>,
    headway_min: Option<f64>,
}

/// Checks a link's properties; `None` if the link cannot be used (its
/// diagnostics are in `found`). Its endpoints are resolved later, once
/// every file is read.
pub(super) fn read_link(
    id: String,
    geometry: LineString<f64>,
    p: LinkProps,
    found: &mut Findings,
) -> Option<RawLink> {
    let mode = mode(found, &p.mode);
    let is_access = mode == Some(Mode::Access);
    let from = found.required_str("from", &p.from, "set `from` to the id of the start node");
    let to = found.required_str("to", &p.to, "set `to` to the id of the end node");
    let source = found.required_str("source", &p.source, SOURCE_FIX);
    let [name_zh, name_en, project] = names(found, [&p.name_zh, &p.name_en, &p.project], is_access);
    let line = found.optional_str("line", &p.line);
    let line = line.unwrap_or_else(|| project.clone());
    let status = status(found, &p.status, is_access);
    let open_year = open_year(found, &p.open_year, is_access);
    let retire_year = found.keep(found.site.optional_year("retire_year", &p.retire_year));
    let speeds = speeds(found, &p, mode, open_year);
    let measures = measures(found, &p, is_access);
    let oneway = found.optional_bool("oneway", &p.oneway).unwrap_or(false);
    let freight = found.optional_bool("freight", &p.freight);
    let freight = freight.unwrap_or(mode == Some(Mode::ConventionalRail));
    let inventory = found
        .optional_bool("inventory", &p.inventory)
        .unwrap_or(true);
    let (speeds, measures) = (speeds?, measures?);
    Some(RawLink {
        link: Link {
            id,
            name_zh,
            name_en,
            project,
            line,
            mode: mode?,
            from: 0,
            to: 0,
            design_speed_kmh: speeds.design,
            operating_speed_kmh: speeds.operating,
            operating_speed_since: speeds.since,
            speed_limit_kmh: speeds.limit,
            speed_upstream_kmh: speeds.upstream,
            speed_downstream_kmh: speeds.downstream,
            length_km: 0.0,
            declared_length_km: measures.declared_length_km,
            minutes: measures.minutes,
            headway_min: measures.headway_min,
            status: status?,
            open_year: open_year?,
            retire_year: retire_year.flatten().map(|y| y as i32),
            oneway,
            freight,
            inventory,
            geometry,
            source: source?,
        },
        from: from?,
        to: to?,
        file: found.site.file.to_path_buf(),
    })
}

/// The speeds, each checked (so that every wrong one is reported).
fn speeds(
    found: &mut Findings,
    p: &LinkProps,
    mode: Option<Mode>,
    open_year: Option<i32>,
) -> Option<Speeds> {
    let water = mode == Some(Mode::Waterway);
    let check = |found: &mut Findings, key: &str, p: &Prop<f64>, required: bool| {
        found.keep(speed(&found.site, key, p, required))
    };
    let design = check(
        found,
        "design_speed_kmh",
        &p.design_speed_kmh,
        mode.is_some_and(|m| m != Mode::Access),
    );
    let operating = check(found, "operating_speed_kmh", &p.operating_speed_kmh, false);
    let since = speed_since(found, &p.operating_speed_since, open_year);
    let limit = check(found, "speed_limit_kmh", &p.speed_limit_kmh, false);
    let upstream = check(found, "speed_upstream_kmh", &p.speed_upstream_kmh, water);
    let downstream = check(
        found,
        "speed_downstream_kmh",
        &p.speed_downstream_kmh,
        water,
    );
    Some(Speeds {
        design: design?,
        operating: operating?,
        since: since?,
        limit: limit?,
        upstream: upstream?,
        downstream: downstream?,
    })
}

/// The declared length, the access time and the headway, each checked.
fn measures(found: &mut Findings, p: &LinkProps, is_access: bool) -> Option<Measures> {
    let declared_length_km = found.keep(length_km(&found.site, &p.length_km));
    let minutes = found.keep(minutes(&found.site, &p.minutes, is_access));
    let headway_min = found.keep(headway_min(&found.site, &p.headway_min));
    Some(Measures {
        declared_length_km: declared_length_km?,
        minutes: minutes?,
        headway_min: headway_min?,
    })
}

/// A link's mode, one of [`Mode::ALL`].
fn mode(found: &mut Findings, p: &Prop<String>) -> Option<Mode> {
    let m = found.required_str("mode", p, "set mode")?;
    let mode = Mode::parse(&m);
    if mode.is_none() {
        found.error(
            format!("unknown mode \"{m}\""),
            &format!("use {}", one_of(Mode::ALL)),
        );
    }
    mode
}

/// `name_zh`, `name_en` and `project`: required, except on an access
/// connector, which has defaults. A missing one is an error but does not
/// hold the link back (its other properties are still checked against it).
fn names(found: &mut Findings, p: [&Prop<String>; 3], is_access: bool) -> [String; 3] {
    const KEYS: [&str; 3] = ["name_zh", "name_en", "project"];
    const ACCESS_DEFAULTS: [&str; 3] = ["接驳", "access", "access"];
    const FIXES: [&str; 3] = [
        "add the Chinese name of the line",
        "add the English name of the line",
        "group the links of one project under an ASCII project id",
    ];
    let mut out = [String::new(), String::new(), String::new()];
    for (i, p) in p.into_iter().enumerate() {
        out[i] = if is_access {
            let s = found.optional_str(KEYS[i], p);
            s.unwrap_or_else(|| ACCESS_DEFAULTS[i].into())
        } else {
            found
                .keep(found.site.required_str(KEYS[i], p, FIXES[i]))
                .unwrap_or_default()
        };
    }
    out
}

/// A link's status, one of [`Status::ALL`]; an access connector is open
/// unless it says otherwise.
fn status(found: &mut Findings, p: &Prop<String>, is_access: bool) -> Option<Status> {
    let fix = format!("use {}", one_of(Status::ALL.map(Status::as_str)));
    match found.optional_str("status", p) {
        Some(s) => {
            let status = Status::parse(&s);
            if status.is_none() {
                found.error(format!("unknown status \"{s}\""), &fix);
            }
            status
        }
        None if is_access => Some(Status::Open),
        None => {
            found.error("missing property `status`".into(), &fix);
            None
        }
    }
}

/// A link's opening year, a plausible year (0 for an access connector
/// without one: always there).
fn open_year(found: &mut Findings, p: &Prop<i64>, is_access: bool) -> Option<i32> {
    match found.site.optional_year("open_year", p) {
        Ok(Some(y)) if PLAUSIBLE_YEARS.contains(&y) => Some(y as i32),
        Ok(Some(y)) => {
            found.error(
                format!("open_year {y} is not a plausible year"),
                &format!(
                    "give the year of opening, {}–{}",
                    PLAUSIBLE_YEARS.start(),
                    PLAUSIBLE_YEARS.end()
                ),
            );
            None
        }
        Ok(None) if is_access => Some(0),
        Ok(None) => {
            found.error(
                "missing property `open_year`".into(),
                "give the (planned) year of opening, e.g. 2027",
            );
            None
        }
        Err(d) => {
            found.diags.push(*d);
            None
        }
    }
}

/// A speed, km/h: possible (see [`possible_speed`]), and present if `required`.
fn speed(site: &Site, key: &str, p: &Prop<f64>, required: bool) -> Checked<Option<f64>> {
    match site.optional_f64(key, p)? {
        Some(v) if possible_speed(v) => Ok(Some(v)),
        Some(v) => Err(site.error(
            format!("`{key}` = {v} km/h is impossible: it must be > 0 and ≤ {MAX_SPEED_KMH}"),
            "give the speed in km/h (e.g. 350 for HSR, 120 for an expressway)",
        )),
        None if required => Err(site.error(
            format!("missing property `{key}`"),
            "give the speed in km/h",
        )),
        None => Ok(None),
    }
}

/// `operating_speed_since`, an object `{"YYYY": km/h, …}` of later changes
/// of the operating speed, as `(year, km/h)` pairs sorted by year. Each year
/// must be a plausible year after `open_year`; each speed must be possible.
/// Every wrong entry is reported.
fn speed_since(
    found: &mut Findings,
    p: &Prop<Map<String, Value>>,
    open_year: Option<i32>,
) -> Option<Vec<(i32, f64)>> {
    const KEY: &str = "operating_speed_since";
    const FIX: &str = "write an object of year → km/h, e.g. {\"2016\": 210, \"2018\": 250}";
    let changes = match p.written() {
        None => return Some(Vec::new()),
        Some(Ok(o)) => o,
        Some(Err(v)) => {
            found.error(format!("`{KEY}` must be an object, found {}", kind(v)), FIX);
            return None;
        }
    };
    let mut out = Vec::with_capacity(changes.len());
    let mut errors = Vec::new();
    for (y, v) in changes {
        let year = y
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| PLAUSIBLE_YEARS.contains(&i64::from(*y)));
        let kmh = v.as_f64().filter(|v| possible_speed(*v));
        let error = match (year, kmh) {
            (Some(year), Some(kmh)) if open_year.is_none_or(|o| year > o) => {
                out.push((year, kmh));
                continue;
            }
            (Some(year), Some(_)) => found.site.error(
                format!(
                    "`{KEY}` changes the speed in {year}, not after the opening year {}",
                    open_year.unwrap_or_default()
                ),
                "give the speed at opening as `operating_speed_kmh`; list only later changes here",
            ),
            (None, _) => found.site.error(
                format!(
                    "`{KEY}` key \"{y}\" is not a year ({}–{})",
                    PLAUSIBLE_YEARS.start(),
                    PLAUSIBLE_YEARS.end()
                ),
                FIX,
            ),
            (_, None) => found.site.error(
                format!(
                    "`{KEY}` \"{y}\": {v} is not a possible speed (> 0 and ≤ {MAX_SPEED_KMH} km/h)"
                ),
                FIX,
            ),
        };
        errors.push(*error);
    }
    if !errors.is_empty() {
        found.diags.extend(errors);
        return None;
    }
    out.sort_by_key(|&(y, _)| y);
    Some(out)
}

/// The declared length, km: positive if given.
fn length_km(site: &Site, p: &Prop<f64>) -> Checked<Option<f64>> {
    match site.optional_f64("length_km", p)? {
        Some(v) if v <= 0.0 => Err(site.error(
            format!("`length_km` = {v} must be positive"),
            "give the official length in km, or omit it to use the geometry's length",
        )),
        v => Ok(v),
    }
}

/// An access connector's time, minutes: required there, never negative.
fn minutes(site: &Site, p: &Prop<f64>, is_access: bool) -> Checked<Option<f64>> {
    match site.optional_f64("minutes", p)? {
        Some(v) if v < 0.0 => Err(site.error(
            format!("`minutes` = {v} must not be negative"),
            "give the access time in minutes",
        )),
        None if is_access => Err(site.error(
            "an access connector needs `minutes`".into(),
            "give the door ↔ station time in minutes",
        )),
        v => Ok(v),
    }
}

/// The headway, minutes: positive if given.
fn headway_min(site: &Site, p: &Prop<f64>) -> Checked<Option<f64>> {
    match site.optional_f64("headway_min", p)? {
        Some(v) if v <= 0.0 => Err(site.error(
            format!("`headway_min` = {v} must be positive"),
            "give minutes between departures",
        )),
        v => Ok(v),
    }
}
