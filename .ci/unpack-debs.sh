#!/usr/bin/env bash
# Usage: .ci/unpack-debs.sh NAME PACKAGE...
# Downloads Debian packages (apt-get download, no root side effects) into the tools cache and unpacks them all
# (dpkg -x) into a fresh $cache/NAME. Prints that directory.
set -euo pipefail
name="$1"
shift
cache="${SLOC_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sloc-tools}"
download="$cache/download/$name"
mkdir -p "$download"
(
  cd "$download"
  rm -f ./*.deb
  if ! apt-get download "$@" >/dev/null 2>&1; then
    apt-get update >/dev/null 2>&1 || true
    apt-get download "$@" >/dev/null
  fi
  rm -rf "${cache:?}/$name"
  for deb in ./*.deb; do
    dpkg -x "$deb" "$cache/$name"
  done
)
echo "$cache/$name"
