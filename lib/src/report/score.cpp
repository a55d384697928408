#include "cchc/report/score.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "cchc/checklist.hpp"
#include "cchc/describe.hpp"
#include "cchc/report/csv.hpp"
#include "cchc/report/json_writer.hpp"
#include "cchc/report/markdown.hpp"
#include "cchc/report/table.hpp"
#include "cchc/text.hpp"
#include "cchc/version.hpp"
#include "html_page.hpp"

namespace cchc::report {

namespace {

// The header row of the score CSV.
constexpr std::string_view k_csv_header =
    "unit,criteria,id,title,field,max,points,status,reason,lost,source,self_score,appraised,"
    "detail";

// The rows of a score report's tables as plain text, shared by the Markdown
// and HTML reports (each escapes and lays them out its own way).
using TextRows = std::vector<std::vector<std::string>>;

std::string num(const Criteria& criteria, const Decimal& value, Lang lang) {
  return format_number(value, criteria.precision, lang);
}

// "Kết quả tự đánh giá Chỉ số cải cách hành chính năm 2021" / "Administrative
// reform index (PAR Index) self-assessment, 2021".
std::string score_title(const Evidence& evidence, Lang lang) {
  return std::string(tr(lang, "Kết quả tự đánh giá Chỉ số cải cách hành chính năm ",
                        "Administrative reform index (PAR Index) self-assessment, ")) +
         std::to_string(evidence.year);
}

// "Sở Y tế (so-y-te)"; the id alone when the name is the id.
std::string unit_label(const Unit& unit) {
  return unit.id == unit.name ? unit.name : unit.name + " (" + unit.id + ")";
}

// The unit's profile: "Title (id)", or its id when the criteria give no title.
std::string profile_label(const Criteria& criteria, const Unit& unit) {
  const Profile* profile = criteria.find_profile(unit.profile);
  return profile != nullptr && !profile->title.empty() ? profile->title + " (" + profile->id + ")" : unit.profile;
}

// A rate for people, "87,85%"; "" when `of` is 0.
std::string percent_text(const Decimal& points, const Decimal& of, Lang lang) {
  if (of == Decimal(0)) {
    return {};
  }
  return format_number(Decimal::mul_div(points, Decimal(100), of, 2), 2, lang) + "%";
}

// One row per field: id, title, points ("" when not applicable), max,
// applicable max, rate ("không áp dụng" / "not applicable" when the field is
// not); then the total row (id "").
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

// The bonus and penalty items that earned points: kind, id, title, points.
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

// The criteria not applicable (those under a criterion that is not
// applicable are left out): id, title, max, reason.
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

// "Tiêu chí bị trừ điểm (3 tiêu chí, mất 1,250 điểm)" / "Criteria that lost
// points (3 criteria, 1.250 points lost)"; without the parenthesis when none.
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

// "4 tiêu chí (10,00 điểm)" / "4 criteria (10.00 points)": the applicable
// leaves not declared yet (SPEC §5.1); empty when every one is declared.
std::string undeclared_text(const Criteria& criteria, const ScoreResult& result, Lang lang) {
  if (result.undeclared_count == 0) {
    return {};
  }
  const std::string count = std::to_string(result.undeclared_count);
  const std::string points = num(criteria, result.undeclared_points, lang);
  return lang == Lang::vi
             ? count + " tiêu chí (" + points + " điểm)"
             : count + (result.undeclared_count == 1 ? " criterion (" : " criteria (") + points + " points)";
}

// --- text --------------------------------------------------------------------

// Text padded to `width` display columns, then styled (so escape codes never
// count towards the width).
std::string padded(const Style& style, Tone tone, std::string_view text, std::size_t width) {
  const std::size_t w = display_width(text);
  std::string out = style.apply(tone, text);
  if (w < width) {
    out.append(width - w, ' ');
  }
  return out;
}

class ScoreTextReport {
 public:
  ScoreTextReport(const ScoredUnit& unit, const RenderOptions& options)
      : m_unit(unit),
        m_criteria(*unit.criteria),
        m_result(unit.result),
        m_lang(options.lang),
        m_style(options.style),
        m_width(options.width) {}

  std::string render() {
    summary();
    fields();
    methods();
    bonus_and_penalty();
    deductions();
    not_applicable();
    warnings();
    return std::move(m_out);
  }

 private:
  std::string num(const Decimal& value) const { return format_number(value, m_criteria.precision, m_lang); }
  std::string short_num(const Decimal& value) const { return format_number_short(value, m_lang); }
  std::string t(std::string_view vi, std::string_view en) const { return words(m_lang, vi, en); }

  void heading(const std::string& text, Tone tone = Tone::bold) {
    m_out += '\n';
    m_out += m_style.apply(tone, text);
    m_out += '\n';
  }

