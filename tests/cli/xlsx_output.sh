#!/usr/bin/env bash
# Files written by `cchc rank`: the xlsx workbook (numbers as numbers, Vietnamese
# headers, nothing left behind by a failed run) and the CSV, which must read
# back as a results table. Needs unzip. Usage: xlsx_output.sh CCHC
set -euo pipefail
cchc=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
command -v unzip >/dev/null || { echo "xlsx_output.sh needs unzip" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/tmp"
export TMPDIR="$work/tmp"  # where the workbook is built before it is renamed into place
tables=examples/quang-nam-2021/bang-xep-hang
mix=(examples/quang-nam-2021 "$tables/2021.csv" --baseline "$tables/2020.csv")
# shellcheck source=../check.sh
source "$root/tests/check.sh"
contains() {  # contains FILE TEXT: TEXT occurs in FILE, as a fixed string
  grep -qF -- "$2" "$1"
}
lacks() {
  ! grep -qF -- "$2" "$1"
}

# The example mix as a workbook, in Vietnamese.
"$cchc" rank -f xlsx -o "$work/rank.xlsx" "${mix[@]}" 2>/dev/null
unzip -p "$work/rank.xlsx" xl/worksheets/sheet1.xml >"$work/sheet.xml"
unzip -p "$work/rank.xlsx" xl/sharedStrings.xml >"$work/strings.xml"
unzip -p "$work/rank.xlsx" xl/workbook.xml >"$work/workbook.xml"
unzip -p "$work/rank.xlsx" xl/styles.xml >"$work/styles.xml"
unzip -p "$work/rank.xlsx" docProps/core.xml >"$work/core.xml"
check "xlsx: the index of so-ldtbxh is a number" contains "$work/sheet.xml" '<v>89.196</v>'
check "xlsx: the index of so-tu-phap is a number" contains "$work/sheet.xml" '<v>93.661</v>'
check "xlsx: points are numbers" contains "$work/sheet.xml" '<v>60.552</v>'
check "xlsx: a change is a number (so-khdt down 4)" contains "$work/sheet.xml" '<v>-4</v>'
check "xlsx: scores are not text" lacks "$work/strings.xml" '89.196'
check "xlsx: scores are not text (decimal comma)" lacks "$work/strings.xml" '89,196'
check "xlsx: the Vietnamese header Hạng" contains "$work/strings.xml" '<t>Hạng</t>'
check "xlsx: the Vietnamese header Năm trước" contains "$work/strings.xml" '<t>Năm trước</t>'
check "xlsx: Vietnamese names" contains "$work/strings.xml" '<t>Sở Lao động - Thương binh và Xã hội</t>'
check "xlsx: the header row is frozen" contains "$work/sheet.xml" 'state="frozen"'
check "xlsx: scores shown at the precision" contains "$work/styles.xml" 'formatCode="0.000"'
check "xlsx: changes shown with a sign" contains "$work/styles.xml" 'formatCode="+0;-0;0"'
check "xlsx: the sheet is named Xếp hạng" contains "$work/workbook.xml" 'name="Xếp hạng"'
check "xlsx: the document has a title" contains "$work/core.xml" \
  '<dc:title>Xếp hạng Chỉ số cải cách hành chính năm 2021</dc:title>'
check "xlsx: no temporary file is left" test -z "$(ls -A "$work/tmp")"

# In English, with a unit new since the baseline (its change is the text "new").
"$cchc" --lang en rank -f xlsx -o "$work/en.xlsx" "$tables/2021.csv" --baseline "$tables/2020.csv" \
  --alias so-khdt=so-kh-dt 2>/dev/null
unzip -p "$work/en.xlsx" xl/sharedStrings.xml >"$work/strings-en.xml"
unzip -p "$work/en.xlsx" xl/workbook.xml >"$work/workbook-en.xml"
check "xlsx en: the header Rank" contains "$work/strings-en.xml" '<t>Rank</t>'
check "xlsx en: a new unit" contains "$work/strings-en.xml" '<t>new</t>'
check "xlsx en: the sheet is named Ranking" contains "$work/workbook-en.xml" 'name="Ranking"'

# To stdout when it is not a terminal.
"$cchc" rank -f xlsx "${mix[@]}" >"$work/stdout.xlsx" 2>/dev/null
check "xlsx to a pipe is a zip file" test "$(head -c 2 "$work/stdout.xlsx")" = "PK"

# A failed run leaves no file, and no temporary file.
set +e
"$cchc" rank -f xlsx -o "$work/bad.xlsx" tests/data/evidence/duplicate-key.yaml 2>/dev/null
status=$?
set -e
check "xlsx: a failed run exits 2" test "$status" -eq 2
check "xlsx: a failed run writes no file" test ! -e "$work/bad.xlsx"
check "xlsx: a failed run leaves no temporary file" test -z "$(ls -A "$work/tmp")"
check "xlsx: no stray file beside the outputs" \
  test "$(ls -A "$work" | sort | tr '\n' ' ')" = \
  "core.xml en.xlsx rank.xlsx sheet.xml stdout.xlsx strings-en.xml strings.xml styles.xml tmp workbook-en.xml workbook.xml "

# The CSV is a results table: ranked again it gives the same rows (the
# previous rank and the change aside), and as a baseline every unit keeps
# its place.
"$cchc" rank -f csv -o "$work/rank.csv" "${mix[@]}" 2>/dev/null
"$cchc" rank -f csv -o "$work/again.csv" "$work/rank.csv"
strip_changes() {  # the rows without their last two cells (previous, change)
  sed 's/,[^,]*,[^,]*\r$//' "$1"
}
check "csv: read back, the same order, ranks and scores" \
  cmp -s <(strip_changes "$work/rank.csv") <(strip_changes "$work/again.csv")
check "csv: read back, 20 units" test "$(tail -n +2 "$work/again.csv" | wc -l)" -eq 20
"$cchc" rank -f csv -o "$work/same.csv" examples/quang-nam-2021 "$tables/2021.csv" --baseline "$work/rank.csv" \
  2>/dev/null
check "csv: as a baseline, every unit unchanged" test "$(grep -c ',0'$'\r''$' "$work/same.csv")" -eq 20

# Hostile names (issue 18): characters XML 1.0 forbids (U+FFFE, U+FFFF), a bidi
# override and a name longer than Excel's 32,767 characters must give a
# workbook that parses as XML, the long name cut with "…".
{
  printf 'unit,name,index\n'
  printf 'u1,bad\xef\xbf\xbe\xef\xbf\xbfend,90\n'
  printf 'u2,Sở \xe2\x80\xaeabc,80\n'
  printf 'u3,%s,70\n' "$(head -c 40000 /dev/zero | tr '\0' 'x')"
} >"$work/hostile.csv"
"$cchc" rank -f xlsx -o "$work/hostile.xlsx" "$work/hostile.csv" 2>/dev/null
well_formed() {  # well_formed MEMBER: the workbook member parses as XML
  unzip -p "$work/hostile.xlsx" "$1" |
    python3 -c 'import sys,xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())' 2>/dev/null
}
unzip -p "$work/hostile.xlsx" xl/sharedStrings.xml >"$work/strings-hostile.xml"
check "xlsx hostile: the sheet is well-formed XML" well_formed xl/worksheets/sheet1.xml
check "xlsx hostile: the strings are well-formed XML" well_formed xl/sharedStrings.xml
check "xlsx hostile: U+FFFE and U+FFFF dropped" contains "$work/strings-hostile.xml" '<t>badend</t>'
check "xlsx hostile: the bidi override shown as U+FFFD" contains "$work/strings-hostile.xml" '<t>Sở �abc</t>'
check "xlsx hostile: a long name cut with …" contains "$work/strings-hostile.xml" "$(printf 'x%.0s' {1..100})…</t>"

exit "$failures"
