#!/usr/bin/env python3
"""Check geodata/ranges.toml against the geodata (issue 22, uncertain inputs).

Rules checked (the Rust loader enforces the same ones):
- every [[range]] names exactly one of `project` (a project id of
  geodata/*.geojson) or `links` (a non-empty list of link ids), and they exist;
- only the known keys; at least one of the three ranges;
- each range is [low, high] with low <= high; speeds in (0, 600] km/h;
  open years integers in 1950..=2100;
- every link the entry covers has its point value inside the range:
  design_speed_kmh in design_speed_kmh_range, open_year in open_year_range,
  operating_speed_kmh (when the link has one) in operating_speed_kmh_range;
- no link gets the same input from two entries;
- `source` is non-empty and names a public source (a URL, or a document with
  a date such as 2025-07-21 / 2025-07) or states an assumption
  ("assumption: …, because …").

Usage: python3 geodata/notes/check_ranges.py [GEODATA_DIR]   (exit 1 on errors)
"""
import json
import pathlib
import re
import sys
import tomllib

KEYS = {"project", "links", "design_speed_kmh_range", "operating_speed_kmh_range",
        "open_year_range", "source"}
RANGE_FIELDS = {
    # range key: (point property, kind)
    "design_speed_kmh_range": ("design_speed_kmh", "speed"),
    "operating_speed_kmh_range": ("operating_speed_kmh", "speed"),
    "open_year_range": ("open_year", "year"),
}
DATE = re.compile(r"(19|20)\d\d-\d\d")


def load_links(geodata: pathlib.Path):
    links = {}
    for f in sorted(geodata.glob("*.geojson")):
        for feat in json.loads(f.read_text(encoding="utf-8"))["features"]:
            p = feat["properties"]
            if "from" in p and "to" in p and "id" in p:
                links[p["id"]] = (f.name, p)
    return links


def check_range(errors, where, key, value, kind):
    if not (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
        errors.append(f"{where}: {key} must be [low, high] (two numbers), got {value!r}")
        return False
    low, high = value
    if low > high:
        errors.append(f"{where}: {key} low {low} > high {high}")
        return False
    if kind == "speed" and not (0 < low and high <= 600):
        errors.append(f"{where}: {key} {value} outside (0, 600] km/h")
        return False
    if kind == "year" and not (all(isinstance(v, int) for v in value)
                               and 1950 <= low and high <= 2100):
        errors.append(f"{where}: {key} {value} must be integer years in 1950..=2100")
        return False
    return True


def main():
    root = pathlib.Path(__file__).resolve().parents[2]
    geodata = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root / "geodata"
    links = load_links(geodata)
    by_project = {}
    for lid, (_, p) in links.items():
        if p.get("project"):
            by_project.setdefault(p["project"], []).append(lid)

    ranges = tomllib.loads((geodata / "ranges.toml").read_text(encoding="utf-8")).get("range", [])
    errors, seen, rows = [], {}, []
    if not ranges:
        errors.append("ranges.toml has no [[range]] entry")
    for i, r in enumerate(ranges, 1):
        where = f"ranges.toml [[range]] #{i} ({r.get('project') or ','.join(r.get('links', []))})"
        unknown = set(r) - KEYS
        if unknown:
            errors.append(f"{where}: unknown keys {sorted(unknown)}")
        has_p, has_l = "project" in r, "links" in r
        if has_p == has_l:
            errors.append(f"{where}: exactly one of `project` or `links` is required")
            continue
        if has_p:
            ids = by_project.get(r["project"])
            if not ids:
                errors.append(f"{where}: project {r['project']!r} has no link in {geodata}/*.geojson")
                continue
        else:
            ids = r["links"]
            if not (isinstance(ids, list) and ids):
                errors.append(f"{where}: `links` must be a non-empty list")
                continue
            missing = [l for l in ids if l not in links]
            if missing:
                errors.append(f"{where}: unknown link ids {missing}")
                continue
        src = str(r.get("source", "")).strip()
        if not src:
            errors.append(f"{where}: `source` is empty")
        elif not ("http" in src or DATE.search(src) or "assumption:" in src.lower()):
            errors.append(f"{where}: `source` names neither a URL, a dated document, nor an 'assumption: …'")
        fields = [k for k in RANGE_FIELDS if k in r]
        if not fields:
            errors.append(f"{where}: no range given")
        for key in fields:
            prop, kind = RANGE_FIELDS[key]
            if not check_range(errors, where, key, r[key], kind):
                continue
            low, high = r[key]
            points, before = set(), len(errors)
            for lid in ids:
                p = links[lid][1]
                v = p.get(prop)
                if v is None:
                    if prop == "operating_speed_kmh":
                        continue  # only links that have one
                    errors.append(f"{where}: link {lid} has no {prop} to range")
                    continue
                points.add(v)
                if not (low <= v <= high):
                    errors.append(f"{where}: link {lid} {prop} = {v} is outside {key} {r[key]} "
                                  f"(fix: widen the range to contain {v}, or change the geodata)")
                if (lid, key) in seen:
                    errors.append(f"{where}: link {lid} already has {key} from entry #{seen[(lid, key)]}")
                seen[(lid, key)] = i
            rows.append(("ok " if len(errors) == before else "BAD", r.get("project") or f"{len(ids)} links",
                         key, r[key], sorted(points), len(ids)))

    for mark, proj, key, rng, pts, n in rows:
        print(f"{mark} {proj:24} {key:26} {str(rng):14} point {pts} ({n} links)")
    for e in errors:
        print("ERROR", e)
    print(f"{len(ranges)} entries, {len(rows)} ranges, {len(errors)} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