  void summary() {
    const Evidence& evidence = m_unit.evidence;
    m_out += m_style.bold(t("KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ",
                            "ADMINISTRATIVE REFORM INDEX (PAR INDEX) SELF-ASSESSMENT, ") +
                          std::to_string(evidence.year));
    m_out += '\n';

    std::vector<std::pair<std::string, std::string>> about;
    about.emplace_back(t("Đơn vị:", "Unit:"), unit_label(evidence.unit));
    if (!evidence.unit.profile.empty()) {
      about.emplace_back(t("Loại đơn vị:", "Profile:"), profile_label(m_criteria, evidence.unit));
    }
    about.emplace_back(t("Bộ tiêu chí:", "Criteria:"), m_criteria.id + " — " + m_criteria.title);
    about.emplace_back(t("Hồ sơ:", "Evidence:"), evidence.path);

    const std::string total_label = t("Tổng điểm:", "Total:");
    const std::string index_label = t("Chỉ số CCHC:", "PAR Index:");
    const std::string bonus_label = t("Điểm thưởng:", "Bonus:");
    const std::string undeclared_label = t("Chưa kê khai:", "Not declared:");
    std::size_t label_width =
        std::max({display_width(total_label), display_width(index_label), display_width(bonus_label)});
    for (const auto& [label, value] : about) {
      label_width = std::max(label_width, display_width(label));
    }
    label_width += 2;  // "Chưa kê khai:" (13 columns) fits in it too
    m_out += render_key_values(about, m_style, m_width, label_width - 2);
    m_out += '\n';

    // Tổng điểm:    85,250 / 100 điểm (điểm tối đa áp dụng: 100)
    m_out += pad_right(total_label, label_width);
    m_out += m_style.bold(num(m_result.points));
    m_out += t(" / ", " / ") + short_num(m_criteria.scale) + t(" điểm", " points");
    m_out += t(" (điểm tối đa áp dụng: ", " (applicable maximum: ") + short_num(m_result.applicable_max) + ")\n";

    // Chỉ số CCHC:  85,250%   Xếp loại: Tốt
    // Điểm thưởng:  0,500     Điểm trừ: 0,250     Tỷ lệ tiêu chí áp dụng: 100%
    const std::string index = num(m_result.index) + "%";
    std::vector<std::pair<std::string, std::string>> extras;
    if (m_criteria.bonus) {
      extras.emplace_back(bonus_label, num(m_result.bonus));
    }
    if (m_criteria.penalty) {
      extras.emplace_back(t("Điểm trừ:", "Penalty:"), num(m_result.penalty));
    }
    extras.emplace_back(t("Tỷ lệ tiêu chí áp dụng:", "Coverage:"), short_num(m_result.coverage) + "%");
    std::size_t value_width = display_width(index);
    if (extras.size() > 1) {
      value_width = std::max(value_width, display_width(extras[0].second));
    }
    value_width += 3;

    m_out += pad_right(index_label, label_width);
    if (m_criteria.grades.empty()) {
      m_out += m_style.bold(index);
    } else {
      m_out += padded(m_style, Tone::bold, index, value_width);
      m_out += t("Xếp loại: ", "Grade: ");
      m_out += m_result.grade.empty() ? t("chưa xếp loại", "none") : m_style.bold(m_result.grade);
    }
    m_out += '\n';
    // Xếp hạng:     Xếp thứ 3/20, giữ nguyên vị thứ so với năm 2020
    if (m_unit.rank) {
      m_out += pad_right(t("Xếp hạng:", "Rank:"), label_width);
      m_out += describe_rank(*m_unit.rank, m_lang);
      m_out += '\n';
    }
    if (extras.size() == 1) {
      m_out += extras[0].first + " " + extras[0].second + "\n";
    } else {
      m_out += pad_right(extras[0].first, label_width);
      m_out += padded(m_style, Tone::plain, extras[0].second, value_width);
      for (std::size_t i = 1; i < extras.size(); ++i) {
        m_out += extras[i].first + " " + extras[i].second;
        m_out += i + 1 < extras.size() ? "     " : "\n";
      }
    }
    // Chưa kê khai: 4 tiêu chí (10,00 điểm)
    const std::string undeclared = undeclared_text(m_criteria, m_result, m_lang);
    if (!undeclared.empty()) {
      m_out += pad_right(undeclared_label, std::max(label_width, display_width(undeclared_label) + 1));
      m_out += m_style.apply(Tone::yellow, undeclared);
      m_out += '\n';
    }
  }

