//! Plain-text tables aligned for terminals (CJK characters are two columns
//! wide), and the summary table printed by `tongda run`.

use super::Report;
use crate::timemodel::Measure;

/// Display width of a string in a terminal: wide (CJK) characters count two.
pub fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// A table of text cells, printed with columns padded to display width.
///
/// ```
/// use tongda_core::report::TextTable;
/// let mut t = TextTable::new(&["city", "min"], &[false, true]);
/// t.row(vec!["成都".into(), "52.3".into()]);
/// assert_eq!(t.render(), "city   min\n----------\n成都  52.3\n");
/// ```
#[derive(Debug, Default, Clone)]
pub struct TextTable {
    rows: Vec<Vec<String>>,
    right: Vec<bool>,
}

impl TextTable {
    /// A table with these headers; `right[i]` right-aligns column `i` (numbers).
    pub fn new(headers: &[&str], right: &[bool]) -> TextTable {
        TextTable {
            rows: vec![headers.iter().map(|s| s.to_string()).collect()],
            right: right.to_vec(),
        }
    }

    /// Appends a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Renders with two spaces between columns and a rule under the header.
    pub fn render(&self) -> String {
        let ncol = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut width = vec![0; ncol];
        for r in &self.rows {
            for (i, c) in r.iter().enumerate() {
                width[i] = width[i].max(display_width(c));
            }
        }
        let mut out = String::new();
        for (k, r) in self.rows.iter().enumerate() {
            let mut line = String::new();
            for (i, c) in r.iter().enumerate() {
                let pad = " ".repeat(width[i] - display_width(c));
                if i > 0 {
                    line.push_str("  ");
                }
                if self.right.get(i).copied().unwrap_or(false) {
                    line.push_str(&pad);
                    line.push_str(c);
                } else {
                    line.push_str(c);
                    line.push_str(&pad);
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
            if k == 0 {
                let total: usize = width.iter().sum::<usize>() + 2 * ncol.saturating_sub(1);
                out.push_str(&"-".repeat(total));
                out.push('\n');
            }
        }
        out
    }
}

/// One line per goal: result, judged measure, deciding case, value, target, margin, title.
/// With `run --draws`, a column "robust" gives the share of draws with the
/// point verdict.
pub fn summary_table(r: &Report) -> String {
    let robust = r.draws.is_some();
    let mut headers = vec![
        "goal",
        "result",
        "measure",
        "deciding case",
        "value",
        "target",
        "margin",
    ];
    let mut right = vec![false, false, false, false, true, true, true];
    if robust {
        headers.push("robust");
        right.push(true);
    }
    headers.push("goal (seed)");
    right.push(false);
    let mut t = TextTable::new(&headers, &right);
    for g in &r.goals {
        let is_share = g.kind == "coverage";
        let value = match g.value {
            None => "—".to_string(),
            Some(v) if is_share => format!("{:.1}%", v * 100.0),
            Some(v) => format!("{v:.1} min"),
        };
        let target = match g.target {
            Some(t) if is_share => format!("≥ {:.0}%", t * 100.0),
            Some(t) => format!("≤ {t:.0} min"),
            None => "—".into(),
        };
        let margin = match (g.value, g.target) {
            (Some(v), Some(t)) if is_share => format!("{:+.1} pt", (v - t) * 100.0),
            (Some(v), Some(t)) => format!("{:+.1}", t - v),
            _ => "—".into(),
        };
        let mut row = vec![
            g.id.clone(),
            if g.pass { "PASS".into() } else { "FAIL".into() },
            g.measure
                .map_or("—".into(), |m: Measure| m.as_str().to_string()),
            g.worst.clone().unwrap_or_else(|| "—".into()),
            value,
            target,
            margin,
        ];
        if robust {
            row.push(g.robustness.as_ref().map_or("—".into(), |rb| {
                let same = if g.pass {
                    rb.pass_share
                } else {
                    1.0 - rb.pass_share
                };
                format!("{:.0}%", same * 100.0)
            }));
        }
        row.push(g.title_zh.clone());
        t.row(row);
    }
    let mut out = t.render();
    out.push_str(&format!(
        "{} of {} goals pass · scenario {} · year {}\n",
        r.summary.passed, r.summary.goals, r.scenario.name, r.scenario.year
    ));
    if let Some(d) = &r.draws {
        out.push_str(&format!(
            "robust: share of {} draws (seed {}) with the same verdict, over {} uncertain inputs\n",
            d.draws,
            d.seed,
            d.inputs.len()
        ));
    }
    out
}
