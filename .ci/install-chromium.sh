#!/usr/bin/env bash
# Installs headless Chromium from Debian's `chromium` package into a user cache, without root side effects
# (apt-get download + dpkg -x), with the shared libraries it needs that a server image lacks. Prints the path of
# a `chromium` launcher that points the loader at them.
set -euo pipefail
cache="${SLOC_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sloc-tools}"
root="$cache/chromium"
launcher="$root/bin/chromium"
if [[ -x "$launcher" ]] && "$launcher" --version >/dev/null 2>&1; then
  echo "$launcher"
  exit 0
fi
# Libraries of chromium (and of those libraries) that a minimal Debian 12 does not have.
packages=(chromium chromium-common libopenh264-7 libdouble-conversion3 libharfbuzz-subset0 libpulse0 libflac12
  libopus0 libxnvctrl0 libminizip1 libopenjp2-7 libogg0 libsndfile1 libasyncns0 libvorbis0a libvorbisenc2
  libmpg123-0 libmp3lame0)
"$(dirname "${BASH_SOURCE[0]}")/unpack-debs.sh" chromium "${packages[@]}" >/dev/null
mkdir -p "$root/bin"
cat >"$launcher" <<'LAUNCHER'
#!/usr/bin/env bash
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
libs="$root/usr/lib/x86_64-linux-gnu"
export LD_LIBRARY_PATH="$libs:$libs/pulseaudio:$root/usr/lib/chromium${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
exec "$root/usr/lib/chromium/chromium" "$@"
LAUNCHER
chmod +x "$launcher"
missing="$(LD_LIBRARY_PATH="$root/usr/lib/x86_64-linux-gnu:$root/usr/lib/x86_64-linux-gnu/pulseaudio:$root/usr/lib/chromium" \
  ldd "$root/usr/lib/chromium/chromium" | grep 'not found' || true)"
if [[ -n "$missing" ]]; then
  echo "chromium needs libraries this script does not install:" >&2
  echo "$missing" >&2
  exit 1
fi
"$launcher" --version >/dev/null
echo "$launcher"