  void fields() {
    bool partly_applicable = false;
    for (const int field : m_criteria.fields) {
      const NodeResult& result = result_at(m_result, field);
      if (result.applicable_max != Decimal(0) && result.applicable_max != node_at(m_criteria, field).max) {
        partly_applicable = true;
      }
    }
    std::vector<Column> columns{{t("Mã", "Id")},
                                {t("Lĩnh vực", "Field"), Align::left, true},
                                {t("Điểm", "Points"), Align::right},
                                {t("Tối đa", "Max"), Align::right}};
    if (partly_applicable) {
      columns.push_back({t("Áp dụng", "Applicable"), Align::right});
    }
    columns.push_back({t("Tỷ lệ", "Rate"), Align::right});
    Table table(columns);
    for (const int field : m_criteria.fields) {
      const Node& node = node_at(m_criteria, field);
      const NodeResult& result = result_at(m_result, field);
      std::vector<Cell> row{Cell(node.id), Cell(node.title)};
      if (result.applicable_max == Decimal(0)) {
        row.emplace_back("");
        row.emplace_back(num(node.max));
        if (partly_applicable) {
          row.emplace_back("");
        }
        row.emplace_back(t("không áp dụng", "not applicable"));
      } else {
        row.emplace_back(num(result.points), result.points < result.applicable_max ? Tone::plain : Tone::green);
        row.emplace_back(num(node.max));
        if (partly_applicable) {
          row.emplace_back(num(result.applicable_max));
        }
        row.emplace_back(percent_text(result.points, result.applicable_max, m_lang));
      }
      table.add_row(std::move(row));
    }
    std::vector<Cell> total{Cell(""), Cell(t("Cộng", "Total"), Tone::bold), Cell(num(m_result.earned), Tone::bold),
                            Cell(num(m_criteria.scale))};
    if (partly_applicable) {
      total.emplace_back(num(m_result.applicable_max));
    }
    total.emplace_back(percent_text(m_result.earned, m_result.applicable_max, m_lang));
    table.add_row(std::move(total));
    heading(t("KẾT QUẢ THEO LĨNH VỰC", "RESULTS BY FIELD"));
    m_out += table.render(m_style, m_width);
  }

  void methods() {
    int used = 0;
    for (const MethodTotal& total : m_result.by_method) {
      if (total.applicable_max != Decimal(0)) {
        ++used;
      }
    }
    if (used < 2) {
      return;
    }
    Table table({{t("Phương thức", "Method")},
                 {t("Điểm", "Points"), Align::right},
                 {t("Tối đa áp dụng", "Applicable max"), Align::right},
                 {t("Tỷ lệ", "Rate"), Align::right}});
    for (std::size_t m = 0; m < m_result.by_method.size(); ++m) {
      const MethodTotal& total = m_result.by_method[m];
      if (total.applicable_max == Decimal(0)) {
        continue;
      }
      table.add_row({Cell(method_text(static_cast<Method>(m), m_lang)), Cell(num(total.points)),
                     Cell(num(total.applicable_max)), Cell(percent_text(total.points, total.applicable_max, m_lang))});
    }
    heading(t("KẾT QUẢ THEO PHƯƠNG THỨC ĐÁNH GIÁ", "RESULTS BY ASSESSMENT METHOD"));
    m_out += table.render(m_style, m_width);
  }

  // Bonus and penalty items that earned points, one table for each section.
  void bonus_and_penalty() {
    auto section = [&](const std::optional<CappedSection>& capped, Section which, const Decimal& total,
                       std::string_view vi, std::string_view en) {
      if (!capped) {
        return;
      }
      Table table({{t("Mã", "Id")}, {t("Nội dung", "Item"), Align::left, true}, {t("Điểm", "Points"), Align::right}});
      for (std::size_t i = 0; i < m_criteria.nodes.size(); ++i) {
        const Node& node = m_criteria.nodes[i];
        const NodeResult& result = m_result.nodes[i];
        if (node.section == which && node.is_leaf() && result.points != Decimal(0)) {
          table.add_row({Cell(node.id), Cell(node.title),
                         Cell(num(result.points), which == Section::penalty ? Tone::red : Tone::green)});
        }
      }
      if (table.empty()) {
        return;
      }
      heading(t(vi, en) + " (" + num(total) + t(", tối đa ", ", at most ") + short_num(capped->max) + ")");
      m_out += table.render(m_style, m_width);
    };
    section(m_criteria.bonus, Section::bonus, m_result.bonus, "ĐIỂM THƯỞNG", "BONUS POINTS");
    section(m_criteria.penalty, Section::penalty, m_result.penalty, "ĐIỂM TRỪ", "PENALTY POINTS");
  }

  void deductions() {
    const std::vector<Deduction>& deductions = m_result.deductions;
    if (deductions.empty()) {
      heading(t("TIÊU CHÍ BỊ TRỪ ĐIỂM", "CRITERIA THAT LOST POINTS"));
      m_out += t(" Không có: mọi tiêu chí áp dụng đều đạt điểm tối đa.\n",
                 " None: every applicable criterion earned its maximum.\n");
      return;
    }
    Decimal lost;
    for (const Deduction& deduction : deductions) {
      lost += deduction.lost;
    }
    const std::string count = std::to_string(deductions.size());
    heading(m_lang == Lang::vi
                ? "TIÊU CHÍ BỊ TRỪ ĐIỂM (" + count + " tiêu chí, mất " + num(lost) + " điểm)"
                : "CRITERIA THAT LOST POINTS (" + count + (deductions.size() == 1 ? " criterion, " : " criteria, ") +
                      num(lost) + " points lost)");
    Table table({{t("Mã", "Id")},
                 {t("Tiêu chí", "Criterion"), Align::left, true},
                 {t("Mất", "Lost"), Align::right},
                 {t("Lý do", "Reason"), Align::left, true},
                 {t("Chi tiết", "Detail"), Align::left, true}});
    for (const Deduction& deduction : deductions) {
      const Node& node = node_at(m_criteria, deduction.node);
      table.add_row({Cell(node.id), Cell(node.title), Cell(num(deduction.lost), Tone::red),
                     Cell(reason_text(deduction.reason, m_lang)), Cell(deduction.detail)});
    }
    m_out += table.render(m_style, m_width);
  }

