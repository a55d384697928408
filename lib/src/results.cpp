#include "cchc/results.hpp"

#include <algorithm>
#include <map>

#include "cchc/input_file.hpp"
#include "cchc/text.hpp"
#include "encoding.hpp"
#include "reader.hpp"
#include "yaml_tree.hpp"

namespace cchc {

bool ResultsTable::has_ranks() const {
  return !rows.empty() && std::all_of(rows.begin(), rows.end(), [](const ResultRow& row) { return row.rank; });
}

const ResultRow* ResultsTable::find(std::string_view unit) const {
  const auto it = std::find_if(rows.begin(), rows.end(), [&](const ResultRow& row) { return row.unit == unit; });
  return it == rows.end() ? nullptr : &*it;
}

namespace {

using detail::check_encoding;
using detail::join;
using detail::lowercase_ascii;
using detail::PositionMap;
using detail::Reader;
using detail::YamlNode;

// A rank above this is a typo, not a place in a published table (and keeps it an int).
constexpr int k_max_rank = 1'000'000;

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

// A text cell as cchc's own CSV writer would have written it: the writer
// puts a ' before text that a spreadsheet would run as a formula (SPEC §4),
// so that `'=x` reads back as `=x` and a table written by `cchc rank -f csv`
// gives the same unit ids, names and grades.
std::string without_formula_guard(std::string_view text) {
  if (text.size() >= 2 && text[0] == '\'' &&
      (text[1] == '=' || text[1] == '+' || text[1] == '-' || text[1] == '@' || text[1] == '\t' || text[1] == '\r')) {
    text.remove_prefix(1);
  }
  return std::string(text);
}

// The same message for a duplicate unit in both forms.
std::string listed_twice(Lang lang, const std::string& unit, int first_line) {
  return detail::say(lang, "đơn vị \"{}\" bị ghi hai lần (lần đầu ở dòng {})",
                     "the unit \"{}\" is listed twice (first at line {})", unit, first_line);
}

std::string no_rows(Lang lang) {
  return std::string(tr(lang, "bảng không có dòng nào: cần mỗi đơn vị một dòng sau dòng tiêu đề",
                        "the table has no rows: expected one row per unit after the header"));
}

std::string empty_table(Lang lang) {
  return std::string(tr(lang, "tệp rỗng: cần một dòng tiêu đề, ví dụ unit,name,index",
                        "the file is empty: expected a header row such as unit,name,index"));
}

std::optional<int> common_year(const std::vector<ResultRow>& rows) {
  if (rows.empty() || !rows.front().year) {
    return std::nullopt;
  }
  for (const ResultRow& row : rows) {
    if (row.year != rows.front().year) {
      return std::nullopt;
    }
  }
  return rows.front().year;
}

// ---- CSV ---------------------------------------------------------------------

// One cell as read: NFC text, trimmed unless quoted, and where it starts.
struct Cell {
  std::string text;
  bool quoted = false;
  SourcePos pos;

  // The text without surrounding blanks: a quoted " 97,685" is still a number.
  std::string_view trimmed() const {
    std::string_view view = text;
    while (!view.empty() && is_blank(view.front())) {
      view.remove_prefix(1);
    }
    while (!view.empty() && is_blank(view.back())) {
      view.remove_suffix(1);
    }
    return view;
  }
};

struct Record {
  std::vector<Cell> cells;
  int line = 0;
  bool broken = false;  // a quoting problem was reported: its cells are not checked

  bool is_empty() const {
    return std::all_of(cells.begin(), cells.end(), [](const Cell& cell) { return cell.text.empty(); });
  }
};

// The text with every line end (CRLF, LF, or a lone CR) written as LF, so
// that lines are counted the same whatever the spreadsheet wrote.
std::string unify_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// `;` when the header line holds one outside quotes, otherwise `,`.
char detect_delimiter(std::string_view header) {
  bool in_quotes = false;
  for (const char c : header) {
    if (c == '"') {
      in_quotes = !in_quotes;
    } else if (c == '\n' && !in_quotes) {
      break;
    } else if (c == ';' && !in_quotes) {
      return ';';
    }
  }
  return ',';
}

// Splits RFC 4180 text (LF line ends, valid UTF-8) into records, tracking
// lines and character columns; quoted cells may hold the delimiter, doubled
// quotes and line breaks.
class CsvScanner {
 public:
  CsvScanner(std::string_view text, char delimiter, DiagnosticSink& sink, Lang lang)
      : m_text(text), m_delimiter(delimiter), m_sink(sink), m_lang(lang) {}

