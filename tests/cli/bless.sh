#!/usr/bin/env bash
# Rewrites every golden file from the built binary, after an intended change.
#   tests/cli/bless.sh [BUILD_DIR]   (default: build)
# Review the result with `git diff tests/cli/golden` before committing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
cchc=$(cd "$build" && pwd)/cchc

rm -f "$here"/golden/*.txt
while IFS='|' read -r name args; do
  name=$(echo "$name" | xargs)
  [[ -z "$name" || "$name" == \#* ]] && continue
  # shellcheck disable=SC2086  # the arguments are split like the shell would
  eval "set -- $args"
  BLESS=1 bash "$here/run_case.sh" "$cchc" "$name" "$@"
done <"$here/cases.txt"
echo "blessed $(ls "$here"/golden/*.txt | wc -l) golden files"
