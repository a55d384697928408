#include "cchc/report/csv.hpp"

#include <map>

namespace cchc::report {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_header =
    "unit,criteria,id,title,field,max,points,status,reason,lost,source,self_score,appraised,"
    "detail";

std::string quoted(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
  return out;
}

// A number: never neutralised, so a spreadsheet still reads it as a number.
std::string csv_number(const Decimal& value, int precision) {
  return machine_number(value, precision);
}

std::string csv_optional(const std::optional<Decimal>& value, int precision) {
  return value ? csv_number(*value, precision) : std::string();
}

}  // namespace

std::string csv_text(std::string_view text) {
  if (!text.empty() &&
      (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r')) {
    return quoted(std::string("'").append(text));
  }
  return quoted(text);
}

std::string render_score_csv(const std::vector<ScoredUnit>& units) {
  std::string out(k_bom);
  out += k_header;
  out += "\r\n";
  for (const ScoredUnit& unit : units) {
    const Criteria& criteria = *unit.criteria;
    const ScoreResult& result = unit.result;
    const int precision = criteria.precision;
    std::map<int, const Deduction*> deduction_of;
    for (const Deduction& deduction : result.deductions) {
      deduction_of[deduction.node] = &deduction;
    }
    for (const int leaf : leaves_of(criteria)) {
      const Node& node = node_at(criteria, leaf);
      const NodeResult& node_result = result_at(result, leaf);
      std::string field;
      switch (node.section) {
        case Section::fields:
          field = node_at(criteria, top_level_of(criteria, leaf)).id;
          break;
        case Section::bonus:
          field = "bonus";
          break;
        case Section::penalty:
          field = "penalty";
          break;
      }
      const auto deduction = deduction_of.find(leaf);
      const bool lost = deduction != deduction_of.end();
      const std::string& detail = lost ? deduction->second->detail : node_result.detail;

      out += csv_text(unit.evidence.unit.id);
      out += ',';
      out += csv_text(criteria.id);
      out += ',';
      out += csv_text(node.id);
      out += ',';
      out += csv_text(node.title);
      out += ',';
      out += csv_text(field);
      out += ',';
      out += csv_number(node.max, precision);
      out += ',';
      out += csv_number(node_result.points, precision);
      out += ',';
      out += csv_text(status_code(node_result.status));
      out += ',';
      out += node_result.reason == Reason::none ? std::string() : csv_text(reason_code(node_result.reason));
      out += ',';
      out += lost ? csv_number(deduction->second->lost, precision) : std::string();
      out += ',';
      out += csv_text(source_code(node_result.source));
      out += ',';
      out += csv_optional(node_result.self_score, precision);
      out += ',';
      out += csv_optional(node_result.appraised, precision);
      out += ',';
      out += csv_text(detail);
      out += "\r\n";
    }
  }
  return out;
}

std::string render_ranking_csv(const RankingReport& report) {
  const int precision = report.decimals;
  std::string out(k_bom);
  // `year` keeps the ranking's year when the CSV is read back as a baseline.
  const std::string year = report.year ? std::to_string(*report.year) : std::string();
  out += "rank,unit,name,points,index,grade,year,previous,change\r\n";
  for (const RankedUnit& ranked : report.units) {
    const RankInput& unit = ranked.unit;
    out += std::to_string(ranked.position);
    out += ',';
    out += csv_text(unit.unit);
    out += ',';
    out += csv_text(unit.name);
    out += ',';
    out += csv_optional(unit.points, precision);
    out += ',';
    out += csv_number(unit.index, precision);
    out += ',';
    out += csv_text(unit.grade);
    out += ',';
    out += year;
    out += ',';
    out += ranked.previous ? std::to_string(*ranked.previous) : std::string();
    out += ',';
    out += ranked.change ? std::to_string(*ranked.change) : std::string();
    out += "\r\n";
  }
  return out;
}

}  // namespace cchc::report
