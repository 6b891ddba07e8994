//! What is compiled and at what speed: the [`GraphSpec`] (profile, year,
//! statuses), the parameters a link runs at, and its run time.

use super::Weight;
use crate::model::{Link, Mode, Status, Traction};
use crate::timemodel::{ModeParams, Profile, TimeModel};
use std::collections::BTreeSet;

/// Which links are compiled: a profile, a year and the statuses allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphSpec {
    /// Travel profile.
    pub profile: Profile,
    /// Links with `open_year <= year` (and not retired) are used.
    pub year: i32,
    /// Link statuses allowed (e.g. open + under construction + planned).
    pub statuses: BTreeSet<Status>,
    /// Projects used whatever their status (a scenario's `open_project` edits).
    pub forced_projects: BTreeSet<String>,
}

impl GraphSpec {
    /// The default spec: everything but `proposed` that exists in `year`.
    pub fn new(profile: Profile, year: i32) -> GraphSpec {
        GraphSpec {
            profile,
            year,
            statuses: [Status::Open, Status::UnderConstruction, Status::Planned]
                .into_iter()
                .collect(),
            forced_projects: BTreeSet::new(),
        }
    }

    /// True if `link` is part of the graph for this spec under `tm`.
    pub fn uses(&self, link: &Link, tm: &TimeModel) -> bool {
        link.exists_in(self.year)
            && (self.statuses.contains(&link.status)
                || self.forced_projects.contains(&link.project))
            && mode_params(tm, self.profile, link).is_some()
    }
}

/// Seconds, rounded, as an arc weight (capped far below overflow).
pub(crate) fn secs(x: f64) -> Weight {
    x.round().clamp(0.0, (u32::MAX / 4) as f64) as Weight
}

/// The parameters a link runs at under a profile, or `None` if the profile
/// cannot use it. Freight runs on any rail link marked `freight: true`, at the
/// freight profile's `conventional_rail` parameters (freight trains run at
/// freight speeds whatever the line's passenger classification); passenger
/// profiles use the link's own mode.
pub fn mode_params<'a>(tm: &'a TimeModel, profile: Profile, link: &Link) -> Option<&'a ModeParams> {
    let pp = tm.profile(profile);
    if profile == Profile::Freight && link.mode.is_rail() {
        return if link.freight {
            pp.modes.get(&Mode::ConventionalRail)
        } else {
            None
        };
    }
    pp.modes.get(&link.mode)
}

/// The parameters a train of `traction` runs `link` with: a
/// locomotive-hauled train's own (the profile's `locomotive`, if given) on a
/// link its profile may ride, otherwise the link's [`mode_params`].
pub(crate) fn traction_params<'a>(
    tm: &'a TimeModel,
    profile: Profile,
    link: &Link,
    traction: Traction,
) -> Option<&'a ModeParams> {
    let own = mode_params(tm, profile, link)?;
    Some(tm.profile(profile).for_train(traction, own))
}

/// Cruise speed of a link in a direction in `year`, km/h.
fn cruise_kmh(link: &Link, mp: &ModeParams, forward: bool, year: i32) -> f64 {
    let top = if link.mode == Mode::Waterway {
        let (down, up) = (link.speed_downstream_kmh, link.speed_upstream_kmh);
        let v = if forward { down } else { up };
        v.or(link.design_speed_kmh).unwrap_or(10.0)
    } else if let (true, Some(limit)) = (link.mode.is_road(), link.speed_limit_kmh) {
        limit
    } else {
        let mut v = link.design_speed_kmh.unwrap_or(60.0);
        if let Some(op) = link.operating_speed_in(year) {
            v = v.min(op);
        }
        v
    };
    let capped = mp.max_speed_kmh.map_or(top, |m| top.min(m));
    capped * mp.cruise_fraction
}

/// Run time of a link in a direction in `year`, seconds (unrounded).
pub(crate) fn run_seconds(link: &Link, mp: &ModeParams, forward: bool, year: i32) -> f64 {
    link.length_km / cruise_kmh(link, mp, forward, year) * 3600.0
}
