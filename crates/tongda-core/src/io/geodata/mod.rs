//! Loading `geodata/*.geojson` into a [`Network`], validating as we go.
//!
//! Every problem found is collected as a [`Diagnostic`] (file, feature id,
//! what is wrong, how to fix it); loading goes on after an error so that a
//! planner sees all of them at once.
//!
//! The reader follows the files' shape: [`collection`] reads each
//! FeatureCollection and its features' ids and geometries, [`node`] and
//! [`link`] check the typed properties ([`props`]) of a Point or a
//! LineString, and [`resolve`] joins the features of all files into one
//! network (unique ids, references between features, link geometry).

mod collection;
mod link;
mod node;
mod props;
mod resolve;

pub(crate) use props::one_of;
pub(crate) use resolve::closest_note;

/// The fix of "no *.geojson files in this directory": the CLI names its
/// option for the directory beside it.
pub const GEODATA_DIR_FIX: &str = "give the directory that holds the network's GeoJSON files";

use crate::error::{Diagnostic, Severity};
use crate::model::{Link, Network, Node};
use crate::{Error, Result};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use crate::model::REGION_BOUNDS;

pub(crate) use crate::units::MAX_SPEED_KMH;

/// Years the data may name (opening, retirement, speed changes).
pub(crate) const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i64> =
    1800..=crate::model::LAST_YEAR as i64;

/// True for a speed a link can have, km/h: above 0, at most [`MAX_SPEED_KMH`].
pub(crate) fn possible_speed(kmh: f64) -> bool {
    kmh > 0.0 && kmh <= MAX_SPEED_KMH
}

/// True for an id of ASCII lower-case letters, digits and `_`.
pub(crate) fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// What loading found: the network (if there were no errors) and every diagnostic.
#[derive(Debug)]
pub struct LoadReport {
    /// The network, present when there are no errors.
    pub network: Option<Network>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The files read, sorted.
    pub files: Vec<PathBuf>,
    /// The file each feature id came from.
    pub file_of: HashMap<String, PathBuf>,
}

impl LoadReport {
    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// The network, or [`Error::Invalid`] with every diagnostic.
    pub fn into_network(self) -> Result<Network> {
        match self.network {
            Some(n) => Ok(n),
            None => Err(Error::Invalid(self.diagnostics)),
        }
    }
}

/// Loads every `*.geojson` file of `dir` (sorted by name).
///
/// ```
/// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
/// let report = tongda_core::io::load_geodata(&mini).unwrap();
/// assert_eq!(report.error_count(), 0);
/// let net = report.into_network().unwrap();
/// assert!(net.node("chengdu").is_some());
/// ```
pub fn load_geodata(dir: &Path) -> Result<LoadReport> {
    let mut report = load_geodata_files(&geodata_files(dir)?)?;
    if let Some(net) = report.network.as_mut() {
        super::services::attach_services(dir, net, &mut report.diagnostics);
        super::ranges::attach_ranges(dir, net, &mut report.diagnostics);
        if report.error_count() > 0 {
            report.network = None;
        }
    }
    Ok(report)
}

/// The `*.geojson` files of `dir`, sorted by name; an error if there are none.
pub fn geodata_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let rd = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "geojson"))
        .collect();
    files.sort();
    // All files together, not only each one: a network is held several times
    // over in memory (parsed JSON, model, compiled graphs per profile and year).
    let total: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    if total > super::budget::MAX_GEODATA_BYTES {
        return Err(Error::Budget(tongda_sssp::budget::ReadError::TooLarge {
            path: dir.to_path_buf(),
            limit: super::budget::MAX_GEODATA_BYTES,
        }));
    }
    if files.is_empty() {
        return Err(Error::Invalid(vec![Diagnostic::error(
            dir,
            None,
            "no *.geojson files in this directory".into(),
            GEODATA_DIR_FIX,
        )]));
    }
    Ok(files)
}

/// A link as read, before its endpoints are resolved.
#[derive(Clone)]
struct RawLink {
    link: Link,
    from: String,
    to: String,
    file: PathBuf,
}

/// What the files hold, feature by feature, before the features are joined.
#[derive(Default, Clone)]
struct Read {
    /// Nodes that passed their checks, with their file.
    nodes: Vec<(Node, PathBuf)>,
    /// Links that passed their checks.
    links: Vec<RawLink>,
    /// Ids of features that were rejected: references to them are not reported again.
    rejected: HashSet<String>,
    /// Everything found, in file order.
    diags: Vec<Diagnostic>,
}

/// Loads the given GeoJSON files as one network.
pub fn load_geodata_files(files: &[PathBuf]) -> Result<LoadReport> {
    let mut sources = Vec::with_capacity(files.len());
    for file in files {
        let text = super::budget::read_text(file)?;
        sources.push((file.clone(), text));
    }
    Ok(load_geodata_sources(&sources))
}

/// Loads FeatureCollections given as `(label, GeoJSON text)` as one network;
/// the label names the source in diagnostics (a file path, or a scenario edit).
pub fn load_geodata_sources(sources: &[(PathBuf, String)]) -> LoadReport {
    let mut parsed = Parsed::default();
    parsed.add(sources);
    parsed.join()
}

/// GeoJSON sources parsed and checked feature by feature, not yet joined
/// into a network. A scenario parses its geodata once and joins it twice:
/// alone (the base network) and with the links its edits add, which are
/// parsed into a copy ([`Parsed::add`]); either join reports exactly what
/// [`load_geodata_sources`] reports for the same sources.
#[derive(Default, Clone)]
pub(crate) struct Parsed {
    /// The sources' labels, in order.
    files: Vec<PathBuf>,
    /// Their features and diagnostics.
    read: Read,
}

impl Parsed {
    /// Parses `(label, GeoJSON text)` sources after the ones already held.
    pub(crate) fn add(&mut self, sources: &[(PathBuf, String)]) {
        for (file, text) in sources {
            self.files.push(file.clone());
            collection::read_collection(file, text, &mut self.read);
        }
    }

    /// Joins the features of every source into one network.
    pub(crate) fn join(self) -> LoadReport {
        let Parsed { files, mut read } = self;
        let (nodes, links, file_of) =
            resolve::join(read.nodes, read.links, &read.rejected, &mut read.diags);
        let has_errors = read.diags.iter().any(|d| d.severity == Severity::Error);
        LoadReport {
            network: (!has_errors).then(|| Network::new(nodes, links)),
            diagnostics: read.diags,
            files,
            file_of,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::link::LinkProps;
    use super::node::NodeProps;
    use serde::de::{self, Deserialize, Deserializer, Visitor};

    /// A deserializer that only records the field names a struct asks for.
    struct FieldNames<'a>(&'a mut &'static [&'static str]);

    impl<'de> Deserializer<'de> for FieldNames<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("fields recorded"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    /// `id` and the fields of `T`, in order.
    fn keys_of<T: Deserialize<'static>>() -> Vec<&'static str> {
        let mut fields: &'static [&'static str] = &[];
        let _ = T::deserialize(FieldNames(&mut fields));
        std::iter::once("id")
            .chain(fields.iter().copied())
            .collect()
    }

    #[test]
    fn the_property_structs_read_exactly_the_known_keys() {
        // The key lists name the keys in messages ("known: …"), the structs
        // read them: the two must not drift apart.
        assert_eq!(keys_of::<NodeProps>(), crate::io::keys::NODE_KEYS);
        assert_eq!(keys_of::<LinkProps>(), crate::io::keys::LINK_KEYS);
    }
}
