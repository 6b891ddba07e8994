//! `kind = "inventory"`: network kilometres of a province against the
//! plan's targets (G8). Only as good as the data's coverage of official
//! totals (see `tongda inventory`).

use super::result::{Details, InventoryDetails, InventoryRow};
use super::spec::KmTarget;
use super::{too_short, Evaluator, GoalResult, Kind, NodeIds};
use super::{Outcome, Times};
use crate::model::{Province, Status};
use serde::{Deserialize, Serialize};

/// An inventory goal as written in the goal file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inventory {
    /// Province.
    pub province: Province,
    /// Targets.
    pub targets: Vec<KmTarget>,
}

/// An inventory goal names no places: the checked goal is the goal.
pub type Checked = Inventory;

impl Kind for Inventory {
    type Checked = Checked;

    fn bad_values(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> =
            too_short("targets", self.targets.len(), 1, "inventory")
                .into_iter()
                .collect();
        for t in self
            .targets
            .iter()
            .filter(|t| !(t.km.is_finite() && t.km > 0.0))
        {
            out.push((
                format!(
                    "target `{}`: `km` = {} is not a positive number of kilometres",
                    t.category.as_str(),
                    t.km
                ),
                "give the target in kilometres, e.g. km = 1900".into(),
            ));
        }
        out
    }

    fn check(&self, _: &mut NodeIds) -> Option<Checked> {
        Some(self.clone())
    }

    fn evaluate(g: &Checked, ev: &mut Evaluator, r: &mut GoalResult) {
        let sc = ev.scenario();
        let inv = crate::inventory::Inventory::of(&sc.network, sc.spec.year);
        let targets: Vec<InventoryRow> = g
            .targets
            .iter()
            .map(|t| InventoryRow {
                category: t.category,
                data_km: inv.category_km(&sc.network, t.category, g.province, &Status::ALL),
                target_km: t.km,
            })
            .collect();
        let short = targets.iter().find(|t| t.data_km < t.target_km);
        r.worst = short.map(|t| {
            format!(
                "{} {:.0} of {:.0} km",
                t.category.as_str(),
                t.data_km,
                t.target_km
            )
        });
        r.pass = short.is_none();
        r.details = Details::Inventory(InventoryDetails {
            province: g.province,
            targets,
            year: sc.spec.year,
        });
    }

    fn outcome(g: &Checked, t: &mut dyn Times) -> Outcome {
        let net = t.network();
        let inv = crate::inventory::Inventory::of(net, t.year());
        let short: Vec<f64> = (g.targets.iter())
            .map(|k| inv.category_km(net, k.category, g.province, &Status::ALL) - k.km)
            .collect();
        Outcome {
            pass: short.iter().all(|&d| d >= 0.0),
            margin: short.into_iter().reduce(f64::min).map(crate::units::round1),
        }
    }
}
