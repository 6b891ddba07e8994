//! Network inventory: kilometres by mode, status and province for one year,
//! compared with official totals and targets to state how complete the data are.
//!
//! A link belongs to the province of its endpoints; a link whose endpoints lie
//! in different provinces counts half to each (the boundary crossing is not
//! located). Links with `inventory: false` (a second line on shared track) and
//! access connectors are not counted.

use crate::model::{Mode, Network, Province, Status};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Aggregates used by official statistics and the seed targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 高铁: `hsr` links plus `intercity` links designed for ≥ 200 km/h.
    Hsr,
    /// 铁路: all national rail (`hsr`, `intercity`, `conventional_rail`); not 市域铁路.
    Rail,
    /// 高速公路.
    Expressway,
}

impl Category {
    /// All categories.
    pub const ALL: [Category; 3] = [Category::Hsr, Category::Rail, Category::Expressway];

    /// True if the link counts towards this category.
    pub fn contains(self, mode: Mode, design_speed_kmh: Option<f64>) -> bool {
        match self {
            Category::Hsr => {
                mode == Mode::Hsr
                    || (mode == Mode::Intercity && design_speed_kmh.unwrap_or(0.0) >= 200.0)
            }
            Category::Rail => matches!(mode, Mode::Hsr | Mode::Intercity | Mode::ConventionalRail),
            Category::Expressway => mode == Mode::Expressway,
        }
    }

    /// Name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Hsr => "hsr",
            Category::Rail => "rail",
            Category::Expressway => "expressway",
        }
    }
}

/// An official total or a policy target to compare the data with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    /// Province.
    pub province: Province,
    /// Category.
    pub category: Category,
    /// Year the figure refers to.
    pub year: i32,
    /// Kilometres.
    pub km: f64,
    /// `official` (a statistic) or `target` (a policy goal).
    pub kind: String,
    /// Where the figure comes from.
    pub source: String,
}

/// Kilometres by mode × status × province for one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inventory {
    /// The year.
    pub year: i32,
    /// `(mode, status, province) → km`.
    pub km: BTreeMap<(Mode, Status, Province), f64>,
}

impl Inventory {
    /// Counts the links existing in `year` (any status).
    ///
    /// ```
    /// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
    /// let net = tongda_core::io::load_geodata(&mini).unwrap().into_network().unwrap();
    /// let inv = tongda_core::inventory::Inventory::of(&net, 2030);
    /// assert!(inv.total(|m, _, _| m == tongda_core::model::Mode::Hsr) > 500.0);
    /// ```
    pub fn of(net: &Network, year: i32) -> Inventory {
        let mut km: BTreeMap<(Mode, Status, Province), f64> = BTreeMap::new();
        for l in net
            .links
            .iter()
            .filter(|l| l.inventory && l.mode != Mode::Access && l.exists_in(year))
        {
            let pa = net.nodes[l.from as usize].province;
            let pb = net.nodes[l.to as usize].province;
            for (p, share) in [(pa, 0.5), (pb, 0.5)] {
                *km.entry((l.mode, l.status, p)).or_insert(0.0) += share * l.length_km;
            }
        }
        Inventory { year, km }
    }

    /// Sum over the entries accepted by `keep`.
    pub fn total(&self, keep: impl Fn(Mode, Status, Province) -> bool) -> f64 {
        // + 0.0 turns the empty sum's −0.0 into 0.0
        self.km
            .iter()
            .filter(|((m, s, p), _)| keep(*m, *s, *p))
            .map(|(_, v)| v)
            .sum::<f64>()
            + 0.0
    }

    /// Kilometres of a category in a province, counting the given statuses.
    pub fn category_km(&self, net: &Network, c: Category, p: Province, statuses: &[Status]) -> f64 {
        // Category membership depends on design speed, so recount from the links.
        net.links
            .iter()
            .filter(|l| l.inventory && l.exists_in(self.year) && statuses.contains(&l.status))
            .filter(|l| c.contains(l.mode, l.design_speed_kmh))
            .map(|l| {
                let share = [l.from, l.to]
                    .iter()
                    .filter(|&&n| net.nodes[n as usize].province == p)
                    .count() as f64
                    / 2.0;
                share * l.length_km
            })
            .sum::<f64>()
            + 0.0
    }
}

/// Reads `inventory_reference.csv` (`province,category,year,km,kind,source`).
pub fn read_references(path: &Path) -> Result<Vec<Reference>> {
    let err = |e: csv::Error| {
        Error::BadParameter(format!(
            "{}: {e} — rows need province,category,year,km,kind,source",
            path.display()
        ))
    };
    let mut rdr = csv::Reader::from_path(path).map_err(err)?;
    rdr.deserialize().map(|r| r.map_err(err)).collect()
}
