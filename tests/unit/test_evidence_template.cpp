#include <catch2/catch.hpp>

#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/evidence.hpp"
#include "cchc/evidence_template.hpp"
#include "cchc/scoring.hpp"
#include "test_support.hpp"

using namespace cchc;

namespace {

const char* const k_tiny = R"(cchc: criteria/1
id: tiny-2023
title: "Bộ nhỏ"
year: 2023
scale: 4
fields:
  - id: "1"
    title: "Chỉ đạo"
    max: 4
    children:
      - {id: "1.1", title: "Kế hoạch", max: 1, rule: {type: check}, evidence: "Kế hoạch CCHC"}
      - {id: "1.2", title: "Đúng hạn", max: 3, documents: required, na: never,
         rule: {type: deadline, due: 2023-01-15, late: 1}}
)";

Criteria small_2023() {
  return CriteriaCatalog("", Lang::en).load(std::string(CCHC_SOURCE_DIR) + "/tests/data/criteria/small-2023.yaml");
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

// `text` with the empty `value:` lines filled in order with `values`.
std::string fill(const std::string& text, const std::vector<std::string>& values) {
  std::string out;
  std::size_t next = 0;
  for (const std::string& line : lines_of(text)) {
    out += line;
    if (line.size() >= 6 && line.compare(line.size() - 6, 6, "value:") == 0) {
      REQUIRE(next < values.size());
      out += " " + values[next++];
    }
    out += "\n";
  }
  CHECK(next == values.size());
  return out;
}

}  // namespace

TEST_CASE("evidence template: the header, then every leaf with its rule in comments", "[template]") {
  const Criteria tiny = parse_criteria(k_tiny, "tiny.yaml");
  CHECK(write_evidence_template(tiny, {"u1", "Đơn vị 1", 0, "u1.yaml", "tiny.yaml", Lang::en}) ==
        "# Self-assessment evidence for the administrative reform index (PAR Index) 2023\n"
        "# Unit: Đơn vị 1 (u1)\n"
        "# Criteria: tiny-2023 — Bộ nhỏ\n"
        "#\n"
        "# How to fill it in:\n"
        "# - For every criterion under `items:`, write the result in `value:` as the comment lines just\n"
        "#   above it say; dates are written YYYY-MM-DD (e.g. 2023-01-15), decimals with a point (0.5).\n"
        "# - List the evidence documents under `documents:`, one a line, e.g.:\n"
        "#     documents:\n"
        "#       - {number: \"03/KH-SLĐTBXH\", date: 2023-01-12, title: \"Kế hoạch CCHC năm 2023\", file: "
        "\"tlkc/kh-03.pdf\"}\n"
        "# - A criterion that does not apply to the unit: replace the `value:` line with two lines, `na:\n"
        "#   true` and `reason: \"why it does not apply\"`.\n"
        "# - You may add `self_score:` (the unit's own score), `appraised:` (the appraised points) and\n"
        "#   `note:` (an explanation).\n"
        "# - To score and check the file: cchc score u1.yaml -c tiny.yaml\n"
        "\n"
        "cchc: evidence/1\n"
        "criteria: \"tiny-2023\"\n"
        "year: 2023\n"
        "unit:\n"
        "  id: \"u1\"\n"
        "  name: \"Đơn vị 1\"\n"
        "items:\n"
        "\n"
        "  # ── 1 Chỉ đạo (4 points) ──\n"
        "  # 1.1 Kế hoạch — at most 1 point\n"
        "  #   Scoring: Yes: 1 point; no: 0 points\n"
        "  #   Value: true or false\n"
        "  #   Documents: optional\n"
        "  #   Evidence expected: Kế hoạch CCHC\n"
        "  \"1.1\":\n"
        "    value:\n"
        "    documents: []\n"
        "\n"
        "  # 1.2 Đúng hạn — at most 3 points\n"
        "  #   Scoring: on time (by 15/01/2023): 3 points; late: 1 point; not done: 0\n"
        "  #   Value: the completion date YYYY-MM-DD, or false if not done\n"
        "  #   Documents: required (none listed: 0 points)\n"
        "  #   May not be marked not applicable.\n"
        "  \"1.2\":\n"
        "    value:\n"
        "    documents: []\n");
}

