#!/usr/bin/env bash
# Files written by `cchc checklist`: the CSV neutralises every text cell that a
# spreadsheet would take for a formula (SPEC §4) and starts with a BOM; the
# xlsx workbook holds the expected cells (numbers and dates as numbers, text
# as shared strings, never a formula), a frozen header and an A4 landscape
# print setup; a failed run leaves no file. Needs unzip.
# Usage: checklist_files.sh CCHC
set -euo pipefail
cchc=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
command -v unzip >/dev/null || { echo "checklist_files.sh needs unzip" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/tmp"
export TMPDIR="$work/tmp"  # where the workbook is built before it is renamed into place
export LC_ALL=C.UTF-8
hostile=(-c tests/data/checklist/hostile-2023.yaml tests/data/checklist/hostile-unit.yaml)
example=examples/quang-nam-2021/so-ldtbxh.yaml
# shellcheck source=../check.sh
source "$root/tests/check.sh"
contains() {  # contains FILE TEXT: TEXT occurs in FILE, as a fixed string
  grep -qF -- "$2" "$1"
}
lacks() {
  ! grep -qF -- "$2" "$1"
}
matches() {  # matches FILE REGEX: an extended regular expression matches in FILE
  grep -qE -- "$2" "$1"
}
cell() {  # cell FILE REF VALUE: the cell REF holds the number VALUE
  grep -qE -- "<c r=\"$2\"( s=\"[0-9]+\")?><v>${3//./\\.}</v></c>" "$1"
}

# CSV: every text cell that starts with = + - @ TAB or CR gets a leading '.
"$cchc" checklist -f csv "${hostile[@]}" >"$work/hostile.csv" 2>/dev/null
check "csv: starts with a UTF-8 BOM" test "$(head -c 3 "$work/hostile.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
check "csv: rows end with CRLF" test "$(grep -c $'\r$' "$work/hostile.csv")" -eq "$(wc -l <"$work/hostile.csv")"
check "csv: remedy and owner starting with =" contains "$work/hostile.csv" ",'=SUM(A1:A9),'=cmd|' /C calc'!A0,"
check "csv: remedy and owner starting with +" contains "$work/hostile.csv" ",'+Giải pháp cộng,'+Phòng cộng,"
check "csv: remedy and owner starting with -" contains "$work/hostile.csv" ",'-Giải pháp trừ,'-Phòng trừ,"
check "csv: remedy and owner starting with @" contains "$work/hostile.csv" ",'@Giải pháp a còng,'@Phòng a còng,"
check "csv: remedy and owner starting with a tab" contains "$work/hostile.csv" $',\'\tGiải pháp tab,\'\tPhòng tab,'
# A CR can no longer come from a YAML escape (issue 18); a bidi override is
# shown as U+FFFD.
check "csv: remedy and owner starting with a bidi override" contains "$work/hostile.csv" ',�Giải pháp RLO,�Phòng RLO,'
check "csv: criterion starting with =" contains "$work/hostile.csv" "3,'=2.1 Mã bắt đầu bằng dấu bằng,"
check "csv: criterion starting with +" contains "$work/hostile.csv" "5,'+2.2 Mã bắt đầu bằng dấu cộng,"
check "csv: criterion starting with -" contains "$work/hostile.csv" "6,'-2.3 Mã bắt đầu bằng dấu trừ,"
check "csv: criterion starting with @" contains "$work/hostile.csv" "8,'@2.4 Mã bắt đầu bằng a còng,"
check "csv: overclaimed criterion starting with =" contains "$work/hostile.csv" "2,'=2.1 Mã bắt đầu bằng dấu bằng,0.500,0.000,0.500"
# No cell (after the separator and an opening quote) starts like a formula;
# a CR before the end of the line would start a cell.
check "csv: no cell starts like a formula" test "$(grep -cE $'(^|,)"?([=+@\t-]|\r.)' "$work/hostile.csv")" -eq 0
check "csv: the unit name is not a cell" lacks "$work/hostile.csv" 'example.com/don-vi'
check "csv: largest loss first, ties in criteria order" test \
  "$(sed -n '2,11p' "$work/hostile.csv" | cut -d, -f4 | tr '\n' ' ')" = \
  "2.000 1.500 1.250 1.000 1.000 1.000 0.750 0.750 0.500 0.250 "
check "csv: the total row" contains "$work/hostile.csv" ",Tổng cộng,,10.000,,,,"
check "csv: the overclaims' total row" contains "$work/hostile.csv" ",Tổng cộng,,,2.500"

# xlsx, with a completion date: the expected cells, text as text.
"$cchc" checklist -f xlsx -o "$work/hostile.xlsx" --due 2024-06-30 "${hostile[@]}" 2>/dev/null
unzip -p "$work/hostile.xlsx" xl/worksheets/sheet1.xml >"$work/sheet1.xml"
unzip -p "$work/hostile.xlsx" xl/worksheets/sheet2.xml >"$work/sheet2.xml"
unzip -p "$work/hostile.xlsx" xl/sharedStrings.xml >"$work/strings.xml"
unzip -p "$work/hostile.xlsx" xl/workbook.xml >"$work/workbook.xml"
unzip -p "$work/hostile.xlsx" xl/styles.xml >"$work/styles.xml"
unzip -p "$work/hostile.xlsx" >"$work/all.xml"
# Rows 1-6 hold the title block, row 8 the header, rows 9-18 the criteria, 19 the total.
lost=(2 1.5 1.25 1 1 1 0.75 0.75 0.5 0.25)
in_order=true
for i in "${!lost[@]}"; do
  cell "$work/sheet1.xml" "D$((i + 9))" "${lost[$i]}" || in_order=false
  cell "$work/sheet1.xml" "A$((i + 9))" "$((i + 1))" || in_order=false
done
check "xlsx: TT and the points lost are numbers, largest loss first" $in_order
check "xlsx: the total is a number" cell "$work/sheet1.xml" D19 10
check "xlsx: the completion date is a date (2024-06-30)" cell "$work/sheet1.xml" G9 45473
check "xlsx: dates shown dd/mm/yyyy" contains "$work/styles.xml" 'formatCode="dd/mm/yyyy"'
check "xlsx: points shown at the precision" contains "$work/styles.xml" 'formatCode="0.000"'
check "xlsx: the header Giải pháp khắc phục" contains "$work/strings.xml" '<t>Giải pháp khắc phục</t>'
check "xlsx: the header Thời gian hoàn thành" contains "$work/strings.xml" '<t>Thời gian hoàn thành</t>'
check "xlsx: no formula anywhere" test "$(grep -cE '<f[ >]' "$work/all.xml")" -eq 0
check "xlsx: a remedy starting with = is a shared string" contains "$work/strings.xml" '<t>=SUM(A1:A9)</t>'
check "xlsx: an owner starting with = is a shared string" contains "$work/strings.xml" "<t>=cmd|' /C calc'!A0</t>"
check "xlsx: an owner starting with + is a shared string" contains "$work/strings.xml" '<t>+Phòng cộng</t>'
check "xlsx: a remedy starting with - is a shared string" contains "$work/strings.xml" '<t>-Giải pháp trừ</t>'
check "xlsx: an owner starting with @ is a shared string" contains "$work/strings.xml" '<t>@Phòng a còng</t>'
check "xlsx: a remedy starting with a tab is a shared string" \
  contains "$work/strings.xml" $'<t xml:space="preserve">\tGiải pháp tab</t>'
check "xlsx: a bidi override in a remedy shown as U+FFFD" contains "$work/strings.xml" '<t>�Giải pháp RLO</t>'
check "xlsx: a criterion starting with = is a shared string" \
  contains "$work/strings.xml" '<t>=2.1 Mã bắt đầu bằng dấu bằng</t>'
check "xlsx: the unit name is text" \
  contains "$work/strings.xml" '<t>Đơn vị: =HYPERLINK("http://example.com/don-vi","Đơn vị X") (don-vi-x)</t>'
check "xlsx: the remedy cell refers to a shared string" matches "$work/sheet1.xml" '<c r="E9" s="[0-9]+" t="s">'
check "xlsx: the title is merged across the columns" contains "$work/sheet1.xml" '<mergeCell ref="A1:H1"/>'
check "xlsx: the header row is frozen" matches "$work/sheet1.xml" '<pane ySplit="8" topLeftCell="A9" [^>]*state="frozen"'
check "xlsx: the header row is printed on every page" contains "$work/workbook.xml" "'Phụ lục 01'!\$8:\$8"
check "xlsx: A4" contains "$work/sheet1.xml" 'paperSize="9"'
check "xlsx: landscape" contains "$work/sheet1.xml" 'orientation="landscape"'
check "xlsx: one page wide" matches "$work/sheet1.xml" '<pageSetUpPr fitToPage="1"/>.*fitToHeight="0"'
check "xlsx: the remedy column is 50 wide" matches "$work/sheet1.xml" '<col min="5" max="5" width="50\.'
check "xlsx: the sheets are named Phụ lục 01 and Tự chấm cao" \
  matches "$work/workbook.xml" 'name="Phụ lục 01".*name="Tự chấm cao"'
check "xlsx: the overclaims, as numbers" cell "$work/sheet2.xml" C5 2
check "xlsx: the overclaims' total" cell "$work/sheet2.xml" E7 2.5
check "xlsx: no temporary file is left" test -z "$(ls -A "$work/tmp")"

# An example in English; and a unit without deductions.
"$cchc" --lang en checklist -f xlsx -o "$work/en.xlsx" "$example" 2>/dev/null
unzip -p "$work/en.xlsx" xl/worksheets/sheet1.xml >"$work/sheet1-en.xml"
unzip -p "$work/en.xlsx" xl/sharedStrings.xml >"$work/strings-en.xml"
unzip -p "$work/en.xlsx" xl/workbook.xml >"$work/workbook-en.xml"
check "xlsx en: the header Remedy" contains "$work/strings-en.xml" '<t>Remedy</t>'
check "xlsx en: the sheets are named Annex 01 and Overclaims" \
  matches "$work/workbook-en.xml" 'name="Annex 01".*name="Overclaims"'
check "xlsx en: the largest loss first" cell "$work/sheet1-en.xml" D10 1
check "xlsx en: the total lost" cell "$work/sheet1-en.xml" D34 10.804
check "xlsx en: no completion date without --due" matches "$work/sheet1-en.xml" '<c r="G10" s="[0-9]+"/>'
"$cchc" checklist -f xlsx -o "$work/full.xlsx" -c tests/data/criteria/small-2023.yaml \
  tests/data/checklist/small-full.yaml 2>/dev/null
unzip -p "$work/full.xlsx" xl/worksheets/sheet1.xml >"$work/sheet1-full.xml"
unzip -p "$work/full.xlsx" xl/sharedStrings.xml >"$work/strings-full.xml"
check "xlsx: no deductions, said in a sentence" contains "$work/strings-full.xml" '<t>Không có tiêu chí bị trừ điểm.</t>'
check "xlsx: no deductions, no table header" lacks "$work/strings-full.xml" '<t>Giải pháp khắc phục</t>'

# To stdout when it is not a terminal.
"$cchc" checklist -f xlsx "$example" >"$work/stdout.xlsx" 2>/dev/null
check "xlsx to a pipe is a zip file" test "$(head -c 2 "$work/stdout.xlsx")" = "PK"

# A failed run leaves no file, and no temporary file.
status() {  # status COMMAND...: prints the exit status of COMMAND
  set +e
  "$@" >/dev/null 2>&1
  echo $?
  set -e
}
check "xlsx: invalid evidence exits 2" \
  test "$(status "$cchc" checklist -f xlsx -o "$work/bad.xlsx" tests/data/evidence/duplicate-key.yaml)" -eq 2
check "xlsx: invalid evidence writes no file" test ! -e "$work/bad.xlsx"
check "csv: a Vietnamese --due exits 2" \
  test "$(status "$cchc" checklist -f csv --due 30/06/2024 -o "$work/bad.csv" "$example")" -eq 2
check "csv: a Vietnamese --due writes no file" test ! -e "$work/bad.csv"
check "a failed run leaves no temporary file" test -z "$(ls -A "$work/tmp")"

exit "$failures"
