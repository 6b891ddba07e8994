//! Scenarios: a network year, allowed statuses, time-model overrides and edits.
//!
//! Loading works in two passes (as Conveyal R5 does): every edit is resolved
//! first — ids looked up, values checked — and all errors are reported at
//! once; only then are the edits applied, in order, to a copy of the network.
//! The base network is never changed.

mod edits;
mod spec;

pub use spec::{Edit, ScenarioSpec};

use crate::error::Diagnostic;
use crate::io::{geodata_files, Parsed};
use crate::timemodel::TimeModel;
use crate::{Error, Network, Result};
use edits::{Apply, EditError};
use std::path::{Path, PathBuf};

/// A scenario ready to route: the edited network and its time model.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// The scenario as written.
    pub spec: ScenarioSpec,
    /// The scenario file (edits and relative paths refer to it).
    pub file: PathBuf,
    /// The network without edits, as loaded.
    pub base: Network,
    /// The network with the edits applied.
    pub network: Network,
    /// The time model (defaults, geodata's timemodel.toml, scenario `[params]`).
    pub time_model: TimeModel,
    /// What each edit did, in order.
    pub edit_reports: Vec<String>,
    /// Projects opened by `open_project` edits (used whatever their status).
    pub forced_projects: Vec<String>,
    /// What was read from files, kept so that [`Scenario::with_year`] reads
    /// and validates nothing again.
    loaded: Loaded,
}

/// A scenario's inputs as read: the base network, the network with the
/// added links (before the other edits), the time model, and the ids each
/// add edit brought in. Nothing here depends on the scenario's year.
#[derive(Debug, Clone)]
struct Loaded {
    base: Network,
    combined: Network,
    time_model: TimeModel,
    added_ids: Vec<Vec<String>>,
}

fn read(path: &Path) -> Result<String> {
    crate::io::budget::read_text(path)
}

impl Scenario {
    /// Reads a scenario file and builds it.
    ///
    /// ```
    /// # let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/scenarios");
    /// let s = tongda_core::scenario::Scenario::load(&dir.join("no-central-line.toml")).unwrap();
    /// assert_eq!(s.edit_reports.len(), 1);
    /// assert!(s.network.links.len() < s.base.links.len());
    /// ```
    pub fn load(path: &Path) -> Result<Scenario> {
        Scenario::load_with_geodata(path, None)
    }

    /// Reads a scenario file and builds it on `geodata` instead of the
    /// directory its `geodata` key names (the CLI's `--geodata DIR`; a
    /// relative `geodata` is taken from the current directory, not from the
    /// scenario file's).
    pub fn load_with_geodata(path: &Path, geodata: Option<&Path>) -> Result<Scenario> {
        let mut spec = Scenario::parse_spec(&read(path)?, path)?;
        if let Some(g) = geodata {
            spec.geodata = std::path::absolute(g).map_err(|source| Error::Io {
                path: g.to_path_buf(),
                source,
            })?;
        }
        Scenario::build(spec, path)
    }

    /// Parses the text of a scenario file read from `path` (named in diagnostics).
    pub fn parse_spec(text: &str, path: &Path) -> Result<ScenarioSpec> {
        let spec: ScenarioSpec = toml::from_str(text).map_err(|e| {
            Error::Invalid(vec![Diagnostic::error(
                path,
                None,
                format!("not a valid scenario: {}", e.to_string().trim()),
                "see the README, section \"Scenarios\", for the scenario format",
            )])
        })?;
        crate::io::keys::check_toml(text, path, crate::io::keys::edit_table_errors)?;
        Ok(spec)
    }

    /// Directory that relative paths in the scenario are resolved against.
    pub fn dir(&self) -> &Path {
        self.file.parent().unwrap_or(Path::new("."))
    }

    /// Builds a scenario from its spec; `file` is where it was read from.
    pub fn build(spec: ScenarioSpec, file: &Path) -> Result<Scenario> {
        let loaded = Scenario::read_inputs(&spec, file)?;
        Scenario::resolve(spec, file, loaded)
    }

