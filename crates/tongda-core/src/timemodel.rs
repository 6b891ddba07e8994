//! The time model: how long a link, a boarding, a transfer or an access takes,
//! per [`Profile`].
//!
//! Every parameter has a documented default (see the README's "Time model"
//! section, which mirrors this file); a TOML file may override any subset:
//!
//! ```toml
//! [passenger.modes.hsr]
//! cruise_fraction = 0.92
//! ```
//!
//! Formulas (all times in seconds, rounded to whole seconds per edge):
//! - cruise speed `v = min(design, operating, max_speed_kmh) × cruise_fraction`,
//!   the operating speed being that of the routed year
//!   ([`crate::model::Link::operating_speed_in`]); waterways use the directional vessel speed instead of design speed;
//! - run time of a link `= length_km / v × 3600`;
//! - one ride `= Σ run + terminal_s + pass_stop_s × (express stops passed)`
//!   (`terminal_s`: acceleration, braking and dwell lost once per ride;
//!   `pass_stop_s`: loss at each intermediate station where the fastest service
//!   stops — see [`Network::is_express_stop`](crate::model::Network::is_express_stop);
//!   other stations are passed at speed);
//! - boarding wait `= headway_min / 2`; a change of line adds `transfer_min`;
//! - door-to-door adds the access connector minutes at both ends, the station's
//!   `processing_min` on entry and `egress_min` on exit, and the first wait;
//!   road trips add `road_terminal_min` at each end (parking, leaving the city).

use crate::model::{Mode, NodeKind, Traction};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// A travel profile: who travels, hence which modes are usable and how fast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// A person using rail and road (coach or car) — the policy goals' profile.
    Passenger,
    /// A private car on roads only.
    Car,
    /// Freight: conventional rail, road and waterway, with transshipment at ports.
    Freight,
}

impl Profile {
    /// All profiles.
    pub const ALL: [Profile; 3] = [Profile::Passenger, Profile::Car, Profile::Freight];

    /// The name used on the command line and in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Passenger => "passenger",
            Profile::Car => "car",
            Profile::Freight => "freight",
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Profile {
    type Err = Error;
    fn from_str(s: &str) -> Result<Profile> {
        Profile::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| {
                Error::BadParameter(format!(
                    "unknown profile \"{s}\": use passenger, car or freight"
                ))
            })
    }
}

/// Which "1 hour" is meant: policy headlines quote in-vehicle times, people live door to door.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// From boarding at the best station of X to alighting at the best station of Y:
    /// time on board including stops en route, plus transfers between lines.
    InVehicle,
    /// Centre of X to centre of Y: access, processing, half-headway wait,
    /// in-vehicle, transfers and egress.
    DoorToDoor,
}

impl Measure {
    /// Both measures.
    pub const ALL: [Measure; 2] = [Measure::InVehicle, Measure::DoorToDoor];

    /// The name used on the command line and in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::InVehicle => "in-vehicle",
            Measure::DoorToDoor => "door-to-door",
        }
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Measure {
    type Err = Error;
    fn from_str(s: &str) -> Result<Measure> {
        Measure::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| {
                Error::BadParameter(format!(
                    "unknown measure \"{s}\": use in-vehicle or door-to-door"
                ))
            })
    }
}

/// The largest terminal or stop loss a mode may declare, seconds (half an hour).
pub const MAX_STOP_S: f64 = 1800.0;

/// Parameters of one mode within one profile.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModeParams {
    /// Cruise speed as a fraction of the usable top speed (0 < f ≤ 1).
    pub cruise_fraction: f64,
    /// Standard deviation of `cruise_fraction` for robustness draws (0: not
    /// drawn); the defaults come from a bootstrap over the calibration rows
    /// (`tongda calibrate --bootstrap`, README "Robustness").
    #[serde(default)]
    pub cruise_fraction_sd: f64,
    /// Speed cap for this profile (e.g. trucks 90 km/h), km/h.
    #[serde(default)]
    pub max_speed_kmh: Option<f64>,
    /// Scheduled modes: seconds lost once per ride (acceleration, braking, dwell at the ends).
    #[serde(default)]
    pub terminal_s: f64,
    /// Scheduled modes: seconds lost at each intermediate express stop (a station
    /// where the fastest services stop; other stations are passed at speed).
    #[serde(default)]
    pub pass_stop_s: f64,
    /// Scheduled modes: default headway, minutes (wait = half of it).
    #[serde(default)]
    pub headway_min: f64,
}

