#include "cchc/diagnostic.hpp"

#include <utility>

namespace cchc {

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string text = diagnostic.file;
  if (diagnostic.line > 0) {
    text += ':' + std::to_string(diagnostic.line);
    if (diagnostic.column > 0) {
      text += ':' + std::to_string(diagnostic.column);
    }
  }
  text += diagnostic.severity == Severity::error ? ": error: " : ": warning: ";
  text += diagnostic.message;
  return text;
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
  m_diagnostics.push_back(
      Diagnostic{Severity::error, m_file, line, column, std::move(message), std::move(code), std::move(subject)});
  ++m_errors;
}

void DiagnosticSink::warning(int line, int column, std::string message, std::string code, std::string subject) {
  m_diagnostics.push_back(
      Diagnostic{Severity::warning, m_file, line, column, std::move(message), std::move(code), std::move(subject)});
}

std::vector<Diagnostic> DiagnosticSink::finish() {
  std::vector<Diagnostic> diagnostics = std::exchange(m_diagnostics, {});
  const bool failed = std::exchange(m_errors, 0) > 0;
  if (failed) {
    throw InputError(std::move(diagnostics));
  }
  return diagnostics;
}

}  // namespace cchc
