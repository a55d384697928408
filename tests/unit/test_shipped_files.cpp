#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "cchc/catalog.hpp"
#include "cchc/check.hpp"
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

TEST_CASE("every shipped example file is valid and every evidence file scores") {
  // The same rules as `cchc check examples`: an example repository's evidence
  // may name the criteria files that sit beside it.
  CheckOptions options;
  options.lang = Lang::en;
  const CheckReport report = run_check({(k_source / "examples").string()}, options);
  int scored = 0;
  for (const CheckedFile& file : report.files) {
    INFO(file.path);
    for (const Diagnostic& diagnostic : file.diagnostics) {
      if (diagnostic.severity == Severity::error) {
        FAIL_CHECK(format_diagnostic(diagnostic));
      }
    }
    if (file.kind == InputKind::evidence) {
      REQUIRE(file.index);
      CHECK(*file.index > Decimal(0));
      CHECK(*file.index <= Decimal(100));
      ++scored;
    }
  }
  CHECK(scored >= 6);
  CHECK(report.error_count() == 0);
}
