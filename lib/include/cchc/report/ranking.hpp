#pragma once

#include <string>
#include <vector>

#include "cchc/lang.hpp"
#include "cchc/ranking.hpp"
#include "cchc/ranking_run.hpp"
#include "cchc/report/report.hpp"

namespace cchc::report {

// `cchc rank`: every unit in rank order, with what the renderers say about
// the ranking as a whole.
using RankingReport = Ranking;

// Whether any unit has points (otherwise renderers for people leave the
// column out), and whether any has a grade.
bool any_points(const RankingReport& report);
bool any_grade(const RankingReport& report);

// "20 đơn vị: Xuất sắc 2, Tốt 13, Khá 5" / "20 units: ...": the units per
// grade, in the order the grades first appear from the top, those without a
// grade as "chưa xếp loại" / "no grade"; just "20 đơn vị" when none has one.
std::string ranking_summary(const RankingReport& report, Lang lang);

// `cchc rank`: a title, the units in rank order as an aligned table, and the
// number of units per grade.
std::string render_ranking_text(const RankingReport& report, const RenderOptions& options);

// `cchc rank` as Markdown: a heading, a pipe table and the number of units
// per grade.
std::string render_ranking_md(const RankingReport& report, const RenderOptions& options);

// `rank -f html`: the counts per grade, a bar chart of the indices and the
// ranking table with the change in rank, on one self-contained page.
std::string render_ranking_html(const RankingReport& report, const RenderOptions& options);

// `cchc rank -f csv`: a results table that `read_results` reads back —
// rank,unit,name,points,index,grade,previous,change — in rank order, numbers
// with a point at the report's decimals, empty cells for what is absent.
std::string render_ranking_csv(const RankingReport& report);

// `cchc rank -f json`: {"cchc": "ranking/1", "units": [...]} in rank order,
// every key present, null for what a unit does not have.
std::string render_ranking_json(const RankingReport& report);

// `cchc rank -f xlsx`: the bytes of a workbook with one sheet, "Xếp hạng"
// ("Ranking"): a bold, frozen header row, then one row per unit with scores,
// ranks and changes as numbers (formatted at the report's decimals) and text
// as text. Throws std::runtime_error when the workbook cannot be written.
std::string render_ranking_xlsx(const RankingReport& report, Lang lang);

}  // namespace cchc::report
