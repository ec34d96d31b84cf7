#!/usr/bin/env bash
# Installs alertmanager and amtool 0.25 from Debian's `prometheus-alertmanager` package into the same user cache
# as promtool, without root side effects (apt-get download + dpkg -x). Prints the bin directory.
set -euo pipefail
cache="${SLOC_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sloc-tools}"
bin="$cache/alertmanager/usr/bin"
if [[ -x "$bin/amtool" && -x "$bin/prometheus-alertmanager" ]]; then
  echo "$bin"
  exit 0
fi
mkdir -p "$cache/download"
(
  cd "$cache/download"
  rm -f prometheus-alertmanager_*.deb
  if ! apt-get download prometheus-alertmanager >/dev/null 2>&1; then
    apt-get update >/dev/null 2>&1 || true
    apt-get download prometheus-alertmanager >/dev/null
  fi
  rm -rf "$cache/alertmanager"
  dpkg -x prometheus-alertmanager_*.deb "$cache/alertmanager"
)
"$bin/amtool" --version >/dev/null 2>&1
echo "$bin"
