#!/usr/bin/env python3
"""Stop patterns of the region's trains from a 2023 12306 dump (used by build_services.py).

Source: public repository Zhang-Yukun/2023ComplexNetworkProject, file
`data/temp_data/edge_multiply_raw.csv` (snapshot commit 71895c0, 2023-09-28; the file was last
written in commit 5f69d1e, 2023-09-25, when the lists were queried), read with `git show`
(not copied here). Its script `src/backend/script/station_catch.py` queried 12306's
`otn/queryTrainInfo/query` (the official stop list of a train: every call, arrival and
departure) for every train number 12306's search returned, on a date drawn from
2023-09-25 … 2023-10-06, and wrote one row per pair of consecutive calls:
`start_station_name, end_station_name, running_time, train_no` (running_time = arrival at
the next call − departure from the previous one, minutes). Rows of a train are in calling
order, so each train's full ordered list of calls is recovered.

Rules (decided before looking at any check set):
  * a call is kept when its station name is a station of rail.geojson (name_zh without 站);
    `福田` is Shenzhen's 福田 in 12306, not the 成都 S3 station, and is never mapped;
  * a train's kept calls are cut into runs: two consecutive kept calls stay in one run when
    the data connects them over the lines such a train may use (below) and the timetable's
    running time between them is at most 20 min + the data's path at 40 km/h (EMU) or 25 km/h
    (locomotive-hauled) — a train leaving the region between two of its calls, e.g.
    内江北–重庆西–贵阳北–宜宾西, is cut there;
  * lines a train may use: EMU trains (G, D, C, S) any rail line, conventional links counted
    1.5 times their length when choosing the path (they take the high-speed line where there
    is one); locomotive-hauled trains (K, T, Z, Y, numbers) not the passenger-dedicated lines
    (成渝高铁, 成绵乐, 郑渝/渝万, 内自泸, 成宜, 渝昆, 成雅, 川青, 重庆–永川/南川, S-lines);
  * a run is also cut where the data's path would pass a station twice (a reversal, or a
    connection the data lacks, e.g. 乐山–峨眉);
  * a run with fewer than two calls gives no service;
  * one service per distinct stop pattern (the ordered calls with the lines between them)
    and traction: multiple-unit trains (G, D, C, S) and locomotive-hauled ones (K, T, Z, Y,
    numbers) with the same calls are two services, the latter `traction = "locomotive"`;
    a pattern seen both ways is one two-way service, per_day = half the sum of the two
    directions rounded half up; one seen one way only is `oneway`, per_day = its count
    (the rule of the 2019 diagram, notes/services.md).
"""
import csv
import heapq
import io
import json
import math
import os
import subprocess
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(__file__))
from check_services import load_rail  # noqa: E402

REPO = "Zhang-Yukun/2023ComplexNetworkProject"
COMMIT = "71895c0"
PATH = "data/temp_data/edge_multiply_raw.csv"
SRC = (f"12306 stop lists of the trains of 2023-09-25…10-06 (queryTrainInfo), public repository {REPO} "
       f"{PATH} (commit {COMMIT}); one service per distinct stop pattern (geodata/notes/services.md)")
PASSENGER_ONLY = {"chengyu_hsr", "chengyu_hsr_2015", "chengmianle", "zhengyu", "neizilu", "chengyi_hsr",
                  "yukun_hsr", "chengya", "chuanqing", "yongchuan_shiyu", "nanchuan_shiyu", "chengdu_s3",
                  "chengdu_s5", "chengdu_s11", "bitong", "jiangtiao", "yuwan_gaotie", "yuxiang_hsr",
                  "chengyu_zhongxian", "chengdawan", "xiyu_hsr", "xiyu_hsr_wz", "mianshui_nei"}
NEVER_MAPPED = {"福田"}
# a run is cut where the timetable's running time exceeds SLACK_MIN + the path at MIN_KMH
SLACK_MIN = 20.0
MIN_KMH = 40.0       # EMU trains (dwell excluded from the running time)
MIN_KMH_LOCO = 25.0  # locomotive-hauled trains


