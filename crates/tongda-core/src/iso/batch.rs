//! Batch runs: the index of a run's origins and the files they get.

use super::engine::IsoEngine;
use super::error::{IsoError, IsoResult};
use super::origin::Origin;
use crate::units::round_to;

/// Name of the index file of a batch directory.
pub const INDEX_FILE: &str = "index.csv";

/// The index of a batch run: one row per origin of the whole run (not only
/// of one shard), in run order, with the file it gets and how it enters the
/// network. It depends on the origins and the scenario only, so every shard
/// writes the same index and the union of the shards' directories equals the
/// unsharded run's.
///
/// Columns: `origin,name,lon,lat,on_network,snapped_to,snap_km,file`.
/// Also checks the run: every position must have a node within the radius,
/// and no two origins may share a file name.
pub fn index_csv(engine: &IsoEngine<'_>, origins: &[Origin]) -> IsoResult<String> {
    let net = engine.network();
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| IsoError::Internal(format!("writing the index: {e}"));
    w.write_record([
        "origin",
        "name",
        "lon",
        "lat",
        "on_network",
        "snapped_to",
        "snap_km",
        "file",
    ])
    .map_err(err)?;
    let mut files = std::collections::BTreeMap::new();
    for o in origins {
        let placed = engine.place(o)?;
        let file = o.file_name();
        if let Some(prev) = files.insert(file.clone(), o.id.clone()) {
            return Err(IsoError::BadOrigins(format!(
                "origins {prev} and {} would both be written to {file}",
                o.id
            )));
        }
        let snap = placed.snap();
        w.write_record([
            o.id.clone(),
            o.name.clone(),
            format!("{}", round_to(o.lon, 6)),
            format!("{}", round_to(o.lat, 6)),
            placed.on_network.to_string(),
            snap.map(|a| net.nodes[a.node as usize].id.clone())
                .unwrap_or_default(),
            snap.map(|a| format!("{:.3}", a.km)).unwrap_or_default(),
            file,
        ])
        .map_err(err)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| IsoError::Internal(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| IsoError::Internal(e.to_string()))
}