    /// Reads and validates the geodata, the time model and the added links.
    fn read_inputs(spec: &ScenarioSpec, file: &Path) -> Result<Loaded> {
        let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        let geodata = dir.join(&spec.geodata);
        let mut sources = Vec::new();
        for f in geodata_files(&geodata)? {
            let text = read(&f)?;
            sources.push((f, text));
        }
        // The geodata is parsed once: joined alone here (the base network),
        // and below with the links the edits add.
        let mut parsed = Parsed::default();
        parsed.add(&sources);
        let mut base = parsed.clone().join().into_network()?;
        let mut service_diags = Vec::new();
        crate::io::services::attach_services(&geodata, &mut base, &mut service_diags);
        crate::io::ranges::attach_ranges(&geodata, &mut base, &mut service_diags);
        if !service_diags.is_empty() {
            return Err(Error::Invalid(service_diags));
        }

        // Time model: defaults, then the geodata's timemodel.toml, then [params].
        let mut time_model = TimeModel::default();
        let tm_file = geodata.join("timemodel.toml");
        if tm_file.exists() {
            time_model =
                TimeModel::from_toml_overrides(&read(&tm_file)?, &tm_file.display().to_string())?;
        }
        if let Some(p) = &spec.params {
            time_model = time_model.overlay(
                toml::Value::Table(p.clone()),
                &format!("{} [params]", file.display()),
            )?;
        }

        // Pass 1a: added links go through the same loader as the geodata.
        let mut diags: Vec<Diagnostic> = Vec::new();
        let mut added_ids: Vec<Vec<String>> = vec![Vec::new(); spec.edits.len()];
        let mut added = Vec::new();
        for (k, e) in spec.edits.iter().enumerate() {
            let label = edit_label(file, k, e);
            let text = match e {
                Edit::AddLinks { file: f } => match read(&dir.join(f)) {
                    Ok(t) => t,
                    Err(err) => {
                        diags.push(Diagnostic::error(
                            file,
                            None,
                            format!("{label}: {err}"),
                            "check the path (relative to the scenario file)",
                        ));
                        continue;
                    }
                },
                Edit::AddLink { via, properties } => match inline_feature(&base, via, properties) {
                    Ok(t) => t,
                    Err(err) => {
                        diags.push(Diagnostic::error(
                            file,
                            None,
                            format!("{label}: {}", err.message),
                            err.fix,
                        ));
                        continue;
                    }
                },
                _ => continue,
            };
            added_ids[k] = feature_ids(&text);
            let src_label = match e {
                Edit::AddLinks { file: f } => dir.join(f),
                _ => PathBuf::from(format!("{} {label}", file.display())),
            };
            added.push((src_label, text));
        }
        parsed.add(&added);
        let combined = parsed.join();
        diags.extend(
            combined
                .diagnostics
                .iter()
                .filter(|d| d.severity == crate::Severity::Error)
                .cloned(),
        );
        let mut network = match combined.network {
            Some(n) if diags.is_empty() => n,
            _ => return Err(Error::Invalid(diags)),
        };
        network.services = base.services.clone();
        network.ranges = base.ranges.clone();
        Ok(Loaded {
            base,
            combined: network,
            time_model,
            added_ids,
        })
    }

    /// Checks the year-dependent parts and applies the edits (no file is read).
    fn resolve(spec: ScenarioSpec, file: &Path, loaded: Loaded) -> Result<Scenario> {
        let network = &loaded.combined;
        let added_ids = &loaded.added_ids;
        let mut diags: Vec<Diagnostic> = Vec::new();

        // A name for the reports; a year and statuses that leave a network to route on.
        if spec.name.trim().is_empty() {
            diags.push(Diagnostic::error(
                file,
                None,
                "`name` is empty: reports and comparisons could not say which scenario they show"
                    .into(),
                "give the scenario a short name, e.g. name = \"plan-2030\"",
            ));
        }
        if let Err(e) = network.check_year(spec.year) {
            diags.push(Diagnostic::error(file, None, e.message, &e.fix));
        }
        if spec.statuses.is_empty() {
            diags.push(Diagnostic::error(
                file,
                None,
                "`statuses = []` allows no link: nothing would exist".into(),
                "list the statuses to use, e.g. [\"open\"] for the network as built, or leave `statuses` out for open, under_construction and planned",
            ));
        }

        // Pass 1b: resolve the other edits; collect every error.
        let mut resolved = Vec::new();
        for (k, e) in spec.edits.iter().enumerate() {
            // Edits added by `derive` (never add edits) brought no ids.
            let added = added_ids.get(k).map_or(&[][..], Vec::as_slice);
            match edits::resolve(network, e, added, spec.year) {
                Ok(r) => resolved.push(r),
                Err(err) => diags.push(Diagnostic::error(
                    file,
                    None,
                    format!("{}: {}", edit_label(file, k, e), err.message),
                    err.fix,
                )),
            }
        }
        if !diags.is_empty() {
            return Err(Error::Invalid(diags));
        }

        // Pass 2: apply in order to a copy.
        Ok(Scenario::finish(
            spec,
            file,
            &loaded.combined,
            &resolved,
            loaded.clone(),
        ))
    }

    fn finish(
        spec: ScenarioSpec,
        file: &Path,
        network: &Network,
        resolved: &[Box<dyn Apply>],
        loaded: Loaded,
    ) -> Scenario {
        let applied = edits::apply(network, resolved);
        let forced_projects = resolved
            .iter()
            .filter_map(|r| r.opens().map(String::from))
            .collect();
        let mut edited = network.clone();
        edited.set_links(applied.links);
        edited.services = applied.services;
        edited.ranges = applied.ranges;
        Scenario {
            spec,
            file: file.to_path_buf(),
            base: loaded.base.clone(),
            network: edited,
            time_model: loaded.time_model.clone(),
            edit_reports: applied.reports,
            forced_projects,
            loaded,
        }
    }

