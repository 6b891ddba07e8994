//! The sentences a reader sees for each goal, and the goal's `report.json`
//! form (its figures plus that sentence).

use crate::goal::slowest;
use crate::goal::{Details, GoalResult, PairResult, ProjectRef, Quantifier};
use serde::ser::{Serialize, SerializeStruct, Serializer};

impl ProjectRef {
    /// `名称 (status year)`, as the reports list it.
    pub fn label(&self) -> String {
        format!(
            "{} ({} {})",
            self.name_zh,
            self.status.as_str(),
            self.open_year
        )
    }
}

/// One sentence with the goal's figures, e.g. "2/2 pairs within 60 min;
/// slowest 成都 → 重庆 61.2 min (margin -1.2)".
pub fn goal_summary(g: &GoalResult) -> String {
    let t = g.threshold_min.unwrap_or(f64::NAN);
    match &g.details {
        Details::Pairs => pairs_sentence(&g.pairs.iter().collect::<Vec<_>>(), t),
        Details::HubToSet(d) => {
            let q = g.quantifier.unwrap_or(Quantifier::All);
            let within = |idx: &[usize]| idx.iter().filter(|&&i| g.pairs[i].pass).count();
            let n = d.nearest.len();
            let deciding: Vec<&PairResult> = d.deciding(q).iter().map(|&i| &g.pairs[i]).collect();
            format!(
                "{}/{n} within {t:.0} min of any hub, {}/{n} of every hub ({} decides); worst: {}",
                within(&d.nearest),
                within(&d.farthest),
                if q == Quantifier::Any { "any" } else { "all" },
                pairs_sentence(&deciding, t)
            )
        }
        Details::Coverage(c) => {
            let share = if c.population_total > 0 {
                c.population_covered as f64 / c.population_total as f64
            } else {
                0.0
            };
            format!(
                "{:.1}% of {:.1} M people within {t:.0} min of the nearest base (required {:.0}%); {} places outside",
                share * 100.0,
                c.population_total as f64 / 1e6,
                g.target.unwrap_or(f64::NAN) * 100.0,
                c.places_outside
            )
        }
        Details::FreightRoute(f) => match (g.value, f.missing_modes.is_empty()) {
            (Some(total), true) => format!(
                "route exists via {}: {:.0} h {:.0} min door to door; {} alternative: {}",
                f.stops[1..f.stops.len() - 1].join(", "),
                (total / 60.0).floor(),
                total % 60.0,
                modes(&f.alternative_modes, "+"),
                f.alternative_min.map_or("no route".into(), |a| format!(
                    "{a:.0} min (ratio {:.2})",
                    total / a
                ))
            ),
            (Some(_), false) => format!(
                "a route exists but does not use {}",
                modes(&f.missing_modes, ", ")
            ),
            (None, _) => "no route through the required points in this network".into(),
        },
        Details::Inventory(i) => {
            let parts: Vec<String> = i
                .targets
                .iter()
                .map(|t| {
                    format!(
                        "{} {:.0}/{:.0} km",
                        t.category.as_str(),
                        t.data_km,
                        t.target_km
                    )
                })
                .collect();
            format!(
                "{} in {}: {} (the data's coverage of official totals: see `tongda inventory`)",
                i.province.as_str(),
                i.year,
                parts.join(", ")
            )
        }
    }
}

fn modes(m: &[crate::model::Mode], sep: &str) -> String {
    m.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(sep)
}

/// "k/n pairs within t min; slowest A → B m min (margin ±x)".
fn pairs_sentence(pairs: &[&PairResult], t: f64) -> String {
    let ok = pairs.iter().filter(|p| p.pass).count();
    slowest(pairs).map_or_else(String::new, |w| {
        format!(
            "{ok}/{} pairs within {t:.0} min; slowest {} → {} {}",
            pairs.len(),
            w.from_name,
            w.to_name,
            w.minutes.map_or("unreachable".into(), |m| format!(
                "{m:.1} min (margin {:+.1})",
                t - m
            ))
        )
    })
}

impl Serialize for GoalResult {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("GoalResult", 19)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("title_zh", &self.title_zh)?;
        st.serialize_field("title_en", &self.title_en)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("note", &self.note)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("profile", &self.profile)?;
        st.serialize_field("measure", &self.measure)?;
        st.serialize_field("threshold_min", &self.threshold_min)?;
        st.serialize_field("quantifier", &self.quantifier)?;
        st.serialize_field("pass", &self.pass)?;
        st.serialize_field("summary", &goal_summary(self))?;
        st.serialize_field("worst", &self.worst)?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("target", &self.target)?;
        st.serialize_field("pass_any", &self.pass_any)?;
        st.serialize_field("pass_all", &self.pass_all)?;
        st.serialize_field("pairs", &self.pairs)?;
        st.serialize_field("details", &self.details)?;
        if let Some(r) = &self.robustness {
            st.serialize_field("robustness", r)?;
        }
        st.end()
    }
}
