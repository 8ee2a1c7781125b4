#!/usr/bin/env bash
# The Debian packages, built from an existing build tree with cpack (no second build):
# their fields and computed dependencies, their contents (every generated man page, the
# completions, the library and its development files), the library's exports; then
# unpacked into a scratch root (dpkg -x) and used from there: redline runs, man reads the
# pages, and examples/ builds against the library with CMake and with pkg-config, and runs.
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/redline-deb-test-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
start=$SECONDS

fail() { echo "deb_test: FAIL: $*" >&2; exit 1; }
contains() { grep -qF -- "$2" <<<"$1" || fail "$3: no '$2' in: $1"; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 \
  || { cat "$scratch/cpack.log" >&2; fail "cpack -G DEB"; }
one_deb() {
  local matches=("$scratch"/out/"$1"_*.deb)
  [ ${#matches[@]} -eq 1 ] && [ -f "${matches[0]}" ] || fail "expected one $1_*.deb, got: ${matches[*]}"
  echo "${matches[0]}"
}
cli=$(one_deb redline)
lib=$(one_deb libredline0)
dev=$(one_deb libredline-dev)
echo "packages: $(cd "$scratch/out" && ls ./*.deb | tr '\n' ' ')"

# Fields: computed dependencies (dpkg-shlibdeps), the packages' links, who and where.
version=$(dpkg-deb -f "$cli" Version)  # upstream-release
upstream=${version%-*}
for deb in "$cli" "$lib" "$dev"; do
  for field in Maintainer Homepage Description Section; do
    [ -n "$(dpkg-deb -f "$deb" $field)" ] || fail "$(basename "$deb") has no $field"
  done
done
cli_depends=$(dpkg-deb -f "$cli" Depends)
for needed in libc6 libstdc++6 libgit2-1.5 libsqlite3-0 libgumbo1 libutf8proc2 libssl3 libcurl4; do
  contains "$cli_depends" "$needed" "redline Depends"
done
lib_depends=$(dpkg-deb -f "$lib" Depends)
for needed in libc6 libgit2-1.5 libsqlite3-0 libgumbo1; do contains "$lib_depends" "$needed" "libredline0 Depends"; done
contains "$(dpkg-deb -f "$dev" Depends)" "libredline0 (= $version)" "libredline-dev Depends"
contains "$(dpkg-deb --ctrl-tarfile "$lib" | tar -t)" "./shlibs" "libredline0 control files"

# Contents, by the install layout (GNUInstallDirs as configured).
libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:PATH=//p' "$build/CMakeCache.txt")
list() { dpkg-deb --contents "$1" | sed -E 's/^([^ ]+ +){5}\.\///'; }
cli_files=$(list "$cli")
lib_files=$(list "$lib")
dev_files=$(list "$dev")
contains "$cli_files" usr/bin/redline "redline contents"
declare -A completion=([redline.bash]=usr/share/bash-completion/completions/redline
                       [_redline]=usr/share/zsh/vendor-completions/_redline
                       [redline.fish]=usr/share/fish/vendor_completions.d/redline.fish)
for file in "${!completion[@]}"; do
  if [ -f "$source/completions/$file" ]; then contains "$cli_files" "${completion[$file]}" "redline contents"; fi
done
pages=0
if [ -d "$build/man" ]; then
  while IFS= read -r page; do
    contains "$cli_files" "usr/share/man/${page#"$build/man/"}" "redline contents (man pages)"
    pages=$((pages + 1))
  done < <(find "$build/man" -type f -name '*.[1-9]')
fi
contains "$lib_files" "usr/$libdir/libredline.so.0 -> " "libredline0 contents"
contains "$lib_files" "usr/$libdir/libredline.so.$upstream" "libredline0 contents"
for file in include/redline/redline.h include/redline/status.h "$libdir/libredline.so -> " \
            "$libdir/cmake/redline/redlineConfig.cmake" "$libdir/cmake/redline/redlineConfigVersion.cmake" \
            "$libdir/cmake/redline/redlineTargets.cmake" "$libdir/pkgconfig/redline.pc"; do
  contains "$dev_files" "usr/$file" "libredline-dev contents"
done
! grep -q '^usr/bin/\|^usr/include/.' <<<"$lib_files" || fail "libredline0 holds more than the library"
! grep -q '^usr/bin/.' <<<"$dev_files" || fail "libredline-dev holds the command"
! grep -q "^usr/$libdir/.\|^usr/include/." <<<"$cli_files" || fail "redline holds the library"

# Unpacked into a scratch root.
root="$scratch/root"
for deb in "$cli" "$lib" "$dev"; do dpkg -x "$deb" "$root"; done
contains "$("$root/usr/bin/redline" --version)" "redline" "redline --version"
"$root/usr/bin/redline" init "$scratch/archive" >/dev/null
contains "$("$root/usr/bin/redline" -C "$scratch/archive" snapshot un-xinjiang-report \
            "$source/fixtures/stories/un-xinjiang-report/rev-1.html")" "revision 1" "redline snapshot"
while IFS= read -r page; do
  text=$(MANWIDTH=80 man -l "$page" 2>"$scratch/man.err") || fail "man -l $page: $(cat "$scratch/man.err")"
  [ -n "$text" ] && [ ! -s "$scratch/man.err" ] || fail "man -l $page: $(cat "$scratch/man.err")"
done < <(find "$root/usr/share/man" -type f 2>/dev/null)

# The library exports its API and nothing else, under its SONAME.
so="$root/usr/$libdir/libredline.so.0"
contains "$(objdump -p "$so")" "SONAME               libredline.so.0" "libredline SONAME"
others=$(nm -D --defined-only --demangle "$so" | cut -d' ' -f3- | grep -v '^redline::lib::' | grep -vx 'REDLINE_0' || true)
[ -z "$others" ] || fail "libredline exports more than redline::lib: $(head -5 <<<"$others")"

# examples/ against the unpacked library: CMake's find_package, then pkg-config.
export LD_LIBRARY_PATH="$root/usr/$libdir"
cmake -S "$source/examples" -B "$scratch/example" -G Ninja -DCMAKE_PREFIX_PATH="$root/usr" \
  -DCMAKE_CXX_STANDARD=17 >"$scratch/example.log" 2>&1 || { cat "$scratch/example.log" >&2; fail "cmake examples"; }
contains "$(grep '^redline_DIR' "$scratch/example/CMakeCache.txt")" "$root/usr/$libdir/cmake/redline" "find_package"
cmake --build "$scratch/example" >"$scratch/example.log" 2>&1 || { cat "$scratch/example.log" >&2; fail "build examples"; }
contains "$(ldd "$scratch/example/track_changes")" "$root/usr/$libdir/libredline.so.0" "ldd track_changes"
output=$("$scratch/example/track_changes" "$scratch/example-archive")
for line in "revision 1" "revision 2" "libredline $upstream" "[-approved-]{+rejected+}"; do
  contains "$output" "$line" "track_changes output"
done
export PKG_CONFIG_PATH="$root/usr/$libdir/pkgconfig"
flags=$(pkg-config --define-prefix --cflags --libs redline)
contains "$flags" "-I$root/usr/include" "pkg-config --define-prefix"
contains "$(pkg-config --cflags --libs redline)" "-I$root/usr/$libdir/pkgconfig/../../include " "pkg-config (relocatable)"
# shellcheck disable=SC2086
c++ -std=c++17 -Wall -Wextra -Wpedantic -Werror "$source/examples/track_changes.cc" $flags -o "$scratch/track_changes"
contains "$("$scratch/track_changes" "$scratch/pc-archive")" "{+rejected+}" "track_changes (pkg-config)"

echo "deb_test: ok: $(basename "$cli") $(basename "$lib") $(basename "$dev"), $pages man pages, $((SECONDS - start)) s"
