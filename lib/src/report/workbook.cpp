#include "workbook.hpp"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

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
