//! Small text helpers: closest-match suggestions for unknown names.

/// Levenshtein distance over Unicode scalar values (works for 成都 as for chengdu).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Up to `n` candidates closest to `query` (case-insensitive), best first;
/// ties keep candidate order. A candidate containing the query (or contained
/// in it) is always listed, ranked by its edit distance.
pub fn closest<'a>(
    query: &str,
    candidates: impl Iterator<Item = &'a str>,
    n: usize,
) -> Vec<String> {
    let q = query.to_lowercase();
    let limit = ((q.chars().count() + 1) / 3).max(1);
    let mut scored: Vec<(usize, usize, &str)> = candidates
        .enumerate()
        .filter_map(|(i, c)| {
            let lc = c.to_lowercase();
            let d = edit_distance(&q, &lc);
            let related = !lc.is_empty() && (lc.contains(&q) || q.contains(&lc));
            (d <= limit || related).then_some((d, i, c))
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(n)
        .map(|(_, _, c)| c.to_string())
        .collect()
}

/// `unknown {what} "{id}" (closest: a, b, c)`, or without the list when
/// nothing is close: the one wording of an unknown id.
///
/// ```
/// let m = tongda_core::text::unknown("link", "zhongxian_9", ["zhongxian_1", "suiyu_1"].into_iter());
/// assert_eq!(m, "unknown link \"zhongxian_9\" (closest: zhongxian_1)");
/// ```
pub fn unknown<'a>(what: &str, id: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    let c = closest(id, candidates, 3);
    if c.is_empty() {
        format!("unknown {what} \"{id}\"")
    } else {
        format!("unknown {what} \"{id}\" (closest: {})", c.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("chengdu", "chengdu"), 0);
        assert_eq!(edit_distance("chendu", "chengdu"), 1);
        assert_eq!(edit_distance("成都", "成都东"), 1);
    }

    #[test]
    fn suggestions_rank_close_names_first() {
        let c = closest(
            "chongqin",
            ["chengdu", "chongqing", "cq_yubei"].into_iter(),
            2,
        );
        assert_eq!(c, vec!["chongqing"]);
    }
}
