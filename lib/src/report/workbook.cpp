#include "workbook.hpp"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>

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

}  // namespace cchc::report

namespace cchc::report {

std::string xlsx_text(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  std::size_t units = 0;                      // UTF-16 units kept so far
  std::optional<std::size_t> fits_with_mark;  // bytes that fit beside "…"
  std::size_t offset = 0;
  while (offset < text.size()) {
    std::string_view character = text.substr(offset, 1);
    char32_t code_point = static_cast<unsigned char>(text[offset]);
    if (code_point >= 0x80) {
      // One whole UTF-8 sequence, or U+FFFD for an invalid byte.
      const std::string_view rest = text.substr(offset, 4);
      const std::optional<std::size_t> bad = find_invalid_utf8(rest);
      std::size_t length = 1;
      if (bad == std::size_t{0}) {
        character = "\xEF\xBF\xBD";
        code_point = 0xFFFD;
      } else {
        const auto lead = static_cast<unsigned char>(text[offset]);
        length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        character = text.substr(offset, length);
        code_point = lead >= 0xF0 ? lead & 0x07U : lead >= 0xE0 ? lead & 0x0FU : lead & 0x1FU;
        for (std::size_t i = 1; i < length; ++i) {
          code_point = (code_point << 6U) | (static_cast<unsigned char>(character[i]) & 0x3FU);
        }
      }
      offset += length;
    } else {
      ++offset;
    }
    const bool forbidden = (code_point < 0x20 && code_point != '\t' && code_point != '\n' && code_point != '\r') ||
                           code_point == 0xFFFE || code_point == 0xFFFF;
    if (forbidden) {
      continue;
    }
    if ((is_control_character(code_point) && code_point >= 0x20) || is_invisible_character(code_point)) {
      character = "\xEF\xBF\xBD";
      code_point = 0xFFFD;
    }
    const std::size_t width = code_point >= 0x10000 ? 2 : 1;
    if (!fits_with_mark && units + width > k_xlsx_max_cell_units - 1) {
      fits_with_mark = kept.size();  // where to cut if the whole does not fit
    }
    units += width;
    if (units > k_xlsx_max_cell_units) {
      kept.resize(*fits_with_mark);
      kept += "…";
      break;
    }
    kept += character;
  }
  return kept;
}

}  // namespace cchc::report