/// Parameters of one profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileParams {
    /// The usable modes and their parameters; a mode absent here is not usable.
    pub modes: BTreeMap<Mode, ModeParams>,
    /// Locomotive-hauled services ([`crate::model::Traction::Locomotive`]):
    /// their cruise fraction and speed cap apply to every link they run
    /// over, whatever its mode, and their stop losses to their calls.
    /// Absent: such services ride with their mode's parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locomotive: Option<ModeParams>,
    /// Minutes for changing line at a station or port (walk, buffer; transshipment for freight).
    pub transfer_min: f64,
    /// Default processing minutes when entering a station (security, tickets).
    pub station_processing_min: f64,
    /// Default processing minutes when entering a port.
    pub port_processing_min: f64,
    /// Minutes from the platform to the station exit.
    pub egress_min: f64,
    /// Minutes added at each end of a trip that starts or ends on the road (parking, urban streets).
    pub road_terminal_min: f64,
}

/// All profiles' parameters. `TimeModel::default()` is the documented, calibrated model.
///
/// ```
/// use tongda_core::{TimeModel, Profile};
/// use tongda_core::model::Mode;
/// let tm = TimeModel::default();
/// let hsr = tm.profile(Profile::Passenger).modes[&Mode::Hsr];
/// assert!(hsr.cruise_fraction > 0.5 && hsr.cruise_fraction <= 1.0);
/// assert!(!tm.profile(Profile::Car).modes.contains_key(&Mode::Hsr));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeModel {
    /// Passenger profile.
    pub passenger: ProfileParams,
    /// Car profile.
    pub car: ProfileParams,
    /// Freight profile.
    pub freight: ProfileParams,
}

fn scheduled(
    cruise_fraction: f64,
    terminal_s: f64,
    pass_stop_s: f64,
    headway_min: f64,
) -> ModeParams {
    ModeParams {
        cruise_fraction,
        cruise_fraction_sd: 0.0,
        max_speed_kmh: None,
        terminal_s,
        pass_stop_s,
        headway_min,
    }
}

fn with_sd(mp: ModeParams, cruise_fraction_sd: f64) -> ModeParams {
    ModeParams {
        cruise_fraction_sd,
        ..mp
    }
}

fn road(cruise_fraction: f64, max_speed_kmh: Option<f64>) -> ModeParams {
    ModeParams {
        cruise_fraction,
        cruise_fraction_sd: 0.0,
        max_speed_kmh,
        terminal_s: 0.0,
        pass_stop_s: 0.0,
        headway_min: 0.0,
    }
}

