//! `tongda sssp`: one-to-all sweeps on a DIMACS graph, timed, with a checksum
//! that other tools can reproduce (reached nodes, sum of finite distances).

use crate::common::{check_threads, CliError, CliResult};
use crate::pool::{pool_size, with_threads};
use clap::ValueEnum;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use tongda_sssp::ch::{sweep_phast, sweep_phast_batched, ContractionHierarchy};
use tongda_sssp::dimacs::read_gr;
use tongda_sssp::sweep::{sweep_sources, SourceResult, SweepGraph};
use tongda_sssp::VertexId;

/// Arguments of `tongda sssp`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The graph, a DIMACS .gr file.
    #[arg(long)]
    graph: PathBuf,
    /// Sources: one 1-based node id per line (blank lines and lines starting
    /// with # are skipped).
    #[arg(long)]
    sources: PathBuf,
    /// Renumber vertices in breadth-first order after loading (counted in the
    /// load time; helps graphs whose ids are scattered).
    #[arg(long)]
    reorder: bool,
    /// dijkstra (one-to-all Dijkstra), phast (contraction hierarchy + one
    /// PHAST sweep per source) or phast-batch (8 sources per sweep). The
    /// PHAST methods preprocess the graph first (timed separately).
    #[arg(long, default_value = "dijkstra")]
    method: Method,
}

/// How the sweeps are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Method {
    /// Dijkstra from each source.
    Dijkstra,
    /// Contraction hierarchy, one PHAST sweep per source.
    Phast,
    /// Contraction hierarchy, one PHAST sweep per 8 sources.
    PhastBatch,
}

/// Reads the sources file: 0-based vertex ids.
fn read_sources(path: &Path, n: usize) -> CliResult<Vec<VertexId>> {
    let text = crate::common::read_text(path)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let id: u64 = t.parse().map_err(|_| {
            CliError::input(format!(
                "{}: line {}: {t:?} is not a node id (one 1-based id per line)",
                path.display(),
                i + 1
            ))
        })?;
        if id == 0 || id > n as u64 {
            return Err(CliError::input(format!(
                "{}: line {}: node {id} is out of range 1..={n}",
                path.display(),
                i + 1
            )));
        }
        out.push((id - 1) as VertexId);
    }
    if out.is_empty() {
        return Err(CliError::input(format!(
            "{}: no sources (one 1-based node id per line)",
            path.display()
        )));
    }
    Ok(out)
}

/// A pool that cannot start is reported as a bad `--threads` (exit 2).
fn pool_err(e: crate::pool::PoolError) -> CliError {
    CliError::input(e.to_string())
}

fn ms(nanos: u64) -> f64 {
    (nanos as f64 / 1e3).round() / 1e3
}

/// Loads the graph, runs the sweeps and prints the timings and checksum.
pub fn run(args: Args, opts: &crate::options::Global) -> CliResult<ExitCode> {
    // Without --threads, one worker per core.
    let threads = opts.threads.unwrap_or(0);
    check_threads(threads)?;
    let t0 = Instant::now();
    let gr = read_gr(&args.graph)
        .map_err(|e| CliError::input(format!("{}: {e}", args.graph.display())))?;
    let (n, m) = (gr.num_vertices, gr.arcs.len());
    // Distances are 32-bit and 4294967295 means unreached: a longer path
    // would saturate into "unreached" silently, so such graphs are refused.
    let bound = gr.path_bound();
    if bound >= u64::from(tongda_sssp::INFINITY) {
        return Err(CliError::input(format!(
            "{}: a shortest path could be as long as {bound} (the heaviest arc into each node, summed), more than tongda's 32-bit distances hold (4294967294) — fix: scale the weights down",
            args.graph.display()
        )));
    }
    let mut renumber: Option<Vec<VertexId>> = None;
    let g = match args.method {
        Method::Dijkstra if args.reorder => {
            let csr = gr.to_csr();
            let order = csr.bfs_order();
            let g = SweepGraph::from_csr(&csr.permuted(&order));
            renumber = Some(order);
            g
        }
        Method::Dijkstra => SweepGraph::from_arcs(n, &gr.arcs),
        Method::Phast | Method::PhastBatch => SweepGraph::default(),
    };
    let load_ns = t0.elapsed().as_nanos() as u64;
    let mut sources = read_sources(&args.sources, n)?;
    if let Some(order) = &renumber {
        sources.iter_mut().for_each(|s| *s = order[*s as usize]);
    }
    // The hierarchy's own vertex order (by level) replaces --reorder.
    let t = Instant::now();
    let ch = match args.method {
        Method::Dijkstra => None,
        Method::Phast | Method::PhastBatch => Some(
            with_threads(threads, || ContractionHierarchy::build(n, &gr.arcs)).map_err(pool_err)?,
        ),
    };
    let pre_ns = t.elapsed().as_nanos() as u64;
    drop(gr);

    let t1 = Instant::now();
    let results: Vec<SourceResult> = with_threads(threads, || match (&ch, args.method) {
        (Some(ch), Method::Phast) => sweep_phast(ch, &sources),
        (Some(ch), _) => sweep_phast_batched(ch, &sources),
        (None, _) => sweep_sources(&g, &sources),
    })
    .map_err(pool_err)?;
    let total_ns = t1.elapsed().as_nanos() as u64;
    let threads = pool_size(threads);
    let graph_bytes = ch.as_ref().map_or(g.memory_bytes(), |c| c.memory_bytes());

    let mut times: Vec<u64> = results.iter().map(|r| r.nanos).collect();
    times.sort_unstable();
    let (min, median, max) = (times[0], times[times.len() / 2], times[times.len() - 1]);
    let reached: u64 = results.iter().map(|r| r.reached).sum();
    let sum: u128 = results.iter().map(|r| u128::from(r.distance_sum)).sum();
    if opts.json {
        let out = json!({
            "graph": args.graph.display().to_string(),
            "nodes": n,
            "arcs": m,
            "sources": sources.len(),
            "threads": threads,
            "method": args.method.to_possible_value().map(|v| v.get_name().to_string()),
            "load_ms": ms(load_ns),
            "preprocess_ms": ms(pre_ns),
            "graph_bytes": graph_bytes,
            "per_source_ms": {"min": ms(min), "median": ms(median), "max": ms(max)},
            "total_ms": ms(total_ns),
            "reached": reached,
            "distance_sum": sum,
        });
        println!("{out}");
    } else {
        println!(
            "graph {}: {n} nodes, {m} arcs, loaded in {:.1} ms",
            args.graph.display(),
            ms(load_ns)
        );
        if ch.is_none() {
            println!(
                "compiled graph: {:.2} bytes per arc",
                graph_bytes as f64 / m.max(1) as f64
            );
        }
        println!(
            "{} sources on {threads} threads in {:.1} ms; per source min {:.2} / median {:.2} / max {:.2} ms",
            sources.len(),
            ms(total_ns),
            ms(min),
            ms(median),
            ms(max)
        );
        if let Some(ch) = &ch {
            println!(
                "contraction hierarchy built in {:.1} ms: {} shortcuts, {} levels, {:.1} bytes per original arc",
                ms(pre_ns),
                ch.num_shortcuts(),
                ch.num_levels(),
                graph_bytes as f64 / m.max(1) as f64
            );
        }
        println!("checksum: reached {reached}, distance sum {sum}");
    }
    Ok(ExitCode::SUCCESS)
}
