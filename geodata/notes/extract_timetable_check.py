#!/usr/bin/env python3
"""Extract the timetable check set (issue 17, point 4) from published running diagrams.

Usage (from the repository root):

    python3 geodata/notes/extract_timetable_check.py TRAIN_GRAPH_GIT_DIR \
        [--railwayvis RAILWAYVIS_GIT_DIR] [--out geodata]

TRAIN_GRAPH_GIT_DIR is a git directory (bare or not) of the public repository
CDK6182CHR/train_graph; the diagrams are read from its HEAD commit with
`git show`, so nothing of that repository is copied here.  RAILWAYVIS_GIT_DIR
(optional) is a git directory of the public repository thaddywu/RailwayVIS,
whose scripts/schedulers/<station>.csv (GBK) are station timetables copied by
hand from cnrail.geogv.org in December 2020; they give the 2020 file.  The output is one
CSV per diagram year, geodata/check_<year>_timetable.csv, in the format of
geodata/calibration.csv.  The script is deterministic: the same snapshot gives
the same rows.  See geodata/notes/timetable_check.md for the sources and the
rules; nothing in this set is used to tune the model.

Rules, in short:
- a *stop* is a timetable entry with a dwell (departure later than arrival),
  or the first/last entry when it is the train's origin/terminus; entries with
  equal arrival and departure are passing times (not stops);
- for every train (passenger trains only: track-check 确认车 and inspection
  动检车 runs are left out) and every ordered pair of its stops A before B
  whose names are stations of geodata/rail.geojson, the time is
  arrival(B) - departure(A), dwell at the stops between included;
- per ordered pair the fastest train of the day is kept (ties: fewer stops
  between, then the earlier departure);
- pairs already in geodata/check_2019_diagram.csv (the 98 non-stop pairs of
  the same 2019 diagram) are left out of the 2019 file;
- pairs whose trains run on a line that the geodata does not have are left
  out, each with its reason (EXCLUDED below); they are listed in the notes.
"""
import argparse
import csv
import json
import os
import subprocess
import sys

REPO = "CDK6182CHR/train_graph"

# (path in the repository, timetable year, diagram date, short label)
SOURCES = [
    ("source/西成客专线广成段20190105.json", 2019, "2019-01-05",
     "2019 diagram 西成客专线广成段20190105.json"),
    ("source/成昆线成攀段 20180929.json", 2018, "2018-09-29",
     "2018 diagram 成昆线成攀段 20180929.json"),
    ("source/达成单线20190125.json", 2019, "2019-01-25",
     "2019 diagram 达成单线20190125.json"),
    ("source/重庆枢纽20190128.json", 2019, "2019-01-28",
     "2019 diagram 重庆枢纽20190128.json"),
]

# Diagram entries that are yards of a geodata station (the diagram names the
# yard where the train stands).  '::城际场' style suffixes are cut generally.
YARD_ALIASES = {
    "重庆西渝贵场": "重庆西",
    "乐山峨眉场": "乐山",
    "重庆北渝万场": "重庆北",
}

# Train types that are not passenger services.
NON_PASSENGER_TYPES = {"确认车", "动检车"}

# Ordered or unordered station pairs (geodata ids) left out, with the reason.
# Keyed by (source path, frozenset of the two ids).
EXCLUDED = {}


def exclude(path, a, b, reason):
    EXCLUDED[(path, frozenset((a, b)))] = reason


# 成昆 2018: the K/T trains from 成都站 run 成都–成都西–成都南 (成都枢纽
# 西环/南环); the geodata links 成都站 only to 宝成 and to 成绵乐 via 新都东,
# and 成昆 starts at 成都南, so a 成都站 row would be routed over another line.
for other in ("st_pengshan", "st_meishan", "st_emei"):
    exclude("source/成昆线成攀段 20180929.json", "st_chengdu", other,
            "train runs 成都–成都西–成都南 on the 成都枢纽 lines; the geodata has no "
            "成都站–成都南 rail link (成昆 starts at 成都南)")
# 达成单线: the old single-track 达成 line 遂宁–大英–金堂–城厢–成都北 is not in
# the geodata (which has the 2009 遂成 double line via 大英东/淮州).
exclude("source/达成单线20190125.json", "st_suining", "st_chengdu",
        "train runs on the old single-track 达成线 (遂宁–大英–金堂–城厢–成都北), "
        "which the geodata does not have; the geodata's 遂成 line is the 2009 "
        "double line via 大英东/淮州")