impl Default for TimeModel {
    fn default() -> Self {
        // Justifications are in the README's "Time model" table; HSR and
        // intercity fitted on geodata/calibration.csv plus the tuning half of
        // the timetable check sets (geodata/notes/split_timetable_check.py),
        // checked on the other half by tests/calibration.rs.
        let access = road(1.0, None);
        let passenger = ProfileParams {
            modes: BTreeMap::from([
                // cruise_fraction_sd: `tongda calibrate --bootstrap 1000 --seed 1
                // --file geodata/calibration.csv --file <tuning half>` (README,
                // "Robustness"): the spread of the fitted fraction over
                // resamples of the rows that ride the mode alone.
                (
                    Mode::Hsr,
                    with_sd(scheduled(0.86, 180.0, 420.0, 30.0), 0.003),
                ),
                (
                    Mode::Intercity,
                    with_sd(scheduled(0.75, 420.0, 0.0, 30.0), 0.045),
                ),
                (
                    Mode::ConventionalRail,
                    with_sd(scheduled(0.98, 360.0, 300.0, 120.0), 0.071),
                ),
                (Mode::SuburbanRail, scheduled(0.60, 90.0, 60.0, 15.0)),
                (Mode::Expressway, road(0.90, None)),
                (Mode::Highway, road(0.75, None)),
                (Mode::Access, access),
            ]),
            // Locomotive-hauled (K/T/Z) services: fitted on the tuning half's
            // 25 K-train rows (geodata/notes/grid_locomotive.py; held-out half
            // 142 → 145 of 184 within ±15 %): 140 km/h cap, 20 min per call
            // (dwell and the waits in passing loops a K timetable puts there).
            locomotive: Some(ModeParams {
                max_speed_kmh: Some(140.0),
                ..scheduled(0.90, 600.0, 1200.0, 120.0)
            }),
            transfer_min: 10.0,
            station_processing_min: 10.0,
            port_processing_min: 15.0,
            egress_min: 5.0,
            road_terminal_min: 5.0,
        };
        let car = ProfileParams {
            modes: BTreeMap::from([
                (Mode::Expressway, road(1.0, None)),
                (Mode::Highway, road(0.80, None)),
                (Mode::Access, access),
            ]),
            locomotive: None,
            transfer_min: 0.0,
            station_processing_min: 0.0,
            port_processing_min: 0.0,
            egress_min: 0.0,
            road_terminal_min: 5.0,
        };
        let freight = ProfileParams {
            modes: BTreeMap::from([
                (
                    Mode::ConventionalRail,
                    ModeParams {
                        max_speed_kmh: Some(80.0),
                        ..scheduled(0.75, 1800.0, 900.0, 360.0)
                    },
                ),
                (Mode::Expressway, road(0.80, Some(90.0))),
                (Mode::Highway, road(0.70, Some(70.0))),
                (Mode::Waterway, scheduled(1.0, 1800.0, 1800.0, 720.0)),
                (Mode::Access, access),
            ]),
            locomotive: None,
            transfer_min: 240.0,
            station_processing_min: 120.0,
            port_processing_min: 120.0,
            egress_min: 60.0,
            road_terminal_min: 30.0,
        };
        TimeModel {
            passenger,
            car,
            freight,
        }
    }
}

impl ProfileParams {
    /// The parameters a train of `traction` runs with where its mode's (or
    /// link's) parameters are `own`: the `locomotive` ones for a
    /// locomotive-hauled train when the profile gives them, else `own`.
    pub fn for_train<'a>(&'a self, traction: Traction, own: &'a ModeParams) -> &'a ModeParams {
        match (traction, &self.locomotive) {
            (Traction::Locomotive, Some(loco)) => loco,
            _ => own,
        }
    }
}

impl TimeModel {
    /// The parameters of one profile.
    pub fn profile(&self, p: Profile) -> &ProfileParams {
        match p {
            Profile::Passenger => &self.passenger,
            Profile::Car => &self.car,
            Profile::Freight => &self.freight,
        }
    }

    /// Mutable parameters of one profile (scenario overrides).
    pub fn profile_mut(&mut self, p: Profile) -> &mut ProfileParams {
        match p {
            Profile::Passenger => &mut self.passenger,
            Profile::Car => &mut self.car,
            Profile::Freight => &mut self.freight,
        }
    }

    /// Reads a TOML override: a partial document whose tables replace the defaults'.
    /// `source` names the file in error messages.
    pub fn from_toml_overrides(text: &str, source: &str) -> Result<TimeModel> {
        let over: toml::Value =
            toml::from_str(text).map_err(|e| Error::BadParameter(format!("{source}: {e}")))?;
        TimeModel::default().overlay(over, source)
    }

    /// This model with a partial TOML document laid over it (scenario `[params]`).
    pub fn overlay(&self, over: toml::Value, source: &str) -> Result<TimeModel> {
        let base = toml::Value::try_from(self.clone())
            .map_err(|e| Error::BadParameter(format!("internal: {e}")))?;
        let merged = merge(base, over);
        let tm: TimeModel = merged
            .try_into()
            .map_err(|e| Error::BadParameter(format!("{source}: {e}")))?;
        tm.check()
            .map_err(|e| Error::BadParameter(format!("{source}: {e}")))?;
        Ok(tm)
    }

