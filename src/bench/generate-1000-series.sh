#!/usr/bin/env bash
# Writes a rule test over 1,000 input series x 30 days at a 1-minute interval (43.2 million samples) to OUT_DIR
# (default: target/bench): 500 healthy and 500 failing request counters under ../shared/bench's SLO rules, with the
# page alert expected at 719h. Generated rather than committed: it is 1,000 lines of series notation, but 43 million
# samples once expanded.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench_dir="${BENCH_DIR:-$repo/../shared/bench}"
out="${OUT_DIR:-$repo/target/bench}"
mkdir -p "$out"
cp "$bench_dir/slo-rules.yml" "$out/slo-rules.yml"
{
  echo 'rule_files: [slo-rules.yml]'
  echo 'evaluation_interval: 1m'
  echo 'tests:'
  echo '- interval: 1m'
  echo '  input_series:'
  for i in $(seq -w 0 499); do
    echo "  - series: 'hatago_requests_total{code=\"200\",instance=\"i-$i\"}'"
    echo "    values: '0+1000x43200'"
    echo "  - series: 'hatago_requests_total{code=\"500\",instance=\"i-$i\"}'"
    echo "    values: '0+0x21600 0+100x21600'"
  done
  echo '  alert_rule_test:'
  echo '  - eval_time: 719h'
  echo '    alertname: HatagoAvailabilityPage'
  echo '    exp_alerts:'
  echo '    - exp_labels: {severity: critical, slo: availability}'
  echo '      exp_annotations: {summary: "Availability burn 9.091%"}'
} > "$out/bench_1000x30d_1m.yml"
echo "$out/bench_1000x30d_1m.yml"
