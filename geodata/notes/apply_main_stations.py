#!/usr/bin/env python3
"""Issue 17, point 1: main stations per place.

Adds `main_stations` (station ids) and `main_stations_source` to each place
in geodata/places.geojson whose own trains use stations, and writes
geodata/notes/main_stations.md. Rule: start from the stations whose `city`
is the place; drop airport stations; for a prefecture-level city keep only
the stations of its central urban area; for a county or district keep its
own stations, dropping an outlying town's station when the place has one at
its seat that opens no later. The file keeps its layout (one feature per line).
Run from the repository root: python3 geodata/notes/apply_main_stations.py
"""
import json

PLACES = "geodata/places.geojson"
RAIL = "geodata/rail.geojson"
NOTE = "geodata/notes/main_stations.md"

AIRPORT = "airport station (never counts)"
S_CE = ("成宜高铁 stations (中国铁路成都局 via 四川在线 2023-05-17; 内江广播电视台 2023-12-19): "
        "三岔湖站 and 天府机场站 in 成都东部新区, 资中西站 in 资中县球溪镇, 威远站 in 威远县高石镇, "
        "沿滩站 in 沿滩区, 宜宾东站 (建设名 临港) in 宜宾三江新区")

# place -> (main station ids, {excluded id: reason}, note with sources)
D = {
 "chengdu": (["st_chengdudong", "st_chengdunan", "st_chengduxi", "st_chengdu", "st_tianfu", "st_weijianian"],
   {"st_tianfujichang": AIRPORT + "; in 成都东部新区 (" + "成宜高铁 station list, 内江广播电视台 2023-12-19)",
    "st_shuangliujichang": AIRPORT,
    "st_qingbaijiangdong": "suburban: 青白江区, 32 km from 天府广场",
    "st_xindudong": "suburban: 新都区, 21 km from 天府广场",
    "st_xipu": "suburban: 郫都区 犀浦",
    "st_pixianxi": "suburban: 郫都区",
    "st_futian": "S3 terminus in 成都东部新区 (former 简阳), 58 km out",
    "st_honglian": "S5 terminus ~23 km south of 天府广场 (our position), outside the central area"},
   "the hub's passenger stations: 成都东, 成都南, 成都西 (成雅/川藏 terminus in 主城区三环路苏坡立交外侧, 雅安日报 2018-10-16), "
   "成都站 (火车北站), 天府站 (天府新区, the new hub station of the 成宜 and 成达万 lines); 韦家碾 is the S11 成德线 terminus "
   "in 金牛区 at the metro 1/5/18 interchange (S11 可研批复 2023-02-15; under construction)"),
 "zigong": (["st_zigong", "st_zigong_pusu"],
   {"st_yantan": "suburban: 沿滩站 in 沿滩区 (" + "成宜高铁 station list, 2023), 16 km from the centre"},
   "自贡站 (HSR, 内自泸 and 成宜; 自贡东新城) and the 内六线 passenger station (the old 自贡站, renamed 自贡北站 on 2021-04-30: 国铁集团 naming notice via 21-sun.com 2021-04-08)"),
 "luzhou": (["st_luzhou"],
   {"st_luzhoudong": "not in the city: 泸州东站 is in 泸县云锦镇, ~47 km from 泸县城 and 20+ km from 泸州市区 (川南在线 2021-01-21; press on the station)",
    "st_luzhouxi": "隆泸叙 station (under construction); not at the centre and its position unconfirmed",
    "st_naxi": "纳溪区 seat, a separate town 13 km from the centre"},
   "泸州站 is in 龙马潭区安宁街道, 泸州主城区北部 (泸州日报/川江都市报 2020-03-04), shared by 内自泸 and 渝昆"),
 "deyang": (["st_deyang", "st_deyangbei"], {},
   "德阳站 (成绵乐 and 宝成); 德阳北 is the S11 成德线 terminus, one of its five stations in 德阳城区 (S11 press 2023–2024; under construction, 2026 in the data). "
   "青白江东 (成都 青白江区) is not 德阳's"),
 "mianyang": (["st_mianyang"], {"st_anzhou": "another district's station: 安州区 (花荄), 24 km"}, "绵阳站 (成绵乐 and 宝成)"),
 "suining": (["st_suining"], {}, "遂宁站, the city's only station (遂成, 遂渝, 达成)"),
 "neijiang": (["st_neijiangbei", "st_neijiang"],
   {"st_neijiangdong": "内自泸 station (建设名 内江三元站) on the city's east side, 11 km from 内江北 on the line to 自贡 (客里表; 国铁集团 naming notice, 2021-04); not at the centre, and its trains also call at 内江北",
    "st_baimabei": "suburban: 白马镇, 13 km"},
   "内江北 (成渝高铁, 内自泸) and 内江站 (成渝铁路, 内六) in the city"),
 "leshan": (["st_leshan"], {}, "乐山站, the city's station on 成绵乐/成贵"),
 "nanchong": (["st_nanchong", "st_nanchongbei"], {}, "南充站 (达成) and 南充北 (兰渝; reused by 南广铁路, 四川省发改委 2025-08-21)"),
 "meishan": (["st_meishandong", "st_meishan"], {}, "眉山东 (成绵乐) and 眉山站 (成昆) serve 东坡区"),
 "yibin": (["st_yibin", "st_yibinxi"],
   {"st_yibindong": "宜宾东站 is in 三江新区 (建设名 临港站; " + "成宜高铁 station list, 2023), 15 km east",
    "st_nanxibei": "another district's station: 南溪区 (大观)", "st_nanxi": "another district's station: 南溪区"},
   "the hub's 一主两辅 plan (宜宾日报 2019-01-22): main station 宜宾站 (成宜, 渝昆; our node also carries the 内六 宜宾站) and 成贵 宜宾西"),
 "guangan": (["st_guangan", "st_guangannan", "st_guangandong"], {},
   "广安站 (襄渝), 广安南 (高南线, 成都–广安南 D trains since 2014-08-08, 中新网), 广安东 (西渝高铁, under construction; terminus of 南广铁路, 四川省发改委 2025-08-21)"),
 "dazhou": (["st_dazhou", "st_dazhounan"], {}, "达州站 and 达州南 (成达万/西渝 hub, under construction)"),
 "yaan": (["st_yaan"], {}, "雅安站 (成雅)"),
 "ziyang": (["st_ziyangbei", "st_ziyang"],
   {"st_ziyangxi": "suburban: 资阳西站 is in 雁江区祥符镇, 17 km from 市区 (成自高铁 press 2019; 2023-12-27 opening report)"},
   "资阳北 (成渝高铁, S3) and 资阳站 (成渝铁路)"),
 "chongqing": (["st_chongqingbei", "st_chongqingxi", "st_shapingba", "st_chongqing", "st_chongqingdong"],
   {"st_chongqingkexuecheng": "沙坪坝区's own station (重庆科学城, 成渝中线), not a 中心城区 hub",
    "st_tiaodeng": "大渡口区's own station (江跳线)", "st_beibei": "北碚区's own station",
    "st_beibeinan": "北碚区's own station", "st_banan": "巴南区's own station"},
   "the hub's passenger stations 重庆北, 重庆西, 沙坪坝, 重庆站 (菜园坝) and 重庆东 (under construction); no airport station is in the data"),
 "cq_shapingba": (["st_chongqingkexuecheng"], {},
   "its own station (成渝中线, under construction); 沙坪坝站 and 重庆西站 lie in the district but are 中心城区 hub stations (city = chongqing)"),
 "cq_kaizhou": (["st_kaizhou", "st_yuexi"], {},
   "开州站 (西渝, 2028); 岳溪 (成达万, 2027) is a town station 29 km out, kept because it opens first"),
 "cq_jiangjin": (["st_jiangjinbei", "st_jiangjin", "st_shengquansi"], {},
   "江津站 (成渝铁路) and 圣泉寺 (江跳线) in the district's town; 江津北 (渝昆) is ~6 km north of it in 滨江新城, part of the urban area (上游新闻 2020-07-07)"),
 "cq_yongchuan": (["st_yongchuandong", "st_yongchuannan", "st_yongchuan"], {},
   "永川东 (成渝高铁), 永川站 (成渝铁路) and 永川南 (渝昆) in 永川城区南部, 陈食街道 (上游新闻 2020-07-22)"),
 "cq_dazu": (["st_dazushike", "st_dazunan"], {},
   "大足石刻 (成渝中线, 2027) is at the district seat; 大足南 at 邮亭镇 (~35 km out, 新渝报 2025-11-06) is kept as the district's only open station until then"),
 "cq_nanchuan": (["st_nanchuanbei", "st_nanchuan"], {"st_shuijiangxi": "outlying town: 水江镇, 15 km, opens with 南川北"}, "南川北 (渝湘) and the C6 市域铁路 terminus"),
 "jianyang": (["st_jianyangnan", "st_jianyang", "st_jianzhou"],
   {"st_sanchahu": "outlying: 三岔湖站 is in 成都东部新区 (" + "成宜高铁 station list, 2023)"},
   "简阳南 (成渝高铁), 简阳 (成渝铁路), 简州 (成渝中线, under construction)"),
 "jintang": (["st_huaizhou"], {}, "淮州 (遂成) in 淮州新城, 16 km from 赵镇: the county's only station"),
 "pujiang": (["st_pujiang"], {"st_chaoyanghu": "outlying town: 朝阳湖镇, opened with 蒲江 (2018)"}, "蒲江站 (成雅)"),
 "guanghan": (["st_guanghanbei", "st_guanghan"], {"st_sanxingdui": "outlying: the 三星堆 site station (川青), 6 km out, opened after the two"}, "广汉北 (成绵乐) and 广汉 (宝成)"),
 "jiangyou": (["st_jiangyou"], {"st_qinglian": "outlying town: 青莲镇, 15 km"}, "江油站 (成绵乐, 宝成)"),
 "renshou": (["st_shigao"], {}, "视高 (S5, under construction) in 视高 (天府新区眉山片区), 26 km from 仁寿's seat: the county's only station"),
 "zizhong": (["st_zizhongbei", "st_zizhong"], {"st_zizhongxi": "outlying: 资中西站 is in 球溪镇 (" + "成宜高铁 station list, 2023)"}, "资中北 (成渝高铁) and 资中 (成渝铁路)"),
 "weiyuan": (["st_weiyuan"], {}, "威远站 is in 高石镇, not the seat (" + "成宜高铁 station list, 2023): the county's only station"),
 "luxian": (["st_luxian", "st_fuji"], {}, "泸县站 (内自泸) on 玉蟾大道 at the seat, and 福集 (隆叙) at 福集镇, the seat"),
 "xuanhan": (["st_xuanhannan"], {"st_fankuai": "outlying town: 樊哙镇, 52 km, opens with 宣汉南"}, "宣汉南 (西渝, under construction)"),
 "sn_daying": (["st_dayingdong"], {}, "大英东 (遂成), 7 km from the seat: the county's only station"),
}
OWN = "its own station(s) (the stations whose city is this place)"