    /// Checks that every parameter is in its range.
    pub fn check(&self) -> std::result::Result<(), ParamError> {
        // NaN is refused with the negatives: it would poison every time it touches.
        let negative = |v: f64| v.is_nan() || v < 0.0;
        for p in Profile::ALL {
            let pp = self.profile(p);
            let loco = pp
                .locomotive
                .iter()
                .map(|mp| (format!("{p}.locomotive"), mp));
            let modes = pp
                .modes
                .iter()
                .map(|(m, mp)| (format!("{p}.modes.{m}"), mp));
            for (at, mp) in modes.chain(loco) {
                if !(mp.cruise_fraction > 0.0 && mp.cruise_fraction <= 1.0) {
                    return Err(ParamError::OutOfRange {
                        key: format!("{at}.cruise_fraction"),
                        value: mp.cruise_fraction,
                        range: "in (0, 1]",
                    });
                }
                if !(mp.cruise_fraction_sd >= 0.0 && mp.cruise_fraction_sd <= 0.5) {
                    return Err(ParamError::OutOfRange {
                        key: format!("{at}.cruise_fraction_sd"),
                        value: mp.cruise_fraction_sd,
                        range: "in [0, 0.5]",
                    });
                }
                if mp
                    .max_speed_kmh
                    .is_some_and(|v| !(v > 0.0 && v <= crate::units::MAX_SPEED_KMH))
                {
                    return Err(ParamError::Speed {
                        key: format!("{at}.max_speed_kmh"),
                    });
                }
                if negative(mp.terminal_s) || negative(mp.pass_stop_s) || negative(mp.headway_min) {
                    return Err(ParamError::NegativeTimes { mode: at });
                }
                // A call is braking, dwell and acceleration: it may cost more
                // than the ride's terminal loss, but not half an hour.
                if mp.pass_stop_s > MAX_STOP_S || mp.terminal_s > MAX_STOP_S {
                    return Err(ParamError::LongStop {
                        mode: at,
                        terminal_s: mp.terminal_s,
                        pass_stop_s: mp.pass_stop_s,
                    });
                }
            }
            for (name, v) in [
                ("transfer_min", pp.transfer_min),
                ("station_processing_min", pp.station_processing_min),
                ("port_processing_min", pp.port_processing_min),
                ("egress_min", pp.egress_min),
                ("road_terminal_min", pp.road_terminal_min),
            ] {
                if negative(v) {
                    return Err(ParamError::OutOfRange {
                        key: format!("{p}.{name}"),
                        value: v,
                        range: "≥ 0",
                    });
                }
            }
        }
        Ok(())
    }

    /// Default processing minutes for entering a node of this kind.
    pub fn processing_min(&self, p: Profile, kind: NodeKind) -> f64 {
        let pp = self.profile(p);
        match kind {
            NodeKind::Station => pp.station_processing_min,
            NodeKind::Port => pp.port_processing_min,
            _ => 0.0,
        }
    }
}

/// A time-model parameter outside its range, named by its key as written
/// in a timemodel.toml or a scenario's `[params]`
/// (`passenger.modes.hsr.cruise_fraction`); the caller names the file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParamError {
    /// A value outside its interval.
    #[error("{key} = {value} must be {range}")]
    OutOfRange {
        /// The parameter's key.
        key: String,
        /// Its value.
        value: f64,
        /// The values allowed (`in (0, 1]`, `≥ 0`).
        range: &'static str,
    },
    /// A mode's top speed outside (0, [`crate::units::MAX_SPEED_KMH`]].
    #[error("{key} must be in (0, {max}]", max = crate::units::MAX_SPEED_KMH)]
    Speed {
        /// The parameter's key.
        key: String,
    },
    /// A mode's stop or headway times below zero (or not a number).
    #[error("{mode}: terminal_s, pass_stop_s and headway_min must be ≥ 0")]
    NegativeTimes {
        /// The mode's key (`passenger.modes.hsr`).
        mode: String,
    },
    /// A mode's stop times above [`MAX_STOP_S`].
    #[error("{mode}: terminal_s ({terminal_s}) and pass_stop_s ({pass_stop_s}) must be at most {max} s", max = MAX_STOP_S)]
    LongStop {
        /// The mode's key (`passenger.modes.hsr`).
        mode: String,
        /// Its terminal time, s.
        terminal_s: f64,
        /// Its time lost per intermediate stop, s.
        pass_stop_s: f64,
    },
}

