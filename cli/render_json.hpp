#pragma once

#include <string>
#include <vector>

#include "report.hpp"

namespace cchc::cli {

// The `result/1` JSON document of SPEC §4.1 for one or more scored units.
std::string render_score_json(const std::vector<ScoredUnit>& units);

}  // namespace cchc::cli
