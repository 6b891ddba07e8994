#!/usr/bin/env python3
"""Fit the passenger `locomotive` time-model parameters (README, "Time model").

The rows fitted are those of the tuning half of the timetable check sets
(`split_timetable_check.py`: FNV-1a of the row id even) whose published train is
locomotive-hauled — its number starts with K, T, Z, Y or a digit (the row's
`source` begins with the train number); the held-out half is never read here.
For every cell of the grid below the script writes a parameter file with a
`[passenger.locomotive]` table, runs `tongda calibrate --json` on the tuning half
and counts those rows within ±15 % (ties: the whole half's count within ±15 %,
then the whole half's lower median |error|). Prints every cell, best last.

    python3 geodata/notes/split_timetable_check.py /tmp
    python3 geodata/notes/grid_locomotive.py --bin target/release/tongda /tmp/tongda_check_tune.csv
"""
import argparse
import csv
import itertools
import json
import os
import statistics
import subprocess
import tempfile

CRUISE = [0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.98]
PASS_STOP_S = [300, 420, 600, 900, 1200]
TERMINAL_S = [360, 600, 900]
MAX_KMH = [120, 140, 160]


def is_loco(source):
    return source.split()[0][0] not in "GDCS"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="tongda")
    ap.add_argument("tune")
    a = ap.parse_args()
    loco = {r["id"] for r in csv.DictReader(open(a.tune, encoding="utf-8")) if is_loco(r["source"])}
    results = []
    with tempfile.TemporaryDirectory() as d:
        for cf, ps, ts, vmax in itertools.product(CRUISE, PASS_STOP_S, TERMINAL_S, MAX_KMH):
            path = os.path.join(d, "p.toml")
            with open(path, "w") as f:
                f.write(f"[passenger.locomotive]\ncruise_fraction = {cf}\npass_stop_s = {ps}.0\n"
                        f"terminal_s = {ts}.0\nheadway_min = 120.0\nmax_speed_kmh = {vmax}.0\n")
            out = subprocess.run([a.bin, "calibrate", "--params", path, "--file", a.tune, "--json"],
                                 capture_output=True, check=True, text=True).stdout
            rows = json.loads(out)["rows"]
            lr = [abs(r["rel_error"]) for r in rows if r["id"] in loco]
            within = sum(e <= 0.15 for e in lr)
            allw = sum(abs(r["rel_error"]) <= 0.15 for r in rows)
            allm = statistics.median(abs(r["rel_error"]) for r in rows)
            results.append((within, allw, -allm, -statistics.median(lr), cf, ps, ts, vmax))
    results.sort()
    print(f"{len(loco)} locomotive-hauled rows in the tuning half")
    for w, allw, allm, m, cf, ps, ts, vmax in results:
        print(f"cruise {cf:.2f} pass_stop_s {ps:4d} terminal_s {ts:4d} max {vmax}: "
              f"{w:2d}/{len(loco)} within ±15 %, median |error| {-m * 100:5.1f} %; "
              f"whole half {allw}/{len(rows)}, median |error| {-allm * 100:4.2f} %")


if __name__ == "__main__":
    main()
