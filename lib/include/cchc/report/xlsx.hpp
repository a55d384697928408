#pragma once

#include <string>

#include "cchc/lang.hpp"
#include "cchc/report/report.hpp"

namespace cchc::report {

// `cchc rank -f xlsx`: the bytes of a workbook with one sheet, "Xếp hạng"
// ("Ranking"): a bold, frozen header row, then one row per unit with scores,
// ranks and changes as numbers (formatted at the report's decimals) and text
// as text. Throws std::runtime_error when the workbook cannot be written.
std::string render_ranking_xlsx(const RankingReport& report, Lang lang);

}  // namespace cchc::report