  void not_applicable() {
    Table table({{t("Mã", "Id")},
                 {t("Tiêu chí", "Criterion"), Align::left, true},
                 {t("Tối đa", "Max"), Align::right},
                 {t("Lý do", "Reason"), Align::left, true}});
    std::size_t count = 0;
    for (std::size_t i = 0; i < m_criteria.nodes.size(); ++i) {
      const Node& node = m_criteria.nodes[i];
      const NodeResult& result = m_result.nodes[i];
      const bool parent_na = node.parent >= 0 && result_at(m_result, node.parent).na;
      if (!result.na || parent_na) {
        continue;
      }
      ++count;
      std::string reason = result.na_reason;
      if (result.points != Decimal(0)) {
        reason += t(" (tính đủ điểm)", " (counted as full points)");
      }
      table.add_row({Cell(node.id), Cell(node.title), Cell(num(node.max)), Cell(reason)});
    }
    if (count == 0) {
      return;
    }
    heading(t("TIÊU CHÍ KHÔNG ÁP DỤNG (", "NOT APPLICABLE (") + std::to_string(count) + ")");
    m_out += table.render(m_style, m_width);
  }

  void warnings() {
    const std::vector<Diagnostic>& warnings = m_unit.warnings();
    if (warnings.empty()) {
      return;
    }
    heading(t("CẢNH BÁO (", "WARNINGS (") + std::to_string(warnings.size()) + ")", Tone::yellow);
    Table table({{t("Mã", "Id")}, {t("Nội dung", "Message"), Align::left, true}});
    for (const Diagnostic& warning : summarise_warnings(warnings, m_lang)) {
      table.add_row({Cell(warning.subject), Cell(warning.message)});
    }
    m_out += table.render(m_style, m_width);
  }

  const ScoredUnit& m_unit;
  const Criteria& m_criteria;
  const ScoreResult& m_result;
  Lang m_lang;
  const Style& m_style;
  std::size_t m_width;
  std::string m_out;
};

// --- Markdown ----------------------------------------------------------------

class ScoreMarkdown {
 public:
  ScoreMarkdown(const ScoredUnit& unit, Lang lang)
      : m_unit(unit), m_criteria(*unit.criteria), m_result(unit.result), m_lang(lang) {}

  std::string render() {
    summary();
    fields();
    methods();
    bonus_and_penalty();
    deductions();
    not_applicable();
    warnings();
    return std::move(m_out);
  }

 private:
  std::string t(std::string_view vi, std::string_view en) const { return std::string(tr(m_lang, vi, en)); }
  std::string num(const Decimal& value) const { return format_number(value, m_criteria.precision, m_lang); }
  std::string short_num(const Decimal& value) const { return format_number_short(value, m_lang); }

  void heading(const std::string& text) { m_out += "\n## " + md(text) + "\n\n"; }
  void item(const std::string& label, const std::string& value_md) {
    m_out += "- **" + md(label) + "** " + value_md + "\n";
  }

  void summary() {
    const Evidence& evidence = m_unit.evidence;
    m_out += "# " + md(score_title(evidence, m_lang)) + "\n\n";
    item(t("Đơn vị:", "Unit:"), md(unit_label(evidence.unit)));
    if (!evidence.unit.profile.empty()) {
      item(t("Loại đơn vị:", "Profile:"), md(profile_label(m_criteria, evidence.unit)));
    }
    item(t("Bộ tiêu chí:", "Criteria:"), md(m_criteria.id + " — " + m_criteria.title));
    item(t("Hồ sơ:", "Evidence:"), md(evidence.path));
    item(t("Tổng điểm:", "Total:"), "**" + md(num(m_result.points)) + "** / " + md(short_num(m_criteria.scale)) +
                                        md(t(" điểm (điểm tối đa áp dụng: ", " points (applicable maximum: ") +
                                           short_num(m_result.applicable_max) + ")"));
    item(t("Chỉ số CCHC:", "PAR Index:"), "**" + md(num(m_result.index) + "%") + "**");
    if (!m_criteria.grades.empty()) {
      item(t("Xếp loại:", "Grade:"),
           m_result.grade.empty() ? md(t("chưa xếp loại", "none")) : "**" + md(m_result.grade) + "**");
    }
    if (m_unit.rank) {
      item(t("Xếp hạng:", "Rank:"), md(describe_rank(*m_unit.rank, m_lang)));
    }
    if (m_criteria.bonus) {
      item(t("Điểm thưởng:", "Bonus:"), md(num(m_result.bonus)));
    }
    if (m_criteria.penalty) {
      item(t("Điểm trừ:", "Penalty:"), md(num(m_result.penalty)));
    }
    item(t("Tỷ lệ tiêu chí áp dụng:", "Coverage:"), md(short_num(m_result.coverage) + "%"));
    const std::string undeclared = undeclared_text(m_criteria, m_result, m_lang);
    if (!undeclared.empty()) {
      item(t("Chưa kê khai:", "Not declared:"), md(undeclared));
    }
  }

