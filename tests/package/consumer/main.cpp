// Scores an evidence file with the installed libraries, the way another
// program would: a Session resolves the built-in criteria set the file
// names, cchc::lib scores it and cchc::report writes its result/1 JSON.
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "cchc/catalog.hpp"
#include "cchc/report/score.hpp"
#include "cchc/session.hpp"
#include "cchc/version.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("usage: consumer EVIDENCE\n", stderr);
    return 2;
  }
  try {
    cchc::Session session(cchc::CriteriaCatalog("", cchc::Lang::en), "", cchc::Lang::en);
    std::optional<cchc::ScoredUnit> unit = session.score_file(argv[1]);
    if (!unit) {
      for (const cchc::Diagnostic& diagnostic : session.diagnostics()) {
        std::fprintf(stderr, "%s\n", cchc::format_diagnostic(diagnostic).c_str());
      }
      return 2;
    }
    std::printf("cchc %s: %s %s %s\n", std::string(cchc::version()).c_str(), unit->evidence.unit.id.c_str(),
                unit->result.index.to_string().c_str(), unit->result.grade.c_str());
    std::vector<cchc::ScoredUnit> units;
    units.push_back(std::move(*unit));
    std::fputs(cchc::report::render_score_json(units).c_str(), stdout);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "consumer: %s\n", error.what());
    return 2;
  }
  return 0;
}