# 重庆枢纽: 重庆站–北碚 trains run 重庆–重庆南–小南海/团结村–北碚 on the 枢纽
# lines (川黔/成渝 west to 小南海, 襄渝 to 北碚); the geodata has no such link
# (its 北碚 hangs on 襄渝 from 重庆北).
exclude("source/重庆枢纽20190128.json", "st_chongqing", "st_beibei",
        "train runs 重庆–重庆南–(小南海|伏牛溪|团结村)–北碚 on the 重庆枢纽 lines; "
        "the geodata has no 重庆站–北碚 rail path except via 重庆北, which the "
        "train does not use")


def git_show(gitdir, path):
    out = subprocess.run(["git", "--git-dir", gitdir, "show", "HEAD:" + path],
                         capture_output=True, check=True)
    return json.loads(out.stdout)


def git_head(gitdir):
    out = subprocess.run(["git", "--git-dir", gitdir, "rev-parse", "HEAD"],
                         capture_output=True, check=True, text=True)
    return out.stdout.strip()


def norm(name):
    name = name.split("::")[0]
    return YARD_ALIASES.get(name, name)


def secs(hms):
    h, m, s = (int(x) for x in hms.split(":"))
    return h * 3600 + m * 60 + s


def fmt(t):
    t %= 86400
    h, rem = divmod(t, 3600)
    m, s = divmod(rem, 60)
    return f"{h:02d}:{m:02d}" if s == 0 else f"{h:02d}:{m:02d}:{s:02d}"


def geodata_stations(path):
    g = json.load(open(path, encoding="utf-8"))
    out = {}
    for f in g["features"]:
        p = f["properties"]
        if f["geometry"]["type"] == "Point" and p.get("kind") == "station":
            n = p["name_zh"]
            out[n[:-1] if n.endswith("站") else n] = p["id"]
    return out


def train_stops(train):
    """The train's entries as (name, arr_s, dep_s, is_stop), times unwrapped past midnight."""
    tt = train["timetable"]
    rows = []
    offset = 0
    last = None
    for i, r in enumerate(tt):
        a, d = secs(r["ddsj"]), secs(r["cfsj"])
        a += offset
        if last is not None and a < last:
            offset += 86400
            a += 86400
        d += offset
        if d < a:
            offset += 86400
            d += 86400
        last = d
        name = norm(r["zhanming"])
        dwell = d > a
        origin = i == 0 and name == norm(train.get("sfz", "") or "")
        terminus = i == len(tt) - 1 and name == norm(train.get("zdz", "") or "")
        rows.append((name, a, d, dwell or origin or terminus))
    return rows


def extract(gitdir, geo, existing_pairs):
    best = {}      # (year, from, to) -> row dict
    excluded = {}  # (path, from, to) -> (reason, best time, train)
    for path, year, date, label in SOURCES:
        d = git_show(gitdir, path)
        for train in d["trains"]:
            if train.get("type") in NON_PASSENGER_TYPES:
                continue
            checi = train["checi"][0]
            stops = [r for r in train_stops(train) if r[3]]
            for i in range(len(stops)):
                a_name, _, dep, _ = stops[i]
                if a_name not in geo:
                    continue
                for j in range(i + 1, len(stops)):
                    b_name, arr, _, _ = stops[j]
                    if b_name not in geo or geo[b_name] == geo[a_name]:
                        continue
                    fa, fb = geo[a_name], geo[b_name]
                    between = [s[0] for s in stops[i + 1:j]]
                    minutes = (arr - dep) / 60.0
                    key = frozenset((fa, fb))
                    if (path, key) in EXCLUDED:
                        k = (path, fa, fb)
                        if k not in excluded or minutes < excluded[k][1]:
                            excluded[k] = (EXCLUDED[(path, key)], minutes, checi)
                        continue
                    if year == 2019 and (fa, fb) in existing_pairs:
                        continue
                    cand = dict(year=year, frm=fa, to=fb, minutes=minutes,
                                checi=checi, dep=dep, arr=arr, between=between,
                                label=label, a=a_name, b=b_name)
                    k = (year, fa, fb)
                    cur = best.get(k)
                    rank = (round(minutes, 3), len(between), dep % 86400)
                    if cur is None or rank < (round(cur["minutes"], 3),
                                              len(cur["between"]), cur["dep"] % 86400):
                        best[k] = cand
    return best, excluded


