#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cchc/report/report.hpp"

namespace cchc::report {

// The score report as one self-contained HTML page (`score -f html`): inline
// CSS and inline SVG charts, no script, no font, image or link to fetch, laid
// out for A4 paper. One section per evidence file.
std::string render_score_html(const std::vector<ScoredUnit>& units, const RenderOptions& options);

// `rank -f html`: the counts per grade, a bar chart of the indices and the
// ranking table with the change in rank, on one self-contained page.
std::string render_ranking_html(const RankingReport& report, const RenderOptions& options);

// Text safe in HTML, in an element or an attribute value in double or single
// quotes: & < > " ' escaped, CR dropped, other control characters (which HTML
// does not allow) written as spaces. LF is kept; elements that show it
// (white-space: pre-line) do so.
std::string html(std::string_view text);

}  // namespace cchc::report
