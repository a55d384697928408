#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "cchc/batch.hpp"
#include "cchc/scoring.hpp"
#include "test_support.hpp"

using namespace cchc;
namespace fs = std::filesystem;

namespace {

std::string source(const std::string& relative) {
  return std::string(CCHC_SOURCE_DIR) + "/" + relative;
}

// Every shipped evidence file (`cchc: evidence/1`) scored against a built-in
// set, sorted. (examples/ci/ holds a repository whose evidence names the
// criteria file beside it: `cchc check` resolves those, a batch does not.)
std::vector<std::string> shipped_examples() {
  std::vector<std::string> paths;
  for (const auto& entry : fs::recursive_directory_iterator(source("examples"))) {
    if (entry.path().string().find("/examples/ci/") != std::string::npos) {
      continue;
    }
    if (entry.is_regular_file() && entry.path().extension() == ".yaml" &&
        InputFile::read(entry.path().string(), Lang::en).kind() == "evidence/1") {
      paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// A batch item as text, every field of it, to compare batches.
std::string item_text(const BatchItem& item) {
  std::string out = item.path + " | " + item.criteria_id + " | " + std::to_string(item.precision) + " | " +
                    std::to_string(item.year) + " | " + item.unit.unit + " | " + item.unit.name + " | " +
                    item.unit.index.to_string() + " | " + (item.unit.points ? item.unit.points->to_string() : "-") +
                    " | " + item.unit.grade + " | " + item.points.to_string() + " | " +
                    item.applicable_max.to_string() + "\n";
  out += test::warnings_text(item.warnings);
  out += test::warnings_text(item.errors);
  return out;
}

std::vector<std::string> batch_text(const std::vector<BatchItem>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const BatchItem& item : items) {
    out.push_back(item_text(item));
  }
  return out;
}

// What `cchc score` computes for one file, scored on its own.
struct Direct {
  Criteria criteria;
  Evidence evidence;
  ScoreResult result;
};

Direct score_directly(const std::string& path, const CriteriaCatalog& catalog, Lang lang) {
  const InputFile file = InputFile::read(path, lang);
  Direct direct;
  direct.criteria = catalog.load(file.top_scalar("criteria"));
  direct.evidence = load_evidence(file, direct.criteria, lang);
  direct.result = score(direct.criteria, direct.evidence, {lang, true});
  return direct;
}

// A temporary folder for evidence files written by a test.
struct TempFolder {
  fs::path path = fs::temp_directory_path() / ("cchc-batch-" + std::to_string(::getpid()));
  TempFolder() { fs::create_directories(path); }
  ~TempFolder() { fs::remove_all(path); }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

}  // namespace

TEST_CASE("a batch scores the shipped examples as score() does, in the order given") {
  const CriteriaCatalog catalog("", Lang::en);
  std::vector<std::string> paths = shipped_examples();
  REQUIRE(paths.size() >= 6);
  std::reverse(paths.begin(), paths.end());  // not sorted: the order is the caller's

  BatchOptions options;
  options.lang = Lang::en;
  options.threads = 4;
  const std::vector<BatchItem> items = score_batch(paths, catalog, options);
  REQUIRE(items.size() == paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    INFO(paths[i]);
    const BatchItem& item = items[i];
    CHECK(item.path == paths[i]);
    CHECK(test::warnings_text(item.errors).empty());
    const Direct direct = score_directly(paths[i], catalog, Lang::en);
    CHECK(item.criteria_id == direct.criteria.id);
    CHECK(item.precision == direct.criteria.precision);
    CHECK(item.year == direct.evidence.year);
    CHECK(item.unit.unit == direct.evidence.unit.id);
    CHECK(item.unit.name == direct.evidence.unit.name);
    CHECK(item.unit.index == direct.result.index);
    CHECK(item.unit.points == direct.result.points);
    CHECK(item.unit.grade == direct.result.grade);
    CHECK(item.points == direct.result.points);
    CHECK(item.applicable_max == direct.result.applicable_max);
    CHECK(test::warnings_text(item.warnings) == test::warnings_text(direct.result.warnings));
  }
}

TEST_CASE("the Quảng Nam batch ranked: the position follows the index, not the points") {
  const CriteriaCatalog catalog("", Lang::vi);
  const std::string folder = source("examples/quang-nam-2021/");
  const std::vector<std::string> paths{folder + "so-y-te.yaml", folder + "thanh-tra-tinh.yaml",
                                       folder + "so-tu-phap.yaml", folder + "so-noi-vu.yaml",
                                       folder + "so-ldtbxh.yaml"};
  BatchOptions options;
  options.threads = 2;
  const std::vector<BatchItem> items = score_batch(paths, catalog, options);
  REQUIRE(items.size() == 5);
  std::vector<RankInput> units;
  for (const BatchItem& item : items) {
    REQUIRE(item.errors.empty());
    CHECK(item.criteria_id == "mau-so-2021");
    CHECK(item.precision == 3);
    CHECK(item.year == 2021);
    units.push_back(item.unit);
  }
  CHECK(items[1].unit.name == "Thanh tra tỉnh");
  CHECK(items[1].points == *Decimal::parse("60.552"));
  CHECK(items[1].applicable_max == Decimal(69));
  CHECK(items[1].unit.index == *Decimal::parse("87.757"));
  CHECK(items[2].unit.grade == "Xuất sắc");

  std::vector<std::string> ranked;
  for (const RankedUnit& place : rank_units(units, items[0].precision)) {
    ranked.push_back(std::to_string(place.position) + " " + place.unit.unit + " " + place.unit.index.to_string() + " " +
                     place.unit.points->to_string());
  }
  CHECK(ranked == std::vector<std::string>{"1 so-tu-phap 93.661 93.661", "2 so-ldtbxh 89.196 89.196",
                                           "3 thanh-tra-tinh 87.757 60.552", "4 so-noi-vu 84.182 84.182",
                                           "5 so-y-te 74.26 74.26"});
}

TEST_CASE("a criteria set's own warnings go once, to the first file scored with it") {
  const TempFolder folder;
  // The best level (1) is below max (2): loading warns.
  const std::string criteria = folder.write("c.yaml",
                                            "cchc: criteria/1\n"
                                            "id: warn-2023\n"
                                            "title: W\n"
                                            "year: 2023\n"
                                            "scale: 2\n"
                                            "fields:\n"
                                            "  - {id: \"1\", title: A, max: 2, rule: {type: levels, levels: "
                                            "[{label: \"Đạt\", points: 1}]}}\n");
  const std::string evidence = folder.write("e.yaml",
                                            "cchc: evidence/1\n"
                                            "criteria: warn-2023\n"
                                            "year: 2023\n"
                                            "unit: {id: u}\n"
                                            "items:\n"
                                            "  \"1\": {value: \"Đạt\"}\n");
  const CriteriaCatalog catalog("", Lang::en);
  const Criteria loaded = catalog.load(criteria);
  REQUIRE(loaded.warnings.size() == 1);
  const std::string missing = folder.path.string() + "/missing.yaml";

  for (const unsigned threads : {1U, 4U}) {
    INFO(threads);
    BatchOptions options;
    options.lang = Lang::en;
    options.threads = threads;
    options.criteria = criteria;
    const auto items = score_batch({missing, evidence, evidence, evidence}, catalog, options);
    REQUIRE(items.size() == 4);
    CHECK_FALSE(items[0].errors.empty());
    CHECK(items[0].warnings.empty());
    CHECK(test::warnings_text(items[1].warnings) == test::warnings_text(loaded.warnings));
    CHECK(items[2].warnings.empty());
    CHECK(items[3].warnings.empty());
    CHECK(items[3].unit.index == Decimal(50));
  }
}

TEST_CASE("one thread and four threads give identical batches") {
  const CriteriaCatalog catalog("", Lang::vi);
  std::vector<std::string> paths;
  for (int round = 0; round < 5; ++round) {
    const std::vector<std::string> examples = shipped_examples();
    paths.insert(paths.end(), examples.begin(), examples.end());
  }
  paths.push_back(source("tests/data/evidence/unknown-criteria.yaml"));
  paths.push_back(source("no/such/file.yaml"));
  BatchOptions options;
  options.threads = 1;
  const auto one = batch_text(score_batch(paths, catalog, options));
  options.threads = 4;
  const auto four = batch_text(score_batch(paths, catalog, options));
  options.threads = 0;  // one per core
  const auto per_core = batch_text(score_batch(paths, catalog, options));
  options.threads = 100;  // more threads than files is fine
  const auto many = batch_text(score_batch(paths, catalog, options));
  CHECK(one.size() == paths.size());
  CHECK(one == four);
  CHECK(one == per_core);
  CHECK(one == many);
}

TEST_CASE("a batch that does not keep its items hands each to on_item, in order, and returns none") {
  const CriteriaCatalog catalog("", Lang::vi);
  std::vector<std::string> paths;
  for (int round = 0; round < 3; ++round) {
    const std::vector<std::string> examples = shipped_examples();
    paths.insert(paths.end(), examples.begin(), examples.end());
  }
  paths.push_back(source("no/such/file.yaml"));
  BatchOptions options;
  options.threads = 4;
  const std::vector<std::string> kept = batch_text(score_batch(paths, catalog, options));

  std::vector<BatchItem> handed;
  options.keep_items = false;
  options.on_item = [&](BatchItem& item) { handed.push_back(item); };
  CHECK(score_batch(paths, catalog, options).empty());
  CHECK(batch_text(handed) == kept);
}

TEST_CASE("a bad file leaves errors in its own slot and the others score") {
  const CriteriaCatalog catalog("", Lang::en);
  const std::string data = source("tests/data/evidence/");
  const std::string missing = source("tests/data/evidence/no-such-file.yaml");
  const std::vector<std::string> paths{data + "small-ok.yaml", data + "duplicate-key.yaml", missing,
                                       data + "small-bom-crlf-nfd.yaml"};
  BatchOptions options;
  options.lang = Lang::en;
  options.threads = 3;
  options.criteria = source("tests/data/criteria/small-2023.yaml");
  const std::vector<BatchItem> items = score_batch(paths, catalog, options);
  REQUIRE(items.size() == 4);

  CHECK(items[0].errors.empty());
  CHECK(items[0].unit.unit == "don-vi-a");
  CHECK(items[0].criteria_id == "small-2023");
  CHECK(items[3].errors.empty());
  CHECK(items[3].unit.unit == "don-vi-a");
  CHECK(items[3].unit.name == "Đơn vị A");  // NFC
  CHECK(items[3].unit.index == items[0].unit.index);

  // The errors are what reading the file alone reports.
  const std::string duplicate = test::diagnostics_of([&] { InputFile::read(paths[1], Lang::en); });
  REQUIRE_FALSE(duplicate.empty());
  CHECK(test::warnings_text(items[1].errors) == duplicate);
  CHECK(items[1].path == paths[1]);
  CHECK(items[1].unit.unit.empty());
  CHECK(items[1].warnings.empty());

  const std::string absent = test::diagnostics_of([&] { InputFile::read(missing, Lang::en); });
  REQUIRE_FALSE(absent.empty());
  CHECK(test::warnings_text(items[2].errors) == absent);
  CHECK(items[2].path == missing);
}

TEST_CASE("an unknown criteria id is reported at each file's own criteria line") {
  const TempFolder folder;
  const std::string first = folder.write("a.yaml",
                                         "cchc: evidence/1\n"
                                         "criteria: mau-so-2012\n"
                                         "year: 2021\n"
                                         "unit: {id: a}\n"
                                         "items: {}\n");
  const std::string second = folder.write("b.yaml",
                                          "cchc: evidence/1\n"
                                          "year: 2021\n"
                                          "unit: {id: b}\n"
                                          "items: {}\n"
                                          "criteria:   mau-so-2012\n");
  std::vector<std::string> paths;
  paths.reserve(20);
  for (int i = 0; i < 20; ++i) {
    paths.push_back(i % 2 == 0 ? first : second);
  }
  const CriteriaCatalog catalog("", Lang::en);
  BatchOptions options;
  options.lang = Lang::en;
  options.threads = 4;
  const std::vector<BatchItem> items = score_batch(paths, catalog, options);
  const std::string message =
      ": error: unknown criteria \"mau-so-2012\"; did you mean \"mau-so-2021\"? (known: mau-so-2021, nt-ldtbxh-2022; "
      "add folders with CCHC_CRITERIA_PATH or give a file path with -c)\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    INFO(i);
    const std::string where = i % 2 == 0 ? first + ":2:11" : second + ":5:13";
    CHECK(test::warnings_text(items[i].errors) == where + message);
  }
}

TEST_CASE("an unknown -c reference is one error, with the first file; the others point at it") {
  const CriteriaCatalog catalog("", Lang::en);
  const std::string folder = source("examples/quang-nam-2021/");
  BatchOptions options;
  options.lang = Lang::en;
  options.criteria = "mau-so-2099";
  const auto items = score_batch({folder + "so-y-te.yaml", folder + "so-noi-vu.yaml"}, catalog, options);
  REQUIRE(items.size() == 2);
  REQUIRE(items[0].errors.size() == 1);
  CHECK(items[0].errors[0].file == "cchc");
  CHECK(items[0].errors[0].line == 0);
  CHECK(items[0].errors[0].code == "unknown_criteria");
  CHECK_FALSE(items[0].scored);
  REQUIRE(items[1].errors.size() == 1);
  CHECK(items[1].errors[0].file == folder + "so-noi-vu.yaml");
  CHECK(items[1].errors[0].message == "unknown criteria \"mau-so-2099\" (see the error reported above)");
  CHECK_FALSE(items[1].scored);
}

TEST_CASE("a file that is not evidence, or names no criteria, is an error in its slot") {
  const TempFolder folder;
  const std::string no_criteria = folder.write("n.yaml",
                                               "# a comment\n"
                                               "cchc: evidence/1\n"
                                               "year: 2021\n"
                                               "unit: {id: a}\n"
                                               "items: {}\n");
  const std::string no_tag = folder.write("t.yaml", "year: 2021\n");
  const CriteriaCatalog catalog("", Lang::en);
  BatchOptions options;
  options.lang = Lang::en;
  const std::string small = source("tests/data/criteria/small-2023.yaml");
  const auto items = score_batch({small, no_criteria, no_tag}, catalog, options);
  REQUIRE(items.size() == 3);
  CHECK(test::warnings_text(items[0].errors) ==
        small + ":2:7: error: expected an evidence file (cchc: evidence/1), found \"cchc: criteria/1\"\n");
  CHECK(items[0].errors[0].code == "wrong_kind");
  CHECK(test::warnings_text(items[1].errors) ==
        no_criteria + ":2:1: error: no criteria set: write \"criteria:\" in the file or give -c CRITERIA\n");
  CHECK(items[1].errors[0].code == "no_criteria");
  CHECK(test::warnings_text(items[2].errors) ==
        no_tag + ":1:1: error: expected an evidence file starting with \"cchc: evidence/1\", found no \"cchc:\" tag\n");

  options.lang = Lang::vi;
  const auto vi = score_batch({small}, catalog, options);
  CHECK(test::warnings_text(vi[0].errors) ==
        small + ":2:7: error: cần một hồ sơ tự đánh giá (cchc: evidence/1), nhưng tệp này là \"cchc: criteria/1\"\n");
}

TEST_CASE("on_item gets every item once, in the order of the paths, with what the batch returns") {
  const CriteriaCatalog catalog("", Lang::en);
  std::vector<std::string> paths = shipped_examples();
  // Repeated, so that four threads finish out of order.
  const std::vector<std::string> once = paths;
  for (int copy = 0; copy < 7; ++copy) {
    paths.insert(paths.end(), once.begin(), once.end());
  }
  paths.push_back(source("examples/no-such-file.yaml"));

  BatchOptions plain;
  plain.lang = Lang::en;
  plain.threads = 1;
  const std::vector<std::string> expected = batch_text(score_batch(paths, catalog, plain));

  for (const unsigned threads : {1U, 4U}) {
    INFO(threads);
    BatchOptions options;
    options.lang = Lang::en;
    options.threads = threads;
    std::vector<std::string> delivered;
    options.on_item = [&](BatchItem& item) {
      delivered.push_back(item_text(item));
      // Taking the diagnostics: the batch returns the item without them.
      item.warnings.clear();
      item.errors.clear();
    };
    const std::vector<BatchItem> items = score_batch(paths, catalog, options);
    CHECK(delivered == expected);
    REQUIRE(items.size() == paths.size());
    for (const BatchItem& item : items) {
      CHECK(item.warnings.empty());
      CHECK(item.errors.empty());
    }
    CHECK(items.back().path == paths.back());
  }
}

TEST_CASE("progress is reported once per file, ending with the total") {
  const CriteriaCatalog catalog("", Lang::en);
  std::vector<std::string> paths = shipped_examples();
  paths.push_back(source("no/such/file.yaml"));  // a failed file counts too
  for (const unsigned threads : {1U, 4U}) {
    INFO(threads);
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    BatchOptions options;
    options.threads = threads;
    options.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
    score_batch(paths, catalog, options);
    REQUIRE(calls.size() == paths.size());
    for (std::size_t i = 0; i < calls.size(); ++i) {
      CHECK(calls[i] == std::make_pair(i + 1, paths.size()));
    }
  }
}

TEST_CASE("an exception from the progress callback stops the batch and reaches the caller") {
  const CriteriaCatalog catalog("", Lang::en);
  BatchOptions options;
  options.threads = 2;
  int calls = 0;
  options.progress = [&](std::size_t, std::size_t) {
    ++calls;
    throw std::runtime_error("cancelled");
  };
  CHECK_THROWS_WITH(score_batch(shipped_examples(), catalog, options), "cancelled");
  CHECK(calls == 1);
}

TEST_CASE("an empty batch is empty") {
  const CriteriaCatalog catalog("", Lang::en);
  int calls = 0;
  BatchOptions options;
  options.progress = [&](std::size_t, std::size_t) { ++calls; };
  CHECK(score_batch({}, catalog, options).empty());
  CHECK(calls == 0);
}
