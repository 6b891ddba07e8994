//! The output coordinate reference system: WGS84 (RFC 7946) by default, any
//! CRS PROJ knows with the `proj` cargo feature.
//!
//! PROJ is a C/C++ library (the `proj` crate needs PROJ ≥ 9.6, from the
//! system or built from source with cmake and sqlite3), so it sits behind a
//! feature: the default build needs cargo alone. Areas and populations are
//! always computed on the WGS84 geometry, before any reprojection.
//!
//! A PROJ built from source finds its database (`proj.db`) in the cargo
//! build directory; a binary copied elsewhere needs `PROJ_DATA` pointing at
//! a copy of `target/release/build/proj-sys-*/out/share/proj/`.

use super::bands::clean_multipolygon;
use super::engine::WGS84_DECIMALS;
use super::error::{IsoError, IsoResult};
use crate::chinacrs::MapCrs;
use geo::{MapCoords, MultiPolygon};

/// Names accepted for WGS84 longitude/latitude without PROJ.
const WGS84_NAMES: [&str; 5] = [
    "EPSG:4326",
    "OGC:CRS84",
    "CRS84",
    "WGS84",
    "URN:OGC:DEF:CRS:OGC:1.3:CRS84",
];

/// An output CRS, checked.
///
/// ```
/// use tongda_core::iso::OutputCrs;
/// assert!(OutputCrs::parse("EPSG:4326").unwrap().is_wgs84());
/// # #[cfg(not(feature = "proj"))]
/// assert!(OutputCrs::parse("EPSG:32648").unwrap_err().to_string().contains("--features proj"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputCrs {
    code: String,
    wgs84: bool,
    /// WGS84 or one of the Chinese web-map systems (no PROJ needed).
    map: Option<MapCrs>,
}

impl OutputCrs {
    /// WGS84 longitude/latitude, the GeoJSON default.
    pub fn wgs84() -> OutputCrs {
        OutputCrs {
            code: "EPSG:4326".into(),
            wgs84: true,
            map: Some(MapCrs::Wgs84),
        }
    }

    /// WGS84 or a Chinese web-map system (GCJ-02, BD-09), computed without PROJ.
    pub fn map(crs: MapCrs) -> OutputCrs {
        match crs {
            MapCrs::Wgs84 => OutputCrs::wgs84(),
            other => OutputCrs {
                code: other.as_str().into(),
                wgs84: false,
                map: Some(other),
            },
        }
    }

    /// The Chinese web-map system (or WGS84) this is, if it is one.
    pub fn map_crs(&self) -> Option<MapCrs> {
        self.map
    }

    /// Checks a CRS given as `AUTHORITY:CODE` (e.g. `EPSG:4544`, CGCS2000 /
    /// 3-degree Gauss–Kruger CM 105E; `EPSG:32648`, UTM 48N). Without the
    /// `proj` feature only WGS84 is accepted, and the error says how to
    /// build with PROJ.
    pub fn parse(input: &str) -> IsoResult<OutputCrs> {
        let code = input.trim().to_ascii_uppercase();
        if WGS84_NAMES.contains(&code.as_str()) {
            return Ok(OutputCrs::wgs84());
        }
        if let Ok(m) = code.parse::<MapCrs>() {
            return Ok(OutputCrs::map(m));
        }
        let bad = |reason: String| IsoError::BadCrs {
            input: input.to_string(),
            reason,
        };
        let Some((auth, num)) = code.split_once(':') else {
            return Err(bad(
                "give AUTHORITY:CODE, e.g. EPSG:4544 or EPSG:32648".into()
            ));
        };
        if auth.is_empty() || num.is_empty() || !auth.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(bad(
                "give AUTHORITY:CODE, e.g. EPSG:4544 or EPSG:32648".into()
            ));
        }
        #[cfg(feature = "proj")]
        {
            imp::check(&code).map_err(|e| bad(e.to_string()))?;
            Ok(OutputCrs {
                code,
                wgs84: false,
                map: None,
            })
        }
        #[cfg(not(feature = "proj"))]
        {
            Err(bad(
                "this build has no PROJ support; outputs are WGS84 (EPSG:4326), GCJ-02 or BD-09. Rebuild with \
                 `cargo build --release --features proj` (needs cmake, a C++ compiler, sqlite3 and \
                 libsqlite3-dev; see the README, section \"Output CRS: the `proj` feature\")"
                    .into(),
            ))
        }
    }

    /// True for WGS84 longitude/latitude (RFC 7946 output).
    pub fn is_wgs84(&self) -> bool {
        self.wgs84
    }

    /// The code, upper case (`EPSG:4544`).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// A reprojector to this CRS (make one per thread: PROJ objects are not shared).
    pub fn reprojector(&self) -> IsoResult<Reprojector> {
        if let Some(map) = self.map {
            return Ok(Reprojector {
                #[cfg(feature = "proj")]
                proj: None,
                map,
                decimals: WGS84_DECIMALS,
            });
        }
        #[cfg(feature = "proj")]
        {
            let (proj, decimals) = imp::create(&self.code).map_err(|e| IsoError::BadCrs {
                input: self.code.clone(),
                reason: e.to_string(),
            })?;
            Ok(Reprojector {
                proj: Some(proj),
                map: MapCrs::Wgs84,
                decimals,
            })
        }
        #[cfg(not(feature = "proj"))]
        Err(IsoError::Internal(
            "a non-WGS84 CRS without the proj feature".into(),
        ))
    }
}

