//! The scenario file format (TOML), as serde types.

use crate::model::Status;
use crate::timemodel::Profile;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A scenario file: which network, which year, which statuses, which edits.
///
/// ```toml
/// name = "whatif-2030-no-zhongxian"
/// description = "2030 without the Chengdu–Chongqing central line"
/// geodata = "../geodata"
/// year = 2030
/// statuses = ["open", "under_construction", "planned"]
/// goals = "goals.toml"
///
/// [[edits]]
/// type = "remove_project"
/// project = "chengyu_zhongxian_hsr"
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioSpec {
    /// Short name, shown in reports and comparisons; may not be empty.
    pub name: String,
    /// What the scenario is, for the report.
    #[serde(default)]
    pub description: String,
    /// Geodata directory, relative to the scenario file.
    pub geodata: PathBuf,
    /// Network year: links with `open_year <= year` (not retired) exist.
    pub year: i32,
    /// Link statuses allowed.
    #[serde(default = "default_statuses")]
    pub statuses: Vec<Status>,
    /// Profile of the skim written with the report.
    #[serde(default = "default_profile")]
    pub profile: Profile,
    /// Goal file, relative to the scenario file.
    #[serde(default)]
    pub goals: Option<PathBuf>,
    /// Time-model overrides, same structure as `timemodel.toml`.
    #[serde(default)]
    pub params: Option<toml::Table>,
    /// Edits applied to the network, in order.
    #[serde(default)]
    pub edits: Vec<Edit>,
}

fn default_statuses() -> Vec<Status> {
    vec![Status::Open, Status::UnderConstruction, Status::Planned]
}

fn default_profile() -> Profile {
    Profile::Passenger
}

/// One modification of the network (R5's "modifications"), tagged by `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Edit {
    /// Add the nodes and links of a GeoJSON file (relative to the scenario file).
    AddLinks {
        /// The file.
        file: PathBuf,
    },
    /// Add one link inline; `properties` are those of a geodata link; the
    /// geometry is `from`, the optional `via` positions, then `to`.
    AddLink {
        /// Intermediate `[lon, lat]` positions.
        #[serde(default)]
        via: Vec<[f64; 2]>,
        /// Link properties (`id`, `from`, `to`, `mode`, `design_speed_kmh`, …).
        #[serde(flatten)]
        properties: BTreeMap<String, serde_json::Value>,
    },
    /// Remove every link of a project.
    RemoveProject {
        /// Project id.
        project: String,
    },
    /// Remove links by id.
    RemoveLinks {
        /// Link ids.
        links: Vec<String>,
    },
    /// Change the speed of a project's links, or of listed links.
    SetSpeed {
        /// Project id (or give `links`).
        #[serde(default)]
        project: Option<String>,
        /// Link ids (or give `project`).
        #[serde(default)]
        links: Vec<String>,
        /// New design speed, km/h.
        #[serde(default)]
        design_speed_kmh: Option<f64>,
        /// New operating speed cap, km/h.
        #[serde(default)]
        operating_speed_kmh: Option<f64>,
    },
    /// Change the access time between a place and a facility.
    SetAccess {
        /// Place id.
        place: String,
        /// Station, port, airport or interchange id.
        facility: String,
        /// New minutes each way.
        minutes: f64,
    },
    /// Open a project in a given year (default: the scenario's year), whatever its status.
    OpenProject {
        /// Project id.
        project: String,
        /// Opening year.
        #[serde(default)]
        year: Option<i32>,
    },
    /// Add a rail service (the keys of a `[[service]]` table of `services.toml`).
    AddService {
        /// The service.
        #[serde(flatten)]
        service: crate::io::services::ServiceSpec,
    },
    /// Remove a rail service.
    RemoveService {
        /// Service id.
        service: String,
    },
    /// Change how often a service runs: `headway_min` or `per_day`.
    SetHeadway {
        /// Service id.
        service: String,
        /// New peak headway, minutes.
        #[serde(default)]
        headway_min: Option<f64>,
        /// New trains per day in each direction.
        #[serde(default)]
        per_day: Option<f64>,
    },
    /// Sets (or overrides) the uncertain range of a project's or listed
    /// links' speed or opening year, for `run --draws` (README "Robustness").
    SetRange {
        /// The range, as a `[[range]]` table of `ranges.toml`.
        #[serde(flatten)]
        range: crate::io::ranges::RangeSpec,
    },
}

impl Edit {
    /// The `type` tag, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Edit::AddLinks { .. } => "add_links",
            Edit::AddLink { .. } => "add_link",
            Edit::RemoveProject { .. } => "remove_project",
            Edit::RemoveLinks { .. } => "remove_links",
            Edit::SetSpeed { .. } => "set_speed",
            Edit::SetAccess { .. } => "set_access",
            Edit::OpenProject { .. } => "open_project",
            Edit::AddService { .. } => "add_service",
            Edit::RemoveService { .. } => "remove_service",
            Edit::SetHeadway { .. } => "set_headway",
            Edit::SetRange { .. } => "set_range",
        }
    }
}
