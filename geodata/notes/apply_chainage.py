#!/usr/bin/env python3
"""Issue 17, point 3: rail link lengths from railway chainage.

Sets `length_km` of open stop-to-stop rail links to the chainage difference
read from the national passenger fare-distance table (全国客里表, export of
2021-09-28 kept in CDK6182CHR/qETRC as `CRPassengerMileage.pyetlib`), appends
the table and the chainage values to each link's `source`, adds three
connections trains really use (重庆北–重庆西 via 井口; 遂宁–南充北 via 南充西 for
兰渝 trains; 重庆北–广安 via 磨心坡 for 襄渝 trains), and re-synthesises the schematic geometry of a
changed link (one bend vertex) when its geodesic length would otherwise be
more than 10 % off the new length. Writes the file back in its layout (one
feature per line).

Usage (from the repository root):
    git -C <qETRC mirror> show HEAD:CRPassengerMileage.pyetlib > /tmp/mileage.json
    python3 geodata/notes/apply_chainage.py /tmp/mileage.json

It runs on the file as it was before this pass (commit 3dc267b:
`git show 3dc267b:geodata/rail.geojson > geodata/rail.geojson` first), and is
idempotent only on that data (it checks each link's old
length before changing it) and prints one row per change.
"""
import json
import math
import sys

RAIL = "geodata/rail.geojson"
TABLE = "全国客里表数据导出20210928"
CITE = ("passenger fare distance table 客里表 2021-09-28 "
        "(CDK6182CHR/qETRC CRPassengerMileage.pyetlib)")

T = json.load(open(sys.argv[1], encoding="utf-8"))[TABLE]


def hav(a, b):
    r = 6371.0088
    lo1, la1, lo2, la2 = map(math.radians, [a[0], a[1], b[0], b[1]])
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


def glen(c):
    return sum(hav(c[i], c[i + 1]) for i in range(len(c) - 1))


def ch(line, name):
    for s in T[line]["stations"]:
        if s["zhanming"] == name:
            return s["licheng"]
    raise KeyError(f"{name} not on {line}")


def seg(line, a, b):
    """(km, text) for a section a→b of one table line."""
    ka, kb = ch(line, a), ch(line, b)
    return abs(kb - ka), f"{line} {a.rstrip('*')} {ka} → {b.rstrip('*')} {kb}"


def route(*parts):
    km = 0
    texts = []
    for p in parts:
        k, t = seg(*p)
        km += k
        texts.append(t)
    return km, "; ".join(texts)


def _old_length(link, old):
    if old != "geo":
        return old
    f = next(f for f in json.load(open(RAIL, encoding="utf-8"))["features"]
             if f["properties"]["id"] == link)
    return glen(f["geometry"]["coordinates"])


# link id -> (expected old length_km (None = none declared, "geo" = from
# geometry), new km, chainage text, optional extra note)
CHANGES = {}


def add(link, old, parts, note=""):
    km, text = route(*parts)
    CHANGES[link] = (old, float(km), text, note)


def split(links_old, parts, note):
    """A table section that our data cuts at a station the table lacks (or
    whose chainage conflicts with our station positions): keep the table's
    total and split it over the links in the ratio of their present lengths."""
    km, text = route(*parts)
    olds = [_old_length(link, o) for link, o in links_old]
    total_old = sum(olds)
    for (link, old), o in zip(links_old, olds):
        CHANGES[link] = (old, round(km * o / total_old, 1), text,
                         f"the table's {km} km over {len(links_old)} links split "
                         f"in the ratio of their previous lengths; {note}")


POS = ("the table's {} km {} is more than 25 % shorter than the straight line between our "
       "(unsurveyed) station positions, so the pair keeps the table's total and its present split "
       "until the stations are placed")
CY = "宝成、成渝线"
CG = "成贵客专线"
NR = "宁蓉线成渝段"
YL = "宁蓉线宁渝段"
YW = "郑渝高速线渝万段"
YH = "渝怀线"
XY = "襄渝线"
DC = "达成线"
LY = "兰渝线兰渭段"
CK = "成昆线成峨段"

