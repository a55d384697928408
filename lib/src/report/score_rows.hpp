#pragma once

#include <string>
#include <vector>

#include "cchc/report/report.hpp"

namespace cchc::report {

// The rows of a score report's tables as plain text, shared by the Markdown
// and HTML reports (each escapes and lays them out its own way).
using TextRows = std::vector<std::vector<std::string>>;

// One row per field: id, title, points ("" when not applicable), max,
// applicable max, rate ("không áp dụng" / "not applicable" when the field is
// not); then the total row (id "").
TextRows field_rows(const Criteria& criteria, const ScoreResult& result, Lang lang);
// The bonus and penalty items that earned points: kind, id, title, points.
TextRows bonus_penalty_rows(const Criteria& criteria, const ScoreResult& result, Lang lang);
// The criteria not applicable (those under a criterion that is not
// applicable are left out): id, title, max, reason.
TextRows not_applicable_rows(const Criteria& criteria, const ScoreResult& result, Lang lang);
// "Tiêu chí bị trừ điểm (3 tiêu chí, mất 1,250 điểm)" / "Criteria that lost
// points (3 criteria, 1.250 points lost)"; without the parenthesis when none.
std::string deductions_heading(const Criteria& criteria, const ScoreResult& result, Lang lang);
// "Kết quả tự đánh giá Chỉ số cải cách hành chính năm 2021" / "Administrative
// reform index (PAR Index) self-assessment, 2021".
std::string score_title(const Evidence& evidence, Lang lang);
// "Sở Y tế (so-y-te)"; the id alone when the name is the id.
std::string unit_label(const Unit& unit);
// The unit's profile: "Title (id)", or its id when the criteria give no title.
std::string profile_label(const Criteria& criteria, const Unit& unit);
// A rate for people, "87,85%"; "" when `of` is 0.
std::string percent_text(const Decimal& points, const Decimal& of, Lang lang);

}  // namespace cchc::report
