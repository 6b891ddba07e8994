#!/usr/bin/env python3
"""Issue 17: the track 成都站's trains to 遂宁 ran on (成都–石板滩).

Until 成都站 closed for rebuilding (2022-10-11, 中国新闻网: its trains moved
to 成都西 and 成都东), its trains to 遂宁, 重庆 and 达州 ran 成渝线 成都 →
八里 → 龙潭寺 → 石板滩 (chainage 669 → 688, 19 km) and then 宁蓉线 石板滩 →
遂宁 (17 → 146) (passenger fare distance table 客里表 2021-09-28). The data
had no 成都–石板滩 link, so such a train could not be represented.

This pass adds
- the junction `st_shibantan` (石板滩, where 成渝线 from 成都站 joins 宁蓉线;
  a station node with no city: never a stop, never boarded), placed at its
  chainage on the straight line 成都东–淮州 (schematic);
- `chengyu_rail_cd_01`, 成都–石板滩 19 km, line `chengyu_rail` (成渝铁路,
  conventional, 100 km/h as the line's other links), not counted in the
  inventory (the 成渝铁路 kilometres are counted on chengyu_rail_01..09);
- splits `chengsui_01` (成都东–淮州 42.8 km) and its two service overlays at
  石板滩: 成都东–石板滩 17 km (宁蓉线 0 → 17) keeps the id, 石板滩–淮州 25.8 km
  (the rest) is `<id>b`.

Run from the repository root on the file before this pass; it refuses to run
twice (it checks that `st_shibantan` is absent) and prints one row per change.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from check_services import write_features  # noqa: E402

RAIL = "geodata/rail.geojson"
CITE = ("passenger fare distance table 客里表 2021-09-28 "
        "(CDK6182CHR/qETRC CRPassengerMileage.pyetlib)")
JUNCTION = "st_shibantan"
SPLIT_KM = 17.0  # 宁蓉线 成都东 0 → 石板滩 17


def main():
    feats = json.load(open(RAIL, encoding="utf-8"))["features"]
    by_id = {f["properties"]["id"]: f for f in feats}
    if JUNCTION in by_id:
        sys.exit(f"{RAIL} already has {JUNCTION}: this pass has been applied")
    base = by_id["chengsui_01"]
    a, b = base["geometry"]["coordinates"][0], base["geometry"]["coordinates"][-1]
    total = base["properties"]["length_km"]
    t = SPLIT_KM / total
    pos = [round(a[0] + t * (b[0] - a[0]), 4), round(a[1] + t * (b[1] - a[1]), 4)]

    junction = {"type": "Feature", "properties": {
        "id": JUNCTION, "name_zh": "石板滩站(线路交汇)", "name_en": "Shibantan junction",
        "kind": "station", "province": "sc", "express_stop": False,
        "source": ("junction: 石板滩, where 成渝线 from 成都站 (chainage 成都 669 → 石板滩 688) meets 宁蓉线 "
                   f"(成都东 0 → 石板滩 17) ({CITE}); no passenger calls modelled; position schematic, at its "
                   "chainage on the straight line 成都东–淮州 (geodata/notes/apply_chengdu_junction.py)"),
    }, "geometry": {"type": "Point", "coordinates": pos}}
    feats.insert(feats.index(by_id["st_huaizhou"]) + 1, junction)

    for lid in ("chengsui_01", "chengsui_01_svc_dacheng", "chengsui_01_svc_lanyu"):
        f = by_id[lid]
        p = f["properties"]
        assert p["length_km"] == total and p["to"] == "st_huaizhou", lid
        q = dict(p)
        rest = round(total - SPLIT_KM, 1)
        note = (f"; split at 石板滩 (geodata/notes/apply_chengdu_junction.py): 成都东–石板滩 {SPLIT_KM:g} km "
                f"= 宁蓉线成渝段 成都东 0 → 石板滩 17 ({CITE}) is {lid}, 石板滩–淮州 {rest:g} km (the rest of "
                f"the {total:g}) is {lid.replace('chengsui_01', 'chengsui_01b')}")
        p.update({"to": JUNCTION, "length_km": SPLIT_KM, "source": p["source"] + note})
        q.update({"id": lid.replace("chengsui_01", "chengsui_01b"), "from": JUNCTION, "length_km": rest,
                  "source": q["source"] + note})
        f["geometry"]["coordinates"] = [a, pos]
        second = {"type": "Feature", "properties": q,
                  "geometry": {"type": "LineString", "coordinates": [pos, b]}}
        feats.insert(feats.index(f) + 1, second)
        print(f"{lid}\t成都东–淮州 {total:g} km\t成都东–石板滩 {SPLIT_KM:g} + 石板滩–淮州 {rest:g} ({q['id']})")

    chengdu = by_id["st_chengdu"]["geometry"]["coordinates"]
    ref = by_id["chengyu_rail_01"]["properties"]
    link = {"type": "Feature", "properties": {
        "id": "chengyu_rail_cd_01", "name_zh": "成渝铁路(成都–石板滩)",
        "name_en": "Chengdu–Chongqing Railway (Chengdu–Shibantan)", "project": "chengyu_rail",
        "mode": "conventional_rail", "from": "st_chengdu", "to": JUNCTION,
        "design_speed_kmh": ref["design_speed_kmh"], "status": "open", "open_year": ref["open_year"],
        "source": (f"railway chainage: 19 km = 宝成、成渝线 成都 669 → 八里 673 → 龙潭寺 679 → 石板滩 688 ({CITE}); "
                   "the track of 成都站's trains to 遂宁/重庆/达州 (成都 → 石板滩 → 宁蓉线; 成都 → 遂宁 148 km "
                   "by the table, not via 成都东); design speed and open year as chengyu_rail_01 (成渝铁路, "
                   "100 km/h assumed there); inventory false: the 成渝铁路 kilometres are counted on "
                   "chengyu_rail_01..09; geometry straight (schematic)"),
        "line": "chengyu_rail", "length_km": 19, "freight": True, "inventory": False,
    }, "geometry": {"type": "LineString", "coordinates": [chengdu, pos]}}
    feats.insert(feats.index(by_id["chengyu_rail_01"]), link)
    print("chengyu_rail_cd_01\tnew\t成都–石板滩 19 km")

    write_features(RAIL, feats)


if __name__ == "__main__":
    main()