# 成贵 (乐山–兴文)
add("chenggui_01", None, [(CG, "乐山", "犍为")])
add("chenggui_02", None, [(CG, "犍为", "屏山")])
add("chenggui_03", None, [(CG, "屏山", "宜宾西")])
add("chenggui_04", None, [(CG, "宜宾西", "长宁")])
add("chenggui_05", None, [(CG, "长宁", "兴文")])
# 渝利 (宁蓉线宁渝段)
add("yuli_01", None, [(YL, "重庆北", "长寿北")],
    "the table's 渝利 route 重庆北–长寿北 (via 双溪, 复盛) is 68 km, 渝万's (郑渝高速线渝万段) 66 km")
split([("yuli_02", "geo"), ("yuli_03", "geo")], [(YL, "长寿北", "丰都")],
      POS.format(24, "长寿北–涪陵北"))
add("yuli_04", None, [(YL, "丰都", "石柱县")])
# 渝万
add("yuwan_hsr_sh_01", 58.8, [(YW, "重庆北", "长寿北")])
add("yuwan_hsr_01", 59.2, [(YW, "长寿北", "垫江")], "长寿湖 (83) lies between and is not a node")
add("yuwan_hsr_02", 58.5, [(YW, "垫江", "梁平南")])
add("yuwan_hsr_03", 70.7, [(YW, "梁平南", "万州北")])
# 遂成 / 遂渝 / 兰渝 (宁蓉线成渝段, 兰渝线兰渭段)
split([("chengsui_01", 42.9), ("chengsui_02", 76.4)], [(NR, "成都东", "大英东")],
      "淮州 (opened after the table's date) is not in it")
add("chengsui_03", 26.7, [(NR, "大英东", "遂宁")])
add("suiyu_01", None, [(NR, "遂宁", "潼南")])
add("suiyu_02", None, [(NR, "潼南", "合川")])
add("suiyu_lanyu_01", 70.7, [(NR, "合川", "重庆北")],
    "the 70.7 km before was the 兰渝 new line 渭沱–重庆北; 合川 is 12 km past 渭沱")
add("lanyu_01", 70.7, [(NR, "合川", "重庆北")],
    "the 70.7 km before was 渭沱–重庆北; 合川 is 12 km past 渭沱")
add("lanyu_02", None, [(NR, "合川", "渭沱"), (LY, "渭沱", "武胜")],
    "兰渝 joins the 宁蓉 (遂渝) line at 渭沱")
add("lanyu_03", None, [(LY, "武胜", "南充北")])
add("lanyu_04", None, [(LY, "南充北", "南部")])
add("lanyu_05", None, [(LY, "南部", "阆中")])
add("lanyu_nc_01", None, [(DC, "南充", "南充西"), ("南充西联络线", "南充西", "南充北")],
    "route 南充–南充西 on 达成线, then 南充西联络线")
split([("lanyu_ga_01", "geo"), ("lanyu_ga_02", "geo")],
      [(DC, "南充", "南充东"), ("高南线", "南充东", "广安南")],
      "the 广安 branch is 高南线 (高兴–广安南–岳池–南充东), leaving 达成 at 南充东; "
      + POS.format(16, "岳池–广安南"))
# 达成 (遂宁–达州)
add("dacheng_01", 68.1, [(DC, "遂宁", "南充")])
add("dacheng_02", 44.4, [(DC, "南充", "蓬安")])
add("dacheng_03", 16.7, [(DC, "蓬安", "营山")])
add("dacheng_04", 98.9, [(DC, "营山", "达州")])
# 襄渝
add("xiangyu_01", None, [(XY, "北碚", "东阳所*"), ("襄遂联络线", "东阳所*", "石子山"),
                         ("渭井线", "石子山", "井口"), (YH, "井口", "重庆北")],
    "no table line runs 北碚–重庆北 directly: route 北碚–东阳所 (襄渝), 襄遂联络线, "
    "石子山–井口 (渭井线), 井口–重庆北 (渝怀); trains that do not call at 北碚 leave 襄渝 at "
    "磨心坡 (782) for 黄桷所 and 井口, 17 km shorter than 重庆北–北碚–广安 here (xiangyu_moxinpo_01)")
