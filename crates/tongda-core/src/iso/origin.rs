//! Origins: a place or node (id, Chinese or English name) or a `lon,lat`.

use super::error::{IsoError, IsoResult};
use crate::chinacrs::MapCrs;
use crate::model::NodeIdx;
use crate::model::REGION_BOUNDS;
use crate::Network;

/// An origin as the user wrote it, checked for form but not yet resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum OriginSpec {
    /// A node id or name (resolved with [`Network::resolve`]).
    Name(String),
    /// A WGS84 position inside the region.
    Point {
        /// Longitude, degrees east.
        lon: f64,
        /// Latitude, degrees north.
        lat: f64,
    },
}

impl OriginSpec {
    /// Reads `lon,lat` (two numbers, WGS84, inside the region) or a name.
    ///
    /// Positions are checked before anything else is done: non-numbers,
    /// NaN/∞, positions outside the region (with a hint when latitude and
    /// longitude look swapped) are errors, never a hang or a panic.
    ///
    /// ```
    /// use tongda_core::iso::OriginSpec;
    /// assert_eq!(OriginSpec::parse("成都").unwrap(), OriginSpec::Name("成都".into()));
    /// assert!(matches!(OriginSpec::parse(" 104.07 , 30.57 ").unwrap(), OriginSpec::Point { .. }));
    /// let err = OriginSpec::parse("30.57,104.07").unwrap_err().to_string();
    /// assert!(err.contains("swapped"), "{err}");
    /// for bad in ["NaN,30", "104,inf", "1e400,30", "104.07", "104,30,5", "0,0", "104.07,", ","] {
    ///     assert!(OriginSpec::parse(bad).is_err(), "{bad}");
    /// }
    /// ```
    pub fn parse(input: &str) -> IsoResult<OriginSpec> {
        let s = input.trim();
        // `gcj02:lon,lat` (高德, 腾讯) or `bd09:lon,lat` (百度): converted to WGS84 first.
        let lowered = s.to_ascii_lowercase();
        for (prefix, crs) in [
            ("gcj02:", MapCrs::Gcj02),
            ("gcj-02:", MapCrs::Gcj02),
            ("bd09:", MapCrs::Bd09),
            ("bd-09:", MapCrs::Bd09),
            ("wgs84:", MapCrs::Wgs84),
        ] {
            if lowered.starts_with(prefix) {
                return match OriginSpec::parse_lonlat(input, &s[prefix.len()..], crs)? {
                    Some(p) => Ok(p),
                    None => Err(IsoError::coordinate(
                        input,
                        format!("after \"{prefix}\" give lon,lat (e.g. {prefix}104.0689,30.5699)"),
                    )),
                };
            }
        }
        if let Some(p) = OriginSpec::parse_lonlat(input, s, MapCrs::Wgs84)? {
            return Ok(p);
        }
        Ok(OriginSpec::Name(s.to_string()))
    }

    /// `lon,lat` in `crs`, checked and converted to WGS84; `None` for a name.
    fn parse_lonlat(input: &str, s: &str, crs: MapCrs) -> IsoResult<Option<OriginSpec>> {
        let s = s.trim();
        if s.is_empty() {
            return Err(IsoError::coordinate(
                input,
                "is empty: give a place or lon,lat",
            ));
        }
        let looks_numeric = |p: &str| {
            let p = p.trim();
            !p.is_empty() && p.chars().all(|c| c.is_ascii_digit() || "+-.eE".contains(c))
        };
        let lowered = s.to_ascii_lowercase();
        let numeric_words = ["nan", "inf", "infinity"];
        let is_numberish = |p: &str| {
            looks_numeric(p) || numeric_words.contains(&p.trim().trim_start_matches(['+', '-']))
        };
        if !s.contains(',') {
            if is_numberish(&lowered) {
                return Err(IsoError::coordinate(
                    input,
                    "one number is not a position: give lon,lat (e.g. 104.0665,30.5723)",
                ));
            }
            return Ok(None);
        }
        let parts: Vec<&str> = lowered.split(',').collect();
        if parts.len() != 2 || !parts.iter().all(|p| is_numberish(p)) {
            return Err(IsoError::coordinate(
                input,
                "is neither a name nor lon,lat (two decimal degrees, e.g. 104.0665,30.5723)",
            ));
        }
        let num = |p: &str| -> IsoResult<f64> {
            let v: f64 = p.trim().parse().map_err(|_| {
                IsoError::coordinate(input, format!("\"{}\" is not a number", p.trim()))
            })?;
            if v.is_finite() {
                Ok(v)
            } else {
                Err(IsoError::coordinate(
                    input,
                    "coordinates must be finite numbers",
                ))
            }
        };
        let (lon, lat) = (num(parts[0])?, num(parts[1])?);
        let (w, s_, e, n) = REGION_BOUNDS;
        let inside = |x: f64, y: f64| (w..=e).contains(&x) && (s_..=n).contains(&y);
        if inside(lon, lat) {
            let (lon, lat) = crs.to_wgs84(lon, lat);
            return Ok(Some(OriginSpec::Point { lon, lat }));
        }
        if inside(lat, lon) {
            return Err(IsoError::coordinate(
                input,
                format!(
                    "latitude and longitude look swapped: positions are lon,lat — did you mean {lat},{lon}?"
                ),
            ));
        }
        Err(IsoError::coordinate(
            input,
            format!(
                "is outside the region (lon {w}–{e}, lat {s_}–{n}); positions are lon,lat in WGS84"
            ),
        ))
    }
}

