#!/usr/bin/env bash
# `cchc check` for CI: the exit status of each gate and format, a JUnit
# report that XML readers accept (declaration, balanced elements, counts,
# escaping, no control characters), GitHub workflow commands one a line with
# GitHub's escaping, and -o (the report written whatever the outcome, never
# over a checked file). Uses python3, when present, to parse the XML and
# JSON for real. Usage: check_formats.sh CCHC
set -euo pipefail
cchc=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8
unset CCHC_CRITERIA_PATH NO_COLOR
repo=tests/data/check/repo
# shellcheck source=../check.sh
source "$root/tests/check.sh"
contains() {  # contains FILE TEXT: TEXT occurs in FILE, as a fixed string
  grep -qF -- "$2" "$1"
}
lacks() {
  ! grep -qF -- "$2" "$1"
}
same_count() {  # same_count FILE A B: A and B occur equally often in FILE
  test "$(count "$1" "$2")" -eq "$(count "$1" "$3")"
}
status_of() {  # status_of ARG...: the exit status of cchc, its output discarded
  local status=0
  "$cchc" "$@" >/dev/null 2>&1 || status=$?
  echo "$status"
}
# Runs cchc with its stdout in FILE; prints the exit status.
run_to() {  # run_to FILE ARG...
  local file=$1 status=0
  shift
  "$cchc" "$@" >"$file" 2>"$file.err" || status=$?
  echo "$status"
}
has_python=false
if command -v python3 >/dev/null && python3 -c 'import json, xml.dom.minidom' 2>/dev/null; then
  has_python=true
else
  echo "note: python3 not found: the XML and JSON are only checked with grep"
fi
parses_as_xml() {
  python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$1"
}
parses_as_json() {
  python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$1"
}
# A well-formed JUnit report in FILE, as far as grep can tell.
junit_shape() {  # junit_shape FILE
  local file=$1
  test "$(head -n 1 "$file")" = '<?xml version="1.0" encoding="UTF-8"?>' &&
    test "$(count "$file" '<testsuites ')" -eq 1 && test "$(count "$file" '</testsuites>')" -eq 1 &&
    test "$(tail -n 1 "$file")" = '</testsuites>' &&
    same_count "$file" '<testsuite ' '</testsuite>' &&
    same_count "$file" '<testcase ' '</testcase>' &&
    same_count "$file" '<failure ' '</failure>' &&
    same_count "$file" '<system-out>' '</system-out>' &&
    lacks "$file" '/>'
}
no_control_characters() {  # no byte below 0x20 but tab, LF and CR
  ! LC_ALL=C grep -q $'[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]' "$1"
}
# GitHub: every line a workflow command, but the last (the summary).
github_shape() {  # github_shape FILE SUMMARY_START
  local file=$1
  test "$(grep -vc '^::' "$file")" -eq 1 && [[ "$(tail -n 1 "$file")" == "$2"* ]]
}

# Exit statuses: 0 all good, 1 a gate failed, 2 an invalid file or a usage error.
for format in text json junit github; do
  check "$format: a good repository exits 0" test "$(status_of check -f "$format" "$repo")" -eq 0
  check "$format: --min-index 80 exits 1" test "$(status_of check -f "$format" "$repo" --min-index 80)" -eq 1
  check "$format: --min-index 76.3 (the lowest index) exits 0" \
    test "$(status_of check -f "$format" "$repo" --min-index 76.3)" -eq 0
  check "$format: --max-drop 3 exits 1" \
    test "$(status_of check -f "$format" "$repo" --baseline "$repo/ket-qua-2022.csv" --max-drop 3)" -eq 1
  check "$format: --max-drop 3.7 (the largest drop) exits 0" \
    test "$(status_of check -f "$format" "$repo" --baseline "$repo/ket-qua-2022.csv" --max-drop 3.7)" -eq 0
  check "$format: --strict with a warning exits 1" test "$(status_of check -f "$format" "$repo" --strict)" -eq 1
  check "$format: an invalid file exits 2" test "$(status_of check -f "$format" tests/data/check/bad)" -eq 2
  check "$format: an invalid file and a failed gate exit 2" \
    test "$(status_of check -f "$format" "$repo" tests/data/check/bad --min-index 80)" -eq 2
done
check "a named file without a cchc: tag exits 2" test "$(status_of check "$repo/ghi-chu.yaml")" -eq 2
check "--max-drop without --baseline exits 2" test "$(status_of check "$repo" --max-drop 3)" -eq 2
check "--baseline without --max-drop exits 2" test "$(status_of check "$repo" --baseline "$repo/ket-qua-2022.csv")" -eq 2
check "--min-index with a decimal comma exits 2" test "$(status_of check "$repo" --min-index 8,5)" -eq 2
check "--min-index above 100 exits 2" test "$(status_of check "$repo" --min-index 100.5)" -eq 2
check "a negative --max-drop exits 2" \
  test "$(status_of check "$repo" --baseline "$repo/ket-qua-2022.csv" --max-drop=-1)" -eq 2