add("xiangyu_02", None, [(XY, "北碚", "广安")])
split([("xiangyu_03", "geo"), ("xiangyu_04", "geo")], [(XY, "广安", "达州")],
      POS.format(38, "广安–渠县"))
# 达万
add("dawan_01", 80.6, [("达万线", "达州", "梁平")])
add("dawan_02", 75.4, [("达万线", "梁平", "万州")])
# 渝怀
add("yuhuai_01", None, [(YH, "重庆北", "长寿")])
add("yuhuai_02", None, [(YH, "长寿", "涪陵")])
add("yuhuai_03", None, [(YH, "涪陵", "武隆")])
add("yuhuai_04", None, [(YH, "武隆", "彭水")])
add("yuhuai_05", None, [(YH, "彭水", "黔江")])
add("yuhuai_06", None, [(YH, "黔江", "酉阳")])
add("yuhuai_07", None, [(YH, "酉阳", "秀山")])
# 川黔
add("chuanqian_01", None, [("川黔线", "重庆", "綦江")])
# 成渝铁路 (简阳 onwards; 成都东 is not a station of the table's 成渝线)
add("chengyu_rail_02", 50.7, [(CY, "简阳", "资阳")])
add("chengyu_rail_03", 68.3, [(CY, "资阳", "资中")])
add("chengyu_rail_04", 44.4, [(CY, "资中", "内江")])
add("chengyu_rail_05", 54.5, [(CY, "内江", "隆昌")])
add("chengyu_rail_06", 48.3, [(CY, "隆昌", "荣昌")])
add("chengyu_rail_07", 50.9, [(CY, "荣昌", "永川")])
add("chengyu_rail_08", 51.3, [(CY, "永川", "江津")])
add("chengyu_rail_09", 65.1, [(CY, "江津", "重庆")])
# 宝成
add("baocheng_01", None, [(CY, "成都", "广汉")])
add("baocheng_02", None, [(CY, "广汉", "德阳")])
add("baocheng_03", None, [(CY, "德阳", "绵阳")])
add("baocheng_04", None, [(CY, "绵阳", "江油")])
# 成昆
add("chengkun_01", None, [(CK, "成都南", "彭山")])
add("chengkun_02", None, [(CK, "彭山", "眉山")])
split([("chengkun_03", "geo"), ("chengkun_04", "geo")], [(CK, "眉山", "峨眉")],
      "夹江 is not a station of the table's 成昆线")
# 内六
add("neiliu_01", None, [("内六线", "内江", "自贡北")],
    "the table's 内六 station at 自贡 is 自贡北 (the data's 自贡 普速 station)")
add("neiliu_02", None, [("内六线", "自贡北", "宜宾")])
# 成雅 (成蒲)
add("chengpu_01", 28.7, [("成雅线", "成都西", "崇州")])
add("chengpu_02", 16.0, [("成雅线", "崇州", "大邑")])
add("chengpu_03", 19.5, [("成雅线", "大邑", "邛崃")])
add("chengpu_04", 24.6, [("成雅线", "邛崃", "蒲江")])
split([("chengpu_05", 10.1), ("chengya_01", 31.6)], [("成雅线", "蒲江", "名山")],
      POS.format(6, "蒲江–朝阳湖"))
add("chengya_02", 9.4, [("成雅线", "名山", "雅安")])
# 成灌
add("chengguan_01", None, [("成灌线", "犀浦", "郫县西")])
add("chengguan_02", None, [("成灌线", "郫县西", "都江堰")])
add("chengguan_pz_01", 21.2, [("郫彭线", "郫县西", "彭州")])
# 内自泸: the table's 内江东–白马北 (6 km) is less than half the straight line
# between our stations (14 km), so that pair keeps its total and its split
add("neizilu_01", 10.0, [("绵泸高铁内自泸段", "内江北", "内江东")])
split([("neizilu_02", 13.7), ("neizilu_03", 21.1)], [("绵泸高铁内自泸段", "内江东", "自贡")],
      "the table's 6 km 内江东–白马北 is less than half the 14 km between our (unsurveyed) "
      "station positions, so the pair's split is kept until the stations are placed")
