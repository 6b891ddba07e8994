//! `tongda gen-graph`: road-like synthetic graphs as DIMACS `.gr`/`.co` files.

use crate::common::{CliError, CliResult};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tongda_sssp::dimacs::{write_co, write_gr};
use tongda_sssp::synth::road_grid;

/// Arguments of `tongda gen-graph`.
///
/// The graph is a jittered S×S grid of roads (both directions, ~10% of local
/// directions removed), expressways every 20th row and column, weights in
/// seconds, reduced to its largest strongly connected component; see the
/// `tongda_sssp::synth` docs. The same side and seed give the same bytes.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Grid side S (S×S nodes before the largest component is taken): 100, 316
    /// and 1000 give about 10k, 100k and 1M nodes.
    #[arg(long)]
    side: usize,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output prefix: writes PREFIX.gr and PREFIX.co.
    #[arg(long)]
    out: PathBuf,
}

fn with_ext(prefix: &Path, ext: &str) -> PathBuf {
    let mut s = prefix.as_os_str().to_owned();
    s.push(ext);
    PathBuf::from(s)
}

/// Writes `path` through a temporary file renamed into place.
fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> CliResult<()> {
    let tmp = with_ext(path, ".tmp");
    // A failed write (disk full, permission) is the environment's: exit 1.
    let fail =
        |e: std::io::Error| CliError::internal(format!("cannot write {}: {e}", path.display()));
    let file = File::create(&tmp).map_err(fail)?;
    let mut w = BufWriter::with_capacity(1 << 20, file);
    // The buffer is flushed explicitly: dropping it would lose a flush error.
    let done = write(&mut w)
        .and_then(|()| w.flush())
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = done {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}

/// Generates the graph and writes the two files.
pub fn run(args: Args, opts: &crate::options::Global) -> CliResult<ExitCode> {
    if !(2..=40_000).contains(&args.side) {
        return Err(CliError::input(format!(
            "--side {} is out of range: use 2..=40000",
            args.side
        )));
    }
    let g = road_grid(args.side, args.seed);
    let about = format!(
        "tongda gen-graph --side {} --seed {}: road-like grid, weights in seconds, largest SCC",
        args.side, args.seed
    );
    let gr = with_ext(&args.out, ".gr");
    let co = with_ext(&args.out, ".co");
    write_atomic(&gr, |w| write_gr(w, g.num_vertices, &g.arcs, &[&about]))?;
    write_atomic(&co, |w| {
        write_co(
            w,
            &g.coords,
            &[&about, "x = longitude, y = latitude, micro-degrees"],
        )
    })?;
    if opts.json {
        let v = serde_json::json!({"wrote": [gr.display().to_string(), co.display().to_string()],
                                   "nodes": g.num_vertices, "arcs": g.arcs.len()});
        println!("{v}");
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "wrote {} and {}: {} nodes, {} arcs",
        gr.display(),
        co.display(),
        g.num_vertices,
        g.arcs.len()
    );
    Ok(ExitCode::SUCCESS)
}
