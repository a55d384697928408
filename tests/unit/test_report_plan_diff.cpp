#include <catch2/catch.hpp>

#include <string>

#include "cchc/diff.hpp"
#include "cchc/evidence.hpp"
#include "cchc/plan.hpp"
#include "cchc/report/diff.hpp"
#include "cchc/report/plan.hpp"
#include "cchc/results.hpp"
#include "cchc/scoring.hpp"

using namespace cchc;
using namespace cchc::report;

namespace {

// Three check leaves: 1.1 (3 points, effort 2), 1.2 (3), 2.1 (4, effort 3).
const char* const k_criteria = R"(cchc: criteria/1
id: r-2023
title: "Bộ thử"
year: 2023
scale: 10
precision: 2
grades:
  - {label: "Tốt", min: 80}
  - {label: "Khá", min: 50}
  - {label: "Yếu", min: 0}
fields:
  - id: "1"
    title: "Chỉ đạo"
    max: 6
    children:
      - {id: "1.1", title: "Kế hoạch", max: 3, rule: {type: check}, effort: 2}
      - {id: "1.2", title: "Báo cáo", max: 3, rule: {type: check}}
  - id: "2"
    title: "Thể chế"
    max: 4
    children:
      - {id: "2.1", title: "Văn bản", max: 4, rule: {type: check}, effort: 3}
)";

const Criteria& criteria() {
  static const Criteria loaded = parse_criteria(k_criteria, "r.yaml");
  return loaded;
}

// Unit u1 scored from `path` with each leaf done or not.
ScoredUnit scored(const std::string& path, bool plan_done, bool report_done, bool document_done) {
  const auto value = [](bool done) { return done ? std::string("true") : std::string("false"); };
  const std::string text =
      "cchc: evidence/1\ncriteria: r-2023\nyear: 2023\nunit: {id: u1, name: \"Đơn vị 1\"}\n"
      "items:\n  \"1.1\": {value: " +
      value(plan_done) + "}\n  \"1.2\": {value: " + value(report_done) +
      "}\n  \"2.1\": {value: " + value(document_done) + "}\n";
  ScoredUnit unit;
  unit.criteria = &criteria();
  unit.evidence = parse_evidence(text, path, criteria());
  unit.result = score(criteria(), unit.evidence, {Lang::en, false});
  return unit;
}

// 3 points of 10: 1.1 and 2.1 lost.
const ScoredUnit& before() {
  static const ScoredUnit unit = scored("u1-a.yaml", false, true, false);
  return unit;
}

// 7 points of 10: 1.2 lost.
const ScoredUnit& after() {
  static const ScoredUnit unit = scored("u1-b.yaml", true, false, true);
  return unit;
}

RenderOptions options(Lang lang) {
  return RenderOptions{lang, Style(false), 100};
}

PlanReport plan_for(const PlanTarget& target, const ResultsTable* peers = nullptr) {
  return PlanReport{&before(), make_plan(criteria(), before().evidence, before().result, target, peers)};
}

DiffReport diff_of(const ResultsTable* peers = nullptr, const ResultsTable* baseline = nullptr) {
  return DiffReport{&before(), &after(),
                    make_diff({&criteria(), &before().evidence, &before().result},
                              {&criteria(), &after().evidence, &after().result}, peers, baseline, Aliases())};
}

}  // namespace

TEST_CASE("plan text: the facts, then the cheapest fixes with the running score", "[report][plan]") {
  CHECK(render_plan_text(plan_for(index_target("50", Lang::en)), options(Lang::en)) ==
        "Plan to reach an index of 50.00% or more — Đơn vị 1 (2023)\n"
        "\n"
        "Now:     3.00 points, index 30.00%, Yếu\n"
        "Needed:  2.00 points\n"
        "Fixes:   1 criteria, total effort 2\n"
        "After:   6.00 points, index 60.00%, Khá\n"
        "\n"
        " No.  Id   Criterion  Recovers  Effort  Points   Index\n"
        "   1  1.1  Kế hoạch       3.00       2    6.00  60.00%\n");
}