  bool at_end() const { return m_at >= m_text.size(); }

  Record next() {
    Record record;
    record.line = m_pos.line;
    for (;;) {
      record.cells.push_back(cell(record));
      if (at_end()) {
        break;
      }
      const char c = m_text[m_at];
      advance();
      if (c == '\n') {
        break;
      }
    }
    return record;
  }

 private:
  char peek() const { return at_end() ? '\0' : m_text[m_at]; }
  bool at_cell_end() const { return at_end() || peek() == '\n' || peek() == m_delimiter; }

  void advance() {
    if (m_text[m_at] == '\n') {
      ++m_pos.line;
      m_pos.column = 1;
    } else if (!is_continuation(m_text[m_at])) {
      ++m_pos.column;
    }
    ++m_at;
  }

  void skip_blanks() {
    while (!at_end() && is_blank(peek())) {
      advance();
    }
  }

  // One cell; leaves the scanner on the delimiter, the line end or the end.
  Cell cell(Record& record) {
    Cell out;
    out.pos = m_pos;
    skip_blanks();
    if (peek() == '"') {
      out.pos = m_pos;
      out.quoted = true;
      quoted(out, record);
    } else {
      if (!at_cell_end()) {
        out.pos = m_pos;
      }
      const std::size_t start = m_at;
      while (!at_cell_end()) {
        advance();
      }
      std::string_view text = m_text.substr(start, m_at - start);
      while (!text.empty() && is_blank(text.back())) {
        text.remove_suffix(1);
      }
      out.text = to_nfc(text);
    }
    return out;
  }

  void quoted(Cell& out, Record& record) {
    advance();  // the opening quote
    std::string text;
    for (;;) {
      if (at_end()) {
        m_sink.error(out.pos.line, out.pos.column,
                     std::string(tr(m_lang, "ô bắt đầu bằng dấu nháy ở đây không có dấu nháy đóng (thiếu \")",
                                    "the quoted cell that starts here has no closing quote (a \" is missing)")),
                     "csv_quote");
        record.broken = true;
        break;
      }
      const char c = peek();
      advance();
      if (c != '"') {
        text.push_back(c);
      } else if (peek() == '"') {
        text.push_back('"');
        advance();
      } else {
        break;
      }
    }
    out.text = to_nfc(text);
    skip_blanks();
    if (!at_cell_end()) {
      std::size_t end = m_at + 1;
      while (end < m_text.size() && is_continuation(m_text[end])) {
        ++end;
      }
      m_sink.error(m_pos.line, m_pos.column,
                   detail::say(m_lang, "sau dấu nháy đóng cần \"{0}\" hoặc hết dòng, nhưng gặp \"{1}\"",
                               "expected \"{0}\" or the end of the line after a closing quote, found \"{1}\"",
                               std::string(1, m_delimiter), m_text.substr(m_at, end - m_at)),
                   "csv_quote");
      record.broken = true;
      while (!at_cell_end()) {
        advance();
      }
    }
  }

  std::string_view m_text;
  char m_delimiter;
  DiagnosticSink& m_sink;
  Lang m_lang;
  std::size_t m_at = 0;
  SourcePos m_pos{1, 1};
};

enum class Column { unit, name, index, points, max, rank, grade, year, previous, change };

class CsvLoader {
 public:
  CsvLoader(const std::string& path, Lang lang) : m_sink(path, lang), m_lang(lang) {}

