#!/usr/bin/env python3
"""Rail services of the 2020/2021 timetables from the station timetables of thaddywu/RailwayVIS.

Not used for services.toml: these patterns have only the copied stations' calls (an earlier
extraction, not adopted; see notes/services.md). services_2020.py uses its `train_calls` (a
copy's trains with their calls in running order). Run alone to print the patterns:

    python3 geodata/notes/railwayvis_services.py RAILWAYVIS_GIT_DIR

For each copy (commit 00559c6 `stations/`, copied 2020-12-10..12, timetable before the
2020-12-24 成渝 speed-up; commit 6721846 `scripts/schedulers/`, the 2020-12-24 timetable)
and each train number: its calls at the copied stations that are stations of the geodata
(same name → id mapping as extract_timetable_check.py), ordered by time of day (the train's
始 row first, its 终 row last, otherwise cut at the longest gap of the day); calls at the
copied stations just outside the region (RV_NEAR_OUTSIDE: 贵阳北, 广元, 汉中 …) split the
train (it leaves the region there).  Trains with the same ordered calls make one pattern;
a pattern seen both ways is two-way (per_day = half the sum of both directions, rounded
half up, as for the 2019 diagram), one way only is oneway.  The copied stations are only
some of each train's stops: between two calls the train may stop at stations not copied.

Route between two consecutive calls (the lines of the service), per train: the fastest
path by time (km / operating or design speed) over the links open in the timetable's year
and allowed to the train's class (G/D/C: all modes; K/T/Z and others: conventional_rail and
intercity links).  G and K/T/Z trains take that path.  A D/C train may instead run on a
slower line parallel to a high-speed one (遂渝 beside 成渝客专): the candidates are the
fastest path and the fastest paths with one hsr line of it left out, and the one whose
line-speed time is closest to 80 % of the train's scheduled run between the two calls is
taken.  A leg whose path takes longer at line speed than the train's scheduled run is not
the train's route (the geodata lacks its line, e.g. 重庆–达州 would be routed via 成都东): the
train's calls are split there (reported on stderr); a D/C train's candidates are first
restricted to those it can run in its time.  The 80 % is a fixed assumption (a train's average is below its line speed), not
fitted to any check set.  Trains with the same calls but another route are another
service.
"""
import heapq
import math
import os
import statistics
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(__file__))
from check_services import load_rail  # noqa: E402
import extract_timetable_check as X  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..")
RV_YEARS = {2020: (2020, 2020), 2021: (2021, 2023)}  # copy year -> (from_year, to_year)
RV_COMMIT_SHORT = {2020: "00559c6", 2021: "6721846"}
DEFAULT_SPEED = {"hsr": 250, "intercity": 160, "conventional_rail": 100, "suburban_rail": 100}
RATIO = 0.8


def speeds():
    import json
    g = json.load(open(os.path.join(ROOT, "rail.geojson"), encoding="utf-8"))
    out = {}
    for f in g["features"]:
        p = f["properties"]
        if f["geometry"]["type"] == "LineString":
            out[p["id"]] = p.get("operating_speed_kmh") or p.get("design_speed_kmh") or DEFAULT_SPEED.get(p["mode"], 100)
    return out


STATIONS, LINKS = load_rail(os.path.join(ROOT, "rail.geojson"))
SPEED = speeds()


def fastest(links, a, b, banned=frozenset()):
    adj = {}
    for l in links:
        if l["line"] in banned:
            continue
        w = l["km"] / SPEED[l["id"]] * 60
        adj.setdefault(l["from"], []).append((l["to"], l, w))
        if not l["oneway"]:
            adj.setdefault(l["to"], []).append((l["from"], l, w))
    dist, prev, heap = {a: 0.0}, {}, [(0.0, a)]
    while heap:
        d, u = heapq.heappop(heap)
        if u == b:
            break
        if d > dist[u]:
            continue
        for v, l, w in adj.get(u, []):
            if d + w < dist.get(v, math.inf):
                dist[v], prev[v] = d + w, (u, l)
                heapq.heappush(heap, (d + w, v))
    if b not in dist:
        return None
    path, n = [], b
    while n != a:
        n, l = prev[n]
        path.append(l)
    return dist[b], path[::-1]


def year_links(year, cls):
    modes = None if cls in "GDC" else {"conventional_rail", "intercity"}
    return [l for l in LINKS if l["open"] <= year and (l["retire"] is None or l["retire"] > year)
            and (modes is None or l["mode"] in modes)]