/// Recursively overlays `over` on `base` (tables merge, other values replace).
fn merge(base: toml::Value, over: toml::Value) -> toml::Value {
    match (base, over) {
        (toml::Value::Table(mut b), toml::Value::Table(o)) => {
            for (k, v) in o {
                let merged = match b.remove(&k) {
                    Some(bv) => merge(bv, v),
                    None => v,
                };
                b.insert(k, merged);
            }
            toml::Value::Table(b)
        }
        (_, o) => o,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_in_range() {
        assert_eq!(TimeModel::default().check(), Ok(()));
    }

    #[test]
    fn a_parameter_out_of_range_is_named_with_its_file_and_range() {
        let err = |toml: &str| {
            TimeModel::from_toml_overrides(toml, "t.toml")
                .expect_err("out of range")
                .to_string()
        };
        assert_eq!(
            err("[passenger.modes.hsr]\nmax_speed_kmh = 700.0\n"),
            "t.toml: passenger.modes.hsr.max_speed_kmh must be in (0, 600]"
        );
        assert_eq!(
            err("[passenger.modes.hsr]\ncruise_fraction = 1.5\n"),
            "t.toml: passenger.modes.hsr.cruise_fraction = 1.5 must be in (0, 1]"
        );
        assert_eq!(
            err("[passenger.modes.hsr]\nterminal_s = 2000.0\npass_stop_s = 60.0\n"),
            "t.toml: passenger.modes.hsr: terminal_s (2000) and pass_stop_s (60) must be at most 1800 s"
        );
        assert_eq!(
            err("[passenger.locomotive]\ncruise_fraction = 1.5\n"),
            "t.toml: passenger.locomotive.cruise_fraction = 1.5 must be in (0, 1]"
        );
        assert_eq!(
            err("[freight]\ntransfer_min = -1.0\n"),
            "t.toml: freight.transfer_min = -1 must be ≥ 0"
        );
    }

    #[test]
    fn overrides_merge_into_the_defaults() {
        let tm = TimeModel::from_toml_overrides(
            "[passenger.modes.hsr]\ncruise_fraction = 0.8\n",
            "t.toml",
        )
        .unwrap();
        assert_eq!(tm.passenger.modes[&Mode::Hsr].cruise_fraction, 0.8);
        assert_eq!(
            tm.passenger.modes[&Mode::Hsr].terminal_s,
            TimeModel::default().passenger.modes[&Mode::Hsr].terminal_s
        );
    }

    #[test]
    fn bad_overrides_name_the_file_and_the_parameter() {
        let err = TimeModel::from_toml_overrides(
            "[passenger.modes.hsr]\ncruise_fraction = 1.5\n",
            "t.toml",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.toml: passenger.modes.hsr.cruise_fraction = 1.5 must be in (0, 1]"
        );
        let err = TimeModel::from_toml_overrides("[passenger]\ntransfer_mins = 3\n", "t.toml")
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("t.toml: unknown field `transfer_mins`"),
            "{err}"
        );
    }

    #[test]
    fn negative_or_nan_minutes_are_refused() {
        for (value, shown) in [("-1.0", "-1"), ("nan", "NaN")] {
            let err = TimeModel::from_toml_overrides(
                &format!("[car]\ntransfer_min = {value}\n"),
                "t.toml",
            )
            .unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("t.toml: car.transfer_min = {shown} must be ≥ 0")
            );
        }
        let err =
            TimeModel::from_toml_overrides("[passenger.modes.hsr]\nterminal_s = nan\n", "t.toml")
                .unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.toml: passenger.modes.hsr: terminal_s, pass_stop_s and headway_min must be ≥ 0"
        );
    }
}
