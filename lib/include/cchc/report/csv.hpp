#pragma once

#include <string>
#include <vector>

#include "cchc/report/report.hpp"

namespace cchc::report {

// One CSV row per leaf per unit (UTF-8 with BOM, RFC 4180, CRLF), with
// spreadsheet formulas neutralised (SPEC §4).
std::string render_score_csv(const std::vector<ScoredUnit>& units);

// `cchc rank -f csv`: a results table that `read_results` reads back —
// rank,unit,name,points,index,grade,previous,change — in rank order, numbers
// with a point at the report's decimals, empty cells for what is absent.
std::string render_ranking_csv(const RankingReport& report);

// One CSV field: quoted when it holds `,` `"` CR or LF; a text field that
// starts like a formula (`=` `+` `-` `@` TAB CR) gets a leading `'`.
std::string csv_text(std::string_view text);

}  // namespace cchc::report
