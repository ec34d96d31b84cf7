#!/usr/bin/env bash
# Builds the distributions into target/ (run by Maven in the package phase, see pom.xml):
#   plain   sloc-VERSION.tar.gz and .zip: bin/sloc (runs on the user's Java 17+) and lib/ (sloc's jar and its
#           dependencies)
#   native  sloc-VERSION-linux-x64.tar.gz: the same with a jlink runtime of only the modules jdeps finds, and a start-up
#           cache recorded by a training run (JDK 25's AOT cache when that JDK is here, else AppCDS on the build JDK);
#           and a .deb made by jpackage that installs /usr/bin/sloc (skipped, saying why, without dpkg-deb or fakeroot).
# Usage: build.sh plain|native VERSION TARGET_DIR BUILD_JAVA_HOME OUTPUT_TIMESTAMP
set -euo pipefail
mode=$1 version=$2 target=$3 build_jdk=$4 timestamp=$5
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dist="$target/dist"
plain="$dist/sloc-$version"

log() { echo "[sloc dist] $*"; }

# C1 only: runs of seconds finish before C2's compilations would pay off (see README, Performance). A young
# generation starting at 16 MB (growing with the heap): a short run then allocates in pages it has touched before
# instead of faulting in a fresh 128 MB one (page faults were a fifth of a week-long rule test's step loop). One list
# for bin/sloc, the .deb's launcher and the training run (a start-up cache is only used with the options it was
# recorded with).
jvm_options="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:NewSize=16m"

# lib/'s jars in class-path order: sloc's own, then its dependencies by name.
classpath() {
  local classpath="sloc-$version.jar" jar
  for jar in $(cd "$target/dist-lib" && LC_ALL=C ls -- *.jar); do classpath="$classpath $jar"; done
  echo "$classpath"
}

# Fixed file times: archives that differ only by build time are the same archive, and the start-up cache checks the
# jars' times, which extraction keeps.
fix_times() { find "$1" -exec touch -h -d "$timestamp" {} +; }

tar_gz() { # DIR_NAME ARCHIVE: DIR_NAME under $dist
  tar -C "$dist" --sort=name --owner=0 --group=0 --numeric-owner -cf - "$1" | gzip -n > "$2"
  log "built $2"
}

build_plain() {
  rm -rf "$plain" && mkdir -p "$plain/bin" "$plain/lib"
  cp "$target/sloc-maven-plugin-$version.jar" "$plain/lib/sloc-$version.jar"
  cp "$target/dist-lib/"*.jar "$plain/lib/"
  sed -e "s/@CLASSPATH@/$(classpath)/" -e "s/@JVM_OPTIONS@/$jvm_options/" "$here/bin/sloc" > "$plain/bin/sloc"
  chmod 755 "$plain/bin/sloc"
  fix_times "$plain"
  tar_gz "sloc-$version" "$target/sloc-$version.tar.gz"
  rm -f "$target/sloc-$version.zip"
  (cd "$dist" && find "sloc-$version" | LC_ALL=C sort | zip -q -X -@ "$target/sloc-$version.zip")
  log "built $target/sloc-$version.zip"
}

# JDK 25 when installed (jlink without jmods, -XX:AOTCache), else the JDK running the build; SLOC_LINK_JDK chooses.
link_jdk() {
  local jdk
  if [[ -n "${SLOC_LINK_JDK:-}" ]]; then echo "$SLOC_LINK_JDK"; return; fi
  for jdk in /usr/lib/jvm/temurin-25*; do
    if [[ -x "$jdk/bin/jlink" ]]; then echo "$jdk"; return; fi
  done
  echo "$build_jdk"
}

build_native() {
  local jdk name image modules major
  jdk="$(link_jdk)"
  major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")"
  name="sloc-$version-linux-x64"
  image="$dist/$name"
  rm -rf "$image" && mkdir -p "$image"
  cp -a "$plain/bin" "$plain/lib" "$image/"
  modules="$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
    --class-path "$image/lib/*" "$image/lib/sloc-$version.jar")"
  # java.desktop is left out: jackson-databind and snakeyaml reach java.beans only for JavaBean introspection, which
  # sloc's YAML handling never uses (the training run and the distribution tests run the CLI without it); with it
  # the runtime grows by a third and the .deb would depend on X11 libraries.
  modules="$(echo "$modules" | tr ',' '\n' | grep -vx java.desktop | paste -sd, -)"
  log "jlink with $jdk (Java $major): $modules"
  local cds=()
  ((major < 25)) && cds=(--generate-cds-archive)
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages "${cds[@]}" \
    --output "$image/runtime"
  fix_times "$image"
  record_startup_cache "$image" "$major"
  tar_gz "$name" "$target/$name.tar.gz"
  build_deb "$jdk" "$image"
}

