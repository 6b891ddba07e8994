//! Plain data types of the network model (serde-friendly enums and structs).

use geo::{Coord, LineString};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a node is. Places (`City`, `District`, `County`) carry population;
/// the others are facilities that serve a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A prefecture-level unit (地级市) or Chongqing's central urban area.
    City,
    /// A district (区).
    District,
    /// A county or county-level city (县 / 县级市).
    County,
    /// A railway station.
    Station,
    /// A river port.
    Port,
    /// An airport (a hub for reference; no air links are routed).
    Airport,
    /// A road interchange.
    Interchange,
}

impl NodeKind {
    /// All kinds, in their canonical order.
    pub const ALL: [NodeKind; 7] = [
        NodeKind::City,
        NodeKind::District,
        NodeKind::County,
        NodeKind::Station,
        NodeKind::Port,
        NodeKind::Airport,
        NodeKind::Interchange,
    ];

    /// The snake_case name used in the geodata.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::City => "city",
            NodeKind::District => "district",
            NodeKind::County => "county",
            NodeKind::Station => "station",
            NodeKind::Port => "port",
            NodeKind::Airport => "airport",
            NodeKind::Interchange => "interchange",
        }
    }

    /// True for places people live in (they carry population and are goal endpoints).
    pub fn is_place(self) -> bool {
        matches!(self, NodeKind::City | NodeKind::District | NodeKind::County)
    }

    /// True for nodes where scheduled services are boarded (stations and ports).
    pub fn is_terminal(self) -> bool {
        matches!(self, NodeKind::Station | NodeKind::Port)
    }
}

/// Province-level unit: Sichuan (川) or Chongqing (渝).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Province {
    /// 四川.
    Sc,
    /// 重庆.
    Cq,
}

impl Province {
    /// Both provinces, in their canonical order.
    pub const ALL: [Province; 2] = [Province::Sc, Province::Cq];

    /// The English name (for messages).
    pub fn name_en(self) -> &'static str {
        match self {
            Province::Sc => "Sichuan",
            Province::Cq => "Chongqing",
        }
    }

    /// The code used in the geodata (`sc` / `cq`).
    pub fn as_str(self) -> &'static str {
        match self {
            Province::Sc => "sc",
            Province::Cq => "cq",
        }
    }
}

/// Transport mode of a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// High-speed railway (≥ 250 km/h).
    Hsr,
    /// Intercity railway (城际).
    Intercity,
    /// Conventional (普速) railway.
    ConventionalRail,
    /// Suburban / metropolitan railway (市域铁路).
    SuburbanRail,
    /// Expressway (高速公路).
    Expressway,
    /// National or provincial highway.
    Highway,
    /// Navigable waterway.
    Waterway,
    /// Access connector between a place and a station, port, airport or interchange.
    Access,
}

impl Mode {
    /// All modes, in their canonical order.
    pub const ALL: [Mode; 8] = [
        Mode::Hsr,
        Mode::Intercity,
        Mode::ConventionalRail,
        Mode::SuburbanRail,
        Mode::Expressway,
        Mode::Highway,
        Mode::Waterway,
        Mode::Access,
    ];

    /// The snake_case name used in the geodata.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Hsr => "hsr",
            Mode::Intercity => "intercity",
            Mode::ConventionalRail => "conventional_rail",
            Mode::SuburbanRail => "suburban_rail",
            Mode::Expressway => "expressway",
            Mode::Highway => "highway",
            Mode::Waterway => "waterway",
            Mode::Access => "access",
        }
    }

    /// Parses the geodata name of a mode.
    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Rail modes.
    pub fn is_rail(self) -> bool {
        matches!(
            self,
            Mode::Hsr | Mode::Intercity | Mode::ConventionalRail | Mode::SuburbanRail
        )
    }

    /// Road modes.
    pub fn is_road(self) -> bool {
        matches!(self, Mode::Expressway | Mode::Highway)
    }

    /// Scheduled modes: boarded at a station or port, with a wait and a line.
    pub fn is_scheduled(self) -> bool {
        self.is_rail() || self == Mode::Waterway
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Planning status of a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// In service.
    Open,
    /// Under construction (在建).
    UnderConstruction,
    /// Planned and approved (规划).
    Planned,
    /// Proposed only (研究 / 谋划); alignment may be assumed.
    Proposed,
}

impl Status {
    /// All statuses, in their canonical order.
    pub const ALL: [Status; 4] = [
        Status::Open,
        Status::UnderConstruction,
        Status::Planned,
        Status::Proposed,
    ];

