#!/usr/bin/env python3
"""Write geodata/services.toml (see geodata/notes/services.md for sources and rules).

Usage: python3 geodata/notes/build_services.py DIAGRAM.json [T23_GIT_DIR] > geodata/services.toml
T23_GIT_DIR is the git directory of the public repository Zhang-Yukun/2023ComplexNetworkProject
(the 2023 12306 stop lists, see services_2023.py); without it the file is written as before.
DIAGRAM.json is `source/西成客专线广成段20190105.json` of the public repository
CDK6182CHR/train_graph (commit f86e967), read with `git show`; it is not copied here.
The services from press figures and the default patterns are written out below, each with
its source; each distinct stop pattern of the 2019 diagram's trains is one service (`diagram_services`).
"""
import json
import math
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(__file__))
from check_services import load_rail, shortest  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..")
STATIONS, LINKS = load_rail(os.path.join(ROOT, "rail.geojson"))
PLACES = {f["properties"]["id"]: f["properties"]
          for f in json.load(open(os.path.join(ROOT, "places.geojson"), encoding="utf-8"))["features"]}
LINE_MODE = {}  # a line's mode: that of its own links, not of service overlays (ids with _svc_)
for _l in sorted(LINKS, key=lambda l: "_svc_" in l["id"]):
    LINE_MODE.setdefault(_l["line"], _l["mode"])


def is_express(st):
    p = STATIONS[st]
    if "express_stop" in p:
        return p["express_stop"]
    return PLACES.get(p.get("city"), {}).get("kind") == "city"


def zh(st):
    return STATIONS[st]["name_zh"].removesuffix("站")


def en(st):
    n = STATIONS[st]["name_en"]
    for suf in (" Railway Station", " railway station", " Station", " station"):
        n = n.removesuffix(suf)
    return n


def all_stations(stops, lines):
    """Every station on the shortest path (over `lines`) through `stops`, in order (junctions,
    stations with no `city`, are passed: no train calls there)."""
    out = [stops[0]]
    for a, b in zip(stops, stops[1:]):
        r = shortest(LINKS, set(lines), a, b)
        if r is None:
            raise SystemExit(f"{a} -> {b} not connected over {lines}")
        node = a
        for l in r[1]:
            node = l["to"] if l["from"] == node else l["from"]
            out.append(node)
    seen, res = set(), []
    for s in out:
        if s not in seen and "city" in STATIONS[s]:
            seen.add(s)
            res.append(s)
    return res


def express_of(stops):
    return [s for i, s in enumerate(stops) if i in (0, len(stops) - 1) or is_express(s)]


def rhu(x):
    """round half up"""
    return int(math.floor(x + 0.5))


SERVICES = []


def add(id, name_zh, name_en, stops, lines, per_day=None, headway_min=None, from_year=None,
        to_year=None, source="", oneway=False, mode=None, traction=None):
    s = {"id": id, "name_zh": name_zh, "name_en": name_en, "mode": mode or LINE_MODE[lines[0]],
         "stops": stops, "lines": lines}
    if traction:
        s["traction"] = traction
    if per_day is not None:
        s["per_day"] = per_day
    else:
        s["headway_min"] = headway_min
    if from_year is not None:
        s["from_year"] = from_year
    if to_year is not None:
        s["to_year"] = to_year
    if oneway:
        s["oneway"] = True
    s["source"] = source
    SERVICES.append(s)


def split_pair(id, name_zh, name_en, ends, lines, total, source, **kw):
    """Default split of a sourced total: express (ends + stations serving a prefecture-level
    city) gets half rounded up, all-stop the rest; one all-stop pattern when they coincide or total < 4."""
    full = all_stations(ends, lines)
    exp = express_of(full)
    if exp == full or total < 4:
        add(id, name_zh, name_en, full, lines, per_day=total,
            source=source + "; stops: assumption, all stations (total under 4 a day, or no station to skip)", **kw)
        return
    e = rhu(total / 2)
    add(id + "_express", name_zh + " 大站", name_en + " express", exp, lines, per_day=e,
        source=source + f"; split: assumption, default rule — express (ends + prefecture-city stations) {e} of {total}", **kw)
    add(id + "_local", name_zh + " 站站停", name_en + " all stations", full, lines, per_day=total - e,
        source=source + f"; split: assumption, default rule — all-stop {total - e} of {total}", **kw)


# ---------------------------------------------------------------- 2019 diagram (西成 / 成绵乐 north)
# diagram station name -> station id; every station of the diagram that is in rail.geojson
# (双流西, 新津, 新津南, 旌阳, 江油北, 广元 … are not; 峨眉城际场 is never a call)
DIAG_NAME = {'江油::城际场': 'st_jiangyou', '青莲': 'st_qinglian', '绵阳::城际场': 'st_mianyang',
             '罗江东': 'st_luojiangdong', '德阳::城际场': 'st_deyang', '广汉北': 'st_guanghanbei',
             '青白江东': 'st_qingbaijiangdong', '新都东': 'st_xindudong', '成都东::城际场': 'st_chengdudong',
             '成都南': 'st_chengdunan', '双流机场': 'st_shuangliujichang', '双流西': 'st_shuangliuxi',
             '新津': 'st_xinjin', '新津南': 'st_xinjinnan', '彭山北': 'st_pengshanbei',
             '眉山东': 'st_meishandong', '青神': 'st_qingshen', '乐山峨眉场': 'st_leshan', '峨眉山': 'st_emeishan',
             '简阳南': 'st_jianyangnan', '资阳北': 'st_ziyangbei', '资中北': 'st_zizhongbei',
             '内江北': 'st_neijiangbei', '隆昌北': 'st_longchangbei', '荣昌北': 'st_rongchangbei',
             '大足南': 'st_dazunan', '永川东': 'st_yongchuandong', '璧山': 'st_bishan',
             '重庆西渝贵场': 'st_chongqingxi', '重庆北渝万场': 'st_chongqingbei', '綦江东': 'st_qijiangdong'}
