//! `tongda isochrone`: isochrone bands around one origin (or a set of
//! origins: each point takes the fastest), as GeoJSON.

use crate::common::{CliError, CliResult};
use crate::options::{is_stdout, say, write_output, Global};
use std::path::PathBuf;
use std::process::ExitCode;
use tongda_core::graph::RoutingGraph;
use tongda_core::iso::{
    render, IsoEngine, IsoError, IsoInput, IsoMeta, IsoParams, Isochrone, Minutes, Origin,
    OriginSpec, OutputCrs,
};
use tongda_core::report::TextTable;
use tongda_core::scenario::Scenario;
use tongda_core::{Measure, Profile};

/// Options shared by `isochrone` and `isochrones`.
#[derive(Debug, Clone, clap::Args)]
pub struct IsoOptions {
    /// Thresholds in whole minutes, increasing, at most 720 (e.g. 30,60,90,120).
    #[arg(long, default_value = "30,60,90,120", allow_hyphen_values = true)]
    pub minutes: String,
    /// Scenario file, or the name of one in scenarios/ (e.g. plan-2030).
    #[arg(long, default_value = "scenarios/baseline-2024.toml")]
    pub scenario: String,
    /// Travel profile (default: the scenario's).
    #[arg(long)]
    pub profile: Option<Profile>,
    /// Measure of the network part: door-to-door or in-vehicle.
    #[arg(long, default_value = "door-to-door")]
    pub measure: Measure,
    /// Grid cell size, km.
    #[arg(long, default_value_t = IsoParams::default().cell_km)]
    pub cell_km: f64,
    /// Speed off the network (local roads), km/h.
    #[arg(long, default_value_t = IsoParams::default().access_kmh)]
    pub access_kmh: f64,
    /// Road distance / straight-line distance off the network.
    #[arg(long, default_value_t = IsoParams::default().detour)]
    pub detour: f64,
    /// Farthest straight-line distance travelled off the network, km.
    #[arg(long, default_value_t = IsoParams::default().radius_km)]
    pub radius_km: f64,
    /// Output CRS: EPSG:4326 (WGS84, default), GCJ-02 (高德, 腾讯), BD-09 (百度),
    /// or any EPSG:XXXX with a build `--features proj`.
    #[arg(long, default_value = "EPSG:4326")]
    pub crs: String,
    /// Also write an HTML page with the bands on a map (next to each GeoJSON file).
    #[arg(long)]
    pub html: bool,
}

/// The option that sets an isochrone input: the library names inputs by
/// what they mean, the CLI by its flags.
fn flag(input: IsoInput) -> &'static str {
    match input {
        IsoInput::Minutes => "--minutes",
        IsoInput::CellKm => "--cell-km",
        IsoInput::AccessKmh => "--access-kmh",
        IsoInput::Detour => "--detour",
        IsoInput::RadiusKm => "--radius-km",
        IsoInput::Shard => "--shard",
        IsoInput::Crs => "--crs",
    }
}

/// Maps an isochrone error to the CLI's exit codes (2 input, 1 internal),
/// its inputs named by their flags.
pub fn iso_err(e: IsoError) -> CliError {
    let message = e.message(flag);
    match e {
        IsoError::Internal(_) => CliError::internal(message),
        IsoError::Model(m) => m.into(),
        IsoError::BadCoordinate { .. } | IsoError::OffNetwork { .. } => {
            CliError::coded("bad_geometry", message)
        }
        _ => CliError::input(message),
    }
}

/// Everything checked before any routing: thresholds, parameters, CRS, scenario.
pub struct Setup {
    /// The scenario.
    pub scenario: Scenario,
    /// Its compiled graph for the chosen profile.
    pub graph: RoutingGraph,
    /// The thresholds.
    pub minutes: Minutes,
    /// Method parameters.
    pub params: IsoParams,
    /// Output CRS.
    pub crs: OutputCrs,
    /// For the output's properties.
    pub meta: IsoMeta,
}

