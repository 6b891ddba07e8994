//! `draws.csv`: every draw's verdict and margin per goal — the output of a
//! shard, and what merging the shards of a run reads back.

use super::{DrawRecord, Settings};
use crate::error::Diagnostic;
use crate::goal::Outcome;
use crate::{Error, Result};
use std::path::Path;

/// The header of `draws.csv`.
pub const HEADER: &str = "seed,draws,draw,goal,pass,margin";

/// `draws.csv` of `records` (goal ids in goal order).
pub fn draws_csv(goals: &[&str], settings: &Settings, records: &[DrawRecord]) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for r in records {
        for (id, o) in goals.iter().zip(&r.outcomes) {
            let margin = o.margin.map_or(String::new(), |m| m.to_string());
            out.push_str(&format!(
                "{},{},{},{id},{},{margin}\n",
                settings.seed, settings.draws, r.draw, o.pass
            ));
        }
    }
    out
}

fn bad(path: &Path, line: usize, message: String, fix: &str) -> Error {
    let mut d = Diagnostic::error(path, None, message, fix);
    d.line_col = Some((line, 1));
    Error::Invalid(vec![d])
}

/// Reads the records of one `draws.csv` written for goals `goals`.
pub fn read_draws_csv(
    path: &Path,
    text: &str,
    goals: &[&str],
) -> Result<(Settings, Vec<DrawRecord>)> {
    let fix =
        "merge the draws.csv files that the shards of one sharded run wrote for this scenario";
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, h)) if h.trim_start_matches('\u{feff}') == HEADER => {}
        _ => return Err(bad(path, 1, format!("the header is not `{HEADER}`"), fix)),
    }
    let mut settings: Option<Settings> = None;
    let mut records: Vec<DrawRecord> = Vec::new();
    for (k, line) in lines {
        let n = k + 1;
        let f: Vec<&str> = line.split(',').collect();
        let parsed = (|| {
            let [seed, draws, draw, goal, pass, margin] = f.as_slice() else {
                return None;
            };
            let s = Settings {
                seed: seed.parse().ok()?,
                draws: draws.parse().ok()?,
            };
            let margin = if margin.is_empty() {
                None
            } else {
                Some(margin.parse::<f64>().ok().filter(|m| m.is_finite())?)
            };
            Some((
                s,
                draw.parse::<usize>().ok()?,
                *goal,
                pass.parse::<bool>().ok()?,
                margin,
            ))
        })();
        let Some((s, draw, goal, pass, margin)) = parsed else {
            return Err(bad(
                path,
                n,
                "not a row of seed,draws,draw,goal,pass,margin".into(),
                fix,
            ));
        };
        if *settings.get_or_insert(s) != s {
            return Err(bad(
                path,
                n,
                format!(
                    "seed {} / {} draws differ from the file's first row",
                    s.seed, s.draws
                ),
                fix,
            ));
        }
        if draw >= s.draws {
            return Err(bad(
                path,
                n,
                format!("draw {draw} is not below the {} draws of the run", s.draws),
                fix,
            ));
        }
        if records
            .last()
            .is_none_or(|r| r.draw != draw || r.outcomes.len() == goals.len())
        {
            records.push(DrawRecord {
                draw,
                outcomes: Vec::new(),
            });
        }
        let r = records.last_mut().expect("pushed above");
        let expected = goals.get(r.outcomes.len()).copied().unwrap_or("");
        if r.draw != draw || goal != expected {
            return Err(bad(
                path,
                n,
                format!(
                    "expected goal {expected} of draw {}, found {goal} of draw {draw}",
                    r.draw
                ),
                fix,
            ));
        }
        r.outcomes.push(Outcome { pass, margin });
    }
    if records
        .last()
        .is_some_and(|r| r.outcomes.len() != goals.len())
    {
        return Err(bad(
            path,
            text.lines().count(),
            "the last draw lacks goals".into(),
            fix,
        ));
    }
    let settings = settings.ok_or_else(|| bad(path, 2, "no draws".into(), fix))?;
    Ok((settings, records))
}

/// Joins the records of shards: one run's draws, each exactly once.
pub fn merge(
    parts: Vec<(std::path::PathBuf, Settings, Vec<DrawRecord>)>,
) -> Result<(Settings, Vec<DrawRecord>)> {
    let Some(first) = parts.first().map(|p| p.1) else {
        return Err(Error::BadParameter("no draws.csv to merge".into()));
    };
    let mut all: Vec<Option<DrawRecord>> = vec![None; first.draws];
    for (path, s, records) in parts {
        if s != first {
            return Err(bad(
                &path,
                2,
                format!(
                    "seed {} / {} draws differ from the first part's seed {} / {} draws",
                    s.seed, s.draws, first.seed, first.draws
                ),
                "merge the parts of one run only",
            ));
        }
        for r in records {
            let i = r.draw;
            if all[i].replace(r).is_some() {
                return Err(bad(
                    &path,
                    2,
                    format!("draw {i} is in two parts"),
                    "merge each shard once",
                ));
            }
        }
    }
    let missing: Vec<usize> = (0..all.len()).filter(|&i| all[i].is_none()).collect();
    if let Some(&m) = missing.first() {
        return Err(Error::BadParameter(format!(
            "{} of {} draws are missing (first: draw {m}): merge every shard K/N of the run",
            missing.len(),
            first.draws
        )));
    }
    Ok((first, all.into_iter().flatten().collect()))
}
