#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cchc::report {

// What a line break in a text becomes in Markdown: a space (headings, list
// items, the score report's cells) or `<br>` (cells that keep their lines).
enum class LineBreaks { space, html };

// Text safe inside Markdown, in a table cell or a line: characters that
// Markdown reads as markup are escaped, CR is dropped, LF becomes `breaks`;
// invalid UTF-8 and invisible characters (bidi controls, zero-width
// characters) become U+FFFD.
// An underscore inside a word (no_tthc) is left alone: it cannot start
// emphasis.
std::string md(std::string_view text, LineBreaks breaks = LineBreaks::space);

// A Markdown pipe table; cells are plain text, escaped when rendered.
class PipeTable {
 public:
  // `right` marks the right-aligned (number) columns.
  PipeTable(std::vector<std::string> headers, std::vector<bool> right, LineBreaks breaks = LineBreaks::space);

  void add_row(std::vector<std::string> cells) { m_rows.push_back(std::move(cells)); }
  std::string render() const;

 private:
  std::vector<std::string> m_headers;
  std::vector<bool> m_right;
  LineBreaks m_breaks;
  std::vector<std::vector<std::string>> m_rows;
};

}  // namespace cchc::report
