#!/usr/bin/env python3
"""The trains of 2020 and 2021, from the RailwayVIS station timetables and the 2023 stop lists
(used by build_services.py; run alone to print the counts).

    python3 geodata/notes/services_2020.py T23_GIT_DIR RAILWAYVIS_GIT_DIR

The only complete stop lists found are those of 2023 (services_2023.py). For 2020 and 2021
two copies of station timetables exist (thaddywu/RailwayVIS: 15 stations before the
2020-12-24 change, standing for 2020; 20 stations of the 2020-12-24 timetable, standing for
2021; extract_timetable_check.RV_SOURCES). Each copy lists *every* train calling at its
stations, with times, but not the train's calls elsewhere. Rules (fixed before any check
set was run on the result):

  * a 2023 train (its 12306 stop list) that calls at none of the copy's stations is kept:
    nothing says whether it ran (the 2023 timetable stands in, as before);
  * a 2023 train that calls at one of the copy's stations but is not in the copy did not
    call there that year: it is left out of that year;
  * a train of the copy takes the full stop list of the 2023 train with the **same number**
    when that list calls at the copy's stations in the same order as the copy shows
    (same calls: the same train); a copy train that starts or ends at 成都站 takes it too
    when the 2023 list starts or ends at 成都东 or 成都西 instead and its other calls at the
    copy's stations are the copy's, with that end read as 成都 (rule added 2026-12-03, after
    the check sets had been run: 成都站 stopped passenger work on 2022-10-11 for its
    rebuilding and its trains moved to 成都西 and 成都东, 中国新闻网 2022-10-11); else that
    of a 2023 train with the same ordered calls at
    the copy's stations (the most frequent such list; ties: the first train number) — a
    renumbered train of the same pattern (at least two such calls; the reading of 成都 is not
    applied here: tried, it gave 成都站's Z/K trains the non-stop lists of D trains, e.g. Z124
    成都–达州 −17 %); else it is left out
    (its calls between the copied stations are unknown, and riding through them would make
    it too fast);
  * a copy train's calls are put in running order as in railwayvis_services.train_calls
    (始/终 rows, else the longest gap of the day); the stop list taken is cut into runs by
    the rules of services_2023.runs_of.
"""
import os
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(__file__))
import extract_timetable_check as X  # noqa: E402
import railwayvis_services as R  # noqa: E402
import services_2023 as S  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..")
CHENGDU_MOVED = ("成都东", "成都西")  # where 成都站's trains went on 2022-10-11


def from_chengdu_station(calls, seen, restrict):
    """The 2023 stop list `calls` with its first or last call (成都东 or 成都西) read as 成都, if
    that makes its calls at the copied stations (`restrict`) the copy's `seen`; else None."""
    if not calls or "成都" not in (seen[0], seen[-1]):
        return None
    for end in (0, len(calls) - 1):
        if calls[end][0] in CHENGDU_MOVED:
            moved = list(calls)
            moved[end] = ("成都", calls[end][1])
            if restrict(moved) == seen:
                return moved
    return None


def year_trains(dump, rv_git_dir):
    """{year: (trains {number: calls as in read_dump}, counts dict, copied station names)}."""
    geo = X.geodata_stations(os.path.join(ROOT, "rail.geojson"))
    out = {}
    for commit, folder, fmt_, year, _label in X.RV_SOURCES:
        tables = X.rv_load(rv_git_dir, commit, folder, fmt_)
        copied = {s for s in tables if s in geo and s not in X.RV_NOT_OURS}
        in_copy = R.train_calls(tables, geo)
        # restricted call order of every 2023 train at the copied stations
        def restrict(calls):
            return tuple(n for n, _ in calls if n in copied)
        by_restricted = defaultdict(Counter)
        for tn in sorted(dump):
            r = restrict(dump[tn])
            if r:
                by_restricted[r][tuple(dump[tn])] += 1
        trains, counts = {}, Counter()
        copy_trains = {t for t, calls in in_copy.items()
                       if any(c[0] in copied for c in calls)}
        for tn in sorted(dump):
            if not restrict(dump[tn]):
                trains[tn] = dump[tn]
                counts["2023 train at no copied station: kept"] += 1
            elif tn not in copy_trains:
                counts["2023 train at a copied station, not in the copy: left out"] += 1
        for tn in sorted(copy_trains):
            seen = tuple(c[0] for c in in_copy[tn] if c[0] in copied)
            moved = from_chengdu_station(dump.get(tn), seen, restrict)
            if tn in dump and restrict(dump[tn]) == seen:
                trains[tn] = dump[tn]
                counts["copy train, same number and calls in 2023: its 2023 list"] += 1
            elif moved:
                trains[tn] = moved
                counts["copy train of 成都站, same number and calls in 2023 but at 成都东/成都西: its 2023 list"] += 1
            elif len(seen) >= 2 and seen in by_restricted:
                best = max(by_restricted[seen].items(), key=lambda kv: kv[1])[0]
                trains[tn] = list(best)
                counts["copy train, a 2023 train with the same calls: that list"] += 1
            else:
                counts["copy train with no 2023 stop list to take: left out"] += 1
        out[year] = (trains, counts, sorted(copied))
    return out


if __name__ == "__main__":
    dump = S.read_dump(sys.argv[1])
    for year, (trains, counts, copied) in year_trains(dump, sys.argv[2]).items():
        print(year, len(trains), "trains;", "、".join(copied))
        for k, v in sorted(counts.items()):
            print(f"  {v:5d}  {k}")
