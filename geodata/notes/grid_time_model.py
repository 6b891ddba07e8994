#!/usr/bin/env python3
"""Grid over one passenger mode's time-model parameters (geodata/notes/services.md).

    python3 geodata/notes/split_timetable_check.py /tmp
    python3 geodata/notes/grid_time_model.py --bin target/release/tongda conventional_rail
    python3 geodata/notes/grid_time_model.py --bin target/release/tongda intercity

For each cell, runs `tongda calibrate --json --params` on calibration.csv plus
the tuning half (/tmp/tongda_check_tune.csv) and on the held-out half
(/tmp/tongda_check_hold.csv), and prints the rows within ±15 % and the median
|error| of each (an unroutable row counts as outside). Nothing is written.
"""
import argparse, itertools, json, statistics, subprocess, tempfile

GRIDS = {
    "conventional_rail": ("cruise_fraction", [0.98, 0.85, 0.75, 0.65, 0.55],
                          "pass_stop_s", [300, 600, 900], "terminal_s", [360, 900]),
    "intercity": ("cruise_fraction", [0.65, 0.75, 0.85],
                  "terminal_s", [180, 420], "pass_stop_s", [0, 60, 120, 240]),
}


def run(binary, params, files):
    with tempfile.NamedTemporaryFile("w", suffix=".toml") as p:
        p.write(params)
        p.flush()
        args = [binary, "calibrate", "--json", "--params", p.name]
        for f in files:
            args += ["--file", f]
        rows = json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)["rows"]
    errs = [abs(r["rel_error"]) if r["rel_error"] is not None else 9.0 for r in rows]
    return sum(e <= 0.15 for e in errs), len(errs), statistics.median(errs)


ap = argparse.ArgumentParser()
ap.add_argument("--bin", default="target/release/tongda")
ap.add_argument("mode", choices=sorted(GRIDS))
a = ap.parse_args()
k1, v1, k2, v2, k3, v3 = GRIDS[a.mode]
tune = ["geodata/calibration.csv", "/tmp/tongda_check_tune.csv"]
hold = ["/tmp/tongda_check_hold.csv"]
for x, y, z in itertools.product(v1, v2, v3):
    params = f"[passenger.modes.{a.mode}]\n{k1} = {x}\n{k2} = {y}\n{k3} = {z}\n"
    t, h = run(a.bin, params, tune), run(a.bin, params, hold)
    print(f"{k1}={x} {k2}={y} {k3}={z}: tuning {t[0]}/{t[1]} median {t[2]:.3f} · held out {h[0]}/{h[1]} median {h[2]:.3f}")
