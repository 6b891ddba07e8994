#!/usr/bin/env bash
# Seeds each fuzz target's corpus from tests/fixtures, then runs every target
# (one at a time, in one process: libFuzzer's default, like -jobs=1) for SECONDS seconds (default 20) and prints, per
# target, the executions, the time and whether it crashed.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-20}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(geodata scenario goals timemodel dimacs_gr dimacs_co calibration origins edits)
fi
fx=../tests/fixtures
seed() {
  local t=$1; shift
  mkdir -p "corpus/$t"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "corpus/$t/$(echo "$f" | tr '/' '_')"
  done
  return 0
}
shopt -s nullglob globstar
seed geodata $fx/**/*.geojson ../geodata/air.geojson
seed scenario $fx/scenarios/*.toml $fx/hardening/*.toml ../scenarios/plan-2030.toml
seed goals $fx/scenarios/goals.toml $fx/hardening/goals-typo.toml
seed timemodel $fx/**/timemodel.toml
seed dimacs_gr $fx/dimacs/*.gr $fx/hardening/*.gr
seed dimacs_co $fx/dimacs/*.co $fx/hardening/*.co
seed calibration $fx/hardening/*.csv ../geodata/calibration.csv
seed origins $fx/iso/origins.txt
seed edits $fx/scenarios/*.toml $fx/hardening/edit-typo.toml
status=0
for t in "${targets[@]}"; do
  log=$(mktemp)
  # Built first, so that the time printed is the fuzzing time alone.
  if ! cargo +nightly fuzz build "$t" >"$log" 2>&1; then
    echo "fuzz $t: BUILD FAILED" >&2
    tail -40 "$log" >&2
    status=1
    continue
  fi
  start=$(date +%s)
  cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -print_final_stats=1 \
    -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len=65536 >"$log" 2>&1
  rc=$?
  end=$(date +%s)
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  [ -z "$execs" ] && execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  if [ $rc -eq 0 ]; then
    echo "fuzz $t: ${execs:-?} executions in $((end - start)) s, no crash"
  else
    echo "fuzz $t: CRASH after ${execs:-?} executions in $((end - start)) s (exit $rc); see fuzz/artifacts/$t" >&2
    tail -40 "$log" >&2
    status=1
  fi
  rm -f "$log"
done
exit $status
