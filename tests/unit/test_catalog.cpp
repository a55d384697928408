#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cchc/catalog.hpp"
#include "test_support.hpp"

using namespace cchc;
namespace fs = std::filesystem;

namespace {

const std::string k_small = std::string(CCHC_SOURCE_DIR) + "/tests/data/criteria/small-2023.yaml";

// A temporary folder holding a copy of the small criteria set and a file
// that is not valid YAML.
struct SearchFolder {
  fs::path path = fs::temp_directory_path() / ("cchc-catalog-" + std::to_string(::getpid()));
  SearchFolder() {
    fs::create_directories(path);
    fs::copy_file(k_small, path / "small.yaml", fs::copy_options::overwrite_existing);
    std::ofstream(path / "broken.yaml") << "a: [\n";
  }
  ~SearchFolder() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("built-in sets are found by id") {
  const CriteriaCatalog catalog("", Lang::en);
  CHECK(catalog.load("mau-so-2021").id == "mau-so-2021");
  CHECK(catalog.find("mau-so-2021").path() == "<built-in>/mau-so-2021.yaml");
}

TEST_CASE("a path loads the file it names") {
  const CriteriaCatalog catalog("", Lang::en);
  const Criteria criteria = catalog.load(k_small);
  CHECK(criteria.id == "small-2023");
  CHECK(criteria.path == k_small);
}

TEST_CASE("CCHC_CRITERIA_PATH folders are searched after the built-in sets") {
  const SearchFolder folder;
  const CriteriaCatalog catalog("/nonexistent:" + folder.path.string(), Lang::en);
  CHECK(catalog.load("small-2023").path == (folder.path / "small.yaml").string());
  const auto entries = catalog.list();
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].origin == "built-in");
  CHECK(entries[2].id == "small-2023");
  CHECK(entries[2].origin == (folder.path / "small.yaml").string());
}

TEST_CASE("an unknown id says what is known and suggests a close one") {
  const SearchFolder folder;
  const CriteriaCatalog catalog(folder.path.string(), Lang::en);
  const std::string out = test::diagnostics_of([&] { catalog.load("mau-so-2012", "e.yaml", SourcePos{2, 11}); });
  CHECK(out ==
        "e.yaml:2:11: error: unknown criteria \"mau-so-2012\"; did you mean \"mau-so-2021\"? (known: mau-so-2021, "
        "nt-ldtbxh-2022, small-2023; add folders with CCHC_CRITERIA_PATH or give a file path with -c); could not "
        "read: " +
            (folder.path / "broken.yaml").string() + "\n");
}