impl IsoOptions {
    /// Checks the options (cheap checks first) and loads the scenario.
    pub fn setup(&self, g: &Global) -> CliResult<Setup> {
        let minutes: Minutes = self.minutes.parse().map_err(iso_err)?;
        let params = IsoParams {
            cell_km: self.cell_km,
            access_kmh: self.access_kmh,
            detour: self.detour,
            radius_km: self.radius_km,
        };
        params.check().map_err(iso_err)?;
        let crs = OutputCrs::parse(&self.crs).map_err(iso_err)?;
        let scenario = g.scenario(&self.scenario)?;
        let profile = self.profile.unwrap_or(scenario.spec.profile);
        let graph = RoutingGraph::compile(
            &scenario.network,
            &scenario.time_model,
            &scenario.graph_spec(profile),
        );
        let meta = IsoMeta {
            scenario: scenario.spec.name.clone(),
            year: scenario.spec.year,
            profile,
            measure: self.measure,
        };
        Ok(Setup {
            scenario,
            graph,
            minutes,
            params,
            crs,
            meta,
        })
    }
}

impl Setup {
    /// The engine over this setup.
    pub fn engine(&self, measure: Measure) -> CliResult<IsoEngine<'_>> {
        IsoEngine::new(
            &self.scenario.network,
            &self.graph,
            &self.scenario.time_model,
            measure,
            self.params,
        )
        .map_err(iso_err)
    }
}

/// Arguments of `tongda isochrone`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Origin: a place or node (id, 中文名, English name), lon,lat (WGS84),
    /// gcj02:lon,lat (高德, 腾讯) or bd09:lon,lat (百度).
    /// Repeat for a set of origins (each point takes the fastest), e.g. rescue bases.
    #[arg(long, required = true)]
    origin: Vec<String>,
    /// Output GeoJSON file; `-` writes to standard output.
    #[arg(long)]
    out: PathBuf,
    #[command(flatten)]
    opts: IsoOptions,
}

/// The bands as a table for the terminal.
pub fn band_table(iso: &Isochrone) -> String {
    let mut t = TextTable::new(
        &[
            "minutes",
            "area km²",
            "population",
            "within: km²",
            "persons",
            "share",
        ],
        &[false, true, true, true, true, true],
    );
    for b in &iso.bands {
        t.row(vec![
            format!("{}–{}", b.minutes_min, b.minutes_max),
            format!("{:.1}", b.area_km2),
            b.population.to_string(),
            format!("{:.1}", b.area_within_km2),
            b.population_within.to_string(),
            format!(
                "{:.1}%",
                100.0 * b.population_within as f64 / iso.population_total.max(1) as f64
            ),
        ]);
    }
    t.render()
}

