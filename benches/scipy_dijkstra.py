#!/usr/bin/env python3
"""Times scipy.sparse.csgraph.dijkstra one-to-all on a DIMACS .gr graph, for
comparison with `tongda sssp` on the same graph and sources.

    python3 benches/scipy_dijkstra.py --graph G.gr --sources S.txt [--json]

Sources: one 1-based id per line (the same file as `tongda sssp --sources`).
Prints load time, per-source min/median/max milliseconds, and the checksum
(reached nodes, sum of finite distances over all sources), which must equal
tongda's. Parallel arcs keep their minimum weight (csr_matrix would add them).
Needs numpy and scipy (`pip install scipy`); not part of CI."""
import argparse, json, time

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra


def load_gr(path):
    with open(path, "rb") as f:
        data = f.read()
    n = None
    for line in data.split(b"\n", 200)[:200]:
        if line.startswith(b"p "):
            n = int(line.split()[2])
            break
    if n is None:
        raise SystemExit(f"{path}: no problem line")
    # Arc lines only: 'a t h w'.
    rows = [l for l in data.split(b"\n") if l.startswith(b"a ")]
    arr = np.array(b" ".join(r[2:] for r in rows).split(), dtype=np.int64).reshape(-1, 3)
    t, h, w = arr[:, 0] - 1, arr[:, 1] - 1, arr[:, 2].astype(np.float64)
    # Keep the minimum weight of parallel arcs.
    order = np.lexsort((w, h, t))
    t, h, w = t[order], h[order], w[order]
    keep = np.ones(len(t), dtype=bool)
    keep[1:] = (t[1:] != t[:-1]) | (h[1:] != h[:-1])
    return csr_matrix((w[keep], (t[keep], h[keep])), shape=(n, n)), n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--graph", required=True)
    ap.add_argument("--sources", required=True)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    t0 = time.perf_counter()
    g, n = load_gr(a.graph)
    load_ms = (time.perf_counter() - t0) * 1e3
    srcs = [int(l) - 1 for l in open(a.sources) if l.strip() and not l.startswith("#")]
    times, reached, total = [], 0, 0
    for s in srcs:
        t = time.perf_counter()
        d = dijkstra(g, directed=True, indices=s)
        times.append((time.perf_counter() - t) * 1e3)
        fin = np.isfinite(d)
        reached += int(fin.sum())
        total += int(d[fin].sum())
    times.sort()
    out = {
        "tool": "scipy.sparse.csgraph.dijkstra",
        "scipy": __import__("scipy").__version__,
        "nodes": n,
        "arcs": int(g.nnz),
        "sources": len(srcs),
        "load_ms": round(load_ms, 3),
        "per_source_ms": {"min": round(times[0], 3), "median": round(times[len(times) // 2], 3), "max": round(times[-1], 3)},
        "reached": reached,
        "distance_sum": total,
    }
    if a.json:
        print(json.dumps(out))
    else:
        print(f"{a.graph}: {n} nodes, {g.nnz} arcs, loaded in {load_ms:.1f} ms")
        print(f"{len(srcs)} sources; per source min {times[0]:.2f} / median {times[len(times)//2]:.2f} / max {times[-1]:.2f} ms")
        print(f"checksum: reached {reached}, distance sum {total}")


if __name__ == "__main__":
    main()