  ResultsTable load(std::string_view bytes) {
    m_table.path = m_sink.file();
    if (bytes.size() > k_max_file_size) {
      m_sink.error(0, 0,
                   say("tệp quá lớn ({} byte): giới hạn là 16 MiB",
                       "the file is too large ({} bytes): the limit is 16 MiB", bytes.size()),
                   "too_large");
      m_sink.finish();
    }
    std::string_view body = bytes;
    if (body.substr(0, 3) == "\xEF\xBB\xBF") {
      body.remove_prefix(3);
    }
    const std::string text = unify_line_ends(body);
    if (!check_encoding(text, PositionMap(text), m_sink, m_lang)) {
      m_sink.finish();
    }

    // Blank lines before the header are skipped like any other.
    std::size_t header_start = 0;
    for (std::size_t i = 0; i < text.size() && (is_blank(text[i]) || text[i] == '\n'); ++i) {
      if (text[i] == '\n') {
        header_start = i + 1;
      }
    }
    if (text.find_first_not_of(" \t\n") == std::string::npos) {
      m_sink.error(1, 1, empty_table(m_lang), "empty");
      m_sink.finish();
    }
    m_delimiter = detect_delimiter(std::string_view(text).substr(header_start));

    CsvScanner scanner(text, m_delimiter, m_sink, m_lang);
    int header_line = 0;
    // A table that repeats one mistake on every row stops at the reported maximum.
    while (!scanner.at_end() && !m_sink.full()) {
      const Record record = scanner.next();
      if (record.is_empty() && !record.broken) {
        continue;
      }
      if (header_line == 0) {
        read_header(record);
        header_line = record.line;
      } else {
        read_row(record);
      }
    }
    if (!scanner.at_end()) {
      m_sink.stop();
    }
    if (header_line == 0 && !m_sink.has_errors()) {
      // Only empty cells (`;;` lines): no header either.
      m_sink.error(1, 1, empty_table(m_lang), "empty");
    } else if (m_table.rows.empty() && !m_sink.has_errors()) {
      m_sink.error(header_line, 1, no_rows(m_lang), "no_rows");
    }
    m_table.year = common_year(m_table.rows);
    m_sink.finish();
    return std::move(m_table);
  }

 private:
  template <typename... Args>
  std::string say(std::string_view vi, std::string_view en, const Args&... args) const {
    return detail::say(m_lang, vi, en, args...);
  }

  void error(SourcePos at, std::string message, std::string code) {
    m_sink.error(at.line, at.column, std::move(message), std::move(code));
  }

  void read_header(const Record& header) {
    const std::vector<std::string> known(std::begin(k_results_columns), std::end(k_results_columns));
    m_header_broken = header.broken;
    if (m_header_broken) {
      return;  // the quoting problem is reported; its names would only add noise
    }
    m_width = header.cells.size();
    m_columns.assign(m_width, std::nullopt);
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
      const Cell& cell = header.cells[i];
      const std::string_view written = cell.trimmed();
      const std::string name = lowercase_ascii(written);
      if (name.empty()) {
        error(cell.pos,
              say("cột không có tên: cần một trong {}", "a column without a name: expected one of {}", join(known)),
              "unknown_column");
        continue;
      }
      const auto it = std::find(known.begin(), known.end(), name);
      if (it == known.end()) {
        std::string message = say("cột không hợp lệ \"{}\"", "unknown column \"{}\"", written);
        if (const auto suggestion = detail::did_you_mean(written, known)) {
          message += say("; có phải là \"{}\"?", "; did you mean \"{}\"?", *suggestion);
        } else {
          message += say(" (các cột hợp lệ: {})", " (known columns: {})", join(known));
        }
        error(cell.pos, std::move(message), "unknown_column");
        continue;
      }
      const auto column = static_cast<Column>(it - known.begin());
      if (std::find(m_columns.begin(), m_columns.end(), column) != m_columns.end()) {
        error(cell.pos,
              say("cột \"{}\" xuất hiện hai lần trong dòng tiêu đề", "the column \"{}\" appears twice in the header",
                  name),
              "duplicate_column");
        continue;
      }
      m_columns[i] = column;
    }
    for (const Column required : {Column::unit, Column::index}) {
      if (std::find(m_columns.begin(), m_columns.end(), required) != m_columns.end()) {
        continue;
      }
      const std::string_view name = k_results_columns[static_cast<std::size_t>(required)];
      std::string message = say("thiếu cột bắt buộc \"{}\"", "the required column \"{}\" is missing", name);
      if (m_width == 1) {
        message += say(" (các cột phải cách nhau bằng \",\" hoặc \";\")", " (columns are separated by \",\" or \";\")");
      }
      error({header.line, 1}, std::move(message), "missing_column");
    }
  }

