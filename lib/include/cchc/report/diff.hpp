#pragma once

#include <string>

#include "cchc/diff.hpp"
#include "cchc/report/report.hpp"

namespace cchc::report {

// `cchc diff`: what changed between two scores of one unit.
struct DiffReport {
  const ScoredUnit* old_unit = nullptr;  // outlives the report
  const ScoredUnit* new_unit = nullptr;  // outlives the report
  Diff diff;
};

// `cchc diff` for people: a title, the points, index, grade and rank (split
// into our own score's part and the other units' part) then and now, then
// four tables: by field, the criteria whose points changed, the deductions
// that appeared and those resolved ("None." when empty).
std::string render_diff_text(const DiffReport& report, const RenderOptions& options);

// The same as Markdown: a heading, a list, and a section with a pipe table each.
std::string render_diff_md(const DiffReport& report, const RenderOptions& options);

// `cchc diff -f json`: {"cchc": "diff/1", "unit", "old", "new", "fields",
// "items", "appeared", "resolved", "rank"}; every key present, null for an
// absent value, numbers exact.
std::string render_diff_json(const DiffReport& report);

}  // namespace cchc::report
