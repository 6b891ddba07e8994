#!/usr/bin/env python3
"""Validate geodata/services.toml against geodata/rail.geojson.

Checks (exit 1 on any error):
  * only the schema's keys, required keys present, ids unique and `svc_`-prefixed ASCII;
  * mode is one of hsr | intercity | conventional_rail | suburban_rail;
  * every stop is a station (Point, kind "station") in rail.geojson, at least two stops, no repeats;
  * every line exists (the `line` of some rail LineString; `line` defaults to `project`);
  * consecutive stops are connected over links whose `line` is one of the service's `lines`
    (years ignored), and the shortest such path is reported when --verbose;
  * from_year <= to_year; exactly one of per_day / headway_min; per_day > 0, headway_min > 0.
Warnings (not errors): the service's mode differs from every mode of its lines' links; a service
runs in a year range in which some link on its path does not exist.

Usage: python3 geodata/notes/check_services.py [--verbose] [services.toml] [rail.geojson]
"""
import heapq
import json
import math
import re
import sys

try:
    import tomllib
except ImportError:  # Python < 3.11
    import tomli as tomllib

KEYS = {"id", "name_zh", "name_en", "mode", "traction", "stops", "lines", "per_day", "headway_min",
        "from_year", "to_year", "source", "oneway"}
REQUIRED = {"id", "name_zh", "name_en", "mode", "stops", "lines", "source"}
MODES = {"hsr", "intercity", "conventional_rail", "suburban_rail"}


def geodesic_km(coords):
    total = 0.0
    for (lon1, lat1), (lon2, lat2) in zip(coords, coords[1:]):
        p1, p2 = math.radians(lat1), math.radians(lat2)
        dp, dl = p2 - p1, math.radians(lon2 - lon1)
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        total += 2 * 6371.0088 * math.asin(math.sqrt(a))
    return total


def load_rail(path):
    fc = json.load(open(path, encoding="utf-8"))
    stations, links = {}, []
    for f in fc["features"]:
        p, g = f["properties"], f["geometry"]
        if g["type"] == "Point" and p.get("kind") == "station":
            stations[p["id"]] = p
        elif g["type"] == "LineString" and p.get("mode") in MODES:
            km = p.get("length_km") or geodesic_km([c[:2] for c in g["coordinates"]])
            links.append({"id": p["id"], "line": p.get("line", p["project"]), "mode": p["mode"],
                          "from": p["from"], "to": p["to"], "km": float(km),
                          "open": p["open_year"], "retire": p.get("retire_year"),
                          "oneway": p.get("oneway", False)})
    return stations, links


def write_features(path, feats):
    """Write a FeatureCollection in the geodata files' layout: one feature per line."""
    out = '{"type":"FeatureCollection","features":[\n' + ",\n".join(
        json.dumps(f, ensure_ascii=False) for f in feats) + "\n]}\n"
    open(path, "w", encoding="utf-8").write(out)


def shortest(links, lines, a, b):
    adj = {}
    for l in links:
        if l["line"] in lines:
            adj.setdefault(l["from"], []).append((l["to"], l))
            if not l["oneway"]:
                adj.setdefault(l["to"], []).append((l["from"], l))
    dist, prev, heap = {a: 0.0}, {}, [(0.0, a)]
    while heap:
        d, u = heapq.heappop(heap)
        if u == b:
            break
        if d > dist[u]:
            continue
        for v, l in adj.get(u, []):
            nd = d + l["km"]
            if nd < dist.get(v, math.inf):
                dist[v], prev[v] = nd, (u, l)
                heapq.heappush(heap, (nd, v))
    if b not in dist:
        return None
    path, node = [], b
    while node != a:
        u, l = prev[node]
        path.append(l)
        node = u
    return dist[b], list(reversed(path))


