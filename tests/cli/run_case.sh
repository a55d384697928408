#!/usr/bin/env bash
# Runs one CLI case and compares what it printed with its golden file.
#   run_case.sh CCHC NAME ARG...      compare (exit 1 on a difference)
#   BLESS=1 run_case.sh CCHC NAME ARG... rewrite the golden file
# Runs from the repository root with a fixed environment, so that the
# output does not depend on the machine: no colour, no CCHC_CRITERIA_PATH.
set -uo pipefail

cchc=$1
name=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
golden="$here/golden/$name.txt"

cd "$root"
stdout=$(mktemp)
stderr=$(mktemp)
trap 'rm -f "$stdout" "$stderr"' EXIT
env -i PATH="$PATH" HOME="${HOME:-/tmp}" LANG=C.UTF-8 "$cchc" "$@" >"$stdout" 2>"$stderr"
status=$?

actual=$(
  printf '$ cchc %s\n' "$*"
  printf -- '--- exit %d\n' "$status"
  printf -- '--- stdout\n'
  cat "$stdout"
  printf -- '--- stderr\n'
  cat "$stderr"
)

if [[ "${BLESS:-}" == 1 ]]; then
  printf '%s\n' "$actual" >"$golden"
  exit 0
fi
if [[ ! -f "$golden" ]]; then
  echo "no golden file $golden: run tests/cli/bless.sh" >&2
  exit 1
fi
if ! diff -u "$golden" <(printf '%s\n' "$actual"); then
  echo "output differs from $golden (if the change is intended: tests/cli/bless.sh)" >&2
  exit 1
fi