N = ['st_jiangyou', 'st_qinglian', 'st_mianyang', 'st_luojiangdong', 'st_deyang', 'st_guanghanbei',
     'st_qingbaijiangdong', 'st_xindudong']
S = ['st_chengdunan', 'st_shuangliujichang', 'st_shuangliuxi', 'st_xinjin', 'st_xinjinnan', 'st_pengshanbei',
     'st_meishandong', 'st_qingshen', 'st_leshan', 'st_emeishan']
E = ['st_jianyangnan', 'st_ziyangbei', 'st_zizhongbei', 'st_neijiangbei', 'st_longchangbei',
     'st_rongchangbei', 'st_dazunan', 'st_yongchuandong', 'st_bishan']
CQ = ['st_chongqingxi', 'st_chongqingbei', 'st_qijiangdong']
CD = 'st_chengdudong'
NOT_PASSENGER = {'确认车', '动检车'}  # track-confirmation and inspection runs (DJ7855/6, DJ8861/2, DJ1133/4); 临客 are kept
# canonical (southbound) order: 江油 side first, then 成都东, then the south or the east branch
RANK = {s: i for i, s in enumerate(N + [CD])}
RANK.update({s: len(N) + 1 + i for i, s in enumerate(S)})
RANK.update({s: len(N) + 1 + i for i, s in enumerate(E + CQ)})


def diagram_stops(t):
    """The train's calls at stations of the data, in running order: arrival != departure,
    or the first/last timetable row when it is the train's origin/terminus."""
    tt, out = t["timetable"], []
    for i, s in enumerate(tt):
        n = s["zhanming"]
        stop = s["ddsj"] != s["cfsj"]
        if i == 0 and n.startswith(t["sfz"]):
            stop = True
        if i == len(tt) - 1 and n.startswith(t["zdz"]):
            stop = True
        if stop and n in DIAG_NAME:
            out.append(DIAG_NAME[n])
    return out


def diagram_services(path):
    """One service per distinct stop pattern (the exact ordered calls), not merged."""
    d = json.load(open(path, encoding="utf-8"))
    groups = defaultdict(lambda: {"down": [], "up": []})
    for t in d["trains"]:
        if t["type"] in NOT_PASSENGER:
            continue
        s = diagram_stops(t)
        if len(s) < 2:
            continue  # runs through the region with at most one call in it
        down = RANK[s[0]] < RANK[s[-1]]
        key = tuple(s if down else reversed(s))
        groups[key]["down" if down else "up"].append(t["checi"][0])
    src = ("running diagram 2019-01-05 of 西成客专线广成段 (成绵乐 north and the trains running on to "
           "成渝 and 成绵乐 south), CDK6182CHR/train_graph source/西成客专线广成段20190105.json; one service per "
           "distinct stop pattern (geodata/notes/services.md); trains: ")
    out = []
    for key, dirs in groups.items():
        stops = list(key)
        down, up = dirs["down"], dirs["up"]
        east = any(x in E or x in CQ for x in stops)
        south = any(x in S for x in stops)
        if down and up:
            per_day, oneway, st = rhu((len(down) + len(up)) / 2), False, stops
            if len(down) == len(up):
                count = f"{len(down)} southbound + {len(up)} northbound"
            else:
                count = f"{len(down)} southbound + {len(up)} northbound, per_day = half the sum rounded half up"
        else:
            per_day, oneway = len(down) + len(up), True
            st = stops if down else stops[::-1]
            count = f"{per_day} {'southbound' if down else 'northbound'} train{'s' if per_day > 1 else ''}, none the other way"
        trains = sorted(down) + sorted(up)
        out.append(dict(stops=st, per_day=per_day, oneway=oneway, east=east, south=south, key=key,
                        source=src + " ".join(trains) + f" ({count})"))
    out.sort(key=lambda x: (x["east"], x["south"], -x["per_day"], x["oneway"], [RANK[s] for s in x["key"]]))
    return out


def emit_diagram(path):
    for i, g in enumerate(diagram_services(path), 1):
        st = g["stops"]
        nm_zh = "–".join(zh(x) for x in st)
        nm_en = "–".join(en(x) for x in st)
        base = dict(per_day=g["per_day"], oneway=g["oneway"])
        if not g["east"]:
            add(f"svc_xc2019_{i:02d}", f"成绵乐 {nm_zh}", f"Chengdu–Mianyang–Leshan {nm_en}",
                st, ["chengmianle"], from_year=2018, source=g["source"], **base)
        else:
            yg = ["yugui"] if "st_qijiangdong" in st else []
            add(f"svc_xc2019_{i:02d}", f"成绵乐–成渝 {nm_zh}",
                f"Chengdu–Mianyang–Leshan through to Chengdu–Chongqing HSR {nm_en}",
                st, ["chengmianle", "chengyu_hsr_2015"] + yg, from_year=2018, to_year=2020, source=g["source"], **base)
            add(f"svc_xc2019_{i:02d}_2021", f"成绵乐–成渝 {nm_zh} (提速后)",
                f"Chengdu–Mianyang–Leshan through to Chengdu–Chongqing HSR {nm_en} (after the 2020 speed-up)",
                st, ["chengmianle", "chengyu_hsr"] + yg, from_year=2021,
                source="assumption: the 2019 through pattern carried onto the sped-up 成渝高铁 (no later diagram sourced); "
                       + g["source"], **base)

# ---------------------------------------------------------------- services from press figures
SRC_2018 = ("12306 list of all 成都东→重庆 trains of one day, dated 2018-03-13 (saved in github.com/JerrySheep/"
            "Weather-Ticket, app/src/main/java/openapiinvoker/example/com/weatherandticket/TrainBean.java, "
            "commit 60d3084): corridor by fare (≥146 yuan G / 121 yuan D/C = 成渝客专, 96 yuan = 遂渝), "
            "Chongqing terminal and 始/终/过 as listed; stop class inferred from run time (assumption): "
            "≤ 90 min express (calls at 内江北), 91–105 min 大站 (资阳北 内江北 永川东), ≥ 106 min all stations; "
            "trains running through from 西成 (G8751 G1709 G1975 G571 G1835) are in the svc_xc2019 patterns; "
            "per_day = trains in the 成都东→重庆 direction, assumed the same in the other")
