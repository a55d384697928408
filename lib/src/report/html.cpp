#include "cchc/report/html.hpp"

#include <cstddef>
#include <utility>

#include "cchc/ranking.hpp"
#include "cchc/text.hpp"
#include "html_page.hpp"

namespace cchc::report {

std::string html(std::string_view raw) {
  const std::string text = visible_text(raw);
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

}  // namespace

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

std::string cell(std::string_view tag, const std::string& text, std::string_view cls) {
  std::string out = "<";
  out += tag;
  if (!cls.empty()) {
    out += " class=\"";
    out += cls;
    out += "\"";
  }
  out += ">";
  out += html(text);
  out += "</";
  out += tag;
  out += ">";
  return out;
}

HtmlTable::HtmlTable(std::vector<std::string> headers, std::vector<bool> numbers, std::string cls)
    : m_headers(std::move(headers)), m_numbers(std::move(numbers)), m_class(std::move(cls)) {}

void HtmlTable::add_row(const std::vector<std::string>& cells, std::string_view row_class,
                        const std::vector<bool>& keep) {
  m_rows += row_class.empty() ? "<tr>" : "<tr class=\"" + std::string(row_class) + "\">";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const bool number = i < m_numbers.size() && m_numbers[i];
    const bool lines = i < keep.size() && keep[i];
    m_rows += cell("td", cells[i], number ? "n" : lines ? "keep" : "");
  }
  m_rows += "</tr>\n";
}

std::string HtmlTable::render() const {
  std::string out = m_class.empty() ? "<table>\n" : "<table class=\"" + m_class + "\">\n";
  out += "<thead><tr>";
  for (std::size_t i = 0; i < m_headers.size(); ++i) {
    out += cell("th", m_headers[i], i < m_numbers.size() && m_numbers[i] ? "n" : "");
  }
  out += "</tr></thead>\n<tbody>\n" + m_rows + "</tbody>\n</table>\n";
  return out;
}

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

std::string figure(const std::string& caption, const std::string& svg) {
  std::string out = "<figure>\n" + svg;
  if (!caption.empty()) {
    out += "<figcaption>" + html(caption) + "</figcaption>\n";
  }
  return out + "</figure>\n";
}

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

std::string footer(Lang lang) {
  return "<footer>" +
         html(words(lang, "Lập bằng cchc, công cụ tự chấm Chỉ số cải cách hành chính.",
                    "Made with cchc, the PAR Index self-assessment tool.")) +
         "</footer>\n";
}

}  // namespace cchc::report