TEST_CASE("plan text: a grade target, most points first", "[report][plan]") {
  CHECK(render_plan_text(plan_for(grade_target(criteria(), "tốt", Lang::en)), options(Lang::en)) ==
        "Plan to reach grade Tốt (index from 80%) — Đơn vị 1 (2023)\n"
        "\n"
        "Now:     3.00 points, index 30.00%, Yếu\n"
        "Needed:  5.00 points\n"
        "Fixes:   2 criteria, total effort 5\n"
        "After:   10.00 points, index 100.00%, Tốt\n"
        "\n"
        " No.  Id   Criterion  Recovers  Effort  Points    Index\n"
        "   1  2.1  Văn bản        4.00       3    7.00   70.00%\n"
        "   2  1.1  Kế hoạch       3.00       2   10.00  100.00%\n");
}

TEST_CASE("plan text: a target met already needs nothing", "[report][plan]") {
  CHECK(render_plan_text(plan_for(index_target("30", Lang::en)), options(Lang::en)) ==
        "Plan to reach an index of 30.00% or more — Đơn vị 1 (2023)\n"
        "\n"
        "Now:    3.00 points, index 30.00%, Yếu\n"
        "After:  3.00 points, index 30.00%, Yếu\n"
        "\n"
        "The target is met already: nothing to fix.\n");
}

TEST_CASE("plan text: a rank target among the peers, in Vietnamese", "[report][plan]") {
  const ResultsTable peers = parse_results_csv("unit,name,index\nb,B,95\nc,C,75\n", "peers.csv", Lang::en);
  CHECK(render_plan_text(plan_for(rank_target(2), &peers), options(Lang::vi)) ==
        "Kế hoạch khắc phục để đạt hạng 2 trở lên — Đơn vị 1 (2023)\n"
        "\n"
        "Hiện tại:       3,00 điểm, chỉ số 30,00%, Yếu, hạng 3\n"
        "Cần thêm:       4,50 điểm\n"
        "Khắc phục:      2 tiêu chí, tổng công sức 5\n"
        "Sau khắc phục:  10,00 điểm, chỉ số 100,00%, Tốt, hạng 1\n"
        "\n"
        " TT  Mã   Tiêu chí  Lấy lại  Công sức   Điểm   Chỉ số  Hạng\n"
        "  1  2.1  Văn bản      4,00         3   7,00   70,00%     3\n"
        "  2  1.1  Kế hoạch     3,00         2  10,00  100,00%     1\n");
}

TEST_CASE("plan Markdown: a heading, the facts as a list, a pipe table", "[report][plan]") {
  CHECK(render_plan_md(plan_for(index_target("50", Lang::en)), options(Lang::vi)) ==
        "# Kế hoạch khắc phục để đạt chỉ số từ 50,00% trở lên — Đơn vị 1 (2023)\n"
        "\n"
        "- **Hiện tại:** 3,00 điểm, chỉ số 30,00%, Yếu\n"
        "- **Cần thêm:** 2,00 điểm\n"
        "- **Khắc phục:** 1 tiêu chí, tổng công sức 2\n"
        "- **Sau khắc phục:** 6,00 điểm, chỉ số 60,00%, Khá\n"
        "\n"
        "| TT | Mã | Tiêu chí | Lấy lại | Công sức | Điểm | Chỉ số |\n"
        "|---:|---|---|---:|---:|---:|---:|\n"
        "| 1 | 1.1 | Kế hoạch | 3,00 | 2 | 6,00 | 60,00% |\n");
}

