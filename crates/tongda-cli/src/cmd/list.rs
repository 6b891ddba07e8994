//! `tongda list`: what the data hold — places, stations, projects,
//! scenarios and goals — so that nobody has to grep GeoJSON for an id.

use crate::common::{check_year, load_network, CliError, CliResult, NetworkArgs};
use crate::options::{scenario_names, Global, SCENARIO_DIR};
use serde_json::{json, Value};
use std::path::Path;
use std::process::ExitCode;
use tongda_core::goal::read_goals;
use tongda_core::model::{Mode, Network, NodeIdx, Status};
use tongda_core::report::TextTable;
use tongda_core::scenario::ScenarioSpec;
use tongda_core::units::round1;

/// What to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    /// Cities, districts and counties (the places people live in).
    Places,
    /// Railway stations, ports and airports.
    Stations,
    /// Projects: the lines and roads scenario edits and `rank` address.
    Projects,
    /// The scenarios of scenarios/ (names any command takes in place of a file).
    Scenarios,
    /// The goals of scenarios/goals.toml.
    Goals,
}

/// Arguments of `tongda list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// places, stations, projects, scenarios or goals.
    what: What,
    /// Only what exists in this year (stations with a line open, projects
    /// with a link in service), with that year's status.
    #[arg(long)]
    year: Option<i32>,
    #[command(flatten)]
    net: NetworkArgs,
}

/// The status and opening year of a node: from the non-access links at it
/// (the earliest year; the most advanced status), in `year` if given.
fn node_status(net: &Network, i: NodeIdx, year: Option<i32>) -> Option<(Status, i32)> {
    net.links
        .iter()
        .filter(|l| l.mode != Mode::Access && (l.from == i || l.to == i))
        .filter(|l| year.is_none_or(|y| l.exists_in(y)))
        .map(|l| (l.status, l.open_year))
        .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1)))
}

/// The columns every listing starts with.
const NAME_HEADS: [&str; 4] = ["id", "name_zh", "name_en", "kind"];

/// The columns of a listing: [`NAME_HEADS`], then `rest`.
fn heads<'a>(rest: &[&'a str]) -> Vec<&'a str> {
    NAME_HEADS.iter().chain(rest).copied().collect()
}

fn print_rows(g: &Global, heads: &[&str], rows: Vec<Value>) {
    if g.json {
        println!("{}", Value::Array(rows));
        return;
    }
    let right: Vec<bool> = heads
        .iter()
        .map(|h| matches!(*h, "population" | "year" | "km"))
        .collect();
    let mut t = TextTable::new(heads, &right);
    for r in &rows {
        t.row(
            heads
                .iter()
                .map(|h| match &r[*h] {
                    Value::Null => String::new(),
                    Value::String(s) => s.clone(),
                    Value::Array(a) => a
                        .iter()
                        .map(|v| v.as_str().map_or(v.to_string(), String::from))
                        .collect::<Vec<_>>()
                        .join(","),
                    v => v.to_string(),
                })
                .collect(),
        );
    }
    print!("{}", t.render());
    println!("{} row(s)", rows.len());
}

/// Lists what was asked for.
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    match args.what {
        What::Scenarios => return list_scenarios(g),
        What::Goals => return list_goals(g),
        _ => {}
    }
    let (net, _) = load_network(&args.net, g)?;
    if let Some(y) = args.year {
        check_year(&net, "--year", y)?;
    }
    match args.what {
        What::Places => {
            let rows = net
                .nodes
                .iter()
                .filter(|n| n.kind.is_place())
                .map(|n| {
                    json!({"id": n.id, "name_zh": n.name_zh, "name_en": n.name_en, "kind": n.kind.as_str(),
                           "province": n.province.as_str(), "parent": n.parent, "population": n.population})
                })
                .collect();
            print_rows(g, &heads(&["province", "parent", "population"]), rows);
        }
        What::Stations => {
            let rows = (0..net.nodes.len() as NodeIdx)
                .filter(|&i| {
                    let k = net.nodes[i as usize].kind;
                    k.is_terminal() || k == tongda_core::model::NodeKind::Airport
                })
                .filter_map(|i| {
                    let n = &net.nodes[i as usize];
                    let st = node_status(&net, i, args.year);
                    if args.year.is_some() && st.is_none() {
                        return None;
                    }
                    Some(json!({"id": n.id, "name_zh": n.name_zh, "name_en": n.name_en, "kind": n.kind.as_str(),
                                "province": n.province.as_str(), "city": n.city,
                                "status": st.map(|s| s.0.as_str()), "year": st.map(|s| s.1)}))
                })
                .collect();
            let rest = ["province", "city", "status", "year"];
            print_rows(g, &heads(&rest), rows);
        }
        What::Projects => {
            let rows = net
                .projects()
                .into_iter()
                .filter_map(|p| {
                    let (statuses, open) = match args.year {
                        None => (p.statuses.clone(), p.open_year),
                        Some(y) => {
                            let links: Vec<_> = net
                                .links
                                .iter()
                                .filter(|l| l.project == p.id && l.exists_in(y))
                                .collect();
                            if links.is_empty() {
                                return None;
                            }
                            let mut s: Vec<Status> = links.iter().map(|l| l.status).collect();
                            s.sort();
                            s.dedup();
                            (
                                s,
                                links
                                    .iter()
                                    .map(|l| l.open_year)
                                    .min()
                                    .unwrap_or(p.open_year),
                            )
                        }
                    };
                    Some(
                        json!({"id": p.id, "name_zh": p.name_zh, "name_en": p.name_en,
                                "kind": p.modes.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
                                "status": statuses.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                                "year": open, "retire_year": p.retire_year,
                                "km": round1(p.km)}),
                    )
                })
                .collect();
            let rest = ["status", "year", "retire_year", "km"];
            print_rows(g, &heads(&rest), rows);
        }
        What::Scenarios | What::Goals => unreachable!("handled above"),
    }
    Ok(ExitCode::SUCCESS)
}

fn list_scenarios(g: &Global) -> CliResult<ExitCode> {
    let mut rows = Vec::new();
    for (name, path) in scenario_names() {
        let text = crate::common::read_text(&path)?;
        let spec: ScenarioSpec = toml::from_str(&text).map_err(|e| {
            CliError::coded(
                "bad_scenario",
                format!("{}: not a valid scenario: {}", path.display(), e.message()),
            )
        })?;
        rows.push(json!({"id": name, "name_zh": Value::Null, "name_en": spec.name, "kind": "scenario",
                         "status": spec.statuses.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                         "year": spec.year, "edits": spec.edits.len(), "description": spec.description}));
    }
    if rows.is_empty() {
        return Err(CliError::coded(
            "io",
            format!("no scenario files in {SCENARIO_DIR}/ — fix: run from the repository root"),
        ));
    }
    print_rows(g, &["id", "year", "status", "edits", "description"], rows);
    Ok(ExitCode::SUCCESS)
}

fn list_goals(g: &Global) -> CliResult<ExitCode> {
    let path = Path::new(SCENARIO_DIR).join("goals.toml");
    let goals = read_goals(&path)?;
    let rows = goals
        .iter()
        .map(|gl| {
            let kind = serde_json::to_value(&gl.kind)
                .ok()
                .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(String::from));
            json!({"id": gl.id, "name_zh": gl.title_zh, "name_en": gl.title_en, "kind": kind})
        })
        .collect();
    print_rows(g, &["id", "name_zh", "name_en", "kind"], rows);
    Ok(ExitCode::SUCCESS)
}
