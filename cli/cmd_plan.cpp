#include "cmd_plan.hpp"

#include <map>
#include <optional>
#include <stdexcept>

#include "app.hpp"
#include "cchc/plan.hpp"
#include "cchc/report/json_writer.hpp"
#include "cchc/report/markdown.hpp"
#include "cchc/report/report.hpp"
#include "cchc/report/table.hpp"
#include "cchc/text.hpp"
#include "choices.hpp"
#include "cmd_rank.hpp"
#include "cmd_score.hpp"
#include "terminal.hpp"

namespace cchc::cli {

using namespace report;  // NOLINT(google-build-using-namespace)

namespace {

std::string words(Lang lang, std::string_view vi, std::string_view en) {
  return std::string(tr(lang, vi, en));
}

void add_format_options(CLI::App* command, Format& format, std::string& output, Lang lang) {
  const std::map<std::string, Format> formats{{"text", Format::text}, {"json", Format::json}, {"md", Format::md}};
  command
      ->add_option("-f,--format", format,
                   words(lang, "Định dạng: text (mặc định), json, md", "Output format: text (default), json, md"))
      ->transform(one_of(formats))
      ->option_text("text|json|md");
  command
      ->add_option("-o,--output", output,
                   words(lang, "Ghi vào tệp FILE (an toàn, không ghi dở) thay vì ra màn hình",
                         "Write to FILE (atomically) instead of stdout"))
      ->option_text("FILE");
}

std::string signed_number(const Decimal& value, int precision, Lang lang) {
  const std::string text = format_number(value, precision, lang);
  return value > Decimal(0) ? "+" + text : text;
}

// ---- plan ---------------------------------------------------------------

// The target of --target-index / --target-grade / --target-rank, checked.
PlanTarget read_target(const PlanArgs& args, const Criteria& criteria, Lang lang) {
  PlanTarget target;
  if (!args.target_index.empty()) {
    target.kind = PlanTarget::Kind::index;
    const std::optional<Decimal> index = Decimal::parse(args.target_index);
    if (!index || *index < Decimal(0) || *index > Decimal(100)) {
      std::string message = words(lang, "--target-index: cần một chỉ số từ 0 đến 100, nhưng gặp \"",
                                  "--target-index: expected an index from 0 to 100, found \"") +
                            args.target_index + "\"";
      if (args.target_index.find(',') != std::string::npos) {
        message += words(lang, " (viết dấu chấm thập phân, ví dụ 85.5)", " (write a decimal point, e.g. 85.5)");
      }
      throw std::runtime_error(message);
    }
    target.index = *index;
  } else if (!args.target_grade.empty()) {
    target.kind = PlanTarget::Kind::grade;
    if (find_invalid_utf8(args.target_grade)) {
      throw std::runtime_error(
          words(lang, "--target-grade: không phải văn bản UTF-8 hợp lệ", "--target-grade: not valid UTF-8 text"));
    }
    // Any case: "tốt", "Tốt" and "TỐT" name the same grade.
    const std::string wanted = to_nfc(args.target_grade);
    std::string known;
    for (const Grade& grade : criteria.grades) {
      if (fold_case(grade.label) == fold_case(wanted)) {
        target.grade = grade.label;
        target.index = grade.min;
        return target;
      }
      known += (known.empty() ? "" : ", ") + grade.label;
    }
    throw std::runtime_error(
        words(lang, "--target-grade: bộ tiêu chí " + criteria.id + " không có xếp loại \"",
              "--target-grade: the criteria " + criteria.id + " have no grade \"") +
        wanted + "\"" +
        (known.empty() ? words(lang, " (bộ này không xếp loại)", " (they have no grades)") : " (" + known + ")"));
  } else {
    target.kind = PlanTarget::Kind::rank;
    target.rank = args.target_rank;
  }
  return target;
}

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

struct PlanReport {
  const ScoredUnit* unit;
  Plan plan;
};

std::string plan_text(const PlanReport& report, Lang lang, bool markdown, std::size_t width) {
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
  out += title + "\n\n" + render_key_values(facts, Style(false), width);
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
    out += "\n" + table.render(Style(false), width);
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

std::string plan_json(const PlanReport& report) {
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

// ---- diff ---------------------------------------------------------------

std::string optional_number(const std::optional<Decimal>& value, int precision, Lang lang) {
  return value ? format_number(*value, precision, lang) : std::string();
}

std::string change_note(const PointsChange& change, Lang lang) {
  switch (change.kind) {
    case PointsChange::Kind::added:
      return words(lang, "mới có trong bộ tiêu chí mới", "new in the newer criteria");
    case PointsChange::Kind::removed:
      return words(lang, "không còn trong bộ tiêu chí mới", "not in the newer criteria");
    case PointsChange::Kind::changed:
      if (!change.old_points || !change.new_points) {
        return words(lang, "không áp dụng ở một năm", "not applicable in one year");
      }
      return {};
  }
  return {};
}

struct DiffReport {
  const ScoredUnit* old_unit;
  const ScoredUnit* new_unit;
  Diff diff;
};

std::string rank_words(const RankChange& rank, Lang lang) {
  std::string out = (rank.old_rank ? std::to_string(*rank.old_rank) : std::string("—")) + " → " +
                    std::to_string(rank.new_rank) + "/" + std::to_string(rank.of);
  if (!rank.total) {
    return out + words(lang, " (không có trong bảng năm trước)", " (not in last year's table)");
  }
  out += " (" + describe_change(rank.old_rank, rank.total, lang) + ")";
  return out;
}

std::string diff_text(const DiffReport& report, Lang lang, bool markdown, std::size_t width) {
  const Diff& diff = report.diff;
  const int precision = std::max(report.old_unit->criteria->precision, report.new_unit->criteria->precision);
  const Evidence& old_evidence = report.old_unit->evidence;
  const Evidence& new_evidence = report.new_unit->evidence;
  const auto num = [&](const Decimal& value) { return format_number(value, precision, lang); };
  const std::string title = words(lang, "Thay đổi kết quả tự đánh giá — ", "What changed — ") + new_evidence.unit.name +
                            ": " + std::to_string(old_evidence.year) + " → " + std::to_string(new_evidence.year);
  std::vector<std::pair<std::string, std::string>> facts{
      {words(lang, "Hồ sơ:", "Evidence:"), old_evidence.path + " → " + new_evidence.path},
      {words(lang, "Bộ tiêu chí:", "Criteria:"), report.old_unit->criteria->id + " → " + report.new_unit->criteria->id},
      {words(lang, "Tổng điểm:", "Points:"), num(diff.old_points) + " → " + num(diff.new_points) + " (" +
                                                 signed_number(diff.new_points - diff.old_points, precision, lang) +
                                                 ")"},
      {words(lang, "Chỉ số:", "Index:"), num(diff.old_index) + "% → " + num(diff.new_index) + "% (" +
                                             signed_number(diff.new_index - diff.old_index, precision, lang) + ")"}};
  if (!diff.old_grade.empty() || !diff.new_grade.empty()) {
    facts.emplace_back(words(lang, "Xếp loại:", "Grade:"), diff.old_grade + " → " + diff.new_grade);
  }
  if (diff.rank) {
    const RankChange& rank = *diff.rank;
    facts.emplace_back(words(lang, "Xếp hạng:", "Rank:"), rank_words(rank, lang));
    if (rank.own) {
      facts.emplace_back(
          words(lang, "Do điểm của đơn vị:", "From our own score:"),
          describe_change(rank.old_rank, rank.own, lang) +
              words(lang, " (hạng " + std::to_string(rank.among_old) + " nếu các đơn vị khác giữ kết quả năm trước)",
                    " (rank " + std::to_string(rank.among_old) + " had the others kept last year's)"));
      facts.emplace_back(words(lang, "Do các đơn vị khác:", "From the other units:"),
                         describe_change(rank.old_rank, rank.peers, lang));
    }
  }

  struct Section {
    std::string heading;
    std::vector<std::string> headers;
    std::vector<bool> right;
    std::vector<std::vector<std::string>> rows;
  };
  std::vector<Section> sections;
  Section fields{words(lang, "Theo lĩnh vực", "By field"),
                 {words(lang, "Mã", "Id"), words(lang, "Lĩnh vực", "Field"), words(lang, "Cũ", "Old"),
                  words(lang, "Mới", "New"), words(lang, "Thay đổi", "Change"), words(lang, "Ghi chú", "Note")},
                 {false, false, true, true, true, false},
                 {}};
  for (const PointsChange& change : diff.fields) {
    fields.rows.push_back({change.id, change.title, optional_number(change.old_points, precision, lang),
                           optional_number(change.new_points, precision, lang),
                           change.delta ? signed_number(*change.delta, precision, lang) : std::string(),
                           change_note(change, lang)});
  }
  sections.push_back(std::move(fields));
  Section items{words(lang, "Tiêu chí có điểm thay đổi", "Criteria whose points changed"),
                {words(lang, "Mã", "Id"), words(lang, "Tiêu chí", "Criterion"), words(lang, "Cũ", "Old"),
                 words(lang, "Mới", "New"), words(lang, "Thay đổi", "Change"), words(lang, "Ghi chú", "Note")},
                {false, false, true, true, true, false},
                {}};
  for (const PointsChange& change : diff.items) {
    items.rows.push_back({change.id, change.title, optional_number(change.old_points, precision, lang),
                          optional_number(change.new_points, precision, lang),
                          change.delta ? signed_number(*change.delta, precision, lang) : std::string(),
                          change_note(change, lang)});
  }
  sections.push_back(std::move(items));
  const auto deductions = [&](std::string heading, const std::vector<DiffDeduction>& list) {
    Section section{std::move(heading),
                    {words(lang, "Mã", "Id"), words(lang, "Tiêu chí", "Criterion"), words(lang, "Mất", "Lost"),
                     words(lang, "Lý do", "Reason")},
                    {false, false, true, false},
                    {}};
    for (const DiffDeduction& deduction : list) {
      section.rows.push_back({deduction.id, deduction.title, num(deduction.lost), reason_text(deduction.reason, lang)});
    }
    sections.push_back(std::move(section));
  };
  deductions(words(lang, "Bị trừ điểm mới", "Deductions that appeared"), diff.appeared);
  deductions(words(lang, "Đã khắc phục (không còn bị trừ điểm)", "Deductions resolved"), diff.resolved);

  std::string out;
  const std::string none = words(lang, "Không có.", "None.");
  if (markdown) {
    out += "# " + md(title) + "\n\n";
    for (const auto& [label, value] : facts) {
      out += "- **" + md(label) + "** " + md(value) + "\n";
    }
    for (Section& section : sections) {
      out += "\n## " + md(section.heading) + "\n\n";
      if (section.rows.empty()) {
        out += md(none) + "\n";
        continue;
      }
      PipeTable table(section.headers, section.right);
      for (std::vector<std::string>& row : section.rows) {
        table.add_row(std::move(row));
      }
      out += table.render();
    }
    return out;
  }
  out += title + "\n\n" + render_key_values(facts, Style(false), width);
  for (Section& section : sections) {
    out += "\n" + section.heading + "\n";
    if (section.rows.empty()) {
      out += " " + none + "\n";
      continue;
    }
    std::vector<Column> columns;
    for (std::size_t i = 0; i < section.headers.size(); ++i) {
      columns.push_back(Column{section.headers[i], section.right[i] ? Align::right : Align::left, i == 1 || i == 5});
    }
    Table table(std::move(columns));
    for (std::vector<std::string>& row : section.rows) {
      table.add_row(std::vector<Cell>(row.begin(), row.end()));
    }
    out += table.render(Style(false), width);
  }
  return out;
}

void changes_json(JsonWriter& json, const std::vector<PointsChange>& changes) {
  json.begin_array();
  for (const PointsChange& change : changes) {
    json.begin_object();
    json.key("id");
    json.string(change.id);
    json.key("title");
    json.string(change.title);
    json.key("old");
    json.number_or_null(change.old_points);
    json.key("new");
    json.number_or_null(change.new_points);
    json.key("delta");
    json.number_or_null(change.delta);
    json.key("change");
    json.string(change.kind == PointsChange::Kind::added     ? "added"
                : change.kind == PointsChange::Kind::removed ? "removed"
                                                             : "changed");
    json.end_object();
  }
  json.end_array();
}

void deductions_json(JsonWriter& json, const std::vector<DiffDeduction>& list) {
  json.begin_array();
  for (const DiffDeduction& deduction : list) {
    json.begin_object();
    json.key("id");
    json.string(deduction.id);
    json.key("title");
    json.string(deduction.title);
    json.key("lost");
    json.number(deduction.lost);
    json.key("reason");
    json.string_or_null(reason_code(deduction.reason));
    json.end_object();
  }
  json.end_array();
}

std::string diff_json(const DiffReport& report) {
  const Diff& diff = report.diff;
  JsonWriter json;
  json.begin_object();
  json.key("cchc");
  json.string("diff/1");
  json.key("unit");
  json.string(report.new_unit->evidence.unit.id);
  const auto side = [&](const char* name, const ScoredUnit& unit) {
    json.key(name);
    json.begin_object();
    json.key("path");
    json.string(unit.evidence.path);
    json.key("criteria");
    json.string(unit.criteria->id);
    json.key("year");
    json.integer(unit.evidence.year);
    json.key("points");
    json.number(unit.result.points);
    json.key("index");
    json.number(unit.result.index);
    json.key("grade");
    json.string_or_null(unit.result.grade);
    json.end_object();
  };
  side("old", *report.old_unit);
  side("new", *report.new_unit);
  json.key("fields");
  changes_json(json, diff.fields);
  json.key("items");
  changes_json(json, diff.items);
  json.key("appeared");
  deductions_json(json, diff.appeared);
  json.key("resolved");
  deductions_json(json, diff.resolved);
  json.key("rank");
  if (diff.rank) {
    const RankChange& rank = *diff.rank;
    json.begin_object();
    json.key("old");
    json.integer_or_null(rank.old_rank);
    json.key("new");
    json.integer(rank.new_rank);
    json.key("of");
    json.integer(rank.of);
    json.key("among_old");
    json.integer(rank.among_old);
    json.key("change");
    json.integer_or_null(rank.total);
    json.key("own");
    json.integer_or_null(rank.own);
    json.key("peers");
    json.integer_or_null(rank.peers);
    json.end_object();
  } else {
    json.null();
  }
  json.end_object();
  return json.take();
}

}  // namespace

CLI::App* add_plan_command(CLI::App& app, PlanArgs& args, Lang lang) {
  CLI::App* command = app.add_subcommand(
      "plan", words(lang, "Chọn các tiêu chí cần khắc phục ít công sức nhất để đạt mục tiêu chỉ số, xếp loại hoặc hạng",
                    "The fixes with the least effort that reach a target index, grade or rank"));
  command->add_option("EVIDENCE", args.evidence, words(lang, "Tệp hồ sơ tự đánh giá", "Evidence file"))->required();
  CLI::Option* index = command
                           ->add_option("--target-index", args.target_index,
                                        words(lang, "Mục tiêu: chỉ số từ X trở lên", "Target: an index of X or more"))
                           ->option_text("X");
  CLI::Option* grade =
      command->add_option("--target-grade", args.target_grade, words(lang, "Mục tiêu: xếp loại G", "Target: grade G"))
          ->option_text("G");
  CLI::Option* rank = command
                          ->add_option("--target-rank", args.target_rank,
                                       words(lang, "Mục tiêu: hạng K trở lên trong bảng --peers",
                                             "Target: rank K or better among --peers"))
                          ->option_text("K")
                          ->check(CLI::PositiveNumber);
  index->excludes(grade)->excludes(rank);
  grade->excludes(rank);
  CLI::Option* peers = command
                           ->add_option("--peers", args.peers,
                                        words(lang, "Bảng kết quả các đơn vị cùng nhóm: thứ hạng dự báo",
                                              "Results table of the peer units: the predicted rank"))
                           ->option_text("TABLE");
  rank->needs(peers);
  command->add_option("-c,--criteria", args.criteria,
                      words(lang, "Bộ tiêu chí: mã hoặc đường dẫn (mặc định: khóa criteria: của tệp hồ sơ)",
                            "Criteria set: an id or a path (default: the file's criteria:)"));
  add_format_options(command, args.format, args.output, lang);
  return command;
}

int run_plan(const PlanArgs& args, const GlobalOptions& global) {
  const Lang lang = global.lang;
  if (args.target_index.empty() && args.target_grade.empty() && args.target_rank == 0) {
    throw std::runtime_error(words(lang, "cần một mục tiêu: --target-index X, --target-grade G hoặc --target-rank K",
                                   "a target is needed: --target-index X, --target-grade G or --target-rank K"));
  }
  UnitLoader loader(args.criteria, lang);
  loader.load(args.evidence);
  const std::optional<ResultsTable> peers = loader.load_rank_tables(args.peers, {}, {}).peers;
  print_diagnostics(loader.diagnostics());
  if (loader.failed()) {
    return k_exit_invalid;
  }
  std::vector<ScoredUnit> units = loader.take_units();
  const ScoredUnit& unit = units.front();
  const PlanTarget target = read_target(args, *unit.criteria, lang);
  const RankInput input{unit.evidence.unit.id, unit.evidence.unit.name, unit.result.index, unit.result.points,
                        unit.result.grade};
  const PlanReport report{&unit, make_plan(*unit.criteria, unit.result, input, target, peers ? &*peers : nullptr)};
  std::string bytes;
  switch (args.format) {
    case Format::json:
      bytes = plan_json(report);
      break;
    case Format::md:
      bytes = plan_text(report, lang, true, 0);
      break;
    default:
      bytes = plan_text(report, lang, false, output_width(!args.output.empty()));
      break;
  }
  write_output(bytes, args.output, loader.inputs(), lang);
  return report.plan.reachable ? k_exit_ok : k_exit_gate_failed;
}

CLI::App* add_diff_command(CLI::App& app, DiffArgs& args, Lang lang) {
  CLI::App* command = app.add_subcommand(
      "diff", words(lang, "So sánh hai hồ sơ của một đơn vị (hai năm): điểm theo lĩnh vực, tiêu chí, thứ hạng",
                    "Compare two evidence files of one unit (two years): points by field and criterion, the rank"));
  command->add_option("OLD", args.old_evidence, words(lang, "Hồ sơ cũ (năm trước)", "The older evidence file"))
      ->required();
  command->add_option("NEW", args.new_evidence, words(lang, "Hồ sơ mới (năm nay)", "The newer evidence file"))
      ->required();
  CLI::Option* peers = command
                           ->add_option("--peers", args.peers,
                                        words(lang, "Bảng kết quả năm nay của các đơn vị cùng nhóm",
                                              "This year's results table of the peer units"))
                           ->option_text("NEW_TABLE");
  CLI::Option* baseline = command
                              ->add_option("--baseline", args.baseline,
                                           words(lang, "Bảng kết quả năm trước: tách thay đổi thứ hạng",
                                                 "Last year's results table: split the rank change"))
                              ->option_text("OLD_TABLE");
  peers->needs(baseline);
  baseline->needs(peers);
  command->add_option("-c,--criteria", args.criteria,
                      words(lang, "Chấm cả hai hồ sơ theo bộ tiêu chí này (mặc định: khóa criteria: của từng tệp)",
                            "Score both files against this criteria set (default: each file's criteria:)"));
  command
      ->add_option("--alias", args.aliases,
                   words(lang, "Đơn vị đổi tên hoặc sáp nhập: mã năm trước=mã năm nay (lặp lại được)",
                         "A unit renamed or merged since the baseline: OLD=NEW (repeatable)"))
      ->option_text("OLD=NEW")
      ->allow_extra_args(false)
      ->needs(baseline);
  add_format_options(command, args.format, args.output, lang);
  return command;
}

int run_diff(const DiffArgs& args, const GlobalOptions& global) {
  const Lang lang = global.lang;
  UnitLoader loader(args.criteria, lang);
  loader.load(args.old_evidence);
  loader.load(args.new_evidence);
  auto [peers, baseline, aliases] = loader.load_rank_tables(args.peers, args.baseline, args.aliases);
  print_diagnostics(loader.diagnostics());
  if (loader.failed()) {
    return k_exit_invalid;
  }
  std::vector<ScoredUnit> units = loader.take_units();
  const ScoredUnit& old_unit = units[0];
  const ScoredUnit& new_unit = units[1];
  if (old_unit.evidence.unit.id != new_unit.evidence.unit.id) {
    print_notes(
        {"cchc: warning: " + (lang == Lang::vi ? "hai hồ sơ của hai đơn vị khác nhau: " + old_unit.evidence.unit.id +
                                                     " và " + new_unit.evidence.unit.id
                                               : "the files are of two different units: " + old_unit.evidence.unit.id +
                                                     " and " + new_unit.evidence.unit.id)});
  }
  const DiffReport report{&old_unit, &new_unit,
                          make_diff({old_unit.criteria, &old_unit.evidence, &old_unit.result},
                                    {new_unit.criteria, &new_unit.evidence, &new_unit.result},
                                    peers ? &*peers : nullptr, baseline ? &*baseline : nullptr, aliases)};
  std::string bytes;
  switch (args.format) {
    case Format::json:
      bytes = diff_json(report);
      break;
    case Format::md:
      bytes = diff_text(report, lang, true, 0);
      break;
    default:
      bytes = diff_text(report, lang, false, output_width(!args.output.empty()));
      break;
  }
  write_output(bytes, args.output, loader.inputs(), lang);
  return k_exit_ok;
}

}  // namespace cchc::cli