  void fields() {
    heading(t("Kết quả theo lĩnh vực", "Results by field"));
    PipeTable table({t("Mã", "Id"), t("Lĩnh vực", "Field"), t("Điểm", "Points"), t("Tối đa", "Max"),
                     t("Tối đa áp dụng", "Applicable max"), t("Tỷ lệ", "Rate")},
                    {false, false, true, true, true, true});
    for (std::vector<std::string>& row : field_rows(m_criteria, m_result, m_lang)) {
      table.add_row(std::move(row));
    }
    m_out += table.render();
  }

  void methods() {
    int used = 0;
    for (const MethodTotal& total : m_result.by_method) {
      used += total.applicable_max != Decimal(0) ? 1 : 0;
    }
    if (used < 2) {
      return;
    }
    heading(t("Kết quả theo phương thức đánh giá", "Results by assessment method"));
    PipeTable table(
        {t("Phương thức", "Method"), t("Điểm", "Points"), t("Tối đa áp dụng", "Applicable max"), t("Tỷ lệ", "Rate")},
        {false, true, true, true});
    for (std::size_t m = 0; m < m_result.by_method.size(); ++m) {
      const MethodTotal& total = m_result.by_method[m];
      if (total.applicable_max != Decimal(0)) {
        table.add_row({method_text(static_cast<Method>(m), m_lang), num(total.points), num(total.applicable_max),
                       percent_text(total.points, total.applicable_max, m_lang)});
      }
    }
    m_out += table.render();
  }

  void bonus_and_penalty() {
    TextRows rows = bonus_penalty_rows(m_criteria, m_result, m_lang);
    if (rows.empty()) {
      return;
    }
    heading(t("Điểm thưởng, điểm trừ", "Bonus and penalty points"));
    PipeTable table({t("Loại", "Kind"), t("Mã", "Id"), t("Nội dung", "Item"), t("Điểm", "Points")},
                    {false, false, false, true});
    for (std::vector<std::string>& row : rows) {
      table.add_row(std::move(row));
    }
    m_out += table.render();
  }

  void deductions() {
    heading(deductions_heading(m_criteria, m_result, m_lang));
    if (m_result.deductions.empty()) {
      m_out += md(t("Không có: mọi tiêu chí áp dụng đều đạt điểm tối đa.",
                    "None: every applicable criterion earned its maximum.")) +
               "\n";
      return;
    }
    PipeTable table(
        {t("Mã", "Id"), t("Tiêu chí", "Criterion"), t("Mất", "Lost"), t("Lý do", "Reason"), t("Chi tiết", "Detail")},
        {false, false, true, false, false});
    for (const Deduction& deduction : m_result.deductions) {
      const Node& node = node_at(m_criteria, deduction.node);
      table.add_row(
          {node.id, node.title, num(deduction.lost), reason_text(deduction.reason, m_lang), deduction.detail});
    }
    m_out += table.render();
  }

  void not_applicable() {
    TextRows rows = not_applicable_rows(m_criteria, m_result, m_lang);
    if (rows.empty()) {
      return;
    }
    heading(t("Tiêu chí không áp dụng (", "Not applicable (") + std::to_string(rows.size()) + ")");
    PipeTable table({t("Mã", "Id"), t("Tiêu chí", "Criterion"), t("Tối đa", "Max"), t("Lý do", "Reason")},
                    {false, false, true, false});
    for (std::vector<std::string>& row : rows) {
      table.add_row(std::move(row));
    }
    m_out += table.render();
  }

  void warnings() {
    const std::vector<Diagnostic>& warnings = m_unit.warnings();
    if (warnings.empty()) {
      return;
    }
    heading(t("Cảnh báo (", "Warnings (") + std::to_string(warnings.size()) + ")");
    PipeTable table({t("Mã", "Id"), t("Nội dung", "Message")}, {false, false});
    for (const Diagnostic& warning : summarise_warnings(warnings, m_lang)) {
      table.add_row({warning.subject, warning.message});
    }
    m_out += table.render();
  }

  const ScoredUnit& m_unit;
  const Criteria& m_criteria;
  const ScoreResult& m_result;
  Lang m_lang;
  std::string m_out;
};

// --- HTML --------------------------------------------------------------------

class ScoreHtml {
 public:
  ScoreHtml(const ScoredUnit& unit, Lang lang)
      : m_unit(unit), m_criteria(*unit.criteria), m_result(unit.result), m_lang(lang) {}

  std::string render() {
    m_out += "<section class=\"unit\">\n";
    summary();
    fields();
    bonus_and_penalty();
    deductions();
    not_applicable();
    warnings();
    m_out += "</section>\n";
    return std::move(m_out);
  }

