#include "cchc/report/criteria.hpp"

#include "cchc/describe.hpp"
#include "cchc/report/table.hpp"

namespace cchc::report {

namespace {

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
