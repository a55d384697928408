#pragma once

#include <string>
#include <vector>

#include "cchc/report/report.hpp"

namespace cchc::report {

// The `result/1` JSON document of SPEC §4.1 for one or more scored units.
std::string render_score_json(const std::vector<ScoredUnit>& units);

// `cchc rank -f json`: {"cchc": "ranking/1", "units": [...]} in rank order,
// every key present, null for what a unit does not have.
std::string render_ranking_json(const RankingReport& report);

}  // namespace cchc::report
