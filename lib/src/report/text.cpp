#include "cchc/report/text.hpp"

#include <algorithm>

#include "cchc/describe.hpp"
#include "cchc/report/table.hpp"
#include "cchc/text.hpp"
#include "score_rows.hpp"

namespace cchc::report {

namespace {

// `points` as a percentage of `of`, two decimals ("87,50%").
std::string percent(const Decimal& points, const Decimal& of, Lang lang) {
  if (of == Decimal(0)) {
    return {};
  }
  return format_number(Decimal::mul_div(points, Decimal(100), of, 2), 2, lang) + "%";
}

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
    std::size_t label_width =
        std::max({display_width(total_label), display_width(index_label), display_width(bonus_label)});
    for (const auto& [label, value] : about) {
      label_width = std::max(label_width, display_width(label));
    }
    label_width += 2;
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
        row.emplace_back(percent(result.points, result.applicable_max, m_lang));
      }
      table.add_row(std::move(row));
    }
    std::vector<Cell> total{Cell(""), Cell(t("Cộng", "Total"), Tone::bold), Cell(num(m_result.earned), Tone::bold),
                            Cell(num(m_criteria.scale))};
    if (partly_applicable) {
      total.emplace_back(num(m_result.applicable_max));
    }
    total.emplace_back(percent(m_result.earned, m_result.applicable_max, m_lang));
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
                     Cell(num(total.applicable_max)), Cell(percent(total.points, total.applicable_max, m_lang))});
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
    for (const Diagnostic& warning : warnings) {
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

// --- criteria show ---------------------------------------------------------

class CriteriaTree {
 public:
  CriteriaTree(const Criteria& criteria, const RenderOptions& options)
      : m_criteria(criteria), m_options(options), m_lang(options.lang) {}

  std::string render(int root) {
    if (root < 0) {
      header();
      m_out += '\n';
      whole_tree();
    } else {
      subtree(root);
      m_out += '\n';
      details(root);
    }
    return std::move(m_out);
  }

 private:
  std::string t(std::string_view vi, std::string_view en) const { return words(m_lang, vi, en); }
  std::string short_num(const Decimal& value) const { return format_number_short(value, m_lang); }

  Table new_table() const {
    return Table({{t("Mã", "Id")},
                  {t("Tiêu chí", "Criterion"), Align::left, true},
                  {t("Tối đa", "Max"), Align::right},
                  {t("Cách chấm điểm", "Scoring rule"), Align::left, true}});
  }

  void header() {
    const Criteria& c = m_criteria;
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(t("Bộ tiêu chí:", "Criteria set:"), c.id);
    rows.emplace_back(t("Tên:", "Title:"), c.title);
    if (!c.province.empty()) {
      rows.emplace_back(t("Tỉnh, thành phố:", "Province:"), c.province);
    }
    if (!c.unit_group.empty()) {
      rows.emplace_back(t("Nhóm đơn vị:", "Unit group:"), c.unit_group);
    }
    rows.emplace_back(t("Năm:", "Year:"), std::to_string(c.year));
    rows.emplace_back(
        t("Thang điểm:", "Scale:"),
        m_lang == Lang::vi
            ? short_num(c.scale) + " điểm, làm tròn đến " + std::to_string(c.precision) + " chữ số thập phân"
            : short_num(c.scale) + " points, rounded to " + std::to_string(c.precision) + " decimals");
    rows.emplace_back(t("Kỳ đánh giá:", "Period:"), c.period.from.vietnamese() + " – " + c.period.to.vietnamese());
    if (!c.grades.empty()) {
      std::string grades;
      for (const Grade& grade : c.grades) {
        grades += (grades.empty() ? "" : "; ") + grade.label + " ≥ " + short_num(grade.min);
      }
      rows.emplace_back(t("Xếp loại:", "Grades:"), grades);
    }
    if (c.bonus) {
      rows.emplace_back(t("Điểm thưởng:", "Bonus:"), t("tối đa ", "at most ") + short_num(c.bonus->max));
    }
    if (c.penalty) {
      rows.emplace_back(t("Điểm trừ:", "Penalty:"), t("tối đa ", "at most ") + short_num(c.penalty->max));
    }
    rows.emplace_back(
        t("Tài liệu kiểm chứng:", "Documents:"),
        c.default_documents == DocumentPolicy::required
            ? t("bắt buộc (trừ khi tiêu chí ghi khác)", "required unless a criterion says otherwise")
            : t("không bắt buộc (trừ khi tiêu chí ghi khác)", "optional unless a criterion says otherwise"));
    if (!c.profiles.empty()) {
      std::string profiles;
      for (const Profile& profile : c.profiles) {
        std::string ids;
        for (const int node : profile.na) {
          ids += (ids.empty() ? "" : ", ") + node_at(c, node).id;
        }
        profiles += (profiles.empty() ? "" : "\n") + profile.id + ": " + profile.title +
                    t(" (không áp dụng: ", " (not applicable: ") + ids + ")";
      }
      rows.emplace_back(t("Loại đơn vị:", "Profiles:"), profiles);
    }
    if (!c.basis.empty()) {
      std::string basis;
      for (const LegalBasis& entry : c.basis) {
        std::string line = entry.number;
        if (entry.date) {
          line += t(" ngày ", " of ") + entry.date->vietnamese();
        }
        if (!entry.title.empty()) {
          line += ": " + entry.title;
        }
        basis += (basis.empty() ? "" : "\n") + line;
      }
      rows.emplace_back(t("Căn cứ:", "Legal basis:"), basis);
    }
    rows.emplace_back(t("Nguồn:", "Source:"), c.path);
    m_out += render_key_values(rows, m_options.style, m_options.width);
  }

  void whole_tree() {
    Table table = new_table();
    for (std::size_t i = 0; i < m_criteria.fields.size(); ++i) {
      add(table, m_criteria.fields[i], {}, i + 1 == m_criteria.fields.size(), 0);
    }
    auto capped = [&](const std::optional<CappedSection>& section, const std::string& label) {
      if (!section) {
        return;
      }
      table.add_line(label + t(" (tối đa ", " (at most ") + short_num(section->max) + ")");
      for (std::size_t i = 0; i < section->items.size(); ++i) {
        add(table, section->items[i], {}, i + 1 == section->items.size(), 0);
      }
    };
    capped(m_criteria.bonus, t("Điểm thưởng", "Bonus points"));
    capped(m_criteria.penalty, t("Điểm trừ", "Penalty points"));
    m_out += table.render(m_options.style, m_options.width);
  }

  void subtree(int root) {
    Table table = new_table();
    add(table, root, {}, true, 0);
    m_out += table.render(m_options.style, m_options.width);
  }

  // Adds `node` and its descendants; `bars` says, for each level above it
  // (below the top), whether that level has more siblings to come.
  void add(Table& table, int index, std::vector<bool> bars, bool last, int depth) {
    const Node& node = node_at(m_criteria, index);
    std::string prefix;
    for (const bool more : bars) {
      prefix += more ? "│  " : "   ";
    }
    std::string continuation = prefix;
    if (depth > 0) {
      prefix += last ? "└─ " : "├─ ";
      continuation += last ? "   " : "│  ";
    }
    if (!node.children.empty()) {
      continuation += "│  ";
    }
    table.add_row({Cell(prefix + node.id, depth == 0 ? Tone::bold : Tone::plain, continuation),
                   Cell(node.title, depth == 0 ? Tone::bold : Tone::plain), Cell(short_num(node.max)),
                   Cell(describe_rule(node, m_lang))});
    if (depth > 0) {
      bars.push_back(!last);
    }
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      add(table, node.children[i], bars, i + 1 == node.children.size(), depth + 1);
    }
  }

  void details(int index) {
    const Node& node = node_at(m_criteria, index);
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(t("Mã:", "Id:"), node.id);
    rows.emplace_back(t("Tiêu chí:", "Criterion:"), node.title);
    // The ancestors, from the top: "Điểm thưởng › T1 ..." or "1 ... › 1.1 ...".
    std::vector<std::string> ancestors;
    for (int parent = node.parent; parent >= 0; parent = node_at(m_criteria, parent).parent) {
      const Node& p = node_at(m_criteria, parent);
      ancestors.insert(ancestors.begin(), p.id + " " + p.title);
    }
    if (node.section == Section::bonus) {
      ancestors.insert(ancestors.begin(), t("Điểm thưởng", "Bonus points"));
    } else if (node.section == Section::penalty) {
      ancestors.insert(ancestors.begin(), t("Điểm trừ", "Penalty points"));
    }
    std::string part_of;
    for (const std::string& ancestor : ancestors) {
      if (!part_of.empty()) {
        part_of += " › ";
      }
      part_of += ancestor;
    }
    if (!part_of.empty()) {
      rows.emplace_back(t("Thuộc:", "Part of:"), part_of);
    }
    rows.emplace_back(t("Điểm tối đa:", "Maximum:"), short_num(node.max));
    if (node.is_leaf()) {
      rows.emplace_back(t("Cách chấm điểm:", "Scoring rule:"), describe_rule(node, m_lang));
      rows.emplace_back(t("Giá trị khai báo:", "Value to enter:"), describe_value(node, m_lang));
    }
    rows.emplace_back(t("Phương thức:", "Method:"),
                      method_text(node.method, m_lang) + " (" + method_code(node.method) + ")");
    std::string na;
    switch (node.na) {
      case NaPolicy::exclude:
        na = t("không tính vào điểm tối đa áp dụng", "left out of the applicable maximum");
        break;
      case NaPolicy::full:
        na = t("được tính đủ điểm", "counts as full points");
        break;
      case NaPolicy::never:
        na = t("không được đánh dấu không áp dụng", "may not be marked not applicable");
        break;
    }
    rows.emplace_back(t("Khi không áp dụng:", "When not applicable:"), na + " (" + na_policy_code(node.na) + ")");
    rows.emplace_back(t("Tài liệu kiểm chứng:", "Documents:"), node.documents == DocumentPolicy::required
                                                                   ? t("bắt buộc", "required")
                                                                   : t("không bắt buộc", "optional"));
    if (!node.evidence.empty()) {
      rows.emplace_back(t("Tài liệu cần có:", "Evidence expected:"), node.evidence);
    }
    if (!node.owner.empty()) {
      rows.emplace_back(t("Đơn vị chủ trì:", "Responsible office:"), node.owner);
    }
    if (!node.remedy.empty()) {
      rows.emplace_back(t("Giải pháp khắc phục:", "Remedy:"), node.remedy);
    }
    if (!node.basis.empty()) {
      rows.emplace_back(t("Căn cứ:", "Basis:"), node.basis);
    }
    std::string profiles;
    for (const Profile& profile : m_criteria.profiles) {
      bool covered = false;
      for (const int na_node : profile.na) {
        for (int n = index; n >= 0 && !covered; n = node_at(m_criteria, n).parent) {
          covered = n == na_node;
        }
      }
      if (covered) {
        profiles += (profiles.empty() ? "" : "; ") + profile.id + " (" + profile.title + ")";
      }
    }
    if (!profiles.empty()) {
      rows.emplace_back(t("Không áp dụng cho:", "Not applicable to:"), profiles);
    }
    m_out += m_options.style.bold(t("CHI TIẾT TIÊU CHÍ ", "CRITERION ") + node.id);
    m_out += '\n';
    m_out += render_key_values(rows, m_options.style, m_options.width);
  }

  const Criteria& m_criteria;
  const RenderOptions& m_options;
  Lang m_lang;
  std::string m_out;
};

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

