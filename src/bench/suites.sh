#!/usr/bin/env bash
# Times real repositories' rule-test suites as their CI runs them: one command per repository with all its test files,
# `sloc test --prometheus 2.42 FILE...` against `promtool test rules FILE...` (2.42), alternating (A B A B ...) for
# ROUNDS rounds so both see the same machine load. Prints, per repository, the median wall time of each, their ratio
# and whether the two printed the same (exit code, stdout, stderr).
#
# Usage: src/bench/suites.sh DIR [ROUNDS]      (default 3)
#   DIR holds one directory per repository (OWNER__REPO/, as in the real-suites corpus); its test files are the
#   *.yml/*.yaml files with a top-level `tests:` key, run from that directory with paths relative to it.
# Env:   PROMTOOL (promtool binary), SLOC (launcher; default ./sloc), SLOC_JAVA_OPTS (extra JVM options),
#        SLOC_BASELINE (another sloc launcher, e.g. a clone of an earlier commit: timed in the same rounds and shown
#        in an extra column).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
suites="$(cd "${1:?usage: src/bench/suites.sh DIR [ROUNDS]}" && pwd)"
rounds="${2:-3}"
promtool="${PROMTOOL:-$(command -v promtool || echo "$("$repo/.ci/install-prometheus.sh")/promtool")}"
sloc="${SLOC:-$repo/sloc}"
work="$repo/target/bench/suites"
mkdir -p "$work"

# test_files DIR: the repository's test files, relative to DIR.
test_files() {
  (cd "$1" && grep -rlE --include='*.yml' --include='*.yaml' '^tests:' . | sed 's|^\./||' | sort)
}

# Build the jars and record the class-data-sharing archives (the first run after a build records the classes it
# loads, so it must be a test run) before anything is timed.
first="$(ls -d "$suites"/*/ | head -n1)"
mapfile -t files < <(test_files "$first")
for launcher in "$sloc" ${SLOC_BASELINE:+"$SLOC_BASELINE"}; do
  (cd "$first" && "$launcher" test --prometheus 2.42 "${files[@]}" >/dev/null 2>&1) || true
  (cd "$first" && "$launcher" test --prometheus 2.42 "${files[@]}" >/dev/null 2>&1) || true
done

# run NAME DIR CMD...: one timed run; appends the wall time to $work/NAME.times, keeps exit code, stdout and stderr.
run() {
  local name="$1" dir="$2"
  shift 2
  local status=0
  (cd "$dir" && /usr/bin/time -f "%e" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err") || status=$?
  echo "$status" >"$work/$name.status"
  tail -n1 "$work/$name.time" >>"$work/$name.times"
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

same() {
  cmp -s "$work/$1.status" "$work/$2.status" && cmp -s "$work/$1.out" "$work/$2.out" \
    && cmp -s "$work/$1.err" "$work/$2.err" && echo yes || echo NO
}

echo "sloc: $sloc (SLOC_JAVA_OPTS=${SLOC_JAVA_OPTS:-})${SLOC_BASELINE:+; baseline: $SLOC_BASELINE}"
echo "promtool: $promtool ($("$promtool" --version 2>&1 | head -n1))"
echo "suites: $suites, $rounds rounds, A B A B; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
header="| %-36s | %5s | %10s | %10s | %13s | %11s |"
printf "$header" repository files "sloc" "promtool" "promtool/sloc" "same output"
[[ -z "${SLOC_BASELINE:-}" ]] && echo || printf ' %10s | %13s |\n' baseline "baseline/sloc"
printf '|%s|%s|%s|%s|%s|%s|' -------------------------------------- ------- ------------ ------------ \
  --------------- -------------
[[ -z "${SLOC_BASELINE:-}" ]] && echo || printf '%s|%s|\n' ------------ ---------------
total_sloc=0 total_promtool=0
for dir in "$suites"/*/; do
  name="$(basename "$dir")"
  mapfile -t files < <(test_files "$dir")
  ((${#files[@]})) || continue
  rm -f "$work/sloc-$name.times" "$work/promtool-$name.times" "$work/baseline-$name.times"
  for ((r = 0; r < rounds; r++)); do
    run "sloc-$name" "$dir" "$sloc" test --prometheus 2.42 "${files[@]}"
    run "promtool-$name" "$dir" "$promtool" test rules "${files[@]}"
    [[ -z "${SLOC_BASELINE:-}" ]] || run "baseline-$name" "$dir" "$SLOC_BASELINE" test --prometheus 2.42 "${files[@]}"
  done
  s="$(median <"$work/sloc-$name.times")"
  p="$(median <"$work/promtool-$name.times")"
  total_sloc="$(awk -v a="$total_sloc" -v b="$s" 'BEGIN {print a + b}')"
  total_promtool="$(awk -v a="$total_promtool" -v b="$p" 'BEGIN {print a + b}')"
  printf "$header" "$name" "${#files[@]}" "$s s" "$p s" "$(awk -v p="$p" -v s="$s" 'BEGIN {printf "%.2fx", p / s}')" \
    "$(same "sloc-$name" "promtool-$name")"
  if [[ -z "${SLOC_BASELINE:-}" ]]; then
    echo
  else
    b="$(median <"$work/baseline-$name.times")"
    printf ' %10s | %13s |\n' "$b s" "$(awk -v b="$b" -v s="$s" 'BEGIN {printf "%.2fx", b / s}')"
  fi
done
echo
awk -v s="$total_sloc" -v p="$total_promtool" \
  'BEGIN {printf "all repositories: sloc %.2f s, promtool %.2f s, promtool/sloc %.2fx\n", s, p, p / s}'
