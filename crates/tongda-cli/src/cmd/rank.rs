//! `tongda rank`: each candidate project's marginal effect, in parallel.

use crate::common::{with_threads, CliError, CliResult};
use crate::options::{say, CsvArgs, Global};
use std::path::PathBuf;
use std::process::ExitCode;
use tongda_core::analysis::{candidates, rank, scenario_goals, RankAction, RankRow};
use tongda_core::io::csv_out::field as csv_field;
use tongda_core::report::{write_all, TextTable};

/// Arguments of `tongda rank`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario to rank projects against: a file or a name from scenarios/.
    scenario: String,
    /// Output directory for rank.md, rank.json and rank.csv.
    #[arg(long)]
    out: PathBuf,
    /// Projects to rank, by id or Chinese/English name (default: every candidate, see --mode).
    #[arg(long, value_delimiter = ',')]
    projects: Vec<String>,
    /// add: each project not in the scenario, added alone; remove: each not-yet-open
    /// project of the scenario, removed alone (leave-one-out); both.
    #[arg(long, default_value = "both")]
    mode: String,
    #[command(flatten)]
    csv: CsvArgs,
}

fn people(r: &RankRow, hub: &str) -> String {
    r.people_within_60
        .get(hub)
        .map_or("0".into(), |p| format!("{:+.2}", *p as f64 / 1e6))
}

/// The ranking as a table.
pub fn table(rows: &[RankRow]) -> String {
    let mut t = TextTable::new(
        &[
            "#",
            "action",
            "project",
            "name",
            "status",
            "year",
            "goals flipped",
            "pop-wtd min",
            "M ppl ≤60 成都",
            "M ppl ≤60 重庆",
        ],
        &[
            true, false, false, false, false, true, false, true, true, true,
        ],
    );
    for (i, r) in rows.iter().enumerate() {
        t.row(vec![
            (i + 1).to_string(),
            format!("{:?}", r.action).to_lowercase(),
            r.project.clone(),
            r.name_zh.clone(),
            r.status.as_str().into(),
            r.open_year.to_string(),
            r.goals_flipped.join(" "),
            format!("{:+.2}", r.pop_weighted_minutes),
            people(r, "chengdu"),
            people(r, "chongqing"),
        ]);
    }
    t.render()
}

fn csv(rows: &[RankRow]) -> String {
    let mut out = String::from("rank,action,project,name_zh,status,open_year,goals_flipped,pop_weighted_minutes,people_within_60_chengdu,people_within_60_chongqing\n");
    for (i, r) in rows.iter().enumerate() {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{:.2},{},{}\n",
            i + 1,
            format!("{:?}", r.action).to_lowercase(),
            csv_field(&r.project),
            csv_field(&r.name_zh),
            r.status.as_str(),
            r.open_year,
            r.goals_flipped.join(" "),
            r.pop_weighted_minutes,
            r.people_within_60.get("chengdu").copied().unwrap_or(0),
            r.people_within_60.get("chongqing").copied().unwrap_or(0)
        ));
    }
    out
}

/// Ranks and writes the results.
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    let modes: Vec<RankAction> = match args.mode.as_str() {
        "add" => vec![RankAction::Add],
        "remove" => vec![RankAction::Remove],
        "both" => vec![RankAction::Add, RankAction::Remove],
        m => {
            return Err(CliError::input(format!(
                "unknown --mode \"{m}\": use add, remove or both"
            )))
        }
    };
    with_threads(g.threads, || {
        let sc = g.scenario(&args.scenario)?;
        let goals = scenario_goals(&sc)?;
        // Names (成达万高铁) become ids; unknown ones get the closest projects.
        let projects: Vec<String> = args
            .projects
            .iter()
            .map(|p| sc.base.resolve_project(p))
            .collect::<Result<_, _>>()?;
        let mut list: Vec<(String, RankAction)> = Vec::new();
        for m in &modes {
            let cands = candidates(&sc, *m);
            if projects.is_empty() {
                list.extend(cands.into_iter().map(|p| (p, *m)));
            } else {
                list.extend(
                    projects
                        .iter()
                        .filter(|p| cands.contains(p))
                        .map(|p| (p.clone(), *m)),
                );
            }
        }
        for p in &projects {
            if !list.iter().any(|(q, _)| q == p) {
                return Err(CliError::coded("unknown_project", format!(
                    "project \"{p}\" is not a candidate in {} (neither missing from it nor a not-yet-open part of it)",
                    sc.spec.name
                )));
            }
        }
        let outputs: Vec<PathBuf> = ["rank.md", "rank.json", "rank.csv"]
            .iter()
            .map(|f| args.out.join(f))
            .collect();
        tongda_core::io::atomic::check_outputs(&outputs, &sc.inputs())?;
        let rows = rank(&sc, &goals, &list)?;
        let text = table(&rows);
        let md = format!(
            "# tongda rank — {} ({})\n\nEach project added alone to the scenario (add) or removed alone from it (remove).\n`pop-wtd min`: population-weighted mean door-to-door minutes saved per trip (add) or lost (remove).\n`M ppl ≤60`: change in millions of people within 60 min door-to-door of the hub.\n\n```\n{text}```\n",
            sc.spec.name, sc.spec.year
        );
        let json = serde_json::to_string_pretty(&rows)
            .map_err(|e| CliError::internal(e.to_string()))?
            + "\n";
        write_all(
            &args.out,
            &[
                ("rank.md", md),
                ("rank.json", json.clone()),
                ("rank.csv", args.csv.finish(csv(&rows))),
            ],
        )?;
        if g.json {
            print!("{json}");
        } else {
            print!("{text}");
        }
        say(
            g.json,
            &format!(
                "{} candidates · wrote {}/{{rank.md, rank.json, rank.csv}}",
                rows.len(),
                args.out.display()
            ),
        );
        Ok(ExitCode::SUCCESS)
    })
}