# The training run (io.sloc.cli.StartupTraining: compile, check and test of a small project in one JVM) with the
# class path and options of bin/sloc: the classes it loads and links go into the cache that bin/sloc then uses.
# On 25 also lib/sloc-test.aot, from the training's rule tests only, for `sloc test`: the AOT cache loads every class
# it holds at start, and the 40% of them that only compile and check use cost tiny.yml ~9% of its CPU time.
record_startup_cache() {
  local image=$1 major=$2 cp="" jar
  for jar in $(classpath); do cp="$cp${cp:+:}$image/lib/$jar"; done
  if ((major >= 25)); then
    # Classes only, no method profiles: replaying the training's profiles made every run compile what the training
    # found hot, which cost tiny.yml 16% more CPU and wall time and did not make bench_7d_1m faster.
    local aot="-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -Xlog:aot=warning -XX:AOTCacheOutput=$image/lib"
    train "$image" "$cp" "$aot/sloc.aot"
    train "$image" "$cp" "$aot/sloc-test.aot" test
  else
    train "$image" "$cp" "-XX:ArchiveClassesAtExit=$image/lib/sloc.jsa -Xlog:cds=warning"
  fi
  log "recorded the start-up caches: $(cd "$image/lib" && ls sloc*.aot sloc*.jsa 2> /dev/null | paste -sd' ')"
}

train() { # IMAGE CLASS_PATH CACHE_OPTIONS [TRAINING_ARGUMENT]
  # shellcheck disable=SC2086 # option lists
  "$1/runtime/bin/java" $jvm_options $3 -cp "$2" io.sloc.cli.StartupTraining ${4:-} > /dev/null
}

build_deb() {
  local jdk=$1 image=$2 tool input out
  for tool in dpkg-deb fakeroot; do
    if ! command -v "$tool" > /dev/null; then
      log "SKIPPED the .deb: $tool is not installed (apt-get install dpkg-dev fakeroot)"
      return
    fi
  done
  input="$(mktemp -d)" out="$(mktemp -d)"
  cp "$image/lib/"*.jar "$input/"
  # The AOT cache recorded for the tarball serves the .deb too: jpackage keeps the class path's order, and JDK 25
  # accepts a cache whose jars have moved together (AppCDS on older JDKs does not, so it is left out).
  local options=$jvm_options
  if [[ -f "$image/lib/sloc.aot" ]]; then
    cp "$image/lib/sloc.aot" "$input/"
    options="$options -XX:AOTCache=\$APPDIR/sloc.aot -Xlog:aot=off -Xlog:cds=off"
  fi
  # Installed under /opt/sloc: jpackage's launcher finds its files next to itself there (under /usr it asks the
  # host's dpkg database where its package is). Debian orders 0.1.0~SNAPSHOT before 0.1.0, as Maven does -SNAPSHOT.
  # gzip: dpkg-deb's default xz takes minutes on the runtime.
  DPKG_DEB_COMPRESSOR_TYPE=gzip "$jdk/bin/jpackage" --type deb --name sloc --app-version "${version/-/\~}" \
    --description "SLO rules compiler and validator" --vendor sloc --linux-package-name sloc \
    --runtime-image "$image/runtime" --input "$input" --main-jar "sloc-$version.jar" \
    --main-class io.sloc.cli.Main --java-options "$options" \
    --install-dir /opt --dest "$out"
  # /usr/bin/sloc: a relative symlink in the package itself, so it also works in a dpkg --root tree.
  local tree="$out/tree"
  dpkg-deb -R "$out"/*.deb "$tree"
  mkdir -p "$tree/usr/bin"
  ln -s ../../opt/sloc/bin/sloc "$tree/usr/bin/sloc"
  fakeroot dpkg-deb -Zgzip -b "$tree" "$target/sloc_${version}_amd64.deb" > /dev/null
  rm -rf "$input" "$out"
  log "built $target/sloc_${version}_amd64.deb"
}

case $mode in
  plain) build_plain ;;
  native) build_native ;;
  *) echo "usage: build.sh plain|native VERSION TARGET_DIR BUILD_JAVA_HOME OUTPUT_TIMESTAMP" >&2; exit 2 ;;
esac