FROM_2016 = ("from 2016: the 2018 list stands in for the 2016–2017 timetables (assumption: no public list of those "
             "years found; the 2016 opening of 渝万 had the same 6 成都–万州 pairs, 成都日报 2016-11-29); ")
L15 = ["chengyu_hsr_2015"]
EXPRESS15 = ["st_chengdudong", "st_neijiangbei"]
DAZHAN15 = ["st_chengdudong", "st_ziyangbei", "st_neijiangbei", "st_yongchuandong"]


def chengyu():
    allE = ["st_chengdudong"] + E
    # 2018 (line chengyu_hsr_2015, 2018–2020)
    rows = [
        ("svc_chengyu2018_express_xi", "成渝高铁 快车 成都东–重庆西–綦江东", "Chengdu–Chongqing HSR express to Chongqing West and on over the Chongqing–Guiyang line",
         EXPRESS15 + ["st_chongqingxi", "st_qijiangdong"], L15 + ["yugui"], 4, "G8651 G8653 G8655 G8657 (重庆西 过, i.e. on to 渝贵)"),
        ("svc_chengyu2018_express_spb", "成渝高铁 快车 成都东–沙坪坝", "Chengdu–Chongqing HSR express to Shapingba",
         EXPRESS15 + ["st_shapingba"], L15, 1, "G8517"),
        ("svc_chengyu2018_express_wz", "成渝高铁–渝万 快车 成都东–重庆北–万州北", "Chengdu–Chongqing HSR express on to Wanzhou North",
         EXPRESS15 + ["st_chongqingbei", "st_dianjiang", "st_liangpingnan", "st_wanzhoubei"], L15 + ["zhengyu"], 1,
         "G8713 (重庆北 过; on 渝万 it calls at 垫江 and 梁平南 as D1881 does, assumption)"),
        ("svc_chengyu2018_dazhan_spb", "成渝高铁 大站 成都东–沙坪坝", "Chengdu–Chongqing HSR semi-fast to Shapingba",
         DAZHAN15 + ["st_shapingba"], L15, 9, "G8501 G8503 G8507 G8513 G8519 G8523 G8527 G8531 G8533"),
        ("svc_chengyu2018_dazhan_cqb", "成渝高铁 大站 成都东–重庆北", "Chengdu–Chongqing HSR semi-fast to Chongqing North",
         DAZHAN15 + ["st_chongqingbei"], L15, 9, "G8505 G8509 G8511 G8521 G8525 G8529 G8535 G8541 G8543 (重庆北 终)"),
        ("svc_chengyu2018_dazhan_wz", "成渝高铁–渝万 大站 成都东–重庆北–万州北", "Chengdu–Chongqing HSR semi-fast on to Wanzhou North",
         DAZHAN15 + ["st_chongqingbei", "st_dianjiang", "st_liangpingnan", "st_wanzhoubei"], L15 + ["zhengyu"], 5,
         "G8701 G8705 G8709 G8717 G8721 (重庆北 过; the 6 成都–万州 pairs of 2016 incl. G8713; G8705 at 108 min is put here, not all-stop; on 渝万 calls as D1881, assumption)"),
        ("svc_chengyu2018_dazhan_xi", "成渝高铁 大站 成都东–重庆西–綦江东", "Chengdu–Chongqing HSR semi-fast to Chongqing West and on to Guiyang",
         DAZHAN15 + ["st_chongqingxi", "st_qijiangdong"], L15 + ["yugui"], 5, "G2887 G2163 G2889 G8659 G8663 (重庆西 过)"),
        ("svc_chengyu2018_local_xi", "成渝高铁 站站停 成都东–重庆西–綦江东", "Chengdu–Chongqing HSR all stations to Chongqing West and on to Guiyang",
         allE + ["st_chongqingxi", "st_qijiangdong"], L15 + ["yugui"], 5, "D1785 D1825 D1829 D1833 (重庆西 过) and C6001 (重庆西 终, counted here)"),
        ("svc_chengyu2018_local_cqb", "成渝高铁 站站停 成都东–重庆北", "Chengdu–Chongqing HSR all stations to Chongqing North",
         allE + ["st_chongqingbei"], L15, 3, "G8515 G8537 C6003"),
    ]
    for id, nz, ne, stops, lines, n, trains in rows:
        add(id, nz, ne, stops, lines, per_day=n, from_year=2016, to_year=2020,
            source=f"{FROM_2016}{SRC_2018}; trains: {trains}")
    add("svc_chengyu2020_jingpin", "成渝高铁 精品 成都东–重庆北 一站直达", "Chengdu–Chongqing HSR non-stop premium trains",
        ["st_chengdudong", "st_chongqingbei"], L15, per_day=3, from_year=2020, to_year=2020,
        source="2020-04-10 timetable: 3 pairs of non-stop '精品' trains 成都东–重庆北, about 1 h 28 min — G8781/2, "
               "G8785/6, G8789/90 (第1眼-重庆广电 2020-04-09, chongqing.baogaosu.com/xinwen/83040675); in addition "
               "to the svc_chengyu2018_* patterns")
    # 2021+ (line chengyu_hsr): 2023 total scaled onto the 2018 shares
    total2023 = 92
    thr = sum(s["per_day"] for s in SERVICES if s["id"].startswith("svc_xc2019") and s["id"].endswith("_2021")
              and not s.get("oneway"))
    thr += sum(s["per_day"] for s in SERVICES if s["id"].startswith("svc_xc2019") and s["id"].endswith("_2021")
               and s.get("oneway")) / 2
    rest = total2023 - rhu(thr)
    base = [r for r in rows]
    n2018 = sum(r[5] for r in base)
    src23 = (f"成渝高铁 2023: 92 pairs/day on average (中国铁路成都局 via 新华社 2024-01-04, "
             f"wechatcmc.gcable.cn/mxqgbdst_html/zjy/5758684.shtml); less {rhu(thr)} pairs running through from 西成 "
             f"(svc_xc2019_*_2021) = {rest}; split: assumption — the 2018 list's shares by stop class and terminal "
             f"(svc_chengyu2018_*, {n2018} trains) scaled to {rest}")
    shares = []
    for id, nz, ne, stops, lines, n, trains in base:
        shares.append([id, nz, ne, stops, lines, n * rest / n2018])
    # largest-remainder rounding so that the patterns sum to `rest`
    fl = [math.floor(x[5]) for x in shares]
    left = rest - sum(fl)
    order = sorted(range(len(shares)), key=lambda i: -(shares[i][5] - fl[i]))
    for i in order[:left]:
        fl[i] += 1
    for (id, nz, ne, stops, lines, _), n in zip(shares, fl):
        if n == 0:
            continue
        lines21 = ["chengyu_hsr" if l == "chengyu_hsr_2015" else l for l in lines]
        stops21 = stops
        nid = id.replace("2018", "2023")
        extra = ""
        if nid == "svc_chengyu2023_express_spb":
            stops21 = ["st_chengdudong", "st_shapingba"]
            nz, ne = "成渝高铁 直达 成都东–沙坪坝", "Chengdu–Chongqing HSR non-stop to Shapingba"
            extra = "; non-stop since the 2020-12-24 speed-up (G8607 成都东 09:15 → 沙坪坝 10:17, 新华社 2020-12-24)"
        elif "express" in nid:
            extra = "; express calls at 内江北 as in 2018 (assumption)"
        add(nid, nz.replace("成渝高铁", "成渝高铁(提速后)"), ne + " (after the 2020 speed-up)", stops21, lines21,
            per_day=n, from_year=2021, source=src23 + extra)


