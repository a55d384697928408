#include "cchc/report/plan.hpp"

#include <optional>
#include <utility>
#include <vector>

#include "cchc/report/json_writer.hpp"
#include "cchc/report/markdown.hpp"
#include "cchc/report/table.hpp"

namespace cchc::report {

namespace {

std::string target_words(const PlanTarget& target, int precision, Lang lang) {
  switch (target.kind) {
    case PlanTarget::Kind::index:
      return words(lang, "chỉ số từ ", "an index of ") + format_number(target.index, precision, lang) +
             words(lang, "% trở lên", "% or more");
    case PlanTarget::Kind::grade:
      return words(lang, "xếp loại ", "grade ") + target.grade + " (" + words(lang, "chỉ số từ ", "index from ") +
             format_number_short(target.index, lang) + "%)";
    case PlanTarget::Kind::rank:
      return words(lang, "hạng ", "rank ") + std::to_string(target.rank) + words(lang, " trở lên", " or better");
  }
  return {};
}

std::string projection_words(const Projection& projection, int precision, Lang lang) {
  std::string out = format_number(projection.points, precision, lang) +
                    words(lang, " điểm, chỉ số ", " points, index ") +
                    format_number(projection.index, precision, lang) + "%";
  if (!projection.grade.empty()) {
    out += ", " + projection.grade;
  }
  if (projection.rank) {
    out += words(lang, ", hạng ", ", rank ") + std::to_string(*projection.rank);
  }
  return out;
}

std::string plan_text(const PlanReport& report, Lang lang, bool markdown, const Style& style, std::size_t width) {
  const Criteria& criteria = *report.unit->criteria;
  const Plan& plan = report.plan;
  const int precision = criteria.precision;
  const Evidence& evidence = report.unit->evidence;
  const std::string title = words(lang, "Kế hoạch khắc phục để đạt ", "Plan to reach ") +
                            target_words(plan.target, precision, lang) + " — " + evidence.unit.name + " (" +
                            std::to_string(evidence.year) + ")";
  std::vector<std::pair<std::string, std::string>> facts{
      {words(lang, "Hiện tại:", "Now:"), projection_words(plan.now, precision, lang)}};
  std::string verdict;
  if (plan.reachable && plan.fixes.empty()) {
    verdict =
        words(lang, "Đã đạt mục tiêu: không cần khắc phục tiêu chí nào.", "The target is met already: nothing to fix.");
  } else if (plan.reachable) {
    facts.emplace_back(words(lang, "Cần thêm:", "Needed:"),
                       format_number(plan.needed, precision, lang) + words(lang, " điểm", " points"));
    facts.emplace_back(words(lang, "Khắc phục:", "Fixes:"),
                       std::to_string(plan.fixes.size()) +
                           words(lang, " tiêu chí, tổng công sức ", " criteria, total effort ") +
                           format_number_short(plan.effort, lang));
  } else {
    verdict = words(lang, "Không đạt được mục tiêu, kể cả khi khắc phục mọi tiêu chí bị trừ điểm; tốt nhất có thể: ",
                    "The target is out of reach even with every deduction fixed; the best there is: ") +
              projection_words(plan.projected, precision, lang) + ".";
  }
  facts.emplace_back(words(lang, "Sau khắc phục:", "After:"), projection_words(plan.projected, precision, lang));

  std::vector<std::string> headers{
      words(lang, "TT", "No."),           words(lang, "Mã", "Id"),           words(lang, "Tiêu chí", "Criterion"),
      words(lang, "Lấy lại", "Recovers"), words(lang, "Công sức", "Effort"), words(lang, "Điểm", "Points"),
      words(lang, "Chỉ số", "Index")};
  const bool ranks = plan.now.rank.has_value();
  if (ranks) {
    headers.push_back(words(lang, "Hạng", "Rank"));
  }
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < plan.fixes.size(); ++i) {
    const PlannedFix& fix = plan.fixes[i];
    const Node& node = criteria.nodes[static_cast<std::size_t>(fix.node)];
    std::vector<std::string> row{std::to_string(i + 1),
                                 node.id,
                                 node.title,
                                 format_number(fix.lost, precision, lang),
                                 format_number_short(fix.effort, lang),
                                 format_number(fix.after.points, precision, lang),
                                 format_number(fix.after.index, precision, lang) + "%"};
    if (ranks) {
      row.push_back(std::to_string(*fix.after.rank));
    }
    rows.push_back(std::move(row));
  }

