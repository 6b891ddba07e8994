//! Chinese web-map coordinates: GCJ-02 (高德/Amap, 腾讯/Tencent, Google
//! Maps in China) and BD-09 (百度/Baidu).
//!
//! GCJ-02 is WGS84 with a deliberate, smooth offset of a few hundred metres
//! (the published "leaked" formula, on the Krasovsky ellipsoid); BD-09 adds
//! Baidu's own rotation and shift on top of GCJ-02. Neither is a CRS that
//! PROJ or GDAL knows, so the transform is done here, on every coordinate
//! written (`--crs GCJ-02`, `--crs BD-09`) or read (`gcj02:lon,lat`,
//! `bd09:lon,lat`). Outside mainland China's bounding box the offset is zero,
//! as in the reference implementations.
//!
//! The forward transform has no closed inverse; [`gcj02_to_wgs84`] inverts it
//! by fixed-point iteration to well under a centimetre.
//!
//! ```
//! use tongda_core::chinacrs::{gcj02_to_wgs84, wgs84_to_gcj02};
//! let (lon, lat) = (104.0665, 30.5723); // 成都 天府广场, WGS84
//! let g = wgs84_to_gcj02(lon, lat);
//! assert!((g.0 - lon).abs() > 1e-3, "GCJ-02 is offset");
//! let back = gcj02_to_wgs84(g.0, g.1);
//! assert!((back.0 - lon).abs() < 1e-8 && (back.1 - lat).abs() < 1e-8);
//! ```

use std::f64::consts::PI;
use std::fmt;
use std::str::FromStr;

/// Semi-major axis of the Krasovsky 1940 ellipsoid, as in the published formula.
const A: f64 = 6_378_245.0;
/// Its first eccentricity squared.
const EE: f64 = 0.006_693_421_622_965_943;
/// BD-09's angular constant.
const X_PI: f64 = PI * 3000.0 / 180.0;

/// True outside the box in which the GCJ-02 offset applies.
pub fn out_of_china(lon: f64, lat: f64) -> bool {
    !((72.004..=137.8347).contains(&lon) && (0.8293..=55.8271).contains(&lat))
}

fn offset(lon: f64, lat: f64) -> (f64, f64) {
    let (x, y) = (lon - 105.0, lat - 35.0);
    let common = (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    let mut dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    dlat += common;
    dlat += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    dlat += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    let mut dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    dlon += common;
    dlon += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    dlon += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    let rad = lat / 180.0 * PI;
    let magic = 1.0 - EE * rad.sin() * rad.sin();
    let sqrt_magic = magic.sqrt();
    let dlat = dlat * 180.0 / ((A * (1.0 - EE)) / (magic * sqrt_magic) * PI);
    let dlon = dlon * 180.0 / (A / sqrt_magic * rad.cos() * PI);
    (dlon, dlat)
}

/// WGS84 → GCJ-02 (longitude, latitude in degrees).
pub fn wgs84_to_gcj02(lon: f64, lat: f64) -> (f64, f64) {
    if out_of_china(lon, lat) {
        return (lon, lat);
    }
    let (dx, dy) = offset(lon, lat);
    (lon + dx, lat + dy)
}

/// GCJ-02 → WGS84, by fixed-point iteration of the forward transform
/// (converges to 1e-10° — about 0.01 mm — in a few steps).
pub fn gcj02_to_wgs84(lon: f64, lat: f64) -> (f64, f64) {
    if out_of_china(lon, lat) {
        return (lon, lat);
    }
    let (mut x, mut y) = (lon, lat);
    for _ in 0..30 {
        let (gx, gy) = wgs84_to_gcj02(x, y);
        let (ex, ey) = (gx - lon, gy - lat);
        x -= ex;
        y -= ey;
        if ex.abs() < 1e-10 && ey.abs() < 1e-10 {
            break;
        }
    }
    (x, y)
}

/// GCJ-02 → BD-09.
pub fn gcj02_to_bd09(lon: f64, lat: f64) -> (f64, f64) {
    let z = lon.hypot(lat) + 0.00002 * (lat * X_PI).sin();
    let theta = lat.atan2(lon) + 0.000003 * (lon * X_PI).cos();
    (z * theta.cos() + 0.0065, z * theta.sin() + 0.006)
}

/// BD-09 → GCJ-02: the published approximate inverse (a few centimetres
/// off), refined by fixed-point iteration of [`gcj02_to_bd09`].
pub fn bd09_to_gcj02(lon: f64, lat: f64) -> (f64, f64) {
    let (x, y) = (lon - 0.0065, lat - 0.006);
    let z = x.hypot(y) - 0.00002 * (y * X_PI).sin();
    let theta = y.atan2(x) - 0.000003 * (x * X_PI).cos();
    let (mut gx, mut gy) = (z * theta.cos(), z * theta.sin());
    for _ in 0..10 {
        let (bx, by) = gcj02_to_bd09(gx, gy);
        let (ex, ey) = (bx - lon, by - lat);
        gx -= ex;
        gy -= ey;
        if ex.abs() < 1e-11 && ey.abs() < 1e-11 {
            break;
        }
    }
    (gx, gy)
}

/// The coordinate systems tongda reads and writes without PROJ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MapCrs {
    /// WGS84 longitude/latitude (EPSG:4326; GPS, OpenStreetMap, GeoJSON).
    #[default]
    Wgs84,
    /// GCJ-02 (高德, 腾讯, Google Maps in China).
    Gcj02,
    /// BD-09 (百度).
    Bd09,
}

