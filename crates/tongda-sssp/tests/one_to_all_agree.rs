//! The three engines behind `OneToAllSearch` (Dijkstra, the sweep, PHAST) and
//! the facade's `Search` give the same distances as two independent oracles:
//! Bellman–Ford on small random graphs, and a shortest-path certificate
//! (every arc relaxed, every reached vertex's distance achieved by an arc,
//! exactly the reachable vertices reached) on road-like synthetic grids.

use tongda_sssp::ch::ContractionHierarchy;
use tongda_sssp::sweep::SweepGraph;
use tongda_sssp::synth::{road_grid, SplitMix64};
use tongda_sssp::{
    prepare, CsrGraph, DijkstraSearch, Method, OneToAllSearch, PhastSearch, SweepSearch, VertexId,
    Weight, INFINITY,
};

type Arc = (VertexId, VertexId, Weight);

/// Bellman–Ford: relax every arc until nothing changes (`u64`, so no
/// saturation can hide an error); `None` = unreached.
fn bellman_ford(n: usize, arcs: &[Arc], source: VertexId) -> Vec<Option<u64>> {
    let mut d: Vec<Option<u64>> = vec![None; n];
    d[source as usize] = Some(0);
    for _ in 0..n {
        let mut changed = false;
        for &(t, h, w) in arcs {
            if let Some(dt) = d[t as usize] {
                let nd = dt + u64::from(w);
                let better = match d[h as usize] {
                    None => true,
                    Some(dh) => nd < dh,
                };
                if better {
                    d[h as usize] = Some(nd);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    d
}

/// A random multigraph: self-loops, parallel arcs, zero weights, and
/// weights from 0..max_w.
fn random_arcs(rng: &mut SplitMix64, n: usize, m: usize, max_w: u64) -> Vec<Arc> {
    (0..m)
        .map(|_| {
            let t = rng.below(n as u64) as VertexId;
            let h = rng.below(n as u64) as VertexId;
            let w = if rng.below(8) == 0 {
                0
            } else {
                rng.below(max_w)
            };
            (t, h, w as Weight)
        })
        .collect()
}

/// The distances of every engine from `source`, named.
fn all_engines(n: usize, arcs: &[Arc], sources: &[VertexId]) -> Vec<(String, Vec<Vec<Weight>>)> {
    let prepared: Vec<_> = [Method::Dijkstra, Method::Sweep, Method::Phast]
        .into_iter()
        .map(|m| prepare(n, arcs, m))
        .collect();
    let csr = CsrGraph::from_arcs(n, arcs).0;
    let sweep = SweepGraph::from_arcs(n, arcs);
    let ch = ContractionHierarchy::build(n, arcs);
    let mut searches: Vec<(String, Box<dyn OneToAllSearch + '_>)> = vec![
        ("dijkstra".into(), Box::new(DijkstraSearch::new(&csr))),
        ("sweep".into(), Box::new(SweepSearch::new(&sweep))),
        ("phast".into(), Box::new(PhastSearch::new(&ch))),
    ];
    for p in &prepared {
        searches.push((format!("facade {:?}", p.method()), Box::new(p.search())));
    }
    searches
        .into_iter()
        .map(|(name, mut s)| {
            assert_eq!(s.num_vertices(), n, "{name}");
            let runs = sources.iter().map(|&v| s.one_to_all(v).to_vec()).collect();
            (name, runs)
        })
        .collect()
}

fn as_option(d: Weight) -> Option<u64> {
    (d != INFINITY).then_some(u64::from(d))
}

#[test]
fn every_engine_matches_bellman_ford_on_random_graphs() {
    let mut rng = SplitMix64::new(2024);
    for case in 0..60 {
        let n = 1 + rng.below(120) as usize;
        let m = rng.below(4 * n as u64 + 1) as usize;
        let max_w = [2, 100, 1 << 20][case % 3];
        let arcs = random_arcs(&mut rng, n, m, max_w);
        let sources: Vec<VertexId> = (0..4).map(|_| rng.below(n as u64) as VertexId).collect();
        let want: Vec<Vec<Option<u64>>> =
            sources.iter().map(|&s| bellman_ford(n, &arcs, s)).collect();
        for (name, runs) in all_engines(n, &arcs, &sources) {
            for ((got, want), s) in runs.iter().zip(&want).zip(&sources) {
                let got: Vec<Option<u64>> = got.iter().map(|&d| as_option(d)).collect();
                assert_eq!(&got, want, "case {case}, {name}, source {s}, arcs {arcs:?}");
            }
        }
    }
}

/// Checks that `d` are the shortest distances from `source` in a graph with
/// positive weights: no arc can improve a distance, every reached vertex
/// but the source is reached through an arc that achieves its distance
/// (so, weights being positive, by a path of that length), and exactly the
/// vertices a search along the arcs reaches are reached.
fn certify(n: usize, arcs: &[Arc], source: VertexId, d: &[Weight]) {
    assert_eq!(d.len(), n);
    assert_eq!(d[source as usize], 0);
    let mut achieved = vec![false; n];
    let mut out: Vec<Vec<VertexId>> = vec![Vec::new(); n];
    for &(t, h, w) in arcs {
        assert!(w > 0, "the certificate needs positive weights");
        out[t as usize].push(h);
        if d[t as usize] == INFINITY {
            continue;
        }
        let via = u64::from(d[t as usize]) + u64::from(w);
        assert!(
            u64::from(d[h as usize]) <= via,
            "arc {t}->{h} ({w}) improves {} to {via}",
            d[h as usize]
        );
        achieved[h as usize] |= u64::from(d[h as usize]) == via;
    }
    let mut reachable = vec![false; n];
    let mut stack = vec![source];
    reachable[source as usize] = true;
    while let Some(v) = stack.pop() {
        for &h in &out[v as usize] {
            if !reachable[h as usize] {
                reachable[h as usize] = true;
                stack.push(h);
            }
        }
    }
    for v in 0..n {
        assert_eq!(d[v] != INFINITY, reachable[v], "vertex {v} reached?");
        if v != source as usize && d[v] != INFINITY {
            assert!(achieved[v], "no arc achieves the distance {} of {v}", d[v]);
        }
    }
}

#[test]
fn every_engine_is_certified_on_road_like_grids() {
    for (side, seed) in [(30, 1), (45, 7)] {
        let g = road_grid(side, seed);
        let n = g.num_vertices;
        let mut rng = SplitMix64::new(seed);
        let sources: Vec<VertexId> = (0..5).map(|_| rng.below(n as u64) as VertexId).collect();
        let engines = all_engines(n, &g.arcs, &sources);
        for (name, runs) in &engines {
            for (d, &s) in runs.iter().zip(&sources) {
                certify(n, &g.arcs, s, d);
            }
            assert_eq!(
                runs, &engines[0].1,
                "grid {side}/{seed}: {name} against dijkstra"
            );
        }
    }
}

#[test]
#[should_panic(expected = "source 3 is not a vertex of a graph of 3 vertices")]
fn a_source_outside_the_graph_is_refused_with_a_message() {
    let g = prepare(3, &[(0, 1, 1)], Method::Phast);
    g.search().one_to_all(3);
}