# ---------------------------------------------------------------------------
# 2020 and 2021: station timetables (thaddywu/RailwayVIS)
# ---------------------------------------------------------------------------
RV_REPO = "thaddywu/RailwayVIS"
# (commit, folder, format, year, label).  The first set (folder stations/,
# last present in commit 00559c6 of 2020-12-12) was copied 2020-12-10..12 and
# shows the timetable before the 成渝 speed-up of 2020-12-24 (fastest 成都东–
# 重庆北 ≈ 1 h 30); the second (scripts/schedulers/, added in commit 6721846
# of 2021-01-19) shows the timetable of the 2020-12-24 change (62-min
# 成都东–沙坪坝 G86xx, 350 km/h), which the geodata routes on its 2021 network.
RV_SOURCES = [
    ("00559c651587e47d02808919048057a65a2f6729", "stations/", "tab", 2020,
     "station timetables copied 2020-12-10..12 (RailwayVIS commit 00559c6, stations/{a}.csv + {b}.csv)"),
    ("6721846a6754639f56ba3184b77500b17711bd40", "scripts/schedulers/", "comma", 2021,
     "station timetables of the 2020-12-24 timetable, copied by 2021-01-19 "
     "(RailwayVIS commit 6721846, scripts/schedulers/{a}.csv + {b}.csv)"),
]
# Station files whose name is also a geodata station name but another station.
RV_NOT_OURS = {"福田": "深圳 福田站 (G72 福田→北京西), not the 成都 S3 福田 of the geodata"}
# Stations just outside the region that a train between two of the region's
# stations could call at on a detour (C6017 成都东→内江北→重庆西→贵阳北→
# 宜宾西→乐山 is such a loop).  Farther stations are not tested: with times of
# day only, a long-distance train's call there a day away can fall in the window.
RV_NEAR_OUTSIDE = {"贵阳北", "贵阳东", "贵阳", "广元", "汉中", "安康", "利川", "昭通",
                   "六盘水", "攀枝花", "攀枝花南", "宜昌东", "安顺西", "安顺"}
# A pair's run must be shorter than this (minutes); longer matches are
# day-wrapped readings of a through train in the other direction.
RV_MAX_MIN = 600


def rv_files(gitdir, commit, folder):
    out = subprocess.run(["git", "--git-dir", gitdir, "-c", "core.quotepath=off",
                          "ls-tree", "--name-only", commit, folder],
                         capture_output=True, check=True, text=True).stdout.split("\n")
    return [f for f in out if f.endswith(".csv")]


def hm(t):
    """Minutes after midnight; None for '-' (no arrival/departure); ValueError otherwise."""
    t = t.strip().strip('"')
    if t == "-":
        return None
    h, m = t.split(":")
    return int(h) * 60 + int(m)


def rv_load(gitdir, commit, folder, fmt_):
    """station name -> train number -> list of (kind, arr_min, dep_min)."""
    tables = {}
    for f in rv_files(gitdir, commit, folder):
        raw = subprocess.run(["git", "--git-dir", gitdir, "show", f"{commit}:{f}"],
                             capture_output=True, check=True).stdout
        station = os.path.basename(f)[:-4]
        t = tables.setdefault(station, {})
        for line in raw.decode("gbk").splitlines():
            if fmt_ == "tab":
                r = line.strip("\r").strip('"').split("\t")
                if len(r) < 6 or r[0] == "列车类型":
                    continue
                # 列车类型, 过/始/终 + 车次, 始发站, 终到站, 到站时间, 发车时间
                kind, train, arr, dep = r[1][:1], r[1][1:], r[4], r[5]
            else:
                r = next(csv.reader([line]))
                if len(r) < 7:
                    continue
                # 列车类型, 过/始/终, 车次, 始发站, 终到站, 到站时间, 发车时间
                kind, train, arr, dep = r[1], r[2], r[5], r[6]
            try:
                arr_m, dep_m = hm(arr), hm(dep)
            except ValueError:
                continue  # a broken row of the copy (e.g. a train number alone)
            if kind not in ("过", "始", "终") or (arr_m is None and dep_m is None):
                continue
            t.setdefault(train.strip(), []).append((kind, arr_m, dep_m))
    return tables