    /// The snake_case name used in the geodata.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::UnderConstruction => "under_construction",
            Status::Planned => "planned",
            Status::Proposed => "proposed",
        }
    }

    /// Parses the geodata name of a status.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// A node of the network: a place or a facility.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// Stable ASCII id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// What the node is.
    pub kind: NodeKind,
    /// Province-level unit.
    pub province: Province,
    /// 2020 census population (places only).
    pub population: Option<u64>,
    /// Containing place (places only).
    pub parent: Option<String>,
    /// The place a facility serves.
    pub city: Option<String>,
    /// Station/port processing minutes, overriding the time model's default.
    pub processing_min: Option<f64>,
    /// Stations: whether the fastest services stop here. `None` means the
    /// default rule of [`Network::is_express_stop`](crate::model::Network::is_express_stop).
    pub express_stop: Option<bool>,
    /// Stations: seconds an HSR or intercity train loses on each approach to
    /// this station (a slow throat or hub approach, read off a running-time
    /// ruler). Charged once when a ride starts or ends here and twice when it
    /// runs through; `None` means no loss beyond the time model's terms.
    pub approach_s: Option<f64>,
    /// Places: the stations of the place's central urban area that its own
    /// trains use (ids). In-vehicle times start and end there; when empty,
    /// the stations that serve the place (`city`) through an access connector.
    pub main_stations: Vec<String>,
    /// WGS84 position (x = longitude, y = latitude).
    pub coord: Coord<f64>,
    /// Where the facts come from.
    pub source: String,
}

/// A link between two nodes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// Stable ASCII id.
    pub id: String,
    /// Chinese name of the line or road.
    pub name_zh: String,
    /// English name of the line or road.
    pub name_en: String,
    /// Project this link belongs to (scenario edits address projects).
    pub project: String,
    /// Service line: changing line at a station is a transfer.
    pub line: String,
    /// Transport mode.
    pub mode: Mode,
    /// Start node (index into [`crate::model::Network::nodes`]).
    pub from: crate::model::NodeIdx,
    /// End node.
    pub to: crate::model::NodeIdx,
    /// Design speed, km/h (absent for access connectors).
    pub design_speed_kmh: Option<f64>,
    /// Published top operating speed, km/h, when below design speed (at
    /// opening, or throughout when [`Link::operating_speed_since`] is empty).
    pub operating_speed_kmh: Option<f64>,
    /// Later changes of the operating speed: `(first year, km/h)`, ascending by
    /// year. See [`Link::operating_speed_in`].
    pub operating_speed_since: Vec<(i32, f64)>,
    /// Roads: posted speed limit, km/h (often above an old road's design speed);
    /// when given, road cruise speeds are based on it instead of the design speed.
    pub speed_limit_kmh: Option<f64>,
    /// Waterways: vessel speed going upstream (to → from), km/h.
    pub speed_upstream_kmh: Option<f64>,
    /// Waterways: vessel speed going downstream (from → to), km/h.
    pub speed_downstream_kmh: Option<f64>,
    /// Length used for timing and inventory: declared, else geodesic.
    pub length_km: f64,
    /// Length declared in the data, if any.
    pub declared_length_km: Option<f64>,
    /// Access connectors: minutes each way.
    pub minutes: Option<f64>,
    /// Headway of the service, minutes (overrides the mode default).
    pub headway_min: Option<f64>,
    /// Planning status.
    pub status: Status,
    /// Year of opening (actual or planned).
    pub open_year: i32,
    /// Year from which the link no longer exists (replaced by an upgrade).
    pub retire_year: Option<i32>,
    /// Usable only from → to.
    pub oneway: bool,
    /// Rail: carries freight.
    pub freight: bool,
    /// Counted in the inventory (false for duplicated track).
    pub inventory: bool,
    /// Route geometry, WGS84.
    pub geometry: LineString<f64>,
    /// Where the facts come from.
    pub source: String,
}

impl Link {
    /// Top operating speed in `year`: the last `operating_speed_since` entry
    /// whose year is ≤ `year`, else `operating_speed_kmh`.
    ///
    /// ```
    /// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
    /// let net = tongda_core::io::load_geodata(&mini).unwrap().into_network().unwrap();
    /// let mut link = net.links[0].clone();
    /// link.operating_speed_kmh = Some(200.0);
    /// link.operating_speed_since = vec![(2016, 210.0), (2018, 250.0)];
    /// assert_eq!(link.operating_speed_in(2015), Some(200.0));
    /// assert_eq!(link.operating_speed_in(2017), Some(210.0));
    /// assert_eq!(link.operating_speed_in(2030), Some(250.0));
    /// ```
    pub fn operating_speed_in(&self, year: i32) -> Option<f64> {
        self.operating_speed_since
            .iter()
            .rev()
            .find(|(y, _)| *y <= year)
            .map(|&(_, v)| v)
            .or(self.operating_speed_kmh)
    }

    /// True if the link exists in `year` (opened, not yet retired).
    pub fn exists_in(&self, year: i32) -> bool {
        self.open_year <= year && self.retire_year.is_none_or(|r| year < r)
    }
}
