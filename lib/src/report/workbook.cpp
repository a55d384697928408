#include "workbook.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>

#include "cchc/text.hpp"

namespace cchc::report {

namespace {

[[noreturn]] void fail(const std::string& why, Lang lang) {
  throw std::runtime_error(words(lang, "không tạo được bảng tính xlsx: ", "cannot write the xlsx workbook: ") + why);
}

std::string temp_folder() {
  std::error_code error;
  std::string folder = std::filesystem::temp_directory_path(error).string();
  return error || folder.empty() ? "/tmp" : folder;
}

// libxlsxwriter 1.1.4 writes a workbook to a named file only. The file is
// made without a name (O_TMPFILE) in the temporary folder and named to
// libxlsxwriter as /proc/self/fd/N, so that a run killed while building it
// leaves nothing behind. Where O_TMPFILE is not supported, a named file is
// made and removed at once (reached through /proc/self/fd/N all the same);
// without /proc, the named file is kept until it is read back.
class ScratchFile {
 public:
  explicit ScratchFile(Lang lang) : m_folder(temp_folder()), m_lang(lang) {
    m_fd = ::open(m_folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (m_fd >= 0 && reachable()) {
      return;
    }
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    std::string named = m_folder;
    named.append("/cchc-XXXXXX.xlsx");
    m_fd = ::mkstemps(named.data(), 5);
    if (m_fd < 0) {
      fail(named + ": " + std::strerror(errno), lang);
    }
    if (reachable()) {
      ::unlink(named.c_str());
    } else {
      m_named = named;
      m_path = named;
    }
  }
  ~ScratchFile() {
    if (!m_named.empty()) {
      ::unlink(m_named.c_str());
    }
    ::close(m_fd);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  // The name libxlsxwriter writes the workbook to.
  const std::string& path() const { return m_path; }
  // Where libxlsxwriter keeps its own temporary files (each removed as soon
  // as it is made).
  const std::string& folder() const { return m_folder; }

  // The bytes libxlsxwriter wrote.
  std::string read() const {
    struct stat status {};
    if (::fstat(m_fd, &status) != 0) {
      fail(m_path + ": " + std::strerror(errno), m_lang);
    }
    std::string bytes(static_cast<std::size_t>(status.st_size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t got = ::pread(m_fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
      if (got < 0 && errno == EINTR) {
        continue;
      }
      if (got <= 0) {
        fail(m_path + ": " + std::strerror(got < 0 ? errno : EIO), m_lang);
      }
      done += static_cast<std::size_t>(got);
    }
    return bytes;
  }

 private:
  // Whether the file can be opened as /proc/self/fd/N (then m_path).
  bool reachable() {
    m_path = "/proc/self/fd/";
    m_path.append(std::to_string(m_fd));
    return ::access(m_path.c_str(), W_OK) == 0;
  }

  std::string m_folder;
  std::string m_path;
  std::string m_named;  // a name to remove, when the file has one
  int m_fd = -1;
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
  const ScratchFile file(lang);
  std::string tmpdir = file.folder();
  lxw_workbook_options options{};
  options.tmpdir = tmpdir.data();
  lxw_workbook* workbook = workbook_new_opt(file.path().c_str(), &options);
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
