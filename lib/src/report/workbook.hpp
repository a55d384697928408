#pragma once

// The workbook layer shared by the xlsx reports (libxlsxwriter stays private
// to lib/src/report).

#include <xlsxwriter.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "cchc/decimal.hpp"
#include "cchc/lang.hpp"

namespace cchc::report {

// Keeps the first error of the libxlsxwriter calls made while filling a
// workbook: `check(worksheet_write_string(...))`.
class XlsxErrors {
 public:
  void operator()(lxw_error result) {
    if (m_first == LXW_NO_ERROR) {
      m_first = result;
    }
  }
  lxw_error first() const { return m_first; }

 private:
  lxw_error m_first = LXW_NO_ERROR;
};

// The bytes of a workbook titled `title` (its document properties) that
// `fill` writes, passing every result to the XlsxErrors it is given.
// libxlsxwriter 1.1.4 writes a workbook to a named file only: it is built in
// a file without a name (O_TMPFILE) in the temporary folder, reached as
// /proc/self/fd/N, and read back, so that nothing is left behind even by a
// killed run. Throws std::runtime_error when the workbook cannot be written.
std::string write_workbook(const std::string& title, Lang lang,
                           const std::function<void(lxw_workbook*, XlsxErrors&)>& fill);

// The nearest double to an exact decimal, read from its text: a cell value
// can only be a double, and this is the one Excel shows as the same digits.
double xlsx_number(const Decimal& value);

// The number format that shows `decimals` digits: "0.000", or "0".
std::string xlsx_number_format(int decimals);

}  // namespace cchc::report

namespace cchc::report {

// The most UTF-16 code units a cell holds (Excel's limit).
inline constexpr std::size_t k_xlsx_max_cell_units = 32767;

// Text a worksheet cell can hold and Excel opens: invalid UTF-8 becomes
// U+FFFD; the characters XML 1.0 forbids (NUL and the other C0 controls but
// TAB, LF and CR; U+FFFE, U+FFFF) are dropped; other control characters and
// invisible ones (bidi controls, zero-width characters) become U+FFFD; text
// longer than 32,767 UTF-16 units is cut to fit, ending in "…".
std::string xlsx_text(std::string_view text);

}  // namespace cchc::report