def others():
    # ---- 遂渝 / 成遂渝 (line chengsuiyu)
    split_pair("svc_chengsuiyu2013", "成遂渝 动车 成都东–遂宁–重庆北", "Chengdu–Suining–Chongqing EMU",
               ["st_chengdudong", "st_chongqingbei"], ["chengsuiyu"], 20,
               "成渝 D trains via 遂宁 raised to 20 pairs/day from 2013-12-28 (华西都市报 2013-12, "
               "buenomex.com/cj/tzlc/2013-12-26/137776.html); from_year 2015 because the data's 遂渝 reaches 重庆北 only over the 2015 兰渝 link 合川–重庆北", from_year=2015, to_year=2017)
    split_pair("svc_chengsuiyu2018", "成遂渝 动车 成都东–遂宁–重庆北", "Chengdu–Suining–Chongqing EMU",
               ["st_chengdudong", "st_chongqingbei"], ["chengsuiyu"], 22,
               "12306 list of 2018-03-13 (JerrySheep/Weather-Ticket TrainBean.java, commit 60d3084): 22 D trains "
               "成都东/成都→重庆北/重庆西 at the 96-yuan 遂渝 fare: D2244 D1804 D638 D1808 D2224 D1812 D954 D354 D2208 "
               "D2256 D1816 D364 D2264 D2238 D1820 D2374 D2260 D1824 D368 D634 D5102 D5104 (those to 重庆西 are "
               "ended at 重庆北, the line's end in the data); per_day = 成都→重庆 direction, assumed symmetric; "
               "carried on after 2020 (assumption, no later count)", from_year=2018)
    # ---- 渝万 / 郑渝 (line zhengyu)
    split_pair("svc_yuwan2016", "渝万 重庆北–万州北", "Chongqing–Wanzhou HSR",
               ["st_chongqingbei", "st_wanzhoubei"], ["zhengyu"], 14,
               "渝万 opening plan: 20 pairs/day, of which 6 pairs 万州–成都 (万州区交委, 重庆商报 2016-08-02, "
               "info.jctrans.com/news/lyxw/2016822265305.shtml; 成都–万州 6+5 trains on opening day, 成都日报 2016-11-29); "
               "the 成都 pairs are in svc_chengyu2018_*_wz, so 14 pairs here", from_year=2016, to_year=2021)
    split_pair("svc_zhengyu2022", "郑渝 重庆北–万州北–巫山", "Zhengzhou–Chongqing HSR, Chongqing North–Wushan",
               ["st_chongqingbei", "st_wushan"], ["zhengyu"], 53,
               "郑渝高铁 襄万段 up to 106 trains/day (53 pairs) at full opening 2022-06-20 (国铁集团 via 中国经济网 2022-06-20, "
               "wap.rexun.cn/hea/kx/2022/0621/062169628.html); a peak-day maximum ('单日最高'), so an upper bound; "
               "assumption: all run through to 重庆北", from_year=2022)
    # ---- 渝贵 (line yugui): trains starting at 重庆西
    add("svc_yugui2018", "渝贵 重庆西–綦江东 (–贵阳)", "Chongqing–Guiyang line, Chongqing West–Qijiang East (for Guiyang)",
        ["st_chongqingxi", "st_qijiangdong"], ["yugui"], per_day=33, from_year=2018,
        source="渝贵铁路 opening plan 2018-01-25 (贵州都市报, bozhouol.com thread 1208): 重庆西 trains 长沙南 1, 昆明南 2, "
               "福州 1, 南昌西 1, 广州南 9, 南宁东 1, 桂林北 1, 贵阳北 11 pairs + 6 pairs extended to 重庆西 (G1339/G1337, "
               "D1792/5, 4 昆明南) = 33 pairs; the 成都东 ones are in svc_chengyu2018_*_xi; stop at 綦江东 assumed "
               "(the only station of the line in the data)")
    # ---- 渝昆 (line yukun_hsr)
    split_pair("svc_yukun2024", "渝昆 重庆西–泸州–宜宾", "Chongqing–Kunming HSR, Chongqing West–Luzhou–Yibin",
               ["st_chongqingxi", "st_yibin"], ["yukun_hsr"], 20,
               "渝昆高铁渝宜段 opening 2024-09-29: up to 40 trains/day (20 pairs), 14 of them cross-line (国铁集团 via "
               "新华网 2024-09-29, cq.xinhuanet.com/20240929/a384dda3a7a749a2836962489d53428f/c.html); G5781 重庆西 16:17 → "
               "宜宾 17:05; all ended at 宜宾 (assumption)", from_year=2024)
    # ---- 成宜 (line chengyi_hsr)
    split_pair("svc_chengyi2023", "成宜高铁 成都东–自贡–宜宾", "Chengdu–Yibin HSR",
               ["st_chengdudong", "st_yibin"], ["chengyi_hsr"], 8,
               "成宜高铁 opening 2023-12-26: up to 16 trains/day (8 pairs), 成都东→自贡 51 min, →宜宾 73 min "
               "(四川在线 via 工人日报 2023-12-26, dzb.51grb.com); the 2024 loop trains 成都东–自贡–宜宾–乐山–成都东 (4/day) "
               "are not represented (宜宾 and 宜宾西 are not linked in the data)", from_year=2023)
    # ---- 内自泸 (line neizilu) opening plan with ODs
    src_nzl = ("绵泸高铁内自泸段 opening 2021-06-28: 11 pairs — 泸州–贵阳北 1, 泸州–西安北 1, 泸州–广州南 1, 成都东–泸州 4.5, "
               "绵阳–泸州 0.5, 成都东–自贡(富顺) 2.5, 自贡–绵阳 0.5 (中国铁路成都局 via 贵州交通广播 2021-06-30, "
               "gzstv.com/a/c794bf0da3ca40f8a60577970026f7ab)")
    dflt = "; stops: assumption, default express pattern (ends + prefecture-city stations)"
    nzl = all_stations(["st_neijiangbei", "st_luzhou"], ["neizilu"])
    dflt = ("; stops: assumption — express stops on 成渝/成绵乐 (ends + prefecture-city stations), all stations on "
            "内自泸 (富顺 and 泸县 have no other service)")
    add("svc_neizilu_cdd_lz", "成都东–内江北–自贡–泸州", "Chengdu East–Zigong–Luzhou",
        ["st_chengdudong", "st_ziyangbei"] + nzl,
        ["chengyu_hsr", "neizilu"], per_day=5, from_year=2021, source=src_nzl + "; 4.5 pairs rounded to 5" + dflt)
    add("svc_neizilu_cdd_zg", "成都东–内江北–自贡", "Chengdu East–Zigong",
        ["st_chengdudong", "st_ziyangbei"] + nzl[:nzl.index("st_zigong") + 1],
        ["chengyu_hsr", "neizilu"], per_day=3, from_year=2021,
        source=src_nzl + "; 2.5 pairs rounded to 3, ended at 自贡 (some run on to 富顺)" + dflt)
    add("svc_neizilu_my_zg", "绵阳–成都东–自贡", "Mianyang–Chengdu East–Zigong",
        ["st_mianyang", "st_deyang", "st_chengdudong", "st_ziyangbei"] + nzl[:nzl.index("st_zigong") + 1],
        ["chengmianle", "chengyu_hsr", "neizilu"], per_day=1, from_year=2021,
        source=src_nzl + "; the two half pairs 绵阳–泸州 and 自贡–绵阳 as one pair 绵阳–自贡" + dflt)
    add("svc_neizilu_lz_north", "泸州–自贡–成都东–绵阳–江油 (–西安北)", "Luzhou–Chengdu East–Jiangyou (for Xi'an)",
        list(reversed(nzl)) + ["st_ziyangbei", "st_chengdudong", "st_deyang", "st_mianyang", "st_jiangyou"],
        ["neizilu", "chengyu_hsr", "chengmianle"], per_day=1, from_year=2021,
        source=src_nzl + "; 泸州–西安北 1 pair, in-region part" + dflt)
    add("svc_neizilu_lz_south", "泸州–内江北–重庆西–綦江东 (–贵阳/广州)", "Luzhou–Neijiang North–Chongqing West–Qijiang East (for Guiyang/Guangzhou)",
        list(reversed(nzl)) + ["st_chongqingxi", "st_qijiangdong"],
        ["neizilu", "chengyu_hsr", "yugui"], per_day=2, from_year=2021, to_year=2023,
        source=src_nzl + "; 泸州–贵阳北 1 + 泸州–广州南 1, routed 内江北–重庆西–渝贵 (assumption; until 渝昆 opened in 2024)" + dflt)
    # ---- 成贵 (line chengmianle, 成都东–乐山–宜宾西–兴文)
    split_pair("svc_chenggui2020", "成贵 成都东–乐山–宜宾西–兴文", "Chengdu–Guiyang HSR in the region",
               ["st_chengdudong", "st_xingwen"], ["chengmianle"], 44,
               "成贵高铁 after the 2019-12-30 timetable: 44 pairs daily (+14 peak) (中国铁路成都局 via tus8.com 2019-12-16); "
               "all run 成都东–兴文 (assumption: some start at 成都南 or end at 宜宾西)", from_year=2020)
    # ---- 达成 (line dacheng) and 兰渝 (line lanyu)
    split_pair("svc_dacheng_d", "达成 动车 成都东–遂宁–南充–达州", "Dazhou–Chengdu line EMU",
               ["st_chengdudong", "st_dazhou"], ["dacheng"], 4,
               "达成铁路 D trains 成都–达州, 7 trains/day, fastest 2.5 h (press before 成达万's start, ≈2019, as in "
               "geodata/calibration.csv row rail_cdd_dz); read as 7 in both directions together, per_day 4 (rounded up); "
               "from_year 2016 (assumption)", from_year=2016)
    # ---- 成雅 / 成蒲 (line chengya)
    src_cy = ("成雅铁路 opening timetable 2019-01-05: 10 pairs daily, 成都西–朝阳湖 5 and 成都西–雅安 5 (+3 weekend, +2 peak "
              "pairs) (四川在线 via 360doc.cn/article/10010357_800362927.html); stops: all stations (assumption; the "
              "2018-12-13 test train called at 崇州 朝阳湖 名山, 中国新闻网)")
    add("svc_chengya2019_chaoyanghu", "成蒲 成都西–朝阳湖", "Chengdu–Pujiang line Chengdu West–Chaoyanghu",
        all_stations(["st_chengduxi", "st_chaoyanghu"], ["chengya"]), ["chengya"], per_day=5, from_year=2019, to_year=2020,
        source=src_cy)
    add("svc_chengya2019_yaan", "成雅 成都西–雅安", "Chengdu–Ya'an line Chengdu West–Ya'an",
        all_stations(["st_chengduxi", "st_yaan"], ["chengya"]), ["chengya"], per_day=5, from_year=2019, to_year=2020,
        source=src_cy)
    split_pair("svc_chengya2021", "成雅 成都西–雅安", "Chengdu–Ya'an line",
               ["st_chengduxi", "st_yaan"], ["chengya"], 23,
               "成都–雅安 EMUs raised from 4 to 23 pairs/day under the 成都平原 公交化 agreement (雅安, via 新浪四川 "
               "2021-01-20, sc.sina.com.cn/news/m/2021-01-20/detail-ikftpnnx9400286.shtml); all run 成都西–雅安 "
               "(assumption; since 2022-10 some run to 成都南/成都东, outside this line)", from_year=2021)
    # ---- 川青 (line chuanqing)
    src_cq = ("mode hsr: the trains leave 成都东 over the 成绵乐 HSR section of the line (its first links are hsr in "
              "the data); 川青铁路青白江东–镇江关 opening 2023-11-28: 18 trains/day (9 pairs), 成都东→三星堆 18 min, →绵竹南 31 min "
              "(国铁集团 via 中国网 2023-11-25, chinaxiaokang.com/chengshi/2023/1126/1473218.html); in-region part")
    add("svc_chuanqing2023_express", "川青 成都东–三星堆–绵竹南–安州 大站", "Chengdu–Xining line Chengdu East–Anzhou express",
        ["st_chengdudong", "st_sanxingdui", "st_mianzhunan", "st_anzhou"], ["chuanqing"], per_day=5, from_year=2023, mode="hsr",
        source=src_cq + "; split: assumption — 5 of 9 call only where the opening report quotes times (三星堆, 绵竹南) and at the end")
    add("svc_chuanqing2023_local", "川青 成都东–三星堆–绵竹南–安州 站站停", "Chengdu–Xining line Chengdu East–Anzhou all stations",
        all_stations(["st_chengdudong", "st_anzhou"], ["chuanqing"]), ["chuanqing"], per_day=4, from_year=2023, mode="hsr",
        source=src_cq + "; split: assumption, default rule — all-stop 4 of 9")