  std::string out;
  if (markdown) {
    out += "# " + md(title) + "\n\n";
    for (const auto& [label, value] : facts) {
      out += "- **" + md(label) + "** " + md(value) + "\n";
    }
    if (!verdict.empty()) {
      out += "\n" + md(verdict) + "\n";
    }
    if (!rows.empty()) {
      std::vector<bool> right{true, false, false, true, true, true, true};
      if (ranks) {
        right.push_back(true);
      }
      PipeTable table(headers, right);
      for (std::vector<std::string>& row : rows) {
        table.add_row(std::move(row));
      }
      out += "\n" + table.render();
    }
    return out;
  }
  out += visible_text(title) + "\n\n" + render_key_values(facts, style, width);
  if (!verdict.empty()) {
    out += "\n" + verdict + "\n";
  }
  if (!rows.empty()) {
    std::vector<Column> columns{{headers[0], Align::right},      {headers[1]},
                                {headers[2], Align::left, true}, {headers[3], Align::right},
                                {headers[4], Align::right},      {headers[5], Align::right},
                                {headers[6], Align::right}};
    if (ranks) {
      columns.push_back({headers[7], Align::right});
    }
    Table table(std::move(columns));
    for (std::vector<std::string>& row : rows) {
      std::vector<Cell> cells(row.begin(), row.end());
      table.add_row(std::move(cells));
    }
    out += "\n" + table.render(style, width);
  }
  return out;
}

void projection_json(JsonWriter& json, const Projection& projection) {
  json.begin_object();
  json.key("points");
  json.number(projection.points);
  json.key("index");
  json.number(projection.index);
  json.key("grade");
  json.string_or_null(projection.grade);
  json.key("rank");
  json.integer_or_null(projection.rank);
  json.end_object();
}

}  // namespace

std::string render_plan_text(const PlanReport& report, const RenderOptions& options) {
  return plan_text(report, options.lang, false, options.style, options.width);
}

std::string render_plan_md(const PlanReport& report, const RenderOptions& options) {
  return plan_text(report, options.lang, true, options.style, 0);
}

std::string render_plan_json(const PlanReport& report) {
  const Criteria& criteria = *report.unit->criteria;
  const Plan& plan = report.plan;
  JsonWriter json;
  json.begin_object();
  json.key("cchc");
  json.string("plan/1");
  json.key("unit");
  json.string(report.unit->evidence.unit.id);
  json.key("target");
  json.begin_object();
  json.key("kind");
  json.string(plan.target.kind == PlanTarget::Kind::index   ? "index"
              : plan.target.kind == PlanTarget::Kind::grade ? "grade"
                                                            : "rank");
  json.key("index");
  if (plan.target.kind == PlanTarget::Kind::rank) {
    json.null();
  } else {
    json.number(plan.target.index);
  }
  json.key("grade");
  json.string_or_null(plan.target.grade);
  json.key("rank");
  json.integer_or_null(plan.target.kind == PlanTarget::Kind::rank ? std::optional<int>(plan.target.rank)
                                                                  : std::nullopt);
  json.end_object();
  json.key("reachable");
  json.boolean(plan.reachable);
  json.key("now");
  projection_json(json, plan.now);
  json.key("needed");
  json.number_or_null(plan.reachable ? std::optional<Decimal>(plan.needed) : std::nullopt);
  json.key("fixes");
  json.begin_array();
  for (const PlannedFix& fix : plan.fixes) {
    const Node& node = criteria.nodes[static_cast<std::size_t>(fix.node)];
    json.begin_object();
    json.key("id");
    json.string(node.id);
    json.key("title");
    json.string(node.title);
    json.key("lost");
    json.number(fix.lost);
    json.key("effort");
    json.number(fix.effort);
    json.end_object();
  }
  json.end_array();
  json.key("effort");
  json.number(plan.effort);
  json.key("projected");
  projection_json(json, plan.projected);
  json.end_object();
  return json.take();
}

}  // namespace cchc::report