TEST_CASE("plan JSON: every key, exact numbers, null for what is absent", "[report][plan]") {
  CHECK(render_plan_json(plan_for(index_target("50", Lang::en))) ==
        R"({
  "cchc": "plan/1",
  "unit": "u1",
  "target": {
    "kind": "index",
    "index": 50,
    "grade": null,
    "rank": null
  },
  "reachable": true,
  "now": {
    "points": 3,
    "index": 30,
    "grade": "Yếu",
    "rank": null
  },
  "needed": 2,
  "fixes": [
    {
      "id": "1.1",
      "title": "Kế hoạch",
      "lost": 3,
      "effort": 2
    }
  ],
  "effort": 2,
  "projected": {
    "points": 6,
    "index": 60,
    "grade": "Khá",
    "rank": null
  }
}
)");
}

TEST_CASE("diff text: the totals, then fields, criteria and deductions", "[report][diff]") {
  CHECK(render_diff_text(diff_of(), options(Lang::en)) ==
        "What changed — Đơn vị 1: 2023 → 2023\n"
        "\n"
        "Evidence:  u1-a.yaml → u1-b.yaml\n"
        "Criteria:  r-2023 → r-2023\n"
        "Points:    3.00 → 7.00 (+4.00)\n"
        "Index:     30.00% → 70.00% (+40.00)\n"
        "Grade:     Yếu → Khá\n"
        "\n"
        "By field\n"
        " Id  Field     Old   New  Change  Note\n"
        " 1   Chỉ đạo  3.00  3.00    0.00\n"
        " 2   Thể chế  0.00  4.00   +4.00\n"
        "\n"
        "Criteria whose points changed\n"
        " Id   Criterion   Old   New  Change  Note\n"
        " 1.1  Kế hoạch   0.00  3.00   +3.00\n"
        " 1.2  Báo cáo    3.00  0.00   -3.00\n"
        " 2.1  Văn bản    0.00  4.00   +4.00\n"
        "\n"
        "Deductions that appeared\n"
        " Id   Criterion  Lost  Reason\n"
        " 1.2  Báo cáo    3.00  not done\n"
        "\n"
        "Deductions resolved\n"
        " Id   Criterion  Lost  Reason\n"
        " 1.1  Kế hoạch   3.00  not done\n"
        " 2.1  Văn bản    4.00  not done\n");
}

TEST_CASE("diff text: the rank change split into our score's part and the others'", "[report][diff]") {
  const ResultsTable peers = parse_results_csv("unit,name,index\nb,B,95\nc,C,75\n", "peers.csv", Lang::en);
  const ResultsTable baseline =
      parse_results_csv("unit,name,index\nb,B,90\nc,C,60\nu1,Đơn vị 1,50\n", "baseline.csv", Lang::en);
  const std::string text = render_diff_text(diff_of(&peers, &baseline), options(Lang::en));
  CHECK(text.substr(0, text.find("By field")) ==
        "What changed — Đơn vị 1: 2023 → 2023\n"
        "\n"
        "Evidence:              u1-a.yaml → u1-b.yaml\n"
        "Criteria:              r-2023 → r-2023\n"
        "Points:                3.00 → 7.00 (+4.00)\n"
        "Index:                 30.00% → 70.00% (+40.00)\n"
        "Grade:                 Yếu → Khá\n"
        "Rank:                  3 → 3/3 (unchanged)\n"
        "From our own score:    up 1 (rank 2 had the others kept last year's)\n"
        "From the other units:  down 1\n"
        "\n");
  const std::string json = render_diff_json(diff_of(&peers, &baseline));
  CHECK(json.substr(json.find("\"rank\": {")) ==
        R"("rank": {
    "old": 3,
    "new": 3,
    "of": 3,
    "among_old": 2,
    "change": 0,
    "own": 1,
    "peers": -1
  }
}
)");
}

