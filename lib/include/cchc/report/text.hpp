#pragma once

#include <string>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/criteria.hpp"
#include "cchc/report/report.hpp"

namespace cchc::report {

// The score report for people, one unit after another.
std::string render_score_text(const std::vector<ScoredUnit>& units, const RenderOptions& options);

// `cchc rank`: a title, the units in rank order as an aligned table, and the
// number of units per grade.
std::string render_ranking_text(const RankingReport& report, const RenderOptions& options);

// `criteria list`: a table of the known criteria sets.
std::string render_criteria_list(const std::vector<CriteriaEntry>& entries, const RenderOptions& options);

// `criteria show`: the set's header and its tree with max points and rules in
// words; with `node` >= 0, that node's subtree and its details instead.
std::string render_criteria_tree(const Criteria& criteria, int node, const RenderOptions& options);

}  // namespace cchc::report