/// Transforms geometries from WGS84 to an [`OutputCrs`].
pub struct Reprojector {
    #[cfg(feature = "proj")]
    proj: Option<proj::Proj>,
    map: MapCrs,
    decimals: i32,
}

impl std::fmt::Debug for Reprojector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reprojector")
            .field("decimals", &self.decimals)
            .finish()
    }
}

impl Reprojector {
    /// Decimal places written (6 for degrees, 2 — centimetres — for metres).
    pub fn decimals(&self) -> i32 {
        self.decimals
    }

    /// The geometry in the output CRS, rounded and oriented by the right-hand rule.
    pub fn apply(&self, mp: &MultiPolygon<f64>) -> IsoResult<MultiPolygon<f64>> {
        #[cfg(feature = "proj")]
        if let Some(p) = &self.proj {
            let out = imp::transform(p, mp)?;
            return Ok(clean_multipolygon(out, self.decimals));
        }
        if self.map == MapCrs::Wgs84 {
            return Ok(clean_multipolygon(mp.clone(), self.decimals));
        }
        let map = self.map;
        let moved = mp.map_coords(|c| {
            let (x, y) = map.from_wgs84(c.x, c.y);
            geo::Coord { x, y }
        });
        Ok(clean_multipolygon(moved, self.decimals))
    }
}

#[cfg(feature = "proj")]
mod imp {
    use super::IsoError;
    use geo::{Coord, LineString, MultiPolygon, Polygon};

    /// Why PROJ gives no usable WGS84 → CRS transformation.
    #[derive(Debug, thiserror::Error)]
    pub enum Unusable {
        /// PROJ does not know the CRS.
        #[error("PROJ does not know it: {0}")]
        Unknown(proj::ProjCreateError),
        /// A point of the region cannot be transformed.
        #[error("cannot transform a point of the region: {0}")]
        Transform(proj::ProjError),
        /// The region has no finite coordinates in the CRS.
        #[error("it does not cover the region")]
        OutsideRegion,
    }

    /// Creates the WGS84 → `code` transformation and says how many decimals suit its unit.
    pub fn create(code: &str) -> Result<(proj::Proj, i32), Unusable> {
        let p = proj::Proj::new_known_crs("EPSG:4326", code, None).map_err(Unusable::Unknown)?;
        // Chengdu: a projected CRS gives metres (large numbers), a geographic one degrees.
        let (x, y) = p
            .convert((104.0665f64, 30.5723f64))
            .map_err(Unusable::Transform)?;
        if !(x.is_finite() && y.is_finite()) {
            return Err(Unusable::OutsideRegion);
        }
        let degrees = x.abs() <= 360.0 && y.abs() <= 90.0;
        Ok((p, if degrees { 6 } else { 2 }))
    }

    pub fn check(code: &str) -> Result<(), Unusable> {
        create(code).map(|_| ())
    }

    pub fn transform(
        p: &proj::Proj,
        mp: &MultiPolygon<f64>,
    ) -> Result<MultiPolygon<f64>, IsoError> {
        let ring = |r: &LineString<f64>| -> Result<LineString<f64>, IsoError> {
            let mut pts: Vec<(f64, f64)> = r.0.iter().map(|c| (c.x, c.y)).collect();
            p.convert_array(&mut pts)
                .map_err(|e| IsoError::Internal(format!("reprojection failed: {e}")))?;
            Ok(LineString::new(
                pts.into_iter().map(|(x, y)| Coord { x, y }).collect(),
            ))
        };
        let polys =
            mp.0.iter()
                .map(|poly| {
                    Ok(Polygon::new(
                        ring(poly.exterior())?,
                        poly.interiors()
                            .iter()
                            .map(ring)
                            .collect::<Result<Vec<_>, _>>()?,
                    ))
                })
                .collect::<Result<Vec<_>, IsoError>>()?;
        Ok(MultiPolygon::new(polys))
    }
}

#[cfg(all(test, not(feature = "proj")))]
mod tests {
    use super::OutputCrs;

    #[test]
    fn without_proj_a_projected_crs_is_refused_with_a_pointer_that_exists() {
        let err = OutputCrs::parse("EPSG:4544").expect_err("needs the proj feature");
        let section = "Output CRS: the `proj` feature";
        assert!(err.to_string().contains(section), "{err}");
        let readme = include_str!("../../../../README.md");
        assert!(
            readme.contains(&format!("### {section}")),
            "the README has no section \"{section}\""
        );
        assert!(OutputCrs::parse("EPSG:4326").expect("WGS84").is_wgs84());
    }
}
