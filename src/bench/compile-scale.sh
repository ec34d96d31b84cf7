#!/usr/bin/env bash
# How `sloc compile` scales with the number of alerting SLOs: generates specs with 10, 100, 1,000 and 5,000 of
# them (services of 8 SLOs: ratio, latency and grouped ratio and latency SLOs, objectives from 99% to 99.95%, all
# on the 4-window burn-rate policy of slo-specs/), compiles each once with the built CLI and prints wall time, CPU
# time (user + system: what the machine's other load does not inflate), peak resident memory and the ratio
# time(1,000) / time(100).
#
# Usage: src/bench/compile-scale.sh [COUNT...]     (default: 10 100 1000 5000)
# Env:   SLOC (launcher; default ./sloc), SLOC_JAVA_OPTS (extra JVM options), KEEP=1 (keep the generated specs
#        and output under target/bench/compile-scale).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sloc="${SLOC:-$repo/sloc}"
counts=("$@")
[[ ${#counts[@]} -gt 0 ]] || counts=(10 100 1000 5000)
work="$repo/target/bench/compile-scale"
rm -rf "$work"
mkdir -p "$work"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT

# specs DIR N: N alerting SLOs in services of 8, one file per service, sharing one policy file.
specs() {
  local dir="$1" n="$2" per=8
  mkdir -p "$dir/common"
  cat >"$dir/common/policy.slo" <<'EOF'
policy burn {
  window { budget 2%  long 1h short 5m  severity critical for 2m }
  window { budget 5%  long 6h short 30m severity critical for 15m }
  window { budget 10% long 1d short 2h  severity warning  for 1h }
  window { budget 10% long 3d short 6h  severity warning  for 3h }
  keep_firing_for 5m
  min_traffic 0.1
}
EOF
  local objectives=(99% 99.5% 99.9% 99.95%) services=$(((n + per - 1) / per)) s i slo
  for ((s = 0; s < services; s++)); do
    {
      echo 'import "common/policy.slo"'
      echo "service svc-$s {"
      for ((i = 0; i < per && s * per + i < n; i++)); do
        slo=$((s * per + i))
        echo "  slo slo-$i {"
        echo "    objective ${objectives[$((slo % 4))]}"
        case $((i % 4)) in
          0) echo "    sli ratio { errors \`app_${s}_requests_total{code=~\"5..\"}\` total \`app_${s}_requests_total\` }" ;;
          1) echo "    sli latency { histogram \`app_${s}_request_duration_seconds\` faster_than $((i * 50))ms }" ;;
          2) echo "    sli ratio { errors \`app_${s}_requests_total{code=~\"5..|429\"}\` total \`app_${s}_requests_total\` }"
             echo "    by (method)" ;;
          3) echo "    sli latency { histogram \`app_${s}_request_duration_seconds\` faster_than $((i * 100))ms }"
             echo "    by (route)" ;;
        esac
        echo "    alerting burn"
        echo "  }"
      done
      echo "}"
    } >"$dir/svc-$s.slo"
  done
}

"$sloc" --version >/dev/null # builds the jar and records its class-data-sharing archive before anything is timed
"$sloc" --version >/dev/null
echo "sloc: $sloc (SLOC_JAVA_OPTS=${SLOC_JAVA_OPTS:-}); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %14s | %8s | %10s | %9s | %13s | %10s |\n' "alerting SLOs" services "wall (s)" "CPU (s)" "peak RSS (MB)" \
  "files out"
printf '|%s|%s|%s|%s|%s|%s|\n' ---------------- ---------- ------------ ----------- --------------- ------------
declare -A wall
for n in "${counts[@]}"; do
  specs "$work/specs-$n" "$n"
  status=0
  /usr/bin/time -f "%e %M %U %S" -o "$work/time-$n" "$sloc" compile "$work/specs-$n" -o "$work/out-$n" \
    >"$work/log-$n" 2>&1 || status=$?
  if [[ $status -ne 0 ]]; then
    echo "compile of $n SLOs failed (exit $status):" >&2
    tail -n 20 "$work/log-$n" >&2
    exit 1
  fi
  read -r seconds peak_kb user system <"$work/time-$n"
  wall[$n]="$seconds"
  printf '| %14s | %8s | %10s | %9s | %13s | %10s |\n' "$n" "$(ls "$work/specs-$n"/*.slo | wc -l)" "$seconds" \
    "$(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.2f", u + s}')" "$((peak_kb / 1024))" \
    "$(find "$work/out-$n" -type f | wc -l)"
done
if [[ -n "${wall[100]:-}" && -n "${wall[1000]:-}" ]]; then
  echo
  awk -v a="${wall[1000]}" -v b="${wall[100]}" 'BEGIN {printf "time(1000) / time(100) = %.1f\n", a / b}'
fi
