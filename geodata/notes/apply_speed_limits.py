#!/usr/bin/env python3
"""Set sourced posted speed limits (`speed_limit_kmh`) on expressway links of
geodata/road.geojson (issue 17, roads).

Each entry below names the links, the posted limit for cars and the source
found for it; the source is appended to the link's `source` as
"speed limit X km/h: <source>". Lengths, design speeds and everything else
are left as they are.

The file keeps its layout: one feature per line, written with
json.dumps(..., ensure_ascii=False), features separated by ",\n". Running the
script twice changes nothing (a link that already carries the same limit and
source note is skipped).

Usage (from the repository root):  python3 geodata/notes/apply_speed_limits.py
"""

import json
import sys
from pathlib import Path

ROAD = Path(__file__).resolve().parent.parent / "road.geojson"

NEWTON_NANYU = (
    "newton.com.tw entry 南渝高速公路 (a Baidu Baike mirror; undated, written after "
    "the 2009 opening of the Sichuan section)"
)

LIMITS = [
    # (link ids, km/h, source)
    (
        ["rd_g75_south_01", "rd_g75_south_02"],
        120,
        "G75 南充至武胜 (南武高速, the Sichuan part of 南渝): '全程限速120公里' ("
        + NEWTON_NANYU
        + ")",
    ),
    (
        ["rd_g75_south_03"],
        110,
        "G75 渝武高速 合川至兴山(川渝界)收费站: '合川至兴山收费站限速110Km' (" + NEWTON_NANYU + ")",
    ),
    (
        ["rd_g75_south_04", "rd_g75_south_05", "rd_g75_south_06"],
        90,
        "G75 渝武高速 北环立交至合川: '北环立交至合川段限速90Km' (" + NEWTON_NANYU + ")",
    ),
    (
        ["rd_cq_neihuan_01", "rd_cq_neihuan_02", "rd_cq_neihuan_03", "rd_cq_neihuan_04"],
        100,
        "重庆内环快速路: '重庆内环快速限速100Km' (" + NEWTON_NANYU + ")",
    ),
    (
        ["rd_chengnan_05", "rd_chengnan_06", "rd_chengnan_07"],
        100,
        "G42 成南高速 仓山至南充双向 (K1886+300 至 K1766+919): '小型载客汽车不得超过每小时100公里，"
        "其他机动车不得超过每小时80公里' from 2022-07-31, set for the 扩容 works "
        "(四川省公安厅交通警察总队高速公路五支队二大队 via 红星新闻 2022-07-20); "
        "the links 大英–遂宁(罗家湾)–文井–南充 lie inside that section, 淮口–大英 only in part "
        "and is left without a limit",
    ),
    (
        ["rd_suiguang_01", "rd_suiguang_02"],
        80,
        "遂广高速: '公路限速：80千米/小时' (newton.com.tw entry 遂宁—广安高速公路, a Baidu Baike mirror)",
    ),
]


def main() -> int:
    text = ROAD.read_text(encoding="utf-8")
    lines = text.split("\n")
    head, tail = lines[0], lines[-2:]
    assert head == '{"type": "FeatureCollection", "features": [', head
    assert tail == ["]}", ""], tail
    body = lines[1:-2]

    wanted = {}
    for ids, kmh, src in LIMITS:
        for i in ids:
            assert i not in wanted, f"{i} listed twice"
            wanted[i] = (kmh, src)

    seen = set()
    changed = 0
    out = []
    for n, line in enumerate(body):
        last = n == len(body) - 1
        raw = line if last else line[:-1]
        assert last or line.endswith(","), f"line {n + 2} does not end with a comma"
        feat = json.loads(raw)
        assert json.dumps(feat, ensure_ascii=False) == raw, f"line {n + 2} is not in canonical form"
        p = feat["properties"]
        if p.get("id") in wanted:
            kmh, src = wanted[p["id"]]
            seen.add(p["id"])
            assert feat["geometry"]["type"] == "LineString" and p["mode"] in ("expressway", "highway"), p["id"]
            note = f"speed limit {kmh} km/h: {src}"
            if p.get("speed_limit_kmh") == kmh and note in p["source"]:
                pass  # already applied
            else:
                assert "speed_limit_kmh" not in p, f"{p['id']} already has a different limit"
                props = {}
                for k, v in p.items():
                    if k == "source":
                        props["speed_limit_kmh"] = kmh
                        props["source"] = f"{v} | {note}"
                    else:
                        props[k] = v
                feat["properties"] = props
                raw = json.dumps(feat, ensure_ascii=False)
                changed += 1
        out.append(raw if last else raw + ",")

    missing = set(wanted) - seen
    if missing:
        print("links not found:", ", ".join(sorted(missing)), file=sys.stderr)
        return 1
    ROAD.write_text("\n".join([head] + out + tail), encoding="utf-8")
    print(f"{changed} link(s) changed, {len(wanted)} listed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
