#include "cchc/diagnostic.hpp"

#include <cerrno>
#include <cstring>
#include <map>
#include <string_view>
#include <utility>

#include "cchc/text.hpp"
#include "localized.hpp"

namespace cchc {

std::string format_diagnostic(const Diagnostic& diagnostic) {
  // A path or a message holding a line break (a file named so, a CSV cell)
  // must not start a line of its own that reads as another diagnostic.
  std::string text = one_line(diagnostic.file);
  if (diagnostic.line > 0) {
    text += ':' + std::to_string(diagnostic.line);
    if (diagnostic.column > 0) {
      text += ':' + std::to_string(diagnostic.column);
    }
  }
  text += diagnostic.severity == Severity::error ? ": error: " : ": warning: ";
  text += one_line(diagnostic.message);
  return text;
}

std::string system_error_text(int error_number, Lang lang) {
  struct Known {
    int number;
    std::string_view vi;
    std::string_view en;
  };
  static constexpr Known k_known[] = {
      {ENOENT, "không tồn tại", "no such file or folder"},
      {EACCES, "không có quyền truy cập", "permission denied"},
      {EPERM, "không được phép", "operation not permitted"},
      {EISDIR, "là một thư mục", "is a folder"},
      {ENOTDIR, "một phần của đường dẫn không phải thư mục", "a part of the path is not a folder"},
      {ELOOP, "quá nhiều liên kết tượng trưng lồng nhau", "too many levels of symbolic links"},
      {ENAMETOOLONG, "tên tệp quá dài", "file name too long"},
      {ENOSPC, "hết chỗ trên đĩa", "no space left on the disk"},
      {EROFS, "ổ đĩa chỉ cho đọc", "read-only file system"},
      {EEXIST, "đã tồn tại", "already exists"},
      {EMFILE, "mở quá nhiều tệp cùng lúc", "too many open files"},
      {EIO, "lỗi đọc/ghi thiết bị", "input/output error"},
      {EFBIG, "tệp quá lớn", "file too large"},
      {EBUSY, "thiết bị hoặc tệp đang bận", "device or resource busy"},
      {ETXTBSY, "tệp đang được dùng", "text file busy"},
      {ENXIO, "không có thiết bị hay địa chỉ đó", "no such device or address"},
  };
  for (const Known& known : k_known) {
    if (known.number == error_number) {
      return std::string(tr(lang, known.vi, known.en));
    }
  }
  std::string text(tr(lang, "lỗi hệ thống ", "system error "));
  text += std::to_string(error_number);
  text += " (";
  text += std::strerror(error_number);
  text += ')';
  return text;
}

std::string format_notice(const Notice& notice) {
  std::string text = notice.kind == Notice::Kind::note ? "note: " : "cchc: warning: ";
  text += visible_text(notice.message);
  return text;
}

std::vector<Diagnostic> summarise_warnings(const std::vector<Diagnostic>& diagnostics, Lang lang, std::size_t keep) {
  // (file, code) → how many warnings it has, then how many were seen.
  std::map<std::pair<std::string_view, std::string_view>, std::pair<std::size_t, std::size_t>> kinds;
  const auto summarised = [](const Diagnostic& diagnostic) {
    return diagnostic.severity == Severity::warning && !diagnostic.code.empty();
  };
  for (const Diagnostic& diagnostic : diagnostics) {
    if (summarised(diagnostic)) {
      ++kinds[{diagnostic.file, diagnostic.code}].first;
    }
  }
  std::vector<Diagnostic> shown;
  for (const Diagnostic& diagnostic : diagnostics) {
    if (!summarised(diagnostic)) {
      shown.push_back(diagnostic);
      continue;
    }
    auto& [total, seen] = kinds[{diagnostic.file, diagnostic.code}];
    ++seen;
    if (seen <= keep) {
      shown.push_back(diagnostic);
    } else if (seen == keep + 1) {
      shown.push_back(Diagnostic{Severity::warning,
                                 diagnostic.file,
                                 0,
                                 0,
                                 detail::say(lang, "và còn {} cảnh báo cùng loại",
                                             total - keep == 1 ? "and 1 more warning of the same kind"
                                                               : "and {} more warnings of the same kind",
                                             total - keep),
                                 diagnostic.code,
                                 {}});
    }
  }
  return shown;
}

namespace {

// The first error, since what() describes why the input was refused; the
// warnings reported before it stay in diagnostics().
std::string first_message(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity == Severity::error) {
      return format_diagnostic(diagnostic);
    }
  }
  return diagnostics.empty() ? std::string("invalid input") : format_diagnostic(diagnostics.front());
}

}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_message(diagnostics)), m_diagnostics(std::move(diagnostics)) {}

InputError::InputError(std::string file, std::string message)
    : InputError(
          std::vector<Diagnostic>{Diagnostic{Severity::error, std::move(file), 0, 0, std::move(message), {}, {}}}) {}

void DiagnosticSink::error(int line, int column, std::string message, std::string code, std::string subject) {
  if (m_errors++ < k_max_reports_per_file) {
    m_diagnostics.push_back(
        Diagnostic{Severity::error, m_file, line, column, std::move(message), std::move(code), std::move(subject)});
  }
}

void DiagnosticSink::warning(int line, int column, std::string message, std::string code, std::string subject) {
  if (m_warnings++ < k_max_reports_per_file) {
    m_diagnostics.push_back(
        Diagnostic{Severity::warning, m_file, line, column, std::move(message), std::move(code), std::move(subject)});
  }
}

std::vector<Diagnostic> DiagnosticSink::finish() {
  std::vector<Diagnostic> diagnostics = std::exchange(m_diagnostics, {});
  const int errors = std::exchange(m_errors, 0);
  const int warnings = std::exchange(m_warnings, 0);
  const auto cut = [&](Severity severity, std::string message, std::string code) {
    diagnostics.push_back(Diagnostic{severity, m_file, 0, 0, std::move(message), std::move(code), {}});
  };
  if (errors > k_max_reports_per_file) {
    cut(Severity::error,
        detail::say(m_lang, "quá nhiều lỗi: chỉ báo {} lỗi đầu tiên", "too many errors: only the first {} are reported",
                    k_max_reports_per_file),
        "too_many_errors");
  }
  if (warnings > k_max_reports_per_file) {
    cut(Severity::warning,
        detail::say(m_lang, "quá nhiều cảnh báo: chỉ báo {} cảnh báo đầu tiên",
                    "too many warnings: only the first {} are reported", k_max_reports_per_file),
        "too_many_warnings");
  }
  if (errors > 0) {
    throw InputError(std::move(diagnostics));
  }
  return diagnostics;
}

}  // namespace cchc