def chenggui2019():
    add("svc_chenggui2019_opening", "成贵 成都东–成都南–乐山–宜宾西 (2019)", "Chengdu–Guiyang HSR Chengdu East–Yibin West (2019)",
        ["st_chengdudong", "st_chengdunan", "st_meishandong", "st_leshan", "st_yibinxi"], ["chengmianle"], per_day=10,
        from_year=2019, to_year=2019,
        source="成贵高铁 乐山–宜宾西 opened 2019-06-15 with through trains 成都–宜宾西 (宜宾西→成都南 1 h 20 min: 四川省发改委 via "
               "成都商报 2019-06; first train of the full opening C6041 成都东 06:58 → 宜宾西 08:30, 2019-12-16); stops: "
               "assumption, default rule (ends + prefecture-city stations); per_day: assumption (10), no count published for 2019")


# ---------------------------------------------------------------- planned projects: default patterns
DEFAULT_PER_DAY = {"hsr": 32, "intercity": 32, "suburban_rail": 64, "conventional_rail": 8}


def planned():
    projects = [
        ("chengyu_zhongxian", ["st_chengdu", "st_chongqingbei"], "成渝中线高铁", "Chengdu–Chongqing central-route HSR"),
        ("chengdawan", ["st_tianfu", "st_wanzhoubei"], "成达万高铁", "Chengdu–Dazhou–Wanzhou HSR"),
        ("yuxiang_hsr", ["st_chongqingdong", "st_qianjiang"], "渝湘高铁 重庆东–黔江", "Chongqing–Xiangxi HSR, Chongqing East–Qianjiang", 2025, 2025),
        ("yuxiang_hsr", ["st_chongqing", "st_qianjiang"], "渝湘高铁 重庆–黔江", "Chongqing–Xiangxi HSR, Chongqing–Qianjiang", 2026, None),
        ("yuwan_gaotie", ["st_chongqingdong", "st_wanzhoubei"], "渝万高铁(新)", "new Chongqing–Wanzhou HSR"),
        ("xiyu_hsr", ["st_chongqingxi", "st_chengkou"], "西渝高铁 重庆西–城口", "Xi'an–Chongqing HSR, Chongqing West–Chengkou"),
        ("xiyu_hsr_wz", ["st_fankuai", "st_wanzhoubei"], "西渝高铁 樊哙–开州–万州连接线", "Xi'an–Chongqing HSR Fankuai–Kaizhou–Wanzhou link"),
        ("mianshui_nei", ["st_mianyang", "st_neijiangbei"], "绵遂内城际", "Mianyang–Suining–Neijiang intercity"),
        ("chengdu_s5", ["st_honglian", "st_meishandong"], "市域铁路成眉线 S5", "Chengdu–Meishan suburban line S5"),
        ("chengdu_s11", ["st_weijianian", "st_deyangbei"], "市域铁路成德线 S11", "Chengdu–Deyang suburban line S11"),
        ("bitong", ["st_bishanshijiao", "st_tongliangxi"], "璧铜线", "Bishan–Tongliang suburban line"),
        ("yongchuan_shiyu", ["st_chongqingxi", "st_yongchuan"], "重庆–永川市域铁路", "Chongqing–Yongchuan suburban line"),
        ("nanchuan_shiyu", ["st_chongqingdong", "st_nanchuan"], "重庆–南川市域铁路", "Chongqing–Nanchuan suburban line"),
        ("longxu", ["st_longchang", "st_xuyongbei"], "隆泸叙铁路", "Longchang–Luzhou–Xuyong line"),
        ("chuanzang", ["st_yaan", "st_tianquan"], "川藏铁路 雅安–天全", "Sichuan–Tibet line Ya'an–Tianquan"),
        ("chengyu_rail_kn", ["st_chengdudong", "st_chongqing"], "成渝铁路扩能改造", "upgraded Chengdu–Chongqing railway"),
        ("dawan_kn", ["st_dazhou", "st_wanzhou"], "达万铁路扩能改造", "upgraded Dazhou–Wanzhou railway"),
    ]
    for proj in projects:
        line, ends, nz, ne = proj[:4]
        fy, ty = proj[4:6] if len(proj) > 4 else (None, None)
        sfx = f"_{fy}" if fy == ty and fy else ""
        ls = [l for l in LINKS if l["line"] == line]
        mode = ls[0]["mode"]
        full = all_stations(ends, [line])
        yrs = [l["open"] for l in LINKS if l["line"] == line]
        total = DEFAULT_PER_DAY[mode]
        src = (f"assumption: default pattern for a project not yet open (no service plan announced in the sources "
               f"searched); {mode} default {total} trains/day per direction, i.e. the time model's default headway "
               f"({ {'hsr': 30, 'intercity': 30, 'suburban_rail': 15, 'conventional_rail': 120}[mode]} min) over a "
               f"16-hour day")
        exp = express_of(full)
        if exp == full:
            add(f"svc_{line}_default{sfx}", f"{nz} 站站停", f"{ne} all stations", full, [line], per_day=total,
                from_year=fy, to_year=ty, source=src + "; express and all-stop coincide, one pattern")
        else:
            e = total // 2
            add(f"svc_{line}_default{sfx}_express", f"{nz} 大站", f"{ne} express", exp, [line], per_day=e,
                from_year=fy, to_year=ty,
                source=src + f", split half express (ends + stations serving a prefecture-level city): {e}")
            add(f"svc_{line}_default{sfx}_local", f"{nz} 站站停", f"{ne} all stations", full, [line], per_day=total - e,
                from_year=fy, to_year=ty, source=src + f", split half all-stop: {total - e}")


