//! Shared by the integration tests on the mini fixture.

use tongda_core::model::Mode;
use tongda_core::TimeModel;

/// HSR 0.92 × 350 = 322 km/h, terminal 240 s, pass 150 s, headway 30 min;
/// intercity 0.90 × 200 = 180 km/h, terminal 180 s, pass 120 s, headway 30 min;
/// expressway (car) 0.90 × 120 = 108 km/h; transfer 10, processing 10, egress 5,
/// road terminal 5 minutes.
pub fn model() -> TimeModel {
    let mut tm = TimeModel::default();
    let p = &mut tm.passenger;
    let mut set = |mode, (cruise, terminal, pass, headway)| {
        if let Some(m) = p.modes.get_mut(&mode) {
            (
                m.cruise_fraction,
                m.terminal_s,
                m.pass_stop_s,
                m.headway_min,
            ) = (cruise, terminal, pass, headway);
        }
    };
    set(Mode::Hsr, (0.92, 240.0, 150.0, 30.0));
    set(Mode::Intercity, (0.90, 180.0, 120.0, 30.0));
    (
        p.transfer_min,
        p.station_processing_min,
        p.egress_min,
        p.road_terminal_min,
    ) = (10.0, 10.0, 5.0, 5.0);
    if let Some(m) = tm.car.modes.get_mut(&Mode::Expressway) {
        m.cruise_fraction = 0.90;
    }
    tm.car.road_terminal_min = 5.0;
    tm
}
