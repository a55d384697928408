#!/usr/bin/env bash
# Who may include whom (docs/architecture.md): cli → report → lib, never
# upwards; public headers use the standard library only; the library knows
# nothing of the command line or terminals; fuzz/ builds from the libraries.
# Usage: tests/layering.sh (from anywhere)
set -uo pipefail
cd "$(dirname "$0")/.."
failures=0
forbid() {  # forbid DESCRIPTION PATTERN FILE...
  local description=$1 pattern=$2
  shift 2
  local found
  found=$(grep -nE "$pattern" "$@" 2>/dev/null)
  if [[ -n "$found" ]]; then
    echo "FAILED: $description:" >&2
    echo "$found" >&2
    failures=$((failures + 1))
  else
    echo "ok: $description"
  fi
}
mapfile -t core < <(find lib/include/cchc -maxdepth 1 -name '*.hpp'; find lib/src -maxdepth 1 -name '*.cpp' -o -maxdepth 1 -name '*.hpp')
mapfile -t report < <(find lib/include/cchc/report lib/src/report -name '*.?pp')
mapfile -t public < <(find lib/include -name '*.hpp')
mapfile -t fuzz < <(find fuzz -name '*.cpp' -o -name '*.hpp' -o -name 'CMakeLists.txt')

forbid "the core library includes no report header" '#include "cchc/report/' "${core[@]}"
forbid "the libraries include neither CLI11 nor the cli/ folder" '#include [<"](CLI/|cmd_|app\.hpp|terminal\.hpp|output\.hpp)' \
  "${core[@]}" "${report[@]}"
forbid "the libraries know nothing about terminals" 'isatty|ioctl|TIOCGWINSZ|getenv\("(COLUMNS|NO_COLOR|TERM)' \
  "${core[@]}" "${report[@]}"
forbid "public headers use the standard library only" '#include <(yaml-cpp|fmt|xlsxwriter|utf8proc|CLI)' "${public[@]}"
forbid "yaml-cpp stays in the core library's sources" '#include <yaml-cpp' "${report[@]}" cli/*.cpp cli/*.hpp
forbid "fuzz/ names no cli/ file" '(PROJECT_SOURCE_DIR\}/cli|"\.\./cli/|#include "(cmd_|app\.hpp|render_))' "${fuzz[@]}"

if ((failures > 0)); then
  echo "$failures layering rule(s) broken" >&2
  exit 1
fi
echo "all layering rules hold"