  void read_row(const Record& record) {
    // Under a header whose quoting is broken the columns are unknown.
    if (record.broken || m_header_broken) {
      return;
    }
    if (record.cells.size() != m_width) {
      const std::size_t count = record.cells.size();
      error({record.line, 1},
            say("dòng này có {0} ô, nhưng dòng tiêu đề có {2} cột", "this row has {0} {1}, but the header has {2} {3}",
                count, count == 1 ? "cell" : "cells", m_width, m_width == 1 ? "column" : "columns"),
            "field_count");
      return;
    }
    ResultRow row;
    row.pos = {record.line, 1};
    bool have_index = false;
    const Cell* unit_cell = nullptr;
    for (std::size_t i = 0; i < m_width; ++i) {
      if (!m_columns[i]) {
        continue;
      }
      const Cell& cell = record.cells[i];
      switch (*m_columns[i]) {
        case Column::unit:
          unit_cell = &cell;
          row.unit = without_formula_guard(cell.trimmed());
          if (row.unit.empty()) {
            error(cell.pos, say("unit: không được để trống", "unit: must not be empty"), "empty");
          } else if (!is_valid_unit_id(row.unit)) {
            // "u1\u200B" or "\uFEFFu1" would show as a second "u1".
            error(cell.pos, detail::unit_id_message(m_lang, "unit", row.unit), "unit_id");
            row.unit.clear();
          }
          break;
        case Column::name:
          row.name = detail::single_line(without_formula_guard(cell.text));
          break;
        case Column::index:
          if (const auto value = number(cell, "index", true)) {
            row.index = *value;
            have_index = true;
          }
          break;
        case Column::points:
          row.points = number(cell, "points", false);
          break;
        case Column::max:
          row.max = number(cell, "max", false);
          break;
        case Column::rank:
          row.rank = whole(cell, "rank", 1, k_max_rank);
          break;
        case Column::grade:
          row.grade = detail::single_line(without_formula_guard(cell.text));
          break;
        case Column::year:
          row.year = whole(cell, "year", 1900, 2999);
          break;
        case Column::previous:
        case Column::change:
          break;  // written by `cchc rank`; not used
      }
    }
    if (unit_cell != nullptr && !row.unit.empty()) {
      const auto [first, inserted] = m_first_line.emplace(row.unit, record.line);
      if (!inserted) {
        error(unit_cell->pos, listed_twice(m_lang, row.unit, first->second), "duplicate_unit");
        return;
      }
    }
    if (have_index && !row.unit.empty()) {
      m_table.rows.push_back(std::move(row));
    }
  }