/// A resolved origin: where it is and what it is called.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    /// The node id, or `pt_<lon>_<lat>` (6 decimals) for a position.
    pub id: String,
    /// The node's Chinese name, or `lon,lat` for a position.
    pub name: String,
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// The network node, when the origin is one.
    pub node: Option<NodeIdx>,
}

impl Origin {
    /// Resolves a spec against the network (names must match one node).
    ///
    /// ```
    /// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
    /// use tongda_core::iso::{Origin, OriginSpec};
    /// let net = tongda_core::io::load_geodata(&mini).unwrap().into_network().unwrap();
    /// let o = Origin::resolve(&OriginSpec::parse("成都").unwrap(), &net).unwrap();
    /// assert_eq!(o.id, "chengdu");
    /// let p = Origin::resolve(&OriginSpec::parse("104.1,30.6").unwrap(), &net).unwrap();
    /// assert_eq!(p.id, "pt_104.100000_30.600000");
    /// assert!(Origin::resolve(&OriginSpec::parse("chengdoo").unwrap(), &net).is_err());
    /// ```
    pub fn resolve(spec: &OriginSpec, net: &Network) -> IsoResult<Origin> {
        match spec {
            OriginSpec::Name(q) => {
                let i = net.resolve(q)?;
                let n = &net.nodes[i as usize];
                Ok(Origin {
                    id: n.id.clone(),
                    name: n.name_zh.clone(),
                    lon: n.coord.x,
                    lat: n.coord.y,
                    node: Some(i),
                })
            }
            &OriginSpec::Point { lon, lat } => Ok(Origin {
                id: format!("pt_{lon:.6}_{lat:.6}"),
                name: format!("{lon:.6},{lat:.6}"),
                lon,
                lat,
                node: None,
            }),
        }
    }

    /// Node origins of the network in node order: `cities`, `districts`
    /// (districts and counties) or `places` (all three kinds).
    pub fn set(net: &Network, set: &str) -> IsoResult<Vec<Origin>> {
        use crate::model::NodeKind as K;
        let keep: fn(K) -> bool = match set {
            "cities" => |k| k == K::City,
            "districts" => |k| matches!(k, K::District | K::County),
            "places" => |k| k.is_place(),
            other => {
                return Err(IsoError::BadOrigins(format!(
                    "unknown origin set \"{other}\": use cities, districts, places or a file"
                )))
            }
        };
        Ok(net
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| keep(n.kind))
            .map(|(i, n)| Origin {
                id: n.id.clone(),
                name: n.name_zh.clone(),
                lon: n.coord.x,
                lat: n.coord.y,
                node: Some(i as NodeIdx),
            })
            .collect())
    }

    /// Reads an origin file: one origin per line (a name or `lon,lat`); blank
    /// lines and lines starting with `#` are skipped. Every line is checked and
    /// all errors are reported at once, with line numbers; two lines naming the
    /// same origin are an error.
    pub fn read_list(text: &str, file: &str, net: &Network) -> IsoResult<Vec<Origin>> {
        use super::error::{MAX_ECHO, MAX_LISTED};
        let mut out: Vec<Origin> = Vec::new();
        // id → position in `out`: a linear search per line made 100k origins take 44 s.
        let mut seen: std::collections::HashMap<String, usize> = Default::default();
        let mut errors = Vec::new();
        for (k, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match OriginSpec::parse(line).and_then(|s| Origin::resolve(&s, net)) {
                Ok(o) => {
                    if let Some(&prev) = seen.get(&o.id) {
                        errors.push(format!(
                            "{file}:{}: \"{}\" is origin {} again",
                            k + 1,
                            crate::io::budget::excerpt(line, MAX_ECHO),
                            out[prev].id
                        ));
                    } else {
                        seen.insert(o.id.clone(), out.len());
                        out.push(o);
                    }
                }
                Err(e) => errors.push(crate::io::budget::excerpt(
                    &format!("{file}:{}: {e}", k + 1),
                    4 * MAX_ECHO,
                )),
            }
        }
        if !errors.is_empty() {
            let more = errors.len().saturating_sub(MAX_LISTED);
            errors.truncate(MAX_LISTED);
            if more > 0 {
                errors.push(format!("… and {more} more error(s) in {file}"));
            }
            return Err(IsoError::BadOrigins(errors.join("\n")));
        }
        if out.is_empty() {
            return Err(IsoError::BadOrigins(format!(
                "{file} lists no origin (one name or lon,lat per line)"
            )));
        }
        Ok(out)
    }

    /// The file name of this origin's isochrones in a batch (`<id>.geojson`,
    /// any character outside `[A-Za-z0-9._-]` replaced by `_`).
    pub fn file_name(&self) -> String {
        let safe: String = self
            .id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "._-".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        format!("{safe}.geojson")
    }
}
