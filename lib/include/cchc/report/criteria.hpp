#pragma once

#include <string>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/criteria.hpp"
#include "cchc/report/report.hpp"

namespace cchc::report {

// `criteria list`: a table of the known criteria sets.
std::string render_criteria_list(const std::vector<CriteriaEntry>& entries, const RenderOptions& options);

// `criteria show`: the set's header and its tree with max points and rules in
// words; with `node` >= 0, that node's subtree and its details instead.
std::string render_criteria_tree(const Criteria& criteria, int node, const RenderOptions& options);

}  // namespace cchc::report
