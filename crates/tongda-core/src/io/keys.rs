//! Known keys of every user-written table, so that a typo (`yaer = 2028`)
//! is an error — "unknown key `yaer`, did you mean `year`?" — instead of
//! being ignored. Each list is one constant: a new property or option is
//! added here, next to its siblings.

/// Edit distance counting a swap of two neighbours as one edit (optimal
/// string alignment), so that `yaer` is one edit from `year`.
fn osa_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// The known key closest to `key`, if it is close enough to be a typo.
fn suggestion<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    if key.chars().count() > 64 {
        return None;
    }
    let limit = (key.chars().count() / 3).max(2);
    known
        .iter()
        .map(|k| (osa_distance(key, k), *k))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| k)
}

/// Properties of a geodata node (Point feature); see geodata/README.md.
pub const NODE_KEYS: &[&str] = &[
    "id",
    "name_zh",
    "name_en",
    "kind",
    "province",
    "population",
    "parent",
    "city",
    "processing_min",
    "express_stop",
    "approach_s",
    "source",
    // A place's main stations (array of station ids) and where that list comes from.
    "main_stations",
    "main_stations_source",
];

/// Properties of a geodata link (LineString feature); see geodata/README.md.
pub const LINK_KEYS: &[&str] = &[
    "id",
    "name_zh",
    "name_en",
    "project",
    "line",
    "mode",
    "from",
    "to",
    "design_speed_kmh",
    "operating_speed_kmh",
    "operating_speed_since",
    "speed_limit_kmh",
    "speed_upstream_kmh",
    "speed_downstream_kmh",
    "length_km",
    "minutes",
    "headway_min",
    "status",
    "open_year",
    "retire_year",
    "oneway",
    "freight",
    "inventory",
    "source",
];

/// Keys of every `[[goal]]` table, whatever its kind.
pub const GOAL_COMMON_KEYS: &[&str] = &["id", "title_zh", "title_en", "source", "note", "kind"];

/// Keys of a `[[goal]]` table by its `kind` (besides [`GOAL_COMMON_KEYS`]).
pub const GOAL_KIND_KEYS: &[(&str, &[&str])] = &[
    (
        "pair",
        &[
            "from",
            "to",
            "both_directions",
            "threshold_min",
            "measure",
            "profile",
        ],
    ),
    (
        "hub_to_set",
        &[
            "hubs",
            "set",
            "quantifier",
            "threshold_min",
            "measure",
            "profile",
        ],
    ),
    (
        "within_set",
        &["set", "threshold_min", "measure", "profile"],
    ),
    (
        "coverage",
        &[
            "bases",
            "threshold_min",
            "required_share",
            "measure",
            "profile",
        ],
    ),
    (
        "freight_route",
        &["from", "to", "via", "modes", "alternative_modes", "profile"],
    ),
    ("inventory", &["province", "targets"]),
];

/// Keys of a scenario `[[edits]]` table by its `type`; `None`: any key (an
/// `add_link` edit's properties are a geodata link's, checked by the loader).
pub const EDIT_KEYS: &[(&str, Option<&[&str]>)] = &[
    ("add_links", Some(&["type", "file"])),
    ("add_link", None),
    ("remove_project", Some(&["type", "project"])),
    ("remove_links", Some(&["type", "links"])),
    (
        "set_speed",
        Some(&[
            "type",
            "project",
            "links",
            "design_speed_kmh",
            "operating_speed_kmh",
        ]),
    ),
    (
        "set_access",
        Some(&["type", "place", "facility", "minutes"]),
    ),
    ("open_project", Some(&["type", "project", "year"])),
    (
        "add_service",
        Some(&[
            "type",
            "id",
            "name_zh",
            "name_en",
            "mode",
            "stops",
            "lines",
            "per_day",
            "headway_min",
            "from_year",
            "to_year",
            "oneway",
            "source",
        ]),
    ),
    ("remove_service", Some(&["type", "service"])),
    (
        "set_headway",
        Some(&["type", "service", "headway_min", "per_day"]),
    ),
    (
        "set_range",
        Some(&[
            "type",
            "project",
            "links",
            "design_speed_kmh_range",
            "operating_speed_kmh_range",
            "open_year_range",
            "source",
        ]),
    ),
];

