#pragma once

#include <string>
#include <vector>

#include "report.hpp"

namespace cchc::cli {

// One CSV row per leaf per unit (UTF-8 with BOM, RFC 4180, CRLF), with
// spreadsheet formulas neutralised (SPEC §4).
std::string render_score_csv(const std::vector<ScoredUnit>& units);

// One CSV field: quoted when it holds `,` `"` CR or LF; a text field that
// starts like a formula (`=` `+` `-` `@` TAB CR) gets a leading `'`.
std::string csv_text(std::string_view text);

}  // namespace cchc::cli