HEADER = """\
# geodata/services.toml — rail services as stop patterns (issue 17, point 2)
#
# One [[service]] table per stop pattern, in the spirit of GTFS routes/patterns and of
# Conveyal R5's frequency-based AddTrips. The router rides services, not lines.
#
#   id           unique ASCII id, prefix svc_
#   name_zh, name_en
#   mode         hsr | intercity | conventional_rail | suburban_rail (the mode of its lines)
#   stops        ordered station ids (rail.geojson Points, kind "station") where the train CALLS;
#                it runs through every other station
#   lines        the `line` values of the rail links it runs over; between two consecutive stops
#                the router takes the shortest path by km over links whose `line` is in `lines`
#   per_day      trains per day in EACH direction  (or headway_min = peak headway in minutes;
#                exactly one of the two)
#   from_year    first year the pattern runs (optional; default: when its links exist)
#   to_year      last year (optional)
#   oneway       optional; true = only in the order of `stops` (default: both directions,
#                stops reversed for the return)
#   source       timetable year and train numbers, or the press figure, or "assumption: …"
#
# Counting (geodata/notes/services.md has the detail):
#   * train-level stops (the 2019 diagram): one service per distinct stop pattern, its trains
#     listed in `source`; per_day = trains per direction (oneway when seen one way only);
#   * a sourced daily total without train-level stops is split half to an express pattern
#     (the ends + stations serving a prefecture-level city centre, the README's express-stop
#     rule) and half to an all-stop pattern; totals under 4 a day make one all-stop pattern;
#   * a project not yet open gets the same two patterns at the mode's default headway over a
#     16-hour day: hsr and intercity 30 min = 32 trains/day per direction (16 + 16),
#     suburban_rail 15 min = 64, conventional_rail 120 min = 8;
#   * a line no service runs over in a year is ridden with the router's fallback pattern.
#
# Generated by geodata/notes/build_services.py; checked by geodata/notes/check_services.py.
"""