  // A decimal written with a point, or with one decimal comma between digits.
  // An empty cell is absent, or an error when `required`.
  std::optional<Decimal> number(const Cell& cell, std::string_view key, bool required) {
    const std::string_view text = cell.trimmed();
    if (text.empty()) {
      if (required) {
        error(cell.pos,
              say("{}: cần một số, ví dụ 97,685 hoặc 97.685, nhưng gặp ô trống",
                  "{}: expected a number such as 97,685 or 97.685, found an empty cell", key),
              "number");
      }
      return std::nullopt;
    }
    std::string plain(text);
    const std::size_t comma = text.find(',');
    if (comma != std::string::npos && text.find(',', comma + 1) == std::string::npos &&
        text.find('.') == std::string::npos && comma > 0 && is_digit(text[comma - 1]) && comma + 1 < text.size() &&
        is_digit(text[comma + 1])) {
      plain[comma] = '.';
    }
    switch (Decimal::check(plain)) {
      case DecimalSyntax::ok: {
        const Decimal value = *Decimal::parse(plain);
        if (value < Decimal(0)) {
          error(cell.pos,
                say("{}: không được là số âm, nhưng gặp \"{}\"", "{}: expected a number ≥ 0, found \"{}\"", key, text),
                "range");
          return std::nullopt;
        }
        return value;
      }
      case DecimalSyntax::too_many_decimals:
        error(cell.pos,
              say("{}: \"{}\" có quá {} chữ số thập phân", "{}: \"{}\" has more than {} decimals", key, text,
                  Decimal::k_max_decimals),
              "number");
        return std::nullopt;
      case DecimalSyntax::too_large:
        error(cell.pos,
              say("{}: \"{}\" quá lớn (tối đa {} chữ số phần nguyên)",
                  "{}: \"{}\" is too large (at most {} digits before the point)", key, text,
                  Decimal::k_max_integer_digits),
              "number");
        return std::nullopt;
      default:
        break;
    }
    std::string message = say("{}: cần một số, ví dụ 97,685 hoặc 97.685, nhưng gặp \"{}\"",
                              "{}: expected a number such as 97,685 or 97.685, found \"{}\"", key, text);
    if (looks_grouped(text)) {
      message += say(" (hãy bỏ dấu phân cách hàng nghìn)", " (write it without thousands separators)");
    }
    error(cell.pos, std::move(message), "number");
    return std::nullopt;
  }

  // Digits with more than one `.` or `,` between them: 1.234,5 or 1,234,567.
  static bool looks_grouped(std::string_view text) {
    int separators = 0;
    for (const char c : text) {
      if (c == '.' || c == ',') {
        ++separators;
      } else if (!is_digit(c) && c != '-' && c != '+') {
        return false;
      }
    }
    return separators > 1;
  }

  // A whole number in [min, max]; an empty cell is absent.
  std::optional<int> whole(const Cell& cell, std::string_view key, int min, int max) {
    const std::string_view text = cell.trimmed();
    if (text.empty()) {
      return std::nullopt;
    }
    const std::optional<Decimal> value = Decimal::parse(text);
    if (value && value->is_integer() && *value >= Decimal(min) && *value <= Decimal(max)) {
      return static_cast<int>(value->to_int());
    }
    if (max == k_max_rank) {
      error(cell.pos,
            say("{}: cần một số nguyên ≥ {}, nhưng gặp \"{}\"", "{}: expected a whole number ≥ {}, found \"{}\"", key,
                min, text),
            "range");
    } else {
      error(cell.pos,
            say("{}: cần một số nguyên từ {} đến {}, nhưng gặp \"{}\"",
                "{}: expected a whole number from {} to {}, found \"{}\"", key, min, max, text),
            "range");
    }
    return std::nullopt;
  }

  DiagnosticSink m_sink;
  Lang m_lang;
  char m_delimiter = ',';
  std::size_t m_width = 0;
  bool m_header_broken = false;
  std::vector<std::optional<Column>> m_columns;  // by position; nullopt for a refused one
  std::map<std::string, int> m_first_line;       // unit → the line it was first listed on
  ResultsTable m_table;
};

// ---- YAML --------------------------------------------------------------------

class YamlLoader {
 public:
  YamlLoader(const detail::YamlDocument& document, Lang lang)
      : m_document(document), m_lang(lang), m_sink(document.path, lang), m_read(m_sink, lang) {}

  ResultsTable load() {
    m_table.path = m_document.path;
    const YamlNode& root = m_document.root;
    if (!m_read.recognise(root, "results/1", m_read.say("bảng kết quả", "a results table"))) {
      m_sink.finish();
    }
    const std::string where = m_read.say("bảng kết quả", "the results table");
    m_read.check_keys(root, {"cchc", "year", "criteria", "units"}, where);
    if (const YamlNode* node = m_read.require(root, "year", where)) {
      if (const auto year = m_read.integer(*node, "year", 1900, 2999)) {
        m_table.year = *year;
      }
    }
    if (const YamlNode* node = root.find("criteria")) {
      m_table.criteria = m_read.identifier(*node, "criteria").value_or("");
    }
    if (const YamlNode* node = m_read.require(root, "units", where)) {
      read_units(*node);
    }
    m_sink.finish();
    return std::move(m_table);
  }

