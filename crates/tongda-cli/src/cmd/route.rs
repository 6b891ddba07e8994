//! `tongda route`: the fastest route between two places, leg by leg.

use crate::common::{check_year, load_network, CliError, CliResult, NetworkArgs};
use crate::options::Global;
use serde_json::json;
use std::process::ExitCode;
use tongda_core::graph::{GraphSpec, RoutingGraph};
use tongda_core::model::{Network, Status};
use tongda_core::report::TextTable as Table;
use tongda_core::route::{Route, Router};
use tongda_core::units::{round1, tenths_of_minutes as minutes};
use tongda_core::{Measure, Profile};

/// Arguments of `tongda route`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Origin: id, Chinese name or English name (e.g. 成都, chengdu, st_chengdudong).
    #[arg(long)]
    from: String,
    /// Destination: id, Chinese name or English name.
    #[arg(long)]
    to: String,
    /// Network year: links open by the end of this year are used.
    #[arg(long, default_value_t = 2024)]
    year: i32,
    /// Travel profile: passenger, car or freight.
    #[arg(long, default_value = "passenger")]
    profile: Profile,
    /// in-vehicle (station to station) or door-to-door (centre to centre).
    #[arg(long, default_value = "door-to-door")]
    measure: Measure,
    /// Link statuses allowed, comma-separated.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "open,under_construction,planned"
    )]
    statuses: Vec<String>,
    #[command(flatten)]
    net: NetworkArgs,
}

/// Parses a list of status names.
pub fn parse_statuses(names: &[String]) -> CliResult<Vec<Status>> {
    names
        .iter()
        .map(|s| {
            Status::parse(s.trim()).ok_or_else(|| {
                CliError::input(format!(
                    "unknown status \"{s}\": use open, under_construction, planned or proposed"
                ))
            })
        })
        .collect()
}

/// Runs the query and prints it.
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    let (net, tm) = load_network(&args.net, g)?;
    check_year(&net, "--year", args.year)?;
    let from = net.resolve(&args.from)?;
    let to = net.resolve(&args.to)?;
    if from == to {
        return Err(CliError::input(format!(
            "--from and --to both name {}: there is nothing to route — fix: name two different places",
            net.label(&net.nodes[from as usize])
        )));
    }
    let mut spec = GraphSpec::new(args.profile, args.year);
    spec.statuses = parse_statuses(&args.statuses)?.into_iter().collect();
    let graph = RoutingGraph::compile(&net, &tm, &spec);
    let mut router = Router::new(&net, &graph);
    let other_measure = match args.measure {
        Measure::InVehicle => Measure::DoorToDoor,
        Measure::DoorToDoor => Measure::InVehicle,
    };
    // Freight is routed door to door; its in-vehicle time is that route's
    // moving time (Route::moving_seconds), never longer than door to door.
    let freight = args.profile == Profile::Freight;
    let routed_measure = if freight {
        Measure::DoorToDoor
    } else {
        args.measure
    };
    let Some(mut route) = router.route(from, to, routed_measure) else {
        return Err(CliError::coded(
            "no_route",
            format!(
            "no {} route from {} to {} in {} with statuses {}: the network does not connect them",
            args.profile,
            net.label(&net.nodes[from as usize]),
            net.label(&net.nodes[to as usize]),
            args.year,
            args.statuses.join(",")
        ),
        ));
    };
    let other = if freight {
        let mut o = route.clone();
        o.measure = other_measure;
        if other_measure == Measure::InVehicle {
            o.seconds = route.moving_seconds();
        }
        if args.measure == Measure::InVehicle {
            route.measure = Measure::InVehicle;
            route.seconds = route.moving_seconds();
        }
        Some(o)
    } else {
        router.route(from, to, other_measure)
    };
    if g.json {
        println!("{}", route_json(&net, &route, other.as_ref()));
    } else {
        print!("{}", route_text(&net, &route, other.as_ref()));
    }
    Ok(ExitCode::SUCCESS)
}

fn name(net: &Network, id: &str) -> String {
    net.node(id)
        .map_or_else(|| id.to_string(), |n| n.name_zh.clone())
}

/// The route as one JSON object.
pub fn route_json(net: &Network, route: &Route, other: Option<&Route>) -> serde_json::Value {
    let legs: Vec<_> = route
        .legs
        .iter()
        .map(|l| {
            json!({
                "kind": l.kind,
                "mode": l.mode,
                "name_zh": l.name_zh,
                "name_en": l.name_en,
                "project": l.project,
                "service": l.service,
                "from": l.from,
                "from_name": name(net, &l.from),
                "to": l.to,
                "to_name": name(net, &l.to),
                "km": round1(l.km),
                "minutes": minutes(l.seconds),
            })
        })
        .collect();
    let mut obj = json!({
        "from": route.from,
        "from_name": name(net, &route.from),
        "to": route.to,
        "to_name": name(net, &route.to),
        "profile": route.profile,
        "year": route.year,
        "measure": route.measure,
        "minutes": minutes(route.seconds),
        "km": round1(route.km()),
        "legs": legs,
    });
    if let Some(o) = other {
        obj["other_measure"] = json!({"measure": o.measure, "minutes": minutes(o.seconds)});
    }
    obj
}

/// The route as a header line and a table of legs.
pub fn route_text(net: &Network, route: &Route, other: Option<&Route>) -> String {
    let mut out = format!(
        "{} → {} · {} · {} · {}: {:.1} min, {:.1} km",
        name(net, &route.from),
        name(net, &route.to),
        route.profile,
        route.year,
        route.measure,
        minutes(route.seconds),
        route.km()
    );
    if let Some(o) = other {
        out.push_str(&format!(" ({}: {:.1} min)", o.measure, minutes(o.seconds)));
    }
    out.push('\n');
    let mut t = Table::new(
        &["#", "leg", "mode", "line / road", "from → to", "km", "min"],
        &[true, false, false, false, false, true, true],
    );
    for (i, l) in route.legs.iter().enumerate() {
        let kind = serde_json::to_value(l.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        t.row(vec![
            (i + 1).to_string(),
            kind,
            l.mode.map(|m| m.to_string()).unwrap_or_default(),
            if l.name_zh.is_empty() {
                l.name_en.clone()
            } else {
                l.name_zh.clone()
            },
            format!("{} → {}", name(net, &l.from), name(net, &l.to)),
            if l.km > 0.0 {
                format!("{:.1}", l.km)
            } else {
                String::new()
            },
            format!("{:.1}", minutes(l.seconds)),
        ]);
    }
    out.push_str(&t.render());
    out
}
