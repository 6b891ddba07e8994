//! `tongda inventory`: kilometres by mode × status × province, against official totals.

use crate::common::{check_year, load_network, CliResult, NetworkArgs};
use crate::options::Global;
use serde_json::json;
use std::process::ExitCode;
use tongda_core::inventory::{read_references, Inventory};
use tongda_core::model::{Mode, Province, Status};
use tongda_core::report::TextTable as Table;
use tongda_core::units::{round1, round_to};

/// Arguments of `tongda inventory`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Count links existing by the end of this year.
    #[arg(long, default_value_t = 2024)]
    year: i32,
    #[command(flatten)]
    net: NetworkArgs,
}

/// Prints the inventory.
pub fn run(args: Args, g: &Global) -> CliResult<ExitCode> {
    let (net, _) = load_network(&args.net, g)?;
    check_year(&net, "--year", args.year)?;
    let inv = Inventory::of(&net, args.year);
    let ref_path = g.geodata_dir().join("inventory_reference.csv");
    let refs = if ref_path.exists() {
        read_references(&ref_path)?
    } else {
        Vec::new()
    };
    // Each reference is compared with the links existing in its own year.
    let comparisons: Vec<_> = refs
        .iter()
        .map(|r| {
            let data_km =
                Inventory::of(&net, r.year).category_km(&net, r.category, r.province, &Status::ALL);
            (r, data_km, data_km / r.km)
        })
        .collect();

    if g.json {
        let rows: Vec<_> = inv
            .km
            .iter()
            .map(
                |((m, s, p), km)| json!({"mode": m, "status": s, "province": p, "km": round1(*km)}),
            )
            .collect();
        let cmp: Vec<_> = comparisons
            .iter()
            .map(|(r, km, share)| {
                json!({"province": r.province, "category": r.category, "reference_year": r.year,
                       "reference_kind": r.kind, "reference_km": r.km, "data_km": round1(*km),
                       "data_share": round_to(*share, 3), "source": r.source})
            })
            .collect();
        let out = json!({"year": args.year, "km": rows, "references": cmp});
        println!("{out}");
        return Ok(ExitCode::SUCCESS);
    }

    println!("Network inventory: links existing by the end of {} (km; a cross-border link counts half to each side)\n", args.year);
    let mut t = Table::new(
        &["mode", "status", "川 sc", "渝 cq", "total"],
        &[false, false, true, true, true],
    );
    for m in Mode::ALL.into_iter().filter(|m| *m != Mode::Access) {
        for s in Status::ALL {
            let sc = inv.km.get(&(m, s, Province::Sc)).copied().unwrap_or(0.0);
            let cq = inv.km.get(&(m, s, Province::Cq)).copied().unwrap_or(0.0);
            if sc + cq > 0.0 {
                t.row(vec![
                    m.to_string(),
                    s.as_str().into(),
                    format!("{sc:.0}"),
                    format!("{cq:.0}"),
                    format!("{:.0}", sc + cq),
                ]);
            }
        }
    }
    let sc = inv.total(|_, _, p| p == Province::Sc);
    let cq = inv.total(|_, _, p| p == Province::Cq);
    t.row(vec![
        "all".into(),
        "all".into(),
        format!("{sc:.0}"),
        format!("{cq:.0}"),
        format!("{:.0}", sc + cq),
    ]);
    print!("{}", t.render());

    if !comparisons.is_empty() {
        println!("\nAgainst official totals and targets (data: links existing in the reference's year, any status):\n");
        let mut t = Table::new(
            &[
                "province",
                "category",
                "reference",
                "ref km",
                "data km",
                "data / ref",
            ],
            &[false, false, false, true, true, true],
        );
        for (r, km, share) in &comparisons {
            t.row(vec![
                r.province.as_str().into(),
                r.category.as_str().into(),
                format!("{} {}", r.kind, r.year),
                format!("{:.0}", r.km),
                format!("{km:.0}"),
                format!("{:.0}%", share * 100.0),
            ]);
        }
        print!("{}", t.render());
        let cover: Vec<String> = comparisons
            .iter()
            .filter(|(r, ..)| r.kind == "official" && r.province == Province::Cq)
            .map(|(r, _, s)| format!("{} {:.0}%", r.category.as_str(), s * 100.0))
            .collect();
        println!(
            "\nCompleteness: for Chongqing the data hold {} of the official kilometres; Sichuan's official figures cover the whole province, of which the economic circle is 15 of 21 prefectures, so its share is a lower bound.",
            cover.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}
