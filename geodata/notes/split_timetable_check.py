#!/usr/bin/env python3
"""Split the timetable check sets into a tuning half and a held-out half.

A row belongs to the tuning half when the first byte of sha1(row id) is
even: deterministic, independent of file order, and documented, so that the
held-out figures can be reproduced. Writes /tmp/tongda_check_tune.csv and
/tmp/tongda_check_hold.csv (not committed: they are derived).

    python3 geodata/notes/split_timetable_check.py [outdir]
"""
import csv, glob, hashlib, os, sys

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp"
header, tune, hold = None, [], []
for path in sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "check_*_timetable.csv"))):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    for r in rows[1:]:
        (tune if hashlib.sha1(r[0].encode()).digest()[0] % 2 == 0 else hold).append(r)
for name, rows in (("tune", tune), ("hold", hold)):
    with open(os.path.join(out, f"tongda_check_{name}.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
print(f"tuning half {len(tune)} rows, held-out half {len(hold)} rows")