/// Computes the isochrone and writes it.
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    // Origins are checked for form before the scenario is loaded.
    let specs = args
        .origin
        .iter()
        .map(|o| OriginSpec::parse(o))
        .collect::<Result<Vec<_>, _>>()
        .map_err(iso_err)?;
    if args.opts.html && is_stdout(&args.out) {
        return Err(CliError::input(
            "--html writes the page next to the GeoJSON: give --out a file, not -",
        ));
    }
    if !is_stdout(&args.out) {
        super::skim::dir_and_name(&args.out)?;
    }
    let setup = args.opts.setup(g)?;
    if !is_stdout(&args.out) {
        tongda_core::io::atomic::check_outputs(
            std::slice::from_ref(&args.out),
            &setup.scenario.inputs(),
        )?;
    }
    let net = &setup.scenario.network;
    let origins = specs
        .iter()
        .map(|s| Origin::resolve(s, net))
        .collect::<Result<Vec<_>, _>>()
        .map_err(iso_err)?;
    let engine = setup.engine(args.opts.measure)?;
    let iso = engine
        .compute(&origins, &setup.minutes, &mut engine.workspace())
        .map_err(iso_err)?;
    let rp = setup.crs.reprojector().map_err(iso_err)?;
    let text = render(&iso, &setup.meta, &setup.params, &setup.crs, &rp, net).map_err(iso_err)?;
    write_output(&args.out, &text)?;
    // The page goes next to the GeoJSON: `<out>` with .html for its extension
    // (`x.html.html` if `--out` was `x.html`). The map is drawn in WGS84.
    let html_path = args.opts.html.then(|| {
        let mut p = args.out.with_extension("html");
        if p == args.out {
            p = PathBuf::from(format!("{}.html", args.out.display()));
        }
        p
    });
    if let Some(p) = &html_path {
        let page = tongda_core::report::html::isochrone_html(
            &setup.scenario,
            &iso,
            &setup.meta,
            &setup.crs,
        );
        write_output(p, &page)?;
    }
    let quiet = is_stdout(&args.out) || g.json;
    if g.json {
        let bands: Vec<_> = iso
            .bands
            .iter()
            .map(|b| {
                serde_json::json!({
            "minutes_min": b.minutes_min, "minutes_max": b.minutes_max, "area_km2": b.area_km2,
            "population": b.population, "area_within_km2": b.area_within_km2,
            "population_within": b.population_within})
            })
            .collect();
        let v = serde_json::json!({"wrote": args.out.display().to_string(), "scenario": setup.meta.scenario,
            "year": setup.meta.year, "crs": setup.crs.code(), "population_total": iso.population_total, "bands": bands});
        say(is_stdout(&args.out), &v.to_string());
        return Ok(ExitCode::SUCCESS);
    }
    let mut lines: Vec<String> = Vec::new();
    for p in &iso.origins {
        match (p.on_network, p.snap()) {
            (true, _) => lines.push(format!("origin {} ({})", p.origin.id, p.origin.name)),
            (false, Some(a)) => lines.push(format!(
                "origin {}: off the network; nearest node {} at {:.2} km ({:.1} min at {} km/h × {}), {} node(s) within {} km",
                p.origin.name,
                net.nodes[a.node as usize].id,
                a.km,
                f64::from(setup.params.access_seconds(a.km)) / 60.0,
                setup.params.access_kmh,
                setup.params.detour,
                p.access.len(),
                setup.params.radius_km
            )),
            (false, None) => lines.push(format!(
                "origin {} ({}): no link in this scenario and no node within {} km — only the area around it is reached",
                p.origin.id, p.origin.name, setup.params.radius_km
            )),
        }
    }
    lines.push(format!(
        "scenario {} · year {} · {} · {} · population total {}",
        setup.meta.scenario,
        setup.meta.year,
        setup.meta.profile,
        setup.meta.measure,
        iso.population_total
    ));
    lines.push(band_table(&iso).trim_end().to_string());
    lines.push(format!("wrote {}", args.out.display()));
    if let Some(p) = &html_path {
        lines.push(format!("wrote {}", p.display()));
    }
    for l in &lines {
        say(quiet, l);
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(e: IsoError) -> String {
        iso_err(e).to_string()
    }

    #[test]
    fn errors_name_the_flags_the_library_leaves_out() {
        let cell = IsoParams {
            cell_km: 0.05,
            ..IsoParams::default()
        };
        let e = cell.check().expect_err("below the minimum");
        assert!(!e.to_string().contains("--"), "{e}");
        assert_eq!(
            message(e),
            "tongda: --cell-km 0.05 is out of range: use 0.1 to 20 (1 km suits the region; coarser is faster)"
        );
        let radius = IsoParams {
            cell_km: 1.0,
            radius_km: 0.5,
            ..IsoParams::default()
        };
        assert_eq!(
            message(radius.check().expect_err("radius below the cell")),
            "tongda: --radius-km 0.5 is smaller than --cell-km 1: bands would miss the nodes' own cells"
        );
        let far = IsoError::OffNetwork {
            input: "98.5,33.5".into(),
            distance_km: 412.34,
            nearest: "ya_an".into(),
            radius_km: 30.0,
        };
        assert!(message(far).ends_with("or raise --radius-km"));
        let minutes = "60,30".parse::<Minutes>().expect_err("decreasing");
        assert_eq!(
            message(minutes),
            "tongda: --minutes must increase strictly: 60 then 30"
        );
        let shard = "4/3".parse::<tongda_core::iso::Shard>().expect_err("K > N");
        assert_eq!(
            message(shard),
            "tongda: --shard \"4/3\": K = 4 is larger than N = 3"
        );
        let crs = OutputCrs::parse("nonsense").expect_err("no AUTHORITY:CODE");
        assert!(message(crs).starts_with("tongda: --crs \"nonsense\": "));
    }
}
