#include "cchc/evidence_template.hpp"

#include <cstdio>
#include <optional>
#include <string_view>
#include <vector>

#include "cchc/describe.hpp"
#include "cchc/text.hpp"

namespace cchc {

namespace {

// Comment lines are wrapped to this many columns.
constexpr std::size_t k_template_width = 100;

// `text` as a YAML double-quoted scalar: backslash, quote and every character
// YAML does not allow as printable text are escaped, so any name the user
// types survives the round trip.
std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto next = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0; };
    char hex[8];
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned>(c));
      out += hex;
    } else if (c == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) {
      // C1 controls, U+0085 (NEL) among them, which YAML reads as a line break.
      std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned>(next(1)));
      out += hex;
      ++i;
    } else if (c == 0xE2 && next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9)) {
      out += next(2) == 0xA8 ? "\\L" : "\\P";  // line and paragraph separators
      i += 2;
    } else if (c == 0xEF && next(1) == 0xBB && next(2) == 0xBF) {
      out += "\\uFEFF";  // a byte order mark inside the text
      i += 2;
    } else if (c == 0xEF && next(1) == 0xBF && (next(2) == 0xBE || next(2) == 0xBF)) {
      out += next(2) == 0xBE ? "\\uFFFE" : "\\uFFFF";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

// `text` made safe for a comment line: control characters and the Unicode
// line breaks (NEL, LS, PS) become blanks.
std::string one_line(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      out += ' ';
    } else if (c == 0xC2 && text.substr(i, 2) == "\xC2\x85") {
      out += ' ';
      i += 1;
    } else if (c == 0xE2 && (text.substr(i, 3) == "\u2028" || text.substr(i, 3) == "\u2029")) {
      out += ' ';
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

class TemplateWriter {
 public:
  TemplateWriter(const Criteria& criteria, const TemplateOptions& options)
      : m_criteria(criteria), m_options(options), m_lang(options.lang) {}

  std::string write() {
    header();
    document();
    return std::move(m_out);
  }

 private:
  std::string t(std::string_view vi, std::string_view en) const { return words(m_lang, vi, en); }
  std::string num(const Decimal& value) const { return format_number_short(value, m_lang); }
  std::string points(const Decimal& value) const {
    return num(value) + (m_lang == Lang::vi ? " điểm" : value == Decimal(1) ? " point" : " points");
  }

  // A comment, wrapped; `prefix` starts every line ("  # "), `hang` indents
  // the wrapped lines after the first.
  void comment(std::string_view prefix, std::string_view text, std::size_t hang = 2) {
    const std::size_t used = display_width(prefix) + hang;
    const std::size_t width = k_template_width > used + 20 ? k_template_width - used : 20;
    const std::vector<std::string> lines = wrap_text(one_line(text), width);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::string line(prefix);
      if (i > 0) {
        line.append(hang, ' ');
      }
      line += lines[i];
      while (!line.empty() && line.back() == ' ') {
        line.pop_back();
      }
      m_out += line + "\n";
    }
  }

  int year() const { return m_options.year != 0 ? m_options.year : m_criteria.year; }

  void header() {
    const std::string year_text = std::to_string(year());
    comment("# ", t("Hồ sơ tự đánh giá Chỉ số cải cách hành chính (Chỉ số CCHC) năm ",
                    "Self-assessment evidence for the administrative reform index (PAR Index) ") +
                      year_text);
    comment("# ", t("Đơn vị: ", "Unit: ") + m_options.unit_name + " (" + m_options.unit_id + ")");
    comment("# ", t("Bộ tiêu chí: ", "Criteria: ") + m_criteria.id + " — " + m_criteria.title);
    m_out += "#\n";
    comment("# ", t("Cách điền:", "How to fill it in:"));
    const std::string example = "{number: \"03/KH-SLĐTBXH\", date: " + year_text +
                                "-01-12, title: \"Kế hoạch CCHC năm " + year_text + "\", file: \"tlkc/kh-03.pdf\"}";
    if (m_lang == Lang::vi) {
      comment("# ",
              "- Với mỗi tiêu chí dưới `items:`, ghi kết quả vào `value:` theo hướng dẫn ở các "
              "dòng chú thích ngay phía trên; ngày viết dạng YYYY-MM-DD (ví dụ " +
                  year_text + "-01-15), số thập phân dùng dấu chấm (0.5).");
      comment("# ", "- Liệt kê tài liệu kiểm chứng trong `documents:`, mỗi tài liệu một dòng, ví dụ:");
      m_out += "#     documents:\n#       - " + example + "\n";
      comment("# ",
              "- Tiêu chí không áp dụng với đơn vị: thay dòng `value:` bằng hai dòng `na: true` và "
              "`reason: \"lý do không áp dụng\"`.");
      comment("# ",
              "- Có thể ghi thêm `self_score:` (điểm tự chấm), `appraised:` (điểm thẩm định) và "
              "`note:` (giải trình).");
      comment("# ", "- Tính điểm và kiểm tra hồ sơ: cchc score " + score_hint());
    } else {
      comment("# ",
              "- For every criterion under `items:`, write the result in `value:` as the comment "
              "lines just above it say; dates are written YYYY-MM-DD (e.g. " +
                  year_text + "-01-15), decimals with a point (0.5).");
      comment("# ", "- List the evidence documents under `documents:`, one a line, e.g.:");
      m_out += "#     documents:\n#       - " + example + "\n";
      comment("# ",
              "- A criterion that does not apply to the unit: replace the `value:` line with two "
              "lines, `na: true` and `reason: \"why it does not apply\"`.");
      comment("# ",
              "- You may add `self_score:` (the unit's own score), `appraised:` (the appraised "
              "points) and `note:` (an explanation).");
      comment("# ", "- To score and check the file: cchc score " + score_hint());
    }
    if (!m_criteria.profiles.empty()) {
      m_out += "#\n";
      comment("# ", t("Loại đơn vị: nếu đơn vị thuộc một loại dưới đây, bỏ dấu \"#\" ở dòng "
                      "\"profile:\" tương ứng trong mục \"unit:\"; các tiêu chí ghi kèm sẽ không "
                      "áp dụng.",
                      "Profiles: if the unit is of one of these kinds, remove the \"#\" before the "
                      "matching \"profile:\" line under \"unit:\"; the criteria listed will not "
                      "apply."));
      for (const Profile& profile : m_criteria.profiles) {
        comment("#   ", profile.id + ": " + profile.title + t(" (không áp dụng: ", " (not applicable: ") +
                            na_ids(profile) + ")");
      }
    }
  }

  std::string score_hint() const {
    std::string file = m_options.path.empty() ? t("TỆP", "FILE") : m_options.path;
    if (m_options.criteria_ref.empty() || m_options.criteria_ref == m_criteria.id) {
      return file;
    }
    return file + " -c " + m_options.criteria_ref;
  }

  std::string na_ids(const Profile& profile) const {
    std::string ids;
    for (const int node : profile.na) {
      ids += (ids.empty() ? "" : ", ") + node_at(node).id;
    }
    return ids;
  }

  const Node& node_at(int index) const { return m_criteria.nodes[static_cast<std::size_t>(index)]; }

  void document() {
    m_out += "\n";
    m_out += "cchc: evidence/1\n";
    m_out += "criteria: " + yaml_quoted(m_criteria.id) + "\n";
    m_out += "year: " + std::to_string(year()) + "\n";
    m_out += "unit:\n";
    m_out += "  id: " + yaml_quoted(m_options.unit_id) + "\n";
    m_out += "  name: " + yaml_quoted(m_options.unit_name) + "\n";
    for (const Profile& profile : m_criteria.profiles) {
      m_out += "  # profile: " + yaml_quoted(profile.id) + "  # " + one_line(profile.title) + "\n";
    }
    m_out += "items:\n";
    m_after_group = true;
    for (const int field : m_criteria.fields) {
      subtree(field, "  ");
    }
    section(m_criteria.bonus, "bonus", t("Điểm thưởng", "Bonus points"));
    section(m_criteria.penalty, "penalty", t("Điểm trừ", "Penalty points"));
  }

  void section(const std::optional<CappedSection>& capped, std::string_view key, const std::string& title) {
    if (!capped) {
      return;
    }
    m_out += "\n";
    comment("# ", title + t(" (tối đa ", " (at most ") + points(capped->max) +
                      t("): không bắt buộc. Để khai báo một mục, bỏ dấu \"# \" ở đầu dòng \"",
                        "): optional. To enter an item, remove the \"# \" at the start of the \"") +
                      std::string(key) + t(":\" và ở đầu các dòng của mục đó.", ":\" line and of that item's lines."));
    m_out += "# " + std::string(key) + ":\n";
    for (const int item : capped->items) {
      subtree(item, "#   ");
    }
  }

  // Writes the leaves under `index` in criteria order, with a comment line
  // for each group; `indent` starts every line.
  void subtree(int index, const std::string& indent) {
    const Node& node = node_at(index);
    if (!node.is_leaf()) {
      if (node.depth == 0 || !m_after_group) {
        m_out += "\n";
      }
      const std::string title = node.id + " " + node.title + " (" + points(node.max) + ")";
      comment(indent + "# ", node.depth == 0 ? "── " + title + " ──" : title);
      m_after_group = true;
      for (const int child : node.children) {
        subtree(child, indent);
      }
      return;
    }
    if (!m_after_group) {
      m_out += "\n";
    }
    m_after_group = false;
    const std::string prefix = indent + "# ";
    comment(prefix, node.id + " " + node.title + t(" — tối đa ", " — at most ") + points(node.max));
    comment(prefix + "  ", t("Cách chấm: ", "Scoring: ") + describe_rule(node, m_lang));
    comment(prefix + "  ", t("Giá trị: ", "Value: ") + describe_value(node, m_lang));
    if (node.method != Method::self) {
      comment(prefix + "  ", t("Phương thức: ", "Method: ") + method_text(node.method, m_lang));
    }
    comment(prefix + "  ", t("Tài liệu kiểm chứng: ", "Documents: ") +
                               (node.documents == DocumentPolicy::required
                                    ? t("bắt buộc (không có tài liệu: 0 điểm)", "required (none listed: 0 points)")
                                    : t("không bắt buộc", "optional")));
    if (!node.evidence.empty()) {
      comment(prefix + "  ", t("Tài liệu cần có: ", "Evidence expected: ") + node.evidence);
    }
    if (node.na == NaPolicy::never) {
      comment(prefix + "  ", t("Không được đánh dấu không áp dụng.", "May not be marked not applicable."));
    }
    m_out += indent + yaml_quoted(node.id) + ":\n";
    m_out += indent + "  value:\n";
    m_out += indent + "  documents: []\n";
  }

  const Criteria& m_criteria;
  const TemplateOptions& m_options;
  Lang m_lang;
  std::string m_out;
  bool m_after_group = false;  // the last lines written were a group's heading
};

}  // namespace

std::string write_evidence_template(const Criteria& criteria, const TemplateOptions& options) {
  TemplateOptions normalised = options;
  normalised.unit_id = to_nfc(options.unit_id);
  normalised.unit_name = to_nfc(options.unit_name);
  return TemplateWriter(criteria, normalised).write();
}

}  // namespace cchc