 private:
  std::string t(std::string_view vi, std::string_view en) const { return words(m_lang, vi, en); }
  std::string num(const Decimal& value) const { return format_number(value, m_criteria.precision, m_lang); }
  std::string short_num(const Decimal& value) const { return format_number_short(value, m_lang); }
  void heading(const std::string& text) { m_out += "<h2>" + html(text) + "</h2>\n"; }

  void summary() {
    const Evidence& evidence = m_unit.evidence;
    m_out += "<h1>" + html(score_title(evidence, m_lang)) + "</h1>\n";
    const std::string unit = unit_label(evidence.unit);
    m_out += "<p style=\"text-align:center\"><b>" + html(unit) + "</b></p>\n";

    // The three figures a reader looks for first.
    m_out += "<div class=\"cards\">\n";
    card(t("Chỉ số CCHC", "PAR Index"), num(m_result.index) + "%");
    if (!m_criteria.grades.empty()) {
      card(t("Xếp loại", "Grade"), m_result.grade.empty() ? t("chưa xếp loại", "none") : m_result.grade);
    }
    if (m_unit.rank) {
      const RankPrediction& rank = *m_unit.rank;
      // With a baseline, the change since then under the place.
      card(t("Xếp hạng", "Rank"), std::to_string(rank.position) + "/" + std::to_string(rank.of),
           rank.has_baseline ? change_html(rank.previous, rank.change, m_lang) : std::string());
    }
    m_out += "</div>\n";

    HtmlTable facts({}, {}, "facts");
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(t("Đơn vị", "Unit"), unit);
    if (!evidence.unit.profile.empty()) {
      rows.emplace_back(t("Loại đơn vị", "Profile"), profile_label(m_criteria, evidence.unit));
    }
    rows.emplace_back(t("Bộ tiêu chí", "Criteria"), m_criteria.id + " — " + m_criteria.title);
    rows.emplace_back(t("Hồ sơ", "Evidence"), evidence.path);
    rows.emplace_back(t("Tổng điểm", "Total"), num(m_result.points) + " / " + short_num(m_criteria.scale) +
                                                   t(" điểm (điểm tối đa áp dụng: ", " points (applicable maximum: ") +
                                                   short_num(m_result.applicable_max) + ")");
    rows.emplace_back(t("Chỉ số CCHC", "PAR Index"), num(m_result.index) + "%");
    if (!m_criteria.grades.empty()) {
      rows.emplace_back(t("Xếp loại", "Grade"), m_result.grade.empty() ? t("chưa xếp loại", "none") : m_result.grade);
    }
    if (m_unit.rank) {
      rows.emplace_back(t("Xếp hạng", "Rank"), describe_rank(*m_unit.rank, m_lang));
    }
    if (m_criteria.bonus) {
      rows.emplace_back(t("Điểm thưởng", "Bonus"), num(m_result.bonus));
    }
    if (m_criteria.penalty) {
      rows.emplace_back(t("Điểm trừ", "Penalty"), num(m_result.penalty));
    }
    rows.emplace_back(t("Tỷ lệ tiêu chí áp dụng", "Coverage"), short_num(m_result.coverage) + "%");
    const std::string undeclared = undeclared_text(m_criteria, m_result, m_lang);
    if (!undeclared.empty()) {
      rows.emplace_back(t("Chưa kê khai", "Not declared"), undeclared);
    }
    std::string table = "<table class=\"facts\">\n<tbody>\n";
    for (const auto& [label, value] : rows) {
      table += "<tr>" + cell("th", label) + cell("td", value) + "</tr>\n";
    }
    table += "</tbody>\n</table>\n";
    m_out += table;
  }

  // A figure in large type; `note_html` (HTML already) under it when not empty.
  void card(const std::string& label, const std::string& value, const std::string& note_html = {}) {
    m_out += "<div class=\"card\">" + html(label) + "<span class=\"big\">" + html(value) + "</span>";
    if (!note_html.empty()) {
      m_out += "<span class=\"note\">" + note_html + "</span>";
    }
    m_out += "</div>\n";
  }

  void fields() {
    heading(t("Kết quả theo lĩnh vực", "Results by field"));
    std::vector<Bar> bars;
    for (const int field : m_criteria.fields) {
      const Node& node = node_at(m_criteria, field);
      const NodeResult& result = result_at(m_result, field);
      Bar bar;
      bar.label = node.id + ". " + node.title;
      if (result.applicable_max == Decimal(0)) {
        bar.text = t("không áp dụng", "not applicable");
        bar.track = false;
      } else {
        bar.value = result.points;
        bar.of = result.applicable_max;
        bar.text = num(result.points) + "/" + short_num(result.applicable_max) + " (" +
                   percent_text(result.points, result.applicable_max, m_lang) + ")";
        if (result.points * Decimal(2) < result.applicable_max) {
          bar.colour = k_lost;
        }
      }
      bars.push_back(std::move(bar));
    }
    HtmlTable table({t("Mã", "Id"), t("Lĩnh vực", "Field"), t("Điểm", "Points"), t("Tối đa", "Max"),
                     t("Tối đa áp dụng", "Applicable max"), t("Tỷ lệ", "Rate")},
                    {false, false, true, true, true, true});
    TextRows rows = field_rows(m_criteria, m_result, m_lang);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      table.add_row(rows[i], i + 1 == rows.size() ? "total" : "");
    }
    const std::string title =
        t("Điểm của từng lĩnh vực so với điểm tối đa áp dụng", "Each field's points against its applicable maximum");
    m_out += figure(t("Mỗi thanh là điểm tối đa áp dụng của lĩnh vực; phần tô là điểm đạt được (màu đỏ: dưới một nửa).",
                      "Each bar is the field's applicable maximum; the filled part is the points earned (red: below "
                      "half)."),
                    bar_chart(title, bars, "fields"));
    m_out += table.render();
  }

