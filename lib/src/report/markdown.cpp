#include "cchc/report/markdown.hpp"

#include <cctype>

#include "score_rows.hpp"

namespace cchc::report {

namespace {

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) != 0;
}

}  // namespace

std::string md(std::string_view text, LineBreaks breaks) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '_': {
        const bool inside_word = i > 0 && i + 1 < text.size() && is_word_byte(text[i - 1]) && is_word_byte(text[i + 1]);
        if (!inside_word) {
          out += '\\';
        }
        out += c;
        break;
      }
      case '#':
        if (i == 0) {
          out += '\\';
        }
        out += c;
        break;
      case '\\':
      case '|':
      case '*':
      case '`':
      case '[':
      case ']':
      case '<':
      case '>':
        out += '\\';
        out += c;
        break;
      case '\r':
        break;
      case '\n':
        out += breaks == LineBreaks::html ? "<br>" : " ";
        break;
      default:
        // Other control characters (a tab) would break the line or the table.
        out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
    }
  }
  return out;
}

PipeTable::PipeTable(std::vector<std::string> headers, std::vector<bool> right, LineBreaks breaks)
    : m_headers(std::move(headers)), m_right(std::move(right)), m_breaks(breaks) {}

std::string PipeTable::render() const {
  std::string out = "|";
  for (const std::string& header : m_headers) {
    out += ' ';
    out += md(header, m_breaks);
    out += " |";
  }
  out += "\n|";
  for (const bool right : m_right) {
    out += right ? "---:|" : "---|";
  }
  out += '\n';
  for (const std::vector<std::string>& row : m_rows) {
    out += "|";
    for (const std::string& cell : row) {
      out += ' ';
      out += md(cell, m_breaks);
      out += " |";
    }
    out += '\n';
  }
  return out;
}

namespace {

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
    for (const Diagnostic& warning : warnings) {
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

}  // namespace

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

std::string render_ranking_md(const RankingReport& report, const RenderOptions& options) {
  const Lang lang = options.lang;
  auto t = [lang](std::string_view vi, std::string_view en) { return std::string(tr(lang, vi, en)); };
  const bool points = any_points(report);
  const bool grades = any_grade(report);
  std::string out = "# " +
                    md(report.year ? t("Xếp hạng Chỉ số cải cách hành chính năm ", "PAR Index ranking, ") +
                                         std::to_string(*report.year)
                                   : t("Xếp hạng Chỉ số cải cách hành chính", "PAR Index ranking")) +
                    "\n\n";
  std::vector<std::string> headers{t("Hạng", "Rank"), t("Mã", "Id"), t("Đơn vị", "Unit")};
  std::vector<bool> right{true, false, false};
  if (points) {
    headers.push_back(t("Điểm", "Points"));
    right.push_back(true);
  }
  headers.push_back(t("Chỉ số", "Index"));
  right.push_back(true);
  if (grades) {
    headers.push_back(t("Xếp loại", "Grade"));
    right.push_back(false);
  }
  if (report.has_baseline) {
    headers.push_back(t("Năm trước", "Previous"));
    right.push_back(true);
    headers.push_back(t("Thay đổi", "Change"));
    right.push_back(false);
  }
  PipeTable table(std::move(headers), std::move(right));
  for (const RankedUnit& ranked : report.units) {
    const RankInput& unit = ranked.unit;
    std::vector<std::string> row{std::to_string(ranked.position), unit.unit, unit.name};
    if (points) {
      row.push_back(unit.points ? format_number(*unit.points, report.decimals, lang) : std::string());
    }
    row.push_back(format_number(unit.index, report.decimals, lang));
    if (grades) {
      row.push_back(unit.grade);
    }
    if (report.has_baseline) {
      row.push_back(ranked.previous ? std::to_string(*ranked.previous) : std::string());
      row.push_back(describe_change(ranked.previous, ranked.change, lang));
    }
    table.add_row(std::move(row));
  }
  out += table.render();
  out += '\n';
  out += md(ranking_summary(report, lang));
  out += '\n';
  return out;
}

}  // namespace cchc::report