def rv_extract(gitdir, geo):
    best = {}
    dropped = []
    for commit, folder, fmt_, year, label in RV_SOURCES:
        tables = rv_load(gitdir, commit, folder, fmt_)
        ours = {s: geo[s] for s in tables if s in geo and s not in RV_NOT_OURS}
        for a in sorted(ours):
            for b in sorted(ours):
                if a == b or ours[a] == ours[b]:
                    continue
                for train in sorted(set(tables[a]) & set(tables[b])):
                    for _, arr_a, dep_a in tables[a][train]:
                        if dep_a is None:
                            continue
                        for _, arr_b, dep_b in tables[b][train]:
                            if arr_b is None:
                                continue
                            run = (arr_b - dep_a) % 1440
                            back = None if (arr_a is None or dep_b is None) else (arr_a - dep_b) % 1440
                            if run == 0 or run > RV_MAX_MIN:
                                continue
                            if back is not None and back < run:
                                continue  # the train runs B -> A
                            # stations of the copied set the train calls at in between
                            between = []
                            for st, tt in tables.items():
                                if st in (a, b):
                                    continue
                                for _, arr_s, dep_s in tt.get(train, []):
                                    if arr_s is None or dep_s is None:
                                        continue
                                    if (0 < (arr_s - dep_a) % 1440 < run
                                            and 0 < (arr_b - dep_s) % 1440 < run):
                                        between.append(((arr_s - dep_a) % 1440, st))
                            between = [x[1] for x in sorted(between)]
                            outside = [st for st in between if st in RV_NEAR_OUTSIDE]
                            between = [st for st in between if st in geo and st not in RV_NOT_OURS]
                            if outside:
                                # the train leaves the region between A and B
                                # (e.g. C6017 成都东→内江北→重庆西→贵阳北→宜宾西→乐山)
                                dropped.append((year, a, b, train, run, outside))
                                continue
                            k = (year, ours[a], ours[b])
                            cand = dict(year=year, frm=ours[a], to=ours[b], minutes=float(run),
                                        checi=train, dep=dep_a * 60, arr=arr_b * 60,
                                        between=between, known_between_only=True,
                                        label=label.format(a=a, b=b), a=a, b=b, repo=RV_REPO)
                            cur = best.get(k)
                            rank = (run, len(between), dep_a)
                            if cur is None or rank < (cur["minutes"], len(cur["between"]),
                                                      cur["dep"] // 60):
                                best[k] = cand
    # a pair whose only trains leave the region is reported, not kept
    for year, a, b, train, run, outside in dropped:
        if (year, geo[a], geo[b]) not in best:
            print(f"dropped {year} {a} → {b} ({train} {run} min): train leaves the region "
                  f"between them (calls at {'、'.join(outside)})", file=sys.stderr)
    return best

def source_text(r):
    n = len(r["between"])
    if r.get("known_between_only"):
        if n == 0:
            stops = "stops between not in the source (station timetables; none at the copied stations)"
        else:
            stops = (f"stops between not in the source (station timetables); {n} known: "
                     f"{'、'.join(r['between'])}")
    elif n == 0:
        stops = "no stop between"
    else:
        stops = f"{n} stop{'s' if n > 1 else ''} between ({'、'.join(r['between'])})"
    return (f"{r['checi']} {r['a']} dep {fmt(r['dep'])} → {r['b']} arr {fmt(r['arr'])}, "
            f"{stops}, fastest direct train of the day; {r['label']}, {r.get('repo', REPO)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gitdir", help="git directory of a CDK6182CHR/train_graph snapshot")
    ap.add_argument("--railwayvis", help="git directory of a thaddywu/RailwayVIS snapshot (2020 file)")
    ap.add_argument("--out", default="geodata", help="output directory (default geodata)")
    ap.add_argument("--geodata", default="geodata", help="geodata directory (default geodata)")
    args = ap.parse_args()

    geo = geodata_stations(os.path.join(args.geodata, "rail.geojson"))
    existing = set()
    with open(os.path.join(args.geodata, "check_2019_diagram.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            existing.add((row["from"], row["to"]))

    best, excluded = extract(args.gitdir, geo, existing)
    if args.railwayvis:
        best.update(rv_extract(args.railwayvis, geo))
    by_year = {}
    for (year, fa, fb), r in best.items():
        by_year.setdefault(year, []).append(r)
    header = ["id", "from", "to", "profile", "measure", "published_min", "source", "year", "modes"]
    for year, rows in sorted(by_year.items()):
        rows.sort(key=lambda r: (r["frm"], r["to"]))
        out = os.path.join(args.out, f"check_{year}_timetable.csv")
        with open(out, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            for r in rows:
                rid = f"t{year % 100:02d}_{r['frm'][3:]}_{r['to'][3:]}"
                w.writerow([rid, r["frm"], r["to"], "passenger", "in-vehicle",
                            f"{r['minutes']:.1f}".rstrip("0").rstrip("."),
                            source_text(r), year, ""])
        print(f"{out}: {len(rows)} rows", file=sys.stderr)
    print(f"train_graph HEAD {git_head(args.gitdir)}", file=sys.stderr)
    if args.railwayvis:
        print(f"RailwayVIS HEAD {git_head(args.railwayvis)}", file=sys.stderr)
    for (path, fa, fb), (reason, minutes, checi) in sorted(excluded.items()):
        print(f"excluded {fa} → {fb} ({checi} {minutes:.1f} min, {path}): {reason}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
