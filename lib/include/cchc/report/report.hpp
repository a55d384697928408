#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cchc/criteria.hpp"
#include "cchc/decimal.hpp"
#include "cchc/describe.hpp"
#include "cchc/diagnostic.hpp"
#include "cchc/evidence.hpp"
#include "cchc/lang.hpp"
#include "cchc/ranking.hpp"
#include "cchc/ranking_run.hpp"
#include "cchc/report/style.hpp"
#include "cchc/scoring.hpp"
#include "cchc/session.hpp"

namespace cchc::report {

// `cchc rank`: every unit in rank order, with what the renderers say about
// the ranking as a whole.
using RankingReport = Ranking;

// Whether any unit has points (otherwise renderers for people leave the
// column out), and whether any has a grade.
inline bool any_points(const RankingReport& report) {
  for (const RankedUnit& unit : report.units) {
    if (unit.unit.points) {
      return true;
    }
  }
  return false;
}
inline bool any_grade(const RankingReport& report) {
  for (const RankedUnit& unit : report.units) {
    if (!unit.unit.grade.empty()) {
      return true;
    }
  }
  return false;
}

// The decimals to show units with when no criteria say: as many as any of
// their indices or points is written with (tables ranked on their own).
inline int decimals_written(const std::vector<RankInput>& units) {
  int decimals = 0;
  for (const RankInput& unit : units) {
    decimals = std::max(decimals, unit.index.decimals());
    if (unit.points) {
      decimals = std::max(decimals, unit.points->decimals());
    }
  }
  return decimals;
}

// "20 đơn vị: Xuất sắc 2, Tốt 13, Khá 5" / "20 units: ...": the units per
// grade, in the order the grades first appear from the top, those without a
// grade as "chưa xếp loại" / "no grade"; just "20 đơn vị" when none has one.
inline std::string ranking_summary(const RankingReport& report, Lang lang) {
  const std::size_t n = report.units.size();
  std::string out = std::to_string(n) + (lang == Lang::vi ? " đơn vị"
                                         : n == 1         ? std::string(" unit")
                                                          : std::string(" units"));
  if (!any_grade(report)) {
    return out;
  }
  std::vector<std::pair<std::string, std::size_t>> counts;
  for (const RankedUnit& unit : report.units) {
    const std::string grade =
        unit.unit.grade.empty() ? std::string(tr(lang, "chưa xếp loại", "no grade")) : unit.unit.grade;
    auto found = std::find_if(counts.begin(), counts.end(), [&](const auto& count) { return count.first == grade; });
    if (found == counts.end()) {
      counts.emplace_back(grade, 1);
    } else {
      ++found->second;
    }
  }
  out += ':';
  for (std::size_t i = 0; i < counts.size(); ++i) {
    out += (i == 0 ? " " : ", ") + counts[i].first + " " + std::to_string(counts[i].second);
  }
  return out;
}

// How human-readable output is laid out.
struct RenderOptions {
  Lang lang = Lang::vi;
  Style style;
  std::size_t width = k_default_width;
};

// A score for people: `precision` decimals, in the language's decimal mark.
// A value that has more decimals than that (a self-score typed as 0.3333) is
// shown exactly rather than rounded.
inline std::string show(const Decimal& value, int precision, Lang lang) {
  return format_number(value, precision, lang);
}

// A score for machines (CSV): `precision` decimals with a point; exact when
// the value has more decimals.
inline std::string machine_number(const Decimal& value, int precision) {
  return value.to_string(value.decimals() > precision ? value.decimals() : precision);
}

// The top-level node (field, or bonus/penalty item) a node belongs to.
inline int top_level_of(const Criteria& criteria, int node) {
  while (criteria.nodes[static_cast<std::size_t>(node)].parent >= 0) {
    node = criteria.nodes[static_cast<std::size_t>(node)].parent;
  }
  return node;
}

inline const Node& node_at(const Criteria& criteria, int node) {
  return criteria.nodes[static_cast<std::size_t>(node)];
}

inline const NodeResult& result_at(const ScoreResult& result, int node) {
  return result.nodes[static_cast<std::size_t>(node)];
}

// Every leaf in criteria order (fields, then bonus, then penalty items).
inline std::vector<int> leaves_of(const Criteria& criteria) {
  std::vector<int> leaves;
  for (std::size_t i = 0; i < criteria.nodes.size(); ++i) {
    if (criteria.nodes[i].is_leaf()) {
      leaves.push_back(static_cast<int>(i));
    }
  }
  return leaves;
}

}  // namespace cchc::report