TEST_CASE("evidence template: the score hint leaves -c out when the criteria are named by id", "[template]") {
  const Criteria tiny = parse_criteria(k_tiny, "tiny.yaml");
  const std::string by_id = write_evidence_template(tiny, {"u1", "U", 0, "", "tiny-2023", Lang::vi});
  CHECK(by_id.find("# - Tính điểm và kiểm tra hồ sơ: cchc score TỆP\n") != std::string::npos);
  const std::string year = write_evidence_template(tiny, {"u1", "U", 2024, "", "", Lang::en});
  CHECK(year.find("\nyear: 2024\n") != std::string::npos);
}

TEST_CASE("evidence template: profiles and bonus and penalty items are commented out", "[template]") {
  const std::string text =
      write_evidence_template(test::fixture_criteria(), {"u1", "Đơn vị 1", 0, "", "t-2023", Lang::en});
  CHECK(text.find("\n  # profile: \"no_tthc\"  # Đơn vị không có TTHC\n") != std::string::npos);
  CHECK(text.find("\n#   no_tthc: Đơn vị không có TTHC (not applicable: 3)\n") != std::string::npos);
  CHECK(text.find("\n# bonus:\n") != std::string::npos);
  CHECK(text.find("\n#   \"T1\":\n#     value:\n#     documents: []\n") != std::string::npos);
  CHECK(text.find("\n# penalty:\n") != std::string::npos);
  CHECK(text.find("\n#   \"P1\":\n") != std::string::npos);
}

TEST_CASE("evidence template: unfilled, it scores with one not_declared warning per leaf on its item line",
          "[template]") {
  const Criteria& criteria = test::fixture_criteria();
  const std::string text = write_evidence_template(criteria, {"u1", "Đơn vị 1", 0, "", "", Lang::en});
  CHECK(test::diagnostics_of([&] { parse_evidence(text, "t.yaml", criteria); }).empty());
  const Evidence evidence = parse_evidence(text, "t.yaml", criteria);
  const ScoreResult result = score(criteria, evidence, {Lang::en, false});
  CHECK(result.points == Decimal(0));
  CHECK(result.undeclared_count == 11);  // the fixture's field leaves
  CHECK(result.undeclared_points == Decimal(12));
  const std::vector<std::string> lines = lines_of(text);
  int count = 0;
  for (const Diagnostic& warning : result.warnings) {
    INFO(warning.message);
    CHECK(warning.code == "not_declared");
    REQUIRE(warning.line >= 1);
    REQUIRE(static_cast<std::size_t>(warning.line) < lines.size());
    CHECK(lines[static_cast<std::size_t>(warning.line) - 1] == "  \"" + warning.subject + "\":");
    CHECK(lines[static_cast<std::size_t>(warning.line)] == "    value:");
    ++count;
  }
  CHECK(count == 11);
}

TEST_CASE("evidence template: filled, it scores, and any unit name survives", "[template]") {
  const Criteria criteria = small_2023();
  // Quotes, a backslash, a tab, a line separator, a byte order mark and a
  // decomposed letter (written back in NFC). A name is read on one line (the
  // tab becomes a space); control characters such as NEL are refused on
  // input (docs/formats.md 1.3a).
  const std::string name = "Đơn vị \"X\" \\ có;\tdấu a\u2028b\uFEFFc Ho\u0302";
  const std::string text = write_evidence_template(criteria, {"don-vi-x", name, 0, "", "", Lang::en});
  const std::string filled = fill(text, {"2023-01-10", "0", "100", "4"});
  const Evidence evidence = parse_evidence(filled, "filled.yaml", criteria);
  CHECK(evidence.unit.id == "don-vi-x");
  CHECK(evidence.unit.name == "Đơn vị \"X\" \\ có; dấu a\u2028b\uFEFFc Hô");
  CHECK(evidence.year == 2023);
  const ScoreResult result = score(criteria, evidence, {Lang::en, false});
  CHECK(result.index == Decimal(100));
}
