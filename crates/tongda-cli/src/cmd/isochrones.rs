//! `tongda isochrones`: isochrones for many origins — one GeoJSON file per
//! origin plus `index.csv` — in parallel, optionally one shard of N.

use super::isochrone::{iso_err, IsoOptions};
use crate::common::{read_text, with_threads, CliError, CliResult};
use crate::options::{say, CsvArgs, Global};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tongda_core::iso::{index_csv, render, Coverage, Origin, Shard, INDEX_FILE};
use tongda_core::report::{html, write_all, TextTable};

/// Arguments of `tongda isochrones`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Origins: cities, districts (districts and counties), places (all), or a
    /// file with one place, lon,lat, gcj02:lon,lat or bd09:lon,lat per line (# comments).
    #[arg(long)]
    origins: String,
    /// Output directory: <origin>.geojson per origin, and index.csv.
    #[arg(long)]
    out: PathBuf,
    /// Compute only part K of N (1-based; origins dealt round-robin). Copying the
    /// N parts' directories together gives exactly the unsharded run.
    #[arg(long)]
    shard: Option<String>,
    #[command(flatten)]
    csv: CsvArgs,
    #[command(flatten)]
    opts: IsoOptions,
}

fn progress(n: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::new(n as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} origins · {elapsed} · eta {eta} {msg}")
    {
        pb.set_style(style);
    }
    pb
}

fn read_origins(spec: &str, net: &tongda_core::Network) -> CliResult<Vec<Origin>> {
    let is_set = ["cities", "districts", "places"].contains(&spec);
    if is_set && !Path::new(spec).is_file() {
        return Origin::set(net, spec).map_err(iso_err);
    }
    if !Path::new(spec).is_file() {
        return Err(CliError::input(format!(
            "--origins \"{spec}\": not an origin set (cities, districts, places) nor a readable file"
        )));
    }
    let text = read_text(Path::new(spec))?;
    Origin::read_list(&text, spec, net).map_err(iso_err)
}

/// Runs the batch (or one shard of it).
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    let shard: Shard = match &args.shard {
        Some(s) => s.parse().map_err(iso_err)?,
        None => Shard::ALL,
    };
    with_threads(g.threads, || {
        let setup = args.opts.setup(g)?;
        let net = &setup.scenario.network;
        let mut inputs = setup.scenario.inputs();
        if Path::new(&args.origins).is_file() {
            inputs.push(PathBuf::from(&args.origins));
        }
        tongda_core::io::atomic::check_outputs(std::slice::from_ref(&args.out), &inputs)?;
        let origins = read_origins(&args.origins, net)?;
        if origins.is_empty() {
            return Err(CliError::input(format!(
                "--origins {}: the scenario's network has none",
                args.origins
            )));
        }
        let engine = setup.engine(args.opts.measure)?;
        // Checks every origin (positions near the network, distinct files) before any work.
        let index = index_csv(&engine, &origins).map_err(iso_err)?;
        setup.crs.reprojector().map_err(iso_err)?;
        let mine = shard.select(&origins);
        if args.out.exists() && !args.out.is_dir() {
            return Err(CliError::input(format!(
                "--out {}: is a file, not a directory — fix: give a directory (or remove the file)",
                args.out.display()
            )));
        }
        std::fs::create_dir_all(&args.out).map_err(|e| {
            CliError::internal(format!("cannot create {}: {e}", args.out.display()))
        })?;
        let pb = progress(mine.len());
        let results: Vec<(String, Vec<Coverage>)> = mine
            .par_iter()
            .map_init(
                || (engine.workspace(), setup.crs.reprojector()),
                |(ws, rp), o| -> CliResult<(String, Vec<Coverage>)> {
                    let rp = rp.as_ref().map_err(|e| CliError::input(e.to_string()))?;
                    let iso = engine
                        .compute(std::slice::from_ref(o), &setup.minutes, ws)
                        .map_err(iso_err)?;
                    let text = render(&iso, &setup.meta, &setup.params, &setup.crs, rp, net)
                        .map_err(iso_err)?;
                    let (geo_name, html_name) = (o.file_name(), html::html_file_name(o));
                    let mut files = vec![(geo_name.as_str(), text)];
                    if args.opts.html {
                        let page =
                            html::isochrone_html(&setup.scenario, &iso, &setup.meta, &setup.crs);
                        files.push((html_name.as_str(), page));
                    }
                    write_all(&args.out, &files)?;
                    pb.inc(1);
                    Ok((o.id.clone(), iso.coverage()))
                },
            )
            .collect::<CliResult<Vec<_>>>()?;
        pb.finish_and_clear();
        let mut last = vec![(INDEX_FILE, args.csv.finish(index))];
        if args.opts.html {
            last.push((
                "index.html",
                html::isochrones_index_html(&setup.meta, &origins, &setup.crs),
            ));
        }
        write_all(&args.out, &last)?;

        let ms = setup.minutes.as_slice();
        if g.json {
            let rows: Vec<_> = results.iter().map(|(id, cov)| serde_json::json!({
                "origin": id,
                "share_within": ms.iter().zip(cov).map(|(m, c)| (m.to_string(), serde_json::json!(c.share))).collect::<serde_json::Map<_, _>>(),
            })).collect();
            let v = serde_json::json!({"scenario": setup.meta.scenario, "year": setup.meta.year,
                "shard": shard.to_string(), "origins": origins.len(), "written": mine.len(),
                "out": args.out.display().to_string(), "coverage": rows});
            println!("{v}");
            return Ok(ExitCode::SUCCESS);
        }
        let mut heads: Vec<String> = vec!["origin".into()];
        heads.extend(ms.iter().map(|m| format!("≤{m} min")));
        let head_refs: Vec<&str> = heads.iter().map(String::as_str).collect();
        let mut right = vec![false];
        right.extend(ms.iter().map(|_| true));
        let mut t = TextTable::new(&head_refs, &right);
        for (id, cov) in &results {
            let mut row = vec![id.clone()];
            row.extend(cov.iter().map(|c| format!("{:.1}%", c.share * 100.0)));
            t.row(row);
        }
        print!("{}", t.render());
        println!(
            "share of the network's population within each threshold · scenario {} · year {} · {} · {}",
            setup.meta.scenario, setup.meta.year, setup.meta.profile, setup.meta.measure
        );
        say(
            false,
            &format!(
                "shard {shard}: wrote {} of {} origin file(s) and {} to {}",
                mine.len(),
                origins.len(),
                INDEX_FILE,
                args.out.display()
            ),
        );
        Ok(ExitCode::SUCCESS)
    })
}
