#pragma once

// The page skeleton, tables and charts the HTML reports share (the score and
// ranking pages); the escaping itself is public, in cchc/report/html.hpp.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/decimal.hpp"
#include "cchc/lang.hpp"
#include "cchc/report/html.hpp"

namespace cchc::report {

// The colours of the charts and marks; the same in print (SVG fills are
// printed whatever the browser's "background graphics" setting).
inline constexpr std::string_view k_bar = "#2b5797";    // points, indices
inline constexpr std::string_view k_track = "#dfe5ee";  // the maximum behind a bar
inline constexpr std::string_view k_lost = "#c0392b";   // a field below half its maximum
inline constexpr std::string_view k_grade = "#5b7f3a";  // counts per grade

// A whole page around `body`: inline CSS for A4 paper, nothing to fetch and
// nothing to run.
std::string page(Lang lang, const std::string& title, const std::string& body);

// A table cell: `text` escaped; `cls` "n" for a number.
std::string cell(std::string_view tag, const std::string& text, std::string_view cls = {});

// A table: headers (those in `numbers` right-aligned), then rows of HTML.
class HtmlTable {
 public:
  HtmlTable(std::vector<std::string> headers, std::vector<bool> numbers, std::string cls = {});

  // Cells are plain text, escaped here; `keep` columns keep their line breaks.
  void add_row(const std::vector<std::string>& cells, std::string_view row_class = {},
               const std::vector<bool>& keep = {});
  // A row whose cells are HTML already.
  void add_html_row(const std::string& cells) { m_rows += "<tr>" + cells + "</tr>\n"; }

  std::string render() const;

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
std::string bar_chart(const std::string& title, const std::vector<Bar>& bars, std::string_view css_class);

// A chart, with a note under it when `caption` is not empty.
std::string figure(const std::string& caption, const std::string& svg);

// "▲ tăng 2 bậc" in green, "▼ giảm 3 bậc" in red, "= giữ nguyên", "mới".
std::string change_html(const std::optional<int>& previous, const std::optional<int>& change, Lang lang);

// The line at the foot of every page: what made it.
std::string footer(Lang lang);

}  // namespace cchc::report
