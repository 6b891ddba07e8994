//! One origin–destination pair on a compiled graph, and the verdict over a
//! list of pairs: the building blocks of the pair-based kinds.

use super::result::{LegView, PairResult, ProjectRef};
use crate::graph::RoutingGraph;
use crate::model::{Mode, Network, NodeIdx, Status};
use crate::route::{LegKind, Route, Router};
use crate::timemodel::{Measure, Profile};
use crate::units::round1;

/// One pair on `g`: the judged measure's route (legs) and the other
/// measure's minutes.
pub(super) fn pair_on(
    net: &Network,
    g: &RoutingGraph,
    search: &mut tongda_sssp::Dijkstra,
    (a, b): (NodeIdx, NodeIdx),
    measure: Measure,
    threshold: f64,
) -> PairResult {
    let buffers = std::mem::replace(search, tongda_sssp::Dijkstra::new(0));
    let mut router = Router::with_dijkstra(net, g, buffers);
    // Freight: in-vehicle is the moving time of the door-to-door route (see
    // `Route::moving_seconds`), so it is never longer than door to door.
    let freight = g.spec.profile == Profile::Freight;
    let judged = if freight {
        router.route(a, b, Measure::DoorToDoor)
    } else {
        router.route(a, b, measure)
    };
    let other_measure = match measure {
        Measure::InVehicle => Measure::DoorToDoor,
        Measure::DoorToDoor => Measure::InVehicle,
    };
    let moving = |r: &Route| round1(f64::from(r.moving_seconds()) / 60.0);
    let other = if freight {
        judged.as_ref().map(|r| match other_measure {
            Measure::InVehicle => moving(r),
            Measure::DoorToDoor => round1(r.minutes()),
        })
    } else {
        router
            .seconds(a, b, other_measure)
            .map(|s| round1(f64::from(s) / 60.0))
    };
    *search = router.into_dijkstra();
    let minutes = judged.as_ref().map(|r| match (freight, measure) {
        (true, Measure::InVehicle) => moving(r),
        _ => round1(r.minutes()),
    });
    let (iv, dd) = match measure {
        Measure::InVehicle => (minutes, other),
        Measure::DoorToDoor => (other, minutes),
    };
    let legs: Vec<LegView> = judged
        .iter()
        .flat_map(|r| r.legs.iter())
        .map(|l| LegView::of(net, l))
        .collect();
    let pass = minutes.is_some_and(|m| m <= threshold);
    let bottleneck = if pass {
        None
    } else {
        legs.iter()
            .filter(|l| matches!(l.kind, LegKind::Ride | LegKind::Drive))
            .max_by(|x, y| x.minutes.total_cmp(&y.minutes))
            .cloned()
    };
    let node = |i: NodeIdx| &net.nodes[i as usize];
    PairResult {
        from: node(a).id.clone(),
        from_name: node(a).name_zh.clone(),
        to: node(b).id.clone(),
        to_name: node(b).name_zh.clone(),
        in_vehicle_min: iv,
        door_to_door_min: dd,
        minutes,
        margin_min: minutes.map(|m| round1(threshold - m)),
        pass,
        km: judged.as_ref().map(|r| round1(r.km())),
        legs,
        relies_on: judged.as_ref().map_or_else(Vec::new, |r| relies_on(net, r)),
        bottleneck,
    }
}

/// The not-yet-open projects a route uses, in the order it meets them.
fn relies_on(net: &Network, route: &Route) -> Vec<ProjectRef> {
    let mut out: Vec<ProjectRef> = Vec::new();
    for &l in route.legs.iter().flat_map(|l| l.links.iter()) {
        let link = &net.links[l as usize];
        if link.status != Status::Open
            && link.mode != Mode::Access
            && !out.iter().any(|q| q.project == link.project)
        {
            out.push(ProjectRef {
                project: link.project.clone(),
                name_zh: link.name_zh.clone(),
                status: link.status,
                open_year: link.open_year,
            });
        }
    }
    out
}

/// The slowest of the deciding pairs (unreachable counts as slowest).
pub fn slowest<'a>(pairs: &[&'a PairResult]) -> Option<&'a PairResult> {
    pairs.iter().copied().max_by(|a, b| {
        a.minutes
            .unwrap_or(f64::INFINITY)
            .total_cmp(&b.minutes.unwrap_or(f64::INFINITY))
    })
}

/// Pass if every deciding pair passes; the worst is the slowest. Sets
/// `pass`, `worst` and `value` of `out`.
pub(super) fn judge(out: &mut super::GoalResult, deciding: &[usize]) {
    let pairs: Vec<&PairResult> = deciding.iter().map(|&i| &out.pairs[i]).collect();
    let worst = slowest(&pairs);
    let pass = !pairs.is_empty() && pairs.iter().all(|p| p.pass);
    out.worst = worst.map(|w| format!("{} → {}", w.from_name, w.to_name));
    out.value = worst.and_then(|w| w.minutes);
    out.pass = pass;
}