def main():
    rail = json.load(open(RAIL, encoding="utf-8"))["features"]
    st = {f["properties"]["id"]: f["properties"] for f in rail
          if f["geometry"]["type"] == "Point" and f["properties"]["kind"] == "station"}
    by_city = {}
    for sid, p in st.items():
        by_city.setdefault(p["city"], []).append(sid)
    txt = open(PLACES, encoding="utf-8").read()
    fc = json.loads(txt)
    rows = []
    for f in fc["features"]:
        p = f["properties"]
        if p["kind"] not in ("city", "district", "county"):
            continue
        own = by_city.get(p["id"], [])
        if p["id"] in D:
            main, excl, note = D[p["id"]]
        elif own:
            assert p["kind"] != "city", p["id"]
            main, excl, note = own, {}, OWN
        else:
            rows.append((p, [], {}, "no station of its own: no main_stations"))
            continue
        assert set(main) <= set(own) and set(own) - set(main) <= set(excl), (p["id"], own)
        assert all(s in st for s in main)
        nm = lambda s: st[s]["name_zh"]
        src = "main stations: " + ", ".join(nm(s) for s in main) + " — " + note
        if excl:
            src += "; excluded: " + "; ".join(f"{nm(s)}: {r}" for s, r in excl.items())
        opening = [f"{nm(s)} ({', '.join(sorted(_status(rail, s)))})" for s in main if "open" not in _status(rail, s)]
        if opening:
            src += "; not yet open: " + ", ".join(opening)
        src += " (issue 17; rule in geodata/notes/main_stations.md)"
        p["main_stations"] = main
        p["main_stations_source"] = src
        rows.append((p, main, excl, note))
    out = '{"type":"FeatureCollection","features":[\n' + ",\n".join(
        json.dumps(f, ensure_ascii=False) for f in fc["features"]) + "\n]}\n"
    open(PLACES, "w", encoding="utf-8").write(out)
    write_note(rows, st, rail)