check "an unknown format exits 2" test "$(status_of check -f xml "$repo")" -eq 2

# JUnit: the min-index case has one failure, among 4 files and 2 gates.
status=$(run_to "$work/min.xml" --lang en check -f junit "$repo" --min-index 80)
check "junit: exit 1 for the failed gate" test "$status" -eq 1
check "junit: only the report on stdout, nothing on stderr" test ! -s "$work/min.xml.err"
check "junit: well-formed (declaration, balanced elements)" junit_shape "$work/min.xml"
check "junit: suite counts" contains "$work/min.xml" '<testsuite name="cchc check" tests="6" failures="1" errors="0"'
check "junit: one test case per file" test "$(count "$work/min.xml" 'classname="cchc.files"')" -eq 4
check "junit: one test case per gate" test "$(count "$work/min.xml" 'classname="cchc.gates.min-index"')" -eq 2
check "junit: the failure says why" \
  contains "$work/min.xml" '<failure message="don-vi-a: index 76.3 is below the minimum 80 (--min-index)" type="min-index">'
check "junit: warnings in system-out" contains "$work/min.xml" '<system-out>tests/data/check/repo/2023/don-vi-a.yaml:8:17: warning: '
check "junit: the note in system-out, quotes escaped" contains "$work/min.xml" 'no &quot;cchc:&quot; tag'
check "junit: no control characters" no_control_characters "$work/min.xml"
if $has_python; then
  check "junit: parses as XML" parses_as_xml "$work/min.xml"
fi
run_to "$work/bad.xml" --lang en check -f junit "$repo" tests/data/check/bad --strict >/dev/null
check "junit: invalid files and --strict, well-formed" junit_shape "$work/bad.xml"
check "junit: invalid file fails with its error count" contains "$work/bad.xml" '<failure message="5 errors" type="error">'
check "junit: --strict fails the file with a warning" contains "$work/bad.xml" 'type="strict">don-vi-a: 1 warning'
check "junit: 2 invalid files + 1 strict gate" contains "$work/bad.xml" 'tests="12" failures="3" errors="0"'

# GitHub: workflow commands, then the summary.
status=$(run_to "$work/min.gh" --lang en check -f github "$repo" --min-index 80)
check "github: exit 1 for the failed gate" test "$status" -eq 1
check "github: every line is a command but the summary" github_shape "$work/min.gh" "Checked 4 files: "
check "github: the warning at its line and column" \
  contains "$work/min.gh" '::warning file=tests/data/check/repo/2023/don-vi-a.yaml,line=8,col=17,title=cchc::'
check "github: the failed gate" contains "$work/min.gh" \
  '::error file=tests/data/check/repo/2023/don-vi-a.yaml,title=cchc gate min-index::don-vi-a: index 76.3 is below'
check "github: the note" contains "$work/min.gh" '::notice::skipping tests/data/check/repo/ghi-chu.yaml'
check "github: the passed gate is not reported" lacks "$work/min.gh" "don-vi-b"
run_to "$work/bad.gh" --lang en check -f github tests/data/check/bad >/dev/null
check "github: errors, one a line" test "$(grep -c '^::error file=tests/data/check/bad/don-vi-c.yaml,line=' "$work/bad.gh")" -eq 5
check "github: invalid files, every line a command but the summary" github_shape "$work/bad.gh" "Checked 2 files: 5 errors"

# Hostile names: a file whose name holds , : % & < > ' " a control character
# and a line break, and whose content quotes < & %.
mkdir "$work/hostile"
hostile=$'a,b:c&<d>\'e"%f\x01g\nh.yaml'
printf 'cchc: evidence/1\ncriteria: "x&<y>%%z"\nyear: 2023\nunit: {id: u, name: "U"}\nitems: {}\n' \
  >"$work/hostile/$hostile"
(cd "$work/hostile" && "$cchc" --lang en check -f github . >../hostile.gh 2>/dev/null) || true
check "github: the line break in the name is escaped" test "$(wc -l <"$work/hostile.gh")" -eq 2
# The control character is shown as U+FFFD (issue 18: no escape code reaches
# the log).
check "github: properties escape , : % and the line break" \
  contains "$work/hostile.gh" $'::error file=a%2Cb%3Ac&<d>\'e"%25f\uFFFDg%0Ah.yaml,line=2,col=11,title=cchc::'