impl MapCrs {
    /// The name written in outputs (`EPSG:4326`, `GCJ-02`, `BD-09`).
    pub fn as_str(self) -> &'static str {
        match self {
            MapCrs::Wgs84 => "EPSG:4326",
            MapCrs::Gcj02 => "GCJ-02",
            MapCrs::Bd09 => "BD-09",
        }
    }

    /// WGS84 → this system.
    pub fn from_wgs84(self, lon: f64, lat: f64) -> (f64, f64) {
        match self {
            MapCrs::Wgs84 => (lon, lat),
            MapCrs::Gcj02 => wgs84_to_gcj02(lon, lat),
            MapCrs::Bd09 => {
                let (x, y) = wgs84_to_gcj02(lon, lat);
                gcj02_to_bd09(x, y)
            }
        }
    }

    /// This system → WGS84.
    pub fn to_wgs84(self, lon: f64, lat: f64) -> (f64, f64) {
        match self {
            MapCrs::Wgs84 => (lon, lat),
            MapCrs::Gcj02 => gcj02_to_wgs84(lon, lat),
            MapCrs::Bd09 => {
                let (x, y) = bd09_to_gcj02(lon, lat);
                gcj02_to_wgs84(x, y)
            }
        }
    }
}

impl fmt::Display for MapCrs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A coordinate system name that is none of WGS84, GCJ-02 and BD-09.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not WGS84, GCJ-02 or BD-09 (other systems need --features proj and EPSG:XXXX)")]
pub struct UnknownMapCrs(pub String);

impl FromStr for MapCrs {
    type Err = UnknownMapCrs;

    /// Accepts `GCJ-02`/`GCJ02`/`gcj02`, `BD-09`/`BD09`/`bd09`, and the WGS84
    /// names (`EPSG:4326`, `WGS84`, `CRS84`, `OGC:CRS84`).
    fn from_str(s: &str) -> Result<MapCrs, UnknownMapCrs> {
        let k: String = s
            .trim()
            .to_ascii_uppercase()
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect();
        match k.as_str() {
            "GCJ02" => Ok(MapCrs::Gcj02),
            "BD09" | "BD09LL" => Ok(MapCrs::Bd09),
            "EPSG:4326" | "WGS84" | "CRS84" | "OGC:CRS84" => Ok(MapCrs::Wgs84),
            _ => Err(UnknownMapCrs(s.to_string())),
        }
    }
}