    /// This scenario with further edits (no `add_links`/`add_link`), resolved
    /// against its edited network — cheap, no files are read. Used by `rank`.
    pub fn derive(&self, extra: &[Edit]) -> Result<Scenario> {
        let mut diags = Vec::new();
        let mut resolved = Vec::new();
        for (k, e) in extra.iter().enumerate() {
            if matches!(e, Edit::AddLinks { .. } | Edit::AddLink { .. }) {
                return Err(Error::BadParameter("derive() takes no add edits".into()));
            }
            match edits::resolve(&self.network, e, &[], self.spec.year) {
                Ok(r) => resolved.push(r),
                Err(err) => diags.push(Diagnostic::error(
                    &self.file,
                    None,
                    format!("extra edit #{} ({}): {}", k + 1, e.kind(), err.message),
                    err.fix,
                )),
            }
        }
        if !diags.is_empty() {
            return Err(Error::Invalid(diags));
        }
        let mut s = Scenario::finish(
            self.spec.clone(),
            &self.file,
            &self.network,
            &resolved,
            self.loaded.clone(),
        );
        s.time_model = self.time_model.clone();
        let mut forced = self.forced_projects.clone();
        forced.extend(s.forced_projects);
        s.forced_projects = forced;
        let mut reports = self.edit_reports.clone();
        reports.extend(s.edit_reports);
        s.edit_reports = reports;
        s.spec.edits.extend(extra.iter().cloned());
        Ok(s)
    }

    /// The same scenario in another year (edits re-applied).
    pub fn with_year(&self, year: i32) -> Result<Scenario> {
        let mut spec = self.spec.clone();
        spec.year = year;
        Scenario::resolve(spec, &self.file, self.loaded.clone())
    }

    /// The goal file named by the scenario, resolved against its directory.
    pub fn goals_path(&self) -> Option<PathBuf> {
        self.spec.goals.as_ref().map(|g| self.dir().join(g))
    }

    /// Every file and directory this scenario was read from (scenario file,
    /// geodata directory, goal file, added-link files): no output of a run
    /// may overwrite them ([`crate::io::atomic::check_outputs`]).
    pub fn inputs(&self) -> Vec<PathBuf> {
        let mut v = vec![self.file.clone(), self.dir().join(&self.spec.geodata)];
        v.extend(self.goals_path());
        for e in &self.spec.edits {
            if let Edit::AddLinks { file } = e {
                v.push(self.dir().join(file));
            }
        }
        v
    }
}

fn edit_label(_file: &Path, k: usize, e: &Edit) -> String {
    format!("edit #{} ({})", k + 1, e.kind())
}

/// Ids of the features of a GeoJSON text (best effort; the loader reports problems).
fn feature_ids(text: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    v.get("features")
        .and_then(|f| f.as_array())
        .map(|fs| {
            fs.iter()
                .filter_map(|f| {
                    f.pointer("/properties/id")
                        .and_then(|i| i.as_str())
                        .map(String::from)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A one-feature FeatureCollection for an inline `add_link` edit; an error
/// names each end that is missing or names no node.
fn inline_feature(
    base: &Network,
    via: &[[f64; 2]],
    properties: &std::collections::BTreeMap<String, serde_json::Value>,
) -> std::result::Result<String, EditError> {
    let mut problems = Vec::new();
    let mut end = |key: &str| -> Option<[f64; 2]> {
        let Some(id) = properties.get(key).and_then(|v| v.as_str()) else {
            problems.push(format!("missing `{key}` (a node id)"));
            return None;
        };
        let Some(n) = base.node(id) else {
            let c = crate::text::closest(id, base.nodes.iter().map(|n| n.id.as_str()), 3);
            problems.push(format!(
                "`{key}` names unknown node \"{id}\" (closest: {})",
                c.join(", ")
            ));
            return None;
        };
        Some([n.coord.x, n.coord.y])
    };
    let (a, b) = (end("from"), end("to"));
    let (Some(a), Some(b)) = (a, b) else {
        return Err(EditError {
            message: problems.join("; "),
            fix: "use node ids from the geodata in `from` and `to`",
        });
    };
    let mut coords = vec![a];
    coords.extend_from_slice(via);
    coords.push(b);
    let feature = serde_json::json!({
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords}, "properties": properties}]
    });
    Ok(feature.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::BTreeMap;

    #[test]
    fn an_inline_link_names_each_end_it_cannot_use() {
        let mini = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
        let net = crate::io::load_geodata(&mini)
            .and_then(|r| r.into_network())
            .expect("the mini network");
        let props = |ends: &[(&str, &str)]| -> BTreeMap<String, serde_json::Value> {
            ends.iter()
                .map(|(k, v)| (k.to_string(), json!(v)))
                .collect()
        };
        let err = inline_feature(&net, &[], &props(&[("from", "chengdoo")])).expect_err("bad ends");
        assert!(
            err.message
                .starts_with("`from` names unknown node \"chengdoo\" (closest: chengdu")
                && err.message.ends_with("; missing `to` (a node id)"),
            "{}",
            err.message
        );
        assert_eq!(err.fix, "use node ids from the geodata in `from` and `to`");
        let text = inline_feature(&net, &[], &props(&[("from", "chengdu"), ("to", "chengdu")]))
            .expect("two known ends");
        assert!(text.contains("\"LineString\""), "{text}");
    }
}