check "github: the message escapes %" contains "$work/hostile.gh" 'unknown criteria "x&<y>%25z"'
check "github: ./ is left out of paths" lacks "$work/hostile.gh" 'file=./'
(cd "$work/hostile" && "$cchc" --lang en check -f junit . >../hostile.xml 2>/dev/null) || true
check "junit: hostile names, well-formed" junit_shape "$work/hostile.xml"
check "junit: hostile names escaped" \
  contains "$work/hostile.xml" 'name="./a,b:c&amp;&lt;d&gt;&apos;e&quot;%fg&#10;h.yaml"'
check "junit: the control character dropped" no_control_characters "$work/hostile.xml"
if $has_python; then
  check "junit: hostile names parse as XML" parses_as_xml "$work/hostile.xml"
fi

# JSON: numbers exact, nulls, the exit status.
status=$(run_to "$work/min.json" --lang en check -f json "$repo" --min-index 80)
check "json: exit 1" test "$status" -eq 1
check "json: the exit status in the document" contains "$work/min.json" '"exit": 1'
check "json: exact index" contains "$work/min.json" '"index": 76.3,'
check "json: null for what a file does not have" contains "$work/min.json" '"unit": null,'
check "json: the summary" contains "$work/min.json" '"gates_failed": 1'
if $has_python; then
  check "json: parses" parses_as_json "$work/min.json"
  (cd "$work/hostile" && "$cchc" check -f json . >../hostile.json 2>/dev/null) || true
  check "json: hostile names parse" parses_as_json "$work/hostile.json"
fi

# Text: the notes go to stderr, the report to stdout.
status=$(run_to "$work/min.txt" --lang en check "$repo" --min-index 80)
check "text: exit 1" test "$status" -eq 1
check "text: the note on stderr" contains "$work/min.txt.err" "note: skipping $repo/ghi-chu.yaml"
check "text: no note on stdout" lacks "$work/min.txt" "note:"
check "text: the summary last" test "$(tail -n 1 "$work/min.txt")" = "Checked 4 files: 0 errors, 1 warning; gates: 1 failed"
check "text: no colour into a pipe" no_control_characters "$work/min.txt"
"$cchc" --color always check "$repo" --min-index 80 >"$work/colour.txt" 2>/dev/null || true
check "text: --color always colours error and warning" \
  contains "$work/colour.txt" $'\x1b[33mwarning\x1b[0m: '
check "text: NO_COLOR wins" test -z "$(NO_COLOR=1 "$cchc" --color always check "$repo" 2>/dev/null | tr -d -c '\033')"

# -o: the same bytes as stdout, written even when a gate fails; never over a
# checked file.
cp -r "$repo" "$work/repo"
"$cchc" --lang en check -f junit "$work/repo" --min-index 80 >"$work/expected.xml" 2>/dev/null || true
status=$(run_to "$work/stdout.txt" --lang en check -f junit "$work/repo" --min-index 80 -o "$work/report.xml")
check "-o: exit 1 for the failed gate" test "$status" -eq 1
check "-o: nothing on stdout" test ! -s "$work/stdout.txt"
check "-o: the report written" cmp -s "$work/expected.xml" "$work/report.xml"
check "-o: no temporary file left" test -z "$(find "$work" -maxdepth 1 -name '.report.xml.*')"
cp "$work/repo/2023/don-vi-b.yaml" "$work/don-vi-b.before"
status=$(run_to "$work/stdout.txt" --lang en check -f junit "$work/repo" -o "$work/repo/2023/don-vi-b.yaml")
check "-o naming a checked file exits 2" test "$status" -eq 2
check "-o naming a checked file leaves it intact" cmp -s "$work/don-vi-b.before" "$work/repo/2023/don-vi-b.yaml"
check "-o naming a checked file says why" contains "$work/stdout.txt.err" "refusing to overwrite an input file"
ln -s "$work/repo/ket-qua-2022.csv" "$work/link.csv"
status=$(run_to "$work/stdout.txt" check "$work/repo" -o "$work/link.csv")
check "-o naming a checked file through a symlink exits 2" test "$status" -eq 2
status=$(run_to "$work/stdout.txt" check "$work/repo/2023" --baseline "$work/repo/ket-qua-2022.csv" --max-drop 5 \
  -o "$work/repo/ket-qua-2022.csv")
check "-o naming the baseline exits 2" test "$status" -eq 2
check "-o naming the baseline leaves it intact" cmp -s "$repo/ket-qua-2022.csv" "$work/repo/ket-qua-2022.csv"

exit "$failures"
