#pragma once

#include <string>
#include <vector>

#include "cchc/report/report.hpp"

namespace cchc::report {

// The score report for people, one unit after another.
std::string render_score_text(const std::vector<ScoredUnit>& units, const RenderOptions& options);

// The score report as Markdown: headings and pipe tables.
std::string render_score_md(const std::vector<ScoredUnit>& units, const RenderOptions& options);

// The score report as one self-contained HTML page (`score -f html`): inline
// CSS and inline SVG charts, no script, no font, image or link to fetch, laid
// out for A4 paper. One section per evidence file.
std::string render_score_html(const std::vector<ScoredUnit>& units, const RenderOptions& options);

// One CSV row per leaf per unit (UTF-8 with BOM, RFC 4180, CRLF), with
// spreadsheet formulas neutralised (SPEC §4).
std::string render_score_csv(const std::vector<ScoredUnit>& units);

// The `result/1` JSON document of SPEC §4.1 for one or more scored units.
std::string render_score_json(const std::vector<ScoredUnit>& units);

}  // namespace cchc::report