 private:
  void read_units(const YamlNode& list) {
    if (!m_read.expect_sequence(list, "units")) {
      return;
    }
    if (list.items.empty()) {
      m_read.error(list.pos,
                   m_read.say("units: cần ít nhất một đơn vị, nhưng danh sách rỗng",
                              "units: expected at least one unit, found an empty list"),
                   "no_rows");
      return;
    }
    std::map<std::string, int> first_line;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      const YamlNode& item = list.items[i];
      if (!m_read.expect_map(item, m_read.say("units, mục thứ {}", "units, item {}", i + 1))) {
        continue;
      }
      ResultRow row;
      row.pos = item.pos;
      row.year = m_table.year;
      bool ok = true;
      const YamlNode* unit = item.find("unit");
      if (unit != nullptr) {
        if (const auto id = m_read.unit_id(*unit, "unit")) {
          row.unit = *id;
        } else {
          ok = false;
        }
      }
      const std::string where = row.unit.empty() ? m_read.say("units, mục thứ {}", "units, item {}", i + 1)
                                                 : m_read.say("đơn vị \"{}\"", "unit \"{}\"", row.unit);
      m_read.check_keys(item, {"unit", "name", "index", "points", "max", "rank", "grade"}, where);
      if (unit == nullptr) {
        m_read.require(item, "unit", where);
        ok = false;
      }
      if (const YamlNode* node = item.find("name")) {
        row.name = detail::single_line(m_read.text(*node, "name", true).value_or(""));
      }
      if (const YamlNode* node = m_read.require(item, "index", where)) {
        const auto value = m_read.non_negative_number(*node, "index");
        ok = ok && value.has_value();
        row.index = value.value_or(Decimal(0));
      } else {
        ok = false;
      }
      if (const YamlNode* node = item.find("points")) {
        row.points = m_read.non_negative_number(*node, "points");
      }
      if (const YamlNode* node = item.find("max")) {
        row.max = m_read.non_negative_number(*node, "max");
      }
      if (const YamlNode* node = item.find("rank")) {
        row.rank = rank(*node);
      }
      if (const YamlNode* node = item.find("grade")) {
        row.grade = m_read.text(*node, "grade", true).value_or("");
      }
      if (!row.unit.empty()) {
        const auto [first, inserted] = first_line.emplace(row.unit, row.pos.line);
        if (!inserted) {
          m_read.error(unit->pos, listed_twice(m_lang, row.unit, first->second), "duplicate_unit");
          ok = false;
        }
      }
      if (ok) {
        m_table.rows.push_back(std::move(row));
      }
    }
  }

  std::optional<int> rank(const YamlNode& node) {
    const std::optional<Decimal> value = m_read.number(node, "rank");
    if (!value) {
      return std::nullopt;
    }
    if (!value->is_integer() || *value < Decimal(1) || *value > Decimal(k_max_rank)) {
      m_read.error(node.pos,
                   m_read.say("rank: cần một số nguyên ≥ 1, nhưng gặp {}",
                              "rank: expected a whole number ≥ 1, found {}", node.text),
                   "range");
      return std::nullopt;
    }
    return static_cast<int>(value->to_int());
  }

  const detail::YamlDocument& m_document;
  Lang m_lang;
  DiagnosticSink m_sink;
  Reader m_read;
  ResultsTable m_table;
};

bool ends_with_yaml(std::string_view path) {
  const std::string lower = lowercase_ascii(path);
  const auto ends_with = [&](std::string_view suffix) {
    return lower.size() >= suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".yaml") || ends_with(".yml");
}

}  // namespace

ResultsTable parse_results_csv(std::string_view text, const std::string& path, Lang lang) {
  return CsvLoader(path, lang).load(text);
}

ResultsTable load_results(const InputFile& file, Lang lang) {
  return YamlLoader(file.document(), lang).load();
}

ResultsTable read_results(const std::string& path, Lang lang) {
  if (ends_with_yaml(path)) {
    return load_results(InputFile::read(path, lang), lang);
  }
  return parse_results_csv(read_input_bytes(path, lang), path, lang);
}

}  // namespace cchc
