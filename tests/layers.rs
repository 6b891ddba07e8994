//! The layering check: no module of tongda-core imports one that comes
//! later in the data flow (README, "Layout"):
//!
//! files → model → scenario → graph → route (+ skim) → evaluate → output.
//!
//! Each top-level module of `crates/tongda-core/src` belongs to one layer;
//! a `crate::<module>` path in a file may name a module of its own layer or
//! of an earlier one. A new module must be given a layer here.

use std::path::Path;

const LAYERS: &[&[&str]] = &[
    // foundations: errors, text and units, numeric helpers, coordinate transforms
    &["error", "text", "units", "stats", "chinacrs"],
    // the model: network, services, uncertain inputs, the time model
    &["model", "timemodel"],
    // files in: readers and checks of the geodata, services, ranges, CSVs
    &["io"],
    // scenarios: a network year, statuses, edits
    &["scenario"],
    // the compiled routing graph
    &["graph"],
    // routing on it: routes, skims, and what sums over places
    &["route", "skim", "population", "inventory"],
    // evaluation: goals and calibration
    &["goal", "calibration"],
    // analyses built on evaluation: robustness, timelines, isochrones
    &["robust", "analysis", "iso"],
    // output: reports, paths, HTML, exports
    &["report", "export"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir)
        .expect("readable source dir")
        .flatten()
    {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every `crate::<module>` a line names.
fn crate_paths(line: &str) -> Vec<&str> {
    line.match_indices("crate::")
        .filter(|(i, _)| !line[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        .map(|(i, _)| {
            let rest = &line[i + "crate::".len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|m| !m.is_empty())
        .collect()
}

#[test]
fn no_module_imports_a_later_one() {
    let root = Path::new("crates/tongda-core/src");
    let mut files = Vec::new();
    rust_files(root, &mut files);
    files.sort();
    let mut bad = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(root).expect("under src");
        let first = rel.components().next().expect("a component");
        let top = first.as_os_str().to_string_lossy();
        let top = top.trim_end_matches(".rs");
        if top == "lib" {
            continue;
        }
        let Some(own) = layer(top) else {
            bad.push(format!(
                "{}: module `{top}` has no layer in tests/layers.rs",
                f.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(f).expect("utf-8 source");
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue; // docs may link anywhere
            }
            for m in crate_paths(line) {
                if let Some(l) = layer(m).filter(|&l| l > own) {
                    bad.push(format!(
                        "{}:{}: `{top}` (layer {own}) imports `{m}` (layer {l})",
                        f.display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} layering violation(s):\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_check_sees_an_import_of_a_later_layer() {
    // The parser the check relies on.
    assert_eq!(
        crate_paths("use crate::graph::{RoutingGraph, Weight};"),
        vec!["graph"]
    );
    assert_eq!(
        crate_paths("x = crate::report::run(sc); y = tongda_crate::io"),
        vec!["report"]
    );
    assert!(layer("report") > layer("io"));
}