def read_dump(git_dir):
    out = subprocess.run(["git", "--git-dir", git_dir, "show", f"{COMMIT}:{PATH}"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    trains = {}
    for r in csv.DictReader(io.StringIO(out)):
        t = trains.setdefault(r["train_no"], [])
        if not t:
            t.append((r["start_station_name"], 0))
        elif t[-1][0] != r["start_station_name"]:
            t.append((r["start_station_name"], 0))  # gap in the rows (not seen; kept safe)
        t.append((r["end_station_name"], int(r["running_time"])))
    return trains


class Net:
    def __init__(self, rail_path, year):
        self.stations, links = load_rail(rail_path)
        speed = {}
        for f in json.load(open(rail_path, encoding="utf-8"))["features"]:
            q = f["properties"]
            if f["geometry"]["type"] == "LineString" and "design_speed_kmh" in q:
                v = q.get("operating_speed_kmh") or q["design_speed_kmh"]
                for y, w in sorted((int(k), w) for k, w in (q.get("operating_speed_since") or {}).items()):
                    if y <= year:
                        v = w
                speed[q["id"]] = v
        for l in links:
            l["kmh"] = speed.get(l["id"], 100)
        self.links = [l for l in links if l["open"] <= year and (not l["retire"] or l["retire"] > year)]
        self.byname = {}
        for sid, p in self.stations.items():
            n = p["name_zh"].removesuffix("站")
            if n not in NEVER_MAPPED:
                self.byname[n] = sid

    def path(self, a, b, allowed, penalty):
        adj = {}
        for l in self.links:
            if not allowed(l):
                continue
            w = l["km"] * penalty(l)
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
        p, n = [], b
        while n != a:
            u, l = prev[n]
            p.append(l)
            n = u
        return list(reversed(p))

    def best_path(self, a, b, emu, minutes):
        """The candidate path whose run time at line speed is nearest the timetable's."""
        if emu:
            cands = [self.path(a, b, lambda l: l["mode"] == "hsr", lambda l: 1.0),
                     self.path(a, b, lambda l: l["mode"] != "conventional_rail", lambda l: 1.0),
                     self.path(a, b, lambda l: True, lambda l: 1.5 if l["mode"] == "conventional_rail" else 1.0)]
        else:
            cands = [self.path(a, b, lambda l: l["line"] not in PASSENGER_ONLY, lambda l: 1.0)]
        best = None
        for p in cands:
            if p is None:
                continue
            est = sum(l["km"] / (0.8 * l["kmh"]) * 60 for l in p) + 8  # 80 % of line speed, 8 min start/stop
            score = abs(math.log(max(est, 1e-3) / max(minutes, 1)))
            if best is None or score < best[0] - 1e-9:
                best = (score, p)
        return best[1] if best else None


def runs_of(train, calls, net, with_paths=False):
    emu = train[0] in "GDCS"
    kept = [(i, net.byname[n]) for i, (n, _) in enumerate(calls) if n in net.byname]
    runs, cur, lines, seen, paths = [], [], [], set(), []
    called = {sid for _, sid in kept}
    for k, (i, sid) in enumerate(kept):
        if not cur:
            cur, lines, seen, paths = [sid], [], {sid}, []
            continue
        j, prev = kept[k - 1]
        t = sum(m for _, m in calls[j + 1:i + 1])
        p = net.best_path(prev, sid, emu, t) if t > 0 else None
        ok = p is not None
        if ok:
            km = sum(l["km"] for l in p)
            inner = {x for l in p for x in (l["from"], l["to"])} - {prev, sid}
            # much slower than the data's path allows: the train left the region;
            # a path through another of the train's calls: a loop the data cannot represent
            # a path through a station the run has already passed: a reversal the data cannot represent
            ok = (t <= SLACK_MIN + km / (MIN_KMH if emu else MIN_KMH_LOCO) * 60 and not (inner & called)
                  and not ((inner | {sid}) & seen))
        if ok:
            cur.append(sid)
            paths.append([l["id"] for l in p])
            seen |= inner | {sid}
            for l in p:
                if l["line"] not in lines:
                    lines.append(l["line"])
        else:
            if len(cur) >= 2:
                runs.append((cur, lines, paths) if with_paths else (cur, lines))
            cur, lines, seen, paths = [sid], [], {sid}, []
    if len(cur) >= 2:
        runs.append((cur, lines, paths) if with_paths else (cur, lines))
    return runs


def patterns(git_dir, rail_path, year=2022, trains=None):
    """[(stops, lines, per_day, oneway, trains_text)] for every distinct pattern, on the network
    of `year`; `trains` (number -> calls as read_dump gives them) replaces the dump's."""
    net = Net(rail_path, year)
    if trains is None:
        trains = read_dump(git_dir)
    groups = {}
    for tn in sorted(trains):
        loco = tn[0] not in "GDCS"
        for stops, lines in runs_of(tn, trains[tn], net):
            ls = frozenset(lines)
            key_f, key_r = (tuple(stops), ls, loco), (tuple(reversed(stops)), ls, loco)
            if key_r in groups and key_f not in groups:
                groups[key_r]["up"].append(tn)
            else:
                g = groups.setdefault(key_f, {"down": [], "up": [], "lines": lines})
                g["down"].append(tn)
    out = []
    for key, g in groups.items():
        down, up = g["down"], g["up"]
        if down and up:
            per_day = int(math.floor((len(down) + len(up)) / 2 + 0.5))
            cnt = f"{len(down)} one way + {len(up)} the other" + (
                "" if len(down) == len(up) else ", per_day = half the sum rounded half up")
            oneway = False
        else:
            per_day, oneway = len(down), True
            cnt = f"{per_day} train{'s' if per_day > 1 else ''} one way only"
        out.append(dict(stops=list(key[0]), lines=list(g["lines"]), per_day=per_day, oneway=oneway,
                        trains=" ".join(down + up), count=cnt, locomotive=key[2]))
    out.sort(key=lambda x: (x["lines"][0], x["locomotive"], -x["per_day"], x["oneway"], x["stops"]))
    return out, net


def check_consistency(git_dir, rail_path, year=2022):
    """Stop pairs of a run where the router (shortest km over the pattern's lines) would take
    other links than the path assigned to the train: (train, from, to, assigned km, router km)."""
    from check_services import shortest
    net = Net(rail_path, year)
    trains = read_dump(git_dir)
    bad = []
    for tn in sorted(trains):
        for stops, lines, paths in runs_of(tn, trains[tn], net, with_paths=True):
            for (a, b), pth in zip(zip(stops, stops[1:]), paths):
                r = shortest(net.links, set(lines), a, b)
                if r is None or {l["id"] for l in r[1]} != set(pth):
                    km = sum(l["km"] for l in net.links if l["id"] in set(pth))
                    bad.append((tn, a, b, round(km, 1), round(r[0], 1) if r else None))
    return bad


if __name__ == "__main__" and len(sys.argv) > 2 and sys.argv[2] == "--consistency":
    for row in check_consistency(sys.argv[1], os.path.join(os.path.dirname(__file__), "..", "rail.geojson")):
        print(*row)
    sys.exit(0)

if __name__ == "__main__":
    pats, net = patterns(sys.argv[1], os.path.join(os.path.dirname(__file__), "..", "rail.geojson"))
    print(len(pats), "patterns,", sum(p["per_day"] for p in pats), "per_day sum")
    for p in pats:
        print(p["per_day"], "ow" if p["oneway"] else "2w", "–".join(net.stations[s]["name_zh"] for s in p["stops"]),
              p["lines"], p["trains"][:60])