def route(year, cls, a, b, run_min):
    links = year_links(year, cls)
    best = fastest(links, a, b)
    if best is None:
        return None
    cands = [best]
    if cls != "D":
        return best
    # a D/C train may run on a slower parallel line instead of the high-speed one
    for line in sorted({l["line"] for l in best[1] if l["mode"] == "hsr"}):
        r = fastest(links, a, b, banned={line})
        if r is not None:
            cands.append(r)
    feasible = [c for c in cands if c[0] <= run_min]  # not faster than its lines allow
    cands = feasible or cands
    target = RATIO * run_min
    return min(cands, key=lambda c: (abs(math.log(c[0] / target)) if c[0] > 0 else 9, c[0]))


def train_calls(tables, geo):
    """train -> list of (name, arr, dep, kind) in running order (minutes, unwrapped)."""
    ours = {s for s in tables if s in geo and s not in X.RV_NOT_OURS}
    keep = ours | (set(tables) & X.RV_NEAR_OUTSIDE)
    by_train = defaultdict(list)
    for s in keep:
        for train, rows in tables[s].items():
            if not train:
                continue  # a row of the copy without a train number
            for kind, arr, dep in rows:
                t = arr if arr is not None else dep
                by_train[train].append((t, s, arr, dep, kind))
    out = {}
    for train, rows in by_train.items():
        rows.sort()
        n = len(rows)
        start = None
        for i, r in enumerate(rows):
            if r[4] == "始":
                start = i
        if start is None:
            for i, r in enumerate(rows):
                if r[4] == "终":
                    start = (i + 1) % n
        if start is None:  # cut at the longest gap of the day
            gaps = [((rows[(i + 1) % n][0] - rows[i][0]) % 1440 or 1440, i) for i in range(n)]
            start = (max(gaps)[1] + 1) % n
        seq = rows[start:] + rows[:start]
        calls, off, last = [], 0, None
        for t, s, arr, dep, kind in seq:
            a = None if arr is None else arr + off
            if last is not None and (a if a is not None else dep + off) < last:
                off += 1440
                a = None if arr is None else arr + off
            d = None if dep is None else dep + off
            if d is not None and a is not None and d < a:
                d += 1440
                off += 1440
            last = d if d is not None else a
            calls.append((s, a, d, kind))
        out[train] = calls
    return out


def segments(calls, geo):
    """Split at calls outside the region; keep runs of >= 2 calls at geodata stations."""
    segs, cur = [], []
    for c in calls:
        if c[0] in X.RV_NEAR_OUTSIDE or c[0] not in geo:
            if len(cur) >= 2:
                segs.append(cur)
            cur = []
        else:
            cur.append(c)
    if len(cur) >= 2:
        segs.append(cur)
    return segs


def train_class(train):
    return "G" if train[0] == "G" else ("D" if train[0] in "DC" else "K")


_ROUTES = {}


def leg_route(year, train, a, b, run):
    cls = train_class(train)
    k = (year, cls, a, b, run if cls == "D" else None)
    if k not in _ROUTES:
        if cls == "G":  # G trains: the fastest path (the high-speed lines)
            _ROUTES[k] = fastest(year_links(year, "G"), a, b)
        else:
            _ROUTES[k] = route(year, cls, a, b, run if run else 60)
    return _ROUTES[k]


def rv_patterns(gitdir):
    """Per copy: groups keyed by (ordered calls, route of each leg) -> trains per direction."""
    geo = X.geodata_stations(os.path.join(ROOT, "rail.geojson"))
    result = []
    for commit, folder, fmt_, year, label in X.RV_SOURCES:
        tables = X.rv_load(gitdir, commit, folder, fmt_)
        copied = sorted(s for s in tables if s in geo and s not in X.RV_NOT_OURS)
        groups = defaultdict(lambda: {"fwd": [], "rev": []})
        dropped = defaultdict(list)
        for train, calls in sorted(train_calls(tables, geo).items()):
            for seg0 in segments(calls, geo):
                # split the segment at legs with no usable route
                parts, cur, legs_all = [], [seg0[0]], {}
                for x, y in zip(seg0, seg0[1:]):
                    run = (y[1] - x[2]) if (x[2] is not None and y[1] is not None) else None
                    r = leg_route(year, train, geo[x[0]], geo[y[0]], run)
                    if r is None or (run is not None and r[0] > run):
                        # no path, or one the train could not run in its time (a line the geodata lacks)
                        dropped[(geo[x[0]], geo[y[0]])].append(train)
                        parts.append(cur)
                        cur = [y]
                        continue
                    legs_all[(x[0], y[0])] = r[1]
                    cur.append(y)
                parts.append(cur)
                for seg in parts:
                    if len(seg) < 2:
                        continue
                    ids = tuple(geo[c[0]] for c in seg)
                    if len(set(ids)) < len(ids):
                        continue
                    fwd = ids <= ids[::-1]
                    key = ids if fwd else ids[::-1]
                    legs = {frozenset((geo[x[0]], geo[y[0]])): legs_all[(x[0], y[0])] for x, y in zip(seg, seg[1:])}
                    sig = tuple(tuple(sorted(l["id"] for l in legs[frozenset(k)])) for k in zip(key, key[1:]))
                    g = groups[(key, sig)]
                    g["fwd" if fwd else "rev"].append(train)
                    g["legs"] = [legs[frozenset(k)] for k in zip(key, key[1:])]
        result.append((year, commit, folder, copied, groups, dropped))
    return result


