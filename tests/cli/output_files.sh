#!/usr/bin/env bash
# -o FILE (SPEC §4): written atomically, never over an input, nothing left
# behind by a failed run. Usage: output_files.sh CCHC
set -euo pipefail
cchc=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
example=examples/quang-nam-2021/so-y-te.yaml
failures=0
check() {  # check DESCRIPTION COMMAND...
  local description=$1
  shift
  if "$@"; then
    echo "ok: $description"
  else
    echo "FAILED: $description" >&2
    failures=$((failures + 1))
  fi
}

# A successful run writes exactly what stdout would show, and no temporary file.
"$cchc" --lang en score "$example" >"$work/expected.txt" 2>/dev/null
"$cchc" --lang en score -o "$work/report.txt" "$example" 2>/dev/null
check "-o writes the report" cmp -s "$work/expected.txt" "$work/report.txt"
check "-o leaves no temporary file" test "$(ls -A "$work" | wc -l)" -eq 2

# A failed run leaves no file, and an existing file untouched.
set +e
"$cchc" score -o "$work/bad.txt" tests/data/evidence/duplicate-key.yaml 2>/dev/null
status=$?
set -e
check "a failed run exits 2" test "$status" -eq 2
check "a failed run writes no file" test ! -e "$work/bad.txt"
echo "keep me" >"$work/keep.txt"
"$cchc" score -o "$work/keep.txt" tests/data/evidence/duplicate-key.yaml 2>/dev/null || true
check "a failed run keeps the old file" grep -qx "keep me" "$work/keep.txt"
check "a failed run leaves no temporary file" test "$(ls -A "$work" | wc -l)" -eq 3

# An input is never overwritten, even through another path to it.
cp "$example" "$work/input.yaml"
ln -s "$work/input.yaml" "$work/link.yaml"
set +e
"$cchc" score -c mau-so-2021 -o "$work/link.yaml" "$work/input.yaml" 2>"$work/err.txt"
status=$?
set -e
check "-o naming an input (via a symlink) exits 2" test "$status" -eq 2
check "-o naming an input leaves it intact" cmp -s "$example" "$work/input.yaml"
check "-o naming an input says why" grep -q "input" "$work/err.txt"

# Devices are written directly; a full disk is an error.
check "-o /dev/null succeeds" "$cchc" score -o /dev/null "$example"
set +e
"$cchc" score -o /dev/full "$example" 2>/dev/null
status=$?
set -e
check "-o /dev/full exits 2" test "$status" -eq 2

# stdout carries only the report; a write error to stdout is reported.
set +e
"$cchc" score "$example" >/dev/full 2>/dev/null
status=$?
set -e
check "a full stdout exits 2" test "$status" -eq 2

exit "$failures"
