//! The one CSV writer of tongda's outputs (RFC 4180): a field holding a
//! comma, a quote or a line break is quoted, quotes doubled. `run`'s
//! `skim.csv` and `skim`'s output are both written by [`skim_csv`].

use crate::model::Network;
use crate::skim::Skim;
use std::borrow::Cow;
use std::fmt::Write;

/// A CSV field, quoted when it holds a comma, a quote or a line break.
///
/// ```
/// use tongda_core::io::csv_out::field;
/// assert_eq!(field("成都"), "成都");
/// assert_eq!(field("a,b"), "\"a,b\"");
/// assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
/// ```
pub fn field(s: &str) -> Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

/// Appends one row (fields quoted as needed) and a line break.
pub fn push_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(f));
    }
    out.push('\n');
}

/// Minutes with one decimal, from seconds (empty when unreachable).
fn minutes(sec: Option<u32>) -> String {
    sec.map_or(String::new(), |s| {
        format!("{:.1}", (f64::from(s) / 6.0).round() / 10.0)
    })
}

/// A skim table: `origin,origin_name,destination,destination_name`, then one
/// `<measure>_min` column per skim (all skims share origins and destinations).
/// Returns the CSV text and the number of empty (unreachable) cells.
pub fn skim_csv(net: &Network, skims: &[&Skim]) -> (String, usize) {
    let mut out = String::new();
    let mut head = vec![
        "origin".to_string(),
        "origin_name".into(),
        "destination".into(),
        "destination_name".into(),
    ];
    head.extend(
        skims
            .iter()
            .map(|s| format!("{}_min", s.measure.as_str().replace('-', "_"))),
    );
    push_row(&mut out, head.iter().map(String::as_str));
    let Some(first) = skims.first() else {
        return (out, 0);
    };
    let mut empty = 0;
    for (i, &o) in first.origins.iter().enumerate() {
        for (j, &d) in first.destinations.iter().enumerate() {
            let (on, dn) = (&net.nodes[o as usize], &net.nodes[d as usize]);
            let _ = write!(
                out,
                "{},{},{},{}",
                field(&on.id),
                field(&on.name_zh),
                field(&dn.id),
                field(&dn.name_zh)
            );
            for s in skims {
                let v = s.get(i, j);
                empty += usize::from(v.is_none());
                out.push(',');
                out.push_str(&minutes(v));
            }
            out.push('\n');
        }
    }
    (out, empty)
}
