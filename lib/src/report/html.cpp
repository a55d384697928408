#include "cchc/report/html.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "cchc/checklist.hpp"
#include "cchc/text.hpp"
#include "score_rows.hpp"

namespace cchc::report {

std::string html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\r':
        break;
      case '\n':
        out += '\n';
        break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
    }
  }
  return out;
}

namespace {

// The colours of the charts and marks; the same in print (SVG fills are
// printed whatever the browser's "background graphics" setting).
constexpr std::string_view k_bar = "#2b5797";    // points, indices
constexpr std::string_view k_track = "#dfe5ee";  // the maximum behind a bar
constexpr std::string_view k_lost = "#c0392b";   // a field below half its maximum
constexpr std::string_view k_grade = "#5b7f3a";  // counts per grade

// Serif like the official letters it goes with (Nghị định 30/2020/NĐ-CP asks
// Times New Roman); Liberation Serif has the same metrics and ships with
// Debian and LibreOffice. Nothing is fetched: local fonts only.
constexpr std::string_view k_css = R"(@page { size: A4; margin: 15mm 14mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12pt;
  line-height: 1.35; color: #111; background: #fff; max-width: 182mm; margin: 10mm auto; padding: 0 4mm; }
h1 { font-size: 15pt; text-align: center; text-transform: uppercase; margin: 0 0 8pt; }
h2 { font-size: 13pt; margin: 14pt 0 5pt; break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 11pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #8a8a8a; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #eef2f7; font-weight: bold; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.keep { white-space: pre-line; }
td.nw { white-space: nowrap; }
table.facts { width: auto; }
table.facts th { background: none; font-weight: normal; white-space: nowrap; }
table.facts td { font-weight: bold; }
tr.total td { font-weight: bold; }
.cards { display: flex; gap: 6pt; margin: 6pt 0 8pt; }
.card { flex: 1; border: 0.75pt solid #8a8a8a; padding: 4pt 6pt; text-align: center; }
.card .big { font-size: 20pt; font-weight: bold; display: block; }
.card .note { font-size: 10.5pt; display: block; }
.up { color: #1e7b34; }
.down { color: #b3261e; }
.muted { color: #555; }
figure { margin: 4pt 0 8pt; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 10pt; color: #444; }
svg.chart { display: block; width: 100%; height: auto; }
svg.chart text { font-family: inherit; font-size: 12px; fill: #111; }
footer { margin-top: 12pt; font-size: 9.5pt; color: #555; }
section.unit + section.unit { break-before: page; page-break-before: always; }
@media print { body { margin: 0; padding: 0; max-width: none; } }
)";

// A whole page around `body`.
std::string page(Lang lang, const std::string& title, const std::string& body) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += lang == Lang::vi ? "vi" : "en";
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n";
  // Nothing to fetch and nothing to run, whatever a text in the page says.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"cchc\">\n";
  out += "<title>" + html(title) + "</title>\n<style>\n";
  out += k_css;
  out += "</style>\n</head>\n<body>\n";
  out += body;
  out += "</body>\n</html>\n";
  return out;
}

// An SVG length: `value` × `length` / `of`, to one decimal, with a point
// (never the decimal comma of Vietnamese text), 0 when `of` is 0 or less.
std::string scaled(const Decimal& value, int length, const Decimal& of) {
  if (!(of > Decimal(0)) || !(value > Decimal(0))) {
    return "0";
  }
  Decimal part = Decimal::mul_div(value, Decimal(length), of, 1);
  if (part > Decimal(length)) {
    part = Decimal(length);
  }
  return part.to_string(1);
}

// A table cell: `text` escaped; `cls` "n" for a number.
std::string cell(std::string_view tag, const std::string& text, std::string_view cls = {}) {
  std::string out = "<";
  out += tag;
  if (!cls.empty()) {
    out += " class=\"";
    out += cls;
    out += "\"";
  }
  out += ">" + html(text) + "</";
  out += tag;
  out += ">";
  return out;
}

// A table: headers (those in `numbers` right-aligned), then rows of HTML.
class HtmlTable {
 public:
  HtmlTable(std::vector<std::string> headers, std::vector<bool> numbers, std::string cls = {})
      : m_headers(std::move(headers)), m_numbers(std::move(numbers)), m_class(std::move(cls)) {}

  // Cells are plain text, escaped here; `keep` columns keep their line breaks.
  void add_row(const std::vector<std::string>& cells, std::string_view row_class = {},
               const std::vector<bool>& keep = {}) {
    m_rows += row_class.empty() ? "<tr>" : "<tr class=\"" + std::string(row_class) + "\">";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const bool number = i < m_numbers.size() && m_numbers[i];
      const bool lines = i < keep.size() && keep[i];
      m_rows += cell("td", cells[i], number ? "n" : lines ? "keep" : "");
    }
    m_rows += "</tr>\n";
  }
  // A row whose cells are HTML already.
  void add_html_row(const std::string& cells) { m_rows += "<tr>" + cells + "</tr>\n"; }

  std::string render() const {
    std::string out = m_class.empty() ? "<table>\n" : "<table class=\"" + m_class + "\">\n";
    out += "<thead><tr>";
    for (std::size_t i = 0; i < m_headers.size(); ++i) {
      out += cell("th", m_headers[i], i < m_numbers.size() && m_numbers[i] ? "n" : "");
    }
    out += "</tr></thead>\n<tbody>\n" + m_rows + "</tbody>\n</table>\n";
    return out;
  }

 private:
  std::vector<std::string> m_headers;
  std::vector<bool> m_numbers;
  std::string m_class;
  std::string m_rows;
};

// One bar of a horizontal bar chart.
struct Bar {
  std::string label;  // on the left, shortened to fit
  Decimal value;
  Decimal of;        // the bar's full length (its track)
  std::string text;  // on the right
  std::string_view colour = k_bar;
  bool track = true;  // draw the full length behind the bar
};

// A horizontal bar chart as inline SVG: a label column, the bars, a value
// column. Every bar is drawn to the same scale: `value` / `of` of the bar area.
std::string bar_chart(const std::string& title, const std::vector<Bar>& bars, std::string_view css_class) {
  constexpr int k_width = 680;
  constexpr int k_bar_x = 258;  // after the label column, 250 px
  constexpr int k_bar_width = 300;
  constexpr int k_row = 24;
  constexpr int k_bar_height = 14;
  constexpr std::size_t k_label_columns = 38;  // what fits in 250 px at 12 px, Vietnamese serif
  const int height = static_cast<int>(bars.size()) * k_row + 6;
  std::string out = "<svg class=\"chart ";
  out += css_class;
  out += "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + std::to_string(k_width) + " " +
         std::to_string(height) + "\" width=\"" + std::to_string(k_width) + "\" height=\"" + std::to_string(height) +
         "\">\n<title>" + html(title) + "</title>\n";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& bar = bars[i];
    const int y = static_cast<int>(i) * k_row + 4;
    const std::string text_y = std::to_string(y + k_bar_height - 2);
    out += "<g>";
    const std::string label = fit_width(bar.label, k_label_columns);
    out += "<text x=\"0\" y=\"" + text_y + "\">";
    if (label != bar.label) {
      out += "<title>" + html(bar.label) + "</title>";
    }
    out += html(label) + "</text>";
    if (bar.track) {
      out += "<rect x=\"" + std::to_string(k_bar_x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
             std::to_string(k_bar_width) + "\" height=\"" + std::to_string(k_bar_height) + "\" fill=\"" +
             std::string(k_track) + "\"/>";
    }
    out += "<rect class=\"bar\" x=\"" + std::to_string(k_bar_x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
           scaled(bar.value, k_bar_width, bar.of) + "\" height=\"" + std::to_string(k_bar_height) + "\" fill=\"" +
           std::string(bar.colour) + "\"/>";
    out += "<text x=\"" + std::to_string(k_bar_x + k_bar_width + 8) + "\" y=\"" + text_y + "\">" + html(bar.text) +
           "</text>";
    out += "</g>\n";
  }
  out += "</svg>\n";
  return out;
}

// A chart, with a note under it when `caption` is not empty.
std::string figure(const std::string& caption, const std::string& svg) {
  std::string out = "<figure>\n" + svg;
  if (!caption.empty()) {
    out += "<figcaption>" + html(caption) + "</figcaption>\n";
  }
  return out + "</figure>\n";
}

// "▲ tăng 2 bậc" in green, "▼ giảm 3 bậc" in red, "= giữ nguyên", "mới".
std::string change_html(const std::optional<int>& previous, const std::optional<int>& change, Lang lang) {
  const std::string text = describe_change(previous, change, lang);
  if (!change) {
    return html(text);
  }
  if (*change > 0) {
    return "<span class=\"up\">▲ " + html(text) + "</span>";
  }
  if (*change < 0) {
    return "<span class=\"down\">▼ " + html(text) + "</span>";
  }
  return "= " + html(text);
}

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
    for (const Diagnostic& warning : warnings) {
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

std::string footer(Lang lang) {
  return "<footer>" +
         html(words(lang, "Lập bằng cchc, công cụ tự chấm Chỉ số cải cách hành chính.",
                    "Made with cchc, the PAR Index self-assessment tool.")) +
         "</footer>\n";
}

// How many bars one ranking chart holds: charts break between pages, not
// inside, so a long ranking is drawn as several.
constexpr std::size_t k_bars_per_chart = 40;

}  // namespace

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

std::string render_ranking_html(const RankingReport& report, const RenderOptions& options) {
  const Lang lang = options.lang;
  const bool points = any_points(report);
  const bool grades = any_grade(report);
  const std::string title = report.year
                                ? words(lang, "Xếp hạng Chỉ số cải cách hành chính năm ", "PAR Index ranking, ") +
                                      std::to_string(*report.year)
                                : words(lang, "Xếp hạng Chỉ số cải cách hành chính", "PAR Index ranking");
  std::string body = "<h1>" + html(title) + "</h1>\n";
  body += "<p>" + html(ranking_summary(report, lang)) + "</p>\n";

  // The units per grade, in the order the grades first appear from the top.
  if (grades) {
    std::vector<std::pair<std::string, std::size_t>> counts;
    for (const RankedUnit& unit : report.units) {
      const std::string grade = unit.unit.grade.empty() ? words(lang, "chưa xếp loại", "no grade") : unit.unit.grade;
      auto found = std::find_if(counts.begin(), counts.end(), [&](const auto& count) { return count.first == grade; });
      if (found == counts.end()) {
        counts.emplace_back(grade, 1);
      } else {
        ++found->second;
      }
    }
    const Decimal total(static_cast<int>(report.units.size()));
    std::vector<Bar> bars;
    for (const auto& [grade, count] : counts) {
      const Decimal n(static_cast<int>(count));
      bars.push_back(
          Bar{grade, n, total,
              std::to_string(count) + " (" + format_number(Decimal::mul_div(n, Decimal(100), total, 2), 2, lang) + "%)",
              k_grade, true});
    }
    const std::string chart_title = words(lang, "Số đơn vị theo xếp loại", "Units per grade");
    body += "<h2>" + html(chart_title) + "</h2>\n";
    body += figure({}, bar_chart(chart_title, bars, "grades"));
  }

  const std::string chart_title =
      words(lang, "Chỉ số CCHC của từng đơn vị, theo thứ hạng", "Each unit's PAR Index, in rank order");
  body += "<h2>" + html(chart_title) + "</h2>\n";
  for (std::size_t start = 0; start < report.units.size(); start += k_bars_per_chart) {
    const std::size_t end = std::min(report.units.size(), start + k_bars_per_chart);
    std::vector<Bar> bars;
    for (std::size_t i = start; i < end; ++i) {
      const RankedUnit& ranked = report.units[i];
      const std::string& name = ranked.unit.name.empty() ? ranked.unit.unit : ranked.unit.name;
      bars.push_back(Bar{std::to_string(ranked.position) + ". " + name, ranked.unit.index, Decimal(100),
                         format_number(ranked.unit.index, report.decimals, lang), k_bar, true});
    }
    std::string caption = words(lang, "Thang đo 0–100", "Scale 0–100");
    if (report.units.size() > k_bars_per_chart) {
      caption += words(lang, "; hạng ", "; ranks ") + std::to_string(report.units[start].position) + "–" +
                 std::to_string(report.units[end - 1].position);
    }
    body += figure(caption, bar_chart(chart_title, bars, "indices"));
  }

  body += "<h2>" + html(words(lang, "Bảng xếp hạng", "The ranking")) + "</h2>\n";
  std::vector<std::string> headers{words(lang, "Hạng", "Rank"), words(lang, "Mã", "Id"), words(lang, "Đơn vị", "Unit")};
  std::vector<bool> numbers{true, false, false};
  if (points) {
    headers.push_back(words(lang, "Điểm", "Points"));
    numbers.push_back(true);
  }
  headers.push_back(words(lang, "Chỉ số", "Index"));
  numbers.push_back(true);
  if (grades) {
    headers.push_back(words(lang, "Xếp loại", "Grade"));
    numbers.push_back(false);
  }
  if (report.has_baseline) {
    headers.push_back(words(lang, "Năm trước", "Previous"));
    numbers.push_back(true);
    headers.push_back(words(lang, "Thay đổi", "Change"));
    numbers.push_back(false);
  }
  HtmlTable table(std::move(headers), std::move(numbers));
  for (const RankedUnit& ranked : report.units) {
    const RankInput& unit = ranked.unit;
    std::string row =
        cell("td", std::to_string(ranked.position), "n") + cell("td", unit.unit, "nw") + cell("td", unit.name);
    if (points) {
      row += cell("td", unit.points ? format_number(*unit.points, report.decimals, lang) : std::string(), "n");
    }
    row += cell("td", format_number(unit.index, report.decimals, lang), "n");
    if (grades) {
      row += cell("td", unit.grade, "nw");
    }
    if (report.has_baseline) {
      row += cell("td", ranked.previous ? std::to_string(*ranked.previous) : std::string(), "n");
      row += "<td class=\"nw\">" + change_html(ranked.previous, ranked.change, lang) + "</td>";
    }
    table.add_html_row(row);
  }
  body += table.render();
  body += footer(lang);
  return page(lang, title, body);
}

}  // namespace cchc::report