def _status(rail, sid):
    """'open' if an open line serves the station, else e.g. {'under_construction 2027'}."""
    out = set()
    for f in rail:
        q = f["properties"]
        if f["geometry"]["type"] == "LineString" and q.get("mode") not in (None, "access") \
                and sid in (q["from"], q["to"]):
            out.add("open" if q["status"] == "open" else f"{q['status']} {q['open_year']}")
    return {"open"} if "open" in out else {min(out, key=lambda x: x.split()[-1])}


def write_note(rows, st, rail):
    L = ["# Main stations per place (issue 17, point 1)", "",
         "Each place (`geodata/places.geojson`, kinds city/district/county) whose own trains use stations lists them in",
         "`main_stations` (station ids from `geodata/rail.geojson`), with the reasons in `main_stations_source`.",
         "Written by `geodata/notes/apply_main_stations.py` (run from the repository root).", "",
         "Rule:", "",
         "- Start from the stations whose `city` is the place.",
         "- An airport station (天府机场, 双流机场; 江北机场 is not in the data) never counts.",
         "- A prefecture-level city keeps only the stations of its central urban area that its own trains use;",
         "  a suburban station, or another district's or county's station, never stands in for it.",
         "- A county or district is served by its own station(s); a station of an outlying town is dropped when the",
         "  place has a station at its seat that opens no later, and kept (with a note) when it is the only one or opens first.",
         "- A place with no station of its own gets no `main_stations` (渝中 江北 九龙坡 南岸 渝北 巫溪 船山 安居).",
         "- Stations of lines not yet open are listed (scenarios of 2025–2028 use them) and marked below.",
         "",
         "Sources for locations are in each place's `main_stations_source`; distances are from the place's centre to our",
         "station position (approximate).", "",
         "| place | main stations | why these | excluded (why) |", "|---|---|---|---|"]
    for p, main, excl, note in rows:
        if not main:
            L.append(f"| {p['name_zh']} `{p['id']}` | — | no station of its own | |")
            continue
        def lab(s):
            stt = _status(rail, s)
            return st[s]["name_zh"] + ("" if "open" in stt else f" ({', '.join(sorted(stt))})")
        L.append(f"| {p['name_zh']} `{p['id']}` | " + ", ".join(lab(s) for s in main) + " | " + note + " | " +
                 ("; ".join(f"{st[s]['name_zh']}: {r}" for s, r in excl.items()) or "") + " |")
    L.append("")
    open(NOTE, "w", encoding="utf-8").write("\n".join(L))


if __name__ == "__main__":
    main()
