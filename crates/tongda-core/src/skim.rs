//! Many-to-many travel times (skims), parallel over origins.

use crate::graph::{RoutingGraph, Weight};
use crate::io::csv_out::{field, push_row};
use crate::model::NodeIdx;
use crate::route::{Dijkstra, Endpoint, LegKind};
use crate::timemodel::Measure;
use rayon::prelude::*;
use std::fmt::Write;

/// Travel times from every origin to every destination for one measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skim {
    /// Origin nodes (rows).
    pub origins: Vec<NodeIdx>,
    /// Destination nodes (columns).
    pub destinations: Vec<NodeIdx>,
    /// The measure.
    pub measure: Measure,
    /// Row-major seconds; `None` where unreachable.
    pub seconds: Vec<Option<Weight>>,
}

impl Skim {
    /// Computes the skim with one Dijkstra per origin, in parallel (rayon),
    /// the origins of each rayon job reusing one Dijkstra's buffers
    /// (`map_init`). The result does not depend on the number of threads.
    ///
    /// ```
    /// # let mini = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mini");
    /// use tongda_core::{graph::{GraphSpec, RoutingGraph}, skim::Skim, Measure, Profile, TimeModel};
    /// let net = tongda_core::io::load_geodata(&mini).unwrap().into_network().unwrap();
    /// let g = RoutingGraph::compile(&net, &TimeModel::default(), &GraphSpec::new(Profile::Passenger, 2024));
    /// let places: Vec<u32> = (0..net.nodes.len() as u32).filter(|&i| net.nodes[i as usize].kind.is_place()).collect();
    /// let skim = Skim::compute(&g, &places, &places, Measure::DoorToDoor);
    /// assert_eq!(skim.get(0, 0), Some(0));
    /// assert!(skim.get(0, 1).is_some());
    /// ```
    pub fn compute(
        g: &RoutingGraph,
        origins: &[NodeIdx],
        destinations: &[NodeIdx],
        measure: Measure,
    ) -> Skim {
        let seconds = searches(g, origins, destinations, measure, |dj, _, t| dj.distance(t));
        Skim {
            origins: origins.to_vec(),
            destinations: destinations.to_vec(),
            measure,
            seconds,
        }
    }

    /// The freight in-vehicle skim: for each pair, the moving time (rides
    /// and drives, [`crate::route::Route::moving_seconds`]) of the fastest
    /// door-to-door route, so it is never longer than the door-to-door
    /// skim. One search per origin (in parallel); the route's legs are
    /// rebuilt per destination from the search tree, as the router does.
    pub fn moving(
        net: &crate::model::Network,
        g: &RoutingGraph,
        origins: &[NodeIdx],
        destinations: &[NodeIdx],
    ) -> Skim {
        let moving = |dj: &Dijkstra, src: &Endpoint, t: u32| {
            dj.distance(t)?;
            let source = dj.path_source(t);
            let initial = (src.sources.iter())
                .filter(|(v, _)| *v == source)
                .map(|(_, w)| *w)
                .min()
                .unwrap_or(0);
            let legs = crate::route::legs_of_path(net, g, source, initial, &dj.path_arcs(t));
            Some(
                (legs.iter())
                    .filter(|l| matches!(l.kind, LegKind::Ride | LegKind::Drive))
                    .map(|l| l.seconds)
                    .sum(),
            )
        };
        Skim {
            origins: origins.to_vec(),
            destinations: destinations.to_vec(),
            measure: Measure::InVehicle,
            seconds: searches(g, origins, destinations, Measure::DoorToDoor, moving),
        }
    }

    /// Seconds from origin row `i` to destination column `j`.
    pub fn get(&self, i: usize, j: usize) -> Option<Weight> {
        self.seconds[i * self.destinations.len() + j]
    }
}

/// Minutes with one decimal, from seconds (empty when unreachable).
fn minutes(sec: Option<u32>) -> String {
    sec.map_or(String::new(), |s| {
        format!("{:.1}", crate::units::tenths_of_minutes(s))
    })
}

/// A skim table: `origin,origin_name,destination,destination_name`, then one
/// `<measure>_min` column per skim (all skims share origins and destinations).
/// Returns the CSV text and the number of empty (unreachable) cells.
pub fn skim_csv(net: &crate::model::Network, skims: &[&Skim]) -> (String, usize) {
    let mut out = String::new();
    let mut head = vec![
        "origin".to_string(),
        "origin_name".into(),
        "destination".into(),
        "destination_name".into(),
    ];
    head.extend(
        skims
            .iter()
            .map(|s| format!("{}_min", s.measure.as_str().replace('-', "_"))),
    );
    push_row(&mut out, head.iter().map(String::as_str));
    let Some(first) = skims.first() else {
        return (out, 0);
    };
    let mut empty = 0;
    for (i, &o) in first.origins.iter().enumerate() {
        for (j, &d) in first.destinations.iter().enumerate() {
            let (on, dn) = (&net.nodes[o as usize], &net.nodes[d as usize]);
            let _ = write!(
                out,
                "{},{},{},{}",
                field(&on.id),
                field(&on.name_zh),
                field(&dn.id),
                field(&dn.name_zh)
            );
            for s in skims {
                let v = s.get(i, j);
                empty += usize::from(v.is_none());
                out.push(',');
                out.push_str(&minutes(v));
            }
            out.push('\n');
        }
    }
    (out, empty)
}

/// One search per origin (in parallel, each worker reusing its buffers);
/// per destination, `cell` of its nearest target vertex that the origin
/// may arrive at (`Some(0)` from a place to itself). Row-major.
fn searches(
    g: &RoutingGraph,
    origins: &[NodeIdx],
    destinations: &[NodeIdx],
    measure: Measure,
    cell: impl Fn(&Dijkstra, &Endpoint, u32) -> Option<Weight> + Sync,
) -> Vec<Option<Weight>> {
    let targets: Vec<Vec<u32>> = (destinations.iter())
        .map(|&d| Endpoint::new(g, d, measure).targets)
        .collect();
    let n = g.csr.num_vertices();
    let rows: Vec<Vec<Option<Weight>>> = origins
        .par_iter()
        .map_init(
            || Dijkstra::new(n),
            |dj, &o| {
                let src = Endpoint::new(g, o, measure);
                dj.run(&g.csr, &src.sources);
                (destinations.iter().zip(&targets))
                    .map(|(&d, ts)| {
                        if d == o {
                            return Some(0);
                        }
                        let nearest = (ts.iter().copied())
                            .filter(|&t| Endpoint::arrives(&src, t))
                            .filter_map(|t| dj.distance(t).map(|w| (w, t)))
                            .min()?;
                        cell(dj, &src, nearest.1)
                    })
                    .collect()
            },
        )
        .collect();
    rows.concat()
}