  void bonus_and_penalty() {
    const TextRows rows = bonus_penalty_rows(m_criteria, m_result, m_lang);
    if (rows.empty()) {
      return;
    }
    heading(t("Điểm thưởng, điểm trừ", "Bonus and penalty points"));
    HtmlTable table({t("Loại", "Kind"), t("Mã", "Id"), t("Nội dung", "Item"), t("Điểm", "Points")},
                    {false, false, false, true});
    for (const std::vector<std::string>& row : rows) {
      table.add_row(row);
    }
    m_out += table.render();
  }

  void deductions() {
    heading(deductions_heading(m_criteria, m_result, m_lang));
    const std::vector<Deduction>& deductions = m_result.deductions;
    if (deductions.empty()) {
      m_out += "<p>" +
               html(t("Không có: mọi tiêu chí áp dụng đều đạt điểm tối đa.",
                      "None: every applicable criterion earned its maximum.")) +
               "</p>\n";
      return;
    }
    HtmlTable table({t("Mã", "Id"), t("Tiêu chí", "Criterion"), t("Mất", "Lost"), t("Lý do", "Reason"),
                     t("Chi tiết", "Detail"), t("Cách khắc phục", "Remedy")},
                    {false, false, true, false, false, false});
    for (const Deduction& deduction : deductions) {
      const Node& node = node_at(m_criteria, deduction.node);
      const std::string remedy = node.remedy.empty() ? default_remedy(deduction.reason, m_lang) : node.remedy;
      table.add_row(
          {node.id, node.title, num(deduction.lost), reason_text(deduction.reason, m_lang), deduction.detail, remedy},
          {}, {false, false, false, false, true, true});
    }
    m_out += table.render();
  }

  void not_applicable() {
    const TextRows rows = not_applicable_rows(m_criteria, m_result, m_lang);
    if (rows.empty()) {
      return;
    }
    heading(t("Tiêu chí không áp dụng (", "Not applicable (") + std::to_string(rows.size()) + ")");
    HtmlTable table({t("Mã", "Id"), t("Tiêu chí", "Criterion"), t("Tối đa", "Max"), t("Lý do", "Reason")},
                    {false, false, true, false});
    for (const std::vector<std::string>& row : rows) {
      table.add_row(row);
    }
    m_out += table.render();
  }

  void warnings() {
    const std::vector<Diagnostic>& warnings = m_unit.warnings();
    if (warnings.empty()) {
      return;
    }
    heading(t("Cảnh báo (", "Warnings (") + std::to_string(warnings.size()) + ")");
    HtmlTable table({t("Mã", "Id"), t("Nội dung", "Message"), t("Vị trí", "Where")}, {false, false, false});
    for (const Diagnostic& warning : summarise_warnings(warnings, m_lang)) {
      std::string where = warning.file;
      if (warning.line > 0) {
        where += ":" + std::to_string(warning.line);
      }
      table.add_row({warning.subject, warning.message, where});
    }
    m_out += table.render();
  }

