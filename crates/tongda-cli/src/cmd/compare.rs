//! `tongda compare`: what changes from scenario A to scenario B.

use crate::common::{with_threads, CliError, CliResult};
use crate::options::Global;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use tongda_core::analysis::{compare, Comparison};
use tongda_core::report::{write_all, TextTable};

/// Arguments of `tongda compare`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario A (before): a file or a name from scenarios/ (e.g. plan-2027).
    a: String,
    /// Scenario B (after): a file or a name from scenarios/.
    b: String,
    /// Output directory for compare.md, compare.json and compare.html.
    #[arg(long)]
    out: PathBuf,
    /// How many place pairs to list.
    #[arg(long, default_value_t = 20)]
    top: usize,
}

fn fmt(v: Option<f64>) -> String {
    v.map_or("unreachable".into(), |x| format!("{x:.1}"))
}

fn goal_value(kind: &str, v: Option<f64>) -> String {
    match v {
        None => "—".into(),
        Some(x) if kind == "coverage" => format!("{:.1}%", x * 100.0),
        Some(x) => format!("{x:.1} min"),
    }
}

/// The comparison as Markdown.
pub fn markdown(c: &Comparison) -> String {
    let mut out = format!(
        "# tongda compare — {} → {}\n\n## Goals\n\n",
        c.before, c.after
    );
    let mut t = TextTable::new(
        &[
            "goal",
            "before",
            "after",
            "value before",
            "value after",
            "flipped",
        ],
        &[false, false, false, true, true, false],
    );
    for g in &c.goals {
        let pf = |p: bool| if p { "PASS" } else { "FAIL" }.to_string();
        t.row(vec![
            g.id.clone(),
            pf(g.before),
            pf(g.after),
            goal_value(g.kind, g.value_before),
            goal_value(g.kind, g.value_after),
            if g.flipped {
                "yes".into()
            } else {
                String::new()
            },
        ]);
    }
    let _ = write!(
        out,
        "```\n{}```\n\n## Accessibility (door-to-door, passenger)\n\n",
        t.render()
    );
    let (a, b) = (&c.access_before, &c.access_after);
    let _ = writeln!(
        out,
        "- population-weighted mean door-to-door minutes: {:.1} → {:.1} ({:+.1})",
        a.pop_weighted_mean_min,
        b.pop_weighted_mean_min,
        b.pop_weighted_mean_min - a.pop_weighted_mean_min
    );
    for (hub, before) in &a.people_within_60 {
        let after = b.people_within_60.get(hub).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "- people within 60 min of {hub}: {:.2} M → {:.2} M ({:+.2} M)",
            *before as f64 / 1e6,
            after as f64 / 1e6,
            (after as f64 - *before as f64) / 1e6
        );
    }
    let _ = write!(
        out,
        "\n## Place pairs that change most (door-to-door minutes)\n\n"
    );
    let mut t = TextTable::new(
        &["from → to", "before", "after", "change"],
        &[false, true, true, true],
    );
    for p in &c.pairs {
        t.row(vec![
            format!("{} → {}", p.from_name, p.to_name),
            fmt(p.before_min),
            fmt(p.after_min),
            p.delta_min.map_or("—".into(), |d| format!("{d:+.1}")),
        ]);
    }
    let _ = write!(out, "```\n{}```\n", t.render());
    out
}

/// Runs both scenarios, prints and writes the comparison.
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    with_threads(g.threads, || {
        let (a, b) = (g.scenario(&args.a)?, g.scenario(&args.b)?);
        let outputs: Vec<PathBuf> = ["compare.md", "compare.json", "compare.html"]
            .iter()
            .map(|f| args.out.join(f))
            .collect();
        let inputs: Vec<PathBuf> = a.inputs().into_iter().chain(b.inputs()).collect();
        tongda_core::io::atomic::check_outputs(&outputs, &inputs)?;
        let c = compare(&a, &b, args.top)?;
        let md = markdown(&c);
        let json =
            serde_json::to_string_pretty(&c).map_err(|e| CliError::internal(e.to_string()))? + "\n";
        let html = tongda_core::report::html::compare_html(&a, &b, &c);
        write_all(
            &args.out,
            &[
                ("compare.md", md.clone()),
                ("compare.json", json.clone()),
                ("compare.html", html),
            ],
        )?;
        if g.json {
            print!("{json}");
            return Ok(ExitCode::SUCCESS);
        }
        print!("{md}");
        println!(
            "\nwrote {}/{{compare.md, compare.json, compare.html}}",
            args.out.display()
        );
        Ok(ExitCode::SUCCESS)
    })
}
