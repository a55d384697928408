#pragma once

// What every fuzz target shares: the language a run uses, and the checks
// that turn a wrong diagnostic or a broken invariant into a crash that
// libFuzzer reports. A target catches InputError only: any other exception
// escaping the library is a bug, and libFuzzer reports it as a crash.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cchc/diagnostic.hpp"
#include "cchc/lang.hpp"
#include "cchc/scoring.hpp"
#include "cchc/text.hpp"

namespace cchc::fuzz {

// Stops the run with a message; libFuzzer saves the input that did it.
[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
  std::fprintf(stderr, "cchc fuzz invariant broken: %.*s %.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

inline void require(bool condition, std::string_view what, std::string_view detail = {}) {
  if (!condition) {
    fail(what, detail);
  }
}

// Both languages get exercised without spending input bytes on the choice.
inline Lang lang_for(std::size_t size) {
  return size % 2 == 0 ? Lang::en : Lang::vi;
}

// The number of lines of `text` as an editor counts them (a last line
// without a line end counts; a lone CR counts as a line end for CSV).
inline int line_count(std::string_view text) {
  int lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++lines;
    }
  }
  return lines;
}

// What SPEC §1 asks of every error: it has at least one error, each names
// the file, a line inside the file and a column (a whole-file problem has
// neither), and says something readable.
inline void check_diagnostics(const InputError& error, std::string_view path, std::string_view input) {
  const int lines = line_count(input);
  bool any_error = false;
  for (const Diagnostic& diagnostic : error.diagnostics()) {
    any_error = any_error || diagnostic.severity == Severity::error;
    const std::string formatted = format_diagnostic(diagnostic);
    require(diagnostic.file == path, "a diagnostic names another file:", formatted);
    require(!diagnostic.message.empty(), "a diagnostic without a message:", formatted);
    require(!find_invalid_utf8(diagnostic.message), "a diagnostic that is not UTF-8:", formatted);
    require(diagnostic.line >= 0 && diagnostic.line <= lines, "a diagnostic line outside the file:", formatted);
    require((diagnostic.line == 0) == (diagnostic.column == 0), "a line without a column or the reverse:", formatted);
    require(diagnostic.column >= 0, "a negative column:", formatted);
  }
  require(any_error, "an InputError without an error");
}

// A renderer's output is valid UTF-8 (tables that cut text must cut it
// between characters).
inline void check_utf8(std::string_view text, std::string_view what) {
  if (const auto bad = find_invalid_utf8(text)) {
    fail(what, "wrote invalid UTF-8");
  }
}

// A report as a person, a terminal or a CI system reads it (issue 18):
// valid UTF-8 and no control character — no ESC that drives a terminal, no
// NUL, no C1 (U+0080–U+009F) — but TAB, LF, and CR before LF.
inline void check_text(std::string_view text, std::string_view what) {
  check_utf8(text, what);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool allowed = c == '\t' || c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n');
    if ((c < 0x20 && !allowed) || c == 0x7F) {
      fail(what, "wrote a control character");
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      fail(what, "wrote a C1 control character");
    }
  }
}

// An HTML report: valid UTF-8, and no element that cchc never writes, which
// could only come from user text that was not escaped.
inline void check_html(std::string_view text, std::string_view what) {
  check_utf8(text, what);
  for (const std::string_view element : {"<script", "<img", "<a ", "<iframe", "<!--", "<object", "<link"}) {
    require(text.find(element) == std::string_view::npos, "an HTML page with a tag from user text");
  }
}

// SPEC §2: the totals of a score stay within their bounds.
inline void check_score(const ScoreResult& result, const Decimal& scale) {
  require(result.points >= Decimal(0), "negative points");
  require(result.index >= Decimal(0) && result.index <= Decimal(100), "an index outside 0..100");
  require(result.coverage >= Decimal(0) && result.coverage <= Decimal(100), "coverage outside 0..100");
  require(result.applicable_max > Decimal(0) && result.applicable_max <= scale, "applicable max outside 0..scale");
  require(result.earned >= Decimal(0) && result.earned <= result.applicable_max, "earned outside 0..applicable max");
  for (const Deduction& deduction : result.deductions) {
    require(deduction.lost > Decimal(0), "a deduction that loses nothing");
  }
}

}  // namespace cchc::fuzz
