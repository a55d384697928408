#pragma once

#include <string>
#include <vector>

#include "report.hpp"

namespace cchc::cli {

// The score report as Markdown: headings and pipe tables.
std::string render_score_md(const std::vector<ScoredUnit>& units, const RenderOptions& options);

}  // namespace cchc::cli
