#!/usr/bin/env bash
# Times `sloc test --prometheus 2.42` against `promtool test rules` (2.42, the reference) side by side: for every
# input in ../shared/bench, the two tools alternate (A B A B ...) for ROUNDS rounds, so both see the same machine
# load; then the generated 1,000-series month (sloc only, with -Xmx2g). Prints the median wall time, the peak
# resident memory and promtool/sloc per file.
#
# Usage: src/bench/run.sh [ROUNDS]           (default 3)
# Env:   BENCH_DIR (inputs; default ../shared/bench), PROMTOOL (promtool binary), SLOC (launcher; default ./sloc),
#        SLOC_JAVA_OPTS (extra JVM options, e.g. -XX:TieredStopAtLevel=4 to measure with C2),
#        SKIP_BIG=1 (skip the 1,000-series input),
#        SLOC_BASELINE (another sloc launcher, e.g. a clone of an earlier commit: timed in the same rounds, A B C A B C,
#        and compared in a second table, to show that a change kept the speed; run with its defaults, so a baseline
#        from before --prometheus existed works too).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-3}"
bench_dir="$(cd "${BENCH_DIR:-$repo/../shared/bench}" && pwd)"
promtool="${PROMTOOL:-$(command -v promtool || echo "$("$repo/.ci/install-prometheus.sh")/promtool")}"
sloc="${SLOC:-$repo/sloc}"
work="$repo/target/bench"
mkdir -p "$work"

# Build the jars and record the class-data-sharing archives before anything is timed.
for launcher in "$sloc" ${SLOC_BASELINE:+"$SLOC_BASELINE"}; do
  "$launcher" test "$bench_dir/tiny.yml" >/dev/null 2>&1 || true
  "$launcher" test "$bench_dir/tiny.yml" >/dev/null 2>&1 || true
done

# run NAME DIR CMD...: one timed run; appends "wall_s peak_kb exit" to $work/NAME.times, keeps the output.
run() {
  local name="$1" dir="$2"
  shift 2
  local status=0
  (cd "$dir" && /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >"$work/$name.out" 2>&1) || status=$?
  echo "$(tail -n1 "$work/$name.time") $status" >>"$work/$name.times"
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# summary NAME: "median_s peak_mb verdict" over the recorded runs.
summary() {
  local f="$work/$1.times" wall peak verdict
  wall="$(awk '{print $1}' "$f" | median)"
  peak="$(awk '{print $2}' "$f" | sort -n | tail -n1 | awk '{printf "%.0f", $1 / 1024}')"
  if awk '$3 != 0 {bad = 1} END {exit bad ? 0 : 1}' "$f"; then
    verdict="FAILED: $(grep -m1 -iE 'err: |error' "$work/$1.out" | sed -e 's/^ *//' -e 's/.*err: //' | cut -c1-100)"
  else
    verdict="passed"
  fi
  echo "$wall $peak $verdict"
}

echo "sloc: $sloc (SLOC_JAVA_OPTS=${SLOC_JAVA_OPTS:-})"
echo "promtool: $promtool ($("$promtool" --version 2>&1 | head -n1))"
echo "inputs: $bench_dir, $rounds rounds, A B A B; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %-22s | %12s | %12s | %14s | %14s | %13s |\n' file "sloc median" "sloc peak" "promtool med." "promtool peak" "promtool/sloc"
printf '|%s|%s|%s|%s|%s|%s|\n' ------------------------ -------------- -------------- ---------------- ---------------- ---------------
declare -A sloc_median
baseline_rows=()
for input in "$bench_dir"/*.yml; do
  file="$(basename "$input")"
  grep -q '^tests:' "$input" || continue # rule files
  rm -f "$work/sloc-$file.times" "$work/promtool-$file.times" "$work/baseline-$file.times"
  for ((r = 0; r < rounds; r++)); do
    run "sloc-$file" "$bench_dir" "$sloc" test --prometheus 2.42 "$file"
    run "promtool-$file" "$bench_dir" "$promtool" test rules "$file"
    [[ -z "${SLOC_BASELINE:-}" ]] || run "baseline-$file" "$bench_dir" "$SLOC_BASELINE" test "$file"
  done
  [[ -z "${SLOC_BASELINE:-}" ]] || baseline_rows+=("$file $(summary "sloc-$file") | $(summary "baseline-$file")")
  read -r s_wall s_peak s_verdict <<<"$(summary "sloc-$file")"
  read -r p_wall p_peak p_verdict <<<"$(summary "promtool-$file")"
  sloc_median[$file]="$s_wall"
  ratio="$(awk -v p="$p_wall" -v s="$s_wall" 'BEGIN {printf "%.2fx", p / s}')"
  printf '| %-22s | %10s s | %9s MB | %12s s | %11s MB | %13s |\n' "$file" "$s_wall" "$s_peak" "$p_wall" "$p_peak" "$ratio"
  [[ "$s_verdict" == passed ]] || echo "  sloc $s_verdict"
  [[ "$p_verdict" == passed ]] || echo "  promtool $p_verdict"
done

if [[ "${SKIP_BIG:-0}" != 1 ]]; then
  big="$("$repo/src/bench/generate-1000-series.sh")"
  file="$(basename "$big")"
  rm -f "$work/sloc-$file.times"
  SLOC_JAVA_OPTS="${SLOC_JAVA_OPTS:-} -Xmx2g" run "sloc-$file" "$(dirname "$big")" "$sloc" test --prometheus 2.42 "$file"
  read -r s_wall s_peak s_verdict <<<"$(summary "sloc-$file")"
  printf '| %-22s | %10s s | %9s MB | %14s | %14s | %13s |\n' "$file" "$s_wall" "$s_peak" "(not run)" "" "-Xmx2g, 1 run"
  [[ "$s_verdict" == passed ]] || echo "  sloc $s_verdict"
fi

if [[ -n "${sloc_median[bench_7d_1m.yml]:-}" && -n "${sloc_median[bench_30d_1m.yml]:-}" ]]; then
  echo
  awk -v a="${sloc_median[bench_30d_1m.yml]}" -v b="${sloc_median[bench_7d_1m.yml]}" \
    'BEGIN {printf "sloc bench_30d_1m / bench_7d_1m: %.1fx (4.3x the simulated time)\n", a / b}'
fi

if ((${#baseline_rows[@]})); then
  echo
  echo "baseline: $SLOC_BASELINE (same rounds)"
  printf '| %-22s | %12s | %12s | %15s | %15s | %14s |\n' file "sloc median" "sloc peak" "baseline med." "baseline peak" "baseline/sloc"
  printf '|%s|%s|%s|%s|%s|%s|\n' ------------------------ -------------- -------------- ----------------- ----------------- ----------------
  for row in "${baseline_rows[@]}"; do
    read -r file s_wall s_peak _ <<<"${row%%|*}"
    read -r b_wall b_peak _ <<<"${row#*|}"
    ratio="$(awk -v b="$b_wall" -v s="$s_wall" 'BEGIN {printf "%.2fx", b / s}')"
    printf '| %-22s | %10s s | %9s MB | %13s s | %12s MB | %14s |\n' "$file" "$s_wall" "$s_peak" "$b_wall" "$b_peak" "$ratio"
  done
fi
