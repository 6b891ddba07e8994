#!/usr/bin/env python3
"""Figures of the timetable check set (see geodata/notes/timetable_check.md).

Usage (from the repository root):

    python3 geodata/notes/timetable_check_stats.py --bin /path/to/tongda 2018 2019 2020 2021

For each year it runs `tongda calibrate --file geodata/check_<year>_timetable.csv
--json` and reads the rows (published_min, model_min, rel_error and the lines
of the model's route).  A row's line is the route's line list as the table
prints it (its last column, joined by ' / '); rows whose route uses several
lines form their own groups.  Prints the median |error| and the share within
±15 % per file, over all files, per line, per line and file, by the number of
stops between (diagram rows only), then the worst rows.  Nothing here feeds
back into the model: the set is for checking only.
"""
import argparse
import csv
import json
import re
import statistics
import subprocess

TOL = 0.15


def summary(rows):
    e = [abs(r["rel_error"]) for r in rows]
    within = sum(x <= TOL for x in e)
    signed = statistics.median(r["rel_error"] for r in rows)
    return (f"n={len(rows):3d}  median |error| {statistics.median(e) * 100:5.1f} %  "
            f"within ±15 % {within:3d} ({within / len(rows) * 100:3.0f} %)  "
            f"median signed {signed * 100:+5.1f} %")


def by_line(rows):
    g = {}
    for r in rows:
        g.setdefault(" / ".join(r["lines"]) or "-", []).append(r)
    return sorted(g.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="tongda", help="tongda binary")
    ap.add_argument("--geodata", default=None, help="network directory (default: the binary's default, geodata/)")
    ap.add_argument("years", nargs="+")
    args = ap.parse_args()
    allrows = []
    per_file = {}
    for y in args.years:
        path = f"geodata/check_{y}_timetable.csv"
        gd = ["--geodata", args.geodata] if args.geodata else []
        out = subprocess.run([args.bin, "calibrate", *gd, "--file", path, "--json"],
                             capture_output=True, check=True, text=True).stdout
        d = json.loads(out)
        src = {r["id"]: r["source"] for r in csv.DictReader(open(path, encoding="utf-8"))}
        for r in d["rows"]:
            r["file"] = path
            s = src[r["id"]]
            m = re.search(r"(\d+) stops? between \(", s)
            r["stops"] = 0 if "no stop between" in s else (int(m.group(1)) if m else None)
        per_file[path] = d["rows"]
        allrows += d["rows"]
        print(f"{path}: {summary(d['rows'])}  "
              f"(tool: median {d['median_abs_error'] * 100:.1f} %, {d['outside_tolerance']} outside)")
    print(f"all files: {summary(allrows)}")
    print("\nper line (the route's lines, as in the table's last column), all files:")
    for line, rows in by_line(allrows):
        print(f"  {summary(rows)}  {line}")
    print("\nper line and file:")
    for path, rows in per_file.items():
        print(f" {path}")
        for line, rs in by_line(rows):
            print(f"  {summary(rs)}  {line}")
    print("\nby stops between (running-diagram rows, where the stops are known):")
    known = [r for r in allrows if r["stops"] is not None]
    for k in range(0, 5):
        rs = [r for r in known if (r["stops"] == k if k < 4 else r["stops"] >= 4)]
        if rs:
            print(f"  {k}{'+' if k == 4 else ' '} stops: {summary(rs)}")
    print("\nworst 25 rows:")
    for r in sorted(allrows, key=lambda r: -abs(r["rel_error"]))[:25]:
        print(f"  {r['id']:38s} published {r['published_min']:6.1f}  model {r['model_min']:6.1f}  "
              f"{r['rel_error'] * 100:+6.1f} %  {' / '.join(r['lines'])}")


if __name__ == "__main__":
    main()
