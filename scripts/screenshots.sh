#!/usr/bin/env bash
# Regenerates the README's screenshots of the HTML reports:
#   docs/report-plan-2027.png    report.html of scenarios/plan-2027.toml, goal G2 selected
#   docs/compare-2024-2030.png   compare.html of baseline-2024 → plan-2030
# Needs Debian's chromium (apt-get install -y chromium) and, for the Chinese
# labels, a CJK font (apt-get install -y fonts-noto-cjk). Run from anywhere:
#   scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
browser="${TONGDA_CHROMIUM:-chromium}"
command -v "$browser" >/dev/null || { echo "no $browser: apt-get install -y chromium" >&2; exit 1; }
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "warning: no CJK font installed; Chinese labels will show as boxes (apt-get install -y fonts-noto-cjk)" >&2
fi
cargo build --release --quiet
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
target/release/tongda run scenarios/plan-2027.toml --out "$out/run" >/dev/null
target/release/tongda compare scenarios/baseline-2024.toml scenarios/plan-2030.toml --out "$out/cmp" >/dev/null
shot() { # page.html docs/name.png
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-extensions --disable-background-networking \
    "--host-resolver-rules=MAP * ~NOTFOUND" --proxy-server=127.0.0.1:9 \
    --user-data-dir="$out/profile" --window-size=1280,800 \
    --screenshot="$2" "file://$1" 2>/dev/null
  echo "wrote $2 ($(stat -c %s "$2") bytes)"
}
shot "$out/run/report.html#G2" docs/report-plan-2027.png
shot "$out/cmp/compare.html" docs/compare-2024-2030.png
