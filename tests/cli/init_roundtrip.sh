#!/usr/bin/env bash
# `cchc init` writes a template that `cchc score` reads back: unfilled, it
# scores 0 with a warning at every empty value; filled, it scores. Usage: init_roundtrip.sh CCHC
set -euo pipefail
cchc=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
criteria=tests/data/criteria/small-2023.yaml
name=$'Đơn vị "X" \\ có; dấu\ttab'
failures=0
fail() {
  echo "FAILED: $*" >&2
  failures=$((failures + 1))
}

"$cchc" --lang en init -c "$criteria" --unit don-vi-x --name "$name" -o "$work/template.yaml"

# Unfilled: it scores (exit 0, index 0), with one not_declared warning per
# leaf, each on the line of the item whose `value:` follows (SPEC §5.1).
set +e
"$cchc" --lang en score -c "$criteria" "$work/template.yaml" >"$work/out.txt" 2>"$work/err.txt"
status=$?
set -e
[[ $status -eq 0 ]] || fail "an unfilled template should score (exit 0), not exit $status"
grep -q '^PAR Index: *0.00%' "$work/out.txt" || fail "an unfilled template should score 0"
warnings=$(grep -c ': warning: not declared yet: ' "$work/err.txt" || true)
[[ $warnings -eq 4 ]] || fail "expected 4 not_declared warnings, found $warnings"
if grep -q ': error: ' "$work/err.txt"; then fail "an unfilled template should give no error"; fi
while IFS=: read -r _ line _; do
  sed -n "$((line + 1))p" "$work/template.yaml" | grep -q '^ *value:$' ||
    fail "the warning at line $line is not on an item whose value is empty"
done < <(grep ': warning: not declared yet: ' "$work/err.txt")

# Filled in order (deadline, violations, ratio, survey points): it scores.
awk 'BEGIN { split("2023-01-10 0 100 4", v, " ") }
     /^ *value:$/ { n++; sub(/value:$/, "value: " v[n]) } { print }' \
  "$work/template.yaml" >"$work/filled.yaml"
"$cchc" --lang en score -f json -c "$criteria" "$work/filled.yaml" >"$work/result.json"
grep -q '"index": 100,' "$work/result.json" || fail "the filled template should score 100"
# A name is read on one line: its tab comes back as a space (docs/formats.md 1.3a).
expected_name='"name": "Đơn vị \"X\" \\ có; dấu tab"'
grep -qF "$expected_name" "$work/result.json" || fail "the unit name did not survive the round trip"

# init never overwrites filled-in work without --force.
set +e
"$cchc" init -c "$criteria" --unit don-vi-x --name X -o "$work/filled.yaml" 2>/dev/null
status=$?
set -e
[[ $status -eq 2 ]] || fail "init over an existing file should exit 2, not $status"
grep -q 'value: 2023-01-10' "$work/filled.yaml" || fail "init overwrote a filled-in file"

# A name with a control character that would not read back (ESC, CR) is
# refused before anything is written.
set +e
"$cchc" init -c "$criteria" --unit don-vi-x --name $'Sở\x1bX' -o "$work/esc.yaml" 2>"$work/esc.err"
status=$?
set -e
[[ $status -eq 2 ]] || fail "init --name with ESC should exit 2, not $status"
grep -qF -- "--name: ký tự điều khiển U+001B không được phép" "$work/esc.err" ||
  fail "init --name with ESC: the message is not the expected one"
[[ ! -e "$work/esc.yaml" ]] || fail "init --name with ESC wrote a file"

if [[ $failures -eq 0 ]]; then
  echo "init round trip: ok"
fi
exit "$failures"
