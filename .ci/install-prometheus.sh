#!/usr/bin/env bash
# Installs promtool and prometheus 2.42 from Debian's `prometheus` package into a user cache,
# without root side effects (apt-get download + dpkg -x). Prints the bin directory.
set -euo pipefail
cache="${SLOC_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sloc-tools}"
bin="$cache/prometheus/usr/bin"
if [[ -x "$bin/promtool" && -x "$bin/prometheus" ]]; then
  echo "$bin"
  exit 0
fi
"$(dirname "${BASH_SOURCE[0]}")/unpack-debs.sh" prometheus prometheus >/dev/null
"$bin/promtool" --version >/dev/null 2>&1
echo "$bin"
