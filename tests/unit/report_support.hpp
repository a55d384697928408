#pragma once

// Helpers shared by the report tests: small rankings built in code, the lines
// of a rendered text.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/evidence.hpp"
#include "cchc/ranking.hpp"
#include "cchc/report/ranking.hpp"
#include "cchc/report/report.hpp"
#include "cchc/scoring.hpp"
#include "cchc/text.hpp"
#include "test_support.hpp"

namespace cchc::test {

inline Decimal decimal(std::string_view text) {
  const std::optional<Decimal> value = Decimal::parse(text);
  if (!value) {
    throw std::invalid_argument("not a decimal: " + std::string(text));
  }
  return *value;
}

// A unit to rank; `points` "" for none.
inline RankInput rank_input(std::string unit, std::string name, std::string_view index, std::string_view points = "",
                            std::string grade = "") {
  return RankInput{std::move(unit), std::move(name), decimal(index),
                   points.empty() ? std::nullopt : std::optional<Decimal>(decimal(points)), std::move(grade)};
}

// Three units of 2025 against a 2024 baseline, ranked by rank_units: two share
// the first place (listed by id), the third is new.
//   1  so-tu-phap   Sở Tư pháp   points 90.45  index 90.45  Xuất sắc  previous 2  up 1
//   1  so-xay-dung  Sở Xây dựng  points 90.45  index 90.45  Xuất sắc  previous 1  unchanged
//   3  so-noi-vu    Sở Nội vụ    points 88.6   index 88.6   Tốt       new
inline report::RankingReport three_units() {
  report::RankingReport report;
  report.decimals = 2;
  report.year = 2025;
  report.has_baseline = true;
  report.units = rank_units({rank_input("so-noi-vu", "Sở Nội vụ", "88.6", "88.6", "Tốt"),
                             rank_input("so-xay-dung", "Sở Xây dựng", "90.45", "90.45", "Xuất sắc"),
                             rank_input("so-tu-phap", "Sở Tư pháp", "90.45", "90.45", "Xuất sắc")},
                            std::nullopt);
  apply_previous(report.units, {{"so-tu-phap", 2}, {"so-xay-dung", 1}});
  return report;
}

// The items of an evidence file for the fixture criteria (test_support.hpp):
// every leaf at its max except 1.2 (done late: 0.5 of 1), 2.3 (two
// violations: 0.5 of 1) and 3.2 (not applicable), one bonus item (0.5).
inline constexpr std::string_view k_report_items =
    "items:\n"
    "  \"1.1\": {value: true}\n"
    "  \"1.2\": {value: 2023-02-01}\n"
    "  \"1.3\": {value: \"Tốt\"}\n"
    "  \"1.4\": {value: 100, documents: [{number: \"03/KH-UBND\", date: 2023-01-12}]}\n"
    "  \"2.1\": {value: 80}\n"
    "  \"2.2\": {value: 4}\n"
    "  \"2.3\": {value: 2}\n"
    "  \"2.4\": {value: 1}\n"
    "  \"3.1\": {value: true}\n"
    "  \"3.2\": {na: true, reason: \"Không phát sinh\"}\n"
    "  \"4.1\": {value: 2}\n"
    "bonus:\n"
    "  \"T1\": {value: 1}\n";

// A unit scored against the fixture criteria; `unit` is the flow map of the
// evidence's `unit:` key.
inline ScoredUnit scored_unit(std::string_view unit = "{id: u1, name: \"Đơn vị 1\"}",
                              std::string_view items = k_report_items) {
  const Criteria& criteria = fixture_criteria();
  const std::string text =
      "cchc: evidence/1\ncriteria: t-2023\nyear: 2023\nunit: " + std::string(unit) + "\n" + std::string(items);
  Evidence evidence = parse_evidence(text, "e.yaml", criteria, Lang::en);
  ScoreResult result = score(criteria, evidence, ScoreOptions{Lang::en, false});
  return ScoredUnit{&criteria, std::move(evidence), std::move(result), std::nullopt};
}

// The lines of `text` (which ends with '\n'), without their '\n'.
inline std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The widest line of `text`, in display columns.
inline std::size_t widest_line(std::string_view text) {
  std::size_t widest = 0;
  for (const std::string& line : lines_of(text)) {
    widest = std::max(widest, display_width(line));
  }
  return widest;
}

// Whether some line of `text` ends with a blank.
inline bool has_trailing_blank(std::string_view text) {
  for (const std::string& line : lines_of(text)) {
    if (!line.empty() && line.back() == ' ') {
      return true;
    }
  }
  return false;
}

}  // namespace cchc::test
