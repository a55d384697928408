#include <catch2/catch.hpp>

#include "cchc/diagnostic.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using cchc::Diagnostic;
using cchc::DiagnosticSink;
using cchc::InputError;
using cchc::Lang;
using cchc::Severity;

TEST_CASE("format_diagnostic writes PATH:LINE:COL", "[diagnostic]") {
  Diagnostic diagnostic;
  diagnostic.file = "c.yaml";
  diagnostic.line = 3;
  diagnostic.column = 7;
  diagnostic.message = "max: expected a number, found \"một\"";
  CHECK(cchc::format_diagnostic(diagnostic) == "c.yaml:3:7: error: max: expected a number, found \"một\"");
  diagnostic.severity = Severity::warning;
  CHECK(cchc::format_diagnostic(diagnostic) == "c.yaml:3:7: warning: max: expected a number, found \"một\"");
}

TEST_CASE("format_diagnostic leaves out a zero line or column", "[diagnostic]") {
  Diagnostic diagnostic{Severity::error, "e.yaml", 12, 0, "too deep", {}, {}};
  CHECK(cchc::format_diagnostic(diagnostic) == "e.yaml:12: error: too deep");
  diagnostic.line = 0;
  CHECK(cchc::format_diagnostic(diagnostic) == "e.yaml: error: too deep");
  diagnostic.column = 5;
  CHECK(cchc::format_diagnostic(diagnostic) == "e.yaml: error: too deep");
}

TEST_CASE("InputError carries its diagnostics and describes the first", "[diagnostic]") {
  const InputError error(
      {{Severity::error, "a.yaml", 1, 2, "first", {}, {}}, {Severity::error, "a.yaml", 3, 4, "second", {}, {}}});
  CHECK(std::string(error.what()) == "a.yaml:1:2: error: first");
  REQUIRE(error.diagnostics().size() == 2);
  CHECK(error.diagnostics()[1].message == "second");

  const InputError warnings_only({{Severity::warning, "a.yaml", 1, 1, "odd", {}, {}}});
  CHECK(std::string(warnings_only.what()) == "a.yaml:1:1: warning: odd");

  const InputError empty(std::vector<Diagnostic>{});
  CHECK(std::string(empty.what()) == "invalid input");
  CHECK(empty.diagnostics().empty());
}

TEST_CASE("InputError for a whole file has one error at line 0", "[diagnostic]") {
  const InputError error("big.yaml", "file larger than 16 MiB");
  CHECK(std::string(error.what()) == "big.yaml: error: file larger than 16 MiB");
  REQUIRE(error.diagnostics().size() == 1);
  const Diagnostic& diagnostic = error.diagnostics()[0];
  CHECK(diagnostic.severity == Severity::error);
  CHECK(diagnostic.file == "big.yaml");
  CHECK(diagnostic.line == 0);
  CHECK(diagnostic.column == 0);
  CHECK(diagnostic.message == "file larger than 16 MiB");
}

TEST_CASE("DiagnosticSink returns the warnings when there is no error", "[diagnostic]") {
  DiagnosticSink sink("e.yaml", cchc::Lang::en);
  CHECK(sink.file() == "e.yaml");
  sink.warning(4, 9, "date outside the period", "date_outside_period", "1.1.1");
  sink.warning(5, 1, "overclaim", "overclaim", "1.2");
  CHECK_FALSE(sink.has_errors());
  const std::vector<Diagnostic> warnings = sink.finish();
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].severity == Severity::warning);
  CHECK(warnings[0].file == "e.yaml");
  CHECK(warnings[0].line == 4);
  CHECK(warnings[0].column == 9);
  CHECK(warnings[0].code == "date_outside_period");
  CHECK(warnings[0].subject == "1.1.1");
  CHECK(cchc::format_diagnostic(warnings[1]) == "e.yaml:5:1: warning: overclaim");
}

TEST_CASE("DiagnosticSink throws every diagnostic in order when there is an error", "[diagnostic]") {
  DiagnosticSink sink("c.yaml", cchc::Lang::en);
  sink.warning(2, 1, "w1");
  sink.error(3, 5, "e1", "unknown_key");
  sink.warning(4, 1, "w2");
  sink.error(6, 2, "e2");
  CHECK(sink.has_errors());
  try {
    sink.finish();
    FAIL("finish() did not throw");
  } catch (const InputError& error) {
    const auto& diagnostics = error.diagnostics();
    REQUIRE(diagnostics.size() == 4);
    CHECK(diagnostics[0].message == "w1");
    CHECK(diagnostics[1].message == "e1");
    CHECK(diagnostics[1].code == "unknown_key");
    CHECK(diagnostics[2].message == "w2");
    CHECK(diagnostics[3].message == "e2");
    CHECK(std::string(error.what()) == "c.yaml:3:5: error: e1");
  }
}

TEST_CASE("DiagnosticSink with nothing reported returns nothing", "[diagnostic]") {
  DiagnosticSink sink("x.yaml", cchc::Lang::en);
  CHECK_FALSE(sink.has_errors());
  CHECK(sink.finish().empty());
}