/// "unknown key `yaer`, did you mean `year`?" (or the list of known keys).
pub fn unknown_key_message(what: &str, key: &str, known: &[&str]) -> String {
    let shown = crate::io::budget::excerpt(key, 60);
    match suggestion(key, known) {
        Some(k) => format!("unknown {what} `{shown}`, did you mean `{k}`?"),
        None => format!("unknown {what} `{shown}` (known: {})", known.join(", ")),
    }
}

/// Messages for the keys of `keys` not in any of `known`.
pub fn unknown<'a>(
    what: &str,
    keys: impl Iterator<Item = &'a String>,
    known: &[&[&str]],
) -> Vec<String> {
    let all: Vec<&str> = known.iter().flat_map(|k| k.iter().copied()).collect();
    keys.filter(|k| !all.contains(&k.as_str()))
        .map(|k| unknown_key_message(what, k, &all))
        .collect()
}

/// Unknown keys of each `[[goal]]` table: `(goal index, message)`.
pub fn goal_table_errors(root: &toml::Table) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let Some(goals) = root.get("goal").and_then(toml::Value::as_array) else {
        return out;
    };
    for (i, g) in goals.iter().enumerate() {
        let Some(t) = g.as_table() else { continue };
        let kind = t.get("kind").and_then(toml::Value::as_str);
        // An unknown kind is reported by the parser with the list of kinds.
        let Some(&(_, keys)) = GOAL_KIND_KEYS.iter().find(|(k, _)| Some(*k) == kind) else {
            continue;
        };
        for m in unknown("key", t.keys(), &[GOAL_COMMON_KEYS, keys]) {
            let id = t.get("id").and_then(toml::Value::as_str).unwrap_or("?");
            out.push((i, format!("goal #{} ({id}): {m}", i + 1)));
        }
    }
    out
}

/// Unknown keys of each `[[edits]]` table: `(edit index, message)`.
pub fn edit_table_errors(root: &toml::Table) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let Some(edits) = root.get("edits").and_then(toml::Value::as_array) else {
        return out;
    };
    for (i, e) in edits.iter().enumerate() {
        let Some(t) = e.as_table() else { continue };
        let ty = t.get("type").and_then(toml::Value::as_str);
        let Some(&(name, Some(keys))) = EDIT_KEYS.iter().find(|(k, _)| Some(*k) == ty) else {
            continue;
        };
        for m in unknown("key", t.keys(), &[keys]) {
            out.push((i, format!("edit #{} ({name}): {m}", i + 1)));
        }
    }
    out
}

/// Parses `text` (already known to be valid TOML of its kind) and turns the
/// unknown keys `check` finds into one [`crate::Error::Invalid`] naming `path`.
pub fn check_toml(
    text: &str,
    path: &std::path::Path,
    check: fn(&toml::Table) -> Vec<(usize, String)>,
) -> crate::Result<()> {
    let Ok(root) = toml::from_str::<toml::Table>(text) else {
        return Ok(());
    };
    let diags: Vec<crate::Diagnostic> = check(&root)
        .into_iter()
        .map(|(_, m)| {
            crate::Diagnostic::error(
                path,
                None,
                m,
                "correct the spelling or remove the key (the README lists every key)",
            )
        })
        .collect();
    if diags.is_empty() {
        Ok(())
    } else {
        Err(crate::Error::Invalid(diags))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_get_a_suggestion() {
        assert_eq!(
            unknown_key_message("key", "yaer", &["type", "project", "year"]),
            "unknown key `yaer`, did you mean `year`?"
        );
        let t: toml::Table =
            toml::from_str("[[edits]]\ntype = \"open_project\"\nproject = \"x\"\nyaer = 2028\n")
                .unwrap();
        assert_eq!(
            edit_table_errors(&t),
            vec![(
                0,
                "edit #1 (open_project): unknown key `yaer`, did you mean `year`?".to_string()
            )]
        );
    }
}
