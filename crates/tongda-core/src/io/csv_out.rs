//! The one CSV writer of tongda's outputs (RFC 4180): a field holding a
//! comma, a quote or a line break is quoted, quotes doubled. `run`'s
//! `skim.csv` and `skim`'s output are both written with it
//! ([`crate::skim::skim_csv`]).

use std::borrow::Cow;

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
