#include "workbook.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>

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