add("neizilu_04", 19.9, [("绵泸高铁内自泸段", "自贡", "富顺")])
split([("neizilu_05", 39.2), ("neizilu_06", 24.1)], [("绵泸高铁内自泸段", "富顺", "泸州")],
      POS.format(29, "富顺–泸县"))

# Chongqing hub: 成渝 trains to 重庆北 run over the 北联络线 半边山所–芭蕉沟所
# (井西联络线) and 井西线/渝怀线 through 井口
JINGKOU = [106.445, 29.655]      # 井口 (沙坪坝区), schematic
BAJIAOGOU = [106.435, 29.565]    # 芭蕉沟线路所, at its chainage on the line 井口–重庆西
BANBIANSHAN = [106.3888, 29.5427]  # 半边山线路所, as on chengyu_hsr_*_lx_02
for lx in ("chengyu_hsr_2015_lx_01", "chengyu_hsr_dasu_lx_01"):
    add(lx, None, [("成渝高速线成沙段", "璧山", "半边山所*"), ("井西联络线", "半边山所*", "芭蕉沟所*"),
                   ("井西线", "芭蕉沟所*", "井口"), (YH, "井口", "重庆北")],
        "the route of the 北联络线 ('经北联络线进入重庆北站', 重庆晚报 2015-01-06): "
        "半边山所–芭蕉沟所–井口–重庆北; geometry through 井口 (schematic), 芭蕉沟所 and 半边山所")

GEOMETRY = {
    "chengyu_hsr_2015_lx_01": [None, JINGKOU, BAJIAOGOU, BANBIANSHAN, None],
    "chengyu_hsr_dasu_lx_01": [None, JINGKOU, BAJIAOGOU, BANBIANSHAN, None],
}

NEW_LINK_ID = "cq_hub_01"


def bend(c, target):
    """One bend vertex so that the geodesic length is `target` (straight line
    if the chord is already at least `target`). The bend goes on the side of
    the present middle vertex, at its position along the chord."""
    a, b = c[0], c[-1]
    chord = hav(a, b)
    if target <= chord * 1.005:
        return [a, b]
    kx = math.cos(math.radians((a[1] + b[1]) / 2))
    ax, ay, bx, by = a[0] * kx, a[1], b[0] * kx, b[1]
    dx, dy = bx - ax, by - ay
    n = math.hypot(dx, dy)
    ux, uy = dx / n, dy / n
    px, py = -uy, ux
    t, side = 0.5, 1.0
    if len(c) == 3:
        mx, my = c[1][0] * kx - ax, c[1][1] - ay
        t = min(max((mx * ux + my * uy) / n, 0.2), 0.8)
        side = 1.0 if (mx * px + my * py) >= 0 else -1.0
    lo, hi = 0.0, n * 3
    for _ in range(80):
        h = (lo + hi) / 2
        v = [(ax + ux * n * t + px * h * side) / kx, ay + uy * n * t + py * h * side]
        if hav(a, v) + hav(v, b) < target:
            lo = h
        else:
            hi = h
    v = [round(v[0], 5), round(v[1], 5)]
    return [a, v, b]


def fmt(x):
    return int(x) if float(x).is_integer() else x


