// Fuzzes the writers of `cchc check` (text, GitHub workflow commands, JUnit
// XML, JSON) on what a pull request controls: any bytes as an evidence file
// (scored against the fixed criteria sets, or refused with diagnostics), and
// the first line of those bytes as the name of the file and of a note, since
// a file name in a repository may hold any byte but '/' and NUL.
//
// Invariants (issue 18): every output is valid UTF-8 without control
// characters (but LF, and CR LF in none); the text and GitHub outputs have
// exactly one line per diagnostic shown, failed gate and note, then the
// summary, so nothing a file says can forge a line; each GitHub command has
// well-formed properties; the JUnit document is well-formed XML (expat).

#include <expat.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cchc/check.hpp"
#include "cchc/evidence.hpp"
#include "cchc/input_file.hpp"
#include "cchc/report/check.hpp"
#include "cchc/report/report.hpp"
#include "cchc/scoring.hpp"
#include "criteria_sets.hpp"
#include "fuzz_support.hpp"

using namespace cchc;

namespace {

// The lines of `text`, which must end with a line end.
std::vector<std::string_view> lines_of(std::string_view text) {
  fuzz::require(text.empty() || text.back() == '\n', "an output that does not end with a line end");
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  return lines;
}

// Whether `property` of a GitHub command ("file=…,line=3,col=4,title=…")
// holds only what GitHub's rules allow unescaped.
void check_github_properties(std::string_view properties) {
  std::size_t start = 0;
  while (start <= properties.size()) {
    std::size_t end = properties.find(',', start);
    if (end == std::string_view::npos) {
      end = properties.size();
    }
    const std::string_view property = properties.substr(start, end - start);
    const std::size_t equals = property.find('=');
    fuzz::require(equals != std::string_view::npos && equals > 0, "a GitHub property without a name",
                  std::string(property));
    fuzz::require(property.find(':') == std::string_view::npos, "a ':' in a GitHub property", std::string(property));
    start = end + 1;
  }
}

void check_github(std::string_view text, std::size_t commands) {
  const std::vector<std::string_view> lines = lines_of(text);
  fuzz::require(lines.size() == commands + 1, "GitHub output: a line too many or too few");
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (line.rfind("::notice::", 0) == 0) {
      continue;
    }
    const bool error = line.rfind("::error ", 0) == 0;
    fuzz::require(error || line.rfind("::warning ", 0) == 0, "GitHub output: a line that is no command",
                  std::string(line));
    const std::string_view rest = line.substr(error ? 8 : 10);
    const std::size_t end = rest.find("::");
    fuzz::require(end != std::string_view::npos, "GitHub output: a command without its message");
    check_github_properties(rest.substr(0, end));
  }
  fuzz::require(lines.back().rfind("::", 0) != 0, "GitHub output: the summary looks like a command");
}

void check_xml(std::string_view text) {
  XML_Parser parser = XML_ParserCreate("UTF-8");
  const bool ok = XML_Parse(parser, text.data(), static_cast<int>(text.size()), 1) == XML_STATUS_OK;
  const std::string why = ok ? std::string() : XML_ErrorString(XML_GetErrorCode(parser));
  XML_ParserFree(parser);
  fuzz::require(ok, "JUnit output is not well-formed XML:", why);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Lang lang = fuzz::lang_for(size);
  // A file name: the input's first line, without '/' and NUL.
  std::string name = "repo/";
  for (const char c : text.substr(0, std::min<std::size_t>(text.find('\n'), 48))) {
    if (c != '/' && c != '\0') {
      name += c;
    }
  }
  name += ".yaml";

  CheckReport report;
  report.notes.push_back(name + ": không có dòng cchc:");
  CheckedFile file;
  file.path = name;
  file.kind = InputKind::evidence;
  try {
    const InputFile input = InputFile::parse(text, name, lang);
    const Criteria& criteria = fuzz::criteria_for(input);
    const Evidence evidence = load_evidence(input, criteria, lang);
    const ScoreResult result = score(criteria, evidence, ScoreOptions{lang, false});
    file.diagnostics = result.warnings;
    file.unit = evidence.unit.id;
    file.unit_name = evidence.unit.name;
    file.criteria_id = criteria.id;
    file.index = result.index;
    file.precision = criteria.precision;
    report.gates.push_back(GateResult{"strict", name, evidence.unit.id, result.warnings.empty(),
                                      evidence.unit.name + ": " + evidence.unit.id});
  } catch (const InputError& error) {
    file.diagnostics = error.diagnostics();
  }
  report.files.push_back(file);

  std::size_t shown = summarise_warnings(file.diagnostics, lang).size();
  for (const GateResult& gate : report.gates) {
    shown += gate.passed ? 0 : 1;
  }

  report::RenderOptions options;
  options.lang = lang;
  const std::string plain = report::render_check_text(report, options);
  fuzz::check_text(plain, "render_check_text");
  fuzz::require(lines_of(plain).size() == shown + 1, "check text: a line too many or too few");

  const std::string github = report::render_check_github(report, lang);
  fuzz::check_text(github, "render_check_github");
  check_github(github, shown + report.notes.size());

  const std::string junit = report::render_check_junit(report, lang);
  fuzz::check_text(junit, "render_check_junit");
  check_xml(junit);

  fuzz::check_text(report::render_check_json(report), "render_check_json");
  return 0;
}
