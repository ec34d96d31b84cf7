#!/usr/bin/env bash
# What sloc's rules cost a real Prometheus 2.42 next to Sloth-shaped rules for the same SLOs and windows.
#
# N SLOs (availability, two latency thresholds on one histogram, error rate; 4-window burn-rate policy, 30d) over
# 240 raw series per selector (10 instances x 4 methods x 6 codes, plus two histogram buckets: 720 series), scraped
# every 30s from a local exporter; history backfilled with `promtool tsdb create-blocks-from openmetrics`: RAW_DAYS
# of raw series and 30 days of every recorded series a rule reads over a range, as a Prometheus that has run the
# rules for a month holds them. Both rule files are loaded into one Prometheus (evaluation interval 30s); after
# warm-up the script prints per SLO and 30s cycle: recording rules, evaluation seconds (each group's
# prometheus_rule_group_last_duration_seconds from /metrics, median of ROUNDS readings, a group with a
# longer interval weighted by 30s / interval), samples read (each rule's query re-run with stats=all:
# totalQueryableSamples) and samples written (prometheus_rule_group_last_evaluation_samples), and the ratios
# sloc / Sloth.
#
# Usage: src/bench/rule-cost.sh [N]     (default 4)
# Env:   RAW_DAYS (default 4: the longest raw range either rule set reads is Sloth's 3d; 30 as in issue 16),
#        ROUNDS (default 5), PROMETHEUS_BIN (default ~/.cache/sloc-tools/prometheus/usr/bin), SLOC (./sloc),
#        PORT (default 19090; the exporter uses PORT+1), KEEP=1 (keep target/bench/rule-cost).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-4}"
bin="${PROMETHEUS_BIN:-$HOME/.cache/sloc-tools/prometheus/usr/bin}"
sloc="${SLOC:-$repo/sloc}"
port="${PORT:-19090}"
helper="$repo/src/bench/rule_cost.py"
work="$repo/target/bench/rule-cost"
rm -rf "$work"
mkdir -p "$work/specs" "$work/data"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -n "${KEEP:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT

python3 "$helper" spec "$n" >"$work/specs/bench.slo"
"$sloc" compile "$work/specs" -o "$work/out" >/dev/null
cp "$work/out/rules/bench.rules.yml" "$work/sloc.rules.yml"
python3 "$helper" sloth "$n" >"$work/sloth.rules.yml"
"$bin/promtool" check rules "$work/sloc.rules.yml" "$work/sloth.rules.yml" >/dev/null

end=$(( $(date +%s) / 30 * 30 ))
echo "generating history (${RAW_DAYS:-4} days raw, 30 days recorded) ..." >&2
python3 "$helper" history "${RAW_DAYS:-4}" "$end" "$work/sloc.rules.yml" "$work/sloth.rules.yml" >"$work/history.om"
"$bin/promtool" tsdb create-blocks-from openmetrics --max-block-duration=720h "$work/history.om" "$work/data" \
  >/dev/null
rm "$work/history.om"

cat >"$work/prometheus.yml" <<EOF
global:
  scrape_interval: 30s
  evaluation_interval: 30s
rule_files: [sloc.rules.yml, sloth.rules.yml]
scrape_configs:
  - job_name: bench
    honor_labels: true
    static_configs: [{targets: ['127.0.0.1:$((port + 1))']}]
EOF
python3 "$helper" exporter $((port + 1)) &
pids+=($!)
"$bin/prometheus" --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --storage.tsdb.retention.time=400d --web.listen-address="127.0.0.1:$port" >"$work/prometheus.log" 2>&1 &
pids+=($!)
url="http://127.0.0.1:$port"
until curl -sf "$url/-/ready" >/dev/null; do sleep 1; done
echo "Prometheus $("$bin/prometheus" --version 2>&1 | head -1 | cut -d' ' -f3) up; waiting for every group to \
evaluate (a 5m group can take 5m) ..." >&2
python3 "$helper" wait "$url" 3
python3 "$helper" measure "$url" sloc.rules.yml sloth.rules.yml "$n" "${ROUNDS:-5}"
if grep -q 'level=warn.*rule' "$work/prometheus.log"; then
  echo "warnings from Prometheus:" >&2
  grep 'level=warn.*rule' "$work/prometheus.log" | head -5 >&2
fi