def main():
    txt = open(RAIL, encoding="utf-8").read()
    fc = json.loads(txt)
    feats = fc["features"]
    by_id = {f["properties"]["id"]: f for f in feats}
    nodes = {i: f for i, f in by_id.items() if f["geometry"]["type"] == "Point"}
    rows = []

    def apply(link_id, old, km, text, note):
        f = by_id[link_id]
        p = f["properties"]
        c = f["geometry"]["coordinates"]
        have = p.get("length_km")
        if old == "geo":
            assert have is None, link_id
            old_val = round(glen(c), 1)
        elif old is None:
            assert have is None, (link_id, have)
            old_val = round(glen(c), 1)
        else:
            assert have is not None and abs(have - old) < 0.05, (link_id, have, old)
            old_val = have
        # overlays of this track link carry the same length
        p["length_km"] = fmt(km)
        add_src = f" | length {fmt(km)} km from railway chainage: {text} ({CITE})"
        if note:
            add_src += f"; {note}"
        p["source"] += add_src
        if link_id in GEOMETRY:
            pts = GEOMETRY[link_id]
            f["geometry"]["coordinates"] = [c[0]] + pts[1:-1] + [c[-1]]
        else:
            g = glen(c)
            if abs(km - g) / g > 0.10:
                f["geometry"]["coordinates"] = bend(c, km)
        g2 = glen(f["geometry"]["coordinates"])
        rows.append((link_id, p["from"], p["to"], old_val, "declared" if have is not None else "geometry",
                     fmt(km), round(g2, 1)))

    for link_id, (old, km, text, note) in CHANGES.items():
        apply(link_id, old, km, text, note)
        for ov in [i for i in by_id if i.startswith(link_id + "_svc_")]:
            apply(ov, old, km, text, note)

    # new link: 重庆北–重庆西 over 渝怀线 (重庆北–井口) and 井西线 (井口–芭蕉沟所–重庆西)
    assert NEW_LINK_ID not in by_id
    km, text = route((YH, "重庆北", "井口"), ("井西线", "井口", "重庆西"))
    alt, alt_text = route((NR, "重庆北", "童家溪所*"), ("渝贵线", "童家溪所*", "重庆西"))
    cqb = nodes["st_chongqingbei"]["geometry"]["coordinates"]
    cqx = nodes["st_chongqingxi"]["geometry"]["coordinates"]
    new = {
        "type": "Feature",
        "properties": {
            "id": NEW_LINK_ID,
            "name_zh": "重庆枢纽联络线(重庆北–井口–重庆西)",
            "name_en": "Chongqing hub connecting line (Chongqing North–Jingkou–Chongqing West)",
            "project": "cq_hub",
            "mode": "hsr",
            "from": "st_chongqingbei",
            "to": "st_chongqingxi",
            "design_speed_kmh": 250,
            "status": "open",
            "open_year": 2018,
            "source": (
                f"railway chainage: length {km} km = {text} ({CITE}); the shortest route between the two "
                f"stations in the table (the other, {alt} km, is {alt_text}); 重庆北–井口–芭蕉沟所 is also "
                "the route of the 成渝高铁 北联络线 to 重庆北 (see chengyu_hsr_dasu_lx_01); open year 2018 = "
                "重庆西's opening to passenger trains (2018-01-25, with 渝贵铁路); design speed copied from the "
                "成渝高铁 connecting lines (250, an ASSUMPTION like theirs: no source gives the speed of the hub "
                "lines, which the 2019 diagram shows to be slow, see geodata/README.md eighth pass); its own "
                "line id: a ride between 重庆北 and 重庆西 and another line is a transfer (through services are "
                "not known from a source); inventory false: 井口–重庆北 is 渝怀 track and 井西线 a hub line, not "
                "high-speed kilometres of the official totals; geometry via 井口 and 芭蕉沟所 (schematic)"
            ),
            "line": "cq_hub",
            "length_km": fmt(float(km)),
            "inventory": False,
        },
        "geometry": {"type": "LineString", "coordinates": [cqb, JINGKOU, BAJIAOGOU, cqx]},
    }
    # insert after the 渝贵 link
    idx = next(i for i, f in enumerate(feats) if f["properties"]["id"] == "yugui_01") + 1
    feats.insert(idx, new)
    rows.append((NEW_LINK_ID, "st_chongqingbei", "st_chongqingxi", "—", "new", km,
                 round(glen(new["geometry"]["coordinates"]), 1)))

    # 兰渝 trains between 遂宁 and 南充北 run 遂宁–南充西 on 达成 and then the
    # 南充西联络线, not via 南充 station (85 km by the data's links)
    km, text = route((DC, "遂宁", "南充西"), ("南充西联络线", "南充西", "南充北"))
    base = by_id["dacheng_01_svc_lanyu"]
    nc_west = [106.03, 30.82]  # 南充西, schematic: 10 km from 南充 on 达成, 8 km from 南充北
    q = dict(base["properties"])
    q.update({
        "id": "dacheng_nanchongxi_svc_lanyu",
        "name_zh": "兰渝列车(遂宁–南充西–南充北)",
        "name_en": "Lanzhou–Chongqing trains Suining–Nanchong West–Nanchong North",
        "to": "st_nanchongbei",
        "length_km": fmt(float(km)),
        "source": (f"service overlay on 达成 track and the 南充西联络线: 成都–阆中 D trains run 成都东–遂宁–南充北–阆中 "
                   f"(华西都市报 2016-05-16, first D train via 遂宁 南充北); length {km} km from railway chainage: {text} "
                   f"({CITE}), the table's route between the two stations, 20 km shorter than via 南充 station "
                   "(dacheng_01_svc_lanyu + lanyu_nc_01, kept for trains calling at 南充); design speed as 达成; "
                   "inventory false (达成 track counted on dacheng_01; the 8-km 联络线 is inside lanyu_nc_01's route); "
                   "geometry: 南充西 placed schematically"),
    })
    new2 = {"type": "Feature", "properties": q,
            "geometry": {"type": "LineString",
                         "coordinates": [base["geometry"]["coordinates"][0], base["geometry"]["coordinates"][1],
                                         nc_west, nodes["st_nanchongbei"]["geometry"]["coordinates"]]}}
    feats.insert(feats.index(base) + 1, new2)
    rows.append((q["id"], "st_suining", "st_nanchongbei", "—", "new", km,
                 round(glen(new2["geometry"]["coordinates"]), 1)))

    # 襄渝 trains that do not call at 北碚 leave the line at 磨心坡 for 黄桷所 and
    # 井口 (襄渝渭井联络线, 渭井线) and reach 重庆北 over 渝怀 from 井口
    km, text = route((XY, "广安", "磨心坡"), ("襄渝渭井联络线", "磨心坡", "黄桷所*"),
                     ("渭井线", "黄桷所*", "井口"), (YH, "井口", "重庆北"))
    base = by_id["xiangyu_02"]
    moxinpo = [106.47, 29.88]  # 磨心坡, schematic: 8 km before 北碚 on 襄渝
    gua = nodes["st_guangan"]["geometry"]["coordinates"]
    tail = bend([moxinpo, base["geometry"]["coordinates"][1], gua], 85.0)
    q = dict(base["properties"])
    q.update({
        "id": "xiangyu_moxinpo_01",
        "name_zh": "襄渝铁路(重庆北–井口–磨心坡–广安)",
        "name_en": "Xiangyang–Chongqing Railway via the Moxinpo connection",
        "from": "st_chongqingbei",
        "length_km": fmt(float(km)),
        "inventory": False,
        "source": (f"railway chainage: {km} km = {text} ({CITE}): the table's route for 襄渝 passenger trains "
                   "between 重庆北 and 广安 that do not call at 北碚 (17 km shorter than 重庆北–北碚–广安, "
                   "xiangyu_01 + xiangyu_02); properties as 襄渝 (design speed assumed as there); inventory false "
                   "(磨心坡–广安 is counted on xiangyu_02; the 23 km 井口–黄桷所–磨心坡 of 渭井线 and its "
                   "联络线 are not counted); geometry through 井口 and 磨心坡 (schematic)"),
    })
    q.pop("retire_year", None)
    new3 = {"type": "Feature", "properties": q,
            "geometry": {"type": "LineString",
                         "coordinates": [nodes["st_chongqingbei"]["geometry"]["coordinates"], JINGKOU] + tail}}
    feats.insert(feats.index(base) + 1, new3)
    rows.append((q["id"], "st_chongqingbei", "st_guangan", "—", "new", km,
                 round(glen(new3["geometry"]["coordinates"]), 1)))

    out = '{"type":"FeatureCollection","features":[\n' + ",\n".join(
        json.dumps(f, ensure_ascii=False) for f in feats) + "\n]}\n"
    open(RAIL, "w", encoding="utf-8").write(out)
    for r in rows:
        print("\t".join(str(x) for x in r))


if __name__ == "__main__":
    main()
