#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cchc/report/style.hpp"
#include "cchc/text.hpp"

namespace cchc::report {

enum class Align { left, right };

// One column of a Table.
struct Column {
  std::string header;
  Align align = Align::left;
  bool wrap = false;          // may be narrowed to fit the width, its text wrapped
  std::size_t min_width = 0;  // at least this wide, even when its cells are narrower
};

// One cell; `continuation` is written on the cell's extra lines when its row
// wraps (the vertical bars of a tree), instead of blanks.
struct Cell {
  std::string text;
  Tone tone = Tone::plain;
  std::string continuation;

  Cell(std::string content = {}, Tone content_tone = Tone::plain,  // NOLINT(google-explicit-constructor)
       std::string wrapped = {})
      : text(std::move(content)), tone(content_tone), continuation(std::move(wrapped)) {}
  Cell(const char* content) : text(content) {}  // NOLINT(google-explicit-constructor)
};

// A text table for terminals and plain-text reports: columns aligned by
// display width (so Vietnamese diacritics, precomposed or not, line up),
// numbers right-aligned, long cells wrapped so lines fit the width.
class Table {
 public:
  explicit Table(std::vector<Column> columns, bool show_header = true, std::size_t indent = 1);

  // Adds a row; it must have one cell per column.
  void add_row(std::vector<Cell> cells);
  // Adds a line of text across the whole table (a group heading).
  void add_line(std::string text, Tone tone = Tone::bold);
  // Adds `count` rows made on demand, after the rows added: `make(i, cells)`
  // fills row i with one cell per column. Each row is made twice (to measure
  // it, then to write it) and never kept, so that a table of thousands of
  // rows is not held whole.
  using RowMaker = std::function<void(std::size_t row, std::vector<Cell>& cells)>;
  void add_rows(std::size_t count, RowMaker make);
  bool empty() const { return m_rows.empty() && m_made == 0; }

  // Lays the table out in at most `width` columns when it can, each line
  // ending with '\n' and without trailing blanks.
  std::string render(const Style& style, std::size_t width) const;
  // The same, appended to `out`.
  void render_to(std::string& out, const Style& style, std::size_t width) const;

 private:
  struct Row {
    std::vector<Cell> cells;
    bool is_line = false;
  };
  std::vector<Column> m_columns;
  // Calls `visit` with every row: those added, then those made.
  void for_each_row(const std::function<void(const Row&)>& visit) const;

  std::vector<Row> m_rows;
  std::size_t m_made = 0;
  RowMaker m_make;
  bool m_show_header;
  std::size_t m_indent;
};

// `text` followed by blanks up to `width` display columns.
std::string pad_right(std::string_view text, std::size_t width);
// Blanks then `text`, up to `width` display columns.
std::string pad_left(std::string_view text, std::size_t width);

// "Label:  value" lines with the values aligned and wrapped under each other.
// `label_width` is the least width of the label column.
std::string render_key_values(const std::vector<std::pair<std::string, std::string>>& pairs, const Style& style,
                              std::size_t width, std::size_t label_width = 0);

}  // namespace cchc::report
