#!/usr/bin/env python3
"""Split the timetable check sets into a tuning half and a held-out half.

A row belongs to the tuning half when the 32-bit FNV-1a hash of its id
(UTF-8) is even: deterministic, independent of file order and of any result,
and the same rule as tests/calibration.rs, so that the held-out figures can
be reproduced. Writes /tmp/tongda_check_tune.csv and
/tmp/tongda_check_hold.csv (not committed: they are derived).

    python3 geodata/notes/split_timetable_check.py [outdir]
"""
import csv, glob, os, sys


def fnv1a(s):
    h = 0x811C9DC5
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


out = sys.argv[1] if len(sys.argv) > 1 else "/tmp"
header, tune, hold = None, [], []
for path in sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "check_*_timetable.csv"))):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    for r in rows[1:]:
        (tune if fnv1a(r[0]) % 2 == 0 else hold).append(r)
for name, rows in (("tune", tune), ("hold", hold)):
    with open(os.path.join(out, f"tongda_check_{name}.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
print(f"tuning half {len(tune)} rows, held-out half {len(hold)} rows")