TEST_CASE("DiagnosticSink keeps the first 100 errors and warnings and says there were more", "[diagnostic]") {
  DiagnosticSink sink("big.csv", cchc::Lang::en);
  for (int line = 1; line <= 1000; ++line) {
    CHECK(sink.full() == (line > cchc::k_max_reports_per_file));
    sink.error(line, 1, "e");
    sink.warning(line, 1, "w");
  }
  CHECK(sink.full());
  try {
    sink.finish();
    FAIL("finish() did not throw");
  } catch (const InputError& error) {
    const auto& diagnostics = error.diagnostics();
    REQUIRE(diagnostics.size() == 202);
    CHECK(cchc::format_diagnostic(diagnostics[199]) == "big.csv:100:1: warning: w");
    CHECK(cchc::format_diagnostic(diagnostics[200]) ==
          "big.csv: error: too many errors: only the first 100 are reported");
    CHECK(cchc::format_diagnostic(diagnostics[201]) ==
          "big.csv: warning: too many warnings: only the first 100 are reported");
  }
}

TEST_CASE("DiagnosticSink says the list is cut when a reader stops", "[diagnostic]") {
  DiagnosticSink sink("a.yaml", cchc::Lang::vi);
  for (int line = 1; line <= cchc::k_max_reports_per_file; ++line) {
    sink.error(line, 1, "e");
  }
  REQUIRE(sink.full());
  sink.stop();
  try {
    sink.finish();
    FAIL("finish() did not throw");
  } catch (const InputError& error) {
    REQUIRE(error.diagnostics().size() == 101);
    CHECK(cchc::format_diagnostic(error.diagnostics().back()) ==
          "a.yaml: error: quá nhiều lỗi: chỉ báo 100 lỗi đầu tiên");
  }
}

namespace {

Diagnostic warning_of(std::string file, int line, std::string code) {
  std::string message = "w";
  message += std::to_string(line);
  return Diagnostic{Severity::warning, std::move(file), line, 1, std::move(message), std::move(code), {}};
}

}  // namespace

TEST_CASE("summarise_warnings keeps ten warnings of one code in a file and counts the rest") {
  std::vector<Diagnostic> diagnostics;
  for (int line = 1; line <= 13; ++line) {
    diagnostics.push_back(warning_of("a.yaml", line, "not_declared"));
    if (line == 5) {
      diagnostics.push_back(warning_of("a.yaml", 50, "overclaim"));
      diagnostics.push_back(Diagnostic{Severity::error, "a.yaml", 51, 1, "e", "bad_value", {}});
    }
  }
  // Another file, and warnings without a code, are counted apart / never summarised.
  for (int line = 1; line <= 11; ++line) {
    diagnostics.push_back(warning_of("b.yaml", line, "not_declared"));
    diagnostics.push_back(warning_of("b.yaml", 100 + line, ""));
  }

  const std::vector<Diagnostic> shown = cchc::summarise_warnings(diagnostics, Lang::vi);
  // a.yaml: 10 + summary + overclaim + error; b.yaml: 10 + summary + 11 without a code.
  REQUIRE(shown.size() == 13 + 22);
  CHECK(shown[5].code == "overclaim");
  CHECK(shown[6].severity == Severity::error);
  CHECK(shown[11].line == 10);
  const Diagnostic& summary = shown[12];
  CHECK(summary.file == "a.yaml");
  CHECK(summary.severity == Severity::warning);
  CHECK(summary.line == 0);
  CHECK(summary.code == "not_declared");
  CHECK(summary.message == "và còn 3 cảnh báo cùng loại");
  CHECK(cchc::format_diagnostic(summary) == "a.yaml: warning: và còn 3 cảnh báo cùng loại");

  const std::vector<Diagnostic> english = cchc::summarise_warnings(diagnostics, Lang::en);
  const auto b_summary = std::find_if(english.begin(), english.end(), [](const Diagnostic& diagnostic) {
    return diagnostic.file == "b.yaml" && diagnostic.line == 0;
  });
  REQUIRE(b_summary != english.end());
  CHECK(b_summary->message == "and 1 more warning of the same kind");
  CHECK(std::count_if(english.begin(), english.end(),
                      [](const Diagnostic& diagnostic) { return diagnostic.code.empty(); }) == 11);
}

TEST_CASE("summarise_warnings leaves ten of a kind, and fewer, as they are") {
  std::vector<Diagnostic> diagnostics;
  for (int line = 1; line <= 10; ++line) {
    diagnostics.push_back(warning_of("a.yaml", line, "not_declared"));
  }
  const std::vector<Diagnostic> shown = cchc::summarise_warnings(diagnostics, Lang::en);
  REQUIRE(shown.size() == 10);
  CHECK(shown.back().line == 10);
  CHECK(cchc::summarise_warnings({}, Lang::en).empty());
  CHECK(cchc::summarise_warnings(diagnostics, Lang::en, 3).size() == 4);
}
