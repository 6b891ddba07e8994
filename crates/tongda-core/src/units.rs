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

/// Seconds as minutes with one decimal, counted in tenths of a minute
/// (6 s each), as routes and skims show them.
///
/// ```
/// assert_eq!(tongda_core::units::tenths_of_minutes(3849), 64.2);
/// ```
pub fn tenths_of_minutes(seconds: u32) -> f64 {
    (f64::from(seconds) / 6.0).round() / 10.0
}

/// Minutes (or km) rounded to one decimal, as reports show them.
///
/// ```
/// assert_eq!(tongda_core::units::round1(64.94), 64.9);
/// ```
pub fn round1(x: f64) -> f64 {
    round_to(x, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_to_is_the_literal_scale_and_divide() {
        // The helpers it replaced wrote `(x * 1e6).round() / 1e6` and the
        // like: the same bits for every value.
        let scales = [10.0, 100.0, 1e3, 1e4, 1e5, 1e6];
        let mut x = 0.000_123_456_789_f64;
        while x < 1e7 {
            for (d, f) in (1..).zip(scales) {
                for v in [x, -x, x + 0.05, 104.0 + x / 1e7] {
                    assert_eq!(round_to(v, d).to_bits(), ((v * f).round() / f).to_bits());
                }
            }
            x *= 1.001_7;
        }
    }
}
