#pragma once

#include <string>
#include <vector>

#include "report.hpp"

namespace cchc::cli {

// The score report as Markdown: headings and pipe tables.
std::string render_score_md(const std::vector<ScoredUnit>& units, const RenderOptions& options);

// `cchc rank` as Markdown: a heading, a pipe table and the number of units
// per grade.
std::string render_ranking_md(const RankingReport& report, const RenderOptions& options);

}  // namespace cchc::cli
