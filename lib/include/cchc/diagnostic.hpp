#pragma once

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "cchc/lang.hpp"

namespace cchc {

enum class Severity { error, warning };

// A place in a source file: 1-based line, column in characters (0 when unknown).
struct SourcePos {
  int line = 0;
  int column = 0;
};

// One problem found in an input file. `line` and `column` are 1-based and the
// column counts characters (code points), not bytes; 0 means "the whole file".
struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  std::string code;     // stable machine name, e.g. "overclaim", "unknown_key"
  std::string subject;  // the criterion id it is about, when there is one
};

// A remark about a run as a whole rather than a place in a file: a file
// skipped in a folder, a table row replaced by a computed score, an --alias
// that changes nothing.
struct Notice {
  enum class Kind { note, warning };
  Kind kind = Kind::note;
  std::string message;
};

// "note: MESSAGE" / "cchc: warning: MESSAGE".
std::string format_notice(const Notice& notice);

// What an operating-system error number means, in `lang`: the C library
// speaks English only ("Permission denied"), so the errors a user meets with
// files have Vietnamese words ("không có quyền truy cập"); others keep the C
// library's text after "lỗi hệ thống".
std::string system_error_text(int error_number, Lang lang);

// Formats a diagnostic as `PATH:LINE:COL: error: MESSAGE` (the words "error"
// and "warning" stay English so that editors and CI systems recognise them).
std::string format_diagnostic(const Diagnostic& diagnostic);

// How many warnings of one code a file shows before the rest are summarised.
inline constexpr std::size_t k_warnings_shown_per_code = 10;

// The diagnostics as a person reads them (SPEC §5.1): in each file, the
// warnings of one code beyond the first `keep` become one warning "và còn N
// cảnh báo cùng loại" (code and subject of the kind, no line), where the
// first of them stood. Errors, and warnings without a code, are all kept.
// Machine formats (JSON, JUnit) keep every diagnostic instead.
std::vector<Diagnostic> summarise_warnings(const std::vector<Diagnostic>& diagnostics, Lang lang,
                                           std::size_t keep = k_warnings_shown_per_code);

// Thrown by every loader: carries every problem found, not only the first.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  InputError(std::string file, std::string message);  // a whole-file problem

  const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }

 private:
  std::vector<Diagnostic> m_diagnostics;
};

// The most errors, and the most warnings, kept for one file: a file that
// breaks a rule a million times (a table with one unit on every row, a list
// of aliases) would otherwise cost memory and screens for each of them.
inline constexpr int k_max_reports_per_file = 100;

// Collects diagnostics while a file is read, then throws them all at once.
// Keeps the first k_max_reports_per_file errors and warnings and says how
// many more there were.
class DiagnosticSink {
 public:
  DiagnosticSink(std::string file, Lang lang) : m_file(std::move(file)), m_lang(lang) {}

  const std::string& file() const { return m_file; }
  void error(int line, int column, std::string message, std::string code = {}, std::string subject = {});
  void warning(int line, int column, std::string message, std::string code = {}, std::string subject = {});
  bool has_errors() const { return m_errors > 0; }
  // Whether no more errors are kept: a reader may stop reading.
  bool full() const { return m_errors >= k_max_reports_per_file; }
  // Says that a reader stopped once full(): finish() then tells that only
  // the first errors are reported.
  void stop() { m_errors = std::max(m_errors, k_max_reports_per_file + 1); }
  // Throws InputError with every diagnostic (errors and warnings) when there
  // is at least one error; otherwise returns the warnings.
  std::vector<Diagnostic> finish();

 private:
  std::string m_file;
  Lang m_lang;
  std::vector<Diagnostic> m_diagnostics;
  int m_errors = 0;
  int m_warnings = 0;
};

}  // namespace cchc
