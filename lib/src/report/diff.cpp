#include "cchc/report/diff.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "cchc/report/json_writer.hpp"
#include "cchc/report/markdown.hpp"
#include "cchc/report/table.hpp"

namespace cchc::report {

namespace {

std::string signed_number(const Decimal& value, int precision, Lang lang) {
  const std::string text = format_number(value, precision, lang);
  return value > Decimal(0) ? "+" + text : text;
}

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

std::string rank_words(const RankChange& rank, Lang lang) {
  std::string out = (rank.old_rank ? std::to_string(*rank.old_rank) : std::string("—")) + " → " +
                    std::to_string(rank.new_rank) + "/" + std::to_string(rank.of);
  if (!rank.total) {
    return out + words(lang, " (không có trong bảng năm trước)", " (not in last year's table)");
  }
  out += " (" + describe_change(rank.old_rank, rank.total, lang) + ")";
  return out;
}

std::string diff_text(const DiffReport& report, Lang lang, bool markdown, const Style& style, std::size_t width) {
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
  out += visible_text(title) + "\n\n" + render_key_values(facts, style, width);
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
    out += table.render(style, width);
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

}  // namespace

std::string render_diff_text(const DiffReport& report, const RenderOptions& options) {
  return diff_text(report, options.lang, false, options.style, options.width);
}

std::string render_diff_md(const DiffReport& report, const RenderOptions& options) {
  return diff_text(report, options.lang, true, options.style, 0);
}

std::string render_diff_json(const DiffReport& report) {
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

}  // namespace cchc::report
