//! Uncertain inputs: a value the data cannot pin down, given as a range a
//! robustness run draws from (`geodata/ranges.toml`, a scenario's
//! `set_range` edits, and the time model's `*_sd` parameters).

use crate::model::Mode;
use crate::timemodel::Profile;
use serde::Serialize;

/// What an uncertain input sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// The design speed of its links, km/h.
    DesignSpeed,
    /// The operating speed of its links, km/h (every year).
    OperatingSpeed,
    /// The opening year of its links.
    OpenYear,
    /// A mode's cruise fraction in one profile (time model).
    CruiseFraction(Profile, Mode),
}

impl InputKind {
    /// The words a report uses, e.g. "design speed".
    pub fn words(self) -> &'static str {
        match self {
            InputKind::DesignSpeed => "design speed",
            InputKind::OperatingSpeed => "operating speed",
            InputKind::OpenYear => "opening year",
            InputKind::CruiseFraction(..) => "cruise fraction",
        }
    }

    /// The unit of its values ("km/h", "" for years and fractions).
    pub fn unit(self) -> &'static str {
        match self {
            InputKind::DesignSpeed | InputKind::OperatingSpeed => " km/h",
            _ => "",
        }
    }
}

/// How an input's draws are spread.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Spread {
    /// Uniform over `[low, high]` (whole years for opening years).
    Uniform,
    /// Normal around the point value, cut to `[low, high]` (= mean ± 3 sd,
    /// within the parameter's valid range).
    Normal {
        /// The point value.
        mean: f64,
        /// Standard deviation.
        sd: f64,
    },
}

/// One uncertain input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Uncertain {
    /// Stable id, e.g. `chengyu_zhongxian.design_speed_kmh` or
    /// `passenger.hsr.cruise_fraction`.
    pub id: String,
    /// What a reader sees, e.g. "成渝中线高铁 design speed".
    pub label: String,
    /// What it sets.
    pub kind: InputKind,
    /// Lowest value.
    pub low: f64,
    /// Highest value.
    pub high: f64,
    /// How draws are spread between them.
    pub spread: Spread,
    /// The ids of the links it sets (empty for time-model inputs; a link a
    /// scenario removes is simply not set).
    #[serde(skip)]
    pub links: Vec<String>,
    /// Where the range comes from, or the assumption it states.
    pub source: String,
}

impl Uncertain {
    /// The value of this input at quantile `q` in [0, 1) of its spread.
    ///
    /// ```
    /// use tongda_core::model::{InputKind, Spread, Uncertain};
    /// let speed = Uncertain {
    ///     id: "x.design_speed_kmh".into(), label: "x".into(), kind: InputKind::DesignSpeed,
    ///     low: 350.0, high: 400.0, spread: Spread::Uniform, links: vec![], source: "s".into(),
    /// };
    /// assert_eq!(speed.at_quantile(0.5), 375.0);
    /// let year = Uncertain { kind: InputKind::OpenYear, low: 2027.0, high: 2028.0, ..speed };
    /// assert_eq!((year.at_quantile(0.49), year.at_quantile(0.51)), (2027.0, 2028.0));
    /// ```
    pub fn at_quantile(&self, q: f64) -> f64 {
        match (self.kind, self.spread) {
            (InputKind::OpenYear, _) => {
                let n = self.high - self.low + 1.0;
                (self.low + (q * n).floor()).min(self.high)
            }
            (_, Spread::Uniform) => self.low + q * (self.high - self.low),
            (_, Spread::Normal { mean, sd }) => {
                (mean + sd * crate::stats::normal_quantile(q)).clamp(self.low, self.high)
            }
        }
    }

    /// The bounds a one-at-a-time sweep tries: the range's ends for a
    /// uniform input, point ± 1.96 sd (the central 95 %) for a normal one.
    pub fn sweep_bounds(&self) -> (f64, f64) {
        match self.spread {
            Spread::Uniform => (self.low, self.high),
            Spread::Normal { mean, sd } => (
                crate::units::round_to((mean - 1.96 * sd).max(self.low), 3),
                crate::units::round_to((mean + 1.96 * sd).min(self.high), 3),
            ),
        }
    }
}
