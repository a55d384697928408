#include "cchc/report/xlsx.hpp"
#include "workbook.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <vector>

#include "cchc/text.hpp"

namespace cchc::report {

namespace {

[[noreturn]] void fail(const std::string& why, Lang lang) {
  throw std::runtime_error(words(lang, "không tạo được bảng tính xlsx: ", "cannot write the xlsx workbook: ") + why);
}

// libxlsxwriter 1.1.4 writes a workbook to a named file only: a private
// temporary file, read back and removed.
class TemporaryFile {
 public:
  explicit TemporaryFile(Lang lang) : m_lang(lang) {
    std::error_code error;
    std::filesystem::path folder = std::filesystem::temp_directory_path(error);
    if (error) {
      folder = "/tmp";
    }
    m_path = (folder / "cchc-XXXXXX.xlsx").string();
    const int fd = ::mkstemps(m_path.data(), 5);
    if (fd < 0) {
      fail(m_path + ": " + std::strerror(errno), lang);
    }
    ::close(fd);
  }
  ~TemporaryFile() { ::unlink(m_path.c_str()); }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  const std::string& path() const { return m_path; }

  std::string read() const {
    std::ifstream in(m_path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      fail(m_path + ": " + std::strerror(errno), m_lang);
    }
    return bytes;
  }

 private:
  std::string m_path;
  Lang m_lang;
};

enum class Field { position, unit, name, points, index, grade, previous, change };

// A column's width in Excel's units (about one character each), from the
// widest text it holds.
class ColumnWidths {
 public:
  explicit ColumnWidths(std::size_t columns) : m_widths(columns, 0) {}
  void fit(std::size_t column, std::string_view text) {
    m_widths[column] = std::max(m_widths[column], display_width(text));
  }
  double width(std::size_t column) const {
    return static_cast<double>(std::min<std::size_t>(m_widths[column], 60) + 2);
  }

