#!/usr/bin/env bash
# The Debian packages, built by CPack from a build tree, then installed on a
# clean Debian 12: a fresh `debootstrap --variant=minbase bookworm` root, where
# apt resolves the package's dependencies from the Debian archive. There the
# program must run: --version, the criteria it knows, a real score, the man
# page and the bash completion in place; then it is removed cleanly.
#   tests/package/deb.sh BUILD_DIR
# Needs root, debootstrap, dpkg-dev and the network (the Debian archive):
# .ci/run runs it. Without them it says so and exits 77 (skipped), unless
# CCHC_REQUIRE_DEB_TEST=1.
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
chroot_dir=""
cleanup() {
  if [[ -n "$chroot_dir" ]]; then
    umount "$chroot_dir/proc" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
export LC_ALL=C.UTF-8
# shellcheck source=../check.sh
source "$root/tests/check.sh"
skip() {
  if [[ "${CCHC_REQUIRE_DEB_TEST:-0}" == 1 ]]; then
    echo "FAILED: $1" >&2
    exit 1
  fi
  echo "skipped: $1"
  exit 77
}

command -v dpkg-shlibdeps >/dev/null || skip "dpkg-shlibdeps is missing (dpkg-dev)"
(cd "$build" && cpack -G DEB -B "$work/packages" >"$work/cpack.log" 2>&1) || {
  cat "$work/cpack.log" >&2
  exit 1
}
deb="$work/packages/cchc_0.1.0_amd64.deb"
dev="$work/packages/libcchc-dev_0.1.0_amd64.deb"
check "cpack made cchc_0.1.0_amd64.deb" test -s "$deb"
check "cpack made libcchc-dev_0.1.0_amd64.deb" test -s "$dev"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libyaml-cpp0.7 libfmt9 libutf8proc2 libxlsxwriter4 libmd0 libstdc++6 libc6; do
  check "cchc depends on $library" grep -qE "(^|, )${library//+/\\+}( |,|$)" <<<"$depends"
done
contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
for file in ./usr/bin/cchc ./usr/share/cchc/criteria/mau-so-2021.yaml ./usr/share/cchc/schemas/evidence-1.schema.json \
  ./usr/share/man/man1/cchc.1.gz ./usr/share/bash-completion/completions/cchc; do
  check "cchc ships $file" grep -qxF "$file" <<<"$contents"
done
check "the program in the package is stripped" \
  bash -c "dpkg-deb --fsys-tarfile '$deb' | tar -xO ./usr/bin/cchc > '$work/cchc' && ! readelf -S '$work/cchc' | grep -q debug_info"
check "libcchc-dev ships the CMake package" \
  bash -c "dpkg-deb -c '$dev' | grep -q 'usr/lib/.*cmake/cchc/cchcConfig.cmake'"

[[ $(id -u) -eq 0 ]] || skip "installing on a clean Debian 12 needs root (debootstrap, chroot)"
command -v debootstrap >/dev/null || skip "debootstrap is missing"
chroot_dir="$work/debian12"
echo "debootstrap --variant=minbase bookworm (a minute or so)"
if ! debootstrap --variant=minbase bookworm "$chroot_dir" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1; then
  tail -20 "$work/debootstrap.log" >&2
  skip "debootstrap could not make a Debian 12 root (no network?)"
fi
mount -t proc proc "$chroot_dir/proc"
cp "$deb" "$chroot_dir/tmp/"
cp examples/quang-nam-2021/so-ldtbxh.yaml "$chroot_dir/tmp/"
in_debian() { chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
check "the clean root has no cchc and none of its libraries" \
  bash -c "! chroot '$chroot_dir' dpkg -s cchc >/dev/null 2>&1 && ! chroot '$chroot_dir' dpkg -s libyaml-cpp0.7 >/dev/null 2>&1"
if in_debian apt-get update >"$work/apt.log" 2>&1 &&
  in_debian env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/cchc_0.1.0_amd64.deb \
    >>"$work/apt.log" 2>&1; then
  echo "ok: apt installs the package and its dependencies on a clean Debian 12"
else
  tail -30 "$work/apt.log" >&2
  echo "FAILED: apt could not install the package" >&2
  exit 1
fi
check "cchc --version runs" bash -c "chroot '$chroot_dir' /usr/bin/cchc --version | grep -q '^cchc 0.1.0 (git '"
check "cchc knows its criteria" bash -c "chroot '$chroot_dir' env LANG=C.UTF-8 cchc criteria list | grep -q mau-so-2021"
check "cchc scores an example: 89,196% Tốt" \
  bash -c "chroot '$chroot_dir' env LANG=C.UTF-8 cchc score /tmp/so-ldtbxh.yaml 2>/dev/null | grep -q '89,196%.*Tốt'"
check "the man page is in place" test -s "$chroot_dir/usr/share/man/man1/cchc.1.gz"
check "the completion is in place" test -s "$chroot_dir/usr/share/bash-completion/completions/cchc"
check "the criteria files are in place" cmp -s criteria/mau-so-2021.yaml "$chroot_dir/usr/share/cchc/criteria/mau-so-2021.yaml"
check "apt removes it cleanly" bash -c "chroot '$chroot_dir' env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin apt-get remove -y cchc >/dev/null 2>&1 && ! test -e '$chroot_dir/usr/bin/cchc'"

if ((failures > 0)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all package checks passed"
