#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "cchc/catalog.hpp"
#include "cchc/scoring.hpp"
#include "test_support.hpp"

// Every file under criteria/ and examples/ is loaded and scored here, so a
// shipped file can never rot.

namespace fs = std::filesystem;
using namespace cchc;

namespace {

const fs::path k_source = CCHC_SOURCE_DIR;

std::vector<fs::path> yaml_files_under(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file() && (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("every shipped criteria set loads without warnings and is named after its id") {
  const auto files = yaml_files_under(k_source / "criteria");
  REQUIRE(files.size() >= 2);
  for (const fs::path& path : files) {
    INFO(path.string());
    Criteria criteria;
    const std::string errors =
        test::diagnostics_of([&] { criteria = load_criteria(InputFile::read(path.string(), Lang::en), Lang::en); });
    CHECK(errors.empty());
    if (!errors.empty()) {
      continue;
    }
    CHECK(test::warnings_text(criteria.warnings).empty());
    CHECK(criteria.id == path.stem().string());
  }
}

TEST_CASE("the built-in catalog holds every shipped criteria set") {
  const CriteriaCatalog catalog("", Lang::en);
  const auto entries = catalog.list();
  const auto files = yaml_files_under(k_source / "criteria");
  CHECK(entries.size() == files.size());
  for (const CriteriaEntry& entry : entries) {
    CHECK(entry.origin == "built-in");
    CHECK(catalog.load(entry.id).id == entry.id);
  }
}

TEST_CASE("every shipped evidence file loads and scores against its criteria") {
  const CriteriaCatalog catalog("", Lang::en);
  int scored = 0;
  for (const fs::path& path : yaml_files_under(k_source / "examples")) {
    INFO(path.string());
    const std::string errors = test::diagnostics_of([&] {
      const InputFile file = InputFile::read(path.string(), Lang::en);
      if (file.kind() != "evidence/1") {
        return;
      }
      const Criteria criteria = catalog.load(file.top_scalar("criteria"));
      const Evidence evidence = load_evidence(file, criteria, Lang::en);
      const ScoreResult result = score(criteria, evidence, {Lang::en, true});
      CHECK(result.index > Decimal(0));
      CHECK(result.index <= Decimal(100));
      ++scored;
    });
    CHECK(errors.empty());
  }
  CHECK(scored >= 6);
}