  const ScoredUnit& m_unit;
  const Criteria& m_criteria;
  const ScoreResult& m_result;
  Lang m_lang;
  std::string m_out;
};

// --- JSON --------------------------------------------------------------------

void write_result(JsonWriter& json, const ScoredUnit& unit) {
  const Criteria& criteria = *unit.criteria;
  const Evidence& evidence = unit.evidence;
  const ScoreResult& result = unit.result;

  json.begin_object();
  json.key("unit");
  json.begin_object();
  json.key("id");
  json.string(evidence.unit.id);
  json.key("name");
  json.string(evidence.unit.name);
  json.end_object();
  json.key("year");
  json.integer(evidence.year);
  json.key("criteria");
  json.begin_object();
  json.key("id");
  json.string(criteria.id);
  json.key("sha256");
  json.string(criteria.sha256);
  json.end_object();
  json.key("evidence");
  json.begin_object();
  json.key("path");
  json.string(evidence.path);
  json.key("sha256");
  json.string(evidence.sha256);
  json.end_object();
  json.key("points");
  json.number(result.points);
  json.key("max");
  json.number(criteria.scale);
  json.key("applicable_max");
  json.number(result.applicable_max);
  json.key("coverage");
  json.number(result.coverage);
  json.key("bonus");
  json.number(result.bonus);
  json.key("penalty");
  json.number(result.penalty);
  json.key("index");
  json.number(result.index);
  json.key("grade");
  json.string_or_null(result.grade);

  json.key("fields");
  json.begin_array();
  for (const int field : criteria.fields) {
    const Node& node = node_at(criteria, field);
    const NodeResult& node_result = result_at(result, field);
    json.begin_object();
    json.key("id");
    json.string(node.id);
    json.key("title");
    json.string(node.title);
    json.key("points");
    json.number(node_result.points);
    json.key("max");
    json.number(node.max);
    json.key("applicable_max");
    json.number(node_result.applicable_max);
    json.end_object();
  }
  json.end_array();

  // Every leaf in criteria order (fields, bonus, penalty). `reason` and
  // `self_score` are null when there is none: the keys are always present.
  json.key("items");
  json.begin_array();
  for (const int leaf : leaves_of(criteria)) {
    const Node& node = node_at(criteria, leaf);
    const NodeResult& node_result = result_at(result, leaf);
    json.begin_object();
    json.key("id");
    json.string(node.id);
    json.key("points");
    json.number(node_result.points);
    json.key("max");
    json.number(node.max);
    json.key("status");
    json.string(status_code(node_result.status));
    json.key("reason");
    if (node_result.reason == Reason::none) {
      json.null();
    } else {
      json.string(reason_code(node_result.reason));
    }
    json.key("source");
    json.string(source_code(node_result.source));
    json.key("self_score");
    if (node_result.self_score) {
      json.number(*node_result.self_score);
    } else {
      json.null();
    }
    json.end_object();
  }
  json.end_array();

  // `detail`, `owner` and `remedy` are null when the criteria say nothing.
  json.key("deductions");
  json.begin_array();
  for (const Deduction& deduction : result.deductions) {
    const Node& node = node_at(criteria, deduction.node);
    json.begin_object();
    json.key("id");
    json.string(node.id);
    json.key("title");
    json.string(node.title);
    json.key("lost");
    json.number(deduction.lost);
    json.key("reason");
    json.string(reason_code(deduction.reason));
    json.key("detail");
    json.string_or_null(deduction.detail);
    json.key("owner");
    json.string_or_null(node.owner);
    json.key("remedy");
    json.string_or_null(node.remedy);
    json.end_object();
  }
  json.end_array();

  // `id` is null for a warning about the whole file.
  json.key("warnings");
  json.begin_array();
  for (const Diagnostic& warning : unit.warnings()) {
    json.begin_object();
    json.key("id");
    json.string_or_null(warning.subject);
    json.key("code");
    json.string_or_null(warning.code);
    json.key("message");
    json.string(warning.message);
    json.end_object();
  }
  json.end_array();

  // Last, and only with --peers; `previous` and `change` only with
  // --baseline (null for a unit new since then).
  if (unit.rank) {
    const RankPrediction& rank = *unit.rank;
    json.key("rank");
    json.begin_object();
    json.key("position");
    json.integer(rank.position);
    json.key("of");
    json.integer(rank.of);
    if (rank.has_baseline) {
      json.key("previous");
      json.integer_or_null(rank.previous);
      json.key("change");
      json.integer_or_null(rank.change);
    }
    json.end_object();
  }
  json.end_object();
}

}  // namespace

std::string render_score_text(const std::vector<ScoredUnit>& units, const RenderOptions& options) {
  std::string out;
  for (const ScoredUnit& unit : units) {
    if (!out.empty()) {
      out += "\n\n";
    }
    out += ScoreTextReport(unit, options).render();
  }
  return out;
}

std::string render_score_md(const std::vector<ScoredUnit>& units, const RenderOptions& options) {
  std::string out;
  for (const ScoredUnit& unit : units) {
    if (!out.empty()) {
      out += "\n---\n\n";
    }
    out += ScoreMarkdown(unit, options.lang).render();
  }
  return out;
}

std::string render_score_html(const std::vector<ScoredUnit>& units, const RenderOptions& options) {
  std::string body;
  for (const ScoredUnit& unit : units) {
    body += ScoreHtml(unit, options.lang).render();
  }
  body += footer(options.lang);
  std::string title = words(options.lang, "Kết quả tự đánh giá Chỉ số CCHC", "PAR Index self-assessment");
  if (units.size() == 1) {
    title += " " + std::to_string(units.front().evidence.year) + " — " + units.front().evidence.unit.name;
  }
  return page(options.lang, title, body);
}

std::string render_score_csv(const std::vector<ScoredUnit>& units) {
  std::string out(k_csv_bom);
  out += k_csv_header;
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

std::string render_score_json(const std::vector<ScoredUnit>& units) {
  JsonWriter json;
  json.begin_object();
  json.key("cchc");
  json.string("result/1");
  json.key("tool");
  json.begin_object();
  json.key("name");
  json.string("cchc");
  json.key("version");
  json.string(version());
  json.end_object();
  json.key("results");
  json.begin_array();
  for (const ScoredUnit& unit : units) {
    write_result(json, unit);
  }
  json.end_array();
  json.end_object();
  return json.take();
}

}  // namespace cchc::report