std::string render_ranking_text(const RankingReport& report, const RenderOptions& options) {
  const Lang lang = options.lang;
  const Style& style = options.style;
  const bool points = any_points(report);
  const bool grades = any_grade(report);
  std::string out =
      style.bold(report.year ? words(lang, "XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ", "PAR INDEX RANKING, ") +
                                   std::to_string(*report.year)
                             : words(lang, "XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", "PAR INDEX RANKING"));
  out += "\n\n";

  std::vector<Column> columns{{words(lang, "Hạng", "Rank"), Align::right},
                              {words(lang, "Mã", "Id")},
                              {words(lang, "Đơn vị", "Unit"), Align::left, true}};
  if (points) {
    columns.push_back({words(lang, "Điểm", "Points"), Align::right});
  }
  columns.push_back({words(lang, "Chỉ số", "Index"), Align::right});
  if (grades) {
    columns.push_back({words(lang, "Xếp loại", "Grade")});
  }
  if (report.has_baseline) {
    columns.push_back({words(lang, "Năm trước", "Previous"), Align::right});
    columns.push_back({words(lang, "Thay đổi", "Change")});
  }
  // The rows are made as they are written: a ranking may have thousands.
  Table table(std::move(columns));
  table.add_rows(report.units.size(), [&](std::size_t i, std::vector<Cell>& row) {
    const RankedUnit& ranked = report.units[i];
    const RankInput& unit = ranked.unit;
    std::size_t c = 0;
    row[c++] = Cell(std::to_string(ranked.position));
    row[c++] = Cell(unit.unit);
    row[c++] = Cell(unit.name);
    if (points) {
      row[c++] = Cell(unit.points ? format_number(*unit.points, report.decimals, lang) : std::string());
    }
    row[c++] = Cell(format_number(unit.index, report.decimals, lang));
    if (grades) {
      row[c++] = Cell(unit.grade);
    }
    if (report.has_baseline) {
      row[c++] = Cell(ranked.previous ? std::to_string(*ranked.previous) : std::string());
      const Tone tone = !ranked.change || *ranked.change == 0 ? Tone::plain
                        : *ranked.change > 0                  ? Tone::green
                                                              : Tone::red;
      row[c++] = Cell(describe_change(ranked.previous, ranked.change, lang), tone);
    }
  });
  table.render_to(out, style, options.width);
  out += '\n';
  out += ranking_summary(report, lang);
  out += '\n';
  return out;
}

std::string render_criteria_list(const std::vector<CriteriaEntry>& entries, const RenderOptions& options) {
  const Lang lang = options.lang;
  if (entries.empty()) {
    return words(lang, "Không tìm thấy bộ tiêu chí nào.\n", "No criteria sets found.\n");
  }
  Table table({{words(lang, "Mã", "Id")},
               {words(lang, "Năm", "Year"), Align::right},
               {words(lang, "Tên", "Title"), Align::left, true},
               {words(lang, "Nguồn", "Origin"), Align::left, true}});
  for (const CriteriaEntry& entry : entries) {
    table.add_row({Cell(entry.id), Cell(std::to_string(entry.year)), Cell(entry.title),
                   Cell(entry.origin == "built-in" ? words(lang, "có sẵn", "built-in") : entry.origin)});
  }
  return table.render(options.style, options.width);
}

std::string render_criteria_tree(const Criteria& criteria, int node, const RenderOptions& options) {
  return CriteriaTree(criteria, options).render(node);
}

}  // namespace cchc::report
