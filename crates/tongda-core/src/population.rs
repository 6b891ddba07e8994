//! Population units: the places' 2020 census populations, made non-overlapping.
//!
//! A place's `population` includes its children's (Suining includes Anju), so
//! each place is weighted by its own population minus its children's: the
//! remainder lives at the parent's centre. Weights therefore sum to the
//! population of the top-level places, each person counted once.

use crate::model::{Network, NodeIdx};

/// `(place, persons)` for every place with a positive non-overlapping weight, in node order.
///
/// ```
/// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
/// let net = tongda_core::io::load_geodata(&mini).unwrap().into_network().unwrap();
/// let units = tongda_core::population::units(&net);
/// let suining = net.node_idx("suining").unwrap();
/// let anju = net.node_idx("sn_anju").unwrap();
/// let w = |n| units.iter().find(|u| u.0 == n).unwrap().1;
/// assert_eq!(w(suining) + w(anju), 2_814_196); // Suining's total, counted once
/// ```
pub fn units(net: &Network) -> Vec<(NodeIdx, u64)> {
    // i128: exact for any u64 population and any number of children (the
    // loader bounds populations, but nothing here may wrap whatever it gets).
    let mut own: Vec<i128> = net
        .nodes
        .iter()
        .map(|n| {
            if n.kind.is_place() {
                i128::from(n.population.unwrap_or(0))
            } else {
                0
            }
        })
        .collect();
    for n in net.nodes.iter().filter(|n| n.kind.is_place()) {
        if let (Some(parent), Some(pop)) = (
            n.parent.as_deref().and_then(|p| net.node_idx(p)),
            n.population,
        ) {
            own[parent as usize] -= i128::from(pop);
        }
    }
    own.iter()
        .enumerate()
        .filter(|(_, &w)| w > 0)
        .map(|(i, &w)| (i as NodeIdx, u64::try_from(w).unwrap_or(u64::MAX)))
        .collect()
}

/// Total persons over all units (saturating at `u64::MAX`, which the
/// loader's bound on populations keeps far away).
pub fn total(units: &[(NodeIdx, u64)]) -> u64 {
    units
        .iter()
        .try_fold(0u64, |acc, u| acc.checked_add(u.1))
        .unwrap_or(u64::MAX)
}
