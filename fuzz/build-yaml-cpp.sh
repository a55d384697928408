#!/usr/bin/env bash
# Builds yaml-cpp from Debian's source package with the fuzzer's
# instrumentation (sanitizer coverage, address, undefined), so that libFuzzer
# also gets coverage feedback from inside the YAML parser. Not part of CI:
# the source has to be downloaded (see fuzz/README.md).
#   fuzz/build-yaml-cpp.sh OUT_DIR [SOURCE_DIR]
# SOURCE_DIR is an unpacked `apt-get source yaml-cpp`; without it the
# source is fetched into OUT_DIR/src with apt-get source, which needs a
# deb-src line for bookworm in /etc/apt/sources.list.d and dpkg-dev.
# Installs into OUT_DIR/prefix; then configure the fuzz build with
#   -DCMAKE_PREFIX_PATH=OUT_DIR/prefix
set -euo pipefail
out=$(mkdir -p "${1:?usage: build-yaml-cpp.sh OUT_DIR [SOURCE_DIR]}" && cd "$1" && pwd)
source_dir=${2:-}

if [[ -z "$source_dir" ]]; then
  mkdir -p "$out/src"
  (cd "$out/src" && apt-get source yaml-cpp)
  source_dir=$(find "$out/src" -mindepth 1 -maxdepth 1 -type d -name 'yaml-cpp-*' | head -1)
fi
if [[ ! -f "$source_dir/CMakeLists.txt" || ! -f "$source_dir/src/singledocparser.cpp" ]]; then
  echo "build-yaml-cpp.sh: $source_dir is not a yaml-cpp source tree" >&2
  exit 2
fi
version=$(dpkg-query -W -f='${Version}' libyaml-cpp-dev 2>/dev/null || echo "?")
echo "yaml-cpp source: $source_dir (installed libyaml-cpp-dev: $version)"

flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1"
CC=clang CXX=clang++ cmake -S "$source_dir" -B "$out/build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DYAML_BUILD_SHARED_LIBS=OFF -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF \
  -DYAML_CPP_BUILD_CONTRIB=ON -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
  -DCMAKE_INSTALL_PREFIX="$out/prefix" -DCMAKE_INSTALL_LIBDIR=lib
cmake --build "$out/build"
cmake --install "$out/build" >/dev/null
echo "installed into $out/prefix: configure the fuzz build with -DCMAKE_PREFIX_PATH=$out/prefix"