def rv_services(gitdir, zh, en):
    """Service dicts (keys as build_services.add) for both copies."""
    out, report = [], []
    for year, commit, folder, copied, groups, dropped in rv_patterns(gitdir):
        for key, trains in sorted(dropped.items()):
            report.append(f"{year}: leg {'–'.join(zh(s) for s in key)} not joined by the geodata's links open to "
                          f"the train class within its run time, the train's calls split there ({' '.join(trains)})")
        fy, ty = RV_YEARS[year]
        rows = []
        for (key, sig), g in groups.items():
            fwd, rev = sorted(g["fwd"]), sorted(g["rev"])
            if fwd and rev:
                stops, oneway = list(key), False
                per_day = int(math.floor((len(fwd) + len(rev)) / 2 + 0.5))
                count = (f"{len(fwd)} + {len(rev)} trains in the two directions"
                         + ("" if len(fwd) == len(rev) else ", per_day = half the sum rounded half up"))
            else:
                stops = list(key) if fwd else list(key)[::-1]
                oneway, per_day = True, len(fwd) + len(rev)
                count = f"{per_day} train{'s' if per_day > 1 else ''} in this direction, none the other way"
            trains = fwd + rev
            lines, km_mode = [], defaultdict(float)
            for path in g["legs"]:
                for l in path:
                    if l["line"] not in lines:
                        lines.append(l["line"])
                    km_mode[l["mode"]] += l["km"]
            mode = "hsr" if km_mode["hsr"] >= max(km_mode.values()) else max(km_mode, key=km_mode.get)
            rows.append(dict(stops=stops, lines=lines, mode=mode, per_day=per_day, oneway=oneway, trains=trains,
                             count=count))
        rows.sort(key=lambda r: (r["oneway"], -r["per_day"], r["stops"]))
        files = f"{folder}<station>.csv for {'、'.join(copied)}"
        stand = ("stands for 2020 (the copy shows the timetable in force before the 2020-12-24 成渝 speed-up)"
                 if year == 2020 else
                 "stands for 2021–2023 until a later timetable is found (no 2022–2023 train-level timetable sourced)")
        for i, r in enumerate(rows, 1):
            st = r["stops"]
            src = (f"station timetables copied by hand from cnrail.geogv.org, public repository thaddywu/RailwayVIS, "
                   f"commit {RV_COMMIT_SHORT[year]} ({commit}), {files}; {stand}; calls only at the copied stations "
                   f"of the geodata: the trains also stop at stations not copied (e.g. 绵阳, 德阳, 资阳北, 永川东), which "
                   f"this pattern runs through; one service per distinct ordered list of calls "
                   f"(geodata/notes/services.md); route between calls inferred from the run times (railwayvis_services.py); "
                   f"trains: {' '.join(r['trains'])} ({r['count']})")
            out.append(dict(id=f"svc_rv{year}_{i:03d}", name_zh=f"{year} 时刻表 " + "–".join(zh(s) for s in st),
                            name_en=f"{year} timetable " + "–".join(en(s) for s in st), stops=st, lines=r["lines"],
                            mode=r["mode"], per_day=r["per_day"], from_year=fy, to_year=ty, oneway=r["oneway"],
                            source=src))
    return out, report


if __name__ == "__main__":
    zh = lambda s: STATIONS[s]["name_zh"].removesuffix("站")
    svcs, rep = rv_services(sys.argv[1], zh, zh)
    for s in svcs:
        print(s["id"], s["mode"], s["per_day"], "oneway" if s["oneway"] else "", s["name_zh"], s["lines"])
    print("\n".join(rep), file=sys.stderr)
    print(len(svcs), file=sys.stderr)
