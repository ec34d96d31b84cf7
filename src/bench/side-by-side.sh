#!/usr/bin/env bash
# Runs every promtool test file under a directory tree with promtool and with sloc, each from the file's own
# directory (as a repository's CI runs `promtool test rules FILE`), and compares exit code, stdout and stderr.
# Prints SAME or DIFF per file with both wall times, then the totals and promtool/sloc.
#
# Usage: src/bench/side-by-side.sh DIR [--prometheus VERSION]   (VERSION: sloc's profile, default 2.42)
# Env:   PROMTOOL (promtool binary; default: on PATH, else .ci/install-prometheus.sh's 2.42),
#        SLOC (launcher; default ./sloc), KEEP=DIR (keep both outputs of every DIFF there).
# A test file is a .yml/.yaml file with a top-level `tests:` key; rule files and anything else are skipped.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
usage() { echo "usage: $0 DIR [--prometheus VERSION]" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
root="$(cd "$1" && pwd)"
shift
version=2.42
while [[ $# -gt 0 ]]; do
  case "$1" in
    --prometheus) [[ $# -ge 2 ]] || usage; version="$2"; shift 2 ;;
    --prometheus=*) version="${1#*=}"; shift ;;
    *) usage ;;
  esac
done
promtool="${PROMTOOL:-$(command -v promtool || echo "$("$repo/.ci/install-prometheus.sh")/promtool")}"
sloc="${SLOC:-$repo/sloc}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Build the jar and record its class-data-sharing archive before anything is timed.
"$sloc" --version >/dev/null 2>&1 || true
"$sloc" --version >/dev/null 2>&1 || true

# timed NAME DIR CMD...: runs CMD in DIR; stdout, stderr and "exit wall_s" go to $work/NAME.{out,err,status}.
timed() {
  local name="$1" dir="$2" start end status=0
  shift 2
  start="$(date +%s.%N)"
  # No stdin: it is the list of files being read (a command reading it, as a rebuild by ./sloc did, ends the loop).
  (cd "$dir" && "$@" </dev/null >"$work/$name.out" 2>"$work/$name.err") || status=$?
  end="$(date +%s.%N)"
  echo "$status $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')" >"$work/$name.status"
}

echo "promtool: $promtool ($("$promtool" --version 2>&1 | head -n1))"
echo "sloc:     $sloc test --prometheus $version"
printf '%-4s  %10s  %10s  %s\n' "" promtool sloc file
same=0 diff=0 promtool_total=0 sloc_total=0
while IFS= read -r -d '' file; do
  grep -q '^tests:' "$file" || continue
  dir="$(dirname "$file")" base="$(basename "$file")"
  timed promtool "$dir" "$promtool" test rules "$base"
  timed sloc "$dir" "$sloc" test --prometheus "$version" "$base"
  read -r p_exit p_wall <"$work/promtool.status"
  read -r s_exit s_wall <"$work/sloc.status"
  if [[ "$p_exit" == "$s_exit" ]] && cmp -s "$work/promtool.out" "$work/sloc.out" \
      && cmp -s "$work/promtool.err" "$work/sloc.err"; then
    verdict=SAME same=$((same + 1))
  else
    verdict=DIFF diff=$((diff + 1))
    if [[ -n "${KEEP:-}" ]]; then
      keep="$KEEP/${file#"$root"/}"
      mkdir -p "$(dirname "$keep")"
      for tool in promtool sloc; do
        for stream in out err status; do cp "$work/$tool.$stream" "$keep.$tool.$stream"; done
      done
    fi
  fi
  promtool_total="$(awk -v a="$promtool_total" -v b="$p_wall" 'BEGIN {printf "%.3f", a + b}')"
  sloc_total="$(awk -v a="$sloc_total" -v b="$s_wall" 'BEGIN {printf "%.3f", a + b}')"
  printf '%-4s  %9ss  %9ss  %s\n' "$verdict" "$p_wall" "$s_wall" "${file#"$root"/}"
done < <(find "$root" -type f \( -name '*.yml' -o -name '*.yaml' \) -print0 | sort -z)

echo
echo "files: $((same + diff)), SAME $same, DIFF $diff"
awk -v p="$promtool_total" -v s="$sloc_total" \
  'BEGIN {printf "wall time: promtool %.1f s, sloc %.1f s, promtool/sloc %.2fx\n", p, s, (s > 0 ? p / s : 0)}'
[[ "$diff" -eq 0 ]]
