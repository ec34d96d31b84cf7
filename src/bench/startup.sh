#!/usr/bin/env bash
# Start-up side by side: `test tiny.yml` (a one-group rule test, so start-up is nearly all of the run) with promtool
# 2.42 and with every sloc route that is built: ./sloc, the plain tarball's bin/sloc on the JDK on PATH, the
# self-contained distribution's bin/sloc and the .deb's launcher (unpacked with dpkg-deb, not installed). The routes
# alternate (A B C ... A B C ...) for ROUNDS rounds, so all see the same machine load. Prints the median wall time,
# the median CPU time (user + system, less sensitive to other load on the machine) and each route's wall time over
# promtool's.
#
# Usage: src/bench/startup.sh [ROUNDS]       (default 15)
# Env:   BENCH_DIR (default ../shared/bench), PROMTOOL (promtool binary), BASELINE_DIST (an extracted self-contained
#        distribution to compare with, e.g. main's: timed in the same rounds as "baseline").
# Build the distributions first with `mvn -B package` (or -DskipTests); routes not built are listed as such.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-15}"
bench_dir="$(cd "${BENCH_DIR:-$repo/../shared/bench}" && pwd)"
promtool="${PROMTOOL:-$(command -v promtool || echo "$("$repo/.ci/install-prometheus.sh")/promtool")}"
work="$repo/target/bench/startup"
rm -rf "$work" && mkdir -p "$work"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$repo/pom.xml" | head -n1)"

names=(promtool ./sloc)
commands=("$promtool test rules tiny.yml" "$repo/sloc test --prometheus 2.42 tiny.yml")
add_route() { # NAME LAUNCHER: only when built
  if [[ -x "$2" ]]; then
    names+=("$1")
    commands+=("$2 test --prometheus 2.42 tiny.yml")
  else
    echo "$1: not built ($2)"
  fi
}
plain="$work/plain" native="$work/native" deb="$work/deb"
[[ -f "$repo/target/sloc-$version.tar.gz" ]] && mkdir -p "$plain" && tar -xzf "$repo/target/sloc-$version.tar.gz" -C "$plain"
add_route "tarball (JDK on PATH)" "$plain/sloc-$version/bin/sloc"
[[ -f "$repo/target/sloc-$version-linux-x64.tar.gz" ]] && mkdir -p "$native" \
  && tar -xzf "$repo/target/sloc-$version-linux-x64.tar.gz" -C "$native"
add_route "self-contained" "$native/sloc-$version-linux-x64/bin/sloc"
[[ -f "$repo/target/sloc_${version}_amd64.deb" ]] && dpkg-deb -x "$repo/target/sloc_${version}_amd64.deb" "$deb"
add_route ".deb (unpacked)" "$deb/opt/sloc/bin/sloc"
[[ -z "${BASELINE_DIST:-}" ]] || add_route "baseline" "$BASELINE_DIST/bin/sloc"

# Warm-up: ./sloc builds its jar and records its start-up archive; every route reads its files once.
for ((i = 0; i < ${#names[@]}; i++)); do
  (cd "$bench_dir" && ${commands[i]} >/dev/null 2>&1) || true
done

for ((r = 0; r < rounds; r++)); do
  for ((i = 0; i < ${#names[@]}; i++)); do
    status=0
    (cd "$bench_dir" && /usr/bin/time -f "%e %U %S" -o "$work/time" ${commands[i]} >"$work/out.$i" 2>&1) || status=$?
    echo "$(tail -n1 "$work/time") $status" >>"$work/times.$i"
  done
done

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "tiny.yml in $bench_dir, $rounds rounds, alternating; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %-22s | %11s | %10s | %13s |\n' route "wall median" "CPU median" "wall/promtool"
printf '|%s|%s|%s|%s|\n' ------------------------ ------------- ------------ ---------------
promtool_wall=
for ((i = 0; i < ${#names[@]}; i++)); do
  wall="$(awk '{print $1}' "$work/times.$i" | median)"
  cpu="$(awk '{print $2 + $3}' "$work/times.$i" | median)"
  [[ -n "$promtool_wall" ]] || promtool_wall="$wall"
  ratio="$(awk -v w="$wall" -v p="$promtool_wall" 'BEGIN {printf "%.2fx", w / p}')"
  printf '| %-22s | %9s s | %8s s | %13s |\n' "${names[i]}" "$wall" "$cpu" "$ratio"
  if awk '$4 != 0 {bad = 1} END {exit bad ? 0 : 1}' "$work/times.$i"; then
    echo "  FAILED: $(head -n3 "$work/out.$i")"
  fi
done
