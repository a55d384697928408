#include "score_rows.hpp"

namespace cchc::report {

namespace {

std::string num(const Criteria& criteria, const Decimal& value, Lang lang) {
  return format_number(value, criteria.precision, lang);
}

}  // namespace

std::string score_title(const Evidence& evidence, Lang lang) {
  return std::string(tr(lang, "Kết quả tự đánh giá Chỉ số cải cách hành chính năm ",
                        "Administrative reform index (PAR Index) self-assessment, ")) +
         std::to_string(evidence.year);
}

std::string unit_label(const Unit& unit) {
  return unit.id == unit.name ? unit.name : unit.name + " (" + unit.id + ")";
}

std::string profile_label(const Criteria& criteria, const Unit& unit) {
  const Profile* profile = criteria.find_profile(unit.profile);
  return profile != nullptr && !profile->title.empty() ? profile->title + " (" + profile->id + ")" : unit.profile;
}

std::string percent_text(const Decimal& points, const Decimal& of, Lang lang) {
  if (of == Decimal(0)) {
    return {};
  }
  return format_number(Decimal::mul_div(points, Decimal(100), of, 2), 2, lang) + "%";
}

TextRows field_rows(const Criteria& criteria, const ScoreResult& result, Lang lang) {
  TextRows rows;
  for (const int field : criteria.fields) {
    const Node& node = node_at(criteria, field);
    const NodeResult& scored = result_at(result, field);
    if (scored.applicable_max == Decimal(0)) {
      rows.push_back({node.id, node.title, "", num(criteria, node.max, lang), num(criteria, Decimal(0), lang),
                      std::string(tr(lang, "không áp dụng", "not applicable"))});
    } else {
      rows.push_back({node.id, node.title, num(criteria, scored.points, lang), num(criteria, node.max, lang),
                      num(criteria, scored.applicable_max, lang),
                      percent_text(scored.points, scored.applicable_max, lang)});
    }
  }
  rows.push_back({"", std::string(tr(lang, "Cộng", "Total")), num(criteria, result.earned, lang),
                  num(criteria, criteria.scale, lang), num(criteria, result.applicable_max, lang),
                  percent_text(result.earned, result.applicable_max, lang)});
  return rows;
}

TextRows bonus_penalty_rows(const Criteria& criteria, const ScoreResult& result, Lang lang) {
  TextRows rows;
  for (std::size_t i = 0; i < criteria.nodes.size(); ++i) {
    const Node& node = criteria.nodes[i];
    const NodeResult& scored = result.nodes[i];
    if (node.section == Section::fields || !node.is_leaf() || scored.points == Decimal(0)) {
      continue;
    }
    rows.push_back({std::string(node.section == Section::bonus ? tr(lang, "Điểm thưởng", "Bonus")
                                                               : tr(lang, "Điểm trừ", "Penalty")),
                    node.id, node.title, num(criteria, scored.points, lang)});
  }
  return rows;
}

TextRows not_applicable_rows(const Criteria& criteria, const ScoreResult& result, Lang lang) {
  TextRows rows;
  for (std::size_t i = 0; i < criteria.nodes.size(); ++i) {
    const Node& node = criteria.nodes[i];
    const NodeResult& scored = result.nodes[i];
    if (!scored.na || (node.parent >= 0 && result_at(result, node.parent).na)) {
      continue;
    }
    std::string reason = scored.na_reason;
    if (scored.points != Decimal(0)) {
      reason += tr(lang, " (tính đủ điểm)", " (counted as full points)");
    }
    rows.push_back({node.id, node.title, num(criteria, node.max, lang), reason});
  }
  return rows;
}

std::string deductions_heading(const Criteria& criteria, const ScoreResult& result, Lang lang) {
  const std::vector<Deduction>& deductions = result.deductions;
  if (deductions.empty()) {
    return std::string(tr(lang, "Tiêu chí bị trừ điểm", "Criteria that lost points"));
  }
  Decimal lost;
  for (const Deduction& deduction : deductions) {
    lost += deduction.lost;
  }
  const std::string count = std::to_string(deductions.size());
  return lang == Lang::vi
             ? "Tiêu chí bị trừ điểm (" + count + " tiêu chí, mất " + num(criteria, lost, lang) + " điểm)"
             : "Criteria that lost points (" + count + (deductions.size() == 1 ? " criterion, " : " criteria, ") +
                   num(criteria, lost, lang) + " points lost)";
}

}  // namespace cchc::report
