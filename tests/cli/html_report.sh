#!/usr/bin/env bash
# The HTML reports (`score -f html`, `rank -f html`), rendered for real:
# - each page is self-contained and safe (tests/cli/html_check.py page): only
#   the elements and attributes cchc writes, no script, nothing to fetch, and
#   markup in unit names, titles and remedies comes out as text;
# - headless Chromium renders it: the charts are in the rendered DOM with one
#   bar per field / unit / grade, a screenshot has the bars' colours painted,
#   and printing gives A4 pages.
# Usage: html_report.sh CCHC. Without Chromium or python3 the rendering part
# is skipped (exit 77, which ctest reports as skipped) unless
# CCHC_REQUIRE_CHROMIUM=1, as .ci/run sets: there it fails.
set -euo pipefail
cchc=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8
unset CCHC_CRITERIA_PATH NO_COLOR
# shellcheck source=../check.sh
source "$root/tests/check.sh"

qn=examples/quang-nam-2021
"$cchc" score -f html "$qn/so-ldtbxh.yaml" --peers "$qn/bang-xep-hang/2021.csv" \
  --baseline "$qn/bang-xep-hang/2020.csv" -o "$work/score.html" 2>/dev/null
"$cchc" --lang en score -f html "$qn/so-ldtbxh.yaml" -o "$work/score-en.html" 2>/dev/null
"$cchc" rank -f html "$qn" "$qn/bang-xep-hang/2021.csv" --baseline "$qn/bang-xep-hang/2020.csv" \
  -o "$work/rank.html" 2>/dev/null
"$cchc" score -f html -c tests/data/criteria/html-2023.yaml tests/data/evidence/html-escape.yaml \
  -o "$work/escape-score.html" 2>/dev/null
"$cchc" rank -f html tests/data/results/html-2023.csv -o "$work/escape-rank.html"

# Without python3 the structure is checked by grep only.
python=""
if command -v python3 >/dev/null && python3 -c 'import html.parser, zlib' 2>/dev/null; then
  python=python3
fi
for page in score score-en rank escape-score escape-rank; do
  file="$work/$page.html"
  check "$page: no script, image, frame or link element" bash -c "! grep -qiE '<(script|link|img|iframe|a|svg [^>]*onload)' '$file'"
  check "$page: one <svg> chart at least" test "$(count "$file" '<svg class="chart')" -ge 1
done
for page in score score-en rank; do
  check "$page: nothing to fetch" bash -c "! grep -qiE 'src=|href=|url\\(|@import' '$work/$page.html'"
done
check "score: Vietnamese, decimal comma in the text" grep -qF 'lang="vi"' "$work/score.html"
check "score: the index with a decimal comma" grep -qF '89,196%' "$work/score.html"
check "score: SVG lengths with a point, never a comma" \
  bash -c "! grep -qE 'width=\"[0-9]+,[0-9]' '$work/score.html'"
check "score-en: English" grep -qF 'Results by field' "$work/score-en.html"
check "score-en: the index with a decimal point" grep -qF '89.196%' "$work/score-en.html"
check "score: eight field bars" test "$(count "$work/score.html" 'class="bar"')" -eq 8
check "rank: 20 index bars and 3 grade bars" test "$(count "$work/rank.html" 'class="bar"')" -eq 23
check "rank: up and down marks" grep -qF '<span class="up">▲ tăng 3 bậc</span>' "$work/rank.html"
check "rank: a fall in red" grep -qF '<span class="down">▼ giảm 1 bậc</span>' "$work/rank.html"
if [[ -n "$python" ]]; then
  for page in score score-en rank; do
    check "$page: only cchc's own elements and attributes" python3 tests/cli/html_check.py page "$work/$page.html"
  done
  check "escape-score: markup in names, titles and remedies shown as text" \
    python3 tests/cli/html_check.py page "$work/escape-score.html" \
    "Đơn vị <script>alert(\"x\")</script> & 'B'" "Kế hoạch <img src=x onerror=alert(1)>" \
    "Ban hành trước 15/01 </td></tr></table><a href=\"http://example.com\">bấm</a>" \
    "Bộ <b>tiêu chí</b> & \"kiểm thử\"" "Hài lòng ]]> <!-- -->"
  check "escape-rank: markup in the table's names and grades shown as text" \
    python3 tests/cli/html_check.py page "$work/escape-rank.html" \
    'Đơn vị <b>B</b> & "C"' "</table><script>x()</script>" "<i>Tốt</i>"
else
  echo "note: python3 not found: the pages' structure is only checked with grep"
fi

if ! command -v chromium >/dev/null || [[ -z "$python" ]]; then
  if [[ "${CCHC_REQUIRE_CHROMIUM:-0}" == 1 ]]; then
    echo "FAILED: chromium and python3 are needed (bash .ci/install-deps --ci)" >&2
    exit 1
  fi
  ((failures == 0)) || exit 1
  echo "skipped: the rendering checks need chromium and python3 (bash .ci/install-deps --ci)"
  exit 77
fi

# Headless Chromium, as Debian ships it, with a profile of its own and
# nothing that would go to the network.
browse() {  # browse ARG... (the page last)
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$profile" "$@" 2>>"$work/chromium.log"
}

for page in score rank; do
  browse --dump-dom "file://$work/$page.html" >"$work/$page.dom"
done
check "rendered score page: the fields chart with its 8 bars" \
  test "$(grep -oE '<svg class="chart fields"|class="bar"' "$work/score.dom" | wc -l)" -eq 9
check "rendered rank page: the index chart and the grade chart, 23 bars" \
  test "$(grep -oE '<svg class="chart (indices|grades)"|class="bar"' "$work/rank.dom" | wc -l)" -eq 25

browse --window-size=1000,1400 --screenshot="$work/score.png" "file://$work/score.html" >/dev/null
browse --window-size=1000,1400 --screenshot="$work/rank.png" "file://$work/rank.html" >/dev/null
# The bars' colours: #2b5797 (points, indices), #5b7f3a (grades). A bar is
# 14 px high and up to 300 px long at 100 % zoom: thousands of pixels.
check "score screenshot: the field bars are painted" \
  python3 tests/cli/html_check.py pixels "$work/score.png" 2b5797 10000
check "rank screenshot: the index bars are painted" \
  python3 tests/cli/html_check.py pixels "$work/rank.png" 2b5797 20000
check "rank screenshot: the grade bars are painted" \
  python3 tests/cli/html_check.py pixels "$work/rank.png" 5b7f3a 2000

browse --no-pdf-header-footer --print-to-pdf="$work/score.pdf" "file://$work/score.html" >/dev/null
check "score printed: A4 pages" python3 tests/cli/html_check.py pdf "$work/score.pdf"

if ((failures > 0)); then
  echo "chromium said:" >&2
  tail -20 "$work/chromium.log" >&2 || true
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all HTML report checks passed"
