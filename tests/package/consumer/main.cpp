// Scores an evidence file with the installed library, the way another program
// would: the built-in criteria set it names, then the index and the grade.
#include <cstdio>
#include <exception>

#include "cchc/catalog.hpp"
#include "cchc/evidence.hpp"
#include "cchc/input_file.hpp"
#include "cchc/scoring.hpp"
#include "cchc/version.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("usage: consumer EVIDENCE\n", stderr);
    return 2;
  }
  try {
    const cchc::InputFile file = cchc::InputFile::read(argv[1], cchc::Lang::en);
    const cchc::Criteria criteria = cchc::CriteriaCatalog("", cchc::Lang::en).load(file.top_scalar("criteria"));
    const cchc::Evidence evidence = cchc::load_evidence(file, criteria, cchc::Lang::en);
    const cchc::ScoreResult result = cchc::score(criteria, evidence, {cchc::Lang::en, true});
    std::printf("cchc %s: %s %s %s\n", std::string(cchc::version()).c_str(), evidence.unit.id.c_str(),
                result.index.to_string().c_str(), result.grade.c_str());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "consumer: %s\n", error.what());
    return 2;
  }
  return 0;
}
