//! A minimal GeoPackage writer (OGC 12-128r18, GeoPackage 1.3): the
//! required tables (`gpkg_spatial_ref_sys`, `gpkg_contents`,
//! `gpkg_geometry_columns`), one feature table per layer with typed columns,
//! and geometries as GeoPackage binary (header + little-endian ISO WKB).
//!
//! Written to a temporary file renamed into place, so a failure leaves no
//! half-written GeoPackage.

use super::{FieldType, Layer};
use crate::chinacrs::MapCrs;
use crate::{Error, Result};
use rusqlite::{params_from_iter, Connection};
use serde_json::Value;
use std::path::Path;

/// `GPKG` in ASCII: the SQLite application id of a GeoPackage.
const APPLICATION_ID: i32 = 0x4750_4B47;
/// GeoPackage 1.3.0.
const USER_VERSION: i32 = 10300;

/// The GeoPackage binary of a point or line string (WGS84 or the undefined
/// geographic SRS 0 for GCJ-02/BD-09), with an envelope for lines.
fn geometry_blob(coords: &[[f64; 2]], point: bool, srs_id: i32) -> Vec<u8> {
    let mut b = Vec::with_capacity(64 + coords.len() * 16);
    b.extend_from_slice(b"GP");
    b.push(0); // version 1
               // flags: little-endian (bit 0); envelope [minx, maxx, miny, maxy] (bits 1–3 = 1) for lines.
    b.push(if point { 0b0000_0001 } else { 0b0000_0011 });
    b.extend_from_slice(&srs_id.to_le_bytes());
    if !point {
        let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for c in coords {
            x0 = x0.min(c[0]);
            x1 = x1.max(c[0]);
            y0 = y0.min(c[1]);
            y1 = y1.max(c[1]);
        }
        for v in [x0, x1, y0, y1] {
            b.extend_from_slice(&v.to_le_bytes());
        }
    }
    b.push(1); // WKB little-endian
    if point {
        b.extend_from_slice(&1u32.to_le_bytes());
    } else {
        b.extend_from_slice(&2u32.to_le_bytes());
        b.extend_from_slice(&(coords.len() as u32).to_le_bytes());
    }
    for c in coords {
        b.extend_from_slice(&c[0].to_le_bytes());
        b.extend_from_slice(&c[1].to_le_bytes());
    }
    b
}

fn sql_value(v: &Value, t: FieldType) -> rusqlite::types::Value {
    use rusqlite::types::Value as V;
    match (v, t) {
        (Value::Null, _) => V::Null,
        (Value::Bool(b), _) => V::Integer(i64::from(*b)),
        (Value::Number(n), FieldType::Integer | FieldType::Boolean) => {
            n.as_i64().map_or(V::Null, V::Integer)
        }
        (Value::Number(n), _) => n.as_f64().map_or(V::Null, V::Real),
        (Value::String(s), _) => V::Text(s.clone()),
        (other, _) => V::Text(other.to_string()),
    }
}