TEST_CASE("diff Markdown: a section and a pipe table each", "[report][diff]") {
  CHECK(render_diff_md(diff_of(), options(Lang::vi)) ==
        "# Thay đổi kết quả tự đánh giá — Đơn vị 1: 2023 → 2023\n"
        "\n"
        "- **Hồ sơ:** u1-a.yaml → u1-b.yaml\n"
        "- **Bộ tiêu chí:** r-2023 → r-2023\n"
        "- **Tổng điểm:** 3,00 → 7,00 (+4,00)\n"
        "- **Chỉ số:** 30,00% → 70,00% (+40,00)\n"
        "- **Xếp loại:** Yếu → Khá\n"
        "\n"
        "## Theo lĩnh vực\n"
        "\n"
        "| Mã | Lĩnh vực | Cũ | Mới | Thay đổi | Ghi chú |\n"
        "|---|---|---:|---:|---:|---|\n"
        "| 1 | Chỉ đạo | 3,00 | 3,00 | 0,00 |  |\n"
        "| 2 | Thể chế | 0,00 | 4,00 | +4,00 |  |\n"
        "\n"
        "## Tiêu chí có điểm thay đổi\n"
        "\n"
        "| Mã | Tiêu chí | Cũ | Mới | Thay đổi | Ghi chú |\n"
        "|---|---|---:|---:|---:|---|\n"
        "| 1.1 | Kế hoạch | 0,00 | 3,00 | +3,00 |  |\n"
        "| 1.2 | Báo cáo | 3,00 | 0,00 | -3,00 |  |\n"
        "| 2.1 | Văn bản | 0,00 | 4,00 | +4,00 |  |\n"
        "\n"
        "## Bị trừ điểm mới\n"
        "\n"
        "| Mã | Tiêu chí | Mất | Lý do |\n"
        "|---|---|---:|---|\n"
        "| 1.2 | Báo cáo | 3,00 | chưa thực hiện |\n"
        "\n"
        "## Đã khắc phục (không còn bị trừ điểm)\n"
        "\n"
        "| Mã | Tiêu chí | Mất | Lý do |\n"
        "|---|---|---:|---|\n"
        "| 1.1 | Kế hoạch | 3,00 | chưa thực hiện |\n"
        "| 2.1 | Văn bản | 4,00 | chưa thực hiện |\n");
}

TEST_CASE("diff JSON: both sides, the changes and the deductions, no rank without tables", "[report][diff]") {
  CHECK(render_diff_json(diff_of()) == R"({
  "cchc": "diff/1",
  "unit": "u1",
  "old": {
    "path": "u1-a.yaml",
    "criteria": "r-2023",
    "year": 2023,
    "points": 3,
    "index": 30,
    "grade": "Yếu"
  },
  "new": {
    "path": "u1-b.yaml",
    "criteria": "r-2023",
    "year": 2023,
    "points": 7,
    "index": 70,
    "grade": "Khá"
  },
  "fields": [
    {
      "id": "1",
      "title": "Chỉ đạo",
      "old": 3,
      "new": 3,
      "delta": 0,
      "change": "changed"
    },
    {
      "id": "2",
      "title": "Thể chế",
      "old": 0,
      "new": 4,
      "delta": 4,
      "change": "changed"
    }
  ],
  "items": [
    {
      "id": "1.1",
      "title": "Kế hoạch",
      "old": 0,
      "new": 3,
      "delta": 3,
      "change": "changed"
    },
    {
      "id": "1.2",
      "title": "Báo cáo",
      "old": 3,
      "new": 0,
      "delta": -3,
      "change": "changed"
    },
    {
      "id": "2.1",
      "title": "Văn bản",
      "old": 0,
      "new": 4,
      "delta": 4,
      "change": "changed"
    }
  ],
  "appeared": [
    {
      "id": "1.2",
      "title": "Báo cáo",
      "lost": 3,
      "reason": "not_done"
    }
  ],
  "resolved": [
    {
      "id": "1.1",
      "title": "Kế hoạch",
      "lost": 3,
      "reason": "not_done"
    },
    {
      "id": "2.1",
      "title": "Văn bản",
      "lost": 4,
      "reason": "not_done"
    }
  ],
  "rank": null
}
)");
}
