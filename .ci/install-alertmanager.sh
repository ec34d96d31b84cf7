#!/usr/bin/env bash
# Installs alertmanager and amtool 0.25 from Debian's `prometheus-alertmanager` package into the same user cache
# as promtool, without root side effects (apt-get download + dpkg -x). Prints the bin directory, which holds amtool
# and an `alertmanager` wrapper: Debian's build reads its default notification templates from the fixed path
# /usr/share/prometheus/alertmanager, so the wrapper runs it in a private mount namespace where that path is the
# cache's copy (nothing is installed system-wide).
set -euo pipefail
cache="${SLOC_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sloc-tools}"
bin="$cache/alertmanager/usr/bin"
if [[ -x "$bin/amtool" && -x "$bin/alertmanager" ]]; then
  echo "$bin"
  exit 0
fi
"$(dirname "${BASH_SOURCE[0]}")/unpack-debs.sh" alertmanager prometheus-alertmanager >/dev/null
cat > "$bin/alertmanager" <<'WRAPPER'
#!/usr/bin/env bash
# Runs Debian's prometheus-alertmanager with /usr/share/prometheus bound to this cache's copy, in its own mount
# namespace; the exec chain keeps one process id, so stopping this process stops Alertmanager.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec unshare --map-root-user --mount sh -c 'mount -t tmpfs tmpfs /usr/share && mkdir /usr/share/prometheus \
  && mount --bind "$0/../share/prometheus" /usr/share/prometheus && exec "$0/prometheus-alertmanager" "$@"' \
  "$here" "$@"
WRAPPER
chmod +x "$bin/alertmanager"
"$bin/amtool" --version >/dev/null 2>&1
echo "$bin"