 private:
  std::vector<std::size_t> m_widths;
};

}  // namespace

double xlsx_number(const Decimal& value) {
  const std::string text = value.to_string();
  double result = 0;
  std::from_chars(text.data(), text.data() + text.size(), result);
  return result;
}

std::string xlsx_number_format(int decimals) {
  return decimals > 0 ? "0." + std::string(static_cast<std::size_t>(decimals), '0') : "0";
}

std::string write_workbook(const std::string& title, Lang lang,
                           const std::function<void(lxw_workbook*, XlsxErrors&)>& fill) {
  const TemporaryFile file(lang);
  lxw_workbook* workbook = workbook_new(file.path().c_str());
  if (workbook == nullptr) {
    fail(file.path(), lang);
  }
  std::string title_text = title;
  lxw_doc_properties properties{};
  properties.title = title_text.data();
  XlsxErrors errors;
  errors(workbook_set_properties(workbook, &properties));
  fill(workbook, errors);
  errors(workbook_close(workbook));
  if (errors.first() != LXW_NO_ERROR) {
    fail(lxw_strerror(errors.first()), lang);
  }
  return file.read();
}

std::string render_ranking_xlsx(const RankingReport& report, Lang lang) {
  std::vector<Field> fields{Field::position, Field::unit, Field::name};
  if (any_points(report)) {
    fields.push_back(Field::points);
  }
  fields.push_back(Field::index);
  if (any_grade(report)) {
    fields.push_back(Field::grade);
  }
  if (report.has_baseline) {
    fields.push_back(Field::previous);
    fields.push_back(Field::change);
  }
  auto header = [lang](Field field) {
    switch (field) {
      case Field::position:
        return words(lang, "Hạng", "Rank");
      case Field::unit:
        return words(lang, "Mã", "Id");
      case Field::name:
        return words(lang, "Đơn vị", "Unit");
      case Field::points:
        return words(lang, "Điểm", "Points");
      case Field::index:
        return words(lang, "Chỉ số", "Index");
      case Field::grade:
        return words(lang, "Xếp loại", "Grade");
      case Field::previous:
        return words(lang, "Năm trước", "Previous");
      case Field::change:
        return words(lang, "Thay đổi", "Change");
    }
    return std::string();
  };

  const std::string title = report.year
                                ? words(lang, "Xếp hạng Chỉ số cải cách hành chính năm ", "PAR Index ranking, ") +
                                      std::to_string(*report.year)
                                : words(lang, "Xếp hạng Chỉ số cải cách hành chính", "PAR Index ranking");
  return write_workbook(title, lang, [&](lxw_workbook* workbook, XlsxErrors& check) {
    const std::string sheet_name = words(lang, "Xếp hạng", "Ranking");
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* score = workbook_add_format(workbook);
    format_set_num_format(score, xlsx_number_format(report.decimals).c_str());
    lxw_format* change = workbook_add_format(workbook);
    format_set_num_format(change, "+0;-0;0");
    lxw_format* right = workbook_add_format(workbook);
    format_set_align(right, LXW_ALIGN_RIGHT);

    ColumnWidths widths(fields.size());
    // A number is about as wide as its text in the report.
    auto number_width = [&](std::size_t column, const Decimal& value) {
      widths.fit(column, format_number(value, report.decimals, lang));
    };
    for (std::size_t c = 0; c < fields.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const std::string text = header(fields[c]);
      widths.fit(c, text);
      check(worksheet_write_string(sheet, 0, col, text.c_str(), bold));
    }
    lxw_row_t row = 0;
    for (const RankedUnit& ranked : report.units) {
      ++row;
      const RankInput& unit = ranked.unit;
      for (std::size_t c = 0; c < fields.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        switch (fields[c]) {
          case Field::position:
            widths.fit(c, std::to_string(ranked.position));
            check(worksheet_write_number(sheet, row, col, ranked.position, nullptr));
            break;
          case Field::unit:
            widths.fit(c, unit.unit);
            check(worksheet_write_string(sheet, row, col, unit.unit.c_str(), nullptr));
            break;
          case Field::name:
            widths.fit(c, unit.name);
            if (!unit.name.empty()) {
              check(worksheet_write_string(sheet, row, col, unit.name.c_str(), nullptr));
            }
            break;
          case Field::points:
            if (unit.points) {
              number_width(c, *unit.points);
              check(worksheet_write_number(sheet, row, col, xlsx_number(*unit.points), score));
            }
            break;
          case Field::index:
            number_width(c, unit.index);
            check(worksheet_write_number(sheet, row, col, xlsx_number(unit.index), score));
            break;
          case Field::grade:
            widths.fit(c, unit.grade);
            if (!unit.grade.empty()) {
              check(worksheet_write_string(sheet, row, col, unit.grade.c_str(), nullptr));
            }
            break;
          case Field::previous:
            if (ranked.previous) {
              widths.fit(c, std::to_string(*ranked.previous));
              check(worksheet_write_number(sheet, row, col, *ranked.previous, nullptr));
            }
            break;
          case Field::change:
            if (ranked.change) {
              widths.fit(c, std::string("+").append(std::to_string(*ranked.change)));
              check(worksheet_write_number(sheet, row, col, *ranked.change, change));
            } else {
              // A unit not in the baseline: "mới" / "new", as text.
              const std::string text = describe_change(ranked.previous, ranked.change, lang);
              widths.fit(c, text);
              check(worksheet_write_string(sheet, row, col, text.c_str(), right));
            }
            break;
        }
      }
    }
    for (std::size_t c = 0; c < fields.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      check(worksheet_set_column(sheet, col, col, widths.width(c), nullptr));
    }
    worksheet_freeze_panes(sheet, 1, 0);
    check(worksheet_autofilter(sheet, 0, 0, row, static_cast<lxw_col_t>(fields.size() - 1)));
  });
}

}  // namespace cchc::report
