#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cchc/criteria.hpp"
#include "cchc/decimal.hpp"
#include "cchc/describe.hpp"
#include "cchc/diagnostic.hpp"
#include "cchc/evidence.hpp"
#include "cchc/lang.hpp"
#include "cchc/report/style.hpp"
#include "cchc/scoring.hpp"
#include "cchc/session.hpp"

namespace cchc::report {

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