def main(argv):
    verbose = "--verbose" in argv
    args = [a for a in argv if not a.startswith("--")]
    svc_path = args[0] if args else "geodata/services.toml"
    rail_path = args[1] if len(args) > 1 else "geodata/rail.geojson"
    stations, links = load_rail(rail_path)
    line_modes = {}
    for l in links:
        line_modes.setdefault(l["line"], set()).add(l["mode"])
    data = tomllib.load(open(svc_path, "rb"))
    unknown_top = set(data) - {"service"}
    errors, warnings, seen = [], [], set()
    if unknown_top:
        errors.append(f"unknown top-level keys {sorted(unknown_top)}")
    services = data.get("service", [])
    for i, s in enumerate(services):
        sid = s.get("id", f"#{i}")
        def err(msg):
            errors.append(f"{sid}: {msg}")
        extra = set(s) - KEYS
        if extra:
            err(f"unknown keys {sorted(extra)}")
        if s.get("traction", "emu") not in ("emu", "locomotive"):
            err(f"traction {s['traction']!r} is not emu or locomotive")
        missing = REQUIRED - set(s)
        if missing:
            err(f"missing keys {sorted(missing)}")
            continue
        if not re.fullmatch(r"svc_[a-z0-9_]+", sid):
            err("id must be ASCII [a-z0-9_] with prefix svc_")
        if sid in seen:
            err("duplicate id")
        seen.add(sid)
        if s["mode"] not in MODES:
            err(f"mode {s['mode']!r} not one of {sorted(MODES)}")
        stops, lines = s["stops"], s["lines"]
        if len(stops) < 2:
            err("fewer than two stops")
        if len(set(stops)) != len(stops):
            err("a stop is repeated")
        for st in stops:
            if st not in stations:
                err(f"stop {st} is not a station in rail.geojson")
        for ln in lines:
            if ln not in line_modes:
                err(f"line {ln} does not exist")
        if not lines:
            err("no lines")
        modes = set().union(*(line_modes.get(ln, set()) for ln in lines)) if lines else set()
        if modes and s["mode"] not in modes:
            warnings.append(f"{sid}: mode {s['mode']} differs from its lines' modes {sorted(modes)}")
        has_pd, has_hw = "per_day" in s, "headway_min" in s
        if has_pd == has_hw:
            err("exactly one of per_day / headway_min is required")
        if has_pd and not (isinstance(s["per_day"], (int, float)) and s["per_day"] > 0):
            err("per_day must be > 0")
        if has_hw and not (isinstance(s["headway_min"], (int, float)) and s["headway_min"] > 0):
            err("headway_min must be > 0")
        fy, ty = s.get("from_year"), s.get("to_year")
        if fy is not None and ty is not None and fy > ty:
            err(f"from_year {fy} > to_year {ty}")
        if "oneway" in s and not isinstance(s["oneway"], bool):
            err("oneway must be true or false")
        if any(st not in stations for st in stops) or any(ln not in line_modes for ln in lines):
            continue
        total, used = 0.0, []
        for a, b in zip(stops, stops[1:]):
            r = shortest(links, set(lines), a, b)
            if r is None:
                err(f"{a} -> {b} not connected over lines {lines}")
                continue
            total += r[0]
            used += r[1]
        lo = max([l["open"] for l in used], default=None)
        hi = min([l["retire"] - 1 for l in used if l["retire"]], default=None)
        if used:
            if fy is not None and lo is not None and fy < lo:
                warnings.append(f"{sid}: from_year {fy} before its path exists ({lo})")
            if hi is not None and (ty is None or ty > hi):
                warnings.append(f"{sid}: runs after a link on its path retires (last year {hi})")
            if fy is not None and hi is not None and fy > hi:
                err(f"from_year {fy} after its path retires (last year {hi})")
        if verbose:
            freq = f"{s['per_day']}/day" if has_pd else f"every {s['headway_min']} min"
            print(f"ok {sid}: {len(stops)} stops, {total:.1f} km, {freq}, "
                  f"{fy or '-'}–{ty or '-'}{' oneway' if s.get('oneway') else ''}")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    used_lines = {ln for s in services for ln in s.get("lines", [])} & set(line_modes)
    # coverage (information): stations on a line some service uses that no service using it calls at
    calls = {}
    for s in services:
        for ln in s.get("lines", []):
            calls.setdefault(ln, set()).update(s.get("stops", []))
    for ln in sorted(used_lines & set(line_modes)):
        on_line = {x for l in links if l["line"] == ln for x in (l["from"], l["to"])}
        missing = sorted(on_line - calls[ln])
        if missing:
            print(f"note: line {ln}: no service calls at " + ", ".join(
                f"{m} {stations[m]['name_zh']}" for m in missing))
    unused = sorted(set(line_modes) - used_lines)
    print(f"note: lines without a service (router fallback): {', '.join(unused)}")
    print(f"{len(services)} services, {len(used_lines)} of {len(line_modes)} rail lines used, "
          f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