/// Writes the layers as one GeoPackage at `path`; `description` goes into
/// `gpkg_contents`. GCJ-02 and BD-09 coordinates use the GeoPackage's
/// undefined geographic SRS (id 0), since no EPSG code describes them.
pub fn write_gpkg(path: &Path, layers: &[&Layer], crs: MapCrs, description: &str) -> Result<()> {
    let fail = |reason: String| Error::Write {
        path: path.to_path_buf(),
        reason,
    };
    let tmp = path.with_extension("gpkg.tmp");
    let _ = std::fs::remove_file(&tmp);
    let result = (|| -> rusqlite::Result<()> {
        let mut db = Connection::open(&tmp)?;
        db.pragma_update(None, "application_id", APPLICATION_ID)?;
        db.pragma_update(None, "user_version", USER_VERSION)?;
        let tx = db.transaction()?;
        tx.execute_batch(
            "CREATE TABLE gpkg_spatial_ref_sys (
               srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
               organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
               definition TEXT NOT NULL, description TEXT);
             CREATE TABLE gpkg_contents (
               table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
               identifier TEXT UNIQUE, description TEXT DEFAULT '',
               last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
               min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
               CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
             CREATE TABLE gpkg_geometry_columns (
               table_name TEXT NOT NULL, column_name TEXT NOT NULL,
               geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
               z TINYINT NOT NULL, m TINYINT NOT NULL,
               CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
               CONSTRAINT uk_gc_table_name UNIQUE (table_name),
               CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
               CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));",
        )?;
        tx.execute(
            "INSERT INTO gpkg_spatial_ref_sys VALUES
               ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
               ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
               ('WGS 84 geodetic', 4326, 'EPSG', 4326, ?1, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')",
            [WGS84_WKT],
        )?;
        let srs_id = if crs == MapCrs::Wgs84 { 4326 } else { 0 };
        for layer in layers {
            let cols: Vec<String> = layer
                .fields
                .iter()
                .map(|(n, t)| format!("\"{n}\" {}", t.sql()))
                .collect();
            let gtype = if layer.points { "POINT" } else { "LINESTRING" };
            tx.execute_batch(&format!(
                "CREATE TABLE \"{}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {gtype}, {});",
                layer.name,
                cols.join(", ")
            ))?;
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            let placeholders: Vec<String> = (0..=layer.fields.len())
                .map(|k| format!("?{}", k + 1))
                .collect();
            let names: Vec<String> = layer
                .fields
                .iter()
                .map(|(n, _)| format!("\"{n}\""))
                .collect();
            {
                let mut stmt = tx.prepare(&format!(
                    "INSERT INTO \"{}\" (geom, {}) VALUES ({})",
                    layer.name,
                    names.join(", "),
                    placeholders.join(", ")
                ))?;
                for (coords, values) in &layer.features {
                    let moved: Vec<[f64; 2]> = coords
                        .iter()
                        .map(|c| {
                            let (x, y) = crs.from_wgs84(c[0], c[1]);
                            [x, y]
                        })
                        .collect();
                    for c in &moved {
                        x0 = x0.min(c[0]);
                        y0 = y0.min(c[1]);
                        x1 = x1.max(c[0]);
                        y1 = y1.max(c[1]);
                    }
                    let mut row: Vec<rusqlite::types::Value> = vec![rusqlite::types::Value::Blob(
                        geometry_blob(&moved, layer.points, srs_id),
                    )];
                    row.extend(
                        values
                            .iter()
                            .zip(&layer.fields)
                            .map(|(v, (_, t))| sql_value(v, *t)),
                    );
                    stmt.execute(params_from_iter(row))?;
                }
            }
            let bbox = if layer.features.is_empty() {
                [None, None, None, None]
            } else {
                [Some(x0), Some(y0), Some(x1), Some(y1)]
            };
            tx.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
                 VALUES (?1, 'features', ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                rusqlite::params![
                    layer.name,
                    format!("{description} ({})", crs.as_str()),
                    bbox[0],
                    bbox[1],
                    bbox[2],
                    bbox[3],
                    srs_id
                ],
            )?;
            tx.execute(
                "INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', ?2, ?3, 0, 0)",
                rusqlite::params![layer.name, gtype, srs_id],
            )?;
        }
        tx.commit()?;
        db.close().map_err(|(_, e)| e)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e.to_string()));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e.to_string())
    })
}

/// EPSG:4326 as OGC WKT, the definition GDAL writes.
const WGS84_WKT: &str = r#"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_blob_has_the_header_and_iso_wkb() {
        let b = geometry_blob(&[[104.0, 30.5]], true, 4326);
        assert_eq!(&b[..4], b"GP\x00\x01");
        assert_eq!(i32::from_le_bytes([b[4], b[5], b[6], b[7]]), 4326);
        assert_eq!(b[8], 1, "little-endian WKB");
        assert_eq!(u32::from_le_bytes([b[9], b[10], b[11], b[12]]), 1, "Point");
        assert_eq!(b.len(), 8 + 5 + 16);
        let l = geometry_blob(&[[104.0, 30.5], [105.0, 29.5]], false, 4326);
        assert_eq!(l[3], 0b11, "envelope [minx, maxx, miny, maxy]");
        assert_eq!(l.len(), 8 + 32 + 9 + 32);
    }
}
