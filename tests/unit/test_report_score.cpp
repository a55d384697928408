#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cchc/report/score.hpp"
#include "report_support.hpp"

using namespace cchc;

namespace {

report::RenderOptions options_for(Lang lang, std::size_t width = 80) {
  report::RenderOptions options;
  options.lang = lang;
  options.width = width;
  return options;
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

// The unit of report_support.hpp: 1.2 late, 2.3 two violations, 3.2 not
// applicable (counted as full), one bonus item, the penalty item missing.
TEST_CASE("render_score_csv writes one row per leaf with a BOM and CRLF") {
  CHECK(report::render_score_csv({test::scored_unit()}) ==
        "\xEF\xBB\xBF"
        "unit,criteria,id,title,field,max,points,status,reason,lost,source,self_score,appraised,detail\r\n"
        "u1,t-2023,1.1,Kiểm tra,1,1.00,1.00,full,,,rule,,,\r\n"
        "u1,t-2023,1.2,Kế hoạch,1,1.00,0.50,partial,late,0.50,rule,,,\"done 01/02/2023, after the deadline "
        "15/01/2023\"\r\n"
        "u1,t-2023,1.3,Mức độ,1,1.00,1.00,full,,,rule,,,\r\n"
        "u1,t-2023,1.4,Tỷ lệ đúng hạn,1,1.00,1.00,full,,,rule,,,\r\n"
        "u1,t-2023,2.1,Tỷ lệ,2,1.00,1.00,full,,,rule,,,\r\n"
        "u1,t-2023,2.2,Số sản phẩm,2,1.00,1.00,full,,,rule,,,\r\n"
        "u1,t-2023,2.3,Vi phạm,2,1.00,0.50,partial,violations,0.50,rule,,,\"2 violations, 0.25 points off each\"\r\n"
        "u1,t-2023,2.4,Thẩm định viên chấm,2,1.00,1.00,full,,,rule,,,\r\n"
        "u1,t-2023,3.1,Công khai,3,1.00,1.00,full,,,rule,,,\r\n"
        "u1,t-2023,3.2,Trực tuyến,3,1.00,1.00,na,,,na,,,\r\n"
        "u1,t-2023,4.1,Hài lòng,4,2.00,2.00,full,,,rule,,,\r\n"
        "u1,t-2023,T1,Sáng kiến,bonus,2.00,0.50,partial,count,,rule,,,\"1 item × 0.5 = 0.5 points, max 2\"\r\n"
        "u1,t-2023,P1,Báo cáo chậm,penalty,2.00,0.00,missing,missing,,none,,,not in the evidence file\r\n");
}

TEST_CASE("render_score_csv neutralises a unit id that starts like a formula, in every row") {
  // No evidence file can hold this id any more (docs/formats.md 1.3a); the
  // writer guards it all the same.
  ScoredUnit unit = test::scored_unit("{id: u1, name: \"A\"}");
  unit.evidence.unit.id = "=1+2";
  const std::string csv = report::render_score_csv({unit});
  const std::vector<std::string> lines = test::lines_of(csv);
  REQUIRE(lines.size() == 14);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    INFO(lines[i]);
    CHECK(lines[i].rfind("'=1+2,t-2023,", 0) == 0);
  }
}

TEST_CASE("render_score_csv writes the rows of several units one after the other") {
  const std::string csv =
      report::render_score_csv({test::scored_unit(), test::scored_unit("{id: u2, name: \"Đơn vị 2\"}")});
  const std::vector<std::string> lines = test::lines_of(csv);
  REQUIRE(lines.size() == 27);
  CHECK(lines[13] == "u1,t-2023,P1,Báo cáo chậm,penalty,2.00,0.00,missing,missing,,none,,,not in the evidence file\r");
  CHECK(lines[14] == "u2,t-2023,1.1,Kiểm tra,1,1.00,1.00,full,,,rule,,,\r");
}

TEST_CASE("render_score_md writes the summary, the tables and the deductions") {
  CHECK(report::render_score_md({test::scored_unit()}, options_for(Lang::en)) ==
        "# Administrative reform index (PAR Index) self-assessment, 2023\n"
        "\n"
        "- **Unit:** Đơn vị 1 (u1)\n"
        "- **Criteria:** t-2023 — Bộ tiêu chí thử\n"
        "- **Evidence:** e.yaml\n"
        "- **Total:** **11.50** / 12 points (applicable maximum: 12)\n"
        "- **PAR Index:** **95.83%**\n"
        "- **Grade:** **Xuất sắc**\n"
        "- **Bonus:** 0.50\n"
        "- **Penalty:** 0.00\n"
        "- **Coverage:** 100%\n"
        "\n"
        "## Results by field\n"
        "\n"
        "| Id | Field | Points | Max | Applicable max | Rate |\n"
        "|---|---|---:|---:|---:|---:|\n"
        "| 1 | Chỉ đạo, điều hành | 3.50 | 4.00 | 4.00 | 87.50% |\n"
        "| 2 | Thể chế | 3.50 | 4.00 | 4.00 | 87.50% |\n"
        "| 3 | TTHC | 2.00 | 2.00 | 2.00 | 100.00% |\n"
        "| 4 | Khảo sát | 2.00 | 2.00 | 2.00 | 100.00% |\n"
        "|  | Total | 11.00 | 12.00 | 12.00 | 91.67% |\n"
        "\n"
        "## Results by assessment method\n"
        "\n"
        "| Method | Points | Applicable max | Rate |\n"
        "|---|---:|---:|---:|\n"
        "| Self-assessment | 8.00 | 9.00 | 88.89% |\n"
        "| Sociological survey | 2.00 | 2.00 | 100.00% |\n"
        "| Assessor | 1.00 | 1.00 | 100.00% |\n"
        "\n"
        "## Bonus and penalty points\n"
        "\n"
        "| Kind | Id | Item | Points |\n"
        "|---|---|---|---:|\n"
        "| Bonus | T1 | Sáng kiến | 0.50 |\n"
        "\n"
        "## Criteria that lost points (2 criteria, 1.00 points lost)\n"
        "\n"
        "| Id | Criterion | Lost | Reason | Detail |\n"
        "|---|---|---:|---|---|\n"
        "| 1.2 | Kế hoạch | 0.50 | late | done 01/02/2023, after the deadline 15/01/2023 |\n"
        "| 2.3 | Vi phạm | 0.50 | violations | 2 violations, 0.25 points off each |\n"
        "\n"
        "## Not applicable (1)\n"
        "\n"
        "| Id | Criterion | Max | Reason |\n"
        "|---|---|---:|---|\n"
        "| 3.2 | Trực tuyến | 1.00 | Không phát sinh (counted as full points) |\n");
}

TEST_CASE("render_score_md escapes a hostile unit name") {
  const std::string md =
      report::render_score_md({test::scored_unit("{id: u_1, name: \"*Sở* | [A](x) <b>\"}")}, options_for(Lang::en));
  CHECK(contains(md, "\n- **Unit:** \\*Sở\\* \\| \\[A\\](x) \\<b\\> (u_1)\n"));
}

TEST_CASE("render_score_md separates units with a rule") {
  const std::string md =
      report::render_score_md({test::scored_unit(), test::scored_unit("{id: u2}")}, options_for(Lang::en));
  CHECK(contains(md,
                 "| 3.2 | Trực tuyến | 1.00 | Không phát sinh (counted as full points) |\n"
                 "\n---\n\n"
                 "# Administrative reform index (PAR Index) self-assessment, 2023\n"
                 "\n"
                 "- **Unit:** u2\n"));
}

TEST_CASE("render_score_text lays the report out within 80 columns") {
  const std::string text = report::render_score_text({test::scored_unit()}, options_for(Lang::en));
  CHECK(text ==
        "ADMINISTRATIVE REFORM INDEX (PAR INDEX) SELF-ASSESSMENT, 2023\n"
        "Unit:       Đơn vị 1 (u1)\n"
        "Criteria:   t-2023 — Bộ tiêu chí thử\n"
        "Evidence:   e.yaml\n"
        "\n"
        "Total:      11.50 / 12 points (applicable maximum: 12)\n"
        "PAR Index:  95.83%   Grade: Xuất sắc\n"
        "Bonus:      0.50     Penalty: 0.00     Coverage: 100%\n"
        "\n"
        "RESULTS BY FIELD\n"
        " Id  Field               Points    Max     Rate\n"
        " 1   Chỉ đạo, điều hành    3.50   4.00   87.50%\n"
        " 2   Thể chế               3.50   4.00   87.50%\n"
        " 3   TTHC                  2.00   2.00  100.00%\n"
        " 4   Khảo sát              2.00   2.00  100.00%\n"
        "     Total                11.00  12.00   91.67%\n"
        "\n"
        "RESULTS BY ASSESSMENT METHOD\n"
        " Method               Points  Applicable max     Rate\n"
        " Self-assessment        8.00            9.00   88.89%\n"
        " Sociological survey    2.00            2.00  100.00%\n"
        " Assessor               1.00            1.00  100.00%\n"
        "\n"
        "BONUS POINTS (0.50, at most 1)\n"
        " Id  Item       Points\n"
        " T1  Sáng kiến    0.50\n"
        "\n"
        "CRITERIA THAT LOST POINTS (2 criteria, 1.00 points lost)\n"
        " Id   Criterion  Lost  Reason      Detail\n"
        " 1.2  Kế hoạch   0.50  late        done 01/02/2023, after the deadline\n"
        "                                   15/01/2023\n"
        " 2.3  Vi phạm    0.50  violations  2 violations, 0.25 points off each\n"
        "\n"
        "NOT APPLICABLE (1)\n"
        " Id   Criterion    Max  Reason\n"
        " 3.2  Trực tuyến  1.00  Không phát sinh (counted as full points)\n");
}

TEST_CASE("render_score_text keeps every line within the width and without trailing blanks") {
  for (const Lang lang : {Lang::en, Lang::vi}) {
    for (std::size_t width = 70; width <= 120; width += 5) {
      INFO("width " << width << (lang == Lang::vi ? " vi" : " en"));
      const std::string text = report::render_score_text({test::scored_unit()}, options_for(lang, width));
      CHECK(test::widest_line(text) <= width);
      CHECK_FALSE(test::has_trailing_blank(text));
    }
  }
}

TEST_CASE("render_score_json writes exact numbers and the deductions") {
  const std::string json = report::render_score_json({test::scored_unit()});
  CHECK(json.rfind("{\n  \"cchc\": \"result/1\",\n", 0) == 0);
  CHECK(contains(json,
                 "      \"points\": 11.5,\n"
                 "      \"max\": 12,\n"
                 "      \"applicable_max\": 12,\n"
                 "      \"coverage\": 100,\n"
                 "      \"bonus\": 0.5,\n"
                 "      \"penalty\": 0,\n"
                 "      \"index\": 95.83,\n"
                 "      \"grade\": \"Xuất sắc\",\n"));
  CHECK(contains(json,
                 "      \"deductions\": [\n"
                 "        {\n"
                 "          \"id\": \"1.2\",\n"
                 "          \"title\": \"Kế hoạch\",\n"
                 "          \"lost\": 0.5,\n"
                 "          \"reason\": \"late\",\n"
                 "          \"detail\": \"done 01/02/2023, after the deadline 15/01/2023\",\n"
                 "          \"owner\": \"Văn phòng\",\n"
                 "          \"remedy\": null\n"
                 "        },\n"));
  REQUIRE(json.size() > 6);
  CHECK(json.substr(json.size() - 6) == "  ]\n}\n");
}

TEST_CASE("render_score_json escapes a hostile unit name") {
  ScoredUnit unit = test::scored_unit("{id: u1, name: \"A \\\"B\\\" \\\\ \\tC\"}");
  // Read on one line: the tab became a space (docs/formats.md 1.3a).
  CHECK(unit.evidence.unit.name == "A \"B\" \\ C");
  unit.evidence.unit.name = "A \"B\" \\ \tC\u202E";
  const std::string json = report::render_score_json({unit});
  CHECK(contains(json,
                 "      \"unit\": {\n"
                 "        \"id\": \"u1\",\n"
                 "        \"name\": \"A \\\"B\\\" \\\\ \\tC\\u202e\"\n"
                 "      },\n"));
}

TEST_CASE("every score report says how many leaves and points are not declared yet") {
  // 1.1 and 2.1 (1 point each) left out: "Chưa kê khai: 2 tiêu chí (2,00 điểm)".
  std::string items(test::k_report_items);
  for (const std::string_view line : {"  \"1.1\": {value: true}\n", "  \"2.1\": {value: 80}\n"}) {
    items.erase(items.find(line), line.size());
  }
  const ScoredUnit unit = test::scored_unit("{id: u1, name: \"Đơn vị 1\"}", items);
  REQUIRE(unit.result.undeclared_count == 2);
  for (const Lang lang : {Lang::vi, Lang::en}) {
    INFO((lang == Lang::vi ? "vi" : "en"));
    const std::string expected = lang == Lang::vi ? "2 tiêu chí (2,00 điểm)" : "2 criteria (2.00 points)";
    const std::string text = report::render_score_text({unit}, options_for(lang));
    INFO(text);
    CHECK(contains(text, (lang == Lang::vi ? "\nChưa kê khai: " : "\nNot declared: ") + expected + "\n"));
    CHECK(contains(report::render_score_md({unit}, options_for(lang)),
                   (lang == Lang::vi ? "- **Chưa kê khai:** " : "- **Not declared:** ") + expected + "\n"));
    CHECK(contains(report::render_score_html({unit}, options_for(lang)), "<td>" + expected + "</td>"));
  }
  // JSON keeps exactly the keys of SPEC §4.1: the leaves are its not_declared warnings.
  const std::string json = report::render_score_json({unit});
  CHECK_FALSE(contains(json, "undeclared"));
  CHECK(contains(json, "\"id\": \"2.1\",\n          \"code\": \"not_declared\""));
  // None left: no line at all.
  const std::string full = report::render_score_text({test::scored_unit()}, options_for(Lang::vi));
  CHECK_FALSE(contains(full, "Chưa kê khai:"));
}
