//! Units and the one rounding rule every output uses.

/// The highest speed any input may state, km/h (a maglev test line reaches
/// 600 km/h; nothing in the region's plans is faster).
pub const MAX_SPEED_KMH: f64 = 600.0;

/// `x` rounded to `decimals` decimal places (half away from zero).
///
/// ```
/// use tongda_core::units::round_to;
/// assert_eq!(round_to(61.25, 1), 61.3);
/// assert_eq!(round_to(104.069_999_9, 6), 104.07);
/// ```
pub fn round_to(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

/// Minutes (or km) rounded to one decimal, as reports show them.
///
/// ```
/// assert_eq!(tongda_core::units::round1(64.94), 64.9);
/// ```
pub fn round1(x: f64) -> f64 {
    round_to(x, 1)
}
