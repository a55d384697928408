#pragma once

#include <string>

#include "cchc/plan.hpp"
#include "cchc/report/report.hpp"

namespace cchc::report {

// `cchc plan`: the plan made for one scored unit.
struct PlanReport {
  const ScoredUnit* unit = nullptr;  // outlives the report
  Plan plan;
};

// `cchc plan` for people: a title naming the target and the unit, the facts
// (now, the points needed, the fixes and their effort, after), the verdict
// when the target is met already or out of reach, then the fixes, most
// points first, as a table with the running points, index and rank.
std::string render_plan_text(const PlanReport& report, const RenderOptions& options);

// The same as Markdown: a heading, a list of the facts and a pipe table.
std::string render_plan_md(const PlanReport& report, const RenderOptions& options);

// `cchc plan -f json`: {"cchc": "plan/1", "unit", "target", "reachable",
// "now", "needed", "fixes", "effort", "projected"}; every key present, null
// for an absent value, numbers exact.
std::string render_plan_json(const PlanReport& report);

}  // namespace cchc::report
