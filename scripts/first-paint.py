#!/usr/bin/env python3
"""Time to first paint of an HTML page in headless Chromium, in milliseconds.

    scripts/first-paint.py out/plan-2027/report.html [runs]

Drives Chromium through the DevTools protocol over a pipe (no network, no
extra packages): opens the page from file://, waits for its load event, then
reads the browser's own paint timings (performance.getEntriesByType("paint"):
first-paint and first-contentful-paint, milliseconds from navigation start)
and the page's parse time. Prints one line per run and the median. Chromium
start-up is not included (the clock starts at navigation). Networking is
disabled as in tests/html.rs.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(browser, url):
    r_fd, child_w = os.pipe()  # browser writes to fd 4
    child_r, w_fd = os.pipe()  # browser reads from fd 3
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.Popen(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-extensions", "--disable-background-networking",
             "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
             "--window-size=1400,900", "--remote-debugging-pipe",
             "--user-data-dir=" + profile, "about:blank"],
            pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=lambda: (os.dup2(child_r, 3), os.dup2(child_w, 4)),
        )
        os.close(child_r)
        os.close(child_w)
        buf = b""
        next_id = [0]

        def send(method, params=None, session=None):
            next_id[0] += 1
            msg = {"id": next_id[0], "method": method, "params": params or {}}
            if session:
                msg["sessionId"] = session
            os.write(w_fd, json.dumps(msg).encode() + b"\0")
            return next_id[0]

        def wait(pred, timeout=20):
            nonlocal buf
            end = time.time() + timeout
            while time.time() < end:
                while b"\0" in buf:
                    raw, buf = buf.split(b"\0", 1)
                    m = json.loads(raw)
                    if pred(m):
                        return m
                chunk = os.read(r_fd, 1 << 16)
                if not chunk:
                    break
                buf += chunk
            raise TimeoutError("no answer from chromium")

        try:
            i = send("Target.createTarget", {"url": "about:blank"})
            target = wait(lambda m: m.get("id") == i)["result"]["targetId"]
            i = send("Target.attachToTarget", {"targetId": target, "flatten": True})
            session = wait(lambda m: m.get("id") == i)["result"]["sessionId"]
            i = send("Page.enable", session=session)
            wait(lambda m: m.get("id") == i)
            send("Page.navigate", {"url": url}, session=session)
            wait(lambda m: m.get("method") == "Page.loadEventFired")
            time.sleep(0.3)  # let the first frames be drawn and reported
            expr = ("JSON.stringify({paint: performance.getEntriesByType('paint').map("
                    "p => [p.name, p.startTime]), state: document.getElementById("
                    "'tongda-state') && document.getElementById('tongda-state').textContent})")
            i = send("Runtime.evaluate", {"expression": expr, "returnByValue": True},
                     session=session)
            value = wait(lambda m: m.get("id") == i)["result"]["result"]["value"]
            return json.loads(value)
        finally:
            proc.kill()
            proc.wait()
            os.close(r_fd)
            os.close(w_fd)


def main():
    page = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    browser = os.environ.get("TONGDA_CHROMIUM", "chromium")
    fcp = []
    for k in range(runs):
        r = run_once(browser, "file://" + page)
        paint = dict(r["paint"])
        state = json.loads(r["state"]) if r["state"] else {}
        print(f"run {k + 1}: first-paint {paint.get('first-paint', float('nan')):.0f} ms, "
              f"first-contentful-paint {paint.get('first-contentful-paint', float('nan')):.0f} ms, "
              f"parsed at {state.get('parsed_ms')} ms, errors {state.get('errors')}")
        if "first-contentful-paint" in paint:
            fcp.append(paint["first-contentful-paint"])
    if fcp:
        print(f"median first-contentful-paint over {len(fcp)} runs: {statistics.median(fcp):.0f} ms "
              f"(max {max(fcp):.0f} ms) — {os.path.getsize(page)} bytes, {page}")
    else:
        sys.exit("chromium reported no paint timing")


if __name__ == "__main__":
    main()
