#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cchc/check.hpp"
#include "test_support.hpp"

using namespace cchc;

namespace {

const std::string k_data = std::string(CCHC_SOURCE_DIR) + "/tests/data/check/";

Decimal dec(const char* text) {
  return *Decimal::parse(text);
}

CheckReport check(const std::vector<std::string>& paths, CheckOptions options = {}) {
  options.lang = Lang::en;
  return run_check(paths, options);
}

const CheckedFile& file_named(const CheckReport& report, const std::string& suffix) {
  for (const CheckedFile& file : report.files) {
    if (file.path.size() >= suffix.size() &&
        file.path.compare(file.path.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return file;
    }
  }
  FAIL("no checked file ends with " << suffix);
  throw;
}

}  // namespace

TEST_CASE("a repository folder is checked file by file, kinds from their tags") {
  const CheckReport report = check({k_data + "repo"});
  REQUIRE(report.files.size() == 4);
  CHECK(file_named(report, "2023/don-vi-a.yaml").kind == InputKind::evidence);
  CHECK(file_named(report, "2023/small-2023.yaml").kind == InputKind::criteria);
  CHECK(file_named(report, "ket-qua-2022.csv").kind == InputKind::results);
  REQUIRE(report.notes.size() == 1);
  CHECK(report.notes[0] == "skipping " + k_data + "repo/ghi-chu.yaml: no \"cchc:\" tag (not a cchc file)");
  CHECK(report.error_count() == 0);
  CHECK(report.warning_count() == 1);  // don-vi-a claims 2 points for a late plan
  CHECK(file_named(report, "don-vi-a.yaml").diagnostics.at(0).code == "overclaim");
  CHECK(report.gates.empty());
  CHECK(report.exit_status() == 0);
}

TEST_CASE("evidence resolves its criteria among the run's own criteria files first") {
  const CheckReport report = check({k_data + "repo"});
  const CheckedFile& a = file_named(report, "don-vi-a.yaml");
  CHECK(a.criteria_id == "small-2023");
  CHECK(a.unit == "don-vi-a");
  CHECK(a.index == dec("76.3"));  // 7.63 of 10: 3.375 on leaf 2.1 rounds to 3.38
  CHECK(file_named(report, "don-vi-b.yaml").index == Decimal(93));
  // Without the criteria file in the run, small-2023 is unknown.
  const CheckReport alone = check({k_data + "repo/2023/don-vi-a.yaml"});
  CHECK(alone.exit_status() == 2);
  CHECK(alone.files.at(0).diagnostics.at(0).code == "unknown_criteria");
  CHECK(alone.files.at(0).diagnostics.at(0).line == 2);
}

TEST_CASE("a YAML file without a tag is an error when named") {
  const CheckReport report = check({k_data + "repo/ghi-chu.yaml"});
  REQUIRE(report.files.size() == 1);
  CHECK(report.exit_status() == 2);
  CHECK(format_diagnostic(report.files[0].diagnostics.at(0)) ==
        k_data +
            "repo/ghi-chu.yaml:2:1: error: no \"cchc:\" tag: expected criteria/1, evidence/1 or results/1 at the top");
}

TEST_CASE("every problem of every file is reported and invalid files exit 2") {
  const CheckReport report = check({k_data + "repo", k_data + "bad"});
  const CheckedFile& bad = file_named(report, "bad/don-vi-c.yaml");
  CHECK(bad.error_count() == 5);
  CHECK_FALSE(bad.valid());
  CHECK(report.error_count() == 6);  // and bad/small-2023.yaml repeats the criteria id of repo/
  CHECK(report.exit_status() == 2);
}

TEST_CASE("the same criteria id twice in a run is an error") {
  const CheckReport report = check({k_data + "repo/2023/small-2023.yaml", k_data + "bad/small-2023.yaml"});
  CHECK(report.exit_status() == 2);
  CHECK(report.files[1].diagnostics.at(0).code == "duplicate_criteria");
}

TEST_CASE("the min-index gate fails the files below it with exit 1") {
  CheckOptions options;
  options.min_index = Decimal(80);
  const CheckReport report = check({k_data + "repo"}, options);
  REQUIRE(report.gates.size() == 2);
  const GateResult& a = report.gates[0];
  CHECK(a.gate == "min-index");
  CHECK(a.unit == "don-vi-a");
  CHECK_FALSE(a.passed);
  CHECK(a.message == "index 76.3 is below the minimum 80 (--min-index)");
  CHECK(report.gates[1].passed);
  CHECK(report.exit_status() == 1);
  options.min_index = dec("76.3");
  CHECK(check({k_data + "repo"}, options).exit_status() == 0);  // the minimum itself passes
}

TEST_CASE("the max-drop gate compares each unit with its baseline index") {
  CheckOptions options;
  options.baseline = k_data + "repo/ket-qua-2022.csv";
  options.max_drop = Decimal(3);
  const CheckReport report = check({k_data + "repo"}, options);
  REQUIRE(report.gates.size() == 2);
  CHECK(report.gates[0].unit == "don-vi-a");
  CHECK_FALSE(report.gates[0].passed);
  CHECK(report.gates[0].message ==
        "the index fell by 3.7 since 2022 (80 → 76.3), more than the allowed 3 (--max-drop)");
  CHECK(report.gates[1].passed);
  CHECK(report.exit_status() == 1);
  options.max_drop = dec("3.7");
  CHECK(check({k_data + "repo"}, options).exit_status() == 0);
}

TEST_CASE("an unreadable baseline is an invalid input") {
  CheckOptions options;
  options.baseline = k_data + "repo/no-such.csv";
  options.max_drop = Decimal(3);
  const CheckReport report = check({k_data + "repo"}, options);
  CHECK(report.exit_status() == 2);
  CHECK(report.files.back().path == k_data + "repo/no-such.csv");
}

TEST_CASE("the strict gate turns warnings into a failure") {
  CheckOptions options;
  options.strict = true;
  const CheckReport report = check({k_data + "repo"}, options);
  CHECK(report.exit_status() == 1);
  const auto failed =
      std::count_if(report.gates.begin(), report.gates.end(), [](const GateResult& gate) { return !gate.passed; });
  CHECK(failed == 1);
  CHECK(check({k_data + "repo/2023/don-vi-b.yaml", k_data + "repo/2023/small-2023.yaml"}, options).exit_status() == 0);
}

TEST_CASE("the strict gate fails on a leaf not declared yet") {
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / "cchc-check-undeclared";
  std::filesystem::create_directories(folder);
  std::filesystem::copy_file(k_data + "repo/2023/small-2023.yaml", folder / "small-2023.yaml",
                             std::filesystem::copy_options::overwrite_existing);
  {
    std::ofstream out(folder / "draft.yaml");
    out << "cchc: evidence/1\ncriteria: small-2023\nyear: 2023\nunit: {id: draft}\nitems:\n"
           "  \"1.1\":\n    value: 2023-01-12\n    documents:\n"
           "      - {number: \"02/KH-ĐVB\", date: 2023-01-12, title: \"Kế hoạch\"}\n"
           "  \"1.2\": {value: 0}\n  \"1.3\": {value: {done: 9, of: 10}}\n  \"2.1\": {value: ~}\n";
  }
  CheckOptions options;
  CHECK(check({folder.string()}, options).exit_status() == 0);
  options.strict = true;
  const CheckReport report = check({folder.string()}, options);
  std::filesystem::remove_all(folder);
  CHECK(report.exit_status() == 1);
  const CheckedFile& draft = file_named(report, "draft.yaml");
  REQUIRE(draft.diagnostics.size() == 1);
  CHECK(draft.diagnostics[0].code == "not_declared");
  CHECK(draft.diagnostics[0].line == 12);
}

TEST_CASE("check messages exist in Vietnamese") {
  CheckOptions options;
  options.lang = Lang::vi;
  options.min_index = Decimal(80);
  const CheckReport report = run_check({k_data + "repo"}, options);
  CHECK(report.gates[0].message == "chỉ số 76,3 thấp hơn ngưỡng tối thiểu 80 (--min-index)");
}

TEST_CASE("an invalid criteria set given with -c is reported once") {
  const std::string path = (std::filesystem::temp_directory_path() / "cchc-check-bad-criteria.yaml").string();
  {
    std::ofstream out(path);
    out << "cchc: criteria/1\nid: x\ntitle: X\nyear: 2023\nscale: 2\nfields:\n"
           "  - {id: \"1\", title: A, max: 1, rule: {type: chek}}\n";
  }
  CheckOptions options;
  options.criteria = path;
  const CheckReport report = check({k_data + "repo/2023/don-vi-a.yaml", k_data + "repo/2023/don-vi-b.yaml"}, options);
  std::filesystem::remove(path);
  REQUIRE(report.files.size() == 2);
  CHECK(report.files[0].error_count() == 2);  // the unknown rule type and the scale
  REQUIRE(report.files[1].error_count() == 1);
  CHECK(report.files[1].diagnostics[0].message ==
        "the criteria \"" + path + "\" are invalid (see the errors reported above)");
  CHECK(report.exit_status() == 2);
}