/// Great-circle distance in metres (spherical, radius 6 371 008.8 m).
pub fn distance_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, la2) = (a.1.to_radians(), b.1.to_radians());
    let dla = la2 - la1;
    let dlo = (b.0 - a.0).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * 6_371_008.8 * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Published WGS84 ↔ GCJ-02 pairs: the test vectors of googollee/eviltransform
    /// (python/test.py, `TESTS`: wgsLat, wgsLng, gcjLat, gcjLng), given here as
    /// (lon, lat). That implementation uses a = 6 378 137 m where the leaked
    /// formula has Krasovsky's 6 378 245 m: the two differ by a few millimetres.
    const WGS_GCJ: [((f64, f64), (f64, f64)); 3] = [
        // Shanghai
        (
            (121.5272106, 31.1774276),
            (121.531541859215, 31.17530398364597),
        ),
        // Shenzhen
        (
            (113.912316, 22.543847),
            (113.9171764808363, 22.540796131694766),
        ),
        // Beijing
        (
            (116.377817, 39.911954),
            (116.38404722455657, 39.91334545536069),
        ),
    ];

    /// Published values of wandergis/coordtransform, the reference the
    /// `coordtransform-rs` crate's tests and hutool's `CoordinateUtilTest`
    /// cite: (116.404, 39.915) taken as WGS84 → GCJ-02, as GCJ-02 → BD-09, and
    /// as BD-09 → GCJ-02 (the last with the one-step approximate inverse).
    const POINT: (f64, f64) = (116.404, 39.915);
    const POINT_WGS_TO_GCJ: (f64, f64) = (116.41024449916938, 39.91640428150164);
    const POINT_GCJ_TO_BD: (f64, f64) = (116.41036949371029, 39.92133699351021);
    const POINT_BD_TO_GCJ: (f64, f64) = (116.39762729119315, 39.90865673957631);

    #[test]
    fn wgs84_to_gcj02_matches_the_published_reference_points() {
        for (wgs, gcj) in WGS_GCJ {
            let got = wgs84_to_gcj02(wgs.0, wgs.1);
            let d = distance_m(got, gcj);
            assert!(
                d < 0.1,
                "{wgs:?}: got {got:?}, published {gcj:?}, {d:.3} m off"
            );
            // The offset itself is hundreds of metres: the test is not vacuous.
            assert!(distance_m(wgs, gcj) > 100.0);
        }
    }

    #[test]
    fn gcj02_to_wgs84_inverts_the_reference_points_within_a_decimetre() {
        for (wgs, gcj) in WGS_GCJ {
            let got = gcj02_to_wgs84(gcj.0, gcj.1);
            let d = distance_m(got, wgs);
            assert!(
                d < 0.1,
                "{gcj:?}: got {got:?}, published {wgs:?}, {d:.3} m off"
            );
        }
    }

    #[test]
    fn the_wandergis_reference_values_hold_for_gcj02_and_bd09() {
        let d = |a, b| distance_m(a, b);
        assert!(d(wgs84_to_gcj02(POINT.0, POINT.1), POINT_WGS_TO_GCJ) < 0.1);
        // The forward BD-09 formula is closed: it matches to the last digits.
        let bd = gcj02_to_bd09(POINT.0, POINT.1);
        assert!(d(bd, POINT_GCJ_TO_BD) < 1e-6, "{bd:?}");
        // Ours refines the approximate inverse: within centimetres of it.
        let g = bd09_to_gcj02(POINT.0, POINT.1);
        assert!(d(g, POINT_BD_TO_GCJ) < 0.1, "{g:?}");
        let back = gcj02_to_bd09(g.0, g.1);
        assert!(d(back, POINT) < 1e-4, "exact inverse: {back:?}");
    }

    #[test]
    fn round_trips_over_the_region_stay_within_a_metre() {
        // A grid over the Chengdu–Chongqing region (lon 101–111, lat 26–34).
        for i in 0..=20 {
            for j in 0..=16 {
                let p = (101.0 + 0.5 * f64::from(i), 26.0 + 0.5 * f64::from(j));
                for crs in [MapCrs::Gcj02, MapCrs::Bd09] {
                    let q = crs.from_wgs84(p.0, p.1);
                    let back = crs.to_wgs84(q.0, q.1);
                    let d = distance_m(p, back);
                    assert!(d < 1.0, "{crs} {p:?}: {d} m");
                    assert!(
                        d < 0.001,
                        "{crs} {p:?}: {d} m (the iteration should do far better)"
                    );
                }
            }
        }
    }

    #[test]
    fn outside_china_nothing_moves_and_names_parse() {
        assert_eq!(wgs84_to_gcj02(2.35, 48.85), (2.35, 48.85));
        assert_eq!("gcj02".parse::<MapCrs>(), Ok(MapCrs::Gcj02));
        assert_eq!("GCJ-02".parse::<MapCrs>(), Ok(MapCrs::Gcj02));
        assert_eq!("bd-09".parse::<MapCrs>(), Ok(MapCrs::Bd09));
        assert_eq!("EPSG:4326".parse::<MapCrs>(), Ok(MapCrs::Wgs84));
        assert!("EPSG:4544".parse::<MapCrs>().is_err());
    }
}
