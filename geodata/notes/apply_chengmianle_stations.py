#!/usr/bin/env python3
"""Issue 17: the three 成绵乐 south stations the data lacked (双流西, 新津, 新津南).

The fare table (成贵客专线: 双流机场 21, 双流西 26, 新津 36, 新津南 50, 彭山北 66;
客里表 2021-09-28) lists three stations on 双流机场–彭山北 that the data did not
have, so a call there was invisible: an all-stations C train ran 双流机场–彭山北
as if non-stop (geodata/notes/services.md, "Calls at stations not in the data").

This pass adds them as stations of 成都 (双流区, 新津区) that the fastest trains
run through (`express_stop: false`; not main stations of 成都: suburban, see
notes/main_stations.md), placed at their chainage on the straight line
双流机场–彭山北 (schematic), and splits `chengmianle_s_03` (45 km) at them:
双流机场–双流西 5, 双流西–新津 10, 新津–新津南 14, 新津南–彭山北 16 km. The first
part keeps the id; the others are `chengmianle_s_03b`, `_03c`, `_03d`. No access
connector is added: they are reached by train, not from a place's centre.

Run from the repository root on the file before this pass; it refuses to run
twice and prints one row per change.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from check_services import write_features  # noqa: E402

RAIL = "geodata/rail.geojson"
CITE = ("passenger fare distance table 客里表 2021-09-28, 成贵客专线 "
        "(CDK6182CHR/qETRC CRPassengerMileage.pyetlib)")
BASE = "chengmianle_s_03"
START = 21  # 双流机场's chainage
NEW = [  # id, name_zh, name_en, chainage, district
    ("st_shuangliuxi", "双流西站", "Shuangliu West station", 26, "双流区"),
    ("st_xinjin", "新津站", "Xinjin station", 36, "新津区"),
    ("st_xinjinnan", "新津南站", "Xinjin South station", 50, "新津区"),
]
END = 66  # 彭山北


def main():
    feats = json.load(open(RAIL, encoding="utf-8"))["features"]
    by_id = {f["properties"]["id"]: f for f in feats}
    if NEW[0][0] in by_id:
        sys.exit(f"{RAIL} already has {NEW[0][0]}: this pass has been applied")
    base = by_id[BASE]
    p = base["properties"]
    assert p["from"] == "st_shuangliujichang" and p["to"] == "st_pengshanbei" and p["length_km"] == 45.0
    a, b = base["geometry"]["coordinates"][0], base["geometry"]["coordinates"][-1]

    def at(km):
        t = (km - START) / (END - START)
        return [round(a[0] + t * (b[0] - a[0]), 4), round(a[1] + t * (b[1] - a[1]), 4)]

    anchor = feats.index(by_id["st_shuangliujichang"])
    for k, (sid, zh, en, km, district) in enumerate(NEW):
        feats.insert(anchor + 1 + k, {"type": "Feature", "properties": {
            "id": sid, "name_zh": zh, "name_en": en, "kind": "station", "province": "sc",
            "city": "chengdu", "express_stop": False,
            "source": (f"station of 成绵乐城际 south (成贵客专线 chainage {km}, {CITE}), in {district} of 成都; "
                       "the fastest trains run through (express_stop false), not a main station of 成都 "
                       "(suburban); position schematic, at its chainage on the straight line 双流机场–彭山北 "
                       "(geodata/notes/apply_chengmianle_stations.py); served place = chengdu"),
        }, "geometry": {"type": "Point", "coordinates": at(km)}})

    stops = [("st_shuangliujichang", "双流机场", START)] + [(s, z.removesuffix("站"), km) for s, z, _, km, _ in NEW] \
        + [("st_pengshanbei", "彭山北", END)]
    parts = []
    for i, ((s1, n1, k1), (s2, n2, k2)) in enumerate(zip(stops, stops[1:])):
        q = dict(p)
        q.update({"id": BASE + ("" if i == 0 else "bcd"[i - 1]), "from": s1, "to": s2, "length_km": float(k2 - k1),
                  "source": p["source"].replace(
                      "length 45 km = fare distance 双流机场 21 → 彭山北 66",
                      f"length {k2 - k1} km = fare distance {n1} {k1} → {n2} {k2} (split of the 45 km 双流机场–彭山北 "
                      "at 双流西, 新津 and 新津南, geodata/notes/apply_chengmianle_stations.py)")})
        assert q["source"] != p["source"]
        parts.append({"type": "Feature", "properties": q,
                      "geometry": {"type": "LineString", "coordinates": [at(k1), at(k2)]}})
        print(f"{q['id']}\t{n1}–{n2}\t{k2 - k1} km")
    i = feats.index(base)
    feats[i:i + 1] = parts

    write_features(RAIL, feats)


if __name__ == "__main__":
    main()