def toml_str(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(toml_str(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


T23_FIRST = 2020  # the 2023 timetable stands in from here (geodata/notes/services.md, "2020 on")


def timetable_2023(git_dir, rv_dir=None):
    """One service per distinct stop pattern of the 2023 12306 stop lists (services_2023.py); the
    services of the older sources on the lines it covers end in 2019. With the RailwayVIS
    station timetables (`rv_dir`), 2020 and 2021 get their own trains (services_2020.py) and
    the 2023 patterns start in 2022; a pattern with the same calls and count in 2021 (and
    2020) is one service from that year."""
    import services_2023
    rail = os.path.join(ROOT, "rail.geojson")
    dump = services_2023.read_dump(git_dir)
    main_first = 2022 if rv_dir else T23_FIRST
    pats, _ = services_2023.patterns(git_dir, rail, year=2022, trains=dump)
    earlier = {}
    if rv_dir:
        import services_2020
        for y, (trains, counts, copied) in services_2020.year_trains(dump, rv_dir).items():
            earlier[y] = (services_2023.patterns(git_dir, rail, year=y, trains=trains)[0], copied)
    covered = {l for p in pats for l in p["lines"]} | {"chengyu_hsr_2015"}
    for y in earlier:
        covered |= {l for p in earlier[y][0] for l in p["lines"]}
    old = list(SERVICES)
    SERVICES.clear()
    for s in old:
        if "_default" in s["id"] or not set(s["lines"]) <= covered:
            SERVICES.append(s)
            continue
        if s.get("from_year", 0) >= T23_FIRST:
            continue  # superseded entirely
        if s.get("to_year") is None or s["to_year"] >= T23_FIRST:
            s["to_year"] = T23_FIRST - 1
            s["source"] += f"; ends {T23_FIRST - 1}: from {T23_FIRST} the 2023 12306 stop lists (svc_t23_*) run on its lines"
        SERVICES.append(s)

    def key(p, rev=False):
        st = tuple(reversed(p["stops"])) if rev else tuple(p["stops"])
        return (st, frozenset(p["lines"]), p["locomotive"])

    def same(p, q):
        """q (an earlier year's pattern) is p: same calls, lines, traction, count and direction."""
        if q is None or q["per_day"] != p["per_day"] or q["oneway"] != p["oneway"]:
            return False
        return not p["oneway"] or q["stops"] == p["stops"]

    def lookup(index, p):
        return index.get(key(p)) or index.get(key(p, rev=True))

    index = {y: {key(q): q for q in earlier[y][0]} for y in earlier}
    used = {y: set() for y in earlier}

    def first_year(st, lines):
        return max(l["open"] for a, b in zip(st, st[1:]) for l in shortest(LINKS, set(lines), a, b)[1])

    def emit(sid, p, first, last, src, year_label=2023, zh_suffix="", en_suffix=""):
        st, ls = p["stops"], p["lines"]
        nm_zh = "–".join(zh(x) for x in st)
        nm_en = "–".join(en(x) for x in st)
        fy = max(first, first_year(st, ls))
        if last is not None and fy > last:
            return
        base = dict(per_day=p["per_day"], oneway=p["oneway"], from_year=fy, source=src)
        if last is not None:
            base["to_year"] = last
        if p["locomotive"]:
            base["traction"] = "locomotive"
        add(sid, f"{year_label}时刻 {nm_zh}{zh_suffix}", f"{year_label} timetable {nm_en}{en_suffix}", st, ls,
            **base)

    def service_id(prefix, p, seq):
        """Multiple units numbered as before; locomotive-hauled patterns by their own count (_kNNN)."""
        k = (p["lines"][0], p["locomotive"])
        seq[k] += 1
        return f"{prefix}_{k[0]}_{'k' if k[1] else ''}{seq[k]:03d}"

    def run_back(p, year):
        """The first year of a pattern seen in `year`: earlier years with the same pattern (same(),
        not yet taken) join it, each year only if the next one did."""
        first = year
        for y in sorted((x for x in earlier if x < year), reverse=True):
            q = lookup(index[y], p)
            if y != first - 1 or not same(p, q) or key(q) in used[y]:
                break
            used[y].add(key(q))
            first = y
        return first

    seq = defaultdict(int)
    for p in pats:
        ls = p["lines"]
        sid = service_id("svc_t23", p, seq)
        first = run_back(p, main_first)
        src = (f"{services_2023.SRC}; trains: {p['trains']} ({p['count']}); the 2023 timetable (in force on the "
               f"query dates, which include the National Day peak, so holiday extras may be counted) stands in for "
               f"{main_first if main_first == 2022 else f'{main_first}–2022'} (assumption: no complete timetable of "
               f"{'that year' if main_first == 2022 else 'those years'} found)")
        if first < main_first:
            src += (f"; the same pattern and count in {first}–{main_first - 1} (services_2020.py: the trains of the "
                    f"RailwayVIS station timetables of those years)")
        if not rv_dir and "chengyu_hsr" in ls:
            ls15 = ["chengyu_hsr_2015" if l == "chengyu_hsr" else l for l in ls]
            emit(sid + "_2020", dict(p, lines=ls15), T23_FIRST, 2020,
                 src + "; in 2020 on 成渝高铁 before the 2020-12-24 speed-up (line chengyu_hsr_2015)",
                 zh_suffix=" (提速前线路)", en_suffix=" (on the line before the 2020 speed-up)")
        emit(sid, p, first, None, src)
    for y in sorted(earlier, reverse=True):
        pats_y, copied = earlier[y]
        seq = defaultdict(int)
        commit = services_2020.X.RV_SOURCES[[r[3] for r in services_2020.X.RV_SOURCES].index(y)][0][:7]
        for q in pats_y:
            if key(q) in used[y]:
                continue
            sid = service_id(f"svc_t{y % 100}", q, seq)
            first = run_back(q, y)
            src = (f"the trains of {y} (services_2020.py): station timetables of {'、'.join(copied)}, public "
                   f"repository thaddywu/RailwayVIS (commit {commit}), each train with the 12306 2023 stop list of "
                   f"the same train number or of a 2023 train with the same calls at those stations (public "
                   f"repository {services_2023.REPO} {services_2023.PATH}, commit {services_2023.COMMIT}; trains with "
                   f"no such list are left out); one service per distinct stop pattern (geodata/notes/services.md); "
                   f"trains: {q['trains']} ({q['count']})")
            if first < y:
                src += f"; the same pattern and count in {first}"
            emit(sid, q, first, y, src, year_label=y)


def main():
    emit_diagram(sys.argv[1])
    chengyu()
    others()
    planned()
    chenggui2019()
    if len(sys.argv) > 2:
        timetable_2023(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    order = ["id", "name_zh", "name_en", "mode", "traction", "stops", "lines", "per_day", "headway_min",
             "from_year", "to_year", "oneway", "source"]
    out = [HEADER]
    for s in SERVICES:
        out.append("\n[[service]]")
        for k in order:
            if k in s:
                out.append(f"{k} = {toml_str(s[k])}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
